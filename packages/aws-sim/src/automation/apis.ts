/**
 * The AWS APIs an Automation step can call (aws:executeAwsApi, aws:assertAwsResourceProperty,
 * aws:waitForAwsResourceProperty), implemented against the simulated account's resources. Parameters are checked
 * the way the AWS SDK for Python checks them before a call (missing, unknown, wrong type), and service errors read
 * like botocore's: "An error occurred (CODE) when calling the OPERATION operation: MESSAGE".
 *
 * An API that is not listed here is refused with a message naming it; it never pretends to succeed.
 */
import type { AccountState, S3BucketState } from '../core/state.js';

/** What an API call runs with. */
export interface ApiEnv {
  state: AccountState;
  /** Region of the automation execution. */
  region: string;
  now: Date;
  /** ARN of the identity making the call (the automation's assumed role session, or the caller). */
  callerArn: string;
  /** Request id of the call (reported in ResponseMetadata). */
  requestId: string;
  /** New unique id (message ids). */
  newId(kind: string): string;
}

/** A service error (the call reached the service and was refused). */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: string,
    readonly operation: string,
    detail: string
  ) {
    super(`An error occurred (${code}) when calling the ${operation} operation: ${detail}`);
  }
}

/** The parameters do not fit the API (found before any call, as the SDK does). */
export class ParamValidationError extends Error {
  override readonly name = 'ParamValidationError';
  constructor(problems: string[]) {
    super(`Parameter validation failed: ${problems.join('; ')}`);
  }
}

/** The simulated account does not implement the service or API. */
export class UnsupportedApiError extends Error {
  override readonly name = 'UnsupportedApiError';
}

type Shape =
  'string' | 'boolean' | 'integer' | { struct: Record<string, Shape>; required?: string[] } | { list: Shape };

interface ApiSpec {
  /** The operation's name as AWS spells it. */
  operation: string;
  input: { struct: Record<string, Shape>; required?: string[] };
  run(input: Record<string, unknown>, env: ApiEnv): Record<string, unknown>;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'object') return 'dict';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function validate(shape: Shape, value: unknown, path: string, problems: string[]): void {
  const wrong = (valid: string): void => {
    problems.push(
      `Invalid type for parameter ${path}, value: ${JSON.stringify(value)}, type: ${describeType(value)}, valid types: ${valid}`
    );
  };
  if (shape === 'string') {
    if (typeof value !== 'string') wrong('str');
    return;
  }
  if (shape === 'boolean') {
    if (typeof value !== 'boolean') wrong('bool');
    return;
  }
  if (shape === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) wrong('int');
    return;
  }
  if ('list' in shape) {
    if (!Array.isArray(value)) {
      wrong('list, tuple');
      return;
    }
    value.forEach((item, i) => validate(shape.list, item, `${path}[${i}]`, problems));
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    wrong('dict');
    return;
  }
  const obj = value as Record<string, unknown>;
  const prefix = path === '' ? '' : `${path}.`;
  for (const req of shape.required ?? []) {
    if (obj[req] === undefined) problems.push(`Missing required parameter in input: "${prefix}${req}"`);
  }
  for (const [k, v] of Object.entries(obj)) {
    const member = shape.struct[k];
    if (!member) {
      problems.push(
        `Unknown parameter in ${path === '' ? 'input' : path}: "${k}", must be one of: ${Object.keys(shape.struct).join(', ')}`
      );
      continue;
    }
    validate(member, v, `${prefix}${k}`, problems);
  }
}

// ------------------------------------------------------------------------------------------------ ec2

function ebsFlag(operation: string, on: boolean | undefined): ApiSpec['run'] {
  return (input, env) => {
    if (input.DryRun === true) {
      throw new ApiCallError('DryRunOperation', operation, 'Request would have succeeded, but DryRun flag is set.');
    }
    const flags = env.state.resources.ebsEncryptionByDefault;
    if (on !== undefined) flags[env.region] = on;
    return { EbsEncryptionByDefault: flags[env.region] ?? false };
  };
}

const EC2: Record<string, ApiSpec> = {
  EnableEbsEncryptionByDefault: {
    operation: 'EnableEbsEncryptionByDefault',
    input: { struct: { DryRun: 'boolean' } },
    run: ebsFlag('EnableEbsEncryptionByDefault', true)
  },
  DisableEbsEncryptionByDefault: {
    operation: 'DisableEbsEncryptionByDefault',
    input: { struct: { DryRun: 'boolean' } },
    run: ebsFlag('DisableEbsEncryptionByDefault', false)
  },
  GetEbsEncryptionByDefault: {
    operation: 'GetEbsEncryptionByDefault',
    input: { struct: { DryRun: 'boolean' } },
    run: ebsFlag('GetEbsEncryptionByDefault', undefined)
  }
};

// ------------------------------------------------------------------------------------------------ s3

