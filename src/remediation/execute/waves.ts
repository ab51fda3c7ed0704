/**
 * Runs the planned targets, in waves, with limits, each through its route (route.ts): AWS Config (config.ts) or
 * SSM Automation directly (ssm.ts).
 *
 * Waves: the targets of one rule start together in waves of the binding's concurrency percent (at least 1). After
 * each wave the executions are polled (every 2 s, growing to 15 s, on the injected clock) until they reach a final
 * state. No new wave starts once failures reach `errorPercent` of the executions started (oversight.ts), or once the
 * run's deadline (`timeoutSeconds` from the first start) has passed. Executions still running at the deadline are
 * `timed-out`; those of a route that can stop them are stopped.
 *
 * A start that AWS refuses is a failed target (it counts towards the error threshold). Any other AWS error (while
 * polling) stops the run: what is known is returned with the error.
 *
 * Cancellation (deps.signal aborts): nothing new starts (checked before each start call and each wave), polling
 * stops, every execution this run started and that is still running is stopped where the route can (all at once,
 * bounded by STOP_ON_CANCEL_MS), and those are `cancelled`. Those of a route that cannot stop them (AWS Config) are
 * `cancelled` too, with a message saying they may still be running. What cancellation did is returned as data
 * (CancelledExecutions).
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { AwsCallError } from '../../errors.js';
import type { Logger } from '../../logging.js';
import { cancelReasonOf, sleepUnlessCancelled } from '../../util/cancellation.js';
import type { Clock } from '../../util/clock.js';
import { chunk } from '../../util/concurrency.js';
import { sanitizeForLog } from '../../util/text.js';
import { targetFields, type AuditLog } from '../audit.js';
import { shortMessage } from '../mask.js';
import { thresholdReached } from '../oversight.js';
import { describeTarget, type PlannedTarget } from '../plan.js';
import { configRoute } from './config.js';
import type { ExecutionResult, ExecutionRoute, Running } from './route.js';
import { ssmRoute } from './ssm.js';

const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 15_000;

/**
 * Bound on the stop calls made when the run is cancelled (all at once), so the action still exits within the 5 s it
 * promises and before the runner's SIGTERM (7.5 s after SIGINT).
 */
const STOP_ON_CANCEL_MS = 2_500;

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
  /** Aborts on cancellation: nothing new starts, running executions are stopped where AWS can. */
  signal?: AbortSignal;
}

