/**
 * AWS managed rule evaluators: pure functions from a normalised configuration item and the rule's parameters
 * to a verdict. `evaluators` is the registry by managed rule identifier (Source.SourceIdentifier);
 * `evaluateRule` applies a rule's Scope and InputParameters over a set of items.
 *
 * Semantics follow the AWS Config developer guide for each managed rule (parameter names, defaults, which
 * resources are in scope). A rule whose identifier has no evaluator here reports no results, never invented ones.
 */
import {
  ACCOUNT_RESOURCE_TYPE,
  type ConfigurationItem,
  type ConfigurationItemOf,
  type PasswordPolicyConfiguration,
  type ResourceType
} from './items.js';
import type { RuleScope, RuleSource } from './state.js';

export type ResultComplianceType = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

export interface Verdict {
  complianceType: ResultComplianceType;
  /** Why, in a sentence (at most 256 characters, as the API allows). */
  annotation?: string;
}

export interface EvaluationOutcome extends Verdict {
  resourceType: string;
  resourceId: string;
}

/** The rule's InputParameters, values as strings (as AWS passes them to managed rules). */
export type RuleParameters = Readonly<Record<string, string>>;

export interface ManagedRuleEvaluator {
  identifier: string;
  /** Resource types the rule evaluates. */
  resourceTypes: readonly ResourceType[];
  /** Parameter names the rule accepts (AWS rejects others). */
  parameters: readonly string[];
  /**
   * How AWS triggers the rule ("List of AWS Config Managed Rules by Trigger Type",
   * https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-trigger-type.html).
   */
  trigger: 'ConfigurationChanges' | 'Periodic' | 'ConfigurationChangesAndPeriodic';
  /** Checks parameter values; returns a problem description or undefined. */
  checkParameters?(params: RuleParameters): string | undefined;
  evaluate(item: ConfigurationItem, params: RuleParameters): Verdict;
}

/** An InputParameters problem (PutConfigRule answers InvalidParameterValueException with this message). */
export class RuleParameterError extends Error {
  override readonly name = 'RuleParameterError';
}

const MAX_ANNOTATION = 256;

function compliant(): Verdict {
  return { complianceType: 'COMPLIANT' };
}

function nonCompliant(annotation: string): Verdict {
  return {
    complianceType: 'NON_COMPLIANT',
    annotation: annotation.length > MAX_ANNOTATION ? `${annotation.slice(0, MAX_ANNOTATION - 3)}...` : annotation
  };
}

function notApplicable(annotation: string): Verdict {
  return { complianceType: 'NOT_APPLICABLE', annotation };
}

/** Builds a registry entry typed for one resource type. */
function define<T extends ResourceType>(spec: {
  identifier: string;
  resourceType: T;
  parameters?: readonly string[];
  trigger: ManagedRuleEvaluator['trigger'];
  checkParameters?: (params: RuleParameters) => string | undefined;
  evaluate: (item: ConfigurationItemOf<T>, params: RuleParameters) => Verdict;
}): ManagedRuleEvaluator {
  const evaluator: ManagedRuleEvaluator = {
    identifier: spec.identifier,
    resourceTypes: [spec.resourceType],
    parameters: spec.parameters ?? [],
    trigger: spec.trigger,
    evaluate(item, params) {
      if (item.resourceType !== spec.resourceType) {
        throw new Error(`${spec.identifier} evaluates ${spec.resourceType}, not ${item.resourceType}`);
      }
      return spec.evaluate(item as ConfigurationItemOf<T>, params);
    }
  };
  if (spec.checkParameters) evaluator.checkParameters = spec.checkParameters;
  return evaluator;
}

/** The key id of a KMS key given as id or ARN (arn:aws:kms:REGION:ACCOUNT:key/ID). */
function kmsKeyIdOf(value: string): string {
  const at = value.indexOf(':key/');
  return at >= 0 ? value.slice(at + 5) : value;
}

