import { describe, it, expect } from '@jest/globals';
import {
  changedFirst,
  findResource,
  LEVEL_SEVERITY,
  logicalIdKey,
  mapFindings,
  normalizeRepoPath,
  propertyPathFor,
  RULE_PROPERTIES,
  ruleLocator,
  type MapFindingsOptions,
  type SourceLocation
} from '../../../src/locate/source-map.js';
import type { ComplianceResult, RuleResult } from '../../../src/compliance/types.js';
import { isKnownManagedRule } from '../../../src/conformance/managed-rules.js';
import { parseTemplate } from '../../../src/cfn/parse.js';
import { buildTemplateIndex } from '../../../src/cfn/resource-index.js';
import type { SourcePosition } from '../../../src/source/position.js';
import { finding } from '../../fixtures/report/sample.js';
import { FIXTURES, positionOf, readRepoFile, SEED_TEMPLATE } from '../cfn/helpers.js';

const seedText = readRepoFile(SEED_TEMPLATE);
const appFile = `${FIXTURES}/app.json`;
const appText = readRepoFile(appFile);
const samText = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Handler:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      FunctionName: intake-handler',
  '      Runtime: python3.12',
  '      DeadLetterQueue:',
  '        Type: SQS'
].join('\n');
const index = buildTemplateIndex([
  parseTemplate(seedText, SEED_TEMPLATE),
  parseTemplate(appText, appFile),
  parseTemplate(samText, 'sam/template.yaml')
]);

const MANIFEST = 'examples/seed/compliance.yml';
const manifestLines: Record<string, number> = {
  's3-bucket-logging-enabled': 8,
  's3-bucket-server-side-encryption-enabled': 20,
  'ec2-ebs-encryption-by-default': 12
};
const identifiers = new Map([
  ['s3-bucket-logging-enabled', 'S3_BUCKET_LOGGING_ENABLED'],
  ['s3-bucket-server-side-encryption-enabled', 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED'],
  ['ec2-ebs-encryption-by-default', 'EC2_EBS_ENCRYPTION_BY_DEFAULT'],
  ['rds-storage-encrypted', 'RDS_STORAGE_ENCRYPTED'],
  ['lambda-dlq-check', 'LAMBDA_DLQ_CHECK'],
  ['sns-encrypted-kms', 'SNS_ENCRYPTED_KMS']
]);

function options(extra: Partial<MapFindingsOptions> = {}): MapFindingsOptions & { calls: string[] } {
  const calls: string[] = [];
  return {
    ruleIdentifiers: identifiers,
    fallback: (rule: string): SourcePosition | undefined => {
      calls.push(rule);
      const line = manifestLines[rule];
      return line === undefined ? undefined : { file: MANIFEST, line, col: 5 };
    },
    calls,
    ...extra
  };
}

function result(rules: RuleResult[]): ComplianceResult {
  return {
    checkedAt: '2025-03-01T10:10:00Z',
    accountId: '123456789012',
    region: 'us-east-1',
    rules,
    accounts: [{ accountId: '123456789012', regions: [{ region: 'us-east-1', status: 'checked' }] }]
  };
}

function rule(ruleName: string, findings: RuleResult['findings']): RuleResult {
  return {
    accountId: '123456789012',
    region: 'us-east-1',
    ruleName,
    status: findings.length > 0 ? 'noncompliant' : 'compliant',
    findings
  };
}

const at = (text: string, needle: string, after = 0): { line: number; col: number } => positionOf(text, needle, after);

describe('mapFindings on the seed account', () => {
  const claims = finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'claims-uploads');
  const accessLogs = finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'access-logs');
  const patientEnc = finding('s3-bucket-server-side-encryption-enabled', 'AWS::S3::Bucket', 'patient-records');
  const unknownBucket = finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'legacy-archive');
  const ebs = finding('ec2-ebs-encryption-by-default', 'AWS::::Account', '123456789012');
  const seed = result([
    rule('s3-bucket-logging-enabled', [claims, accessLogs, unknownBucket]),
    rule('s3-bucket-server-side-encryption-enabled', [patientEnc]),
    rule('ec2-ebs-encryption-by-default', [ebs])
  ]);

  it('maps the claims-uploads logging finding to the ClaimsUploadsBucket line (no LoggingConfiguration to point at)', () => {
    const map = mapFindings(seed, index, options());
    expect(map.get(claims.fingerprint)).toEqual({
      file: SEED_TEMPLATE,
      ...at(seedText, 'ClaimsUploadsBucket:'),
      kind: 'resource'
    });
    expect(map.get(accessLogs.fingerprint)).toEqual({
      file: SEED_TEMPLATE,
      ...at(seedText, 'AccessLogsBucket:'),
      kind: 'resource'
    });
  });

  it('maps an encryption finding on patient-records to its BucketEncryption line', () => {
    const map = mapFindings(seed, index, options());
    const patientLine = at(seedText, 'PatientRecordsBucket:').line;
    expect(map.get(patientEnc.fingerprint)).toEqual({
      file: SEED_TEMPLATE,
      ...at(seedText, 'BucketEncryption:', patientLine),
      kind: 'property'
    });
  });

  it('falls back to the manifest line of the rule for resources no template declares', () => {
    const opts = options();
    const map = mapFindings(seed, index, opts);
    expect(map.get(unknownBucket.fingerprint)).toEqual({ file: MANIFEST, line: 8, col: 5, kind: 'rule' });
    expect(map.get(ebs.fingerprint)).toEqual({ file: MANIFEST, line: 12, col: 5, kind: 'rule' });
    // the fallback is asked once per rule
    expect(opts.calls.sort()).toEqual(['ec2-ebs-encryption-by-default', 's3-bucket-logging-enabled']);
    expect(map.size).toBe(5);
  });

  it('leaves out findings nothing locates', () => {
    const lost = finding('custom-rule', 'AWS::S3::Bucket', 'nowhere');
    const map = mapFindings(result([rule('custom-rule', [lost])]), index, options());
    expect(map.has(lost.fingerprint)).toBe(false);
  });

  it('maps waived findings too (SARIF lists them as suppressed)', () => {
    const waived = finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'access-logs', {
      waiver: {
        rule: 's3-bucket-logging-enabled',
        resourceId: 'access-logs',
        reason: 'log sink',
        owner: 'sec',
        expires: '2099-01-01'
      }
    });
    const map = mapFindings(result([rule('s3-bucket-logging-enabled', [waived])]), index, options());
    expect(map.get(waived.fingerprint)?.kind).toBe('resource');
  });

  it('computes the fingerprint of a finding that has none', () => {
    const bare = { ...claims, fingerprint: '' };
    const map = mapFindings(result([rule('s3-bucket-logging-enabled', [bare])]), index, options());
    expect(map.get(claims.fingerprint)?.kind).toBe('resource');
  });
});

