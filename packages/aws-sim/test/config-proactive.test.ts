/** Proactive evaluation in the simulated account: CloudFormation properties -> items, rules, API handlers. */
import { describe, expect, it } from '@jest/globals';
import {
  evaluateProactively,
  itemFromCloudFormation,
  overallCompliance,
  PROACTIVE_IDENTIFIERS,
  ResourceConfigurationError
} from '../src/services/config/proactive.js';
import { encodeToken } from '../src/services/config/paging.js';
import { configState, type RuleRecord } from '../src/services/config/state.js';
import { awsErrorCode, callHandler, ManualSim } from './support/config-context.js';
import { build as buildBlank } from '../src/scenarios/blank.js';
import { configHandlers } from '../src/services/config/handlers/index.js';
import type { AccountState } from '../src/core/state.js';

const NOW = '2025-06-02T12:00:00.000Z';
const TOKEN = 'a'.repeat(64);

function setup(options: Record<string, unknown> = {}) {
  const state: AccountState = buildBlank().state;
  const sim = new ManualSim(NOW, options);
  const call = (op: string, input: Record<string, unknown> = {}) => callHandler(configHandlers, op, input, state, sim);
  const errorOf = (op: string, input: Record<string, unknown> = {}) => awsErrorCode(() => call(op, input));
  const rule = (name: string, identifier: string, modes: string[], extra: Record<string, unknown> = {}) =>
    call('PutConfigRule', {
      ConfigRule: {
        ConfigRuleName: name,
        Source: { Owner: 'AWS', SourceIdentifier: identifier },
        EvaluationModes: modes.map(Mode => ({ Mode })),
        ...extra
      }
    });
  const evaluate = (type: string, properties: unknown, extra: Record<string, unknown> = {}) =>
    call('StartResourceEvaluation', {
      ResourceDetails: {
        ResourceId: 'new-bucket',
        ResourceType: type,
        ResourceConfiguration: typeof properties === 'string' ? properties : JSON.stringify(properties),
        ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA'
      },
      EvaluationMode: 'PROACTIVE',
      ...extra
    })['ResourceEvaluationId'] as string;
  const summary = (id: string) => call('GetResourceEvaluationSummary', { ResourceEvaluationId: id });
  const details = (id: string, extra: Record<string, unknown> = {}) =>
    (
      call('GetComplianceDetailsByResource', { ResourceEvaluationId: id, ...extra })['EvaluationResults'] as {
        EvaluationResultIdentifier: {
          EvaluationResultQualifier: Record<string, string>;
          ResourceEvaluationId: string;
        };
        ComplianceType: string;
        Annotation?: string;
      }[]
    ).map(r => ({
      rule: r.EvaluationResultIdentifier.EvaluationResultQualifier['ConfigRuleName'],
      mode: r.EvaluationResultIdentifier.EvaluationResultQualifier['EvaluationMode'],
      id: r.EvaluationResultIdentifier.ResourceEvaluationId,
      compliance: r.ComplianceType,
      annotation: r.Annotation
    }));
  return { state, sim, call, errorOf, rule, evaluate, summary, details };
}

function rules(setupState: AccountState): RuleRecord[] {
  return Object.values(configState(setupState, new Date(NOW)).rules);
}

