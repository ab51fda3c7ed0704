/**
 * AWS Config remediation in the simulated account: remediation configurations (rule -> SSM Automation document),
 * on-demand and automatic remediation executions run by the simulated Automation engine, their status, and
 * remediation exceptions.
 *
 * Automatic remediation: after an evaluation started through `scheduleEvaluation` records its results, every
 * NON_COMPLIANT resource of a rule with an `Automatic` configuration is remediated (unless it has a remediation
 * exception or a remediation in progress). Failed attempts are counted per resource: once MaximumAutomaticAttempts
 * failed attempts (default 5) fall inside RetryAttemptSeconds (default 60), Config stops and puts a remediation
 * exception on the resource, as AWS does; attempts that succeed are not counted. AWS Config API Reference,
 * RemediationConfiguration: MaximumAutomaticAttempts is "The maximum number of failed attempts for auto-remediation
 * [...] Config will put a RemediationException on your behalf for the failing resource after the 5th failed attempt
 * within 50 seconds" (https://docs.aws.amazon.com/config/latest/APIReference/API_RemediationConfiguration.html).
 * A failed attempt is retried after RetryAttemptSeconds / MaximumAutomaticAttempts.
 * A remediation that changes the account is recorded by the configuration recorder after its delay (recording.ts),
 * which invokes the change-triggered rules of the changed resource; periodic rules wait for their schedule.
 */
import { createHash } from 'node:crypto';
import type { AccountState } from '../../core/state.js';
import { AwsError, type RequestContext } from '../../core/types.js';
import { startAutomation, type AutomationExecutionView } from '../ssm/handlers.js';
import { automationOf } from '../ssm/content.js';
import { findDocument, findVersion } from '../ssm/documents.js';
import { TERMINAL_STATUSES, ssmState, type AutomationStatus } from '../ssm/state.js';
import { evaluationDelayMs, scheduleRuleEvaluation } from './engine.js';
import { isRecorded } from './recorder.js';
import { evaluatorFor } from './evaluators.js';
import {
  configState,
  type ConfigState,
  type StoredRemediationConfiguration,
  type StoredRemediationException,
  type StoredRemediationExecution,
  RULE_DELETING_MESSAGE,
  ruleIsDeleting
} from './state.js';

export const DEFAULT_MAXIMUM_AUTOMATIC_ATTEMPTS = 5;
export const DEFAULT_RETRY_ATTEMPT_SECONDS = 60;

export type RemediationExecutionState = 'QUEUED' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';

export interface ResourceKey {
  resourceType: string;
  resourceId: string;
}

/** The role AWS Config runs remediations as (reported as the automation's ExecutedBy). */
export function remediationServiceRole(accountId: string): string {
  return `arn:aws:iam::${accountId}:role/aws-service-role/remediation.config.amazonaws.com/AWSServiceRoleForConfigRemediation`;
}

/** The key of a resource in the per-rule maps of ConfigState (resource types never contain '/'). */
export function resourceKeyOf(key: ResourceKey): string {
  return `${key.resourceType}/${key.resourceId}`;
}

export function remediationExceptions(cfg: ConfigState, ruleName: string): Record<string, StoredRemediationException> {
  cfg.remediationExceptions ??= {};
  return (cfg.remediationExceptions[ruleName] ??= {});
}

export function remediationExecutions(cfg: ConfigState, ruleName: string): Record<string, StoredRemediationExecution> {
  cfg.remediationExecutions ??= {};
  return (cfg.remediationExecutions[ruleName] ??= {});
}

/** Drops the rule's expired exceptions (an expired exception no longer exists) and returns the rest. */
export function liveExceptions(
  cfg: ConfigState,
  ruleName: string,
  now: Date
): Record<string, StoredRemediationException> {
  const all = remediationExceptions(cfg, ruleName);
  for (const [key, e] of Object.entries(all)) {
    if (e.ExpirationTime !== undefined && Date.parse(e.ExpirationTime) <= now.getTime()) delete all[key];
  }
  return all;
}

function hasException(cfg: ConfigState, ruleName: string, key: ResourceKey, now: Date): boolean {
  return Object.hasOwn(liveExceptions(cfg, ruleName, now), resourceKeyOf(key));
}