function sameKmsKey(a: string | undefined, b: string): boolean {
  return a !== undefined && kmsKeyIdOf(a) === kmsKeyIdOf(b);
}

/** Managed rules compare boolean parameters case-sensitively: only lowercase "true" is true. */
function flag(params: RuleParameters, key: string, defaultValue: boolean): boolean {
  const v = params[key];
  return v === undefined ? defaultValue : v === 'true';
}

function intParam(params: RuleParameters, key: string, defaultValue: number): number {
  const v = params[key];
  return v === undefined ? defaultValue : Number(v);
}

function checkIntegers(keys: readonly string[], min: number, max: number) {
  return (params: RuleParameters): string | undefined => {
    for (const key of keys) {
      const v = params[key];
      if (v === undefined) continue;
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        return `Parameter ${key} must be an integer from ${min} to ${max}, got '${v}'.`;
      }
    }
    return undefined;
  };
}

const s3LoggingEnabled = define({
  identifier: 'S3_BUCKET_LOGGING_ENABLED',
  resourceType: 'AWS::S3::Bucket',
  parameters: ['targetBucket', 'targetPrefix'],
  trigger: 'ConfigurationChanges',
  evaluate({ configuration: c }, params) {
    if (!c.logging) return nonCompliant('Server access logging is not enabled for this bucket.');
    const bucket = params['targetBucket'];
    if (bucket !== undefined && c.logging.targetBucket !== bucket) {
      return nonCompliant(`Server access logs go to bucket '${c.logging.targetBucket}', not to '${bucket}'.`);
    }
    const prefix = params['targetPrefix'];
    if (prefix !== undefined && (c.logging.targetPrefix ?? '') !== prefix) {
      return nonCompliant(`Server access logs use prefix '${c.logging.targetPrefix ?? ''}', not '${prefix}'.`);
    }
    return compliant();
  }
});

const ebsEncryptionByDefault = define({
  identifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT',
  resourceType: 'AWS::::Account',
  trigger: 'Periodic',
  evaluate({ configuration: c }) {
    return c.ebsEncryptionByDefault
      ? compliant()
      : nonCompliant(`EBS encryption by default is disabled in region ${c.region}.`);
  }
});

const s3ServerSideEncryption = define({
  identifier: 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED',
  resourceType: 'AWS::S3::Bucket',
  trigger: 'ConfigurationChanges',
  evaluate({ configuration: c }) {
    return c.serverSideEncryption ? compliant() : nonCompliant('Default encryption is not enabled for this bucket.');
  }
});

const s3DefaultEncryptionKms = define({
  identifier: 'S3_DEFAULT_ENCRYPTION_KMS',
  resourceType: 'AWS::S3::Bucket',
  parameters: ['kmsKeyArns'],
  trigger: 'ConfigurationChanges',
  evaluate({ configuration: c }, params) {
    const sse = c.serverSideEncryption;
    if (!sse || (sse.sseAlgorithm !== 'aws:kms' && sse.sseAlgorithm !== 'aws:kms:dsse')) {
      return nonCompliant('The bucket is not encrypted by default with an AWS KMS key.');
    }
    const allowed = params['kmsKeyArns'];
    if (allowed !== undefined) {
      const keys = allowed
        .split(',')
        .map(k => k.trim())
        .filter(k => k !== '');
      if (!keys.some(k => sameKmsKey(sse.kmsKeyId, k))) {
        return nonCompliant(`The bucket's default KMS key '${sse.kmsKeyId ?? 'aws/s3'}' is not in kmsKeyArns.`);
      }
    }
    return compliant();
  }
});

