import { describe, expect, it } from '@jest/globals';
import { fingerprint } from '../../../src/compliance/fingerprint.js';
import { applyRemediationOutcomes, decideGate } from '../../../src/gate/gate.js';
import { applyWaivers } from '../../../src/gate/waivers.js';
import type { ComplianceResult, Finding, RuleResult, RuleStatus } from '../../../src/compliance/types.js';
import type { FailOn } from '../../../src/inputs.js';

function finding(rule: string, id: string, type = 'AWS::S3::Bucket'): Finding {
  return {
    accountId: '123456789012',
    region: 'us-east-1',
    ruleName: rule,
    resourceType: type,
    resourceId: id,
    fingerprint: fingerprint('123456789012', 'us-east-1', rule, type, id)
  };
}

function rule(name: string, status: RuleStatus, ids: string[] = [], complianceType?: string): RuleResult {
  return {
    accountId: '123456789012',
    region: 'us-east-1',
    ruleName: name,
    status,
    complianceType: complianceType ?? (ids.length > 0 ? 'NON_COMPLIANT' : 'COMPLIANT'),
    findings: ids.map(id => finding(name, id))
  };
}

function result(rules: RuleResult[]): ComplianceResult {
  return {
    checkedAt: '2026-11-22T00:00:00Z',
    accountId: '123456789012',
    region: 'us-east-1',
    rules,
    accounts: [{ accountId: '123456789012', regions: [{ region: 'us-east-1', status: 'checked' }] }]
  };
}

const seedLike = result([
  rule('s3-bucket-logging-enabled', 'noncompliant', ['claims-uploads', 'access-logs']),
  rule('ec2-ebs-encryption-by-default', 'noncompliant', ['123456789012'])
]);

describe('decideGate', () => {
  it('fails on non-compliant resources with a one-line reason', () => {
    const g = decideGate(seedLike, ['noncompliant']);
    expect(g.result).toBe('fail');
    expect(g.reason).toBe('3 non-compliant resources in 2 rules');
    expect(g.noncompliantCount).toBe(3);
    expect(g.noncompliantRules).toEqual(['s3-bucket-logging-enabled', 'ec2-ebs-encryption-by-default']);
  });
  it('passes with fail-on never and says why', () => {
    const g = decideGate(seedLike, ['never']);
    expect(g.result).toBe('pass');
    expect(g.reason).toBe('3 non-compliant resources in 2 rules (fail-on: never)');
  });
  it('passes a compliant account', () => {
    const g = decideGate(result([rule('a', 'compliant'), rule('b', 'compliant')]), ['noncompliant']);
    expect(g).toMatchObject({ result: 'pass', reason: 'No non-compliant resources in 2 rules', noncompliantCount: 0 });
  });
  it('fails on stale and insufficient data only when asked', () => {
    const r = result([rule('a', 'stale', [], 'COMPLIANT'), rule('b', 'insufficient-data', [], 'INSUFFICIENT_DATA')]);
    expect(decideGate(r, ['noncompliant']).result).toBe('pass');
    // Not "no non-compliant resources in 2 rules": neither rule has a fresh evaluation.
    expect(decideGate(r, ['noncompliant']).reason).toBe(
      '2 of 2 rules not judged (1 rule with stale results, 1 rule with insufficient data); ' +
        'no non-compliant resources in the 0 rules judged (fail-on: noncompliant)'
    );
    const stale = decideGate(r, ['stale']);
    expect(stale).toMatchObject({ result: 'fail', reason: '1 rule with stale results', staleRules: ['a'] });
    expect(decideGate(r, ['insufficient-data']).reason).toBe('1 rule with insufficient data');
  });
  it('counts the findings of a stale non-compliant rule', () => {
    const g = decideGate(result([rule('a', 'stale', ['x'])]), ['noncompliant']);
    expect(g).toMatchObject({ result: 'fail', noncompliantCount: 1 });
  });
  it('a rule that could not be checked fails the gate, even with fail-on never', () => {
    const r = result([{ ...rule('a', 'error'), error: { operation: 'op', code: 'InternalFailure', message: 'm' } }]);
    expect(decideGate(r, ['never'])).toMatchObject({ result: 'fail', reason: '1 rule could not be checked (a)' });
  });
  it('names at most five rules that could not be checked', () => {
    const names = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
    const r = result(names.map(n => rule(n, 'error')));
    expect(decideGate(r, ['noncompliant']).reason).toBe('7 rules could not be checked (r1, r2, r3, r4, r5 and 2 more)');
  });
});

