/**
 * Proactive evaluation (StartResourceEvaluation): a resource described by its CloudFormation properties is
 * evaluated, after the scenario's evaluation delay, against every rule of the account that has the PROACTIVE
 * evaluation mode, whose managed rule supports proactive evaluation and whose scope includes the resource.
 *
 * The CloudFormation properties become the same normalised configuration item the detective evaluators read, so
 * one evaluator serves both modes.
 */
import { createHash } from 'node:crypto';
import type { AccountState } from '../../core/state.js';
import { evaluationDelayMs, type EvaluationEnv } from './engine.js';
import { evaluatorFor, inScope, parseInputParameters, RuleParameterError } from './evaluators.js';
import type {
  ConfigurationItem,
  EbsVolumeConfiguration,
  RdsInstanceConfiguration,
  S3BucketConfiguration
} from './items.js';
import {
  configState,
  type ComplianceType,
  type RuleRecord,
  type StoredProactiveResult,
  type StoredResourceEvaluation
} from './state.js';

/**
 * Managed rule identifiers (of those the simulator evaluates) that AWS documents as supporting proactive
 * evaluation ("List of AWS Config Managed Rules by Evaluation Mode" and each rule's "Proactive Evaluation"
 * section). The other simulated identifiers (versioning, encryption, public access, EBS, CloudTrail, IAM, VPC
 * flow logs) are detective only: a PROACTIVE mode on such a rule evaluates nothing.
 */
export const PROACTIVE_IDENTIFIERS: ReadonlySet<string> = new Set([
  'S3_BUCKET_LOGGING_ENABLED',
  'RDS_STORAGE_ENCRYPTED'
]);

/** StartResourceEvaluation's default (and EvaluationTimeout 0's meaning): 900 seconds. */
export const DEFAULT_EVALUATION_TIMEOUT_SECONDS = 900;

/** Properties that do not fit the resource type's CloudFormation schema (the evaluation FAILS with this reason). */
export class ResourceConfigurationError extends Error {
  override readonly name = 'ResourceConfigurationError';
}

type Props = Record<string, unknown>;

