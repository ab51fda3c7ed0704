/**
 * The configuration recorder at work: configuration items, recorded after a delay, and the rules they trigger.
 *
 * - The scenario's initial resources are recorded when the config state is first used (the simulator start).
 * - A later resource change (an EC2/S3 call, an automation step, a test editing `sim.state`) is noticed after the
 *   request or scheduled task that made it (`observeResourceChanges`) and recorded `recorderDelaySeconds` of
 *   simulator time later (scenario option; 0 or absent: at once, but still through the scheduler). AWS: "When a
 *   change is detected in a resource, AWS Config records a configuration item" with a delay (AWS Config Developer
 *   Guide, "Configuration items"; recording is continuous, not instant).
 * - Only what a running, non-failing recorder records for the type is recorded (recorder.ts isRecorded). A change
 *   noticed while nothing records it stays unrecorded until a recorder records the type again, then is recorded.
 * - Account-level resources (AWS::::Account: EBS encryption by default, the password policy) are not recorded: AWS
 *   Config has no configuration item type for them, and the managed rules that check them are periodic ("List of
 *   AWS Config Managed Rules by Trigger Type": ec2-ebs-encryption-by-default, iam-password-policy are Periodic).
 * - Recording a configuration item invokes the change-triggered rules of its type: "Configuration changes: AWS
 *   Config runs evaluations for the rule when certain types of resources are created, changed, or deleted" (AWS
 *   Config Developer Guide, "Trigger types"). Those rules judge the recorded items (engine.ts itemsForRule).
 * - Periodic rules run every MaximumExecutionFrequency (default TwentyFour_Hours) divided by the scenario option
 *   `timeScale` (default 1; e.g. 3600 turns 24 h into 24 s), over the live account, and never on a change.
 *
 * The history (`cfg.recording.history`) is plain JSON, oldest first, as GetResourceConfigHistory reads it.
 */
import type { AccountState } from '../../core/state.js';
import type { RequestContext, SimRuntime } from '../../core/types.js';
import { evaluatorFor, type ManagedRuleEvaluator } from './evaluators.js';
import { ACCOUNT_RESOURCE_TYPE, itemsFromState, type ConfigurationItem } from './items.js';
import { isRecorded } from './recorder.js';
import { recordedResources, type RecordedResource } from './resource-config.js';
import { configState, ruleIsDeleting, type ConfigState, type RuleRecord } from './state.js';
import { scheduleEvaluation } from './remediation.js';

/** One configuration item of the history. */
export interface HistoryItem {
  /** ISO 8601. */
  captureTime: string;
  status: 'ResourceDiscovered' | 'OK' | 'ResourceDeleted';
  /** What BatchGetResourceConfig / SelectResourceConfig / GetResourceConfigHistory show (absent when deleted). */
  resource?: RecordedResource;
  /** What the evaluators read (absent when deleted, or for types no evaluator reads). */
  item?: ConfigurationItem;
}

export interface RecordingState {
  /** By resource key TYPE/ID, oldest first. */
  history: Record<string, HistoryItem[]>;
  /** By resource key: the live fingerprint last recorded (or being recorded). */
  recorded: Record<string, string>;
  /** Resource keys with a recording scheduled. */
  pending: Record<string, true>;
}

