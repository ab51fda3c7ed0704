/**
 * S3 of the simulated account: bucket logging, default encryption and versioning of the account's buckets. Only
 * runbook steps call these operations (in process, through the same registry as every operation; the server does not
 * speak S3's protocol), so their input shapes are declared here, as botocore checks them, instead of coming from
 * models/. https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLogging.html
 */
import type { S3BucketState } from '../../core/state.js';
import {
  AwsError,
  type DeclaredShape,
  type Handler,
  type RequestContext,
  type ServiceHandlers
} from '../../core/types.js';

const S3_COMMON: Record<string, DeclaredShape> = {
  Bucket: 'string',
  ExpectedBucketOwner: 'string',
  ContentMD5: 'string',
  ChecksumAlgorithm: 'string'
};

function bucketOf(input: Record<string, unknown>, ctx: RequestContext): S3BucketState {
  const name = input.Bucket as string;
  const bucket = ctx.state.resources.s3Buckets[name];
  if (!bucket) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  if (input.ExpectedBucketOwner !== undefined && input.ExpectedBucketOwner !== ctx.state.accountId) {
    throw new AwsError('AccessDenied', 'Access Denied', 403);
  }
  return bucket;
}

const SSE_ALGORITHMS = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

const S3: Record<string, { input: DeclaredShape; run: Handler }> = {
  PutBucketLogging: {
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
    run(input, ctx) {
      const bucket = bucketOf(input, ctx);
      const status = input.BucketLoggingStatus as { LoggingEnabled?: { TargetBucket: string; TargetPrefix: string } };
      const enabled = status.LoggingEnabled;
      if (!enabled) {
        delete bucket.logging;
        return {};
      }
      if (!ctx.state.resources.s3Buckets[enabled.TargetBucket]) {
        throw new AwsError(
          'InvalidTargetBucketForLogging',
          `The target bucket for logging does not exist: ${enabled.TargetBucket}`
        );
      }
      bucket.logging = { targetBucket: enabled.TargetBucket, targetPrefix: enabled.TargetPrefix };
      return {};
    }
  },
  GetBucketLogging: {
    input: { struct: { Bucket: 'string', ExpectedBucketOwner: 'string' }, required: ['Bucket'] },
    run(input, ctx) {
      const bucket = bucketOf(input, ctx);
      if (!bucket.logging) return {};
      return {
        LoggingEnabled: { TargetBucket: bucket.logging.targetBucket, TargetPrefix: bucket.logging.targetPrefix ?? '' }
      };
    }
  },
  PutBucketEncryption: {
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
    run(input, ctx) {
      const bucket = bucketOf(input, ctx);
      const rules = (input.ServerSideEncryptionConfiguration as { Rules: Record<string, unknown>[] }).Rules;
      const rule = rules[0]?.ApplyServerSideEncryptionByDefault as
        { SSEAlgorithm: string; KMSMasterKeyID?: string } | undefined;
      if (rules.length !== 1 || !rule) {
        throw new AwsError('MalformedXML', 'The XML you provided was not well-formed');
      }
      if (!SSE_ALGORITHMS.has(rule.SSEAlgorithm)) {
        throw new AwsError('MalformedXML', 'The XML you provided was not well-formed');
      }
      if (rule.KMSMasterKeyID !== undefined && rule.SSEAlgorithm === 'AES256') {
        throw new AwsError(
          'InvalidArgument',
          'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse'
        );
      }
      bucket.encryption = { sseAlgorithm: rule.SSEAlgorithm as 'AES256' | 'aws:kms' | 'aws:kms:dsse' };
      if (rule.KMSMasterKeyID !== undefined) bucket.encryption.kmsKeyId = rule.KMSMasterKeyID;
      return {};
    }
  },
  GetBucketEncryption: {
    input: { struct: { Bucket: 'string', ExpectedBucketOwner: 'string' }, required: ['Bucket'] },
    run(input, ctx) {
      const bucket = bucketOf(input, ctx);
      if (!bucket.encryption) {
        throw new AwsError(
          'ServerSideEncryptionConfigurationNotFoundError',
          'The server side encryption configuration was not found'
        );
      }
      const byDefault: Record<string, unknown> = { SSEAlgorithm: bucket.encryption.sseAlgorithm };
      if (bucket.encryption.kmsKeyId !== undefined) byDefault.KMSMasterKeyID = bucket.encryption.kmsKeyId;
      return { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: byDefault }] } };
    }
  },
  PutBucketVersioning: {
    input: {
      struct: {
        ...S3_COMMON,
        MFA: 'string',
        VersioningConfiguration: { struct: { Status: 'string', MFADelete: 'string' } }
      },
      required: ['Bucket', 'VersioningConfiguration']
    },
    run(input, ctx) {
      const bucket = bucketOf(input, ctx);
      const status = (input.VersioningConfiguration as { Status?: string }).Status;
      if (status !== 'Enabled' && status !== 'Suspended') {
        throw new AwsError('MalformedXML', 'The XML you provided was not well-formed');
      }
      bucket.versioning = status;
      return {};
    }
  },
  GetBucketVersioning: {
    input: { struct: { Bucket: 'string', ExpectedBucketOwner: 'string' }, required: ['Bucket'] },
    run(input, ctx) {
      const bucket = bucketOf(input, ctx);
      return bucket.versioning ? { Status: bucket.versioning } : {};
    }
  }
};

/** s3 operations of the simulated account. */
export const s3Handlers: ServiceHandlers = Object.fromEntries(Object.entries(S3).map(([name, op]) => [name, op.run]));

/** Their input shapes. */
export const s3Inputs: Record<string, DeclaredShape> = Object.fromEntries(
  Object.entries(S3).map(([name, op]) => [name, op.input])
);
