/** Waivers that name an account (`account:`): part of the waiver's identity; without it, every account. */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { ComplianceResult, RuleResult } from '../../../src/compliance/types.js';
import { SourceErrors } from '../../../src/errors.js';
import { applyWaivers, decideWaivers, findingsCovered, markProposedWaivers } from '../../../src/gate/waivers.js';
import { parseManifest, type Waiver } from '../../../src/manifest/load.js';
import { buildJsonReport } from '../../../src/report/json.js';
import { proposedWaiversSection } from '../../../src/report/sections/waivers.js';
import { finding, run, sampleGate } from '../../fixtures/report/sample.js';

const RULE = 's3-bucket-logging-enabled';
const A = '222222222222';
const B = '333333333333';

const waiver = (over: Partial<Waiver> = {}): Waiver => ({
  rule: RULE,
  resourceId: 'logs',
  reason: 'Central log bucket',
  owner: 'sec',
  expires: '2027-06-30',
  ...over
});

function rule(accountId: string, region = 'us-east-1'): RuleResult {
  return {
    accountId,
    region,
    ruleName: RULE,
    status: 'noncompliant',
    findings: [finding(RULE, 'AWS::S3::Bucket', 'logs', { accountId, region })]
  };
}

const result: ComplianceResult = {
  checkedAt: '2026-12-01T00:00:00Z',
  accountId: A,
  region: 'us-east-1',
  rules: [rule(A), rule(B), rule(B, 'us-west-2')],
  accounts: [
    { accountId: A, regions: [{ region: 'us-east-1', status: 'checked' }] },
    {
      accountId: B,
      regions: [
        { region: 'us-east-1', status: 'checked' },
        { region: 'us-west-2', status: 'checked' }
      ]
    }
  ]
};

const waivedAt = (r: ComplianceResult): string[] =>
  r.rules.flatMap(x => x.findings.filter(f => f.waiver !== undefined).map(f => `${f.accountId}/${f.region}`));

describe('applyWaivers with accounts', () => {
  it('a waiver without an account covers the rule and resource in every account and region', () => {
    expect(waivedAt(applyWaivers(result, [waiver()], '2026-12-01'))).toEqual([
      `${A}/us-east-1`,
      `${B}/us-east-1`,
      `${B}/us-west-2`
    ]);
  });

  it('a waiver naming an account covers that account only (all its regions)', () => {
    const r = applyWaivers(result, [waiver({ account: B })], '2026-12-01');
    expect(waivedAt(r)).toEqual([`${B}/us-east-1`, `${B}/us-west-2`]);
    expect(findingsCovered(result, waiver({ account: B }))).toBe(2);
    expect(findingsCovered(result, waiver())).toBe(3);
  });

  it('an account-specific waiver wins over an every-account one for its account', () => {
    const own = waiver({ account: A, owner: 'team-a' });
    const r = applyWaivers(result, [waiver(), own], '2026-12-01');
    const byAccount = r.rules.map(x => `${x.accountId}:${x.findings[0]!.waiver?.owner}`);
    expect(byAccount).toEqual([`${A}:team-a`, `${B}:sec`, `${B}:sec`]);
  });

  it('a waiver naming an account absent from the result covers nothing', () => {
    expect(waivedAt(applyWaivers(result, [waiver({ account: '999999999999' })], '2026-12-01'))).toEqual([]);
  });
});

describe('decideWaivers: the account is part of the identity', () => {
  it('a base waiver for one account does not grant the same waiver for another or for every account', () => {
    const d = decideWaivers([waiver({ account: B }), waiver()], { readable: true, waivers: [waiver({ account: A })] });
    expect(d.effective).toEqual([]);
    expect(d.proposed.map(w => [w.account, w.why])).toEqual([
      [B, 'new'],
      [undefined, 'new']
    ]);
  });

  it('a base waiver for every account grants the same waiver narrowed to one account, expiring no later', () => {
    const d = decideWaivers([waiver({ account: A }), waiver({ account: B, expires: '2027-07-01' })], {
      readable: true,
      waivers: [waiver()]
    });
    expect(d.effective.map(w => w.account)).toEqual([A]);
    expect(d.proposed).toEqual([
      { ...waiver({ account: B, expires: '2027-07-01' }), why: 'later-expiry', baseExpires: '2027-06-30' }
    ]);
  });

  it('proposed waivers mark only their account findings', () => {
    const r = markProposedWaivers(result, [waiver({ account: A })], '2026-12-01');
    expect(r.rules.map(x => x.findings[0]!.proposedWaiver !== undefined)).toEqual([true, false, false]);
  });
});

describe('reports list the account of a waiver', () => {
  it('JSON report: on the waiver of a finding and on a proposed waiver; absent when every account', () => {
    const waived = applyWaivers(result, [waiver({ account: B })], '2026-12-01');
    const report = buildJsonReport({
      result: waived,
      gate: sampleGate(),
      run,
      generatedAt: '2026-12-01T00:00:00Z',
      waivers: {
        proposed: [
          { ...waiver({ account: A }), why: 'new' },
          { ...waiver(), why: 'new' }
        ],
        base: { eventName: 'pull_request' }
      }
    });
    expect(report.rules.map(r => r.findings[0]!.waiver?.account)).toEqual([undefined, B, B]);
    expect(report.proposedWaivers?.map(w => [w.account, w.findings])).toEqual([
      [undefined, 1],
      [A, 1]
    ]);
  });

  it('summary: the proposed waiver row names the account', () => {
    const section = proposedWaiversSection([{ ...waiver({ account: A }), why: 'new' }], undefined, result);
    const rows = section?.blocks.find(b => b.kind === 'rows');
    if (rows?.kind !== 'rows') throw new Error('rows');
    expect(rows.row(0)).toContain(`logs<br>account ${A}`);
  });
});

describe('manifest: account of a waiver', () => {
  const text = (account: string): string =>
    [
      'version: 1',
      'waivers:',
      `  - account: ${account}`,
      `    rule: ${RULE}`,
      '    resource: logs',
      '    reason: Central log bucket',
      '    owner: sec',
      "    expires: '2027-06-30'",
      ''
    ].join('\n');
  const file = join('/tmp', 'compliance.yml');

  it('a quoted 12-digit account is read', () => {
    expect(parseManifest(text(`'${A}'`), file, '2026-12-01').waivers[0]).toMatchObject({ account: A, rule: RULE });
  });

  it('a waiver without an account has none', () => {
    const m = parseManifest(text(`'${A}'`).replace(`  - account: '${A}'\n    rule`, '  - rule'), file, '2026-12-01');
    expect(m.waivers[0]).not.toHaveProperty('account');
  });

  it.each([['12345'], ["'12345678901a'"], ['222222222222']])('account %s is an error naming the line', bad => {
    let err: unknown;
    try {
      parseManifest(text(bad), file, '2026-12-01');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SourceErrors);
    expect((err as SourceErrors).errors[0]!.message).toMatch(/compliance\.yml:3:\d+: .*account/);
  });
});