describe('CloudFormation properties as configuration items', () => {
  it('converts an S3 bucket: logging, encryption, versioning, public ACLs and tags', () => {
    const item = itemFromCloudFormation(
      'AWS::S3::Bucket',
      'Logical',
      JSON.stringify({
        BucketName: 'records',
        LoggingConfiguration: { DestinationBucketName: 'access-logs', LogFilePrefix: 'records/' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'key-1' } }
          ]
        },
        VersioningConfiguration: { Status: 'Enabled' },
        AccessControl: 'PublicReadWrite',
        Tags: [{ Key: 'team', Value: 'data' }]
      })
    );
    expect(item).toEqual({
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'Logical',
      configuration: {
        bucketName: 'records',
        logging: { targetBucket: 'access-logs', targetPrefix: 'records/' },
        serverSideEncryption: { sseAlgorithm: 'aws:kms', kmsKeyId: 'key-1' },
        versioning: { status: 'Enabled', mfaDeleteEnabled: false },
        publicReadAccess: true,
        publicWriteAccess: true
      },
      tags: { team: 'data' }
    });
    const plain = itemFromCloudFormation(
      'AWS::S3::Bucket',
      'b',
      JSON.stringify({
        LoggingConfiguration: {},
        AccessControl: 'PublicRead',
        PublicAccessBlockConfiguration: { BlockPublicAcls: 'true' }
      })
    );
    expect(plain?.configuration).toEqual({
      bucketName: 'b',
      logging: { targetBucket: 'b' },
      versioning: { status: 'Off', mfaDeleteEnabled: false },
      publicReadAccess: false,
      publicWriteAccess: false
    });
  });

  it('converts EBS volumes, RDS instances (string booleans too) and VPCs', () => {
    expect(
      itemFromCloudFormation('AWS::EC2::Volume', 'v', JSON.stringify({ Encrypted: true, KmsKeyId: 'k' }))?.configuration
    ).toEqual({ volumeId: 'v', encrypted: true, kmsKeyId: 'k', attached: false });
    expect(
      itemFromCloudFormation('AWS::RDS::DBInstance', 'db', JSON.stringify({ StorageEncrypted: 'TRUE' }))?.configuration
    ).toEqual({ dbInstanceIdentifier: 'db', storageEncrypted: true });
    expect(
      itemFromCloudFormation('AWS::RDS::DBInstance', 'db', JSON.stringify({ DBInstanceIdentifier: 'prod' }))
        ?.configuration
    ).toEqual({ dbInstanceIdentifier: 'prod', storageEncrypted: false });
    expect(itemFromCloudFormation('AWS::EC2::VPC', 'vpc', '{}')?.configuration).toEqual({ vpcId: 'vpc', flowLogs: [] });
    expect(itemFromCloudFormation('AWS::SQS::Queue', 'q', '{}')).toBeUndefined();
  });

  it('refuses properties that do not fit the type, naming the property', () => {
    const bad: [string, unknown, RegExp][] = [
      ['AWS::S3::Bucket', { LoggingConfiguration: 'on' }, /^LoggingConfiguration must be an object/],
      [
        'AWS::S3::Bucket',
        { LoggingConfiguration: { LogFilePrefix: 3 } },
        /^LoggingConfiguration.LogFilePrefix must be a string/
      ],
      ['AWS::S3::Bucket', { BucketEncryption: { ServerSideEncryptionConfiguration: [] } }, /non-empty list/],
      [
        'AWS::S3::Bucket',
        { BucketEncryption: { ServerSideEncryptionConfiguration: [{}] } },
        /ServerSideEncryptionByDefault is required/
      ],
      [
        'AWS::S3::Bucket',
        { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: {} }] } },
        /SSEAlgorithm is required/
      ],
      ['AWS::S3::Bucket', { VersioningConfiguration: { Status: 'On' } }, /must be Enabled or Suspended/],
      ['AWS::S3::Bucket', { Tags: { team: 'x' } }, /^Tags must be a list/],
      ['AWS::S3::Bucket', { Tags: [{ Key: 'team' }] }, /^Tags\[0\] must be/],
      ['AWS::RDS::DBInstance', { StorageEncrypted: 'yes' }, /^StorageEncrypted must be a boolean/],
      ['AWS::RDS::DBInstance', [], /must be a JSON object/],
      ['AWS::RDS::DBInstance', '{not json', /not valid JSON/]
    ];
    for (const [type, props, message] of bad) {
      const text = typeof props === 'string' ? props : JSON.stringify(props);
      expect(() => itemFromCloudFormation(type, 'x', text)).toThrow(ResourceConfigurationError);
      expect(() => itemFromCloudFormation(type, 'x', text)).toThrow(message);
    }
  });
});

describe('which rules evaluate proactively', () => {
  it('only PROACTIVE-mode rules of proactive-capable identifiers whose scope includes the resource', () => {
    const { rule, state } = setup();
    expect([...PROACTIVE_IDENTIFIERS].sort()).toEqual(['RDS_STORAGE_ENCRYPTED', 'S3_BUCKET_LOGGING_ENABLED']);
    rule('logging-proactive', 'S3_BUCKET_LOGGING_ENABLED', ['DETECTIVE', 'PROACTIVE']);
    rule('logging-detective', 'S3_BUCKET_LOGGING_ENABLED', ['DETECTIVE']);
    rule('logging-tagged', 'S3_BUCKET_LOGGING_ENABLED', ['PROACTIVE'], { Scope: { TagKey: 'team', TagValue: 'x' } });
    rule('logging-target', 'S3_BUCKET_LOGGING_ENABLED', ['PROACTIVE'], {
      InputParameters: JSON.stringify({ targetBucket: 'access-logs' })
    });
    rule('versioning-proactive', 'S3_BUCKET_VERSIONING_ENABLED', ['PROACTIVE']);
    rule('rds-proactive', 'RDS_STORAGE_ENCRYPTED', ['PROACTIVE']);
    const item = itemFromCloudFormation('AWS::S3::Bucket', 'b', JSON.stringify({ LoggingConfiguration: {} }))!;
    const at = new Date(NOW);
    const results = evaluateProactively(rules(state), item, at, at);
    expect(results.map(r => [r.configRuleName, r.complianceType])).toEqual([
      ['logging-proactive', 'COMPLIANT'],
      ['logging-target', 'NON_COMPLIANT']
    ]);
    expect(results[1]!.annotation).toBe("Server access logs go to bucket 'b', not to 'access-logs'.");
    expect(overallCompliance(results)).toBe('NON_COMPLIANT');
    expect(overallCompliance(results.slice(0, 1))).toBe('COMPLIANT');
    expect(overallCompliance([])).toBe('INSUFFICIENT_DATA');
    expect(overallCompliance([{ ...results[0]!, complianceType: 'NOT_APPLICABLE' }])).toBe('NOT_APPLICABLE');
  });
});

