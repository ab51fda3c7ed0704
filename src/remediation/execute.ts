/**
 * Runs the planned targets, in waves, with limits. A target whose rule has a remediation configuration in AWS
 * Config runs through Config (StartRemediationExecution, at most 100 resource keys per call); any other target runs
 * its runbook through SSM Automation directly (StartAutomationExecution, pinned to the planned document version).
 *
 * Waves: the targets of one rule start together in waves of the binding's concurrency percent (at least 1). After
 * each wave the executions are polled (every 2 s, growing to 15 s, on the injected clock) until they reach a final
 * state. No new wave starts once failures reach `errorPercent` of the executions started, or once the run's
 * deadline (`timeoutSeconds` from the first start) has passed. Executions still running at the deadline are
 * `timed-out`; SSM ones are stopped (StopAutomationExecution); Config has no API to stop its executions.
 *
 * A start that AWS refuses is a failed target (it counts towards the error threshold). Any other AWS error (while
 * polling) stops the run: what is known is returned with the error.
 *
 * Cancellation (deps.signal aborts): nothing new starts (checked before each start and each wave), polling stops,
 * every SSM execution this run started and that is still running is stopped (StopAutomationExecution, Type Cancel),
 * and those are `cancelled`. AWS Config has no API to stop a remediation execution: those are `cancelled` too, with
 * a message saying they may still be running.
 */
import {
  type ConfigServiceClient,
  paginateDescribeRemediationExecutionStatus,
  type RemediationExecutionStatus,
  type ResourceType,
  StartRemediationExecutionCommand
} from '@aws-sdk/client-config-service';
import {
  type AutomationExecution,
  GetAutomationExecutionCommand,
  type SSMClient,
  StartAutomationExecutionCommand,
  StopAutomationExecutionCommand
} from '@aws-sdk/client-ssm';
import { MANAGED_TAG } from '../desired/model.js';
import { AwsCallError, toAwsCallError } from '../errors.js';
import type { Logger } from '../logging.js';
import { sanitizeForLog } from '../util/text.js';
import { chunk } from '../util/concurrency.js';
import type { Clock } from '../util/clock.js';
import { cancelReasonOf, sleepUnlessCancelled } from '../util/cancellation.js';
import { targetFields, type AuditLog } from './audit.js';
import { idempotencyToken, maskText } from './hash.js';
import { truncate } from '../util/text.js';
import { describeTarget, type PlannedTarget, type PlanTarget } from './select.js';

/** StartRemediationExecution and DescribeRemediationExecutionStatus take at most 100 resource keys. */
export const RESOURCE_KEYS_PER_CALL = 100;
export const FIRST_POLL_MS = 2_000;
export const MAX_POLL_MS = 15_000;
/** Messages from AWS are kept to this many characters (a validation error can list hundreds of values). */
export const MAX_MESSAGE = 600;

/** A message from AWS as kept in results, logs and the audit log: credential-shaped text masked, length capped. */
export function shortMessage(message: string): string {
  return truncate(maskText(message), MAX_MESSAGE);
}

/** Config InvocationTime may be this much earlier than our clock at start (clock skew) and still be ours. */
const INVOCATION_SKEW_MS = 5_000;

/** `running` only while the run is in progress: every returned result has one of the others. */
export type ExecutionStatus = 'running' | 'succeeded' | 'failed' | 'timed-out' | 'skipped' | 'cancelled';

/**
 * Bound on the StopAutomationExecution calls made when the run is cancelled (all at once), so the action still
 * exits within the 5 s it promises and before the runner's SIGTERM (7.5 s after SIGINT).
 */
export const STOP_ON_CANCEL_MS = 2_500;

export interface ExecutionResult {
  target: PlanTarget;
  status: ExecutionStatus;
  /** SSM automation execution id (SSM route). */
  executionId?: string;
  /** ISO 8601. */
  startedAt?: string;
  /** ISO 8601: when the execution reached its final state. */
  finishedAt?: string;
  /** The step that failed (failed executions). */
  failedStep?: string;
  /** Failure message, skip reason or timeout note. */
  message?: string;
}

export interface ExecuteOptions {
  timeoutSeconds: number;
  errorPercent: number;
  planHash: string;
  /** Makes idempotency tokens unique per run attempt. */
  runId: string;
  runAttempt: string;
}

