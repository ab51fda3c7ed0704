import { describe, it, expect, beforeEach } from '@jest/globals';
import {
  ApiCallError,
  ParamValidationError,
  UnsupportedApiError,
  callAwsApi,
  type ApiCaller
} from '../src/automation/aws-api.js';
import { FakeRuntime } from './support/fake-runtime.js';
import { compilePattern, type ParsedParameter } from '../src/services/ssm/content.js';
import { durationMs } from '../src/automation/actions/sleep.js';
import {
  ValueError,
  convertToType,
  pythonText,
  resolveTemplates,
  select,
  toParameterValues,
  typedDefault,
  typedParameter
} from '../src/automation/expressions.js';
import { freshState, loadScenario } from '../src/core/scenario.js';
import type { AccountState } from '../src/core/state.js';

describe('selectors', () => {
  const data = { A: { B: [{ C: 1 }, { C: 2 }], 'odd key': 'x' }, Empty: null };

  it.each([
    ['$', data],
    ['$.A.B[1].C', 2],
    ["$.A['odd key']", 'x'],
    ['$.A.B[*].C', [1, 2]],
    ['$.A.B.*.C', [1, 2]],
    ['$.Empty', null],
    // Without the leading $, as AWS's own runbooks write it (Attributes.KmsMasterKeyId).
    ['A.B[1].C', 2],
    ['Empty', null]
  ])('%s', (selector, expected) => {
    expect(select(data, selector)).toEqual({ found: true, value: expected });
  });

  it('reports absent members as not found', () => {
    expect(select(data, '$.A.Z').found).toBe(false);
    expect(select(data, '$.A.B[5]').found).toBe(false);
    expect(select(data, '$.A.B[0].C.D').found).toBe(false);
    expect(select(data, '$.Empty[*]').found).toBe(false);
  });

  it.each(['', ' ', '$.', '$[x]', '$[0', '$!', 'A..B'])('refuses the malformed selector %s', selector => {
    expect(() => select(data, selector)).toThrow(ValueError);
  });
});

describe('type conversion', () => {
  it.each([
    ['String', 5, '5'],
    ['String', { a: 1 }, '{"a":1}'],
    ['Integer', '42', 42],
    ['Integer', 7, 7],
    ['Boolean', 'TRUE', true],
    ['Boolean', false, false],
    ['StringList', [1, 'a', { b: 2 }], ['1', 'a', '{"b":2}']],
    ['StringMap', { a: 1 }, { a: 1 }],
    ['MapList', [{ a: 1 }], [{ a: 1 }]]
  ])('%s from %j', (type, value, expected) => {
    expect(convertToType(value, type, 'x')).toEqual(expected);
  });

  it.each([
    ['String', null],
    ['Integer', 'seven'],
    ['Integer', 1.5],
    ['Boolean', 'yes'],
    ['StringList', 'a'],
    ['StringMap', [1]],
    ['MapList', [1]],
    ['Float', 1]
  ])('refuses %s from %j', (type, value) => {
    expect(() => convertToType(value, type, 'output X')).toThrow(/output X: .* cannot be converted/);
  });

  it('renders values for AutomationParameterMap and for Python comparisons', () => {
    expect(toParameterValues(true)).toEqual(['true']);
    expect(toParameterValues({ a: 1 })).toEqual(['{"a":1}']);
    expect(toParameterValues([1, 'b'])).toEqual(['1', 'b']);
    expect([true, false, null, 3, 'x'].map(pythonText)).toEqual(['True', 'False', 'None', '3', 'x']);
  });
});

describe('templates', () => {
  const scope = {
    lookup(expr: string): unknown {
      if (expr === 'List') return ['a', 'b'];
      if (expr === 'N') return 3;
      throw new ValueError(`unknown ${expr}`);
    }
  };

  it('keeps the type of a whole-string reference and interpolates otherwise', () => {
    expect(resolveTemplates({ a: '{{ List }}', b: ['n={{N}}'], c: 4, d: 'plain' }, scope)).toEqual({
      a: ['a', 'b'],
      b: ['n=3'],
      c: 4,
      d: 'plain'
    });
  });

  it('refuses unknown and empty references', () => {
    expect(() => resolveTemplates('x {{ Nope }}', scope)).toThrow(/unknown Nope/);
    expect(() => resolveTemplates('x {{ }} y', scope)).toThrow(/empty reference/);
  });
});

