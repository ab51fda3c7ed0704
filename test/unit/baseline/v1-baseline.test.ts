/** A schemaVersion 1 baseline (no account or region) still compares, within the run's own account and region. */
import { describe, it, expect } from '@jest/globals';
import { compareWithBaseline } from '../../../src/baseline/compare.js';
import { parseBaseline } from '../../../src/baseline/load.js';
import { fingerprint, fingerprintV1 } from '../../../src/compliance/fingerprint.js';
import type { ComplianceResult, RuleResult } from '../../../src/compliance/types.js';
import { buildJsonReport } from '../../../src/report/json.js';
import { finding, run, sampleGate } from '../../fixtures/report/sample.js';

const OWN = { accountId: '123456789012', region: 'us-east-1' };
const RULE = 's3-bucket-logging-enabled';
const S3 = 'AWS::S3::Bucket';

function rule(where: { accountId: string; region: string }, ids: string[], status?: RuleResult['status']): RuleResult {
  return {
    ...where,
    ruleName: RULE,
    status: status ?? (ids.length > 0 ? 'noncompliant' : 'compliant'),
    findings: ids.map(id => finding(RULE, S3, id, where))
  };
}

function result(rules: RuleResult[]): ComplianceResult {
  const accounts = [...new Set(rules.map(r => r.accountId))].map(accountId => ({
    accountId,
    regions: [...new Set(rules.filter(r => r.accountId === accountId).map(r => r.region))].map(region => ({
      region,
      status: 'checked' as const
    }))
  }));
  return { checkedAt: '2025-03-01T10:10:00Z', ...OWN, rules, accounts };
}

/** The report a version 1 writer produced: no accounts block, no account or region, v1 fingerprints. */
function v1ReportText(r: ComplianceResult): string {
  const report = buildJsonReport({ result: r, gate: sampleGate(), run, generatedAt: '2025-02-01T08:00:00Z' });
  const { accounts: _a, ...rest } = report;
  const v1 = {
    ...rest,
    schemaVersion: 1,
    rules: report.rules.map(({ accountId: _x, region: _y, ...ru }) => ({
      ...ru,
      findings: ru.findings.map(({ accountId: _f, region: _g, ...f }) => ({
        ...f,
        fingerprint: fingerprintV1(ru.name, f.resourceType, f.resourceId)
      }))
    }))
  };
  return JSON.stringify(v1, null, 2);
}

describe('a schemaVersion 1 baseline', () => {
  const base = parseBaseline(v1ReportText(result([rule(OWN, ['kept', 'gone'])])), 'base-v1.json');

  it('is read (validated against the version 1 schema)', () => {
    expect(base.schemaVersion).toBe(1);
    expect(base.findings.size).toBe(2);
  });

  it('a v1 report with a v2 field is refused, naming the property', () => {
    const data = JSON.parse(v1ReportText(result([rule(OWN, ['kept'])]))) as { rules: { accountId?: string }[] };
    data.rules[0]!.accountId = OWN.accountId;
    expect(() => parseBaseline(JSON.stringify(data, null, 2), 'mixed.json')).toThrow(/unexpected property "accountId"/);
    expect(() => parseBaseline(JSON.stringify({ ...data, schemaVersion: 2 }), 'x.json')).toThrow(
      /must have required property 'accounts'/
    );
  });

  it('matches by rule and resource within the run own account and region only', () => {
    const other = { accountId: '222222222222', region: 'us-east-1' };
    const otherRegion = { accountId: OWN.accountId, region: 'us-west-2' };
    const c = compareWithBaseline(
      result([rule(OWN, ['kept', 'new-here']), rule(other, ['kept']), rule(otherRegion, ['kept'])]),
      base
    );
    expect(c.existing.map(f => `${f.accountId}/${f.region}/${f.resourceId}`)).toEqual(['123456789012/us-east-1/kept']);
    expect(c.new.map(f => `${f.accountId}/${f.region}/${f.resourceId}`)).toEqual([
      '123456789012/us-east-1/new-here',
      '123456789012/us-west-2/kept',
      '222222222222/us-east-1/kept'
    ]);
    expect(c.fixed).toEqual([
      {
        ...OWN,
        ruleName: RULE,
        resourceType: S3,
        resourceId: 'gone',
        fingerprint: fingerprint(OWN.accountId, OWN.region, RULE, S3, 'gone')
      }
    ]);
    expect(c.unknown).toEqual([]);
    expect(c.warnings.join(' ')).toMatch(/schemaVersion 1 report .* compared with 123456789012\/us-east-1 only/);
  });

  it('a finding gone whose rule errored in the own account is unknown, not fixed (another account checking it does not help)', () => {
    const other = { accountId: '222222222222', region: 'us-east-1' };
    const c = compareWithBaseline(result([rule(OWN, [], 'error'), rule(other, [])]), base);
    expect(c.fixed).toEqual([]);
    expect(c.unknown.map(f => f.resourceId)).toEqual(['gone', 'kept']);
  });

  it('a single-account run gives no multi-account warning', () => {
    const c = compareWithBaseline(result([rule(OWN, ['kept'])]), base);
    expect(c.warnings).toEqual([]);
    expect(c.existing).toHaveLength(1);
  });
});

describe('a schemaVersion 2 baseline', () => {
  it('matches by account, region, rule and resource: the same id in another account is new', () => {
    const a = { accountId: '222222222222', region: 'us-east-1' };
    const b = { accountId: '333333333333', region: 'us-east-1' };
    const text = JSON.stringify(
      buildJsonReport({
        result: result([rule(OWN, []), rule(a, ['x', 'gone']), rule(b, ['y'], 'error')]),
        gate: sampleGate(),
        run,
        generatedAt: '2025-02-01T08:00:00Z'
      })
    );
    const base = parseBaseline(text, 'base-v2.json');
    expect(base.schemaVersion).toBe(2);
    const c = compareWithBaseline(result([rule(OWN, ['x']), rule(a, ['x']), rule(b, [], 'error')]), base);
    expect(c.existing.map(f => f.accountId)).toEqual(['222222222222']);
    expect(c.new.map(f => f.accountId)).toEqual(['123456789012']);
    expect(c.fixed.map(f => `${f.accountId}/${f.resourceId}`)).toEqual(['222222222222/gone']);
    expect(c.unknown.map(f => `${f.accountId}/${f.resourceId}`)).toEqual(['333333333333/y']);
    expect(c.warnings).toEqual([]);
  });
});
