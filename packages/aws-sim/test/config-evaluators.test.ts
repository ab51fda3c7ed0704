import { describe, expect, it } from '@jest/globals';
import {
  checkRuleParameters,
  evaluateRule,
  evaluators,
  inScope,
  parseInputParameters,
  RuleParameterError,
  type RuleParameters
} from '../src/services/config/evaluators.js';
import {
  itemsFromState,
  s3BucketItem,
  type AccountConfiguration,
  type ConfigurationItem,
  type S3BucketConfiguration
} from '../src/services/config/items.js';
import type { RuleSource } from '../src/services/config/state.js';
import { build as buildBlank } from '../src/scenarios/blank.js';
import type { S3BucketState } from '../src/core/state.js';

function bucket(name: string, extra: Partial<S3BucketState> = {}): ConfigurationItem {
  return s3BucketItem({ name, ...extra });
}

function account(extra: Partial<AccountConfiguration> = {}): ConfigurationItem {
  return {
    resourceType: 'AWS::::Account',
    resourceId: '123456789012',
    configuration: {
      accountId: '123456789012',
      region: 'us-east-1',
      ebsEncryptionByDefault: false,
      trails: [],
      ...extra
    },
    tags: {}
  };
}

function evaluate(identifier: string, item: ConfigurationItem, params: RuleParameters = {}) {
  const e = evaluators[identifier];
  if (!e) throw new Error(`no evaluator ${identifier}`);
  return e.evaluate(item, params);
}

const aws = (id: string): RuleSource => ({ Owner: 'AWS', SourceIdentifier: id });

describe('S3_BUCKET_LOGGING_ENABLED', () => {
  const logged = bucket('b', { logging: { targetBucket: 'access-logs', targetPrefix: 'b/' } });
  it('is compliant with logging and non-compliant without', () => {
    expect(evaluate('S3_BUCKET_LOGGING_ENABLED', logged).complianceType).toBe('COMPLIANT');
    const v = evaluate('S3_BUCKET_LOGGING_ENABLED', bucket('b'));
    expect(v.complianceType).toBe('NON_COMPLIANT');
    expect(v.annotation).toMatch(/logging is not enabled/);
  });
  it('checks targetBucket and targetPrefix when given', () => {
    expect(evaluate('S3_BUCKET_LOGGING_ENABLED', logged, { targetBucket: 'access-logs' }).complianceType).toBe(
      'COMPLIANT'
    );
    const wrongBucket = evaluate('S3_BUCKET_LOGGING_ENABLED', logged, { targetBucket: 'central-logs' });
    expect(wrongBucket).toEqual({
      complianceType: 'NON_COMPLIANT',
      annotation: "Server access logs go to bucket 'access-logs', not to 'central-logs'."
    });
    expect(evaluate('S3_BUCKET_LOGGING_ENABLED', logged, { targetPrefix: 'b/' }).complianceType).toBe('COMPLIANT');
    expect(evaluate('S3_BUCKET_LOGGING_ENABLED', logged, { targetPrefix: 'other/' }).complianceType).toBe(
      'NON_COMPLIANT'
    );
  });
});

describe('EC2_EBS_ENCRYPTION_BY_DEFAULT', () => {
  it('reports on the account in its region', () => {
    expect(evaluate('EC2_EBS_ENCRYPTION_BY_DEFAULT', account({ ebsEncryptionByDefault: true })).complianceType).toBe(
      'COMPLIANT'
    );
    const v = evaluate('EC2_EBS_ENCRYPTION_BY_DEFAULT', account());
    expect(v).toEqual({
      complianceType: 'NON_COMPLIANT',
      annotation: 'EBS encryption by default is disabled in region us-east-1.'
    });
  });
  it('refuses items of another resource type', () => {
    expect(() => evaluate('EC2_EBS_ENCRYPTION_BY_DEFAULT', bucket('b'))).toThrow(/AWS::::Account, not AWS::S3::Bucket/);
  });
});