/** The scenario option `recorderDelaySeconds` (non-negative number; anything else means 0). */
export function recorderDelaySeconds(options: Readonly<Record<string, unknown>>): number {
  const v = options['recorderDelaySeconds'];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

/** The scenario option `timeScale`: periodic frequencies are divided by it (number >= 1; anything else means 1). */
export function timeScale(options: Readonly<Record<string, unknown>>): number {
  const v = options['timeScale'];
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? v : 1;
}

/**
 * Trigger kinds of an evaluator ("List of AWS Config Managed Rules by Trigger Type",
 * https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-trigger-type.html).
 */
export function isChangeTriggered(e: ManagedRuleEvaluator): boolean {
  return e.trigger === 'ConfigurationChanges' || e.trigger === 'ConfigurationChangesAndPeriodic';
}

export function isPeriodic(e: ManagedRuleEvaluator): boolean {
  return e.trigger === 'Periodic' || e.trigger === 'ConfigurationChangesAndPeriodic';
}

/** MaximumExecutionFrequency in milliseconds (PutConfigRule: the default for periodic managed rules is 24 hours). */
export function frequencyMs(frequency: string | undefined): number {
  const hours: Record<string, number> = {
    One_Hour: 1,
    Three_Hours: 3,
    Six_Hours: 6,
    Twelve_Hours: 12,
    TwentyFour_Hours: 24
  };
  return (hours[frequency ?? 'TwentyFour_Hours'] ?? 24) * 3_600_000;
}

function keyOf(r: { resourceType: string; resourceId: string }): string {
  return `${r.resourceType}/${r.resourceId}`;
}

interface LiveEntry {
  resourceType: string;
  resource?: RecordedResource;
  item?: ConfigurationItem;
  fingerprint: string;
}

/** The account's recordable resources as they are now (account-level items are not recorded). */
function liveSnapshot(state: AccountState): Map<string, LiveEntry> {
  const out = new Map<string, LiveEntry>();
  for (const resource of recordedResources(state)) {
    out.set(keyOf(resource), { resourceType: resource.resourceType, resource, fingerprint: '' });
  }
  for (const item of itemsFromState(state)) {
    if (item.resourceType === ACCOUNT_RESOURCE_TYPE) continue;
    const e = out.get(keyOf(item)) ?? { resourceType: item.resourceType, fingerprint: '' };
    e.item = item;
    out.set(keyOf(item), e);
  }
  for (const e of out.values()) e.fingerprint = JSON.stringify([e.resource ?? null, e.item ?? null]);
  return out;
}

/** The recording state; the first use records every resource of the account (ResourceDiscovered) at `now`. */
export function recordingState(cfg: ConfigState, state: AccountState, now: Date): RecordingState {
  const holder = cfg as ConfigState & { recording?: RecordingState };
  if (holder.recording) return holder.recording;
  const rec: RecordingState = { history: {}, recorded: {}, pending: {} };
  const at = now.toISOString();
  for (const [key, e] of liveSnapshot(state)) {
    if (!isRecorded(cfg.configurationRecorders, e.resourceType)) continue;
    rec.history[key] = [historyItem(at, 'ResourceDiscovered', e)];
    rec.recorded[key] = e.fingerprint;
  }
  holder.recording = rec;
  return rec;
}

function historyItem(at: string, status: HistoryItem['status'], e: LiveEntry | undefined): HistoryItem {
  const h: HistoryItem = { captureTime: at, status };
  if (e?.resource) h.resource = e.resource;
  if (e?.item) h.item = e.item;
  return h;
}

/** The latest recorded item of every resource that exists in the recorded view. */
export function currentRecorded(rec: RecordingState): HistoryItem[] {
  const out: HistoryItem[] = [];
  for (const list of Object.values(rec.history)) {
    const last = list.at(-1);
    if (last && last.status !== 'ResourceDeleted') out.push(last);
  }
  return out;
}

/** The recorded resources (BatchGetResourceConfig, SelectResourceConfig), ordered as recordedResources orders. */
export function recordedView(state: AccountState, now: Date): { resource: RecordedResource; captureTime: Date }[] {
  const rec = recordingState(configState(state, now), state, now);
  return currentRecorded(rec)
    .filter((h): h is HistoryItem & { resource: RecordedResource } => h.resource !== undefined)
    .map(h => ({ resource: h.resource, captureTime: new Date(h.captureTime) }))
    .sort((a, b) =>
      a.resource.resourceType !== b.resource.resourceType
        ? a.resource.resourceType < b.resource.resourceType
          ? -1
          : 1
        : a.resource.resourceId < b.resource.resourceId
          ? -1
          : a.resource.resourceId > b.resource.resourceId
            ? 1
            : 0
    );
}

/** The evaluator items of the recorded view (what change-triggered rules judge). */
export function recordedItems(state: AccountState, now: Date): ConfigurationItem[] {
  const rec = recordingState(configState(state, now), state, now);
  return currentRecorded(rec)
    .map(h => h.item)
    .filter((i): i is ConfigurationItem => i !== undefined);
}

/** Last observed `state.resources` (and recorder statuses) per state: skips the snapshot when nothing changed. */
const lastObserved = new WeakMap<object, string>();

/** A context for work the simulator does on its own (recording, periodic runs), named for Config. */
function ownContext(state: AccountState, now: () => Date, sim: SimRuntime, operation: string): RequestContext {
  return { service: 'config', operation, requestId: 'simulator', state, now, sim };
}

/**
 * Notices resource changes since the last call and schedules their recording; makes sure every periodic rule has
 * its next run scheduled. Called by the server after every request and scheduled task, and before the clock moves.
 */
export function observeResourceChanges(state: AccountState, now: () => Date, sim: SimRuntime): void {
  const cfg = configState(state, now());
  const rec = recordingState(cfg, state, now());
  schedulePeriodicRuns(cfg, state, now, sim);
  const fingerprint = JSON.stringify([state.resources, cfg.configurationRecorders]);
  if (lastObserved.get(state.config) === fingerprint) return;
  lastObserved.set(state.config, fingerprint);
  const live = liveSnapshot(state);
  const keys = new Set([...Object.keys(rec.recorded), ...live.keys()]);
  for (const key of keys) {
    const e = live.get(key);
    const type = e?.resourceType ?? key.slice(0, key.indexOf('/'));
    if ((e?.fingerprint ?? '') === (rec.recorded[key] ?? '')) continue;
    if (rec.pending[key] || !isRecorded(cfg.configurationRecorders, type)) continue;
    rec.pending[key] = true;
    sim.schedule(recorderDelaySeconds(sim.options) * 1000, () => recordNow(state, now, sim, key, type));
  }
}

/** Records the resource as it is now (one configuration item), then invokes the change-triggered rules of its type. */
function recordNow(state: AccountState, now: () => Date, sim: SimRuntime, key: string, type: string): void {
  const cfg = configState(state, now());
  const rec = recordingState(cfg, state, now());
  delete rec.pending[key];
  // Stopped or failing meanwhile: nothing is recorded (observeResourceChanges tries again once it records).
  if (!isRecorded(cfg.configurationRecorders, type)) {
    lastObserved.delete(state.config);
    return;
  }
  const e = liveSnapshot(state).get(key);
  const fingerprint = e?.fingerprint ?? '';
  if (fingerprint === (rec.recorded[key] ?? '')) return;
  const history = (rec.history[key] ??= []);
  const at = now().toISOString();
  if (e) history.push(historyItem(at, history.length === 0 ? 'ResourceDiscovered' : 'OK', e));
  else history.push(historyItem(at, 'ResourceDeleted', undefined));
  if (e) rec.recorded[key] = fingerprint;
  else delete rec.recorded[key];
  const ctx = ownContext(state, now, sim, 'ConfigurationItemRecorded');
  for (const [name, r] of Object.entries(cfg.rules)) {
    const evaluator = evaluatorFor(r.rule.Source);
    if (!evaluator || !isChangeTriggered(evaluator) || ruleIsDeleting(r)) continue;
    if ((evaluator.resourceTypes as readonly string[]).includes(type)) scheduleEvaluation(ctx, name, false);
  }
}

/** Next periodic run per rule record (a re-created rule is a new record and gets its own schedule). */
const periodicScheduled = new WeakSet<RuleRecord>();

function schedulePeriodicRuns(cfg: ConfigState, state: AccountState, now: () => Date, sim: SimRuntime): void {
  // Scenario option `periodicRuns: false`: Config runs no scheduled evaluation (as when its periodic runs are missed,
  // e.g. during a service event), so a periodic rule's last result ages; tests of freshness use it.
  if (sim.options['periodicRuns'] === false) return;
  for (const [name, r] of Object.entries(cfg.rules)) {
    if (periodicScheduled.has(r)) continue;
    const evaluator = evaluatorFor(r.rule.Source);
    if (!evaluator || !isPeriodic(evaluator)) continue;
    periodicScheduled.add(r);
    schedulePeriodic(state, now, sim, name, r);
  }
}

/** Runs the rule every interval, the first run one interval after its last evaluation (or from now). */
function schedulePeriodic(state: AccountState, now: () => Date, sim: SimRuntime, name: string, r: RuleRecord): void {
  const interval = frequencyMs(r.rule.MaximumExecutionFrequency) / timeScale(sim.options);
  const run = (): void => {
    // Deleted (or re-created: the new record gets its own schedule).
    if (configState(state, now()).rules[name] !== r) return;
    if (!ruleIsDeleting(r)) scheduleEvaluation(ownContext(state, now, sim, 'PeriodicEvaluation'), name, false);
    sim.schedule(interval, run);
  };
  const last = r.lastSuccessfulInvocationTime !== undefined ? Date.parse(r.lastSuccessfulInvocationTime) : NaN;
  const first = Number.isNaN(last) ? interval : Math.max(0, last + interval - now().getTime());
  sim.schedule(first, run);
}

/**
 * What a rule judges: a change-triggered-only rule the recorded configuration items ("re-runs an evaluation against
 * the last known state of your resources", AWS Config API Reference, StartConfigRulesEvaluation), a periodic rule
 * the account as it is now (its periodic run reads the resources' current state).
 */
export function itemsForRule(state: AccountState, r: RuleRecord, now: Date): ConfigurationItem[] {
  const evaluator = evaluatorFor(r.rule.Source);
  if (evaluator && !isPeriodic(evaluator)) return recordedItems(state, now);
  return itemsFromState(state);
}