/** What cancellation did to the executions that were still running. */
export interface CancelledExecutions {
  /** Why (the signal's name). */
  reason: string;
  /** Executions stopped (SSM: StopAutomationExecution accepted). */
  stopped: ExecutionResult[];
  /** Executions that could not be stopped (the error is in the message). */
  stopFailed: ExecutionResult[];
  /** Executions no API can stop (Config route), or without an execution id. */
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

/** The routes, in the order a wave starts them: SSM targets one by one, then Config targets in batches. */
function routesOf(deps: ExecuteDeps, options: ExecuteOptions): ExecutionRoute[] {
  const { clock, logger, audit } = deps;
  return [
    ssmRoute({ clock, logger, audit, ssm: deps.ssm }, options),
    configRoute({ clock, logger, audit, config: deps.config })
  ];
}

function routeOf(routes: readonly ExecutionRoute[], r: ExecutionResult): ExecutionRoute {
  const route = routes.find(x => x.route === r.target.route);
  if (!route) throw new Error(`no execution route ${r.target.route}`);
  return route;
}

export async function executeTargets(
  deps: ExecuteDeps,
  planned: readonly PlannedTarget[],
  options: ExecuteOptions
): Promise<ExecuteOutcome> {
  const { clock, logger, audit } = deps;
  const routes = routesOf(deps, options);
  const deadline = new Date(clock.now().getTime() + options.timeoutSeconds * 1000);
  const results = new Map<PlannedTarget, ExecutionResult>();
  let started = 0;
  let failures = 0;
  let stop: string | undefined;
  let error: AwsCallError | undefined;

  const cancelledStop = (): string => `not started: the run was cancelled (${cancelReasonOf(deps.signal) ?? ''})`;

  for (const wave of waves(planned)) {
    if (stop === undefined && deps.signal?.aborted) stop = cancelledStop();
    if (stop === undefined && clock.now() >= deadline) {
      stop = `not started: remediation-timeout (${options.timeoutSeconds}s) reached`;
    }
    // No audit, no action: once the audit trail cannot be written, nothing new starts.
    const trailFailure = audit.remoteFailure();
    if (stop === undefined && trailFailure !== undefined) stop = `not started: ${trailFailure}`;
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
      const running = await startWave(routes, wave, results, deps.signal);
      started += wave.filter(p => results.has(p)).length;
      failures += wave.filter(p => results.get(p)?.status === 'failed').length;
      await pollWave(deps, routes, running, deadline, options);
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
      routes,
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
 * On cancellation: stops the executions still running where their route can (all at once, bounded by
 * STOP_ON_CANCEL_MS) and marks every running execution `cancelled`, each with an execution-finished audit record.
 */
async function cancelRunning(
  deps: ExecuteDeps,
  routes: readonly ExecutionRoute[],
  running: readonly ExecutionResult[]
): Promise<CancelledExecutions> {
  const { clock, logger, audit } = deps;
  const out: CancelledExecutions = {
    reason: cancelReasonOf(deps.signal) ?? 'cancelled',
    stopped: [],
    stopFailed: [],
    stillRunning: []
  };
  const stoppable = running.filter(r => routeOf(routes, r).stop !== undefined && r.executionId !== undefined);
  const bound = AbortSignal.timeout(STOP_ON_CANCEL_MS);
  await Promise.all(
    stoppable.map(async r => {
      const stop = routeOf(routes, r).stop;
      try {
        await stop?.call(r, bound);
        r.message = `cancelled: stopped (${stop?.api ?? ''})`;
        out.stopped.push(r);
      } catch (err) {
        const message = (err as Error).message;
        r.message = `cancelled, but could not stop it (it may still be running): ${shortMessage(message)}`;
        logger.warn(sanitizeForLog(`Could not stop ${r.executionId ?? ''}: ${message}`));
        out.stopFailed.push(r);
      }
    })
  );
  for (const r of running) {
    if (!stoppable.includes(r)) {
      r.message = routeOf(routes, r).leftRunning?.cancelled ?? 'cancelled: state unknown (no execution id)';
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

/** Starts a wave, route by route, a batch at a time; stops starting on cancellation. */
async function startWave(
  routes: readonly ExecutionRoute[],
  wave: readonly PlannedTarget[],
  results: Map<PlannedTarget, ExecutionResult>,
  signal: AbortSignal | undefined
): Promise<Running[]> {
  const running: Running[] = [];
  for (const route of routes) {
    for (const batch of chunk(
      wave.filter(p => p.target.route === route.route),
      route.batchSize
    )) {
      if (signal?.aborted) return running;
      for (const r of await route.start(batch)) {
        results.set(r.planned, r.result);
        if (r.result.status === 'running') running.push(r);
      }
    }
  }
  return running;
}

async function pollWave(
  deps: ExecuteDeps,
  routes: readonly ExecutionRoute[],
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
      for (const route of routes) await route.poll(pending.filter(r => r.planned.target.route === route.route));
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
    const route = routeOf(routes, r.result);
    if (route.stop && r.result.executionId) {
      try {
        await route.stop.call(r.result);
        r.result.message += `; stopped (${route.stop.api})`;
      } catch (err) {
        const message = (err as Error).message;
        r.result.message += `; could not stop it: ${shortMessage(message)}`;
        logger.warn(sanitizeForLog(`Could not stop ${r.result.executionId}: ${message}`));
      }
    } else if (route.leftRunning) {
      r.result.message += route.leftRunning.timedOut;
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