describe('matching by logical id and physical name', () => {
  it('uses the stack logical id tag when the bucket name is generated', () => {
    const f = finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'storage-claimsuploadsbucket-1x2y3z');
    const logicalIds = new Map([[logicalIdKey('AWS::S3::Bucket', f.resourceId), 'ClaimsUploadsBucket']]);
    const map = mapFindings(result([rule('s3-bucket-logging-enabled', [f])]), index, options({ logicalIds }));
    expect(map.get(f.fingerprint)).toEqual({
      file: SEED_TEMPLATE,
      ...at(seedText, 'ClaimsUploadsBucket:'),
      kind: 'resource'
    });
  });

  it('lands an RDS finding (resource id is the DbiResourceId) on StorageEncrypted through its logical id', () => {
    const f = finding('rds-storage-encrypted', 'AWS::RDS::DBInstance', 'db-ABCDEFGHIJKLMNOP');
    const logicalIds = new Map([[logicalIdKey('AWS::RDS::DBInstance', f.resourceId), 'OrdersDatabase']]);
    const map = mapFindings(result([rule('rds-storage-encrypted', [f])]), index, options({ logicalIds }));
    expect(map.get(f.fingerprint)).toEqual({ file: appFile, ...at(appText, '"StorageEncrypted"'), kind: 'property' });
  });

  it('matches an SNS topic by the last segment of its ARN, and a SAM function by its Lambda name', () => {
    const topic = finding('sns-encrypted-kms', 'AWS::SNS::Topic', 'arn:aws:sns:us-east-1:123456789012:alerts');
    const fn = finding('lambda-dlq-check', 'AWS::Lambda::Function', 'intake-handler');
    const map = mapFindings(
      result([rule('sns-encrypted-kms', [topic]), rule('lambda-dlq-check', [fn])]),
      index,
      options()
    );
    // no KmsMasterKeyId in the template: the resource line
    expect(map.get(topic.fingerprint)).toEqual({ file: appFile, ...at(appText, '"AlertsTopic"'), kind: 'resource' });
    // SAM writes DeadLetterQueue where Lambda writes DeadLetterConfig
    expect(map.get(fn.fingerprint)).toEqual({
      file: 'sam/template.yaml',
      ...at(samText, 'DeadLetterQueue:'),
      kind: 'property'
    });
  });

  it('does not guess between templates that share a logical id, unless the physical name decides', () => {
    const dr = parseTemplate(
      'Resources:\n  ClaimsUploadsBucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: claims-uploads-dr\n',
      'dr/storage.yaml'
    );
    const two = buildTemplateIndex([parseTemplate(seedText, SEED_TEMPLATE), dr]);
    const generated = { resourceType: 'AWS::S3::Bucket', resourceId: 'generated-name' };
    const tagged = new Map([
      [logicalIdKey('AWS::S3::Bucket', 'generated-name'), 'ClaimsUploadsBucket'],
      [logicalIdKey('AWS::S3::Bucket', 'claims-uploads-dr'), 'ClaimsUploadsBucket']
    ]);
    expect(findResource(generated, two, tagged)).toBeUndefined();
    expect(findResource({ resourceType: 'AWS::S3::Bucket', resourceId: 'claims-uploads-dr' }, two, tagged)?.file).toBe(
      'dr/storage.yaml'
    );
    // without tags, the physical name alone
    expect(findResource({ resourceType: 'AWS::S3::Bucket', resourceId: 'claims-uploads' }, two)?.file).toBe(
      SEED_TEMPLATE
    );
    // a logical id of another type does not match
    const wrongType = new Map([[logicalIdKey('AWS::EC2::Volume', 'vol-1'), 'ClaimsUploadsBucket']]);
    expect(findResource({ resourceType: 'AWS::EC2::Volume', resourceId: 'vol-1' }, two, wrongType)).toBeUndefined();
  });
});

