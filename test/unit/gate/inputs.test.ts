import { describe, expect, it } from '@jest/globals';
import { fingerprint } from '../../../src/compliance/fingerprint.js';
import type { ComplianceResult, GateDecision, RuleResult } from '../../../src/compliance/types.js';
import { decideGate } from '../../../src/gate/gate.js';
import {
  cancellationOf,
  cancelledGate,
  gateScope,
  newNoncompliantCount,
  remainingDrift,
  rulesToAsk,
  rulesToCheck,
  verifiedFingerprints,
  withHipaaSections,
  type RulesToCheckInput
} from '../../../src/gate/inputs.js';

const fp = (id: string): { fingerprint: string } => ({
  fingerprint: fingerprint('123456789012', 'us-east-1', 'r', 'AWS::S3::Bucket', id)
});

function result(rules: RuleResult[]): ComplianceResult {
  return {
    checkedAt: '2026-11-22T00:00:00Z',
    accountId: '123456789012',
    region: 'us-east-1',
    rules,
    accounts: [{ accountId: '123456789012', regions: [{ region: 'us-east-1', status: 'checked' }] }]
  };
}

function rule(name: string, hipaaSections?: string[]): RuleResult {
  return {
    accountId: '123456789012',
    region: 'us-east-1',
    ruleName: name,
    status: 'compliant',
    findings: [],
    ...(hipaaSections ? { hipaaSections } : {})
  };
}

describe('remainingDrift', () => {
  const plan = { drift: 3 };
  const done = (...actions: string[]): { done: { action: string }[] } => ({
    done: actions.map(action => ({ action }))
  });

  it('is unknown without a plan', () => {
    expect(remainingDrift(undefined, undefined, 'plan')).toBeUndefined();
    expect(remainingDrift(undefined, done('create'), 'apply')).toBeUndefined();
  });
  it('is the whole drift in plan mode, whatever was applied', () => {
    expect(remainingDrift(plan, undefined, 'plan')).toBe(3);
    expect(remainingDrift(plan, done('create', 'update', 'delete'), 'plan')).toBe(3);
  });
  it('is zero when every difference was applied', () => {
    expect(remainingDrift(plan, done('create', 'update', 'delete'), 'apply')).toBe(0);
    expect(remainingDrift(plan, done('delete', 'delete', 'delete'), 'destroy')).toBe(0);
  });
  it('leaves what an apply that stopped early did not do; unchanged items are not changes', () => {
    expect(remainingDrift(plan, done('create', 'unchanged'), 'apply')).toBe(2);
    expect(remainingDrift(plan, done(), 'apply')).toBe(3);
    expect(remainingDrift(plan, undefined, 'apply')).toBe(3);
  });
  it('is zero with no drift', () => {
    expect(remainingDrift({ drift: 0 }, done('unchanged'), 'apply')).toBe(0);
  });
});

describe('verifiedFingerprints', () => {
  it('keeps only outcomes verified compliant', () => {
    const out = verifiedFingerprints([
      { status: 'verified', target: fp('a') },
      { status: 'succeeded', target: fp('b') },
      { status: 'failed', target: fp('c') }
    ]);
    expect([...out]).toEqual([fp('a').fingerprint]);
  });
  it('is empty without remediation', () => {
    expect(verifiedFingerprints(undefined).size).toBe(0);
  });
});

describe('newNoncompliantCount', () => {
  it('is unknown without a baseline, even with pre-deploy findings', () => {
    expect(newNoncompliantCount(undefined, new Set(), 2)).toBeUndefined();
  });
  it('is zero when nothing is new', () => {
    expect(newNoncompliantCount({ new: [] }, new Set(), 0)).toBe(0);
  });
  it('counts new findings that remediation did not verify fixed', () => {
    const comparison = { new: [fp('a'), fp('b'), fp('c')] };
    expect(newNoncompliantCount(comparison, new Set(), 0)).toBe(3);
    expect(newNoncompliantCount(comparison, new Set([fp('b').fingerprint]), 0)).toBe(2);
    expect(
      newNoncompliantCount(
        comparison,
        verifiedFingerprints(comparison.new.map(target => ({ status: 'verified', target }))),
        0
      )
    ).toBe(0);
  });
  it('adds everything pre-deploy flagged', () => {
    expect(newNoncompliantCount({ new: [fp('a')] }, new Set(), 2)).toBe(3);
    expect(newNoncompliantCount({ new: [] }, new Set(), 1)).toBe(1);
  });
});

describe('withHipaaSections', () => {
  const fallback = (name: string): string[] => (name === 'builtin' ? ['164.312(b)'] : []);

  it("takes the manifest's sections first, else the built-in mapping", () => {
    const out = withHipaaSections(
      result([rule('declared'), rule('builtin'), rule('unknown')]),
      [{ name: 'declared', hipaaSections: ['164.308(a)(1)'] }],
      fallback
    );
    expect(out.rules.map(r => r.hipaaSections)).toEqual([['164.308(a)(1)'], ['164.312(b)'], []]);
  });
  it('keeps an empty declared list (the manifest says none) rather than the built-in one', () => {
    const out = withHipaaSections(result([rule('builtin')]), [{ name: 'builtin', hipaaSections: [] }], fallback);
    expect(out.rules[0]?.hipaaSections).toEqual([]);
  });
  it('uses the built-in mapping without a manifest, and does not change its input', () => {
    const input = result([rule('builtin', ['old'])]);
    const out = withHipaaSections(input, undefined, fallback);
    expect(out.rules[0]?.hipaaSections).toEqual(['164.312(b)']);
    expect(input.rules[0]?.hipaaSections).toEqual(['old']);
  });
});

