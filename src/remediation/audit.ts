/**
 * The remediation audit log: JSON Lines, one record per decision (plan computed, approval checked, refusal,
 * target skipped, alert) and per execution (started, finished, verified). Each record is appended to the file as
 * soon as it is made, so the log is complete up to the moment a run stops, whatever stops it. The file is only ever
 * appended to, never rewritten.
 *
 * Every record names who and what: time, repository, workflow, run URL, actor, event, role session name, account,
 * region and plan hash; target records add rule, HIPAA sections, resource, runbook with version and hash, parameters
 * (already masked, see mask.ts), execution id, status, compliance before and after, verification.
 *
 * With an audit log group (audit-cloudwatch.ts), each record also goes to CloudWatch Logs as it is made, as the same
 * JSON. The first failure there is kept (remoteFailure) and recorded in the file (`audit-trail-failed`); nothing more
 * is sent. The phase refuses to start executions while the trail has failed ("no audit, no action").
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RunInfo } from '../run-context.js';
import type { CloudWatchAuditTrail } from './audit-cloudwatch.js';
import { maskText } from './mask.js';
import type { PlanTarget, Route } from './plan.js';

export const AUDIT_FILE_NAME = 'remediation-audit.jsonl';

export type AuditEvent =
  | 'plan-computed'
  | 'approval-checked'
  | 'refused'
  | 'target-skipped'
  | 'execution-started'
  | 'execution-finished'
  | 'verified'
  | 'alert-published'
  | 'alert-failed'
  | 'run-failed'
  | 'cancelled'
  | 'audit-trail-failed'
  | 'security-hub-updated';

/** Fields every record carries. */
export interface AuditContext {
  repository: string;
  workflow: string;
  runUrl?: string;
  runId: string;
  runAttempt: string;
  actor: string;
  eventName: string;
  sha: string;
  ref: string;
  roleSessionName: string;
  accountId: string;
  region: string;
  mode: 'plan' | 'apply';
}

export interface AuditTargetFields {
  rule: string;
  hipaaSections: string[];
  resourceType: string;
  resourceId: string;
  runbook: string;
  runbookVersion: string;
  runbookHash: string;
  parameters: Record<string, string[]>;
  route: Route;
}

export interface AuditRecord extends Partial<AuditTargetFields> {
  time: string;
  event: AuditEvent;
  context: AuditContext;
  planHash?: string;
  executionId?: string;
  status?: string;
  reason?: string;
  message?: string;
  failedStep?: string;
  complianceBefore?: string;
  complianceAfter?: string;
  verification?: string;
  /** Extra facts of a decision (counts, approved hash, topic, message id). */
  details?: Record<string, unknown>;
}

/** A record as the phase makes it: AuditLog.record adds the time, the context and the plan hash. */
export type AuditEntry = Omit<AuditRecord, 'time' | 'context' | 'planHash'>;

/** The target fields of a record. */
export function targetFields(t: PlanTarget): AuditTargetFields {
  return {
    rule: t.rule,
    hipaaSections: t.hipaaSections,
    resourceType: t.resourceType,
    resourceId: t.resourceId,
    runbook: t.runbook.name,
    runbookVersion: t.runbook.version,
    runbookHash: t.runbook.hash,
    parameters: t.parameters,
    route: t.route
  };
}

export function auditContext(
  run: RunInfo,
  rest: Pick<AuditContext, 'roleSessionName' | 'accountId' | 'region' | 'mode'>
): AuditContext {
  const c: AuditContext = {
    repository: run.repository,
    workflow: run.workflow,
    runId: run.runId,
    runAttempt: run.runAttempt,
    actor: run.actor,
    eventName: run.eventName,
    sha: run.sha,
    ref: run.ref,
    ...rest
  };
  if (run.runUrl !== undefined) c.runUrl = run.runUrl;
  return c;
}

/** One JSON line; free-text fields are passed through maskText. */
export function auditLine(record: AuditRecord): string {
  const r: AuditRecord = { ...record };
  if (r.message !== undefined) r.message = maskText(r.message);
  if (r.reason !== undefined) r.reason = maskText(r.reason);
  return `${JSON.stringify(r)}\n`;
}

/** Appends records to the audit file, one at a time and in order; each write completes before record() returns. */
export class AuditLog {
  private ready: Promise<void> | undefined;
  private readonly written: AuditRecord[] = [];
  private failure: string | undefined;

  constructor(
    readonly file: string,
    private readonly context: AuditContext,
    private readonly now: () => Date,
    private planHash?: string,
    /** The CloudWatch Logs trail every record also goes to, when configured. */
    readonly remote?: CloudWatchAuditTrail
  ) {}

  /** Why the CloudWatch Logs trail could not be written, once it failed. */
  remoteFailure(): string | undefined {
    return this.failure;
  }

  setPlanHash(hash: string): void {
    this.planHash = hash;
  }

  /** Records written so far (in memory, for the report). */
  records(): readonly AuditRecord[] {
    return this.written;
  }

  async record(entry: AuditEntry): Promise<void> {
    this.ready ??= mkdir(dirname(this.file), { recursive: true }).then(() => undefined);
    await this.ready;
    const record: AuditRecord = {
      time: this.now().toISOString(),
      ...entry,
      context: this.context,
      ...(this.planHash !== undefined ? { planHash: this.planHash } : {})
    };
    const line = auditLine(record);
    await appendFile(this.file, line, 'utf8');
    this.written.push(record);
    if (this.remote && this.failure === undefined) await this.send(record, line);
  }

  private async send(record: AuditRecord, line: string): Promise<void> {
    try {
      await this.remote!.write([{ timestamp: Date.parse(record.time), message: line.trimEnd() }]);
    } catch (err) {
      const where = `${this.remote!.settings.logGroup} (stream ${this.remote!.stream})`;
      this.failure = `audit records could not be written to CloudWatch Logs ${where}: ${err instanceof Error ? err.message : String(err)}`;
      const failed: AuditRecord = {
        time: this.now().toISOString(),
        event: 'audit-trail-failed',
        context: this.context,
        ...(this.planHash !== undefined ? { planHash: this.planHash } : {}),
        status: 'error',
        reason: this.failure
      };
      await appendFile(this.file, auditLine(failed), 'utf8');
      this.written.push(failed);
    }
  }
}
