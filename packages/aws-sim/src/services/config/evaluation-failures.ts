/**
 * Failed rule evaluations. On AWS an evaluation can fail (a custom rule's Lambda errs, Config cannot reach a
 * resource): DescribeConfigRuleEvaluationStatus then reports LastFailedInvocationTime, LastFailedEvaluationTime,
 * LastErrorCode and LastErrorMessage ("The error code that Config returned when the rule last failed", "The error
 * message that Config returned when the rule last failed"), the successful-evaluation times stay as they were, and
 * the rule keeps its previous results (AWS Config API Reference, ConfigRuleEvaluationStatus:
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRuleEvaluationStatus.html).
 *
 * In the simulator a rule fails its evaluations while its record has `failEvaluations` (scenario data, or set by a
 * test): `{ "failEvaluations": { "code": "...", "message": "..." } }`. A scenario may also give the four status
 * fields directly (ISO 8601 times) to describe a failure that happened before the simulator started.
 */
import type { RuleRecord } from './state.js';

/**
 * Records a failed evaluation when the rule is set to fail (results unchanged) and returns true; otherwise false and
 * the caller records the evaluation.
 */
export function failedEvaluation(rec: RuleRecord, invokedAt: Date, recordedAt: Date): boolean {
  const fault = rec.failEvaluations;
  if (!fault) return false;
  rec.firstEvaluationStarted = true;
  rec.lastFailedInvocationTime = invokedAt.toISOString();
  rec.lastFailedEvaluationTime = recordedAt.toISOString();
  rec.lastErrorCode = fault.code;
  rec.lastErrorMessage = fault.message;
  return true;
}

/** The failure members of a ConfigRuleEvaluationStatus (Date timestamps), for the rules that ever failed. */
export function failureStatus(rec: RuleRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rec.lastFailedInvocationTime !== undefined)
    out['LastFailedInvocationTime'] = new Date(rec.lastFailedInvocationTime);
  if (rec.lastFailedEvaluationTime !== undefined)
    out['LastFailedEvaluationTime'] = new Date(rec.lastFailedEvaluationTime);
  if (rec.lastErrorCode !== undefined) out['LastErrorCode'] = rec.lastErrorCode;
  if (rec.lastErrorMessage !== undefined) out['LastErrorMessage'] = rec.lastErrorMessage;
  return out;
}
