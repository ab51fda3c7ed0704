/**
 * One concise SNS message per run: what is non-compliant (with counts), what was remediated (with outcomes) and the
 * run's URL. Sent when `alert` is `always`, or `on-change` and something changed: a remediation ran, or a
 * non-compliant finding is new (its fingerprint is not among those known before this run). Never with `never` or
 * without a topic. The decision and the message are pure; publishing (and its audit record) is the edge.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { ComplianceResult } from '../compliance/types.js';
import type { RunInfo } from '../run-context.js';
import type { AwsCallError } from '../errors.js';
import { awsCallErrorOf } from '../aws/clients.js';
import { runUrlOf } from '../run-context.js';
import { toSingleLine, truncate } from '../util/text.js';
import type { Logger } from '../logging.js';
import type { AuditLog } from './audit.js';
import { maskText } from './mask.js';
import { describeTarget } from './plan.js';
import type { OutcomeStatus, TargetOutcome } from './verify.js';

export type AlertPolicy = 'never' | 'on-change' | 'always';

/** Targets listed in the message at most; the rest are counted. */
export const MAX_LISTED = 20;
/** SNS subjects: at most 100 printable ASCII characters. */
const MAX_SUBJECT = 100;

export interface AlertDecision {
  send: boolean;
  /** Why (or why not), for the log and the audit record. */
  reason: string;
}

/** Unwaived non-compliant findings. */
function openFindings(result: ComplianceResult): { rule: string; fingerprint: string }[] {
  return result.rules.flatMap(r =>
    r.findings.filter(f => f.waiver === undefined).map(f => ({ rule: r.ruleName, fingerprint: f.fingerprint }))
  );
}

export function decideAlert(input: {
  policy: AlertPolicy;
  topic: string | undefined;
  result: ComplianceResult;
  /** Executions started in this run. */
  executionsStarted: number;
  knownFingerprints?: ReadonlySet<string>;
}): AlertDecision {
  if (input.policy === 'never') return { send: false, reason: 'alert: never' };
  if (input.topic === undefined || input.topic === '') return { send: false, reason: 'no alert topic in the manifest' };
  if (input.policy === 'always') return { send: true, reason: 'alert: always' };
  if (input.executionsStarted > 0) return { send: true, reason: `${input.executionsStarted} remediation(s) ran` };
  const known = input.knownFingerprints;
  const fresh = openFindings(input.result).filter(f => known === undefined || !known.has(f.fingerprint));
  if (fresh.length > 0) {
    return { send: true, reason: `${fresh.length} new non-compliant finding${fresh.length === 1 ? '' : 's'}` };
  }
  return { send: false, reason: 'nothing changed (no new non-compliant finding, no remediation ran)' };
}

const ORDER: OutcomeStatus[] = [
  'failed',
  'timed-out',
  'cancelled',
  'succeeded-unverified',
  'alerted',
  'verified',
  'skipped'
];

function plainSubject(s: string): string {
  return truncate(s.replace(/[^\x20-\x7e]/g, '?'), MAX_SUBJECT);
}

export interface AlertMessage {
  subject: string;
  message: string;
}