const s3VersioningEnabled = define({
  identifier: 'S3_BUCKET_VERSIONING_ENABLED',
  resourceType: 'AWS::S3::Bucket',
  parameters: ['isMfaDeleteEnabled'],
  trigger: 'ConfigurationChanges',
  evaluate({ configuration: c }, params) {
    if (c.versioning.status !== 'Enabled') {
      return nonCompliant(`Versioning is not enabled for this bucket (status: ${c.versioning.status}).`);
    }
    if (flag(params, 'isMfaDeleteEnabled', false) && !c.versioning.mfaDeleteEnabled) {
      return nonCompliant('MFA delete is not enabled for this bucket.');
    }
    return compliant();
  }
});

const s3PublicReadProhibited = define({
  identifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  resourceType: 'AWS::S3::Bucket',
  // Trigger type: Configuration changes and Periodic (the managed rule's page).
  trigger: 'ConfigurationChangesAndPeriodic',
  evaluate({ configuration: c }) {
    return c.publicReadAccess
      ? nonCompliant('The bucket policy or ACL allows public read access and Block Public Access does not restrict it.')
      : compliant();
  }
});

const s3PublicWriteProhibited = define({
  identifier: 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED',
  resourceType: 'AWS::S3::Bucket',
  // Trigger type: Configuration changes and Periodic (the managed rule's page).
  trigger: 'ConfigurationChangesAndPeriodic',
  evaluate({ configuration: c }) {
    return c.publicWriteAccess
      ? nonCompliant(
          'The bucket policy or ACL allows public write access and Block Public Access does not restrict it.'
        )
      : compliant();
  }
});

const encryptedVolumes = define({
  identifier: 'ENCRYPTED_VOLUMES',
  resourceType: 'AWS::EC2::Volume',
  parameters: ['kmsId'],
  trigger: 'ConfigurationChanges',
  evaluate({ configuration: c }, params) {
    if (!c.attached) return notApplicable('The volume is not attached to an instance.');
    if (!c.encrypted) return nonCompliant('The attached EBS volume is not encrypted.');
    const kmsId = params['kmsId'];
    if (kmsId !== undefined && !sameKmsKey(c.kmsKeyId, kmsId)) {
      return nonCompliant(`The volume is encrypted with KMS key '${c.kmsKeyId ?? 'aws/ebs'}', not '${kmsId}'.`);
    }
    return compliant();
  }
});

const cloudTrailEnabled = define({
  identifier: 'CLOUD_TRAIL_ENABLED',
  resourceType: 'AWS::::Account',
  parameters: ['s3BucketName', 'snsTopicArn', 'cloudWatchLogsLogGroupArn'],
  trigger: 'Periodic',
  evaluate({ configuration: c }, params) {
    const logging = c.trails.filter(t => t.isLogging);
    if (logging.length === 0) return nonCompliant('No CloudTrail trail is logging in this account.');
    const wanted: [string, 's3BucketName' | 'snsTopicArn' | 'cloudWatchLogsLogGroupArn'][] = [
      ['S3 bucket', 's3BucketName'],
      ['SNS topic', 'snsTopicArn'],
      ['CloudWatch Logs log group', 'cloudWatchLogsLogGroupArn']
    ];
    const required = wanted.filter(([, key]) => params[key] !== undefined);
    const match = logging.some(t => required.every(([, key]) => t[key] === params[key]));
    if (!match) {
      const what = required.map(([label, key]) => `${label} '${params[key]}'`).join(', ');
      return nonCompliant(`No logging CloudTrail trail uses ${what}.`);
    }
    return compliant();
  }
});

const PASSWORD_FLAGS: [string, keyof PasswordPolicyConfiguration][] = [
  ['RequireUppercaseCharacters', 'requireUppercaseCharacters'],
  ['RequireLowercaseCharacters', 'requireLowercaseCharacters'],
  ['RequireSymbols', 'requireSymbols'],
  ['RequireNumbers', 'requireNumbers']
];