const S3_COMMON: Record<string, Shape> = {
  Bucket: 'string',
  ExpectedBucketOwner: 'string',
  ContentMD5: 'string',
  ChecksumAlgorithm: 'string'
};

function bucketOf(input: Record<string, unknown>, env: ApiEnv, operation: string): S3BucketState {
  const name = input.Bucket as string;
  const bucket = env.state.resources.s3Buckets[name];
  if (!bucket) throw new ApiCallError('NoSuchBucket', operation, 'The specified bucket does not exist');
  if (input.ExpectedBucketOwner !== undefined && input.ExpectedBucketOwner !== env.state.accountId) {
    throw new ApiCallError('AccessDenied', operation, 'Access Denied');
  }
  return bucket;
}

const SSE_ALGORITHMS = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

const S3: Record<string, ApiSpec> = {
  PutBucketLogging: {
    operation: 'PutBucketLogging',
    input: {
      struct: {
        ...S3_COMMON,
        BucketLoggingStatus: {
          struct: {
            LoggingEnabled: {
              struct: {
                TargetBucket: 'string',
                TargetPrefix: 'string',
                // Grantee as the S3 API reference defines it (Type required; ID, EmailAddress, URI by type).
                TargetGrants: {
                  list: {
                    struct: {
                      Grantee: {
                        struct: {
                          Type: 'string',
                          ID: 'string',
                          EmailAddress: 'string',
                          URI: 'string',
                          DisplayName: 'string'
                        },
                        required: ['Type']
                      },
                      Permission: 'string'
                    }
                  }
                }
              },
              required: ['TargetBucket', 'TargetPrefix']
            }
          }
        }
      },
      required: ['Bucket', 'BucketLoggingStatus']
    },
    run(input, env) {
      const bucket = bucketOf(input, env, 'PutBucketLogging');
      const status = input.BucketLoggingStatus as { LoggingEnabled?: { TargetBucket: string; TargetPrefix: string } };
      const enabled = status.LoggingEnabled;
      if (!enabled) {
        delete bucket.logging;
        return {};
      }
      if (!env.state.resources.s3Buckets[enabled.TargetBucket]) {
        throw new ApiCallError(
          'InvalidTargetBucketForLogging',
          'PutBucketLogging',
          `The target bucket for logging does not exist: ${enabled.TargetBucket}`
        );
      }
      bucket.logging = { targetBucket: enabled.TargetBucket, targetPrefix: enabled.TargetPrefix };
      return {};
    }
  },
  GetBucketLogging: {
    operation: 'GetBucketLogging',
    input: { struct: { Bucket: 'string', ExpectedBucketOwner: 'string' }, required: ['Bucket'] },
    run(input, env) {
      const bucket = bucketOf(input, env, 'GetBucketLogging');
      if (!bucket.logging) return {};
      return {
        LoggingEnabled: { TargetBucket: bucket.logging.targetBucket, TargetPrefix: bucket.logging.targetPrefix ?? '' }
      };
    }
  },
  PutBucketEncryption: {
    operation: 'PutBucketEncryption',
    input: {
      struct: {
        ...S3_COMMON,
        ServerSideEncryptionConfiguration: {
          struct: {
            Rules: {
              list: {
                struct: {
                  ApplyServerSideEncryptionByDefault: {
                    struct: { SSEAlgorithm: 'string', KMSMasterKeyID: 'string' },
                    required: ['SSEAlgorithm']
                  },
                  BucketKeyEnabled: 'boolean'
                }
              }
            }
          },
          required: ['Rules']
        }
      },
      required: ['Bucket', 'ServerSideEncryptionConfiguration']
    },
    run(input, env) {
      const bucket = bucketOf(input, env, 'PutBucketEncryption');
      const rules = (input.ServerSideEncryptionConfiguration as { Rules: Record<string, unknown>[] }).Rules;
      const rule = rules[0]?.ApplyServerSideEncryptionByDefault as
        { SSEAlgorithm: string; KMSMasterKeyID?: string } | undefined;
      if (rules.length !== 1 || !rule) {
        throw new ApiCallError('MalformedXML', 'PutBucketEncryption', 'The XML you provided was not well-formed');
      }
      if (!SSE_ALGORITHMS.has(rule.SSEAlgorithm)) {
        throw new ApiCallError('MalformedXML', 'PutBucketEncryption', 'The XML you provided was not well-formed');
      }
      if (rule.KMSMasterKeyID !== undefined && rule.SSEAlgorithm === 'AES256') {
        throw new ApiCallError(
          'InvalidArgument',
          'PutBucketEncryption',
          'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse'
        );
      }
      bucket.encryption = { sseAlgorithm: rule.SSEAlgorithm as 'AES256' | 'aws:kms' | 'aws:kms:dsse' };
      if (rule.KMSMasterKeyID !== undefined) bucket.encryption.kmsKeyId = rule.KMSMasterKeyID;
      return {};
    }
  },
  GetBucketEncryption: {
    operation: 'GetBucketEncryption',
    input: { struct: { Bucket: 'string', ExpectedBucketOwner: 'string' }, required: ['Bucket'] },
    run(input, env) {
      const bucket = bucketOf(input, env, 'GetBucketEncryption');
      if (!bucket.encryption) {
        throw new ApiCallError(
          'ServerSideEncryptionConfigurationNotFoundError',
          'GetBucketEncryption',
          'The server side encryption configuration was not found'
        );
      }
      const byDefault: Record<string, unknown> = { SSEAlgorithm: bucket.encryption.sseAlgorithm };
      if (bucket.encryption.kmsKeyId !== undefined) byDefault.KMSMasterKeyID = bucket.encryption.kmsKeyId;
      return { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: byDefault }] } };
    }
  },
  PutBucketVersioning: {
    operation: 'PutBucketVersioning',
    input: {
      struct: {
        ...S3_COMMON,
        MFA: 'string',
        VersioningConfiguration: { struct: { Status: 'string', MFADelete: 'string' } }
      },
      required: ['Bucket', 'VersioningConfiguration']
    },
    run(input, env) {
      const bucket = bucketOf(input, env, 'PutBucketVersioning');
      const status = (input.VersioningConfiguration as { Status?: string }).Status;
      if (status !== 'Enabled' && status !== 'Suspended') {
        throw new ApiCallError('MalformedXML', 'PutBucketVersioning', 'The XML you provided was not well-formed');
      }
      bucket.versioning = status;
      return {};
    }
  },
  GetBucketVersioning: {
    operation: 'GetBucketVersioning',
    input: { struct: { Bucket: 'string', ExpectedBucketOwner: 'string' }, required: ['Bucket'] },
    run(input, env) {
      const bucket = bucketOf(input, env, 'GetBucketVersioning');
      return bucket.versioning ? { Status: bucket.versioning } : {};
    }
  }
};

