/**
 * Shapes of `state.config` (AWS Config in the simulated account) and the one typed accessor to it.
 *
 * Everything stays plain JSON (timestamps are ISO 8601 strings) so the state can be dumped and written as
 * scenario data. A scenario may declare a rule with `evaluatedAgoSeconds` instead of writing results: the first
 * access (`configState`) evaluates such rules with the real evaluators over the scenario's resources, stamped
 * that many seconds before the simulator's clock at that moment. Results are therefore always consistent with
 * the evaluators and never stale relative to the simulator start. `prepareConfigState` does the same eagerly
 * (a scenario loader may call it right after loading).
 */
import { createHash } from 'node:crypto';
import type { AccountState } from '../../core/state.js';
import { mirrorRuleEvaluation } from '../securityhub/config-integration.js';
import { evaluateRule, evaluatorFor } from './evaluators.js';
import { candidateItems, compareResourceKeys, indexItems, itemsFromState, type ItemIndex } from './items.js';
import { defaultRecorder, type StoredRecorder } from './recorder.js';
import { failedEvaluation } from './evaluation-failures.js';

export type ComplianceType = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE' | 'INSUFFICIENT_DATA';
export type EvaluationMode = 'DETECTIVE' | 'PROACTIVE';
export type ConfigRuleStateValue = 'ACTIVE' | 'DELETING' | 'DELETING_RESULTS' | 'EVALUATING';

export interface RuleScope {
  ComplianceResourceTypes?: string[];
  TagKey?: string;
  TagValue?: string;
  ComplianceResourceId?: string;
}

export interface RuleSourceDetail {
  EventSource?: string;
  MessageType?: string;
  MaximumExecutionFrequency?: string;
}

export interface RuleSource {
  Owner: 'AWS' | 'CUSTOM_LAMBDA' | 'CUSTOM_POLICY';
  SourceIdentifier?: string;
  SourceDetails?: RuleSourceDetail[];
  CustomPolicyDetails?: { PolicyRuntime: string; PolicyText: string; EnableDebugLogDelivery?: boolean };
}

/** A Config rule as DescribeConfigRules reports it (the model's member names). */
export interface StoredConfigRule {
  ConfigRuleName: string;
  ConfigRuleArn: string;
  ConfigRuleId: string;
  Description?: string;
  Scope?: RuleScope;
  Source: RuleSource;
  /** JSON object as a string, e.g. {"targetBucket":"access-logs"}. */
  InputParameters?: string;
  MaximumExecutionFrequency?: string;
  ConfigRuleState: ConfigRuleStateValue;
  CreatedBy?: string;
  EvaluationModes?: { Mode?: EvaluationMode }[];
}

/**
 * AWS Config's answer while a rule is being deleted (ConfigRuleState DELETING): ResourceInUseException, "Config is
 * deleting this rule. Try your request again later." (AWS Config API Reference, PutConfigRule and DeleteConfigRule,
 * Errors: ResourceInUseException; ConfigRule.ConfigRuleState: "Config sets the state of the rule to DELETING
 * temporarily after you use the DeleteConfigRule request to delete the rule. After Config deletes the rule, the rule
 * and all of its evaluations are erased and are no longer available."
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html).
 */
export const RULE_DELETING_MESSAGE = 'Config is deleting this rule. Try your request again later.';

export function ruleIsDeleting(rec: RuleRecord | undefined): boolean {
  return rec?.rule.ConfigRuleState === 'DELETING';
}

/** One evaluation result of one rule for one resource (detective mode). */
export interface StoredEvaluation {
  resourceType: string;
  resourceId: string;
  complianceType: Exclude<ComplianceType, 'INSUFFICIENT_DATA'>;
  annotation?: string;
  /** ISO 8601: when the rule was invoked for this evaluation. */
  configRuleInvokedTime: string;
  /** ISO 8601: when Config recorded the result. */
  resultRecordedTime: string;
}