const iamPasswordPolicy = define({
  identifier: 'IAM_PASSWORD_POLICY',
  resourceType: 'AWS::::Account',
  parameters: [...PASSWORD_FLAGS.map(([p]) => p), 'MinimumPasswordLength', 'PasswordReusePrevention', 'MaxPasswordAge'],
  trigger: 'Periodic',
  checkParameters: checkIntegers(['MinimumPasswordLength', 'PasswordReusePrevention', 'MaxPasswordAge'], 0, 1095),
  evaluate({ configuration: c }, params) {
    const policy = c.passwordPolicy;
    if (!policy) return nonCompliant('The account uses the default IAM password policy (none is set).');
    const failures: string[] = [];
    for (const [param, key] of PASSWORD_FLAGS) {
      if (flag(params, param, true) && policy[key] !== true) failures.push(param);
    }
    const minLength = intParam(params, 'MinimumPasswordLength', 14);
    if ((policy.minimumPasswordLength ?? 8) < minLength) {
      failures.push(`MinimumPasswordLength ${policy.minimumPasswordLength ?? 8} < ${minLength}`);
    }
    const reuse = intParam(params, 'PasswordReusePrevention', 24);
    if ((policy.passwordReusePrevention ?? 0) < reuse) {
      failures.push(`PasswordReusePrevention ${policy.passwordReusePrevention ?? 0} < ${reuse}`);
    }
    const maxAge = intParam(params, 'MaxPasswordAge', 90);
    if (policy.maxPasswordAge === undefined || policy.maxPasswordAge > maxAge) {
      failures.push(`MaxPasswordAge ${policy.maxPasswordAge ?? 'unset'} > ${maxAge}`);
    }
    return failures.length === 0
      ? compliant()
      : nonCompliant(`The password policy does not meet: ${failures.join(', ')}.`);
  }
});

const rdsStorageEncrypted = define({
  identifier: 'RDS_STORAGE_ENCRYPTED',
  resourceType: 'AWS::RDS::DBInstance',
  parameters: ['kmsKeyId'],
  trigger: 'ConfigurationChanges',
  evaluate({ configuration: c }, params) {
    if (!c.storageEncrypted) return nonCompliant('Storage encryption is not enabled for this DB instance.');
    const kms = params['kmsKeyId'];
    if (kms !== undefined && !sameKmsKey(c.kmsKeyId, kms)) {
      return nonCompliant(
        `The DB instance storage is encrypted with KMS key '${c.kmsKeyId ?? 'aws/rds'}', not '${kms}'.`
      );
    }
    return compliant();
  }
});

const TRAFFIC_TYPES = ['ACCEPT', 'REJECT', 'ALL'];

const vpcFlowLogsEnabled = define({
  identifier: 'VPC_FLOW_LOGS_ENABLED',
  resourceType: 'AWS::EC2::VPC',
  parameters: ['trafficType'],
  trigger: 'Periodic',
  checkParameters(params) {
    const t = params['trafficType'];
    return t === undefined || TRAFFIC_TYPES.includes(t.toUpperCase())
      ? undefined
      : `Parameter trafficType must be one of ${TRAFFIC_TYPES.join(', ')}, got '${t}'.`;
  },
  evaluate({ configuration: c }, params) {
    if (c.flowLogs.length === 0) return nonCompliant('No flow log is enabled for this VPC.');
    const wanted = params['trafficType']?.toUpperCase();
    if (wanted !== undefined && !c.flowLogs.some(f => f.trafficType === wanted)) {
      return nonCompliant(`No flow log of this VPC captures traffic type ${wanted}.`);
    }
    return compliant();
  }
});

/** Evaluators by managed rule identifier. */
export const evaluators: Readonly<Record<string, ManagedRuleEvaluator>> = Object.freeze(
  Object.fromEntries(
    [
      s3LoggingEnabled,
      ebsEncryptionByDefault,
      s3ServerSideEncryption,
      s3DefaultEncryptionKms,
      s3VersioningEnabled,
      s3PublicReadProhibited,
      s3PublicWriteProhibited,
      encryptedVolumes,
      cloudTrailEnabled,
      iamPasswordPolicy,
      rdsStorageEncrypted,
      vpcFlowLogsEnabled
    ].map(e => [e.identifier, e])
  )
);