export interface ExecuteDeps {
  config: () => Promise<ConfigServiceClient>;
  ssm: () => Promise<SSMClient>;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  /** Aborts on cancellation: nothing new starts, running SSM executions are stopped. */
  signal?: AbortSignal;
}

/** What cancellation did to the executions that were still running. */
export interface CancelledExecutions {
  /** Why (the signal's name). */
  reason: string;
  /** SSM executions stopped (StopAutomationExecution accepted). */
  stopped: ExecutionResult[];
  /** SSM executions that could not be stopped (the error is in the message). */
  stopFailed: ExecutionResult[];
  /** Config-route executions: AWS Config cannot stop them. */
  stillRunning: ExecutionResult[];
}

export interface ExecuteOutcome {
  results: ExecutionResult[];
  /** The first deadline used (for verification). */
  deadline: Date;
  /** An AWS error that stopped the run. */
  error?: AwsCallError;
  /** Set when the run was cancelled. */
  cancelled?: CancelledExecutions;
}

/** Waves of the targets: per rule (in plan order), `concurrencyPercent` of that rule's targets at a time, >= 1. */
export function waves(planned: readonly PlannedTarget[]): PlannedTarget[][] {
  const byRule = new Map<string, PlannedTarget[]>();
  for (const p of planned) {
    const list = byRule.get(p.target.rule) ?? [];
    list.push(p);
    byRule.set(p.target.rule, list);
  }
  const out: PlannedTarget[][] = [];
  for (const list of byRule.values()) {
    const pct = list[0]?.binding.concurrencyPercent ?? 100;
    const size = Math.max(1, Math.floor((list.length * pct) / 100));
    out.push(...chunk(list, size));
  }
  return out;
}

/** True once failures reach errorPercent of the executions started (and there is at least one failure). */
export function thresholdReached(failures: number, started: number, errorPercent: number): boolean {
  return failures > 0 && started > 0 && failures * 100 >= errorPercent * started;
}

const SSM_SUCCESS = new Set(['Success', 'CompletedWithSuccess']);
const SSM_FAILURE = new Set([
  'Failed',
  'TimedOut',
  'Cancelled',
  'Rejected',
  'CompletedWithFailure',
  'Exited',
  'ChangeCalendarOverrideRejected'
]);

/** Final state of an SSM automation execution, with the failing step; undefined while it runs. */
export function ssmFinalState(
  e: AutomationExecution
): Pick<ExecutionResult, 'status' | 'failedStep' | 'message' | 'finishedAt'> | undefined {
  const status = e.AutomationExecutionStatus ?? '';
  const finishedAt = e.ExecutionEndTime?.toISOString();
  if (SSM_SUCCESS.has(status)) return { status: 'succeeded', ...(finishedAt ? { finishedAt } : {}) };
  if (!SSM_FAILURE.has(status)) return undefined;
  const step =
    (e.StepExecutions ?? []).find(s => s.StepStatus !== undefined && SSM_FAILURE.has(s.StepStatus)) ??
    (e.StepExecutions ?? []).find(s => s.FailureMessage !== undefined);
  const stepName = step?.StepName ?? e.CurrentStepName;
  const message =
    status === 'Cancelled'
      ? `cancelled (stopped before it finished)${e.FailureMessage ? `: ${e.FailureMessage}` : ''}`
      : (step?.FailureMessage ?? e.FailureMessage ?? `automation ${status}`);
  return {
    status: 'failed',
    message: `${status}: ${message}`,
    ...(stepName ? { failedStep: stepName } : {}),
    ...(finishedAt ? { finishedAt } : {})
  };
}

/** Final state of a Config remediation execution; undefined while queued or running. */
export function configFinalState(
  s: RemediationExecutionStatus
): Pick<ExecutionResult, 'status' | 'failedStep' | 'message' | 'finishedAt'> | undefined {
  const stops = (s.StepDetails ?? []).map(d => d.StopTime?.getTime() ?? 0);
  const last = Math.max(s.LastUpdatedTime?.getTime() ?? 0, ...stops);
  const finishedAt = last > 0 ? { finishedAt: new Date(last).toISOString() } : {};
  if (s.State === 'SUCCEEDED') return { status: 'succeeded', ...finishedAt };
  if (s.State !== 'FAILED') return undefined;
  const step = (s.StepDetails ?? []).find(d => d.State === 'FAILED');
  return {
    status: 'failed',
    message: step?.ErrorMessage ?? 'the remediation execution failed',
    ...(step?.Name ? { failedStep: step.Name } : {}),
    ...finishedAt
  };
}