describe('the rule -> property table', () => {
  it('names managed rules AWS publishes (no typos)', () => {
    const unknown = Object.keys(RULE_PROPERTIES).filter(id => !isKnownManagedRule(id));
    expect(unknown).toEqual([]);
    expect(Object.keys(RULE_PROPERTIES).length).toBeGreaterThan(40);
  });

  it('has the properties of the rules the gate is about', () => {
    expect(propertyPathFor('S3_BUCKET_LOGGING_ENABLED', 'AWS::S3::Bucket')).toEqual(['LoggingConfiguration']);
    expect(propertyPathFor('S3_DEFAULT_ENCRYPTION_KMS', 'AWS::S3::Bucket')).toEqual(['BucketEncryption']);
    expect(propertyPathFor('S3_BUCKET_VERSIONING_ENABLED', 'AWS::S3::Bucket')).toEqual(['VersioningConfiguration']);
    expect(propertyPathFor('S3_BUCKET_PUBLIC_WRITE_PROHIBITED', 'AWS::S3::Bucket')).toEqual([
      'PublicAccessBlockConfiguration'
    ]);
    expect(propertyPathFor('ENCRYPTED_VOLUMES', 'AWS::EC2::Volume')).toEqual(['Encrypted']);
    expect(propertyPathFor('RDS_STORAGE_ENCRYPTED', 'AWS::RDS::DBInstance')).toEqual(['StorageEncrypted']);
    expect(propertyPathFor('RDS_STORAGE_ENCRYPTED', 'AWS::S3::Bucket')).toBeUndefined();
    expect(propertyPathFor(undefined, 'AWS::S3::Bucket')).toBeUndefined();
  });
});

describe('changedFirst', () => {
  interface Item {
    name: string;
    level: 'error' | 'warning' | 'notice';
    file?: string;
  }
  const items: Item[] = [
    { name: 'w-unchanged', level: 'warning', file: 'a.yaml' },
    { name: 'e-unchanged', level: 'error', file: 'b.yaml' },
    { name: 'e-changed', level: 'error', file: 'infra/c.yaml' },
    { name: 'n-changed', level: 'notice', file: './d.yaml' },
    { name: 'e-nofile', level: 'error' },
    { name: 'w-changed', level: 'warning', file: 'infra\\e.yaml' }
  ];
  const key = { severity: (i: Item) => LEVEL_SEVERITY[i.level], file: (i: Item) => i.file };

  it('sorts by severity, then changed files first, otherwise keeping the order', () => {
    const sorted = changedFirst(items, ['infra/c.yaml', 'd.yaml', './infra/e.yaml'], key);
    expect(sorted.map(i => i.name)).toEqual([
      'e-changed',
      'e-unchanged',
      'e-nofile',
      'w-changed',
      'w-unchanged',
      'n-changed'
    ]);
    expect(items[0]?.name).toBe('w-unchanged'); // input untouched
  });

  it('normalizeRepoPath: forward slashes, no leading ./', () => {
    expect(normalizeRepoPath('./infra\\x.yaml')).toBe('infra/x.yaml');
  });
});

describe('ruleLocator', () => {
  it('picks a changed file first, then property over resource over rule lines, ignoring waived findings', () => {
    const a = finding('r', 'AWS::S3::Bucket', 'a');
    const b = finding('r', 'AWS::S3::Bucket', 'b');
    const c = finding('r', 'AWS::S3::Bucket', 'c', {
      waiver: { rule: 'r', resourceId: 'c', reason: 'x', owner: 'y', expires: '2099-01-01' }
    });
    const locations = new Map<string, SourceLocation>([
      [a.fingerprint, { file: 'one.yaml', line: 9, col: 3, kind: 'resource' }],
      [b.fingerprint, { file: 'two.yaml', line: 4, col: 7, kind: 'property' }],
      [c.fingerprint, { file: 'changed.yaml', line: 1, col: 1, kind: 'property' }]
    ]);
    const res = result([rule('r', [a, b, c]), rule('clean', [])]);
    expect(ruleLocator(res, locations)('r')).toEqual({ file: 'two.yaml', line: 4, col: 7 });
    expect(ruleLocator(res, locations, ['one.yaml'])('r')).toEqual({ file: 'one.yaml', line: 9, col: 3 });
    expect(ruleLocator(res, locations, ['changed.yaml'])('r')).toEqual({ file: 'two.yaml', line: 4, col: 7 });
    expect(ruleLocator(res, locations)('clean')).toBeUndefined();
  });
});