/** The message: a headline, non-compliance per rule, outcomes per target (capped), the run URL. */
export function buildAlertMessage(input: {
  result: ComplianceResult;
  outcomes: readonly TargetOutcome[];
  run: RunInfo;
  mode: 'plan' | 'apply';
  /** Targets in the plan (reported in plan mode). */
  planned?: number;
  /** Set when the run was refused or stopped. */
  problem?: string;
}): AlertMessage {
  const { result, outcomes, run } = input;
  const perRule = new Map<string, number>();
  for (const f of openFindings(result)) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  const total = [...perRule.values()].reduce((a, b) => a + b, 0);
  const counts = new Map<OutcomeStatus, number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  const lines: string[] = [];
  const where = `account ${result.accountId}, ${result.region}`;
  lines.push(
    `compliance-gate: ${total} non-compliant resource${total === 1 ? '' : 's'} in ${perRule.size} rule${perRule.size === 1 ? '' : 's'} (${where}).`
  );
  if (perRule.size > 0) {
    lines.push('', 'Non-compliant:');
    for (const [rule, n] of [...perRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      lines.push(`- ${rule}: ${n}`);
  }
  const ran = outcomes.filter(o => o.status !== 'skipped').length;
  if (input.mode === 'apply' && outcomes.length > 0) {
    const tally = ORDER.filter(s => counts.has(s)).map(s => `${counts.get(s) ?? 0} ${s}`);
    lines.push('', `Remediation: ${ran} ran; ${tally.join(', ')}.`);
    const listed = [...outcomes].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status)).slice(0, MAX_LISTED);
    for (const o of listed) {
      const detail = o.failedStep ? ` at step ${o.failedStep}` : '';
      const why = o.message ? `: ${truncate(o.message, 200)}` : '';
      lines.push(`- ${describeTarget(o.target)}: ${o.status}${detail}${why}`);
    }
    if (outcomes.length > listed.length) lines.push(`- ... and ${outcomes.length - listed.length} more`);
  } else if (input.mode === 'plan' && (input.planned ?? 0) > 0) {
    lines.push('', `Remediation plan (dry run): ${input.planned ?? 0} target(s), nothing changed.`);
  }
  if (input.problem !== undefined) lines.push('', `Stopped: ${truncate(input.problem, 500)}`);
  const url = runUrlOf(run);
  if (url !== undefined) lines.push('', `Run: ${url}`);
  const verdict =
    input.mode === 'apply' && ran > 0
      ? `${ran} remediation(s) ran, ${(counts.get('failed') ?? 0) + (counts.get('timed-out') ?? 0)} failed`
      : `${total} non-compliant`;
  const subject = plainSubject(`compliance-gate ${run.repository || result.accountId}: ${verdict}`);
  return { subject, message: maskText(lines.map(l => toSingleLine(l)).join('\n')) };
}

/** Publishes the alert; returns the message id, or the error naming sns:Publish. */
async function publishAlert(
  sns: SNSClient,
  topic: string,
  alert: AlertMessage
): Promise<{ messageId?: string; error?: AwsCallError }> {
  try {
    const out = await sns.send(new PublishCommand({ TopicArn: topic, Subject: alert.subject, Message: alert.message }));
    return out.MessageId !== undefined ? { messageId: out.MessageId } : {};
  } catch (err) {
    return { error: awsCallErrorOf(err) };
  }
}

/** Whether the run's alert was sent, and why (or why not). */
export interface AlertOutcome {
  sent: boolean;
  reason: string;
  messageId?: string;
}

export interface AlertRun {
  policy: AlertPolicy;
  mode: 'plan' | 'apply';
  topic: string | undefined;
  result: ComplianceResult;
  outcomes: readonly TargetOutcome[];
  run: RunInfo;
  /** Targets in the plan. */
  planned: number;
  /** Fingerprints known before this run; absent: every finding counts as new. */
  knownFingerprints?: ReadonlySet<string>;
  /** The refusal or error that stopped the run. */
  problem?: string;
}

/**
 * Decides, builds and publishes the run's alert, with its audit record. A failed publish is recorded
 * (alert-failed) and thrown (AwsCallError).
 */
export async function sendAlert(
  sns: () => Promise<SNSClient>,
  a: AlertRun,
  io: { audit: AuditLog; logger: Logger }
): Promise<AlertOutcome> {
  const started = a.outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length;
  const decision = decideAlert({
    policy: a.policy,
    topic: a.topic,
    result: a.result,
    executionsStarted: a.mode === 'apply' ? started : 0,
    ...(a.knownFingerprints ? { knownFingerprints: a.knownFingerprints } : {})
  });
  if (!decision.send || a.topic === undefined) {
    io.logger.info(`Remediation alert not sent: ${decision.reason}.`);
    return { sent: false, reason: decision.reason };
  }
  const message = buildAlertMessage({
    result: a.result,
    outcomes: a.outcomes,
    run: a.run,
    mode: a.mode,
    planned: a.planned,
    ...(a.problem !== undefined ? { problem: a.problem } : {})
  });
  const published = await publishAlert(await sns(), a.topic, message);
  if (published.error) {
    await io.audit.record({
      event: 'alert-failed',
      status: 'error',
      reason: published.error.message,
      details: { topic: a.topic, why: decision.reason }
    });
    throw published.error;
  }
  io.logger.info(`Remediation alert published to ${a.topic} (${decision.reason}).`);
  await io.audit.record({
    event: 'alert-published',
    status: 'published',
    details: { topic: a.topic, messageId: published.messageId, why: decision.reason, subject: message.subject }
  });
  return { sent: true, reason: decision.reason, ...(published.messageId ? { messageId: published.messageId } : {}) };
}
