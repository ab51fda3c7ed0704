/**
 * What a cancelled run did, as data: which executions were stopped, which could not be stopped, which may still be
 * running (AWS Config has no API to stop a remediation execution), which had finished and which never started. Pure:
 * the outcomes and what the executor reported (execute/waves.ts CancelledExecutions) in, the message and the audit
 * record out.
 */
import type { AuditEntry } from './audit.js';
import type { CancelledExecutions } from './execute/waves.js';
import { describeTarget, type PlanTarget } from './plan.js';
import type { TargetOutcome } from './verify.js';

interface CancelledItem {
  rule: string;
  resourceType: string;
  resourceId: string;
  executionId?: string;
  status: string;
  route: string;
}

function cancelledItem(o: { target: PlanTarget; executionId?: string; status: string }): CancelledItem {
  const t = o.target;
  return {
    rule: t.rule,
    resourceType: t.resourceType,
    resourceId: t.resourceId,
    ...(o.executionId ? { executionId: o.executionId } : {}),
    status: o.status,
    route: t.route
  };
}

function listOf(items: readonly CancelledItem[]): string {
  const shown = items
    .slice(0, 10)
    .map(i => `${describeTarget(i)}${i.executionId ? ` (${i.executionId})` : ''}`)
    .join(', ');
  return items.length > 10 ? `${shown}, ... (${items.length - 10} more)` : shown;
}

export interface Cancellation {
  /** The signal's name. */
  reason: string;
  /** One paragraph: what was stopped, what may still run, what had finished, how many never started. */
  message: string;
  /** The `cancelled` audit record. */
  record: AuditEntry;
}

/** The description of a cancellation, and its audit record. */
export function describeCancellation(
  reason: string,
  outcomes: readonly TargetOutcome[],
  executions: CancelledExecutions | undefined
): Cancellation {
  const targets = (rs: readonly { target: PlanTarget }[]): Set<PlanTarget> => new Set(rs.map(r => r.target));
  const stoppedSet = targets(executions?.stopped ?? []);
  const stopFailedSet = targets(executions?.stopFailed ?? []);
  const stillSet = targets(executions?.stillRunning ?? []);
  const stopped = outcomes.filter(o => stoppedSet.has(o.target)).map(cancelledItem);
  const stopFailed = outcomes.filter(o => stopFailedSet.has(o.target)).map(cancelledItem);
  const stillRunning = outcomes.filter(o => stillSet.has(o.target)).map(cancelledItem);
  const finished = outcomes
    .filter(o => o.status !== 'skipped' && o.status !== 'cancelled' && o.startedAt !== undefined)
    .map(cancelledItem);
  const notStarted = outcomes.filter(o => o.status === 'skipped').map(cancelledItem);
  const parts = [
    `stopped ${stopped.length} SSM execution${stopped.length === 1 ? '' : 's'}${stopped.length > 0 ? `: ${listOf(stopped)}` : ''}`,
    `${finished.length} had finished${finished.length > 0 ? `: ${listOf(finished)}` : ''}`,
    `${notStarted.length} not started`
  ];
  if (stopFailed.length > 0) parts.push(`could not stop (may still be running): ${listOf(stopFailed)}`);
  if (stillRunning.length > 0) {
    parts.push(
      `AWS Config has no API to stop a remediation execution, so these may still be running: ${listOf(stillRunning)}`
    );
  }
  const message = `cancelled (${reason}): ${parts.join('; ')}.`;
  return {
    reason,
    message,
    record: {
      event: 'cancelled',
      status: 'cancelled',
      reason: message,
      details: { signal: reason, stopped, stopFailed, stillRunning, finished, notStarted }
    }
  };
}