describe('decideGate: nothing checked is not a pass', () => {
  const none = result([]);
  it.each<[FailOn]>([['noncompliant'], ['never'], ['drift'], ['insufficient-data']])(
    'a check of 0 rules fails under fail-on %s, saying why',
    failOn => {
      const g = decideGate(none, [failOn], 0, undefined, {
        nothingChecked: 'none of the 2 rule(s) of the manifest is deployed in the account yet: a, b'
      });
      expect(g).toMatchObject({
        result: 'fail',
        reason: 'no rules were checked: none of the 2 rule(s) of the manifest is deployed in the account yet: a, b'
      });
    }
  );
  it('a check of 0 rules with no reason given still fails', () => {
    expect(decideGate(none, ['noncompliant'])).toMatchObject({
      result: 'fail',
      reason: 'no rules were checked: no rule matched'
    });
  });
  it('checking nothing by design passes and says so (deploy: destroy, a manifest without rules)', () => {
    const g = decideGate(none, ['noncompliant'], 0, undefined, {
      nothingByDesign: 'deploy: destroy removes the rules of the manifest, so there is nothing to check'
    });
    expect(g).toMatchObject({
      result: 'pass',
      reason:
        'Nothing checked by design: deploy: destroy removes the rules of the manifest, so there is nothing to check'
    });
  });
  it('by design does not excuse other failures (drift under fail-on drift)', () => {
    const g = decideGate(none, ['drift'], 3, undefined, { nothingByDesign: 'the manifest declares no rules' });
    expect(g.result).toBe('fail');
    expect(g.reason).toBe('3 differences between the manifest and the account (drift)');
  });
  it('by design applies only to 0 rules: checked rules are judged as usual', () => {
    const g = decideGate(seedLike, ['noncompliant'], undefined, undefined, { nothingByDesign: 'x' });
    expect(g).toMatchObject({ result: 'fail', reason: '3 non-compliant resources in 2 rules' });
  });
  it('a rule with insufficient data (not evaluated yet) passes only under its fail-on, never as judged', () => {
    const r = result([rule('new-rule', 'insufficient-data', [], 'INSUFFICIENT_DATA'), rule('old', 'compliant')]);
    const g = decideGate(r, ['noncompliant']);
    expect(g.result).toBe('pass');
    expect(g.reason).toBe(
      '1 of 2 rules not judged (1 rule with insufficient data); no non-compliant resources in the 1 rule judged (fail-on: noncompliant)'
    );
    expect(g.reason).not.toMatch(/^No non-compliant/);
    expect(decideGate(r, ['insufficient-data'])).toMatchObject({
      result: 'fail',
      reason: '1 rule with insufficient data',
      insufficientDataRules: ['new-rule']
    });
  });
  it('when no checked rule was ever evaluated, nothing was judged: it fails under every fail-on', () => {
    const fresh = (name: string): RuleResult => rule(name, 'insufficient-data', [], 'INSUFFICIENT_DATA');
    for (const failOn of [['noncompliant'], ['never']] as FailOn[][]) {
      const g = decideGate(result([fresh('a'), fresh('b')]), failOn);
      expect(g.result).toBe('fail');
      expect(g.reason).toContain(
        'no rule has been evaluated yet: AWS Config has not finished a first evaluation of a, b'
      );
    }
    // One rule evaluated: the check judged something; the new rule is insufficient data under its fail-on.
    expect(decideGate(result([fresh('a'), rule('b', 'compliant')]), ['noncompliant']).result).toBe('pass');
    // Evaluated, with nothing in scope (AWS reports INSUFFICIENT_DATA): judged, not "never evaluated".
    const evaluated = { ...fresh('a'), lastEvaluated: '2026-11-21T00:00:00Z' };
    expect(decideGate(result([evaluated]), ['noncompliant']).result).toBe('pass');
  });
  it('a template resource pre-deploy could not evaluate fails the gate under every fail-on, with file:line', () => {
    const compliant = result([rule('a', 'compliant')]);
    const unevaluated = [
      {
        file: 'templates/x.yaml',
        line: 12,
        logicalId: 'Bucket',
        reason: 'evaluation failed: BucketName must be a string'
      }
    ];
    for (const failOn of ['noncompliant', 'never', 'drift'] as const) {
      expect(decideGate(compliant, [failOn], undefined, undefined, { unevaluated })).toMatchObject({
        result: 'fail',
        reason: '1 template resource could not be evaluated before deploy (templates/x.yaml:12 Bucket)'
      });
    }
    expect(decideGate(compliant, ['noncompliant'], undefined, undefined, { unevaluated: [] }).result).toBe('pass');
  });
});

