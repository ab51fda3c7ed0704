/**
 * Normalised configuration items: what the managed-rule evaluators read. One item per resource
 * `{ resourceType, resourceId, configuration, tags }`, with a typed `configuration` per resource type.
 *
 * `itemsFromState` adapts the simulated account's resources; a proactive evaluation can build the same items
 * from CloudFormation resource properties and reuse the evaluators unchanged.
 */
import type { AccountState, EbsVolumeState, S3BucketState, TrailState, VpcState } from '../../core/state.js';

export interface S3BucketConfiguration {
  bucketName: string;
  /** Server access logging; absent = disabled. */
  logging?: { targetBucket: string; targetPrefix?: string };
  /** Default encryption; absent = none. */
  serverSideEncryption?: { sseAlgorithm: string; kmsKeyId?: string };
  versioning: { status: 'Off' | 'Enabled' | 'Suspended'; mfaDeleteEnabled: boolean };
  /** The bucket policy or ACL grants public read access and Block Public Access does not stop it. */
  publicReadAccess: boolean;
  /** The bucket policy or ACL grants public write access and Block Public Access does not stop it. */
  publicWriteAccess: boolean;
}

export interface PasswordPolicyConfiguration {
  minimumPasswordLength?: number;
  requireUppercaseCharacters?: boolean;
  requireLowercaseCharacters?: boolean;
  requireSymbols?: boolean;
  requireNumbers?: boolean;
  maxPasswordAge?: number;
  passwordReusePrevention?: number;
}

export interface TrailConfiguration {
  name: string;
  isLogging: boolean;
  isMultiRegionTrail: boolean;
  s3BucketName?: string;
  snsTopicArn?: string;
  cloudWatchLogsLogGroupArn?: string;
}

/** The account in one region (resource type AWS::::Account, id = account id). */
export interface AccountConfiguration {
  accountId: string;
  region: string;
  ebsEncryptionByDefault: boolean;
  /** Absent: the account has no IAM password policy (the default one). */
  passwordPolicy?: PasswordPolicyConfiguration;
  trails: TrailConfiguration[];
}

export interface EbsVolumeConfiguration {
  volumeId: string;
  encrypted: boolean;
  kmsKeyId?: string;
  /** Attached to an instance. */
  attached: boolean;
}

export interface RdsInstanceConfiguration {
  dbInstanceIdentifier: string;
  storageEncrypted: boolean;
  kmsKeyId?: string;
}

export interface VpcConfiguration {
  vpcId: string;
  /** Active flow logs of the VPC. */
  flowLogs: { trafficType: 'ACCEPT' | 'REJECT' | 'ALL' }[];
}

/** Configuration shape per resource type. */
export interface ResourceConfigurations {
  'AWS::S3::Bucket': S3BucketConfiguration;
  'AWS::::Account': AccountConfiguration;
  'AWS::EC2::Volume': EbsVolumeConfiguration;
  'AWS::RDS::DBInstance': RdsInstanceConfiguration;
  'AWS::EC2::VPC': VpcConfiguration;
}

export type ResourceType = keyof ResourceConfigurations;

export type ConfigurationItemOf<T extends ResourceType> = {
  resourceType: T;
  resourceId: string;
  configuration: ResourceConfigurations[T];
  tags: Readonly<Record<string, string>>;
};

export type ConfigurationItem = { [T in ResourceType]: ConfigurationItemOf<T> }[ResourceType];

export const ACCOUNT_RESOURCE_TYPE = 'AWS::::Account';

/** Ordering of results and items: resource type, then resource id (code-unit order, stable for paging). */
export function compareResourceKeys(
  a: { resourceType: string; resourceId: string },
  b: { resourceType: string; resourceId: string }
): number {
  if (a.resourceType !== b.resourceType) return a.resourceType < b.resourceType ? -1 : 1;
  if (a.resourceId === b.resourceId) return 0;
  return a.resourceId < b.resourceId ? -1 : 1;
}

// Optional details the shared resource types may gain later; read when present.
type BucketExtras = { mfaDelete?: boolean };
type VolumeExtras = { kmsKeyId?: string; attached?: boolean };
type TrailExtras = { snsTopicArn?: string; cloudWatchLogsLogGroupArn?: string };
type RdsExtras = { kmsKeyId?: string };
type VpcExtras = { flowLogTrafficType?: 'ACCEPT' | 'REJECT' | 'ALL' };

const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});

export function s3BucketItem(bucket: S3BucketState): ConfigurationItemOf<'AWS::S3::Bucket'> {
  const extras = bucket as S3BucketState & BucketExtras;
  const configuration: S3BucketConfiguration = {
    bucketName: bucket.name,
    versioning: { status: bucket.versioning ?? 'Off', mfaDeleteEnabled: extras.mfaDelete === true },
    publicReadAccess: bucket.publicRead === true,
    publicWriteAccess: bucket.publicWrite === true
  };
  if (bucket.logging) configuration.logging = bucket.logging;
  if (bucket.encryption) configuration.serverSideEncryption = bucket.encryption;
  return { resourceType: 'AWS::S3::Bucket', resourceId: bucket.name, configuration, tags: bucket.tags ?? NO_TAGS };
}