interface Running {
  planned: PlannedTarget;
  result: ExecutionResult;
  startedAtMs: number;
}

export async function executeTargets(
  deps: ExecuteDeps,
  planned: readonly PlannedTarget[],
  options: ExecuteOptions
): Promise<ExecuteOutcome> {
  const { clock, logger, audit } = deps;
  const deadline = new Date(clock.now().getTime() + options.timeoutSeconds * 1000);
  const results = new Map<PlannedTarget, ExecutionResult>();
  let started = 0;
  let failures = 0;
  const all = waves(planned);
  let stop: string | undefined;
  let error: AwsCallError | undefined;

  const cancelledStop = (): string => `not started: the run was cancelled (${cancelReasonOf(deps.signal) ?? ''})`;

  for (let w = 0; w < all.length; w++) {
    const wave = all[w] ?? [];
    if (stop === undefined && deps.signal?.aborted) stop = cancelledStop();
    if (stop === undefined && clock.now() >= deadline) {
      stop = `not started: remediation-timeout (${options.timeoutSeconds}s) reached`;
    }
    if (stop === undefined && thresholdReached(failures, started, options.errorPercent)) {
      stop = `error threshold reached (${failures} of ${started} executions failed; error-percent ${options.errorPercent})`;
      logger.warn(`Remediation: ${stop}; no further executions start.`);
    }
    if (stop !== undefined) {
      for (const p of wave) {
        const r: ExecutionResult = { target: p.target, status: 'skipped', message: stop };
        results.set(p, r);
        await audit.record({ event: 'target-skipped', ...targetFields(p.target), status: 'skipped', reason: stop });
      }
      continue;
    }
    try {
      const running = await startWave(deps, wave, options, results);
      started += wave.filter(p => results.has(p)).length;
      failures += wave.filter(p => results.get(p)?.status === 'failed').length;
      await pollWave(deps, running, deadline, options);
      failures += running.filter(r => r.result.status === 'failed' || r.result.status === 'timed-out').length;
    } catch (err) {
      if (!(err instanceof AwsCallError)) throw err;
      error = err;
      stop = `not started: the run stopped after an error (${shortMessage(error.message)})`;
      for (const p of wave) {
        const r = results.get(p);
        if (r?.status !== 'running') continue;
        // Started but its state is unknown: never report it as done.
        r.status = 'failed';
        r.message = `state unknown: the run stopped after an error (${shortMessage(error.message)})`;
        await audit.record({
          event: 'execution-finished',
          ...targetFields(p.target),
          ...(r.executionId ? { executionId: r.executionId } : {}),
          status: 'unknown',
          message: r.message
        });
      }
      for (const p of wave) {
        if (results.has(p)) continue;
        results.set(p, { target: p.target, status: 'skipped', message: stop });
      }
    }
  }
  let cancelled: CancelledExecutions | undefined;
  if (deps.signal?.aborted) {
    stop ??= cancelledStop();
    cancelled = await cancelRunning(
      deps,
      [...results.values()].filter(r => r.status === 'running')
    );
  }
  for (const r of results.values()) {
    if (r.status === 'timed-out') logger.warn(sanitizeForLog(`Remediation timed out: ${describeTarget(r.target)}`));
  }
  const ordered = planned.map(
    (p): ExecutionResult => results.get(p) ?? { target: p.target, status: 'skipped', message: stop ?? 'not started' }
  );
  return { results: ordered, deadline, ...(error ? { error } : {}), ...(cancelled ? { cancelled } : {}) };
}

/**
 * On cancellation: stops the SSM executions still running (all at once, bounded by STOP_ON_CANCEL_MS) and marks
 * every running execution `cancelled`, each with an execution-finished audit record.
 */