function configurationOf(cfg: ConfigState, ruleName: string): StoredRemediationConfiguration | undefined {
  return Object.hasOwn(cfg.remediationConfigurations, ruleName) ? cfg.remediationConfigurations[ruleName] : undefined;
}

// ------------------------------------------------------------------------------------------------ configurations

/** Why a PutRemediationConfigurations item cannot be stored, or undefined when it can. */
export function configurationProblem(
  state: AccountState,
  cfg: ConfigState,
  item: StoredRemediationConfiguration
): string | undefined {
  const rule = item.ConfigRuleName;
  if (!Object.hasOwn(cfg.rules, rule)) return `The Config rule '${rule}' does not exist in this account.`;
  // The model declares no ResourceInUseException for PutRemediationConfigurations: the item fails with Config's
  // message for a rule it is deleting (see RULE_DELETING_MESSAGE).
  if (ruleIsDeleting(cfg.rules[rule])) return `${rule}: ${RULE_DELETING_MESSAGE}`;
  const createdBy = cfg.rules[rule]!.rule.CreatedBy;
  if (createdBy !== undefined) {
    return `The Config rule '${rule}' is service-linked (created by ${createdBy}); it cannot have a remediation configuration.`;
  }
  const doc = findDocument(state, item.TargetId);
  if (!doc) return `The SSM document '${item.TargetId}' (TargetId of rule '${rule}') does not exist.`;
  if (doc.documentType !== 'Automation') {
    return `The SSM document '${doc.name}' is a ${doc.documentType} document; remediation needs an Automation document.`;
  }
  const version = findVersion(doc, item.TargetVersion);
  if (!version) return `The SSM document '${doc.name}' has no version ${item.TargetVersion ?? '$DEFAULT'}.`;
  const declared = new Set(automationOf(version.content, version.format).parameters.map(p => p.name));
  let resourceValues = 0;
  for (const [name, value] of Object.entries(item.Parameters ?? {})) {
    const kinds = (value.ResourceValue ? 1 : 0) + (value.StaticValue ? 1 : 0);
    if (kinds !== 1) {
      return `Parameter '${name}' of rule '${rule}' must have either a ResourceValue or a StaticValue.`;
    }
    if (!declared.has(name)) {
      return `Parameter '${name}' of rule '${rule}' is not a parameter of the SSM document '${doc.name}' (parameters: ${[...declared].join(', ') || 'none'}).`;
    }
    if (value.ResourceValue) resourceValues++;
  }
  if (resourceValues > 1) return `Only one parameter of rule '${rule}' may take the RESOURCE_ID value.`;
  if (
    item.Automatic === true &&
    declared.has('AutomationAssumeRole') &&
    !(item.Parameters?.['AutomationAssumeRole']?.StaticValue?.Values.length ?? 0)
  ) {
    return `Automatic remediation of rule '${rule}' needs a static AutomationAssumeRole value.`;
  }
  return undefined;
}

/** A configuration ARN: remediation-configuration/RULE/UUID-like id derived from the account and rule. */
export function remediationConfigurationArn(state: AccountState, ruleName: string): string {
  const hex = createHash('sha256').update(`${state.accountId}:${state.region}:remediation:${ruleName}`).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `arn:aws:config:${state.region}:${state.accountId}:remediation-configuration/${ruleName}/${id}`;
}

