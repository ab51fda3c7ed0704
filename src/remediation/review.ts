/**
 * The remediation effectiveness review (input review-days): the audit records of the last N days, read back from the
 * audit log group (FilterLogEvents, paged; CloudWatch Logs API Reference,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html), summed up:
 * executions started, succeeded, verified, failed and cancelled, per runbook and per rule (with its HIPAA sections);
 * median and 90th percentile time from detection to verified; resources remediated more than once; approvals and
 * refusals; verified and failed per week. reviewOf() is pure; readAuditWindow() is the I/O.
 *
 * Nothing read is dropped: a log event that is not an audit record is counted as unreadable and reported.
 */
import { paginateFilterLogEvents, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AwsCallError } from '../errors.js';
import type { Logger } from '../logging.js';
import { sanitizeForLog } from '../util/text.js';
import type { AuditRecord } from './audit.js';

export interface ReviewCounts {
  started: number;
  succeeded: number;
  verified: number;
  failed: number;
  cancelled: number;
}

export interface EffectivenessReview {
  days: number;
  logGroup: string;
  from: string;
  to: string;
  records: number;
  unreadable: number;
  total: ReviewCounts;
  byRunbook: (ReviewCounts & { runbook: string })[];
  byRule: (ReviewCounts & { rule: string; hipaaSections: string[] })[];
  /** Seconds from detection (Config recorded the non-compliance) to verified compliant; absent when none. */
  detectionToVerified?: { count: number; medianSeconds: number; p90Seconds: number };
  /** Resources with more than one execution started in the window. */
  repeatOffenders: { rule: string; resourceType: string; resourceId: string; executions: number }[];
  approvals: number;
  refusals: number;
  /** By ISO week (its Monday, YYYY-MM-DD). */
  weeks: { week: string; verified: number; failed: number }[];
  /** Set when the records could not be read. */
  error?: string;
}

const zero = (): ReviewCounts => ({ started: 0, succeeded: 0, verified: 0, failed: 0, cancelled: 0 });

/** What a record counts as, if anything. */
function countOf(r: AuditRecord): keyof ReviewCounts | undefined {
  if (r.event === 'execution-started') return r.status === 'started' ? 'started' : 'failed';
  if (r.event === 'execution-finished') {
    if (r.status === 'succeeded') return 'succeeded';
    if (r.status === 'failed' || r.status === 'timed-out') return 'failed';
    if (r.status === 'cancelled') return 'cancelled';
    return undefined;
  }
  if (r.event === 'verified' && r.status === 'verified') return 'verified';
  return undefined;
}

