/**
 * A configuration recorder that is off is not a pass. Change-triggered rules judge the configuration items the
 * recorder writes; when it is stopped, failing (`lastStatus: Failure`), absent, or leaves out a resource type a rule
 * checks, their results are not fresh and such a rule is unknown (status `error`, which fails the gate under every
 * fail-on). Periodic rules run on their schedule whatever the recorder does and are still judged (AWS Config
 * Developer Guide, "Trigger types for AWS Config rules" and "List of AWS Config Managed Rules by Trigger Type";
 * AWS Config API Reference, ConfigurationRecorder, ConfigurationRecorderStatus, RecordingGroup).
 *
 * Calls per account and region: DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus; only when the
 * recorder does not record every type, the rules' descriptions (describeRules: DescribeConfigRules, 25 names a call) to
 * learn their triggers. check.ts reads those descriptions once, for this and for freshness (freshness.ts) together.
 */
import {
  type ConfigRule,
  type ConfigServiceClient,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  paginateDescribeConfigRules
} from '@aws-sdk/client-config-service';
import { awsCallErrorOf } from '../aws/clients.js';
import { chunk } from '../util/concurrency.js';
import type { RuleError } from './types.js';

const NAMES_PER_CALL = 25;

/** Global resource types: recorded only with includeGlobalResourceTypes (RecordingGroup). */
const GLOBAL_TYPES = new Set(['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy']);

/** What the check learnt of the recorder: a problem for every change-triggered rule, or the recording group. */
export type RecorderView =
  | { kind: 'unreadable'; error: RuleError }
  | { kind: 'off'; error: RuleError }
  | { kind: 'on'; name: string; recorder: ConfigurationRecorder };

/** Pure: the recorder view from what the two Describe calls returned. */
export function recorderView(
  recorders: readonly ConfigurationRecorder[],
  statuses: readonly ConfigurationRecorderStatus[],
  region: string
): RecorderView {
  // Service-linked recorders (servicePrincipal set) record for another service, not for the account's rules.
  const recorder = recorders.find(r => !r.servicePrincipal);
  if (!recorder) {
    return off(
      'NoConfigurationRecorder',
      `no configuration recorder in region ${region}: change-triggered results are not fresh`
    );
  }
  const name = recorder.name ?? '(unnamed)';
  const status = statuses.find(s => s.name === recorder.name);
  if (!status) {
    return off(
      'RecorderStatusMissing',
      `configuration recorder '${name}' reports no status: change-triggered results are not fresh`
    );
  }
  if (status.recording !== true) {
    return off(
      'RecorderStopped',
      `configuration recorder '${name}' is stopped: change-triggered results are not fresh`
    );
  }
  if (status.lastStatus === 'Failure') {
    const cause = [status.lastErrorCode, status.lastErrorMessage].filter(Boolean).join(': ') || 'no error message';
    return off(
      'RecorderFailing',
      `configuration recorder '${name}' is failing (lastStatus Failure, ${cause}): change-triggered results are not fresh`
    );
  }
  return { kind: 'on', name, recorder };
}

function off(code: string, message: string): RecorderView {
  return { kind: 'off', error: { operation: 'config:DescribeConfigurationRecorderStatus', code, message } };
}

/** Pure: whether the recording group records every resource type (then no rule's trigger matters). */
export function recordsEverything(recorder: ConfigurationRecorder): boolean {
  const g = recorder.recordingGroup;
  const strategy = g?.recordingStrategy?.useOnly;
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES')
    return (g?.exclusionByResourceTypes?.resourceTypes ?? []).length === 0;
  if (strategy === 'INCLUSION_BY_RESOURCE_TYPES') return false;
  return g?.allSupported === true && g.includeGlobalResourceTypes === true;
}

/** Pure: whether the recording group records a resource type. */
export function records(recorder: ConfigurationRecorder, resourceType: string): boolean {
  const g = recorder.recordingGroup;
  const strategy = g?.recordingStrategy?.useOnly;
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
    return !(g?.exclusionByResourceTypes?.resourceTypes ?? []).includes(resourceType as never);
  }
  if (strategy === 'INCLUSION_BY_RESOURCE_TYPES' || g?.allSupported !== true) {
    return (g?.resourceTypes ?? []).includes(resourceType as never);
  }
  return !GLOBAL_TYPES.has(resourceType) || g.includeGlobalResourceTypes === true;
}

/**
 * Pure: whether a rule is periodic only (then the recorder does not matter to it). Decided from what
 * DescribeConfigRules returns, failing closed:
 * - a custom rule (SourceDetails) is periodic only when every trigger is a ScheduledNotification;
 * - a managed rule is periodic only with MaximumExecutionFrequency and no Scope (a Scope names the resources whose
 *   changes trigger it);
 * - a rule triggered both ways, or one whose trigger cannot be told, counts as change-triggered: its results for
 *   resources are written on their changes, and a periodic run cannot be told apart in the results we read, so with
 *   the recorder off they are not known to be fresh. Unknown, never a pass.
 */