function trailConfiguration(trail: TrailState): TrailConfiguration {
  const extras = trail as TrailState & TrailExtras;
  const t: TrailConfiguration = {
    name: trail.name,
    isLogging: trail.isLogging,
    isMultiRegionTrail: !!trail.multiRegion
  };
  if (trail.s3BucketName !== undefined) t.s3BucketName = trail.s3BucketName;
  if (extras.snsTopicArn !== undefined) t.snsTopicArn = extras.snsTopicArn;
  if (extras.cloudWatchLogsLogGroupArn !== undefined) t.cloudWatchLogsLogGroupArn = extras.cloudWatchLogsLogGroupArn;
  return t;
}

function volumeItem(volume: EbsVolumeState): ConfigurationItemOf<'AWS::EC2::Volume'> {
  const extras = volume as EbsVolumeState & VolumeExtras;
  const configuration: EbsVolumeConfiguration = {
    volumeId: volume.id,
    encrypted: volume.encrypted,
    attached: extras.attached !== false
  };
  if (extras.kmsKeyId !== undefined) configuration.kmsKeyId = extras.kmsKeyId;
  return { resourceType: 'AWS::EC2::Volume', resourceId: volume.id, configuration, tags: volume.tags ?? NO_TAGS };
}

function vpcItem(vpc: VpcState): ConfigurationItemOf<'AWS::EC2::VPC'> {
  const extras = vpc as VpcState & VpcExtras;
  return {
    resourceType: 'AWS::EC2::VPC',
    resourceId: vpc.id,
    configuration: {
      vpcId: vpc.id,
      flowLogs: vpc.flowLogsEnabled ? [{ trafficType: extras.flowLogTrafficType ?? 'ALL' }] : []
    },
    tags: vpc.tags ?? NO_TAGS
  };
}

/** The configuration items of the simulated account in its region (the account item first, then by type). */
export function itemsFromState(state: AccountState): ConfigurationItem[] {
  const r = state.resources;
  const account: AccountConfiguration = {
    accountId: state.accountId,
    region: state.region,
    ebsEncryptionByDefault: r.ebsEncryptionByDefault[state.region] === true,
    trails: Object.values(r.trails ?? {}).map(trailConfiguration)
  };
  if (r.passwordPolicy) account.passwordPolicy = { ...r.passwordPolicy };
  const items: ConfigurationItem[] = [
    { resourceType: 'AWS::::Account', resourceId: state.accountId, configuration: account, tags: NO_TAGS }
  ];
  for (const bucket of Object.values(r.s3Buckets ?? {})) items.push(s3BucketItem(bucket));
  for (const volume of Object.values(r.ebsVolumes ?? {})) items.push(volumeItem(volume));
  for (const db of Object.values(r.rdsInstances ?? {})) {
    const configuration: RdsInstanceConfiguration = {
      dbInstanceIdentifier: db.id,
      storageEncrypted: db.storageEncrypted
    };
    const kms = (db as typeof db & RdsExtras).kmsKeyId;
    if (kms !== undefined) configuration.kmsKeyId = kms;
    items.push({ resourceType: 'AWS::RDS::DBInstance', resourceId: db.id, configuration, tags: db.tags ?? NO_TAGS });
  }
  for (const vpc of Object.values(r.vpcs ?? {})) items.push(vpcItem(vpc));
  return items;
}

/** Items grouped by type and by (type, tag key, tag value), to narrow a rule's candidates quickly. */
export interface ItemIndex {
  byType: ReadonlyMap<string, readonly ConfigurationItem[]>;
  byTag: ReadonlyMap<string, readonly ConfigurationItem[]>;
}

function tagIndexKey(resourceType: string, key: string, value: string): string {
  return `${resourceType}\u0000${key}\u0000${value}`;
}

export function indexItems(items: readonly ConfigurationItem[]): ItemIndex {
  const byType = new Map<string, ConfigurationItem[]>();
  const byTag = new Map<string, ConfigurationItem[]>();
  const push = (map: Map<string, ConfigurationItem[]>, key: string, item: ConfigurationItem): void => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const item of items) {
    push(byType, item.resourceType, item);
    for (const [k, v] of Object.entries(item.tags)) push(byTag, tagIndexKey(item.resourceType, k, v), item);
  }
  return { byType, byTag };
}

/**
 * A superset of the items a rule with this scope and these evaluated resource types can select (account items
 * ignore the scope). The caller still applies the full scope check.
 */
export function candidateItems(
  index: ItemIndex,
  resourceTypes: readonly string[],
  scope: { TagKey?: string; TagValue?: string } | undefined
): ConfigurationItem[] {
  const out: ConfigurationItem[] = [];
  for (const type of resourceTypes) {
    const narrowed =
      type !== ACCOUNT_RESOURCE_TYPE && scope?.TagKey !== undefined && scope.TagValue !== undefined
        ? index.byTag.get(tagIndexKey(type, scope.TagKey, scope.TagValue))
        : index.byType.get(type);
    if (narrowed) out.push(...narrowed);
  }
  return out;
}