// ------------------------------------------------------------------------------------------------ sns

const SNS: Record<string, ApiSpec> = {
  Publish: {
    operation: 'Publish',
    input: { struct: { TopicArn: 'string', Message: 'string', Subject: 'string' }, required: ['TopicArn', 'Message'] },
    run(input, env) {
      const topicArn = input.TopicArn as string;
      const message = input.Message as string;
      const topics = env.state.resources.snsTopics;
      const topic = topics[topicArn] ?? Object.values(topics).find(t => t.arn === topicArn);
      if (!topic) throw new ApiCallError('NotFound', 'Publish', 'Topic does not exist');
      if (message === '') throw new ApiCallError('InvalidParameter', 'Publish', 'Invalid parameter: Empty message');
      const subject = input.Subject as string | undefined;
      if (subject !== undefined && (subject.length > 100 || subject === '')) {
        throw new ApiCallError('InvalidParameter', 'Publish', 'Invalid parameter: Subject');
      }
      const messageId = env.newId('sns-message');
      env.state.sns.messages.push({
        messageId,
        topicArn: topic.arn,
        message,
        ...(subject !== undefined ? { subject } : {}),
        publishedAt: env.now.toISOString(),
        publishedBy: env.callerArn
      });
      return { MessageId: messageId };
    }
  }
};

const SERVICES: Record<string, Record<string, ApiSpec>> = { ec2: EC2, s3: S3, sns: SNS };

function normalise(api: string): string {
  return api.replace(/_/g, '').toLowerCase();
}

/** Every implemented `service Api` pair, for messages. */
export function implementedApis(): string[] {
  return Object.entries(SERVICES).flatMap(([service, apis]) => Object.keys(apis).map(a => `${service} ${a}`));
}

/**
 * Calls `service`/`api` with `params` against the simulated account. Returns the response (with ResponseMetadata,
 * as the SDK returns it). Throws ParamValidationError, ApiCallError or UnsupportedApiError.
 */
export function callAwsApi(
  service: string,
  api: string,
  params: Record<string, unknown>,
  env: ApiEnv
): Record<string, unknown> {
  const apis = SERVICES[service.toLowerCase()];
  const wanted = normalise(api);
  const spec = apis ? Object.values(apis).find(s => normalise(s.operation) === wanted) : undefined;
  if (!spec) {
    throw new UnsupportedApiError(
      `the simulated account does not implement the ${service} API ${api} (implemented: ${implementedApis().join(', ')})`
    );
  }
  const problems: string[] = [];
  validate(spec.input, params, '', problems);
  if (problems.length > 0) throw new ParamValidationError(problems);
  const out = spec.run(params, env);
  return { ...out, ResponseMetadata: { RequestId: env.requestId, HTTPStatusCode: 200, RetryAttempts: 0 } };
}