async function cancelRunning(deps: ExecuteDeps, running: readonly ExecutionResult[]): Promise<CancelledExecutions> {
  const { clock, logger, audit } = deps;
  const out: CancelledExecutions = {
    reason: cancelReasonOf(deps.signal) ?? 'cancelled',
    stopped: [],
    stopFailed: [],
    stillRunning: []
  };
  const ssmRuns = running.filter(r => r.target.route === 'ssm' && r.executionId !== undefined);
  const bound = AbortSignal.timeout(STOP_ON_CANCEL_MS);
  await Promise.all(
    ssmRuns.map(async r => {
      try {
        const ssm = await deps.ssm();
        // https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StopAutomationExecution.html
        await ssm.send(new StopAutomationExecutionCommand({ AutomationExecutionId: r.executionId, Type: 'Cancel' }), {
          abortSignal: bound
        });
        r.message = 'cancelled: stopped (StopAutomationExecution)';
        out.stopped.push(r);
      } catch (err) {
        const e = toAwsCallError('ssm:StopAutomationExecution', err);
        r.message = `cancelled, but could not stop it (it may still be running): ${shortMessage(e.message)}`;
        logger.warn(sanitizeForLog(`Could not stop ${r.executionId ?? ''}: ${e.message}`));
        out.stopFailed.push(r);
      }
    })
  );
  for (const r of running) {
    if (!ssmRuns.includes(r)) {
      r.message =
        r.target.route === 'config'
          ? 'cancelled, still running: AWS Config has no API to stop a remediation execution; it may still change the resource'
          : 'cancelled: state unknown (no execution id)';
      out.stillRunning.push(r);
    }
    r.status = 'cancelled';
    r.finishedAt = clock.now().toISOString();
    logger.warn(sanitizeForLog(`Remediation ${describeTarget(r.target)}: ${r.message ?? 'cancelled'}`));
    await audit.record({
      event: 'execution-finished',
      ...targetFields(r.target),
      ...(r.executionId ? { executionId: r.executionId } : {}),
      status: 'cancelled',
      ...(r.message ? { message: r.message } : {}),
      complianceBefore: 'NON_COMPLIANT',
      details: { startedAt: r.startedAt, finishedAt: r.finishedAt }
    });
  }
  return out;
}

async function startWave(
  deps: ExecuteDeps,
  wave: readonly PlannedTarget[],
  options: ExecuteOptions,
  results: Map<PlannedTarget, ExecutionResult>
): Promise<Running[]> {
  const running: Running[] = [];
  const configTargets = wave.filter(p => p.target.route === 'config');
  const ssmTargets = wave.filter(p => p.target.route === 'ssm');
  for (const p of ssmTargets) {
    if (deps.signal?.aborted) return running;
    const r = await startSsm(deps, p, options);
    results.set(p, r.result);
    if (r.running) running.push(r.running);
  }
  for (const batch of chunk(configTargets, RESOURCE_KEYS_PER_CALL)) {
    if (deps.signal?.aborted) return running;
    for (const r of await startConfig(deps, batch)) {
      results.set(r.planned, r.result);
      if (r.result.status !== 'failed') running.push(r);
    }
  }
  return running;
}

async function startSsm(
  deps: ExecuteDeps,
  p: PlannedTarget,
  options: ExecuteOptions
): Promise<{ result: ExecutionResult; running?: Running }> {
  const { clock, logger, audit } = deps;
  const t = p.target;
  const now = clock.now();
  const result: ExecutionResult = { target: t, status: 'failed', startedAt: now.toISOString() };
  try {
    const ssm = await deps.ssm();
    const out = await ssm.send(
      new StartAutomationExecutionCommand({
        DocumentName: t.runbook.name,
        ...(p.documentVersion ? { DocumentVersion: p.documentVersion } : {}),
        ...(Object.keys(p.executionParameters).length > 0 ? { Parameters: p.executionParameters } : {}),
        ClientToken: idempotencyToken(
          options.planHash,
          options.runId,
          options.runAttempt,
          t.rule,
          t.resourceType,
          t.resourceId
        ),
        Tags: [{ ...MANAGED_TAG }]
      })
    );
    if (!out.AutomationExecutionId) throw new Error('StartAutomationExecution returned no AutomationExecutionId');
    result.executionId = out.AutomationExecutionId;
  } catch (err) {
    const e = toAwsCallError('ssm:StartAutomationExecution', err);
    result.message = shortMessage(e.message);
    logger.warn(sanitizeForLog(`Remediation of ${describeTarget(t)} did not start: ${result.message}`));
    await audit.record({
      event: 'execution-started',
      ...targetFields(t),
      status: 'start-failed',
      message: result.message
    });
    return { result };
  }
  logger.info(
    sanitizeForLog(`Started ${t.runbook.name} v${t.runbook.version} for ${describeTarget(t)}: ${result.executionId}`)
  );
  await audit.record({
    event: 'execution-started',
    ...targetFields(t),
    executionId: result.executionId,
    status: 'started',
    complianceBefore: 'NON_COMPLIANT'
  });
  result.status = 'running';
  return { result, running: { planned: p, result, startedAtMs: now.getTime() } };
}

