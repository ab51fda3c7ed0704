/**
 * After a runbook ran, is the resource compliant? Each rule with a successful execution is re-evaluated
 * (StartConfigRulesEvaluation). When AWS answers LimitExceededException (the rule was started less than a minute
 * ago) the running evaluation is awaited instead, and the rule is started again once the minute has passed if that
 * evaluation began before the fix. An evaluation counts once it began and succeeded after the last execution of the
 * rule finished (DescribeConfigRuleEvaluationStatus); then each resource's result is read
 * (GetComplianceDetailsByResource).
 *
 * Outcome per target: `verified` (COMPLIANT), `succeeded-unverified` (the runbook ran but the resource is not
 * reported compliant, or the evaluation did not finish in time); failed, timed-out and skipped executions keep
 * their state.
 */
import {
  type ConfigRuleEvaluationStatus,
  type ConfigServiceClient,
  DescribeConfigRuleEvaluationStatusCommand,
  paginateGetComplianceDetailsByResource,
  StartConfigRulesEvaluationCommand
} from '@aws-sdk/client-config-service';
import { cancelReasonOf, sleepUnlessCancelled } from '../util/cancellation.js';
import { awsErrorCode } from '../aws/clients.js';
import { AwsCallError } from '../errors.js';
import type { Logger } from '../logging.js';
import { sanitizeForLog } from '../util/text.js';
import type { Clock } from '../util/clock.js';
import { targetFields, type AuditLog } from './audit.js';
import type { ExecutionResult } from './execute/route.js';
import { describeTarget, type PlanTarget } from './plan.js';

export type OutcomeStatus = 'verified' | 'succeeded-unverified' | 'failed' | 'timed-out' | 'skipped' | 'cancelled';

export interface TargetOutcome {
  target: PlanTarget;
  status: OutcomeStatus;
  executionId?: string;
  startedAt?: string;
  finishedAt?: string;
  failedStep?: string;
  /** Failure message, skip reason, or why a succeeded execution is not verified. */
  message?: string;
  complianceBefore: string;
  /** Compliance read after the re-evaluation (verified / succeeded-unverified). */
  complianceAfter?: string;
}

export interface VerifyDeps {
  config: () => Promise<ConfigServiceClient>;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  /** Aborts on cancellation: no evaluation is started or awaited any more; the rest stays unverified. */
  signal?: AbortSignal;
}

export interface VerifyOptions {
  /** Give up waiting for evaluations at this time. */
  deadline: Date;
}

/** Start evaluations again at most this often (AWS allows one per rule per minute). */
const START_INTERVAL_MS = 60_000;
const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 15_000;

/** Has the rule been evaluated, successfully, by an evaluation that began at or after `after`? */
export function evaluatedSince(st: ConfigRuleEvaluationStatus | undefined, after: number): boolean {
  const evaluated = st?.LastSuccessfulEvaluationTime?.getTime();
  if (evaluated === undefined || evaluated < after) return false;
  const invoked = st?.LastSuccessfulInvocationTime?.getTime();
  return invoked === undefined || invoked >= after;
}

/** A failed evaluation after `after` (and after the last success): its message. */
export function failedSince(st: ConfigRuleEvaluationStatus | undefined, after: number): string | undefined {
  const failed = st?.LastFailedEvaluationTime?.getTime();
  if (failed === undefined || failed < after) return undefined;
  if ((st?.LastSuccessfulEvaluationTime?.getTime() ?? 0) > failed) return undefined;
  return `the re-evaluation failed: ${st?.LastErrorCode ?? 'error'}: ${st?.LastErrorMessage ?? 'no message'}`;
}

interface RuleWait {
  rule: string;
  /** Accept evaluations that began at or after this time (ms). */
  after: number;
  /** When to try StartConfigRulesEvaluation next (ms); undefined once started. */
  startAt: number | undefined;
  done: boolean;
  /** Why the rule cannot be verified (evaluation failed, timed out). */
  problem?: string;
}

