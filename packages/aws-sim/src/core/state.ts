/**
 * The simulated account's state. Everything is plain JSON so `GET /_sim/state` can return it as is and scenarios
 * can be written as data. Timestamps are ISO 8601 strings.
 */
import type { PolicyDocument } from './iam/policy.js';

export interface TrustPolicy {
  /** token.aud must equal one of these (StringEquals). */
  audiences: string[];
  /** token.sub must match one of these (StringLike: * and ? wildcards). */
  subjects: string[];
}

export interface RoleState {
  arn: string;
  /** Trust for sts:AssumeRoleWithWebIdentity from the GitHub OIDC provider; absent: role not assumable via OIDC. */
  oidcTrust?: TrustPolicy;
  maxSessionDurationSeconds?: number;
  /** Role can be passed to SSM Automation / Config remediation as assume role. */
  assumableByAutomation?: boolean;
  /** Identity-based policies (IAM JSON, core/iam/policy.ts); absent: the role may do everything. */
  policies?: PolicyDocument[];
  /** Trust for sts:AssumeRole (services/sts/assume-role.ts); absent: no IAM principal may assume the role. */
  assumeRoleTrust?: AssumeRoleTrust;
}

/**
 * A role trust policy statement `Allow sts:AssumeRole` for AWS principals, with an optional
 * `StringEquals sts:ExternalId` condition.
 */
export interface AssumeRoleTrust {
  /** Principal.AWS: role ARNs (their sessions may assume), user ARNs, or `arn:aws:iam::ACCOUNT:root` / an account id. */
  principals: string[];
  /** Condition StringEquals sts:ExternalId (any of these); absent: no condition. */
  externalIds?: string[];
}

export interface IssuedCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** ISO 8601. */
  expiration?: string;
  arn: string;
  userId: string;
  /** Authenticated calls left before the simulator declares these expired (fault: expired credentials). */
  callsUntilExpiry?: number;
}

export interface S3BucketState {
  name: string;
  region?: string;
  /** Server access logging; absent = disabled. */
  logging?: { targetBucket: string; targetPrefix?: string };
  /** Default encryption algorithm; absent = none. */
  encryption?: { sseAlgorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse'; kmsKeyId?: string; bucketKeyEnabled?: boolean };
  versioning?: 'Enabled' | 'Suspended';
  mfaDelete?: boolean;
  publicRead?: boolean;
  publicWrite?: boolean;
  tags?: Record<string, string>;
  /** ISO 8601 creation time. */
  createdAt?: string;
}

export interface EbsVolumeState {
  id: string;
  encrypted: boolean;
  kmsKeyId?: string;
  attached?: boolean;
  tags?: Record<string, string>;
}

export interface TrailState {
  name: string;
  isLogging: boolean;
  multiRegion?: boolean;
  s3BucketName?: string;
  snsTopicArn?: string;
  cloudWatchLogsLogGroupArn?: string;
}

export interface PasswordPolicyState {
  minimumPasswordLength?: number;
  requireUppercaseCharacters?: boolean;
  requireLowercaseCharacters?: boolean;
  requireSymbols?: boolean;
  requireNumbers?: boolean;
  maxPasswordAge?: number;
  passwordReusePrevention?: number;
}

export interface RdsInstanceState {
  id: string;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  tags?: Record<string, string>;
}

export interface VpcState {
  id: string;
  flowLogsEnabled: boolean;
  flowLogTrafficType?: 'ACCEPT' | 'REJECT' | 'ALL';
  tags?: Record<string, string>;
}

export interface ResourcesState {
  s3Buckets: Record<string, S3BucketState>;
  /** Per region: is EBS encryption by default on? */
  ebsEncryptionByDefault: Record<string, boolean>;
  ebsVolumes: Record<string, EbsVolumeState>;
  trails: Record<string, TrailState>;
  passwordPolicy?: PasswordPolicyState;
  rdsInstances: Record<string, RdsInstanceState>;
  vpcs: Record<string, VpcState>;
  snsTopics: Record<string, SnsTopicState>;
}

export interface SnsTopicState {
  arn: string;
  /** Topic attributes beyond the computed ones (DisplayName, Policy, KmsMasterKeyId, ...). */
  attributes?: Record<string, string>;
  tags?: Record<string, string>;
}

/** One published SNS message. */
export interface SnsMessage {
  messageId: string;
  topicArn: string;
  message: string;
  subject?: string;
  /** ISO 8601 */
  publishedAt: string;
  /** Who published: the caller's ARN. */
  publishedBy?: string;
  /** Message attributes as sent (name -> DataType and StringValue / base64 BinaryValue). */
  attributes?: Record<string, { dataType: string; stringValue?: string; binaryValue?: string }>;
}

export interface AccountState {
  accountId: string;
  region: string;
  roles: Record<string, RoleState>;
  credentials: IssuedCredential[];
  resources: ResourcesState;
  /** AWS Config state, owned by services/config*.ts. Kept loosely typed here; those files define the shapes. */
  config: Record<string, unknown>;
  /** SSM state, owned by services/ssm/. */
  ssm: Record<string, unknown>;
  sns: { messages: SnsMessage[] };
  /** CloudWatch Logs, owned by services/logs/ (created on first use). */
  logs?: import('../services/logs/state.js').LogsState;
  /** Security Hub, owned by services/securityhub/ (absent: not enabled in the account). */
  securityHub?: import('../services/securityhub/state.js').SecurityHubState;
}