describe('rulesToCheck', () => {
  const base: RulesToCheckInput = {
    rules: [],
    region: 'us-east-1',
    config: 'compliance.yml',
    deploy: 'off',
    declared: ['a', 'b'],
    deployed: undefined
  };

  it("checks the 'rules' input first", () => {
    const r = rulesToCheck({ ...base, rules: ['x'], deploy: 'destroy' });
    expect(r.rules).toEqual(['x']);
    expect(r.scope).toEqual({ nothingChecked: `no rule named in the 'rules' input was found` });
  });
  it('checks every rule in the account without a manifest', () => {
    const r = rulesToCheck({ ...base, declared: undefined });
    expect(r.rules).toBe('all');
    expect(r.scope.nothingChecked).toBe('AWS Config has no rules in region us-east-1 of this account');
  });
  it('checks nothing by design on deploy: destroy, and says so', () => {
    const r = rulesToCheck({ ...base, deploy: 'destroy' });
    expect(r.rules).toBe('none');
    expect(r.scope.nothingByDesign).toMatch(/^deploy: destroy removes the rules/);
    expect(r.note).toBe(`${r.scope.nothingByDesign}.`);
  });
  it('a manifest without rules checks nothing: by design when deploying, a failure otherwise', () => {
    for (const deploy of ['plan', 'apply'] as const) {
      expect(rulesToCheck({ ...base, declared: [], deploy }).scope).toEqual({
        nothingByDesign: 'the manifest (compliance.yml) declares no rules'
      });
    }
    expect(rulesToCheck({ ...base, declared: [], deploy: 'off' })).toEqual({
      rules: 'none',
      scope: { nothingChecked: 'the manifest (compliance.yml) declares no rules' }
    });
  });
  it('in plan mode checks only the declared rules already deployed, and names the others', () => {
    const r = rulesToCheck({ ...base, deploy: 'plan', deployed: new Set(['b', 'other']) });
    expect(r.rules).toEqual(['b']);
    expect(r.note).toBe('1 declared rule(s) are not deployed yet, so not checked: a');
    expect(r.scope.nothingChecked).toMatch(/^none of the 2 rule\(s\) of the manifest is deployed/);
    expect(rulesToCheck({ ...base, deploy: 'plan', deployed: new Set(['a', 'b']) }).note).toBeUndefined();
  });
  it('names at most ten missing rules', () => {
    const declared = Array.from({ length: 12 }, (_, i) => `r${i}`);
    const r = rulesToCheck({ ...base, declared, deploy: 'plan', deployed: new Set() });
    expect(r.rules).toEqual([]);
    expect(r.note).toMatch(/r9, and 2 more$/);
  });
  it("otherwise checks the manifest's rules", () => {
    expect(rulesToCheck({ ...base, deploy: 'apply', deployed: new Set() }).rules).toEqual(['a', 'b']);
  });
});

describe('rulesToAsk', () => {
  it('asks nothing for none or no names', () => {
    expect(rulesToAsk('none')).toBeUndefined();
    expect(rulesToAsk([])).toBeUndefined();
  });
  it('asks for all, or the names', () => {
    expect(rulesToAsk('all')).toBe('all');
    expect(rulesToAsk(['a'])).toEqual(['a']);
  });
});

describe('gateScope', () => {
  const failed = [{ file: 't.yml', line: 3, logicalId: 'Bucket', reason: 'timed out' }];

  it('adds what pre-deploy could not judge, when it ran', () => {
    expect(gateScope({ nothingChecked: 'x' }, failed)).toEqual({ nothingChecked: 'x', unevaluated: failed });
    expect(gateScope({}, [])).toEqual({ unevaluated: [] });
  });
  it('has no unevaluated resources when pre-deploy did not run', () => {
    expect(gateScope({ nothingByDesign: 'y' }, undefined)).toEqual({ nothingByDesign: 'y' });
  });
  it('makes an unevaluated resource fail the gate', () => {
    const empty = result([]);
    expect(
      decideGate(empty, ['noncompliant'], undefined, undefined, gateScope({ nothingByDesign: 'y' }, failed)).result
    ).toBe('fail');
  });
});

describe('cancellation', () => {
  const passed: GateDecision = decideGate(result([rule('a')]), ['noncompliant']);

  it("is remediation's account of it first, else the signal's reason, else none", () => {
    expect(cancellationOf('cancelled (SIGTERM): 1 execution stopped', 'SIGTERM')).toBe(
      'cancelled (SIGTERM): 1 execution stopped'
    );
    expect(cancellationOf(undefined, 'SIGINT')).toBe('cancelled (SIGINT)');
    expect(cancellationOf(undefined, undefined)).toBeUndefined();
  });
  it('fails a passing gate and says why; leaves an uncancelled decision as it is', () => {
    expect(passed.result).toBe('pass');
    expect(cancelledGate(passed, 'cancelled (SIGINT)')).toEqual({
      ...passed,
      result: 'fail',
      reason: 'cancelled (SIGINT)'
    });
    expect(cancelledGate(passed, undefined)).toBe(passed);
  });
});
