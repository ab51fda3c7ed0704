import { describe, it, expect } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Log, Result } from 'sarif';
import { mapFindings, type SourceLocation } from '../../../src/locate/source-map.js';
import type { ComplianceResult, Finding, RuleResult } from '../../../src/compliance/types.js';
import {
  artifactUri,
  buildSarif,
  DEFAULT_MAX_RESULTS,
  FINGERPRINT_KEY,
  managedRuleHelpUri,
  securitySeverity,
  writeSarif,
  type SarifInput,
  type SarifRuleInfo
} from '../../../src/report/sarif.js';
import { parseTemplate } from '../../../src/cfn/parse.js';
import { buildTemplateIndex } from '../../../src/cfn/resource-index.js';
import { finding, largeResult } from '../../fixtures/report/sample.js';
import { positionOf, readRepoFile, SEED_TEMPLATE } from '../cfn/helpers.js';
import { sarifSchema, validateSarif } from '../../helpers/sarif-schema.js';

const schema = sarifSchema;
const validate = validateSarif;

function expectValid(log: Log): void {
  const ok = validate(log);
  expect(validate.errors?.slice(0, 5) ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const MANIFEST = 'examples/seed/compliance.yml';
const seedText = readRepoFile(SEED_TEMPLATE);
const index = buildTemplateIndex([parseTemplate(seedText, SEED_TEMPLATE)]);

const waiver = {
  rule: 's3-bucket-logging-enabled',
  resourceId: 'access-logs',
  reason: 'The log bucket cannot log to itself',
  owner: 'security-team',
  expires: '2099-12-31',
  source: 'examples/seed/compliance.yml:40'
};

function seedResult(): ComplianceResult {
  const rules: RuleResult[] = [
    {
      accountId: '123456789012',
      region: 'us-east-1',
      ruleName: 's3-bucket-logging-enabled',
      status: 'noncompliant',
      hipaaSections: ['164.312(b)'],
      findings: [
        finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'claims-uploads', {
          annotation: 'Server access logging is not enabled.'
        }),
        finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'access-logs', { waiver })
      ]
    },
    {
      accountId: '123456789012',
      region: 'us-east-1',
      ruleName: 'ec2-ebs-encryption-by-default',
      status: 'noncompliant',
      hipaaSections: ['164.312(a)(2)(iv)'],
      findings: [finding('ec2-ebs-encryption-by-default', 'AWS::::Account', '123456789012')]
    },
    {
      accountId: '123456789012',
      region: 'us-east-1',
      ruleName: 'iam-root-access-key-check',
      status: 'error',
      findings: [],
      error: {
        operation: 'GetComplianceDetailsByConfigRule',
        code: 'ThrottlingException',
        message: 'Rate exceeded',
        requestId: 'r-1'
      }
    }
  ];
  return {
    checkedAt: '2025-03-01T10:10:00Z',
    accountId: '123456789012',
    region: 'us-east-1',
    rules,
    accounts: [{ accountId: '123456789012', regions: [{ region: 'us-east-1', status: 'checked' }] }]
  };
}

const ruleInfo = new Map<string, SarifRuleInfo>([
  [
    's3-bucket-logging-enabled',
    {
      identifier: 'S3_BUCKET_LOGGING_ENABLED',
      description: 'S3 buckets that hold PHI must log every access. See the policy.',
      hipaaSections: ['164.312(b)', '164.308(a)(1)(ii)(D)']
    }
  ],
  [
    'ec2-ebs-encryption-by-default',
    {
      identifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT',
      hipaaSections: ['164.312(a)(2)(iv)'],
      helpUri: 'https://example.org/ebs'
    }
  ]
]);

function seedInput(extra: Partial<SarifInput> = {}): SarifInput {
  const result = seedResult();
  const locations = mapFindings(result, index, {
    ruleIdentifiers: new Map([...ruleInfo].map(([k, v]) => [k, v.identifier ?? ''])),
    fallback: rule => (rule === 'ec2-ebs-encryption-by-default' ? { file: MANIFEST, line: 12, col: 5 } : undefined)
  });
  return { result, locations, rules: ruleInfo, includeSuppressed: true, version: '0.1.0', ...extra };
}

