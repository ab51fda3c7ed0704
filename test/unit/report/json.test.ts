import { describe, it, expect } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import {
  buildJsonReport,
  fingerprint,
  REPORT_SCHEMA_VERSION,
  type ComplianceReportJson
} from '../../../src/report/json.js';
import type { ComplianceResult } from '../../../src/compliance/types.js';
import { fingerprintV1 } from '../../../src/compliance/fingerprint.js';
import { largeResult, MALICIOUS_ID, run, sampleGate, sampleResult } from '../../fixtures/report/sample.js';

const schema = JSON.parse(
  readFileSync(new URL('../../../src/report/compliance-report.schema.json', import.meta.url), 'utf8')
) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const GENERATED_AT = '2025-03-01T10:11:00Z';

function build(result: ComplianceResult = sampleResult()): ComplianceReportJson {
  return buildJsonReport({ result, gate: sampleGate(), run, generatedAt: GENERATED_AT });
}

describe('buildJsonReport', () => {
  it('validates against the JSON Schema', () => {
    const report = build();
    expect(validate(report)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(REPORT_SCHEMA_VERSION).toBe(2);
  });

  it('carries the run metadata, account, region and time', () => {
    expect(build().run).toEqual({
      repository: 'acme/claims-infra',
      runId: '4242',
      runAttempt: '2',
      workflow: 'compliance',
      eventName: 'schedule',
      actor: 'octocat',
      sha: '0123456789abcdef0123456789abcdef01234567',
      ref: 'refs/heads/main',
      serverUrl: 'https://github.com',
      runUrl: 'https://github.com/acme/claims-infra/actions/runs/4242/attempts/2',
      accountId: '123456789012',
      region: 'us-east-1',
      checkedAt: '2025-03-01T10:10:00Z'
    });
  });

  it('lists every rule by name with counts, sections and errors, and totals', () => {
    const report = build();
    expect(report.rules.map(r => r.name)).toEqual([
      'cloudtrail-enabled',
      'dynamodb-pitr-enabled',
      'ec2-ebs-encryption-by-default',
      'iam-root-access-key-check',
      'rds-storage-encrypted',
      's3-bucket-logging-enabled',
      'vpc-flow-logs-enabled'
    ]);
    const s3 = report.rules.find(r => r.name === 's3-bucket-logging-enabled');
    expect(s3).toMatchObject({
      status: 'noncompliant',
      noncompliantCount: 3,
      waivedCount: 1,
      lastEvaluated: '2025-03-01T10:05:00Z'
    });
    expect(s3?.hipaaSections).toEqual(['164.312(b)', '164.308(a)(1)(ii)(D)']);
    const iam = report.rules.find(r => r.name === 'iam-root-access-key-check');
    expect(iam?.error).toEqual({
      operation: 'GetComplianceDetailsByConfigRule',
      code: 'ThrottlingException',
      message: 'Rate exceeded',
      requestId: 'req-1'
    });
    expect(report.totals).toEqual({
      rules: 7,
      byStatus: { error: 1, noncompliant: 2, stale: 1, 'insufficient-data': 1, compliant: 1, 'not-applicable': 1 },
      noncompliantResources: 4,
      waivedResources: 1
    });
    expect(report.gate.noncompliantRules).toEqual(['cloudtrail-enabled', 's3-bucket-logging-enabled']);
  });

  it('keeps raw strings (JSON is data) and marks waived findings with their waiver', () => {
    const s3 = build().rules.find(r => r.name === 's3-bucket-logging-enabled');
    expect(s3?.findings.map(f => f.resourceId)).toEqual([
      'access-logs',
      'claims-uploads',
      'legacy-archive',
      MALICIOUS_ID
    ]);
    const waived = s3?.findings.find(f => f.resourceId === 'legacy-archive');
    expect(waived).toEqual({
      accountId: '123456789012',
      region: 'us-east-1',
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'legacy-archive',
      fingerprint: fingerprint(
        '123456789012',
        'us-east-1',
        's3-bucket-logging-enabled',
        'AWS::S3::Bucket',
        'legacy-archive'
      ),
      waived: true,
      waiver: {
        reason: 'Decommissioning in Q2',
        owner: 'infra-team',
        expires: '2025-06-30',
        source: 'compliance.yml:40'
      }
    });
    expect(s3?.findings.filter(f => !f.waived)).toHaveLength(3);
  });

  it('orders findings by resource type, then id', () => {
    const result: ComplianceResult = {
      ...sampleResult(),
      rules: [
        {
          accountId: '123456789012',
          region: 'us-east-1',
          ruleName: 'r',
          status: 'noncompliant',
          findings: [
            {
              accountId: '123456789012',
              region: 'us-east-1',
              ruleName: 'r',
              resourceType: 'B',
              resourceId: '1',
              fingerprint: ''
            },
            {
              accountId: '123456789012',
              region: 'us-east-1',
              ruleName: 'r',
              resourceType: 'A',
              resourceId: '2',
              fingerprint: ''
            },
            {
              accountId: '123456789012',
              region: 'us-east-1',
              ruleName: 'r',
              resourceType: 'A',
              resourceId: '10',
              fingerprint: ''
            }
          ]
        }
      ]
    };
    const findings = build(result).rules[0]?.findings ?? [];
    expect(findings.map(f => `${f.resourceType}/${f.resourceId}`)).toEqual(['A/10', 'A/2', 'B/1']);
    // a missing fingerprint is computed
    expect(findings[0]?.fingerprint).toBe(fingerprint('123456789012', 'us-east-1', 'r', 'A', '10'));
  });

  it('is identical for the same account read in another order', () => {
    const a = sampleResult();
    const b = sampleResult();
    b.rules.reverse();
    for (const r of b.rules) r.findings.reverse();
    expect(JSON.stringify(build(b))).toBe(JSON.stringify(build(a)));
  });

  it('has every finding of a large account, nothing truncated, and still validates', () => {
    const { result, gate } = largeResult(130, 20_000);
    const report = buildJsonReport({ result, gate, run, generatedAt: GENERATED_AT });
    const all = report.rules.flatMap(r => r.findings);
    expect(all).toHaveLength(20_000);
    expect(new Set(all.map(f => f.fingerprint)).size).toBe(20_000);
    expect(report.totals.noncompliantResources).toBe(20_000);
    expect(validate(report)).toBe(true);
  });

  it('the schema rejects a report that breaks its contract', () => {
    const good = build();
    const noVersion: Record<string, unknown> = { ...good };
    delete noVersion['schemaVersion'];
    expect(validate(noVersion)).toBe(false);
    expect(validate({ ...good, schemaVersion: 1 })).toBe(false);
    const noAccounts: Record<string, unknown> = { ...good };
    delete noAccounts['accounts'];
    expect(validate(noAccounts)).toBe(false);
    const unknownNoReason = [{ accountId: '1', regions: [{ region: 'us-east-1', status: 'unknown' }] }];
    expect(validate({ ...good, accounts: unknownNoReason })).toBe(false);
    const unknownWithReason = [{ accountId: '1', regions: [{ region: 'us-east-1', status: 'unknown', reason: 'x' }] }];
    expect(validate({ ...good, accounts: unknownWithReason })).toBe(true);
    const rules = structuredClone(good.rules);
    const f = rules.find(r => r.findings.length > 0)?.findings[0];
    if (f === undefined) throw new Error('fixture has findings');
    f.waived = true;
    delete f.waiver;
    expect(validate({ ...good, rules })).toBe(false);
    f.waiver = { reason: 'r', owner: 'o', expires: '2030-01-01' };
    expect(validate({ ...good, rules })).toBe(true);
    f.waived = false;
    expect(validate({ ...good, rules })).toBe(false);
    f.waived = true;
    const { accountId: _a, ...noAccount } = f;
    expect(validate({ ...good, rules: [{ ...rules[0], findings: [noAccount] }] })).toBe(false);
    expect(validate({ ...good, extra: 1 })).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is the first 32 hex chars of sha256(account NUL region NUL rule NUL type NUL id)', () => {
    const expected = createHash('sha256')
      .update('123456789012\0us-east-1\0s3-bucket-logging-enabled\0AWS::S3::Bucket\0claims-uploads')
      .digest('hex')
      .slice(0, 32);
    expect(
      fingerprint('123456789012', 'us-east-1', 's3-bucket-logging-enabled', 'AWS::S3::Bucket', 'claims-uploads')
    ).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes with the account and with the region (the same resource id elsewhere is another finding)', () => {
    const base = fingerprint('123456789012', 'us-east-1', 'r', 'AWS::S3::Bucket', 'b');
    expect(fingerprint('222222222222', 'us-east-1', 'r', 'AWS::S3::Bucket', 'b')).not.toBe(base);
    expect(fingerprint('123456789012', 'us-west-2', 'r', 'AWS::S3::Bucket', 'b')).not.toBe(base);
    expect(fingerprint('12345678901', '2us-east-1', 'r', 'AWS::S3::Bucket', 'b')).not.toBe(base);
  });

  it('keeps the version 1 fingerprint (rule, type, id) for old baselines', () => {
    const v1 = createHash('sha256').update('r\0AWS::S3::Bucket\0b').digest('hex').slice(0, 32);
    expect(fingerprintV1('r', 'AWS::S3::Bucket', 'b')).toBe(v1);
  });

  it('is stable and separates its parts', () => {
    expect(fingerprint('123456789012', 'us-east-1', 'a', 'b', 'c')).toBe(
      fingerprint('123456789012', 'us-east-1', 'a', 'b', 'c')
    );
    expect(fingerprint('123456789012', 'us-east-1', 'ab', 'c', 'd')).not.toBe(
      fingerprint('123456789012', 'us-east-1', 'a', 'bc', 'd')
    );
  });
});
