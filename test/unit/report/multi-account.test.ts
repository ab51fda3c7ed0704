/** The JSON report and SARIF of a multi-account result: account and region on everything, nothing merged. */
import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { fingerprint } from '../../../src/compliance/fingerprint.js';
import type { ComplianceResult } from '../../../src/compliance/types.js';
import { buildJsonReport } from '../../../src/report/json.js';
import { buildSarif, FINGERPRINT_KEY } from '../../../src/report/sarif.js';
import { finding, run } from '../../fixtures/report/sample.js';
import { accountId, orgGate, orgResult } from '../../fixtures/report/org.js';
import { validateSarif } from '../../helpers/sarif-schema.js';

const schemaJson = JSON.parse(
  readFileSync(new URL('../../../src/report/compliance-report.schema.json', import.meta.url), 'utf8')
) as object;
const validateReport = new Ajv({ allErrors: true, strict: true }).compile(schemaJson);

/** The same resource id, rule and type in two accounts and two regions: four findings, four fingerprints. */
function sameIdEverywhere(): ComplianceResult {
  const places = [
    ['111111111111', 'us-east-1'],
    ['111111111111', 'us-west-2'],
    ['222222222222', 'us-east-1'],
    ['222222222222', 'us-west-2']
  ] as const;
  return {
    checkedAt: '2026-12-03T10:00:00Z',
    accountId: '111111111111',
    region: 'us-east-1',
    rules: places.map(([a, r]) => ({
      accountId: a,
      region: r,
      ruleName: 's3-bucket-logging-enabled',
      status: 'noncompliant' as const,
      findings: [finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'logs', { accountId: a, region: r })]
    })),
    accounts: [
      {
        accountId: '222222222222',
        regions: [
          { region: 'us-west-2', status: 'checked' },
          { region: 'us-east-1', status: 'checked' }
        ]
      },
      {
        accountId: '111111111111',
        name: 'management',
        regions: [
          { region: 'us-east-1', status: 'checked' },
          { region: 'us-west-2', status: 'checked' }
        ]
      },
      {
        accountId: '333333333333',
        regions: [{ region: 'us-east-1', status: 'unknown', reason: 'AccessDenied on sts:AssumeRole' }]
      }
    ]
  };
}

describe('JSON report schemaVersion 2', () => {
  const result = sameIdEverywhere();
  const report = buildJsonReport({ result, gate: orgGate(result), run, generatedAt: '2026-12-03T10:01:00Z' });

  it('validates against its schema', () => {
    expect(validateReport(report)).toBe(true);
    expect(report.schemaVersion).toBe(2);
  });

  it('keeps every rule result per account and region, ordered, with account and region on rule and finding', () => {
    expect(report.rules.map(r => `${r.accountId}/${r.region}/${r.name}`)).toEqual([
      '111111111111/us-east-1/s3-bucket-logging-enabled',
      '111111111111/us-west-2/s3-bucket-logging-enabled',
      '222222222222/us-east-1/s3-bucket-logging-enabled',
      '222222222222/us-west-2/s3-bucket-logging-enabled'
    ]);
    for (const r of report.rules) {
      expect(r.findings.map(f => [f.accountId, f.region])).toEqual([[r.accountId, r.region]]);
      expect(r.findings[0]!.fingerprint).toBe(fingerprint(r.accountId, r.region, r.name, 'AWS::S3::Bucket', 'logs'));
    }
    expect(new Set(report.rules.map(r => r.findings[0]!.fingerprint)).size).toBe(4);
    expect(report.totals.noncompliantResources).toBe(4);
  });

  it('lists every account and region, unknown ones with their reason, ordered', () => {
    expect(report.accounts).toEqual([
      {
        accountId: '111111111111',
        name: 'management',
        regions: [
          { region: 'us-east-1', status: 'checked' },
          { region: 'us-west-2', status: 'checked' }
        ]
      },
      {
        accountId: '222222222222',
        regions: [
          { region: 'us-east-1', status: 'checked' },
          { region: 'us-west-2', status: 'checked' }
        ]
      },
      {
        accountId: '333333333333',
        regions: [{ region: 'us-east-1', status: 'unknown', reason: 'AccessDenied on sts:AssumeRole' }]
      }
    ]);
  });
});

describe('SARIF of a multi-account result', () => {
  const result = sameIdEverywhere();
  const { log } = buildSarif({
    result,
    locations: new Map(),
    rules: new Map(),
    includeSuppressed: true,
    version: '1.0.0'
  });
  const results = log.runs[0]!.results ?? [];

  it('is valid SARIF 2.1.0, with one rule descriptor and one result per account-region', () => {
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(1);
    expect(results).toHaveLength(4);
  });

  it('puts account and region in the properties, the logical location and the message of every result', () => {
    for (const r of results) {
      const { accountId: a, region } = r.properties as { accountId: string; region: string };
      const logical = r.locations?.[0]?.logicalLocations?.[0];
      expect(logical?.fullyQualifiedName).toBe(`${a}/${region}/AWS::S3::Bucket/logs`);
      expect(logical?.properties).toEqual({ accountId: a, region });
      expect(r.message.text).toContain(`in account ${a}, region ${region}`);
      expect(r.partialFingerprints?.[FINGERPRINT_KEY]).toBe(
        fingerprint(a, region, 's3-bucket-logging-enabled', 'AWS::S3::Bucket', 'logs')
      );
    }
    expect(new Set(results.map(r => r.partialFingerprints?.[FINGERPRINT_KEY])).size).toBe(4);
    expect(FINGERPRINT_KEY).toBe('complianceGate/v2');
  });

  it('a single-account result keeps its message free of the account (it is in properties and location)', () => {
    const one = orgResult({ accounts: 1, regions: ['us-east-1'], findings: () => 1 });
    const single = buildSarif({
      result: one,
      locations: new Map(),
      rules: new Map(),
      includeSuppressed: true,
      version: '1.0.0'
    });
    const r = single.log.runs[0]!.results![0]!;
    expect(r.message.text).not.toContain('in account');
    expect((r.properties as { accountId: string }).accountId).toBe(accountId(0));
  });
});