/** Re-evaluates the rules of succeeded executions and turns execution results into outcomes. */
export async function verifyResults(
  deps: VerifyDeps,
  results: readonly ExecutionResult[],
  options: VerifyOptions
): Promise<{ outcomes: TargetOutcome[]; error?: AwsCallError }> {
  const outcomes: TargetOutcome[] = results.map(r => toOutcome(r));
  const succeeded = outcomes.filter(o => o.status === 'succeeded-unverified');
  if (succeeded.length === 0) return { outcomes };
  const waits = new Map<string, RuleWait>();
  for (const o of succeeded) {
    const end = Date.parse(o.finishedAt ?? '') || deps.clock.now().getTime();
    const w = waits.get(o.target.rule);
    if (w) w.after = Math.max(w.after, end);
    else waits.set(o.target.rule, { rule: o.target.rule, after: end, startAt: 0, done: false });
  }
  let error: AwsCallError | undefined;
  try {
    await awaitEvaluations(deps, [...waits.values()], options);
    for (const o of succeeded) {
      const w = waits.get(o.target.rule);
      if (w?.problem !== undefined) o.message = w.problem;
      else o.complianceAfter = await complianceOf(deps, o.target);
      if (o.complianceAfter === 'COMPLIANT') {
        o.status = 'verified';
      } else if (o.complianceAfter !== undefined) {
        o.message =
          o.complianceAfter === 'NON_COMPLIANT'
            ? 'the runbook ran, but the resource is still non-compliant after re-evaluation'
            : `the runbook ran; after re-evaluation the resource is ${o.complianceAfter}`;
      }
      deps.logger.info(
        sanitizeForLog(`Verification of ${describeTarget(o.target)}: ${o.status}${o.message ? ` (${o.message})` : ''}`)
      );
      await deps.audit.record({
        event: 'verified',
        ...targetFields(o.target),
        ...(o.executionId ? { executionId: o.executionId } : {}),
        status: o.status,
        complianceBefore: o.complianceBefore,
        ...(o.complianceAfter ? { complianceAfter: o.complianceAfter } : {}),
        verification: o.status === 'verified' ? 'compliant after re-evaluation' : (o.message ?? 'not verified'),
        ...(o.message ? { message: o.message } : {})
      });
    }
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
    error = err;
    for (const o of succeeded) {
      if (o.status === 'succeeded-unverified' && o.complianceAfter === undefined && o.message === undefined) {
        o.message = `not verified: ${err.message}`;
      }
    }
  }
  return error ? { outcomes, error } : { outcomes };
}

function toOutcome(r: ExecutionResult): TargetOutcome {
  const status: OutcomeStatus =
    r.status === 'succeeded' ? 'succeeded-unverified' : r.status === 'running' ? 'failed' : r.status;
  const o: TargetOutcome = { target: r.target, status, complianceBefore: 'NON_COMPLIANT' };
  if (r.executionId !== undefined) o.executionId = r.executionId;
  if (r.startedAt !== undefined) o.startedAt = r.startedAt;
  if (r.finishedAt !== undefined) o.finishedAt = r.finishedAt;
  if (r.failedStep !== undefined) o.failedStep = r.failedStep;
  if (r.message !== undefined) o.message = r.message;
  else if (r.status === 'running') o.message = 'state unknown';
  return o;
}

async function awaitEvaluations(deps: VerifyDeps, waits: RuleWait[], options: VerifyOptions): Promise<void> {
  const { clock, logger } = deps;
  const config = await deps.config();
  let interval = FIRST_POLL_MS;
  for (;;) {
    if (deps.signal?.aborted) {
      for (const w of waits.filter(x => !x.done)) {
        w.done = true;
        w.problem = `not verified: the run was cancelled (${cancelReasonOf(deps.signal) ?? ''})`;
      }
      return;
    }
    const now = clock.now().getTime();
    for (const w of waits) {
      if (w.done || w.startAt === undefined || now < w.startAt) continue;
      try {
        await config.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: [w.rule] }));
        w.startAt = undefined;
      } catch (err) {
        if (awsErrorCode(err) !== 'LimitExceededException') throw err;
        logger.info(`${w.rule}: an evaluation started less than a minute ago; waiting for it.`);
        w.startAt = now + START_INTERVAL_MS;
      }
    }
    const open = waits.filter(w => !w.done);
    const out = await config.send(
      new DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: open.map(w => w.rule) })
    );
    const statuses: ConfigRuleEvaluationStatus[] = out.ConfigRulesEvaluationStatus ?? [];
    const byName = new Map(statuses.map(s => [s.ConfigRuleName, s]));
    for (const w of open) {
      const st = byName.get(w.rule);
      if (evaluatedSince(st, w.after)) {
        w.done = true;
        continue;
      }
      const failed = failedSince(st, w.after);
      if (failed !== undefined) {
        w.done = true;
        w.problem = failed;
      }
    }
    const remaining = waits.filter(w => !w.done);
    if (remaining.length === 0) return;
    const left = options.deadline.getTime() - clock.now().getTime();
    if (left <= 0) {
      for (const w of remaining) {
        w.done = true;
        w.problem = 'not verified: the rule was not re-evaluated before remediation-timeout';
      }
      return;
    }
    await sleepUnlessCancelled(clock, Math.min(interval, left), deps.signal);
    interval = Math.min(interval * 2, MAX_POLL_MS);
  }
}

async function complianceOf(deps: VerifyDeps, t: PlanTarget): Promise<string> {
  const config = await deps.config();
  for await (const page of paginateGetComplianceDetailsByResource(
    { client: config },
    { ResourceType: t.resourceType, ResourceId: t.resourceId }
  )) {
    for (const r of page.EvaluationResults ?? []) {
      if (r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName === t.rule) {
        return r.ComplianceType ?? 'INSUFFICIENT_DATA';
      }
    }
  }
  return 'NO_RESULT';
}
