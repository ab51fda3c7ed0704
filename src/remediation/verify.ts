/**
 * After a runbook ran, is the resource compliant?
 *
 * A runbook whose steps change nothing (it only publishes or reads, runbooks/effects.ts) is not waited on: its
 * outcome is `alerted` (it ran; the finding stays open).
 *
 * Recorder lag: a change-triggered rule judges the configuration item AWS Config recorded, which the recorder writes
 * some time after the change, and StartConfigRulesEvaluation "re-runs an evaluation against the last known state of
 * your resources" without recording anew (AWS Config API Reference, StartConfigRulesEvaluation). So for such a rule
 * the resource's configuration history is polled first (GetResourceConfigHistory, earlierTime = the end of the
 * execution) until an item captured at or after that end exists; only then is the rule evaluated. Account-level
 * resources (AWS::::Account) are not recorded (no configuration item type exists for them; the managed rules that
 * judge them are periodic): there is nothing to wait for, so their rules are evaluated at once. Periodic rules
 * (compliance/recorder.ts isPeriodicOnly, from DescribeConfigRules) read the account when they run and are evaluated
 * at once. All waits end at the deadline (remediation-timeout); past it the outcome is `succeeded-unverified` with
 * the reason.
 *
 * Each rule with a successful execution is re-evaluated (StartConfigRulesEvaluation). When AWS answers LimitExceededException (the rule was started less than a minute
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
  type ConfigRule,
  type ConfigRuleEvaluationStatus,
  type ConfigServiceClient,
  DescribeConfigRuleEvaluationStatusCommand,
  DescribeConfigRulesCommand,
  GetResourceConfigHistoryCommand,
  paginateGetComplianceDetailsByResource,
  type ResourceType,
  StartConfigRulesEvaluationCommand
} from '@aws-sdk/client-config-service';
import { isPeriodicOnly } from '../compliance/recorder.js';
import { cancelReasonOf, sleepUnlessCancelled } from '../util/cancellation.js';
import { awsErrorCode } from '../aws/clients.js';
import { AwsCallError } from '../errors.js';
import type { Logger } from '../logging.js';
import { sanitizeForLog } from '../util/text.js';
import type { Clock } from '../util/clock.js';
import { targetFields, type AuditLog } from './audit.js';
import type { ExecutionResult } from './execute/route.js';
import { describeTarget, type PlanTarget } from './plan.js';

export type OutcomeStatus =
  'verified' | 'succeeded-unverified' | 'alerted' | 'failed' | 'timed-out' | 'skipped' | 'cancelled';

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
  /** Whether the named document only alerts (its steps change nothing). Absent: every runbook may change things. */
  alertOnly?: (documentName: string) => boolean;
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

/** Resource types AWS Config does not record: no configuration item will show a change of them. */
const UNRECORDED_TYPES: ReadonlySet<string> = new Set(['AWS::::Account']);

/** A resource whose new configuration item is awaited before its rule is evaluated. */
interface ItemWait {
  target: PlanTarget;
  /** The execution's end (ms): the item must be captured at or after it. */
  since: number;
}