/** The evaluator of a rule's source, if the simulator has one (AWS managed rules only). */
export function evaluatorFor(source: RuleSource): ManagedRuleEvaluator | undefined {
  if (source.Owner !== 'AWS' || source.SourceIdentifier === undefined) return undefined;
  return Object.hasOwn(evaluators, source.SourceIdentifier) ? evaluators[source.SourceIdentifier] : undefined;
}

/** Parses InputParameters (a JSON object; string, number and boolean values become strings). */
export function parseInputParameters(json: string | undefined): Record<string, string> {
  if (json === undefined || json.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new RuleParameterError(`InputParameters is not valid JSON: ${json}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new RuleParameterError(`InputParameters must be a JSON object: ${json}`);
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
    else throw new RuleParameterError(`InputParameters value of '${key}' must be a string, number or boolean.`);
  }
  return out;
}

/** Validates a rule's parameters against its evaluator (unknown names, bad values); throws RuleParameterError. */
export function checkRuleParameters(ruleName: string, source: RuleSource, inputParameters: string | undefined): void {
  const params = parseInputParameters(inputParameters);
  const evaluator = evaluatorFor(source);
  if (!evaluator) return;
  const unknown = Object.keys(params).filter(k => !evaluator.parameters.includes(k));
  if (unknown.length > 0) {
    throw new RuleParameterError(
      `Unknown parameters provided in the input parameters for the rule ${ruleName}: ${unknown.join(', ')}.`
    );
  }
  const problem = evaluator.checkParameters?.(params);
  if (problem !== undefined)
    throw new RuleParameterError(`Invalid input parameters for the rule ${ruleName}: ${problem}`);
}

/**
 * Is the item in the rule's scope? Account-level items (AWS::::Account, periodic account checks) ignore the
 * scope; other items must be of a type the evaluator handles, of a listed ComplianceResourceTypes (if any),
 * carry the TagKey (with TagValue if given) and have the ComplianceResourceId (if given).
 */
export function inScope(
  scope: RuleScope | undefined,
  evaluator: ManagedRuleEvaluator,
  item: ConfigurationItem
): boolean {
  if (!evaluator.resourceTypes.includes(item.resourceType)) return false;
  if (item.resourceType === ACCOUNT_RESOURCE_TYPE || !scope) return true;
  const types = scope.ComplianceResourceTypes;
  if (types && types.length > 0 && !types.includes(item.resourceType)) return false;
  if (scope.ComplianceResourceId !== undefined && scope.ComplianceResourceId !== item.resourceId) return false;
  if (scope.TagKey !== undefined) {
    if (!Object.hasOwn(item.tags, scope.TagKey)) return false;
    if (scope.TagValue !== undefined && item.tags[scope.TagKey] !== scope.TagValue) return false;
  }
  return true;
}

/**
 * Evaluates a rule over items: the results AWS Config would record (in item order). No evaluator for the
 * rule's source, or parameters that cannot be parsed: no results.
 */
export function evaluateRule(
  rule: { Source: RuleSource; Scope?: RuleScope; InputParameters?: string },
  items: readonly ConfigurationItem[]
): EvaluationOutcome[] {
  const evaluator = evaluatorFor(rule.Source);
  if (!evaluator) return [];
  let params: Record<string, string>;
  try {
    params = parseInputParameters(rule.InputParameters);
  } catch {
    return [];
  }
  const out: EvaluationOutcome[] = [];
  for (const item of items) {
    if (!inScope(rule.Scope, evaluator, item)) continue;
    const verdict = evaluator.evaluate(item, params);
    out.push({ resourceType: item.resourceType, resourceId: item.resourceId, ...verdict });
  }
  return out;
}