describe('S3 encryption, versioning and public access rules', () => {
  it('S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED needs default encryption', () => {
    const id = 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED';
    expect(evaluate(id, bucket('b', { encryption: { sseAlgorithm: 'AES256' } })).complianceType).toBe('COMPLIANT');
    expect(evaluate(id, bucket('b')).complianceType).toBe('NON_COMPLIANT');
  });

  it('S3_DEFAULT_ENCRYPTION_KMS needs a KMS key, from kmsKeyArns when given', () => {
    const id = 'S3_DEFAULT_ENCRYPTION_KMS';
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1111-2222';
    const kms = bucket('b', { encryption: { sseAlgorithm: 'aws:kms', kmsKeyId: key } });
    expect(evaluate(id, kms).complianceType).toBe('COMPLIANT');
    expect(evaluate(id, bucket('b', { encryption: { sseAlgorithm: 'AES256' } })).complianceType).toBe('NON_COMPLIANT');
    expect(
      evaluate(id, kms, { kmsKeyArns: `arn:aws:kms:us-east-1:123456789012:key/9999, ${key}` }).complianceType
    ).toBe('COMPLIANT');
    expect(evaluate(id, kms, { kmsKeyArns: 'arn:aws:kms:us-east-1:123456789012:key/9999' }).complianceType).toBe(
      'NON_COMPLIANT'
    );
  });

  it('S3_BUCKET_VERSIONING_ENABLED checks the status and MFA delete when isMfaDeleteEnabled is "true"', () => {
    const id = 'S3_BUCKET_VERSIONING_ENABLED';
    const enabled = bucket('b', { versioning: 'Enabled' });
    expect(evaluate(id, enabled).complianceType).toBe('COMPLIANT');
    expect(evaluate(id, bucket('b', { versioning: 'Suspended' })).annotation).toMatch(/status: Suspended/);
    expect(evaluate(id, bucket('b')).annotation).toMatch(/status: Off/);
    expect(evaluate(id, enabled, { isMfaDeleteEnabled: 'true' })).toEqual({
      complianceType: 'NON_COMPLIANT',
      annotation: 'MFA delete is not enabled for this bucket.'
    });
    // Only lowercase "true" counts, as for AWS managed rules.
    expect(evaluate(id, enabled, { isMfaDeleteEnabled: 'TRUE' }).complianceType).toBe('COMPLIANT');
    const withMfa = s3BucketItem({ name: 'b', versioning: 'Enabled', mfaDelete: true });
    expect(evaluate(id, withMfa, { isMfaDeleteEnabled: 'true' }).complianceType).toBe('COMPLIANT');
  });

  it('S3_BUCKET_PUBLIC_READ_PROHIBITED and S3_BUCKET_PUBLIC_WRITE_PROHIBITED', () => {
    expect(evaluate('S3_BUCKET_PUBLIC_READ_PROHIBITED', bucket('b')).complianceType).toBe('COMPLIANT');
    expect(evaluate('S3_BUCKET_PUBLIC_READ_PROHIBITED', bucket('b', { publicRead: true })).complianceType).toBe(
      'NON_COMPLIANT'
    );
    expect(evaluate('S3_BUCKET_PUBLIC_READ_PROHIBITED', bucket('b', { publicWrite: true })).complianceType).toBe(
      'COMPLIANT'
    );
    expect(evaluate('S3_BUCKET_PUBLIC_WRITE_PROHIBITED', bucket('b', { publicWrite: true })).complianceType).toBe(
      'NON_COMPLIANT'
    );
  });
});