describe('StartResourceEvaluation and the reads of its results', () => {
  it('evaluates after the evaluation delay: NON_COMPLIANT without logging, COMPLIANT with LoggingConfiguration', () => {
    const { rule, evaluate, summary, details, sim, call } = setup({ evaluationDelayMs: 2000 });
    rule('s3-bucket-logging-enabled', 'S3_BUCKET_LOGGING_ENABLED', ['DETECTIVE', 'PROACTIVE']);
    rule('s3-bucket-versioning-enabled', 'S3_BUCKET_VERSIONING_ENABLED', ['DETECTIVE', 'PROACTIVE']);
    const described = call('DescribeConfigRules', { Filters: { EvaluationMode: 'PROACTIVE' } })['ConfigRules'] as {
      ConfigRuleName: string;
      EvaluationModes: unknown;
    }[];
    expect(described.map(r => r.ConfigRuleName)).toEqual(['s3-bucket-logging-enabled', 's3-bucket-versioning-enabled']);
    expect(described[0]!.EvaluationModes).toEqual([{ Mode: 'DETECTIVE' }, { Mode: 'PROACTIVE' }]);

    const bare = evaluate(
      'AWS::S3::Bucket',
      { BucketName: 'new-bucket' },
      {
        EvaluationContext: { EvaluationContextIdentifier: 'pr-42' }
      }
    );
    expect(summary(bare)).toEqual({
      ResourceEvaluationId: bare,
      EvaluationMode: 'PROACTIVE',
      EvaluationStatus: { Status: 'IN_PROGRESS' },
      EvaluationStartTimestamp: new Date(NOW),
      EvaluationContext: { EvaluationContextIdentifier: 'pr-42' },
      ResourceDetails: {
        ResourceId: 'new-bucket',
        ResourceType: 'AWS::S3::Bucket',
        ResourceConfiguration: JSON.stringify({ BucketName: 'new-bucket' }),
        ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA'
      }
    });
    expect(details(bare)).toEqual([]);
    sim.advance(2000);
    expect(summary(bare)).toMatchObject({ EvaluationStatus: { Status: 'SUCCEEDED' }, Compliance: 'NON_COMPLIANT' });
    expect(details(bare)).toEqual([
      {
        rule: 's3-bucket-logging-enabled',
        mode: 'PROACTIVE',
        id: bare,
        compliance: 'NON_COMPLIANT',
        annotation: 'Server access logging is not enabled for this bucket.'
      }
    ]);

    const logged = evaluate('AWS::S3::Bucket', {
      BucketName: 'new-bucket',
      LoggingConfiguration: { DestinationBucketName: 'access-logs', LogFilePrefix: 'new-bucket/' }
    });
    sim.advance(2000);
    expect(summary(logged)).toMatchObject({ EvaluationStatus: { Status: 'SUCCEEDED' }, Compliance: 'COMPLIANT' });
    expect(details(logged).map(d => [d.rule, d.compliance])).toEqual([['s3-bucket-logging-enabled', 'COMPLIANT']]);
    expect(details(logged, { ComplianceTypes: ['NON_COMPLIANT'] })).toEqual([]);
  });

  it('fails evaluations whose properties do not fit, or that exceed the EvaluationTimeout', () => {
    const { rule, evaluate, summary, sim } = setup({ evaluationDelayMs: 5000 });
    rule('rds-storage-encrypted', 'RDS_STORAGE_ENCRYPTED', ['PROACTIVE']);
    const bad = evaluate('AWS::RDS::DBInstance', { StorageEncrypted: 'maybe' });
    const slow = evaluate('AWS::RDS::DBInstance', { StorageEncrypted: true }, { EvaluationTimeout: 3 });
    const fine = evaluate('AWS::RDS::DBInstance', { StorageEncrypted: true });
    sim.advance(3000);
    expect(summary(slow)['EvaluationStatus']).toEqual({
      Status: 'FAILED',
      FailureReason: 'The evaluation did not complete within the EvaluationTimeout of 3 seconds.'
    });
    expect(summary(fine)['EvaluationStatus']).toEqual({ Status: 'IN_PROGRESS' });
    sim.advance(2000);
    expect(summary(bad)['EvaluationStatus']).toEqual({
      Status: 'FAILED',
      FailureReason:
        'The resource configuration does not match the AWS::RDS::DBInstance schema: StorageEncrypted must be a boolean, got "maybe".'
    });
    expect(summary(bad)['Compliance']).toBeUndefined();
    expect(summary(fine)).toMatchObject({ EvaluationStatus: { Status: 'SUCCEEDED' }, Compliance: 'COMPLIANT' });
    const none = evaluate('AWS::SQS::Queue', {});
    sim.advance(5000);
    expect(summary(none)).toMatchObject({ EvaluationStatus: { Status: 'SUCCEEDED' }, Compliance: 'INSUFFICIENT_DATA' });
  });

  it('is idempotent per ClientToken and refuses bad requests', () => {
    const { evaluate, errorOf, call } = setup();
    const first = evaluate('AWS::S3::Bucket', {}, { ClientToken: TOKEN });
    expect(evaluate('AWS::S3::Bucket', {}, { ClientToken: TOKEN })).toBe(first);
    expect(evaluate('AWS::S3::Bucket', {})).not.toBe(first);
    expect(awsErrorCode(() => evaluate('AWS::S3::Bucket', { BucketName: 'other' }, { ClientToken: TOKEN }))).toBe(
      'IdempotentParameterMismatch'
    );
    expect(awsErrorCode(() => evaluate('AWS::S3::Bucket', {}, { EvaluationMode: 'DETECTIVE' }))).toBe(
      'InvalidParameterValueException'
    );
    expect(awsErrorCode(() => evaluate('AWS::S3::Bucket', '{oops'))).toBe('InvalidParameterValueException');
    expect(errorOf('GetResourceEvaluationSummary', { ResourceEvaluationId: 'nope' })).toBe('ResourceNotFoundException');
    expect(errorOf('GetComplianceDetailsByResource', { ResourceEvaluationId: 'nope' })).toBe(
      'InvalidParameterValueException'
    );
    expect(
      errorOf('GetComplianceDetailsByResource', {
        ResourceEvaluationId: first,
        ResourceType: 'AWS::S3::Bucket',
        ResourceId: 'x'
      })
    ).toBe('InvalidParameterValueException');
    expect(call('GetComplianceDetailsByResource', { ResourceEvaluationId: first })).toEqual({ EvaluationResults: [] });
  });

  it('lists evaluations newest first, with filters and pages', () => {
    const { evaluate, call, sim, errorOf } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        evaluate('AWS::S3::Bucket', {}, { EvaluationContext: { EvaluationContextIdentifier: i === 1 ? 'b' : 'a' } })
      );
      sim.advance(1000);
    }
    const list = (input: Record<string, unknown> = {}) => {
      const out = call('ListResourceEvaluations', input);
      return {
        ids: (out['ResourceEvaluations'] as { ResourceEvaluationId: string; EvaluationMode: string }[]).map(
          e => e.ResourceEvaluationId
        ),
        token: out['NextToken'] as string | undefined
      };
    };
    expect(list().ids).toEqual([ids[2], ids[1], ids[0]]);
    const first = list({ Limit: 2 });
    expect(first.ids).toEqual([ids[2], ids[1]]);
    expect(list({ Limit: 2, NextToken: first.token })).toEqual({ ids: [ids[0]], token: undefined });
    expect(list({ Filters: { EvaluationContextIdentifier: 'a' } }).ids).toEqual([ids[2], ids[0]]);
    const t0 = Date.parse(NOW);
    expect(
      list({
        Filters: {
          EvaluationMode: 'PROACTIVE',
          TimeWindow: { StartTime: new Date(t0 + 500), EndTime: new Date(t0 + 1500) }
        }
      }).ids
    ).toEqual([ids[1]]);
    expect(
      errorOf('ListResourceEvaluations', {
        Filters: { TimeWindow: { StartTime: new Date(t0 + 1), EndTime: new Date(t0) } }
      })
    ).toBe('InvalidTimeRangeException');
    const malformed = encodeToken('ListResourceEvaluations', JSON.stringify(['', '', '', '']), 'not-a-key');
    expect(errorOf('ListResourceEvaluations', { NextToken: malformed })).toBe('InvalidNextTokenException');
    expect(errorOf('ListResourceEvaluations', { Filters: { EvaluationMode: 'DETECTIVE' } })).toBe(
      'InvalidParameterValueException'
    );
    expect(
      errorOf('ListResourceEvaluations', {
        NextToken: first.token,
        Limit: 2,
        Filters: { EvaluationContextIdentifier: 'a' }
      })
    ).toBe('InvalidNextTokenException');
  });
});