interface RuleWait {
  rule: string;
  /** Accept evaluations that began at or after this time (ms). */
  after: number;
  /** Change-triggered rule: resources whose configuration item has not been recorded yet (evaluate once empty). */
  items: ItemWait[];
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
  const ran = outcomes.filter(o => o.status === 'succeeded-unverified');
  const alerted = ran.filter(o => deps.alertOnly?.(o.target.runbook.name) === true);
  for (const o of alerted) {
    o.status = 'alerted';
    o.message = `runbook ${o.target.runbook.name} only alerts (its steps change nothing): the finding stays open`;
    deps.logger.info(sanitizeForLog(`Verification of ${describeTarget(o.target)}: alerted (${o.message})`));
    await deps.audit.record({
      event: 'verified',
      ...targetFields(o.target),
      ...(o.executionId ? { executionId: o.executionId } : {}),
      status: o.status,
      complianceBefore: o.complianceBefore,
      verification: 'not awaited: the runbook only alerts',
      message: o.message
    });
  }
  const succeeded = ran.filter(o => o.status === 'succeeded-unverified');
  if (succeeded.length === 0) return { outcomes };
  let error: AwsCallError | undefined;
  try {
    const periodic = await periodicRules(deps, [...new Set(succeeded.map(o => o.target.rule))]);
    const waits = new Map<string, RuleWait>();
    for (const o of succeeded) {
      const end = Date.parse(o.finishedAt ?? '') || deps.clock.now().getTime();
      const rule = o.target.rule;
      const w = waits.get(rule) ?? { rule, after: end, items: [], startAt: 0, done: false };
      waits.set(rule, w);
      w.after = Math.max(w.after, end);
      if (periodic.has(rule)) continue;
      if (UNRECORDED_TYPES.has(o.target.resourceType)) {
        deps.logger.info(
          sanitizeForLog(
            `${describeTarget(o.target)}: AWS Config records no configuration item for ${o.target.resourceType}; evaluating ${rule} without waiting for one.`
          )
        );
        continue;
      }
      w.items.push({ target: o.target, since: end });
      w.startAt = undefined;
    }
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

/** Rules that are periodic only (evaluated at once); a rule DescribeConfigRules does not return is not (fail closed). */
async function periodicRules(deps: VerifyDeps, names: readonly string[]): Promise<Set<string>> {
  const config = await deps.config();
  const out = new Set<string>();
  for (let i = 0; i < names.length; i += 25) {
    const chunk = names.slice(i, i + 25);
    let rules: ConfigRule[] = [];
    try {
      rules = (await config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: chunk }))).ConfigRules ?? [];
    } catch (err) {
      // One of the rules is gone: read them one by one, so the others keep their trigger.
      if (awsErrorCode(err) !== 'NoSuchConfigRuleException') throw err;
      for (const name of chunk) {
        try {
          rules.push(
            ...((await config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: [name] }))).ConfigRules ?? [])
          );
        } catch (e) {
          if (awsErrorCode(e) !== 'NoSuchConfigRuleException') throw e;
        }
      }
    }
    for (const r of rules) if (r.ConfigRuleName !== undefined && isPeriodicOnly(r)) out.add(r.ConfigRuleName);
  }
  return out;
}

/**
 * Removes from `w.items` the resources that have a configuration item captured at or after their execution's end
 * (GetResourceConfigHistory, earlierTime = that end, newest first); the rule may then be evaluated.
 */
async function checkRecorded(config: ConfigServiceClient, w: RuleWait): Promise<void> {
  const left: ItemWait[] = [];
  for (const item of w.items) {
    let captured: number | undefined;
    try {
      const out = await config.send(
        new GetResourceConfigHistoryCommand({
          resourceType: item.target.resourceType as ResourceType,
          resourceId: item.target.resourceId,
          earlierTime: new Date(item.since),
          limit: 1
        })
      );
      captured = out.configurationItems?.[0]?.configurationItemCaptureTime?.getTime();
    } catch (err) {
      // Not recorded yet (a resource the recorder has not discovered): keep waiting.
      if (awsErrorCode(err) !== 'ResourceNotDiscoveredException') throw err;
    }
    if (captured !== undefined && captured >= item.since) w.after = Math.max(w.after, captured);
    else left.push(item);
  }
  w.items = left;
}

async function awaitEvaluations(deps: VerifyDeps, waits: RuleWait[], options: VerifyOptions): Promise<void> {
  const { clock, logger } = deps;
  const config = await deps.config();
  let interval = FIRST_POLL_MS;
  const awaiting = waits.filter(w => w.items.length > 0);
  if (awaiting.length > 0) {
    logger.info(
      `Waiting for AWS Config to record the changed resources of ${awaiting.map(w => w.rule).join(', ')} (recorder lag; bounded by remediation-timeout, until ${options.deadline.toISOString()}).`
    );
  }
  for (;;) {
    if (deps.signal?.aborted) {
      for (const w of waits.filter(x => !x.done)) {
        w.done = true;
        w.problem = `not verified: the run was cancelled (${cancelReasonOf(deps.signal) ?? ''})`;
      }
      return;
    }
    for (const w of waits) {
      if (w.done || w.items.length === 0) continue;
      await checkRecorded(config, w);
      if (w.items.length === 0) w.startAt = 0;
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
    const open = waits.filter(w => !w.done && w.items.length === 0);
    const statuses: ConfigRuleEvaluationStatus[] =
      open.length === 0
        ? []
        : ((
            await config.send(new DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: open.map(w => w.rule) }))
          ).ConfigRulesEvaluationStatus ?? []);
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
        w.problem =
          w.items.length > 0
            ? `not verified: AWS Config recorded no configuration item of ${w.items.map(i => `${i.target.resourceType} ${i.target.resourceId}`).join(', ')} after the runbook ended before remediation-timeout (recorder lag)`
            : 'not verified: the rule was not re-evaluated before remediation-timeout';
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