describe('ENCRYPTED_VOLUMES', () => {
  const volume = (encrypted: boolean, extra: { kmsKeyId?: string; attached?: boolean } = {}): ConfigurationItem => ({
    resourceType: 'AWS::EC2::Volume',
    resourceId: 'vol-1',
    configuration: { volumeId: 'vol-1', encrypted, attached: extra.attached ?? true, ...extra },
    tags: {}
  });
  it('needs attached volumes encrypted, with kmsId when given (id or ARN)', () => {
    expect(evaluate('ENCRYPTED_VOLUMES', volume(true)).complianceType).toBe('COMPLIANT');
    expect(evaluate('ENCRYPTED_VOLUMES', volume(false)).complianceType).toBe('NON_COMPLIANT');
    const keyed = volume(true, { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/abcd' });
    expect(evaluate('ENCRYPTED_VOLUMES', keyed, { kmsId: 'abcd' }).complianceType).toBe('COMPLIANT');
    expect(evaluate('ENCRYPTED_VOLUMES', keyed, { kmsId: 'ef01' }).complianceType).toBe('NON_COMPLIANT');
    expect(evaluate('ENCRYPTED_VOLUMES', volume(true), { kmsId: 'abcd' }).complianceType).toBe('NON_COMPLIANT');
  });
  it('reports unattached volumes as not applicable', () => {
    expect(evaluate('ENCRYPTED_VOLUMES', volume(false, { attached: false })).complianceType).toBe('NOT_APPLICABLE');
  });
});

describe('CLOUD_TRAIL_ENABLED', () => {
  const trail = { name: 't', isLogging: true, isMultiRegionTrail: true, s3BucketName: 'trail-logs' };
  it('needs a logging trail, matching s3BucketName and snsTopicArn when given', () => {
    expect(evaluate('CLOUD_TRAIL_ENABLED', account({ trails: [trail] })).complianceType).toBe('COMPLIANT');
    expect(evaluate('CLOUD_TRAIL_ENABLED', account()).annotation).toBe(
      'No CloudTrail trail is logging in this account.'
    );
    expect(evaluate('CLOUD_TRAIL_ENABLED', account({ trails: [{ ...trail, isLogging: false }] })).complianceType).toBe(
      'NON_COMPLIANT'
    );
    const acct = account({ trails: [trail] });
    expect(evaluate('CLOUD_TRAIL_ENABLED', acct, { s3BucketName: 'trail-logs' }).complianceType).toBe('COMPLIANT');
    const v = evaluate('CLOUD_TRAIL_ENABLED', acct, { s3BucketName: 'trail-logs', snsTopicArn: 'arn:sns' });
    expect(v).toEqual({
      complianceType: 'NON_COMPLIANT',
      annotation: "No logging CloudTrail trail uses S3 bucket 'trail-logs', SNS topic 'arn:sns'."
    });
  });
});

describe('IAM_PASSWORD_POLICY', () => {
  const strong = {
    minimumPasswordLength: 14,
    requireUppercaseCharacters: true,
    requireLowercaseCharacters: true,
    requireSymbols: true,
    requireNumbers: true,
    maxPasswordAge: 90,
    passwordReusePrevention: 24
  };
  it('is non-compliant without a password policy', () => {
    expect(evaluate('IAM_PASSWORD_POLICY', account()).complianceType).toBe('NON_COMPLIANT');
  });
  it('applies the documented defaults', () => {
    expect(evaluate('IAM_PASSWORD_POLICY', account({ passwordPolicy: strong })).complianceType).toBe('COMPLIANT');
    const weak = { ...strong, minimumPasswordLength: 8, requireSymbols: false };
    const v = evaluate('IAM_PASSWORD_POLICY', account({ passwordPolicy: weak }));
    expect(v.complianceType).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('The password policy does not meet: RequireSymbols, MinimumPasswordLength 8 < 14.');
  });
  it('honours parameters', () => {
    const weak = { ...strong, minimumPasswordLength: 8, requireSymbols: false, maxPasswordAge: 180 };
    const params = { MinimumPasswordLength: '8', RequireSymbols: 'false', MaxPasswordAge: '365' };
    expect(evaluate('IAM_PASSWORD_POLICY', account({ passwordPolicy: weak }), params).complianceType).toBe('COMPLIANT');
    expect(
      evaluate('IAM_PASSWORD_POLICY', account({ passwordPolicy: strong }), { MinimumPasswordLength: '16' }).annotation
    ).toMatch(/MinimumPasswordLength 14 < 16/);
    const { maxPasswordAge: _unset, ...noAge } = strong;
    expect(evaluate('IAM_PASSWORD_POLICY', account({ passwordPolicy: noAge })).annotation).toMatch(
      /MaxPasswordAge unset > 90/
    );
  });
});

describe('RDS_STORAGE_ENCRYPTED and VPC_FLOW_LOGS_ENABLED', () => {
  it('RDS_STORAGE_ENCRYPTED checks encryption and kmsKeyId', () => {
    const db = (storageEncrypted: boolean, kmsKeyId?: string): ConfigurationItem => ({
      resourceType: 'AWS::RDS::DBInstance',
      resourceId: 'db-1',
      configuration: { dbInstanceIdentifier: 'db-1', storageEncrypted, ...(kmsKeyId ? { kmsKeyId } : {}) },
      tags: {}
    });
    expect(evaluate('RDS_STORAGE_ENCRYPTED', db(true)).complianceType).toBe('COMPLIANT');
    expect(evaluate('RDS_STORAGE_ENCRYPTED', db(false)).complianceType).toBe('NON_COMPLIANT');
    expect(evaluate('RDS_STORAGE_ENCRYPTED', db(true, 'k1'), { kmsKeyId: 'k1' }).complianceType).toBe('COMPLIANT');
    expect(evaluate('RDS_STORAGE_ENCRYPTED', db(true, 'k1'), { kmsKeyId: 'k2' }).complianceType).toBe('NON_COMPLIANT');
  });
  it('VPC_FLOW_LOGS_ENABLED checks flow logs and trafficType', () => {
    const vpc = (flowLogs: { trafficType: 'ACCEPT' | 'REJECT' | 'ALL' }[]): ConfigurationItem => ({
      resourceType: 'AWS::EC2::VPC',
      resourceId: 'vpc-1',
      configuration: { vpcId: 'vpc-1', flowLogs },
      tags: {}
    });
    expect(evaluate('VPC_FLOW_LOGS_ENABLED', vpc([{ trafficType: 'ALL' }])).complianceType).toBe('COMPLIANT');
    expect(evaluate('VPC_FLOW_LOGS_ENABLED', vpc([])).complianceType).toBe('NON_COMPLIANT');
    expect(evaluate('VPC_FLOW_LOGS_ENABLED', vpc([{ trafficType: 'REJECT' }]), { trafficType: 'all' }).annotation).toBe(
      'No flow log of this VPC captures traffic type ALL.'
    );
  });
});

describe('scope and parameters of a rule', () => {
  const items = [
    account(),
    bucket('alpha', { tags: { team: 'red' } }),
    bucket('beta', { tags: { team: 'blue' }, logging: { targetBucket: 'alpha' } }),
    bucket('gamma')
  ];

  it('evaluates only the resource types the evaluator handles', () => {
    const out = evaluateRule({ Source: aws('S3_BUCKET_LOGGING_ENABLED') }, items);
    expect(out.map(o => [o.resourceId, o.complianceType])).toEqual([
      ['alpha', 'NON_COMPLIANT'],
      ['beta', 'COMPLIANT'],
      ['gamma', 'NON_COMPLIANT']
    ]);
  });

  it('filters by TagKey, TagValue and ComplianceResourceId', () => {
    const src = aws('S3_BUCKET_LOGGING_ENABLED');
    expect(evaluateRule({ Source: src, Scope: { TagKey: 'team' } }, items).map(o => o.resourceId)).toEqual([
      'alpha',
      'beta'
    ]);
    expect(
      evaluateRule({ Source: src, Scope: { TagKey: 'team', TagValue: 'blue' } }, items).map(o => o.resourceId)
    ).toEqual(['beta']);
    const byId = { ComplianceResourceTypes: ['AWS::S3::Bucket'], ComplianceResourceId: 'gamma' };
    expect(evaluateRule({ Source: src, Scope: byId }, items).map(o => o.resourceId)).toEqual(['gamma']);
    expect(evaluateRule({ Source: src, Scope: { ComplianceResourceTypes: ['AWS::EC2::Volume'] } }, items)).toEqual([]);
  });

  it('ignores the scope for account-level rules', () => {
    const e = evaluators['EC2_EBS_ENCRYPTION_BY_DEFAULT']!;
    expect(inScope({ TagKey: 'team' }, e, account())).toBe(true);
    expect(inScope(undefined, e, bucket('alpha'))).toBe(false);
  });

  it('passes InputParameters to the evaluator', () => {
    const out = evaluateRule(
      { Source: aws('S3_BUCKET_LOGGING_ENABLED'), InputParameters: '{"targetBucket":"elsewhere"}' },
      items
    );
    expect(out.find(o => o.resourceId === 'beta')?.complianceType).toBe('NON_COMPLIANT');
  });

  it('reports nothing for identifiers without an evaluator and for custom rules', () => {
    expect(evaluateRule({ Source: aws('DYNAMODB_PITR_ENABLED') }, items)).toEqual([]);
    expect(evaluateRule({ Source: { Owner: 'CUSTOM_LAMBDA', SourceIdentifier: 'arn:aws:lambda:x' } }, items)).toEqual(
      []
    );
  });
});

describe('InputParameters parsing and checking', () => {
  it('parses a JSON object, turning numbers and booleans into strings', () => {
    expect(parseInputParameters('{"a":"x","b":14,"c":true}')).toEqual({ a: 'x', b: '14', c: 'true' });
    expect(parseInputParameters(undefined)).toEqual({});
    expect(parseInputParameters('  ')).toEqual({});
  });
  it('rejects malformed parameters', () => {
    expect(() => parseInputParameters('{nope')).toThrow(RuleParameterError);
    expect(() => parseInputParameters('[1]')).toThrow(/must be a JSON object/);
    expect(() => parseInputParameters('{"a":{"b":1}}')).toThrow(/'a' must be a string/);
  });
  it('rejects parameter names the managed rule does not accept, and bad values', () => {
    expect(() => checkRuleParameters('r', aws('S3_BUCKET_LOGGING_ENABLED'), '{"targetBucket":"x"}')).not.toThrow();
    expect(() => checkRuleParameters('r', aws('S3_BUCKET_LOGGING_ENABLED'), '{"bucket":"x"}')).toThrow(
      'Unknown parameters provided in the input parameters for the rule r: bucket.'
    );
    expect(() => checkRuleParameters('r', aws('IAM_PASSWORD_POLICY'), '{"MinimumPasswordLength":"long"}')).toThrow(
      /MinimumPasswordLength must be an integer/
    );
    expect(() => checkRuleParameters('r', aws('VPC_FLOW_LOGS_ENABLED'), '{"trafficType":"SOME"}')).toThrow(
      /trafficType must be one of/
    );
    // Unknown identifiers accept anything (the simulator does not know their parameters).
    expect(() => checkRuleParameters('r', aws('DYNAMODB_PITR_ENABLED'), '{"x":"1"}')).not.toThrow();
  });
  it('keeps the parameter names seen in the HIPAA packs', () => {
    expect(evaluators['IAM_PASSWORD_POLICY']!.parameters).toEqual(
      expect.arrayContaining(['MaxPasswordAge', 'MinimumPasswordLength', 'PasswordReusePrevention', 'RequireNumbers'])
    );
    expect(evaluators['CLOUD_TRAIL_ENABLED']!.parameters).toContain('s3BucketName');
    expect(evaluators['VPC_FLOW_LOGS_ENABLED']!.parameters).toContain('trafficType');
  });
});

describe('itemsFromState', () => {
  it("adapts the seed account's resources", () => {
    const state = buildBlank().state;
    state.resources.ebsVolumes['vol-1'] = { id: 'vol-1', encrypted: true };
    state.resources.rdsInstances['db-1'] = { id: 'db-1', storageEncrypted: false };
    state.resources.vpcs['vpc-1'] = { id: 'vpc-1', flowLogsEnabled: true };
    state.resources.trails['main'] = { name: 'main', isLogging: true, s3BucketName: 'trail-logs' };
    state.resources.passwordPolicy = { minimumPasswordLength: 12 };
    const items = itemsFromState(state);
    expect(items.map(i => `${i.resourceType}/${i.resourceId}`)).toEqual([
      'AWS::::Account/123456789012',
      'AWS::S3::Bucket/patient-records',
      'AWS::S3::Bucket/claims-uploads',
      'AWS::S3::Bucket/access-logs',
      'AWS::EC2::Volume/vol-1',
      'AWS::RDS::DBInstance/db-1',
      'AWS::EC2::VPC/vpc-1'
    ]);
    const acct = items[0]!.configuration as AccountConfiguration;
    expect(acct.ebsEncryptionByDefault).toBe(false);
    expect(acct.passwordPolicy).toEqual({ minimumPasswordLength: 12 });
    expect(acct.trails).toEqual([
      { name: 'main', isLogging: true, isMultiRegionTrail: false, s3BucketName: 'trail-logs' }
    ]);
    const records = items[1]!.configuration as S3BucketConfiguration;
    expect(records.logging).toEqual({ targetBucket: 'access-logs', targetPrefix: 'patient-records/' });
    expect(records.versioning).toEqual({ status: 'Enabled', mfaDeleteEnabled: false });
    expect(items[1]!.tags).toEqual({ 'aws:cloudformation:logical-id': 'PatientRecordsBucket' });
  });
});