function resultFor(log: Log, resourceId: string): Result | undefined {
  return log.runs[0]?.results?.find(r => r.locations?.[0]?.logicalLocations?.[0]?.name === resourceId);
}

describe('buildSarif: the seed account', () => {
  const { log, cut } = buildSarif(seedInput());
  const run = log.runs[0]!;

  it('is valid SARIF 2.1.0 (draft 2020-12 schema)', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(cut).toBe(0);
  });

  it('names the tool with its version and information URI', () => {
    expect(run.tool.driver).toMatchObject({
      name: 'compliance-gate',
      version: '0.1.0',
      semanticVersion: '0.1.0',
      informationUri: 'https://github.com/example-org/compliance-gate'
    });
    expect(buildSarif(seedInput({ version: 'main' })).log.runs[0]?.tool.driver.semanticVersion).toBeUndefined();
  });

  it('has one reporting descriptor per Config rule, with HIPAA tags and a security severity', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map(r => r.id)).toEqual([
      'ec2-ebs-encryption-by-default',
      'iam-root-access-key-check',
      's3-bucket-logging-enabled'
    ]);
    const s3 = rules[2]!;
    expect(s3.shortDescription?.text).toBe('S3 buckets that hold PHI must log every access.');
    expect(s3.fullDescription?.text).toContain('AWS managed rule S3_BUCKET_LOGGING_ENABLED');
    expect(s3.help?.text).toContain('HIPAA Security Rule sections: 164.312(b), 164.308(a)(1)(ii)(D).');
    expect(s3.help?.markdown).toContain('`S3_BUCKET_LOGGING_ENABLED`');
    expect(s3.helpUri).toBe('https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-logging-enabled.html');
    expect(s3.properties?.tags).toEqual(['security', 'hipaa', '164.312(b)', '164.308(a)(1)(ii)(D)']);
    expect(s3.properties?.['security-severity']).toBe('7.0');
    expect(s3.defaultConfiguration?.level).toBe('error');
    const ebs = rules[0]!;
    expect(ebs.helpUri).toBe('https://example.org/ebs');
    expect(ebs.properties?.['security-severity']).toBe('8.0');
    // a rule without metadata still gets a description, and sections from its result
    expect(rules[1]?.shortDescription?.text).toBe('AWS Config rule iam-root-access-key-check');
    expect(rules[1]?.properties?.['security-severity']).toBe('9.0');
  });

  it('anchors the claims-uploads result on the ClaimsUploadsBucket line, with the fingerprint and the AWS resource', () => {
    const r = resultFor(log, 'claims-uploads')!;
    const pos = positionOf(seedText, 'ClaimsUploadsBucket:');
    expect(r.ruleId).toBe('s3-bucket-logging-enabled');
    expect(run.tool.driver.rules?.[r.ruleIndex!]?.id).toBe(r.ruleId);
    expect(r.level).toBe('error');
    expect(r.message.text).toBe(
      'AWS::S3::Bucket claims-uploads is non-compliant with s3-bucket-logging-enabled: Server access logging is not enabled. (the resource in its template)'
    );
    expect(r.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: SEED_TEMPLATE, uriBaseId: '%SRCROOT%' },
      region: { startLine: pos.line, startColumn: pos.col }
    });
    expect(r.locations?.[0]?.logicalLocations).toEqual([
      {
        name: 'claims-uploads',
        fullyQualifiedName: '123456789012/us-east-1/AWS::S3::Bucket/claims-uploads',
        kind: 'resource',
        properties: { accountId: '123456789012', region: 'us-east-1' }
      }
    ]);
    expect(r.partialFingerprints).toEqual({
      [FINGERPRINT_KEY]: finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'claims-uploads').fingerprint
    });
    expect(r.suppressions).toBeUndefined();
  });

  it('anchors an account-level finding on the manifest line of its rule', () => {
    const r = resultFor(log, '123456789012')!;
    expect(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(MANIFEST);
    expect(r.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 12, startColumn: 5 });
    expect(r.properties?.locationKind).toBe('rule');
  });

  it('reports rule errors as tool execution notifications', () => {
    const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]?.level).toBe('error');
    expect(notes[0]?.associatedRule).toEqual({ id: 'iam-root-access-key-check', index: 1 });
    expect(notes[0]?.message.text).toContain('GetComplianceDetailsByConfigRule failed: ThrottlingException');
    expect(run.invocations?.[0]?.executionSuccessful).toBe(true);
  });
});