function isObject(v: unknown): v is Props {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(props: Props, key: string, where: string): Props | undefined {
  const v = props[key];
  if (v === undefined) return undefined;
  if (!isObject(v)) throw new ResourceConfigurationError(`${where}${key} must be an object, got ${JSON.stringify(v)}.`);
  return v;
}

function stringAt(props: Props, key: string, where: string): string | undefined {
  const v = props[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string')
    throw new ResourceConfigurationError(`${where}${key} must be a string, got ${JSON.stringify(v)}.`);
  return v;
}

/** CloudFormation booleans: true/false or their strings (any case). */
function booleanAt(props: Props, key: string, where: string): boolean | undefined {
  const v = props[key];
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw new ResourceConfigurationError(`${where}${key} must be a boolean, got ${JSON.stringify(v)}.`);
}

function tagsOf(props: Props): Record<string, string> {
  const v = props['Tags'];
  if (v === undefined) return {};
  if (!Array.isArray(v))
    throw new ResourceConfigurationError(`Tags must be a list of {Key, Value}, got ${JSON.stringify(v)}.`);
  const tags: Record<string, string> = {};
  v.forEach((t: unknown, i) => {
    if (!isObject(t) || typeof t['Key'] !== 'string' || typeof t['Value'] !== 'string') {
      throw new ResourceConfigurationError(
        `Tags[${i}] must be {Key: string, Value: string}, got ${JSON.stringify(t)}.`
      );
    }
    tags[t['Key']] = t['Value'];
  });
  return tags;
}

function s3Bucket(resourceId: string, props: Props): ConfigurationItem {
  const bucketName = stringAt(props, 'BucketName', '') ?? resourceId;
  const configuration: S3BucketConfiguration = {
    bucketName,
    versioning: { status: 'Off', mfaDeleteEnabled: false },
    publicReadAccess: false,
    publicWriteAccess: false
  };
  const logging = objectAt(props, 'LoggingConfiguration', '');
  if (logging) {
    const where = 'LoggingConfiguration.';
    // Without DestinationBucketName, CloudFormation delivers the logs to the bucket itself.
    configuration.logging = { targetBucket: stringAt(logging, 'DestinationBucketName', where) ?? bucketName };
    const prefix = stringAt(logging, 'LogFilePrefix', where);
    if (prefix !== undefined) configuration.logging.targetPrefix = prefix;
  }
  const encryption = objectAt(props, 'BucketEncryption', '');
  if (encryption) {
    const rules = encryption['ServerSideEncryptionConfiguration'];
    if (!Array.isArray(rules) || rules.length === 0) {
      throw new ResourceConfigurationError(
        'BucketEncryption.ServerSideEncryptionConfiguration must be a non-empty list.'
      );
    }
    const first: unknown = rules[0];
    const where = 'BucketEncryption.ServerSideEncryptionConfiguration[0].';
    const byDefault = isObject(first) ? objectAt(first, 'ServerSideEncryptionByDefault', where) : undefined;
    if (!byDefault) throw new ResourceConfigurationError(`${where}ServerSideEncryptionByDefault is required.`);
    const algorithm = stringAt(byDefault, 'SSEAlgorithm', `${where}ServerSideEncryptionByDefault.`);
    if (algorithm === undefined) {
      throw new ResourceConfigurationError(`${where}ServerSideEncryptionByDefault.SSEAlgorithm is required.`);
    }
    configuration.serverSideEncryption = { sseAlgorithm: algorithm };
    const key = stringAt(byDefault, 'KMSMasterKeyID', `${where}ServerSideEncryptionByDefault.`);
    if (key !== undefined) configuration.serverSideEncryption.kmsKeyId = key;
  }
  const versioning = objectAt(props, 'VersioningConfiguration', '');
  if (versioning) {
    const status = stringAt(versioning, 'Status', 'VersioningConfiguration.');
    if (status !== 'Enabled' && status !== 'Suspended') {
      throw new ResourceConfigurationError(
        `VersioningConfiguration.Status must be Enabled or Suspended, got ${JSON.stringify(status)}.`
      );
    }
    configuration.versioning.status = status;
  }
  const acl = stringAt(props, 'AccessControl', '');
  const block = objectAt(props, 'PublicAccessBlockConfiguration', '');
  const aclsBlocked =
    block !== undefined &&
    (booleanAt(block, 'BlockPublicAcls', 'PublicAccessBlockConfiguration.') === true ||
      booleanAt(block, 'IgnorePublicAcls', 'PublicAccessBlockConfiguration.') === true);
  configuration.publicReadAccess = !aclsBlocked && (acl === 'PublicRead' || acl === 'PublicReadWrite');
  configuration.publicWriteAccess = !aclsBlocked && acl === 'PublicReadWrite';
  return { resourceType: 'AWS::S3::Bucket', resourceId, configuration, tags: tagsOf(props) };
}

function ec2Volume(resourceId: string, props: Props): ConfigurationItem {
  // A volume being created is not attached yet (attachments are separate AWS::EC2::VolumeAttachment resources).
  const configuration: EbsVolumeConfiguration = {
    volumeId: resourceId,
    encrypted: booleanAt(props, 'Encrypted', '') ?? false,
    attached: false
  };
  const key = stringAt(props, 'KmsKeyId', '');
  if (key !== undefined) configuration.kmsKeyId = key;
  return { resourceType: 'AWS::EC2::Volume', resourceId, configuration, tags: tagsOf(props) };
}

function rdsInstance(resourceId: string, props: Props): ConfigurationItem {
  const configuration: RdsInstanceConfiguration = {
    dbInstanceIdentifier: stringAt(props, 'DBInstanceIdentifier', '') ?? resourceId,
    storageEncrypted: booleanAt(props, 'StorageEncrypted', '') ?? false
  };
  const key = stringAt(props, 'KmsKeyId', '');
  if (key !== undefined) configuration.kmsKeyId = key;
  return { resourceType: 'AWS::RDS::DBInstance', resourceId, configuration, tags: tagsOf(props) };
}

function ec2Vpc(resourceId: string, props: Props): ConfigurationItem {
  // Flow logs are separate AWS::EC2::FlowLog resources: a VPC being created has none.
  return {
    resourceType: 'AWS::EC2::VPC',
    resourceId,
    configuration: { vpcId: resourceId, flowLogs: [] },
    tags: tagsOf(props)
  };
}

const CONVERTERS: Readonly<Record<string, (resourceId: string, props: Props) => ConfigurationItem>> = {
  'AWS::S3::Bucket': s3Bucket,
  'AWS::EC2::Volume': ec2Volume,
  'AWS::RDS::DBInstance': rdsInstance,
  'AWS::EC2::VPC': ec2Vpc
};

/**
 * The configuration item a resource would have, from its CloudFormation properties (a JSON object as a string).
 * Undefined for resource types the simulator has no evaluator for; throws ResourceConfigurationError for
 * properties that do not fit the type.
 */
export function itemFromCloudFormation(
  resourceType: string,
  resourceId: string,
  resourceConfiguration: string
): ConfigurationItem | undefined {
  const convert = Object.hasOwn(CONVERTERS, resourceType) ? CONVERTERS[resourceType] : undefined;
  if (!convert) return undefined;
  let props: unknown;
  try {
    props = JSON.parse(resourceConfiguration);
  } catch (err) {
    throw new ResourceConfigurationError(`ResourceConfiguration is not valid JSON: ${(err as Error).message}`);
  }
  if (!isObject(props))
    throw new ResourceConfigurationError('ResourceConfiguration must be a JSON object of properties.');
  return convert(resourceId, props);
}

function hasProactiveMode(rec: RuleRecord): boolean {
  return (rec.rule.EvaluationModes ?? []).some(m => m.Mode === 'PROACTIVE');
}

/** Evaluates the item against the proactive rules that apply to it (in rule-name order). */
export function evaluateProactively(
  rules: readonly RuleRecord[],
  item: ConfigurationItem,
  invokedAt: Date,
  recordedAt: Date
): StoredProactiveResult[] {
  const out: StoredProactiveResult[] = [];
  const sorted = [...rules].sort((a, b) => (a.rule.ConfigRuleName < b.rule.ConfigRuleName ? -1 : 1));
  for (const rec of sorted) {
    if (!hasProactiveMode(rec)) continue;
    const evaluator = evaluatorFor(rec.rule.Source);
    if (!evaluator || !PROACTIVE_IDENTIFIERS.has(evaluator.identifier)) continue;
    if (!inScope(rec.rule.Scope, evaluator, item)) continue;
    let params: Record<string, string>;
    try {
      params = parseInputParameters(rec.rule.InputParameters);
    } catch (err) {
      if (err instanceof RuleParameterError) continue;
      throw err;
    }
    const verdict = evaluator.evaluate(item, params);
    const result: StoredProactiveResult = {
      configRuleName: rec.rule.ConfigRuleName,
      complianceType: verdict.complianceType,
      configRuleInvokedTime: invokedAt.toISOString(),
      resultRecordedTime: recordedAt.toISOString()
    };
    if (verdict.annotation !== undefined) result.annotation = verdict.annotation;
    out.push(result);
  }
  return out;
}

/** The evaluation's overall compliance: NON_COMPLIANT if any rule says so, then COMPLIANT, NOT_APPLICABLE, none. */
export function overallCompliance(results: readonly StoredProactiveResult[]): ComplianceType {
  const types = new Set(results.map(r => r.complianceType));
  if (types.has('NON_COMPLIANT')) return 'NON_COMPLIANT';
  if (types.has('COMPLIANT')) return 'COMPLIANT';
  return types.has('NOT_APPLICABLE') ? 'NOT_APPLICABLE' : 'INSUFFICIENT_DATA';
}

function newEvaluationId(state: AccountState, sequence: number): string {
  const hex = createHash('sha256')
    .update(`${state.accountId}:${state.region}:resource-evaluation:${sequence}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface ResourceEvaluationRequest {
  resourceDetails: StoredResourceEvaluation['resourceDetails'];
  evaluationContextIdentifier?: string;
  evaluationTimeoutSeconds: number;
  clientToken?: string;
}

/** Same request (for ClientToken idempotency)? */
export function sameRequest(e: StoredResourceEvaluation, r: ResourceEvaluationRequest): boolean {
  return (
    JSON.stringify(e.resourceDetails) === JSON.stringify(r.resourceDetails) &&
    e.evaluationContextIdentifier === r.evaluationContextIdentifier &&
    e.evaluationTimeoutSeconds === r.evaluationTimeoutSeconds
  );
}

/** Completes an evaluation now: times out, fails on properties that do not fit, or records the rules' results. */
function complete(env: EvaluationEnv, e: StoredResourceEvaluation, delayMs: number): void {
  const timeout = e.evaluationTimeoutSeconds || DEFAULT_EVALUATION_TIMEOUT_SECONDS;
  if (delayMs > timeout * 1000) {
    e.status = 'FAILED';
    e.failureReason = `The evaluation did not complete within the EvaluationTimeout of ${timeout} seconds.`;
    return;
  }
  const d = e.resourceDetails;
  let item: ConfigurationItem | undefined;
  try {
    item = itemFromCloudFormation(d.ResourceType, d.ResourceId, d.ResourceConfiguration);
  } catch (err) {
    if (!(err instanceof ResourceConfigurationError)) throw err;
    e.status = 'FAILED';
    e.failureReason = `The resource configuration does not match the ${d.ResourceType} schema: ${err.message}`;
    return;
  }
  const cfg = configState(env.state, env.now());
  e.results = item ? evaluateProactively(Object.values(cfg.rules), item, new Date(e.startTime), env.now()) : [];
  e.status = 'SUCCEEDED';
}

/** Records a new proactive evaluation (IN_PROGRESS) and schedules its completion; returns its id. */
export function startResourceEvaluation(env: EvaluationEnv, request: ResourceEvaluationRequest): string {
  const cfg = configState(env.state, env.now());
  cfg.resourceEvaluations ??= {};
  cfg.resourceEvaluationSequence = (cfg.resourceEvaluationSequence ?? 0) + 1;
  const id = newEvaluationId(env.state, cfg.resourceEvaluationSequence);
  const e: StoredResourceEvaluation = {
    resourceEvaluationId: id,
    evaluationMode: 'PROACTIVE',
    resourceDetails: { ...request.resourceDetails },
    evaluationTimeoutSeconds: request.evaluationTimeoutSeconds,
    startTime: env.now().toISOString(),
    status: 'IN_PROGRESS',
    results: []
  };
  if (request.evaluationContextIdentifier !== undefined)
    e.evaluationContextIdentifier = request.evaluationContextIdentifier;
  if (request.clientToken !== undefined) e.clientToken = request.clientToken;
  cfg.resourceEvaluations[id] = e;
  const delay = evaluationDelayMs(env.sim.options);
  const timeoutMs = (e.evaluationTimeoutSeconds || DEFAULT_EVALUATION_TIMEOUT_SECONDS) * 1000;
  env.sim.schedule(Math.min(delay, timeoutMs), () => complete(env, e, delay));
  return id;
}
