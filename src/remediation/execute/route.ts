/**
 * One interface for the two ways a target runs (plan.ts `Route`): through its AWS Config remediation configuration
 * (config.ts) or SSM Automation directly (ssm.ts). waves.ts drives them: starts a wave's targets in batches, polls
 * them to a final state, and stops them at the deadline or on cancellation where AWS has an API for that.
 */
import type { Logger } from '../../logging.js';
import type { Clock } from '../../util/clock.js';
import type { AuditLog } from '../audit.js';
import type { PlannedTarget, PlanTarget, Route } from '../plan.js';

/** `running` only while the run is in progress: every returned result has one of the others. */
export type ExecutionStatus = 'running' | 'succeeded' | 'failed' | 'timed-out' | 'skipped' | 'cancelled';

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

/** A final state as read from AWS. */
export type FinalState = Pick<ExecutionResult, 'status' | 'failedStep' | 'message' | 'finishedAt'>;

/** A started execution, until it reaches a final state. */
export interface Running {
  planned: PlannedTarget;
  result: ExecutionResult;
  startedAtMs: number;
}

/** What a route needs besides its client. */
export interface RouteDeps {
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
}

export interface ExecutionRoute {
  /** The planned targets this route runs (PlanTarget.route). */
  readonly route: Route;
  /** Targets per start call (one rule's targets). */
  readonly batchSize: number;
  /**
   * Starts a batch of one rule's targets and records each start (log, audit). One entry per target: status
   * `running`, or `failed` when AWS refused to start it (the message says why).
   */
  start(batch: readonly PlannedTarget[]): Promise<Running[]>;
  /** Reads the state of running executions; those in a final state get it (message masked). Throws AwsCallError. */
  poll(pending: readonly Running[]): Promise<void>;
  /** Stops an execution (throws AwsCallError); absent when AWS has no API to stop one. */
  stop?: {
    /** The API that stops it, for messages. */
    api: string;
    call(result: ExecutionResult, signal?: AbortSignal): Promise<void>;
  };
  /** What an execution that cannot be stopped means, at the deadline and on cancellation (routes without stop). */
  leftRunning?: { timedOut: string; cancelled: string };
}