describe('buildSarif: waived findings', () => {
  it('are suppressed results when includeSuppressed', () => {
    const { log } = buildSarif(seedInput({ includeSuppressed: true }));
    expectValid(log);
    const r = resultFor(log, 'access-logs')!;
    expect(r.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'The log bucket cannot log to itself',
        properties: { owner: 'security-team', expires: '2099-12-31', source: 'examples/seed/compliance.yml:40' }
      }
    ]);
    expect(log.runs[0]?.results).toHaveLength(3);
    expect(log.runs[0]?.properties?.suppressedOmitted).toBe(0);
  });

  it('are left out otherwise (code scanning ignores suppressions)', () => {
    const { log, cut } = buildSarif(seedInput({ includeSuppressed: false }));
    expectValid(log);
    expect(resultFor(log, 'access-logs')).toBeUndefined();
    expect(log.runs[0]?.results).toHaveLength(2);
    expect(log.runs[0]?.properties?.suppressedOmitted).toBe(1);
    expect(cut).toBe(0);
  });
});

describe('buildSarif: many findings', () => {
  function large(n: number): SarifInput {
    const { result } = largeResult(12, n);
    const locations = new Map<string, SourceLocation>();
    let i = 0;
    for (const rule of result.rules)
      for (const f of rule.findings)
        locations.set(f.fingerprint, { file: 'infra/volumes.yaml', line: 1 + (i++ % 500), col: 3, kind: 'resource' });
    return { result, locations, rules: new Map(), includeSuppressed: true, version: '1.2.3' };
  }

  it('120 findings: all there, valid', () => {
    const { log, cut } = buildSarif(large(120));
    expectValid(log);
    expect(cut).toBe(0);
    expect(log.runs[0]?.results).toHaveLength(120);
    expect(log.runs[0]?.tool.driver.rules).toHaveLength(12);
    expect(new Set(log.runs[0]?.results?.map(r => r.partialFingerprints?.[FINGERPRINT_KEY])).size).toBe(120);
    expect(log.runs[0]?.invocations?.[0]?.toolExecutionNotifications).toBeUndefined();
  });

  it('30,000 findings: cut to 25,000, and says so', () => {
    const { log, cut } = buildSarif(large(30_000));
    expectValid(log);
    const run = log.runs[0]!;
    expect(DEFAULT_MAX_RESULTS).toBe(25_000);
    expect(cut).toBe(5_000);
    expect(run.results).toHaveLength(25_000);
    expect(run.properties).toMatchObject({ resultsTotal: 30_000, resultsCut: 5_000, maxResults: 25_000 });
    const note = run.invocations?.[0]?.toolExecutionNotifications?.[0];
    expect(note?.level).toBe('warning');
    expect(note?.message.text).toContain('5000 of 30000 results were left out');
  });

  it('cuts waived findings before counted ones, and less severe rules before more severe ones', () => {
    const mk = (rule: string, id: string, extra: Partial<Finding> = {}): Finding =>
      finding(rule, 'AWS::S3::Bucket', id, extra);
    const result: ComplianceResult = {
      checkedAt: '2025-03-01T10:10:00Z',
      accountId: '1',
      region: 'us-east-1',
      accounts: [{ accountId: '1', regions: [{ region: 'us-east-1', status: 'checked' }] }],
      rules: [
        {
          accountId: '123456789012',
          region: 'us-east-1',
          ruleName: 's3-bucket-versioning-enabled',
          status: 'noncompliant',
          findings: [mk('s3-bucket-versioning-enabled', 'v1')]
        },
        {
          accountId: '123456789012',
          region: 'us-east-1',
          ruleName: 's3-bucket-public-read-prohibited',
          status: 'noncompliant',
          findings: [
            mk('s3-bucket-public-read-prohibited', 'p1'),
            mk('s3-bucket-public-read-prohibited', 'p2', { waiver: { ...waiver, rule: 'x', resourceId: 'p2' } })
          ]
        }
      ]
    };
    const { log, cut } = buildSarif({
      result,
      locations: new Map(),
      rules: new Map(),
      includeSuppressed: true,
      version: '1.0.0',
      maxResults: 2,
      defaultLocation: { file: MANIFEST, line: 1, col: 1, kind: 'rule' }
    });
    expectValid(log);
    expect(cut).toBe(1);
    expect(log.runs[0]?.results?.map(r => r.locations?.[0]?.logicalLocations?.[0]?.name)).toEqual(['p1', 'v1']);
    const one = buildSarif({
      result,
      locations: new Map(),
      rules: new Map(),
      includeSuppressed: true,
      version: '1',
      maxResults: 1
    });
    expect(one.log.runs[0]?.results?.map(r => r.locations?.[0]?.logicalLocations?.[0]?.name)).toEqual(['p1']);
    // no location at all: only the logical location, counted
    expect(one.log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation).toBeUndefined();
    expect(one.log.runs[0]?.properties?.unlocatedResults).toBe(3);
    expectValid(one.log);
  });
});

