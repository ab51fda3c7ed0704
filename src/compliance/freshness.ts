/**
 * Freshness that matches how AWS Config works. Pure.
 *
 * A rule's result is stale when
 * - its last evaluation failed: DescribeConfigRuleEvaluationStatus reports a LastFailedEvaluationTime at or after the
 *   LastSuccessfulEvaluationTime (AWS Config API Reference, ConfigRuleEvaluationStatus): the results shown are those
 *   of an older, successful evaluation (a tie counts as failed: fail closed);
 * - or, for a rule with a periodic trigger, its last successful evaluation is older than its
 *   MaximumExecutionFrequency plus FRESHNESS_GRACE_SECONDS. Periodic rules run "at the frequency that you choose"
 *   and "By default, rules with a periodic trigger are evaluated every 24 hours" (AWS Config Developer Guide,
 *   "Trigger types for AWS Config rules"; API Reference, ConfigRule.MaximumExecutionFrequency), but a run is not
 *   exactly on the hour: a 24-hour rule is seen at 24 h and some minutes. The grace of one hour absorbs that delay and
 *   still flags a missed run at every frequency (the shortest, One_Hour, is flagged at two hours);
 * - a change-triggered rule is never stale by age: Config evaluates it when a resource in its scope changes
 *   ("Config runs evaluations for the rule when certain types of resources are created, changed, or deleted"), so an
 *   old evaluation time of a healthy account only means nothing changed. (A recorder that is off is handled by
 *   recorder.ts: such a rule is unknown.)
 * With `max-result-age` given, it overrides the trigger-based age check: any result older than it is stale.
 *
 * The trigger comes from DescribeConfigRules. It is needed only for rules whose last success is older than the
 * shortest period plus the grace (anything newer is fresh whatever its trigger), so a check of recently evaluated
 * rules reads no rule descriptions for freshness.
 */
import type { ConfigRule, ConfigRuleEvaluationStatus } from '@aws-sdk/client-config-service';

/** Scheduling delay allowed past a periodic rule's frequency before its result is stale (see the header). */
export const FRESHNESS_GRACE_SECONDS = 3600;

/** MaximumExecutionFrequency values (AWS Config API Reference, ConfigRule) in seconds. */
export const FREQUENCY_SECONDS: Readonly<Record<string, number>> = {
  One_Hour: 3600,
  Three_Hours: 3 * 3600,
  Six_Hours: 6 * 3600,
  Twelve_Hours: 12 * 3600,
  TwentyFour_Hours: 24 * 3600
};

/** A periodic rule without MaximumExecutionFrequency runs every 24 hours (ConfigRule.MaximumExecutionFrequency). */
export const DEFAULT_FREQUENCY = 'TwentyFour_Hours';

/** Results newer than this are fresh whatever the rule's trigger (the shortest period plus the grace). */
export const ALWAYS_FRESH_SECONDS = FREQUENCY_SECONDS['One_Hour']! + FRESHNESS_GRACE_SECONDS;

/** How a rule is triggered, as far as freshness is concerned. */
export type Trigger =
  | { kind: 'change' }
  | { kind: 'periodic'; frequency: string; seconds: number }
  /** The rule description could not be read: why. */
  | { kind: 'unknown'; why: string };

function periodic(frequency: string | undefined): { kind: 'periodic'; frequency: string; seconds: number } {
  const name = frequency !== undefined && frequency in FREQUENCY_SECONDS ? frequency : DEFAULT_FREQUENCY;
  return { kind: 'periodic', frequency: name, seconds: FREQUENCY_SECONDS[name]! };
}

/**
 * Pure: the trigger of a rule as DescribeConfigRules returns it, failing closed (a rule that may be periodic is
 * treated as periodic, so its age is checked):
 * - a custom rule (SourceDetails) is periodic when any trigger is a ScheduledNotification (the shortest frequency of
 *   those, else the rule's, else 24 hours), otherwise change-triggered;
 * - a managed rule with MaximumExecutionFrequency is periodic (Config refuses a frequency on a rule that is only
 *   change-triggered); one with a Scope and no frequency is change-triggered; one with neither could be a periodic
 *   rule at its default frequency and is treated as one (24 hours).
 * A rule triggered both ways is periodic here: its periodic runs are due whatever changes.
 */
