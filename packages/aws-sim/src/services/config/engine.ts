/**
 * When and how rules are evaluated in the simulated account: evaluations complete asynchronously, after the
 * scenario's `evaluationDelayMs` of simulator time (default 0: at once, but still through the scheduler), and
 * the compliance AWS Config derives from the recorded results.
 */
import type { AccountState } from '../../core/state.js';
import type { SimRuntime } from '../../core/types.js';
import { mirrorRuleEvaluation } from '../securityhub/config-integration.js';
import { evaluatorFor } from './evaluators.js';
import { indexItems } from './items.js';
import { isRecorded } from './recorder.js';
import { itemsForRule } from './recording.js';
import { applyEvaluation, configState, type RuleRecord } from './state.js';

/** What evaluation needs of a request context (a RequestContext satisfies it). */
export interface EvaluationEnv {
  state: AccountState;
  now(): Date;
  sim: Pick<SimRuntime, 'schedule' | 'options'>;
}

/** AWS caps ComplianceContributorCount at this many contributors. */
export const CONTRIBUTOR_CAP = 100;

/** The scenario option `evaluationDelayMs` (non-negative number; anything else means 0). */
export function evaluationDelayMs(options: Readonly<Record<string, unknown>>): number {
  const v = options['evaluationDelayMs'];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * Starts an evaluation of the rule now; results are recorded after the evaluation delay, over the resources as
 * they are then: the recorded configuration items for a change-triggered rule, the live account for a periodic
 * one (recording.ts itemsForRule). `fromStart`: requested by StartConfigRulesEvaluation (counts as in progress until done).
 */
export function scheduleRuleEvaluation(env: EvaluationEnv, ruleName: string, fromStart: boolean): void {
  const cfg = configState(env.state, env.now());
  const rec = cfg.rules[ruleName];
  if (!rec) return;
  const invokedAt = env.now();
  const ruleId = rec.rule.ConfigRuleId;
  if (fromStart) rec.pendingStartEvaluations += 1;
  // The rule reads EVALUATING while an evaluation is in flight: its automatic first evaluation after PutConfigRule
  // ("When you create a rule, Config evaluates your resources against the rule automatically") or one requested by
  // StartConfigRulesEvaluation (AWS Config API Reference: ConfigRule.ConfigRuleState, StartConfigRulesEvaluation).
  // FirstEvaluationStarted stays false until the first one finishes (applyEvaluation; ConfigRuleEvaluationStatus:
  // "false - Config has not finished evaluating your AWS resources against the rule at least once").
  rec.evaluationsInFlight = (rec.evaluationsInFlight ?? 0) + 1;
  if (rec.rule.ConfigRuleState === 'ACTIVE') rec.rule.ConfigRuleState = 'EVALUATING';
  env.sim.schedule(evaluationDelayMs(env.sim.options), () => {
    if (fromStart) rec.pendingStartEvaluations = Math.max(0, rec.pendingStartEvaluations - 1);
    rec.evaluationsInFlight = Math.max(0, (rec.evaluationsInFlight ?? 1) - 1);
    if (rec.evaluationsInFlight === 0 && rec.rule.ConfigRuleState === 'EVALUATING') rec.rule.ConfigRuleState = 'ACTIVE';
    const current = configState(env.state, env.now()).rules[ruleName];
    // Deleted (or deleted and re-created) meanwhile: this evaluation no longer has a rule to report for.
    if (current !== rec || current.rule.ConfigRuleId !== ruleId) return;
    applyEvaluation(rec, indexItems(itemsForRule(env.state, rec, env.now())), invokedAt, env.now());
    mirrorRuleEvaluation(env.state, rec, env.now());
  });
}

/**
 * Re-evaluates, after the evaluation delay, every rule whose evaluator handles `resourceType` (as AWS Config
 * does when a recorded resource changes). Returns the names of the rules scheduled.
 */
export function scheduleEvaluationsForResourceType(env: EvaluationEnv, resourceType: string): string[] {
  const cfg = configState(env.state, env.now());
  const names: string[] = [];
  if (!isRecorded(cfg.configurationRecorders, resourceType)) return names;
  for (const [name, rec] of Object.entries(cfg.rules)) {
    const evaluator = evaluatorFor(rec.rule.Source);
    if (evaluator && (evaluator.resourceTypes as readonly string[]).includes(resourceType)) {
      scheduleRuleEvaluation(env, name, false);
      names.push(name);
    }
  }
  return names;
}

export interface RuleComplianceSummary {
  complianceType: 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA';
  nonCompliantCount: number;
}

/** A rule is NON_COMPLIANT if any result is, COMPLIANT if some result is, otherwise INSUFFICIENT_DATA. */
export function ruleCompliance(rec: RuleRecord): RuleComplianceSummary {
  let nonCompliant = 0;
  let compliant = 0;
  for (const r of rec.results) {
    if (r.complianceType === 'NON_COMPLIANT') nonCompliant++;
    else if (r.complianceType === 'COMPLIANT') compliant++;
  }
  if (nonCompliant > 0) return { complianceType: 'NON_COMPLIANT', nonCompliantCount: nonCompliant };
  return { complianceType: compliant > 0 ? 'COMPLIANT' : 'INSUFFICIENT_DATA', nonCompliantCount: 0 };
}

/** The API's ComplianceContributorCount for a number of contributors. */
export function contributorCount(n: number): { CappedCount: number; CapExceeded: boolean } {
  return { CappedCount: Math.min(n, CONTRIBUTOR_CAP), CapExceeded: n > CONTRIBUTOR_CAP };
}
