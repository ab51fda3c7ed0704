/**
 * What the remediation phase returns: data only. RemediationReport is what the summary section shows
 * (report/sections/remediation.ts renders it); RemediationCounts are the numbers behind the action's outputs.
 */
import type { AwsCallError, PolicyError } from '../errors.js';
import type { AlertOutcome } from './alert.js';
import type { RemediationMode, RemediationPlan } from './plan.js';
import type { SecurityHubResult } from './security-hub.js';
import type { OutcomeStatus, TargetOutcome } from './verify.js';

/** What the job summary shows of a remediation run. */
export interface RemediationReport {
  /** The plan; when none could be made, an empty one with the note 'No plan was made.'. */
  plan: RemediationPlan;
  mode: RemediationMode;
  /** remediation-plan.json, or '(not written)'. */
  planFile: string;
  auditFile: string;
  outcomes: readonly TargetOutcome[];
  max: number;
  /** The approval used in apply mode. */
  approval?: string;
  /** The refusal or error that stopped the run. */
  error?: Error;
  /** What cancellation did (stopped, still running, not started). */
  cancelled?: string;
  /** Whether an alert was sent, and why (one sentence). */
  alert?: string;
  /** The CloudWatch Logs audit trail and the Security Hub notes, one sentence each. */
  trail?: string[];
}

export interface RemediationCounts {
  /** Targets in the plan. */
  planned: number;
  /** Executions started. */
  started: number;
  /** Runbook ran successfully (verified + succeeded-unverified + alerted). */
  remediated: number;
  verified: number;
  unverified: number;
  /** The runbook only alerts (its steps change nothing): ran, not awaited, the finding stays open. */
  alerted: number;
  /** failed + timed-out. */
  failed: number;
  timedOut: number;
  skipped: number;
  /** Stopped, or left running, because the run was cancelled. */
  cancelled: number;
}

export interface RemediationPhaseResult {
  /** Absent only when no plan could be made (a refused filter, an AWS error while reading). */
  plan?: RemediationPlan;
  planFile?: string;
  planHash?: string;
  outcomes: TargetOutcome[];
  auditFile: string;
  /** For the job summary (report/sections/remediation.ts). */
  report: RemediationReport;
  counts: RemediationCounts;
  alert?: AlertOutcome;
  /** The refusal (PolicyError) or AWS error (AwsCallError) that stopped the run; the step should fail. */
  error?: PolicyError | AwsCallError;
  /** Set when the run was cancelled: the signal and what happened (for the summary and the failure message). */
  cancelled?: { reason: string; message: string };
  /** security-hub: notes: findings noted, notes without a finding, the error if Security Hub failed. */
  securityHub?: SecurityHubResult;
}

/** Counts of outcomes by status. */
export function countOutcomes(outcomes: readonly TargetOutcome[]): Record<OutcomeStatus, number> {
  const c: Record<OutcomeStatus, number> = {
    verified: 0,
    'succeeded-unverified': 0,
    alerted: 0,
    failed: 0,
    'timed-out': 0,
    skipped: 0,
    cancelled: 0
  };
  for (const o of outcomes) c[o.status]++;
  return c;
}

/** The counts of a run with `planned` targets (0 and no outcomes when no plan was made). */
export function countsOf(planned: number, outcomes: readonly TargetOutcome[]): RemediationCounts {
  const c = countOutcomes(outcomes);
  return {
    planned,
    started: outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length,
    remediated: c.verified + c['succeeded-unverified'] + c.alerted,
    verified: c.verified,
    unverified: c['succeeded-unverified'],
    alerted: c.alerted,
    failed: c.failed + c['timed-out'],
    timedOut: c['timed-out'],
    skipped: c.skipped,
    cancelled: c.cancelled
  };
}