export interface RuleRecord {
  rule: StoredConfigRule;
  /** Tags of the rule (TagResource / PutConfigRule Tags on create). */
  tags: Record<string, string>;
  /** ISO 8601. */
  firstActivatedTime: string;
  /** ISO 8601. */
  lastSuccessfulInvocationTime?: string;
  /** ISO 8601. */
  lastSuccessfulEvaluationTime?: string;
  /** ISO 8601: the last failed evaluation (evaluation-failures.ts); a scenario may set these four. */
  lastFailedInvocationTime?: string;
  lastFailedEvaluationTime?: string;
  lastErrorCode?: string;
  lastErrorMessage?: string;
  /** Scenario data or test control: every evaluation of the rule fails with this error (evaluation-failures.ts). */
  failEvaluations?: { code: string; message: string };
  firstEvaluationStarted: boolean;
  /** ISO 8601: the last StartConfigRulesEvaluation that included this rule (at most one per minute). */
  lastStartRequestedTime?: string;
  /** Evaluations started by StartConfigRulesEvaluation that have not completed yet. */
  pendingStartEvaluations: number;
  /** Evaluations of any origin not completed yet (the rule reads ConfigRuleState EVALUATING meanwhile). */
  evaluationsInFlight?: number;
  /** The current results, sorted by resourceType then resourceId (see compareResourceKeys). */
  results: StoredEvaluation[];
  /**
   * Scenario data only: evaluate this rule when the state is first used, as if it had happened this many
   * seconds before the simulator's clock. Removed once done.
   */
  evaluatedAgoSeconds?: number;
}

/** A remediation configuration (PutRemediationConfigurations), keyed by rule name in ConfigState. */
export interface StoredRemediationConfiguration {
  ConfigRuleName: string;
  TargetType: 'SSM_DOCUMENT';
  TargetId: string;
  TargetVersion?: string;
  Parameters?: Record<string, { ResourceValue?: { Value: 'RESOURCE_ID' }; StaticValue?: { Values: string[] } }>;
  ResourceType?: string;
  Automatic?: boolean;
  ExecutionControls?: { SsmControls?: { ConcurrentExecutionRatePercentage?: number; ErrorPercentage?: number } };
  MaximumAutomaticAttempts?: number;
  RetryAttemptSeconds?: number;
  Arn?: string;
  CreatedByService?: string;
}

/** A remediation exception (PutRemediationExceptions, or put by Config when automatic attempts keep failing). */
export interface StoredRemediationException {
  ConfigRuleName: string;
  ResourceType: string;
  ResourceId: string;
  Message?: string;
  /** ISO 8601; absent: never expires. An expired exception no longer exists. */
  ExpirationTime?: string;
}

/** The latest remediation of one resource for one rule (what DescribeRemediationExecutionStatus reports). */
export interface StoredRemediationExecution {
  resourceType: string;
  resourceId: string;
  /** The SSM automation execution of the latest attempt; absent when the attempt could not start. */
  automationExecutionId?: string;
  /** Why the latest attempt could not start (no automation execution). */
  failureMessage?: string;
  /** ISO 8601: when the latest attempt was requested. */
  invocationTime: string;
  /** Started by automatic remediation (not StartRemediationExecution). */
  automatic: boolean;
  /**
   * ISO 8601 times of recent failed automatic attempts (inside the RetryAttemptSeconds window): MaximumAutomaticAttempts
   * counts failed attempts, not starts (see remediation.ts).
   */
  automaticFailures?: string[];
}

/** The result of one rule in one proactive resource evaluation. */
export interface StoredProactiveResult {
  configRuleName: string;
  complianceType: Exclude<ComplianceType, 'INSUFFICIENT_DATA'>;
  annotation?: string;
  /** ISO 8601. */
  configRuleInvokedTime: string;
  /** ISO 8601. */
  resultRecordedTime: string;
}