async function startConfig(deps: ExecuteDeps, batch: readonly PlannedTarget[]): Promise<Running[]> {
  const { clock, logger, audit } = deps;
  const rule = batch[0]?.target.rule ?? '';
  const now = clock.now();
  const out: Running[] = batch.map(p => ({
    planned: p,
    result: { target: p.target, status: 'running', startedAt: now.toISOString() },
    startedAtMs: now.getTime()
  }));
  let failedKeys = new Set<string>();
  let failureMessage = '';
  try {
    const config = await deps.config();
    const res = await config.send(
      new StartRemediationExecutionCommand({
        ConfigRuleName: rule,
        ResourceKeys: batch.map(p => ({
          resourceType: p.target.resourceType as ResourceType,
          resourceId: p.target.resourceId
        }))
      })
    );
    failedKeys = new Set((res.FailedItems ?? []).map(k => `${k.resourceType ?? ''}\u0000${k.resourceId ?? ''}`));
    failureMessage = `config:StartRemediationExecution did not start it: ${res.FailureMessage ?? 'no message'}`;
  } catch (err) {
    const e = toAwsCallError('config:StartRemediationExecution', err);
    failureMessage = e.message;
    failedKeys = new Set(batch.map(p => `${p.target.resourceType}\u0000${p.target.resourceId}`));
  }
  for (const r of out) {
    const t = r.planned.target;
    if (failedKeys.has(`${t.resourceType}\u0000${t.resourceId}`)) {
      r.result.status = 'failed';
      r.result.message = shortMessage(failureMessage);
      logger.warn(sanitizeForLog(`Remediation of ${describeTarget(t)} did not start: ${r.result.message}`));
      await audit.record({
        event: 'execution-started',
        ...targetFields(t),
        status: 'start-failed',
        message: r.result.message
      });
    } else {
      logger.info(sanitizeForLog(`Started Config remediation (${t.runbook.name}) for ${describeTarget(t)}.`));
      await audit.record({
        event: 'execution-started',
        ...targetFields(t),
        status: 'started',
        complianceBefore: 'NON_COMPLIANT'
      });
    }
  }
  return out;
}

async function pollWave(
  deps: ExecuteDeps,
  running: readonly Running[],
  deadline: Date,
  options: ExecuteOptions
): Promise<void> {
  const { clock, logger } = deps;
  let pending = [...running];
  let interval = FIRST_POLL_MS;
  while (pending.length > 0) {
    if (deps.signal?.aborted) return; // left running: executeTargets stops them
    const left = deadline.getTime() - clock.now().getTime();
    if (left <= 0) break;
    await sleepUnlessCancelled(clock, Math.min(interval, left), deps.signal);
    if (deps.signal?.aborted) return;
    interval = Math.min(interval * 2, MAX_POLL_MS);
    try {
      await pollSsm(
        deps,
        pending.filter(r => r.planned.target.route === 'ssm')
      );
      await pollConfig(
        deps,
        pending.filter(r => r.planned.target.route === 'config')
      );
    } finally {
      // Even when a poll fails, what finished before it is recorded.
      for (const r of pending.filter(x => x.result.finishedAt !== undefined)) await recordFinished(deps, r);
    }
    pending = pending.filter(r => r.result.finishedAt === undefined);
  }
  for (const r of pending) {
    r.result.status = 'timed-out';
    r.result.finishedAt = clock.now().toISOString();
    r.result.message = `still running after remediation-timeout (${options.timeoutSeconds}s)`;
    if (r.planned.target.route === 'ssm' && r.result.executionId) {
      try {
        const ssm = await deps.ssm();
        await ssm.send(
          new StopAutomationExecutionCommand({ AutomationExecutionId: r.result.executionId, Type: 'Cancel' })
        );
        r.result.message += '; stopped (StopAutomationExecution)';
      } catch (err) {
        const e = toAwsCallError('ssm:StopAutomationExecution', err);
        r.result.message += `; could not stop it: ${shortMessage(e.message)}`;
        logger.warn(sanitizeForLog(`Could not stop ${r.result.executionId}: ${e.message}`));
      }
    } else if (r.planned.target.route === 'config') {
      r.result.message += '; AWS Config has no API to stop a remediation execution, it may still finish';
    }
    await recordFinished(deps, r);
  }
}