describe('pieces', () => {
  it('securitySeverity: documented classes by identifier or rule name', () => {
    expect(securitySeverity('S3_BUCKET_PUBLIC_READ_PROHIBITED')).toEqual({ category: 'public-access', score: '9.0' });
    expect(securitySeverity('IAM_ROOT_ACCESS_KEY_CHECK').score).toBe('9.0');
    expect(securitySeverity('INCOMING_SSH_DISABLED').score).toBe('9.0');
    expect(securitySeverity('S3_DEFAULT_ENCRYPTION_KMS')).toEqual({ category: 'encryption', score: '8.0' });
    expect(securitySeverity('RDS_STORAGE_ENCRYPTED').score).toBe('8.0');
    expect(securitySeverity('S3_BUCKET_SSL_REQUESTS_ONLY').score).toBe('8.0');
    expect(securitySeverity('IAM_USER_MFA_ENABLED')).toEqual({ category: 'identity', score: '7.5' });
    expect(securitySeverity('CLOUD_TRAIL_ENABLED')).toEqual({ category: 'logging', score: '7.0' });
    expect(securitySeverity('s3-bucket-logging-enabled').category).toBe('logging');
    expect(securitySeverity('ATHENA_DATA_CATALOG_DESCRIPTION').category).toBe('other');
    expect(securitySeverity('DYNAMODB_PITR_ENABLED')).toEqual({ category: 'resilience', score: '5.0' });
  });

  it('artifactUri and managedRuleHelpUri', () => {
    expect(artifactUri('./infra dir/a#b.yaml')).toBe('infra%20dir/a%23b.yaml');
    expect(artifactUri('infra\\x.yaml')).toBe('infra/x.yaml');
    expect(managedRuleHelpUri('ENCRYPTED_VOLUMES')).toBe(
      'https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html'
    );
  });

  it('sets the code scanning category', () => {
    const { log } = buildSarif(seedInput({ category: 'compliance-gate/prod' }));
    expect(log.runs[0]?.automationDetails).toEqual({ id: 'compliance-gate/prod/' });
    expectValid(log);
  });

  it('writeSarif writes the log as JSON, creating the directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-sarif-'));
    try {
      const { log } = buildSarif(seedInput());
      const file = await writeSarif(path.join(dir, 'reports', 'compliance.sarif'), log);
      expect(file).toBe(path.join(dir, 'reports', 'compliance.sarif'));
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(log);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