/** A proactive resource evaluation (StartResourceEvaluation). */
export interface StoredResourceEvaluation {
  resourceEvaluationId: string;
  evaluationMode: 'PROACTIVE';
  resourceDetails: {
    ResourceId: string;
    ResourceType: string;
    ResourceConfiguration: string;
    ResourceConfigurationSchemaType?: string;
  };
  evaluationContextIdentifier?: string;
  /** As requested (0: the default of 900 seconds). */
  evaluationTimeoutSeconds: number;
  clientToken?: string;
  /** ISO 8601. */
  startTime: string;
  status: 'IN_PROGRESS' | 'FAILED' | 'SUCCEEDED';
  failureReason?: string;
  /** By rule name, once SUCCEEDED. */
  results: StoredProactiveResult[];
}

export interface ConfigState {
  /** By ConfigRuleName. */
  rules: Record<string, RuleRecord>;
  /** By ConfigRuleName (one remediation configuration per rule, as in AWS). */
  remediationConfigurations: Record<string, StoredRemediationConfiguration>;
  /** Counter used to derive new rule ids. */
  ruleSequence: number;
  /** By ConfigRuleName, then by resource key (`TYPE/ID`). Filled by remediation.ts. */
  remediationExceptions?: Record<string, Record<string, StoredRemediationException>>;
  /** By ConfigRuleName, then by resource key (`TYPE/ID`). Filled by remediation.ts. */
  remediationExecutions?: Record<string, Record<string, StoredRemediationExecution>>;
  /** By ResourceEvaluationId. Filled by proactive.ts. */
  resourceEvaluations?: Record<string, StoredResourceEvaluation>;
  /** Counter used to derive resource evaluation ids. */
  resourceEvaluationSequence?: number;
  /** By recorder name (recorder.ts); scenario data without it gets the recorder `default`, running. */
  configurationRecorders: Record<string, StoredRecorder>;
}

/** The scenario-data form of a rule record: everything but `rule` may be left out. */
export type RuleRecordInput = Partial<Omit<RuleRecord, 'rule'>> & {
  rule: Omit<StoredConfigRule, 'ConfigRuleArn' | 'ConfigRuleId' | 'ConfigRuleState'> &
    Partial<Pick<StoredConfigRule, 'ConfigRuleArn' | 'ConfigRuleId' | 'ConfigRuleState'>>;
};

/** The scenario-data form of `state.config`. */
export interface ConfigStateInput {
  rules?: Record<string, RuleRecordInput>;
  remediationConfigurations?: Record<string, StoredRemediationConfiguration>;
  ruleSequence?: number;
  remediationExceptions?: Record<string, Record<string, StoredRemediationException>>;
  remediationExecutions?: Record<string, Record<string, StoredRemediationExecution>>;
  resourceEvaluations?: Record<string, StoredResourceEvaluation>;
  resourceEvaluationSequence?: number;
  configurationRecorders?: Record<string, StoredRecorder>;
}

/** `config-rule-` and six lowercase base-36 characters derived from the inputs (deterministic). */
export function deriveRuleId(accountId: string, region: string, ruleName: string, sequence: number): string {
  const digest = createHash('sha256').update(`${accountId}:${region}:${ruleName}:${sequence}`).digest();
  const n = digest.readUInt32BE(0) % 36 ** 6;
  return `config-rule-${n.toString(36).padStart(6, '0')}`;
}

export function ruleArn(region: string, accountId: string, ruleId: string): string {
  return `arn:aws:config:${region}:${accountId}:config-rule/${ruleId}`;
}

const prepared = new WeakSet<object>();

/**
 * The typed `state.config`. Fills defaults of scenario data in place the first time a given config object is
 * seen, and evaluates rules declared with `evaluatedAgoSeconds`.
 */
export function configState(state: AccountState, now: Date): ConfigState {
  const raw = state.config;
  if (prepared.has(raw)) return raw as unknown as ConfigState;
  return prepareConfigState(state, now);
}