describe('parameters', () => {
  const param = (p: Partial<ParsedParameter>): ParsedParameter => ({
    name: 'P',
    type: 'String',
    hasDefault: false,
    ...p
  });

  it('types each kind of parameter', () => {
    expect(typedParameter(param({ type: 'StringMap' }), ['{"a":"b"}'])).toEqual({ a: 'b' });
    expect(typedParameter(param({ type: 'MapList' }), ['{"a":1}', '{"b":2}'])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(typedParameter(param({ type: 'List<AWS::EC2::Instance::Id>' }), ['i-1', 'i-2'])).toEqual(['i-1', 'i-2']);
    expect(typedParameter(param({ type: 'AWS::S3::Bucket::Name' }), ['bucket'])).toBe('bucket');
    expect(typedParameter(param({ type: 'Integer' }), ['-3'])).toBe(-3);
  });

  it('refuses values outside the declared limits', () => {
    expect(() => typedParameter(param({ type: 'StringMap' }), ['[1]'])).toThrow(/not a JSON object/);
    expect(() => typedParameter(param({ type: 'MapList' }), ['nope'])).toThrow(/not a JSON object/);
    expect(() => typedParameter(param({ type: 'StringList', maxItems: 1 }), ['a', 'b'])).toThrow(/at most 1/);
    expect(() => typedParameter(param({ minChars: 3 }), ['ab'])).toThrow(/shorter than 3/);
    expect(() => typedParameter(param({ maxChars: 2 }), ['abc'])).toThrow(/longer than 2/);
  });

  it('types defaults as written in the document', () => {
    expect(typedDefault(param({ hasDefault: true, default: 5 }))).toBe('5');
    expect(typedDefault(param({ type: 'Integer', hasDefault: true, default: 5 }))).toBe(5);
    expect(typedDefault(param({ type: 'StringList', hasDefault: true, default: 'one' }))).toEqual(['one']);
    expect(typedDefault(param({ type: 'StringList', hasDefault: true, default: null }))).toEqual([]);
    expect(typedDefault(param({ hasDefault: true, default: null }))).toBe('');
  });

  it('reads Python-style allowedPattern syntax', () => {
    expect(compilePattern('\\A(?P<id>[a-z]+)\\Z').test('abc')).toBe(true);
    expect(compilePattern('\\A(?P<id>[a-z]+)\\Z').test('abc1')).toBe(false);
  });

  it.each([
    ['^(?i:sse|aws:kms)$', 'AWS:KMS', true],
    ['^(?i:abc)d$', 'aBcd', true],
    ['^(?i:abc)d$', 'abcD', false],
    ['(?i)^abc$', 'ABC', true],
    ['^(?i:[a-c]+)$', 'AbC', true],
    ['^(?i:[a-c]+)$', 'd', false],
    ['^a++$', 'aaa', true],
    ['^(?>ab)c$', 'abc', true],
    ['^a\\++$', 'a++', true],
    ['\\A\\p{Alpha}+\\z', 'abC', true],
    ['\\A\\p{Alpha}+\\z', 'ab1', false],
    ['^[^\\p{Digit}]$', '1', false]
  ])('reads the Java allowedPattern %s (%s: %s)', (pattern, value, matches) => {
    expect(compilePattern(pattern).test(value)).toBe(matches);
  });
});

describe('ISO 8601 durations', () => {
  it.each([
    ['PT5S', 5000],
    ['PT1M30S', 90_000],
    ['PT2H', 7_200_000],
    ['P1D', 86_400_000],
    ['P1W', 604_800_000],
    ['PT0.5S', 500]
  ])('%s', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each(['5S', 'P', 'PT', 'PT5X', ''])('refuses %j', text => {
    expect(durationMs(text)).toBeUndefined();
  });
});

describe('the APIs steps can call', () => {
  let state: AccountState;
  let env: ApiCaller;
  const SESSION = 'arn:aws:sts::123456789012:assumed-role/compliance-gate/s';

  beforeEach(async () => {
    state = freshState(await loadScenario('seed'));
    const sim = new FakeRuntime({}, Date.parse('2026-05-01T00:00:00Z'));
    env = {
      state,
      now: () => sim.now(),
      sim,
      principal: { accessKeyId: '', arn: SESSION, accountId: '123456789012', userId: 'AROAEXAMPLE:s' },
      requestId: 'req-1'
    };
  });

  const fails = (service: string, api: string, params: Record<string, unknown>): Error => {
    try {
      callAwsApi(service, api, params, env);
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected a failure');
  };

  it('switches EBS default encryption and reports ResponseMetadata', () => {
    expect(callAwsApi('ec2', 'EnableEbsEncryptionByDefault', {}, env)).toEqual({
      EbsEncryptionByDefault: true,
      ResponseMetadata: { RequestId: 'req-1', HTTPStatusCode: 200, RetryAttempts: 0 }
    });
    expect(callAwsApi('EC2', 'disable_ebs_encryption_by_default', {}, env).EbsEncryptionByDefault).toBe(false);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    state.resources.ebsEncryptionByDefault['eu-west-1'] = true;
    state.region = 'eu-west-1';
    expect(callAwsApi('ec2', 'GetEbsEncryptionByDefault', {}, env).EbsEncryptionByDefault).toBe(true);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    const dry = fails('ec2', 'EnableEbsEncryptionByDefault', { DryRun: true });
    expect(dry).toBeInstanceOf(ApiCallError);
    expect(dry.message).toBe(
      'An error occurred (DryRunOperation) when calling the EnableEbsEncryptionByDefault operation: Request would have succeeded, but DryRun flag is set.'
    );
  });

  it('reads and changes S3 bucket logging', () => {
    expect(callAwsApi('s3', 'GetBucketLogging', { Bucket: 'patient-records' }, env).LoggingEnabled).toEqual({
      TargetBucket: 'access-logs',
      TargetPrefix: 'patient-records/'
    });
    callAwsApi('s3', 'PutBucketLogging', { Bucket: 'patient-records', BucketLoggingStatus: {} }, env);
    expect(state.resources.s3Buckets['patient-records']!.logging).toBeUndefined();
    expect(callAwsApi('s3', 'GetBucketLogging', { Bucket: 'patient-records' }, env).LoggingEnabled).toBeUndefined();
    const badTarget = fails('s3', 'PutBucketLogging', {
      Bucket: 'claims-uploads',
      BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'missing', TargetPrefix: 'x/' } }
    });
    expect(badTarget.message).toMatch(/\(InvalidTargetBucketForLogging\)/);
    expect(
      fails('s3', 'GetBucketLogging', { Bucket: 'claims-uploads', ExpectedBucketOwner: '999999999999' }).message
    ).toMatch(/\(AccessDenied\)/);
  });

  it('reads and changes S3 encryption and versioning', () => {
    delete state.resources.s3Buckets['access-logs']!.encryption;
    expect(fails('s3', 'GetBucketEncryption', { Bucket: 'access-logs' }).message).toMatch(
      /ServerSideEncryptionConfigurationNotFoundError/
    );
    const kms = {
      Bucket: 'access-logs',
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/k' } }]
      }
    };
    callAwsApi('s3', 'PutBucketEncryption', kms, env);
    expect(
      callAwsApi('s3', 'GetBucketEncryption', { Bucket: 'access-logs' }, env).ServerSideEncryptionConfiguration
    ).toEqual({
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/k' } }]
    });
    const aesWithKey = structuredClone(kms);
    aesWithKey.ServerSideEncryptionConfiguration.Rules[0]!.ApplyServerSideEncryptionByDefault.SSEAlgorithm = 'AES256';
    expect(fails('s3', 'PutBucketEncryption', aesWithKey).message).toMatch(/\(InvalidArgument\)/);
    const bogus = structuredClone(kms);
    bogus.ServerSideEncryptionConfiguration.Rules[0]!.ApplyServerSideEncryptionByDefault.SSEAlgorithm = 'ROT13';
    expect(fails('s3', 'PutBucketEncryption', bogus).message).toMatch(/\(MalformedXML\)/);

    expect(callAwsApi('s3', 'GetBucketVersioning', { Bucket: 'claims-uploads' }, env).Status).toBeUndefined();
    callAwsApi(
      's3',
      'PutBucketVersioning',
      { Bucket: 'claims-uploads', VersioningConfiguration: { Status: 'Enabled' } },
      env
    );
    expect(callAwsApi('s3', 'GetBucketVersioning', { Bucket: 'claims-uploads' }, env).Status).toBe('Enabled');
    expect(
      fails('s3', 'PutBucketVersioning', { Bucket: 'claims-uploads', VersioningConfiguration: { Status: 'On' } })
        .message
    ).toMatch(/MalformedXML/);
  });

  it('publishes to SNS topics that exist', () => {
    const out = callAwsApi(
      'sns',
      'Publish',
      { TopicArn: 'arn:aws:sns:us-east-1:123456789012:my-sns-topic', Message: 'm', Subject: 's' },
      env
    );
    expect(state.sns.messages).toEqual([
      {
        messageId: out.MessageId,
        topicArn: 'arn:aws:sns:us-east-1:123456789012:my-sns-topic',
        message: 'm',
        subject: 's',
        publishedAt: '2026-05-01T00:00:00.000Z',
        publishedBy: 'arn:aws:sts::123456789012:assumed-role/compliance-gate/s'
      }
    ]);
    const topic = 'arn:aws:sns:us-east-1:123456789012:my-sns-topic';
    expect(fails('sns', 'Publish', { TopicArn: topic, Message: '' }).message).toMatch(/Empty message/);
    expect(fails('sns', 'Publish', { TopicArn: topic, Message: 'm', Subject: 'x'.repeat(101) }).message).toMatch(
      /Subject/
    );
  });

  it('runs the same Publish as SDK requests: the checks of the SNS handler and of the model', () => {
    const topic = 'arn:aws:sns:us-east-1:123456789012:my-sns-topic';
    // Checks only the service handler had before runbook calls went through it.
    expect(
      fails('sns', 'publish', { TopicArn: topic, Message: '{"email":"x"}', MessageStructure: 'json' }).message
    ).toBe(
      'An error occurred (InvalidParameter) when calling the Publish operation: Invalid parameter: Message Structure - No default entry in JSON message body'
    );
    expect(fails('sns', 'Publish', { Message: 'm' }).message).toMatch(/\(InvalidParameter\).*TopicArn or TargetArn/);
    expect(fails('sns', 'Publish', { TopicArn: topic, Message: 'x'.repeat(256 * 1024 + 1) }).message).toMatch(
      /Message too long/
    );
    // botocore's checks, from the SNS model: Message is required, a string; members are the model's.
    const missing = fails('sns', 'Publish', { TopicArn: topic });
    expect(missing).toBeInstanceOf(ParamValidationError);
    expect(missing.message).toBe('Parameter validation failed: Missing required parameter in input: "Message"');
    expect(fails('sns', 'Publish', { TopicArn: topic, Message: 5 }).message).toMatch(
      /Invalid type for parameter Message, value: 5, type: int, valid types: str/
    );
    expect(fails('sns', 'Publish', { TopicArn: topic, Message: 'm', Foo: 1 }).message).toMatch(
      /Unknown parameter in input: "Foo", must be one of: .*TopicArn.*Message/
    );
    const attrs = fails('sns', 'Publish', { TopicArn: topic, Message: 'm', MessageAttributes: { a: 'x' } });
    expect(attrs.message).toMatch(
      /Invalid type for parameter MessageAttributes.a, value: "x", type: str, valid types: dict/
    );
    expect(state.sns.messages).toEqual([]);
    // The published message records the step's identity, as an SDK request records its caller.
    const out = callAwsApi('sns', 'Publish', { TopicArn: topic, Message: 'ok' }, env);
    expect(out.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(state.sns.messages).toMatchObject([{ messageId: out.MessageId, message: 'ok', publishedBy: SESSION }]);
  });

  it('reaches every registered operation, with the constraints of its model', () => {
    expect(callAwsApi('sts', 'GetCallerIdentity', {}, env)).toMatchObject({
      Arn: SESSION,
      Account: '123456789012',
      UserId: 'AROAEXAMPLE:s'
    });
    const rules = callAwsApi('config', 'describe_config_rules', {}, env).ConfigRules as { ConfigRuleName: string }[];
    expect(rules.length).toBeGreaterThan(0);
    // The Smithy length and pattern traits of ConfigRuleNames members, with the wording an HTTP request gets.
    expect(fails('config', 'DescribeConfigRules', { ConfigRuleNames: [''] }).message).toMatch(
      /^An error occurred \(ValidationException\) when calling the DescribeConfigRules operation: 2 validation errors detected: Value '' at 'configRuleNames.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1/
    );
    expect(fails('config', 'DescribeConfigRules', { ConfigRuleNames: ['nope'] }).message).toMatch(
      /\(NoSuchConfigRuleException\)/
    );
  });

  it('checks parameters like the SDK and refuses APIs it does not implement', () => {
    const e = fails('s3', 'PutBucketVersioning', { Bucket: 5, VersioningConfiguration: 'Enabled' });
    expect(e).toBeInstanceOf(ParamValidationError);
    expect(e.message).toMatch(/Invalid type for parameter Bucket, value: 5, type: int, valid types: str/);
    expect(e.message).toMatch(/Invalid type for parameter VersioningConfiguration, .*valid types: dict/);
    const list = fails('s3', 'PutBucketEncryption', { Bucket: 'b', ServerSideEncryptionConfiguration: { Rules: 'x' } });
    expect(list.message).toMatch(/ServerSideEncryptionConfiguration.Rules, .*valid types: list, tuple/);
    const bool = fails('ec2', 'EnableEbsEncryptionByDefault', { DryRun: 'yes' });
    expect(bool.message).toMatch(/valid types: bool/);
    const unsupported = fails('ec2', 'TerminateInstances', {});
    expect(unsupported).toBeInstanceOf(UnsupportedApiError);
    expect(unsupported.message).toMatch(
      /does not implement the ec2 API TerminateInstances \(implemented: .*sns Publish/
    );
    expect(fails('lambda', 'Invoke', {})).toBeInstanceOf(UnsupportedApiError);
  });
});