async function recordFinished(deps: ExecuteDeps, r: Running): Promise<void> {
  const t = r.planned.target;
  const res = r.result;
  const line = `${describeTarget(t)}: ${res.status}${res.failedStep ? ` at step ${res.failedStep}` : ''}${res.message ? ` (${res.message})` : ''}`;
  if (res.status === 'succeeded') deps.logger.info(sanitizeForLog(`Remediation ${line}`));
  else deps.logger.warn(sanitizeForLog(`Remediation ${line}`));
  await deps.audit.record({
    event: 'execution-finished',
    ...targetFields(t),
    ...(res.executionId ? { executionId: res.executionId } : {}),
    status: res.status,
    ...(res.failedStep ? { failedStep: res.failedStep } : {}),
    ...(res.message ? { message: res.message } : {}),
    complianceBefore: 'NON_COMPLIANT',
    details: { startedAt: res.startedAt, finishedAt: res.finishedAt }
  });
}

async function pollSsm(deps: ExecuteDeps, pending: readonly Running[]): Promise<void> {
  if (pending.length === 0) return;
  const ssm = await deps.ssm();
  for (const r of pending) {
    let out;
    try {
      out = await ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: r.result.executionId }));
    } catch (err) {
      throw toAwsCallError('ssm:GetAutomationExecution', err);
    }
    const e = out.AutomationExecution;
    const final = e ? ssmFinalState(e) : undefined;
    if (!final) continue;
    Object.assign(r.result, final);
    if (r.result.message !== undefined) r.result.message = shortMessage(r.result.message);
    r.result.finishedAt ??= deps.clock.now().toISOString();
  }
}

async function pollConfig(deps: ExecuteDeps, pending: readonly Running[]): Promise<void> {
  if (pending.length === 0) return;
  const config = await deps.config();
  const byRule = new Map<string, Running[]>();
  for (const r of pending) {
    const list = byRule.get(r.planned.target.rule) ?? [];
    list.push(r);
    byRule.set(r.planned.target.rule, list);
  }
  for (const [rule, list] of byRule) {
    for (const batch of chunk(list, RESOURCE_KEYS_PER_CALL)) {
      const byKey = new Map(
        batch.map(r => [`${r.planned.target.resourceType}\u0000${r.planned.target.resourceId}`, r])
      );
      try {
        for await (const page of paginateDescribeRemediationExecutionStatus(
          { client: config },
          {
            ConfigRuleName: rule,
            ResourceKeys: batch.map(r => ({
              resourceType: r.planned.target.resourceType as ResourceType,
              resourceId: r.planned.target.resourceId
            }))
          }
        )) {
          for (const s of page.RemediationExecutionStatuses ?? []) {
            const r = byKey.get(`${s.ResourceKey?.resourceType ?? ''}\u0000${s.ResourceKey?.resourceId ?? ''}`);
            if (!r) continue;
            // An earlier execution's status: ours has not been picked up yet.
            if (s.InvocationTime && s.InvocationTime.getTime() < r.startedAtMs - INVOCATION_SKEW_MS) continue;
            const final = configFinalState(s);
            if (!final) continue;
            Object.assign(r.result, final);
            if (r.result.message !== undefined) r.result.message = shortMessage(r.result.message);
            r.result.finishedAt ??= deps.clock.now().toISOString();
          }
        }
      } catch (err) {
        throw toAwsCallError('config:DescribeRemediationExecutionStatus', err);
      }
    }
  }
}