/** The automation parameters of a configuration for one resource (RESOURCE_ID -> the resource id). */
export function automationParameters(
  conf: StoredRemediationConfiguration,
  resourceId: string
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(conf.Parameters ?? {})) {
    if (value.ResourceValue) out[name] = [resourceId];
    else if (value.StaticValue) out[name] = [...value.StaticValue.Values];
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ executions

function executionState(status: AutomationStatus): RemediationExecutionState {
  if (status === 'Pending') return 'QUEUED';
  if (status === 'Success') return 'SUCCEEDED';
  return TERMINAL_STATUSES.has(status) ? 'FAILED' : 'IN_PROGRESS';
}

function automationStatusOf(state: AccountState, exec: StoredRemediationExecution): AutomationStatus | undefined {
  if (exec.automationExecutionId === undefined) return undefined;
  return ssmState(state).executions[exec.automationExecutionId]?.status;
}

/** QUEUED or IN_PROGRESS: the resource's latest remediation has not finished. */
export function inProgress(state: AccountState, exec: StoredRemediationExecution | undefined): boolean {
  if (!exec) return false;
  const status = automationStatusOf(state, exec);
  return status !== undefined && !TERMINAL_STATUSES.has(status);
}

/** Does any remediation of the rule still run? */
export function ruleHasRemediationInProgress(state: AccountState, cfg: ConfigState, ruleName: string): boolean {
  return Object.values(cfg.remediationExecutions?.[ruleName] ?? {}).some(e => inProgress(state, e));
}

/** The context remediations run in: the triggering request's (clock, state, scheduler), named for Config. */
function remediationContext(ctx: RequestContext): RequestContext {
  return { ...ctx, operation: 'StartRemediationExecution' };
}

/**
 * Starts one remediation attempt (an automation execution) for a resource and records it. Throws the AwsError of
 * startAutomation when the execution cannot start (missing document, bad parameters).
 */
export function startRemediation(
  ctx: RequestContext,
  conf: StoredRemediationConfiguration,
  key: ResourceKey,
  automatic: boolean
): string {
  const runCtx = remediationContext(ctx);
  const ruleName = conf.ConfigRuleName;
  const executionId = startAutomation(runCtx, {
    documentName: conf.TargetId,
    ...(conf.TargetVersion !== undefined ? { documentVersion: conf.TargetVersion } : {}),
    parameters: automationParameters(conf, key.resourceId),
    executedBy: remediationServiceRole(ctx.state.accountId),
    onFinish: view => remediationFinished(runCtx, ruleName, key, view)
  });
  const executions = remediationExecutions(configState(ctx.state, ctx.now()), ruleName);
  const previous = executions[resourceKeyOf(key)];
  const exec: StoredRemediationExecution = {
    resourceType: key.resourceType,
    resourceId: key.resourceId,
    automationExecutionId: executionId,
    invocationTime: ctx.now().toISOString(),
    automatic
  };
  if (previous?.automaticFailures) exec.automaticFailures = previous.automaticFailures;
  executions[resourceKeyOf(key)] = exec;
  return executionId;
}

function remediationFinished(
  ctx: RequestContext,
  ruleName: string,
  key: ResourceKey,
  view: AutomationExecutionView
): void {
  // A change the runbook made is recorded by the configuration recorder (recording.ts), which then invokes the
  // change-triggered rules of the changed resource; periodic rules wait for their schedule.
  if (view.AutomationExecutionStatus === 'Success') return;
  const cfg = configState(ctx.state, ctx.now());
  const exec = cfg.remediationExecutions?.[ruleName]?.[resourceKeyOf(key)];
  const conf = configurationOf(cfg, ruleName);
  if (exec?.automatic === true && exec.automationExecutionId === view.AutomationExecutionId && conf) {
    if (!recordAutomaticFailure(ctx, conf, key, exec)) scheduleRetry(ctx, ruleName, key);
  }
}

// ------------------------------------------------------------------------------------------------ automatic

function attemptLimits(conf: StoredRemediationConfiguration): { max: number; windowMs: number } {
  return {
    max: conf.MaximumAutomaticAttempts ?? DEFAULT_MAXIMUM_AUTOMATIC_ATTEMPTS,
    windowMs: (conf.RetryAttemptSeconds ?? DEFAULT_RETRY_ATTEMPT_SECONDS) * 1000
  };
}

/** The failed automatic attempts of a resource that are inside the RetryAttemptSeconds window at `now`. */
function recentFailures(exec: StoredRemediationExecution | undefined, windowMs: number, now: Date): string[] {
  return (exec?.automaticFailures ?? []).filter(t => Date.parse(t) >= now.getTime() - windowMs);
}

/** Puts Config's own remediation exception on a resource whose automatic attempts keep failing. */
function stopAutomaticRemediation(
  cfg: ConfigState,
  ruleName: string,
  key: ResourceKey,
  failures: number,
  windowMs: number
): void {
  remediationExceptions(cfg, ruleName)[resourceKeyOf(key)] = {
    ConfigRuleName: ruleName,
    ResourceType: key.resourceType,
    ResourceId: key.resourceId,
    Message: `AWS Config stopped automatic remediation: ${failures} failed attempts within ${windowMs / 1000} seconds did not make the resource compliant.`
  };
}

/**
 * Records a failed automatic attempt; once MaximumAutomaticAttempts failures fall inside RetryAttemptSeconds, puts the
 * remediation exception and returns true (no retry).
 */
function recordAutomaticFailure(
  ctx: RequestContext,
  conf: StoredRemediationConfiguration,
  key: ResourceKey,
  exec: StoredRemediationExecution
): boolean {
  const now = ctx.now();
  const { max, windowMs } = attemptLimits(conf);
  const failures = [...recentFailures(exec, windowMs, now), now.toISOString()];
  exec.automaticFailures = failures;
  if (failures.length < max) return false;
  stopAutomaticRemediation(configState(ctx.state, now), conf.ConfigRuleName, key, failures.length, windowMs);
  return true;
}

function scheduleRetry(ctx: RequestContext, ruleName: string, key: ResourceKey): void {
  const conf = configurationOf(configState(ctx.state, ctx.now()), ruleName);
  if (!conf) return;
  const { max, windowMs } = attemptLimits(conf);
  ctx.sim.schedule(Math.floor(windowMs / max), () => {
    const cfg = configState(ctx.state, ctx.now());
    const current = configurationOf(cfg, ruleName);
    const result = cfg.rules[ruleName]?.results.find(
      r => r.resourceType === key.resourceType && r.resourceId === key.resourceId
    );
    if (current?.Automatic === true && result?.complianceType === 'NON_COMPLIANT') {
      remediateAutomatically(ctx, current, key);
    }
  });
}

/**
 * One automatic remediation attempt for a NON_COMPLIANT resource, within the configuration's attempt budget.
 * Returns the automation execution id, or undefined when nothing started.
 */
export function remediateAutomatically(
  ctx: RequestContext,
  conf: StoredRemediationConfiguration,
  key: ResourceKey
): string | undefined {
  const now = ctx.now();
  const cfg = configState(ctx.state, now);
  const ruleName = conf.ConfigRuleName;
  if (hasException(cfg, ruleName, key, now)) return undefined;
  const executions = remediationExecutions(cfg, ruleName);
  const existing = executions[resourceKeyOf(key)];
  if (inProgress(ctx.state, existing)) return undefined;
  const { max, windowMs } = attemptLimits(conf);
  // Only failed attempts count (see the header); successful ones never stop automatic remediation.
  const failures = recentFailures(existing, windowMs, now);
  if (failures.length >= max) {
    stopAutomaticRemediation(cfg, ruleName, key, failures.length, windowMs);
    return undefined;
  }
  try {
    return startRemediation(ctx, conf, key, true);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    const exec: StoredRemediationExecution = {
      resourceType: key.resourceType,
      resourceId: key.resourceId,
      failureMessage: `${err.code}: ${err.message}`,
      invocationTime: now.toISOString(),
      automatic: true,
      automaticFailures: failures
    };
    executions[resourceKeyOf(key)] = exec;
    if (!recordAutomaticFailure(ctx, conf, key, exec)) scheduleRetry(ctx, ruleName, key);
    return undefined;
  }
}

/** Remediates every NON_COMPLIANT result of the rule if its configuration is automatic. */
export function remediateRuleAutomatically(ctx: RequestContext, ruleName: string): string[] {
  const cfg = configState(ctx.state, ctx.now());
  const conf = configurationOf(cfg, ruleName);
  const rec = cfg.rules[ruleName];
  if (conf?.Automatic !== true || !rec) return [];
  const started: string[] = [];
  for (const r of rec.results) {
    if (r.complianceType !== 'NON_COMPLIANT') continue;
    const id = remediateAutomatically(ctx, conf, { resourceType: r.resourceType, resourceId: r.resourceId });
    if (id !== undefined) started.push(id);
  }
  return started;
}

// ------------------------------------------------------------------------------------------------ evaluation hook

/**
 * Evaluates a rule (engine.scheduleRuleEvaluation) and, once its results are recorded, remediates its
 * NON_COMPLIANT resources automatically when the rule has an automatic remediation configuration (checked now).
 */
export function scheduleEvaluation(ctx: RequestContext, ruleName: string, fromStart: boolean): void {
  const cfg = configState(ctx.state, ctx.now());
  const rec = cfg.rules[ruleName];
  if (!rec) return;
  const ruleId = rec.rule.ConfigRuleId;
  const requested = ctx.now().toISOString();
  scheduleRuleEvaluation(ctx, ruleName, fromStart);
  // Only rules remediated automatically need the follow-up (turning automatic remediation on later remediates the
  // results as they are then: see PutRemediationConfigurations).
  if (configurationOf(cfg, ruleName)?.Automatic !== true) return;
  // Scheduled after the evaluation with the same delay, so it runs once the results are recorded.
  ctx.sim.schedule(evaluationDelayMs(ctx.sim.options), () => {
    const current = configState(ctx.state, ctx.now()).rules[ruleName];
    if (!current || current.rule.ConfigRuleId !== ruleId) return;
    if ((current.lastSuccessfulInvocationTime ?? '') < requested) return;
    remediateRuleAutomatically(ctx, ruleName);
  });
}

/** Re-evaluates (with automatic remediation) every rule whose evaluator handles the resource type. */
export function scheduleEvaluationsForType(ctx: RequestContext, resourceType: string): string[] {
  const cfg = configState(ctx.state, ctx.now());
  const names: string[] = [];
  // A change the recorder does not record (stopped, failing, type not in its recording group) triggers nothing.
  if (!isRecorded(cfg.configurationRecorders, resourceType)) return names;
  for (const [name, rec] of Object.entries(cfg.rules)) {
    const evaluator = evaluatorFor(rec.rule.Source);
    if (evaluator && (evaluator.resourceTypes as readonly string[]).includes(resourceType)) {
      scheduleEvaluation(ctx, name, false);
      names.push(name);
    }
  }
  return names;
}

// ------------------------------------------------------------------------------------------------ status

function stepState(status: AutomationStatus): 'SUCCEEDED' | 'FAILED' | 'PENDING' {
  if (status === 'Success') return 'SUCCEEDED';
  return TERMINAL_STATUSES.has(status) ? 'FAILED' : 'PENDING';
}

function latest(dates: (Date | undefined)[]): Date {
  return new Date(Math.max(...dates.filter((d): d is Date => d !== undefined).map(d => d.getTime())));
}

/** One RemediationExecutionStatus (model member names, Date timestamps). */
export function executionStatusView(state: AccountState, exec: StoredRemediationExecution): Record<string, unknown> {
  const invoked = new Date(exec.invocationTime);
  const base = {
    ResourceKey: { resourceType: exec.resourceType, resourceId: exec.resourceId },
    InvocationTime: invoked
  };
  const record =
    exec.automationExecutionId !== undefined ? ssmState(state).executions[exec.automationExecutionId] : undefined;
  if (!record) {
    const message =
      exec.failureMessage ?? `The automation execution ${exec.automationExecutionId ?? '(none)'} no longer exists.`;
    return {
      ...base,
      State: 'FAILED',
      StepDetails: [
        {
          Name: 'StartAutomationExecution',
          State: 'FAILED',
          ErrorMessage: message,
          StartTime: invoked,
          StopTime: invoked
        }
      ],
      LastUpdatedTime: invoked
    };
  }
  const times: (Date | undefined)[] = [invoked, record.endTime !== undefined ? new Date(record.endTime) : undefined];
  const steps = record.steps.map(se => {
    const step: Record<string, unknown> = { Name: se.stepName, State: stepState(se.status) };
    if (se.failureMessage !== undefined) step['ErrorMessage'] = se.failureMessage;
    if (se.startTime !== undefined) {
      step['StartTime'] = new Date(se.startTime);
      times.push(new Date(se.startTime));
    }
    if (se.endTime !== undefined) {
      step['StopTime'] = new Date(se.endTime);
      times.push(new Date(se.endTime));
    }
    return step;
  });
  return { ...base, State: executionState(record.status), StepDetails: steps, LastUpdatedTime: latest(times) };
}