/** The q-quantile by the nearest-rank method (q in (0, 1]); the median of an even count is the mean of the middle two. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  if (q === 0.5 && sorted.length % 2 === 0) {
    return (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  }
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** Monday (UTC) of the record's week, YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

const runKey = (r: AuditRecord): string => `${r.context.repository}|${r.context.runId}|${r.context.runAttempt}`;
const targetKey = (rule: string, type: string, id: string): string => `${rule}\n${type}\n${id}`;

export function reviewOf(
  records: readonly AuditRecord[],
  window: { days: number; logGroup: string; from: string; to: string; unreadable: number }
): EffectivenessReview {
  const total = zero();
  const byRunbook = new Map<string, ReviewCounts>();
  const byRule = new Map<string, ReviewCounts & { hipaaSections: Set<string> }>();
  const started = new Map<string, number>();
  const weeks = new Map<string, { verified: number; failed: number }>();
  /** run -> target -> detection time (plan-computed details.detectedAt, else the first execution start). */
  const detected = new Map<string, Map<string, string>>();
  const durations: number[] = [];
  let approvals = 0;
  let refusals = 0;
  const ordered = [...records].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  for (const r of ordered) {
    if (r.event === 'approval-checked' && r.status === 'approved') approvals++;
    if (r.event === 'refused') refusals++;
    if (r.event === 'plan-computed') {
      const at = r.details?.['detectedAt'];
      if (at && typeof at === 'object') {
        const m = detected.get(runKey(r)) ?? new Map<string, string>();
        for (const [k, v] of Object.entries(at as Record<string, unknown>)) if (typeof v === 'string') m.set(k, v);
        detected.set(runKey(r), m);
      }
    }
    const kind = countOf(r);
    if (!kind || r.rule === undefined || r.resourceType === undefined || r.resourceId === undefined) continue;
    const tk = targetKey(r.rule, r.resourceType, r.resourceId);
    total[kind]++;
    const rb = byRunbook.get(r.runbook ?? '(unknown)') ?? zero();
    rb[kind]++;
    byRunbook.set(r.runbook ?? '(unknown)', rb);
    const ru = byRule.get(r.rule) ?? { ...zero(), hipaaSections: new Set<string>() };
    ru[kind]++;
    for (const s of r.hipaaSections ?? []) ru.hipaaSections.add(s);
    byRule.set(r.rule, ru);
    if (kind === 'started') {
      started.set(tk, (started.get(tk) ?? 0) + 1);
      const m = detected.get(runKey(r)) ?? new Map<string, string>();
      if (!m.has(tk)) m.set(tk, r.time);
      detected.set(runKey(r), m);
    }
    if (kind === 'verified' || kind === 'failed') {
      const w = weeks.get(weekOf(r.time)) ?? { verified: 0, failed: 0 };
      w[kind]++;
      weeks.set(weekOf(r.time), w);
    }
    if (kind === 'verified') {
      const at = detected.get(runKey(r))?.get(tk);
      if (at !== undefined) durations.push((Date.parse(r.time) - Date.parse(at)) / 1000);
    }
  }
  durations.sort((a, b) => a - b);
  const review: EffectivenessReview = {
    ...window,
    records: records.length,
    total,
    byRunbook: [...byRunbook]
      .map(([runbook, c]) => ({ runbook, ...c }))
      .sort((a, b) => a.runbook.localeCompare(b.runbook)),
    byRule: [...byRule]
      .map(([rule, { hipaaSections, ...c }]) => ({ rule, hipaaSections: [...hipaaSections].sort(), ...c }))
      .sort((a, b) => a.rule.localeCompare(b.rule)),
    repeatOffenders: [...started]
      .filter(([, n]) => n > 1)
      .map(([k, executions]) => {
        const [rule, resourceType, resourceId] = k.split('\n') as [string, string, string];
        return { rule, resourceType, resourceId, executions };
      })
      .sort((a, b) => b.executions - a.executions || a.resourceId.localeCompare(b.resourceId)),
    approvals,
    refusals,
    weeks: [...weeks].map(([week, c]) => ({ week, ...c })).sort((a, b) => a.week.localeCompare(b.week))
  };
  if (durations.length > 0) {
    review.detectionToVerified = {
      count: durations.length,
      medianSeconds: quantile(durations, 0.5),
      p90Seconds: quantile(durations, 0.9)
    };
  }
  return review;
}

/** The audit records of [from, to] in the group, every page; events that are not audit records are counted. */
export async function readAuditWindow(
  logs: CloudWatchLogsClient,
  logGroup: string,
  from: Date,
  to: Date
): Promise<{ records: AuditRecord[]; unreadable: number }> {
  const records: AuditRecord[] = [];
  let unreadable = 0;
  const pages = paginateFilterLogEvents(
    { client: logs },
    { logGroupName: logGroup, startTime: from.getTime(), endTime: to.getTime() }
  );
  for await (const page of pages) {
    for (const e of page.events ?? []) {
      try {
        const r = JSON.parse(e.message ?? '') as AuditRecord;
        if (typeof r.event === 'string' && typeof r.time === 'string' && typeof r.context === 'object') records.push(r);
        else unreadable++;
      } catch {
        unreadable++;
      }
    }
  }
  return { records, unreadable };
}

/** Reads the window and reviews it; an AWS error is the review's `error` (warned), not thrown. */
export async function reviewAuditTrail(
  logs: () => Promise<CloudWatchLogsClient>,
  window: { logGroup: string; days: number; from: Date; to: Date },
  logger: Logger
): Promise<EffectivenessReview> {
  const base = {
    days: window.days,
    logGroup: window.logGroup,
    from: window.from.toISOString(),
    to: window.to.toISOString()
  };
  try {
    const { records, unreadable } = await readAuditWindow(await logs(), window.logGroup, window.from, window.to);
    const review = reviewOf(records, { ...base, unreadable });
    logger.info(
      sanitizeForLog(
        `Remediation effectiveness over ${window.days} day(s) of ${window.logGroup}: ${review.total.started} started, ${review.total.verified} verified, ${review.total.failed} failed.`
      )
    );
    return review;
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
    logger.warn(sanitizeForLog(`Remediation effectiveness review failed: ${err.message}`));
    return { ...reviewOf([], { ...base, unreadable: 0 }), error: err.message };
  }
}