export function isPeriodicOnly(rule: ConfigRule): boolean {
  const details = rule.Source?.SourceDetails ?? [];
  if (rule.Source?.Owner === 'CUSTOM_POLICY') return false;
  if (details.length > 0) {
    return details.every(d => d.MessageType === 'ScheduledNotification') && !rule.Scope;
  }
  const scoped =
    (rule.Scope?.ComplianceResourceTypes?.length ?? 0) > 0 ||
    rule.Scope?.TagKey !== undefined ||
    rule.Scope?.ComplianceResourceId !== undefined;
  return rule.MaximumExecutionFrequency !== undefined && !scoped;
}

/** Pure: why a change-triggered rule is unknown under a running recorder that does not record every type. */
export function uncoveredReason(
  rule: ConfigRule,
  recorderName: string,
  recorder: ConfigurationRecorder
): string | undefined {
  if (isPeriodicOnly(rule)) return undefined;
  const types = rule.Scope?.ComplianceResourceTypes ?? [];
  if (types.length === 0) {
    return `configuration recorder '${recorderName}' does not record every resource type and change-triggered rule ${rule.ConfigRuleName} names none in its scope: its results are not known to be fresh`;
  }
  const missing = types.filter(t => !records(recorder, t));
  if (missing.length === 0) return undefined;
  return `configuration recorder '${recorderName}' does not record ${missing.join(', ')}, which change-triggered rule ${rule.ConfigRuleName} checks: its results are not fresh`;
}

/** Reads the recorder and its status (2 calls). An unreadable recorder (e.g. AccessDenied) fails closed. */
export async function readRecorder(config: ConfigServiceClient, region: string): Promise<RecorderView> {
  try {
    const [recorders, statuses] = await Promise.all([
      config.send(new DescribeConfigurationRecordersCommand({})),
      config.send(new DescribeConfigurationRecorderStatusCommand({}))
    ]);
    return recorderView(recorders.ConfigurationRecorders ?? [], statuses.ConfigurationRecordersStatus ?? [], region);
  } catch (err) {
    const e = awsCallErrorOf(err);
    return {
      kind: 'unreadable',
      error: {
        operation: e.operation,
        code: e.code,
        message: `the configuration recorder could not be read (${e.message}): change-triggered results are not known to be fresh`,
        ...(e.requestId ? { requestId: e.requestId } : {})
      }
    };
  }
}

/** Rule descriptions as read by describeRules: those returned, and the error of a call that failed. */
export interface DescribedRules {
  rules: ReadonlyMap<string, ConfigRule>;
  error?: RuleError;
}

/** Whether the recorder view needs the rules' descriptions (a recorder recording every type does not). */
export function recorderNeedsRules(view: RecorderView): boolean {
  return !(view.kind === 'on' && recordsEverything(view.recorder));
}

/** DescribeConfigRules for the named rules, 25 names a call. A failed call is returned, not thrown (fail closed). */
export async function describeRules(config: ConfigServiceClient, names: readonly string[]): Promise<DescribedRules> {
  const rules = new Map<string, ConfigRule>();
  let error: RuleError | undefined;
  for (const names25 of chunk([...names], NAMES_PER_CALL)) {
    try {
      for await (const page of paginateDescribeConfigRules({ client: config }, { ConfigRuleNames: names25 })) {
        for (const r of page.ConfigRules ?? []) if (r.ConfigRuleName) rules.set(r.ConfigRuleName, r);
      }
    } catch (err) {
      const e = awsCallErrorOf(err);
      error = { operation: e.operation, code: e.code, message: e.detail };
    }
  }
  return { rules, ...(error ? { error } : {}) };
}

/**
 * Pure: the rules the recorder leaves without fresh results, with the error each gets, from the rules' descriptions
 * (describeRules; needed only when recorderNeedsRules). A rule whose description is missing counts as
 * change-triggered (fail closed).
 */
export function rulesUnknownToRecorder(
  view: RecorderView,
  names: readonly string[],
  described: DescribedRules
): Map<string, RuleError> {
  const out = new Map<string, RuleError>();
  if (names.length === 0 || !recorderNeedsRules(view)) return out;
  const { rules, error: describeError } = described;
  for (const name of names) {
    const rule = rules.get(name);
    if (rule && isPeriodicOnly(rule)) continue;
    const untold = rule
      ? ''
      : ` (its trigger type is unknown: ${describeError ? `${describeError.code}: ${describeError.message}` : 'DescribeConfigRules did not return it'})`;
    if (view.kind !== 'on') {
      out.set(name, { ...view.error, message: `${view.error.message}${untold}` });
    } else if (!rule) {
      out.set(name, {
        operation: 'config:DescribeConfigRules',
        code: 'ResourceTypeNotRecorded',
        message: `configuration recorder '${view.name}' does not record every resource type and rule ${name}'s scope is unknown${untold}`
      });
    } else {
      const reason = uncoveredReason(rule, view.name, view.recorder);
      if (reason)
        out.set(name, {
          operation: 'config:DescribeConfigurationRecorders',
          code: 'ResourceTypeNotRecorded',
          message: reason
        });
    }
  }
  return out;
}