export function triggerOf(rule: ConfigRule): Trigger {
  const details = rule.Source?.SourceDetails ?? [];
  if (details.length > 0) {
    const scheduled = details.filter(d => d.MessageType === 'ScheduledNotification');
    if (scheduled.length === 0) return { kind: 'change' };
    const periods = scheduled.map(d => periodic(d.MaximumExecutionFrequency ?? rule.MaximumExecutionFrequency));
    return periods.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  }
  if (rule.MaximumExecutionFrequency !== undefined) return periodic(rule.MaximumExecutionFrequency);
  const scoped =
    (rule.Scope?.ComplianceResourceTypes?.length ?? 0) > 0 ||
    rule.Scope?.TagKey !== undefined ||
    rule.Scope?.ComplianceResourceId !== undefined;
  return scoped ? { kind: 'change' } : periodic(undefined);
}

function lastFailureNotOlder(status: ConfigRuleEvaluationStatus): boolean {
  const ok = status.LastSuccessfulEvaluationTime;
  const failed = status.LastFailedEvaluationTime;
  return ok !== undefined && failed !== undefined && failed.getTime() >= ok.getTime();
}

function hours(seconds: number): string {
  const h = seconds / 3600;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

/**
 * Pure: whether the rule's trigger must be known to judge its freshness: no max-result-age override, a successful
 * evaluation older than ALWAYS_FRESH_SECONDS, and no failed evaluation that already makes it stale.
 */
export function needsTrigger(
  status: ConfigRuleEvaluationStatus | undefined,
  now: Date,
  maxResultAgeSeconds: number | undefined
): boolean {
  const last = status?.LastSuccessfulEvaluationTime;
  if (maxResultAgeSeconds !== undefined || !status || !last || lastFailureNotOlder(status)) return false;
  return now.getTime() - last.getTime() > ALWAYS_FRESH_SECONDS * 1000;
}

/**
 * Pure: why the rule's result is stale, or undefined when it is fresh (or was never evaluated successfully, which is
 * insufficient data, not staleness). `trigger` is needed only when needsTrigger() says so; absent then, the trigger
 * is unknown and the result counts as stale (not known to be fresh).
 */
export function staleReason(
  status: ConfigRuleEvaluationStatus | undefined,
  now: Date,
  maxResultAgeSeconds: number | undefined,
  trigger: Trigger | undefined
): string | undefined {
  const last = status?.LastSuccessfulEvaluationTime;
  if (!status || !last) return undefined;
  if (lastFailureNotOlder(status)) {
    const why = [status.LastErrorCode, status.LastErrorMessage].filter(Boolean).join(': ') || 'no error message';
    return `its last evaluation failed at ${status.LastFailedEvaluationTime!.toISOString()} (${why}); the results are from ${last.toISOString()}`;
  }
  const ageSeconds = (now.getTime() - last.getTime()) / 1000;
  if (maxResultAgeSeconds !== undefined) {
    return ageSeconds > maxResultAgeSeconds
      ? `last evaluated ${last.toISOString()}, more than max-result-age (${maxResultAgeSeconds} s) ago`
      : undefined;
  }
  if (ageSeconds <= ALWAYS_FRESH_SECONDS) return undefined;
  const t = trigger ?? { kind: 'unknown', why: 'the rule description was not read' };
  if (t.kind === 'change') return undefined;
  if (t.kind === 'unknown') {
    return `last evaluated ${last.toISOString()} and its trigger type is unknown (${t.why}): not known to be fresh`;
  }
  const limit = t.seconds + FRESHNESS_GRACE_SECONDS;
  return ageSeconds > limit
    ? `periodic rule (${t.frequency}) last evaluated ${last.toISOString()}, more than ${hours(t.seconds)} + ${hours(FRESHNESS_GRACE_SECONDS)} grace ago`
    : undefined;
}
