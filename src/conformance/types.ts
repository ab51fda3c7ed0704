/**
 * Typed output of the conformance pack phase: AWS Config rules and remediation configurations as a pack declares
 * them, every item with the place (file:line:col) it was written, so later phases can point at the line at fault.
 */

import type { SourcePosition } from '../source/position.js';

export type RuleOwner = 'AWS' | 'CUSTOM_LAMBDA' | 'CUSTOM_POLICY';
export type MaximumExecutionFrequency = 'One_Hour' | 'Three_Hours' | 'Six_Hours' | 'Twelve_Hours' | 'TwentyFour_Hours';
export type EvaluationMode = 'DETECTIVE' | 'PROACTIVE';

export const MAXIMUM_EXECUTION_FREQUENCIES: readonly MaximumExecutionFrequency[] = [
  'One_Hour',
  'Three_Hours',
  'Six_Hours',
  'Twelve_Hours',
  'TwentyFour_Hours'
];

/** A trigger of a custom rule (Source.SourceDetails). */
export interface RuleSourceDetail {
  eventSource?: 'aws.config';
  messageType?: string;
  maximumExecutionFrequency?: MaximumExecutionFrequency;
}

/** Source.CustomPolicyDetails of a Guard (CUSTOM_POLICY) rule. */
export interface CustomPolicyDetails {
  policyRuntime: string;
  policyText: string;
  enableDebugLogDelivery?: boolean;
}

export interface RuleSource {
  owner: RuleOwner;
  /** Managed rule identifier (e.g. S3_BUCKET_LOGGING_ENABLED) or Lambda ARN; absent for CUSTOM_POLICY. */
  identifier?: string;
  details?: RuleSourceDetail[];
  customPolicy?: CustomPolicyDetails;
}

export interface RuleScope {
  complianceResourceTypes?: string[];
  tagKey?: string;
  tagValue?: string;
  complianceResourceId?: string;
}

/** Where a rule's HIPAA Security Rule mapping comes from; 'unknown' when no verified public mapping names it. */
export type HipaaMappingStatus = 'mapped' | 'unknown';

/** One AWS::Config::ConfigRule of a pack, intrinsics and conditions resolved. */
export interface RuleSpec {
  /** Logical id of the resource in the template (or in the built-in pack's data). */
  logicalId: string;
  /** ConfigRuleName; the logical id when the template gives none (see nameFromLogicalId). */
  name: string;
  /**
   * True when the template has no ConfigRuleName. CloudFormation would then generate a unique physical name;
   * this project uses the logical id instead so the rule keeps one stable name across runs.
   */
  nameFromLogicalId?: boolean;
  description?: string;
  source: RuleSource;
  /** Values as AWS Config receives them: strings (numbers and booleans in their written/string form). */
  inputParameters: Record<string, string>;
  /** Where each input parameter is written (its key), for annotations. */
  inputParameterPositions: Record<string, SourcePosition>;
  scope?: RuleScope;
  maximumExecutionFrequency?: MaximumExecutionFrequency;
  evaluationModes?: EvaluationMode[];
  /** The resource's logical id key. */
  position: SourcePosition;
  /** Built-in packs only: HIPAA Security Rule sections the rule supports, e.g. 164.312(a)(2)(iv). */
  hipaaSections?: string[];
  /** Built-in packs only: whether a verified mapping exists ('unknown' means hipaaSections is empty on purpose). */
  hipaaMapping?: HipaaMappingStatus;
  /** Built-in packs only: id of the public mapping the sections come from (see the data file's mappingSources). */
  mappingSource?: string;
}

/** A parameter of an SSM remediation, as AWS::Config::RemediationConfiguration declares it. */
export type RemediationParameterValue =
  { resourceValue: { value: 'RESOURCE_ID' } } | { staticValue: { values: string[] } };

export interface RemediationExecutionControls {
  ssmControls?: {
    concurrentExecutionRatePercentage?: number;
    errorPercentage?: number;
  };
}

/** One AWS::Config::RemediationConfiguration of a pack. */
export interface RemediationSpec {
  logicalId: string;
  /** Name of the rule it remediates (a literal, or a Ref to a ConfigRule of the pack resolved to its name). */
  configRuleName: string;
  targetType: 'SSM_DOCUMENT';
  targetId: string;
  targetVersion?: string;
  resourceType?: string;
  parameters: Record<string, RemediationParameterValue>;
  parameterPositions: Record<string, SourcePosition>;
  automatic: boolean;
  maximumAutomaticAttempts?: number;
  retryAttemptSeconds?: number;
  executionControls?: RemediationExecutionControls;
  position: SourcePosition;
}

/** String, Number, CommaDelimitedList, List<Number>, or an AWS-specific type such as AWS::EC2::VPC::Id. */
type PackParameterType = string;

/** A template parameter with the value the pack was resolved with. */
export interface ResolvedParameter {
  name: string;
  type: PackParameterType;
  /** Lists for CommaDelimitedList / List<...> types, a string otherwise. */
  value: string | string[];
  /** Where the value came from: the caller (manifest) or the template's Default. */
  origin: 'supplied' | 'default';
  position: SourcePosition;
}

/** A resource dropped because its Condition evaluated to false. */
export interface SkippedResource {
  logicalId: string;
  type: string;
  condition: string;
  position: SourcePosition;
}

/** Something in a pack AWS Config accepts but does not use (e.g. a resource-level Controls key): deployed anyway. */
export interface PackWarning {
  position: SourcePosition;
  detail: string;
}

export interface ConformancePack {
  /** The file the pack was read from (for the built-in pack: its data file). */
  file: string;
  /** Set for a built-in pack, e.g. 'hipaa-security'. */
  builtin?: string;
  description?: string;
  rules: RuleSpec[];
  remediations: RemediationSpec[];
  parameters: Record<string, ResolvedParameter>;
  skipped: SkippedResource[];
  /** Accepted but not used (reported as warnings naming their line). */
  warnings?: PackWarning[];
}

/** Values the pseudo parameters resolve to (AWS::AccountId, AWS::Region, AWS::Partition, ...). */
export interface PackContext {
  accountId?: string;
  region: string;
  /** Derived from the region when absent (aws, aws-cn, aws-us-gov). */
  partition?: string;
  /** AWS::StackName; a template that refers to it without one is an error. */
  stackName?: string;
}

export interface PackOptions {
  /** Parameter values from the manifest; they override the template's defaults. */
  parameters?: Record<string, string>;
  /** Where each supplied parameter is written in the manifest, so errors about it point there. */
  parameterPositions?: Record<string, SourcePosition>;
  context: PackContext;
}