/** Normalises `state.config` (idempotent) and evaluates pending scenario rules at `now`. */
export function prepareConfigState(state: AccountState, now: Date): ConfigState {
  const raw = state.config as ConfigStateInput & Record<string, unknown>;
  if (prepared.has(raw)) return raw as unknown as ConfigState;
  const cfg = raw as unknown as ConfigState;
  cfg.remediationConfigurations ??= {};
  cfg.ruleSequence ??= 0;
  cfg.configurationRecorders ??= { default: defaultRecorder(state.accountId, new Date(now.getTime() - 86_400_000)) };
  for (const [name, r] of Object.entries(cfg.configurationRecorders)) {
    r.name ??= name;
    r.recordingGroup ??= { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] };
    r.recording ??= false;
  }
  const inputs: Record<string, RuleRecordInput> = raw.rules ?? {};
  cfg.rules = inputs as Record<string, RuleRecord>;
  const pending = new Map<number, RuleRecord[]>();
  for (const [name, input] of Object.entries(inputs)) {
    const rec = normaliseRecord(state, name, input, now);
    cfg.rules[name] = rec;
    if (rec.evaluatedAgoSeconds !== undefined) {
      const list = pending.get(rec.evaluatedAgoSeconds) ?? [];
      list.push(rec);
      pending.set(rec.evaluatedAgoSeconds, list);
    }
  }
  prepared.add(raw);
  if (pending.size > 0) {
    const index = indexItems(itemsFromState(state));
    for (const [ago, records] of pending) {
      const at = new Date(now.getTime() - ago * 1000);
      for (const rec of records) {
        applyEvaluation(rec, index, at, at);
        mirrorRuleEvaluation(state, rec, at);
        delete rec.evaluatedAgoSeconds;
      }
    }
  }
  return cfg;
}

function normaliseRecord(state: AccountState, name: string, input: RuleRecordInput, now: Date): RuleRecord {
  const rec = input as RuleRecord;
  const rule = rec.rule as Partial<StoredConfigRule> & { Source: RuleSource };
  rule.ConfigRuleName ??= name;
  if (rule.ConfigRuleName !== name) {
    throw new Error(`config state: rule keyed '${name}' is named '${rule.ConfigRuleName}'`);
  }
  rule.ConfigRuleId ??= deriveRuleId(state.accountId, state.region, name, 0);
  rule.ConfigRuleArn ??= ruleArn(state.region, state.accountId, rule.ConfigRuleId);
  rule.ConfigRuleState ??= 'ACTIVE';
  rec.tags ??= {};
  rec.results ??= [];
  rec.pendingStartEvaluations ??= 0;
  rec.firstEvaluationStarted ??= rec.lastSuccessfulInvocationTime !== undefined;
  if (rec.firstActivatedTime === undefined) {
    const ago = (rec.evaluatedAgoSeconds ?? 0) + 60;
    rec.firstActivatedTime = new Date(now.getTime() - ago * 1000).toISOString();
  }
  return rec;
}

/**
 * Runs the rule's evaluator over the indexed items and replaces the rule's results (resources that left the
 * scope lose their result, as in AWS). A rule without an evaluator ends with no results.
 */
export function applyEvaluation(rec: RuleRecord, index: ItemIndex, invokedAt: Date, recordedAt: Date): void {
  if (failedEvaluation(rec, invokedAt, recordedAt)) return;
  const invoked = invokedAt.toISOString();
  const recorded = recordedAt.toISOString();
  const evaluator = evaluatorFor(rec.rule.Source);
  const candidates = evaluator ? candidateItems(index, evaluator.resourceTypes, rec.rule.Scope) : [];
  const results: StoredEvaluation[] = evaluateRule(rec.rule, candidates).map(o => {
    const r: StoredEvaluation = {
      resourceType: o.resourceType,
      resourceId: o.resourceId,
      complianceType: o.complianceType,
      configRuleInvokedTime: invoked,
      resultRecordedTime: recorded
    };
    if (o.annotation !== undefined) r.annotation = o.annotation;
    return r;
  });
  results.sort(compareResourceKeys);
  rec.results = results;
  rec.firstEvaluationStarted = true;
  rec.lastSuccessfulInvocationTime = invoked;
  rec.lastSuccessfulEvaluationTime = recorded;
}