describe('applyWaivers', () => {
  const waiver = {
    rule: 's3-bucket-logging-enabled',
    resourceId: 'access-logs',
    reason: 'log bucket cannot log to itself',
    owner: 'security@example.org',
    expires: '2027-01-31'
  };
  it('marks covered findings waived: listed, not counted', () => {
    const waived = applyWaivers(seedLike, [waiver], '2026-11-22');
    const g = decideGate(waived, ['noncompliant']);
    expect(g.noncompliantCount).toBe(2);
    expect(g.waivedCount).toBe(1);
    expect(g.reason).toBe('2 non-compliant resources in 2 rules');
    expect(waived.rules[0]!.findings.find(f => f.resourceId === 'access-logs')?.waiver).toEqual(waiver);
    expect(seedLike.rules[0]!.findings.every(f => !f.waiver)).toBe(true);
  });
  it('ignores expired waivers', () => {
    const g = decideGate(applyWaivers(seedLike, [waiver], '2027-02-01'), ['noncompliant']);
    expect(g.noncompliantCount).toBe(3);
  });
  it('a rule whose findings are all waived passes', () => {
    const r = result([rule('s3-bucket-logging-enabled', 'noncompliant', ['access-logs'])]);
    const g = decideGate(applyWaivers(r, [waiver], '2026-11-22'), ['noncompliant']);
    expect(g).toMatchObject({ result: 'pass', noncompliantCount: 0, waivedCount: 1 });
  });
});

describe('drift', () => {
  it('fails on drift only when fail-on includes drift', () => {
    const compliant = result([rule('a', 'compliant')]);
    expect(decideGate(compliant, ['noncompliant'], 6)).toMatchObject({ result: 'pass', drift: 6 });
    expect(decideGate(compliant, ['noncompliant', 'drift'], 6)).toMatchObject({
      result: 'fail',
      reason: '6 differences between the manifest and the account (drift)'
    });
    expect(decideGate(compliant, ['drift'], 0).result).toBe('pass');
  });
});

describe('new non-compliance (baseline)', () => {
  it('fail-on new-noncompliant fails only on findings not in the baseline', () => {
    expect(decideGate(seedLike, ['new-noncompliant'], undefined, 0)).toMatchObject({
      result: 'pass',
      newNoncompliantCount: 0
    });
    expect(decideGate(seedLike, ['new-noncompliant'], undefined, 0).reason).toBe(
      '3 non-compliant resources in 2 rules, 0 new non-compliant resources (not in the baseline) (fail-on: new-noncompliant)'
    );
    expect(decideGate(seedLike, ['new-noncompliant'], undefined, 1)).toMatchObject({
      result: 'fail',
      reason: '1 new non-compliant resource (not in the baseline)'
    });
  });
});

describe('applyRemediationOutcomes', () => {
  it('a verified fix no longer counts, and a rule with all findings fixed is compliant', () => {
    const ebs = seedLike.rules[1]!.findings[0]!;
    const bucket = seedLike.rules[0]!.findings[0]!;
    const after = applyRemediationOutcomes(seedLike, [
      { fingerprint: ebs.fingerprint, outcome: 'verified', executionId: 'exec-1' },
      { fingerprint: bucket.fingerprint, outcome: 'succeeded-unverified' }
    ]);
    expect(after.rules[1]).toMatchObject({ status: 'compliant' });
    expect(after.rules[1]!.findings[0]!.remediation).toEqual({ outcome: 'verified', executionId: 'exec-1' });
    expect(after.rules[0]!.status).toBe('noncompliant');
    expect(decideGate(after, ['noncompliant'])).toMatchObject({
      noncompliantCount: 2,
      reason: '2 non-compliant resources in 1 rule'
    });
    expect(applyRemediationOutcomes(seedLike, [])).toBe(seedLike);
  });
});
