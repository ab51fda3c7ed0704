/** The gate: a pure decision from the compliance result and the fail-on policy. */
import type { ComplianceResult, GateDecision, RuleResult } from '../compliance/types.js';
import type { FailOn } from '../inputs.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Names for a one-line reason: the first five, then how many more. */
function listNames(names: readonly string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

/** Findings counted against the gate: those of NON_COMPLIANT rules that no waiver covers. */
function countedFindings(rule: RuleResult): number {
  if (rule.status === 'error' || rule.complianceType !== 'NON_COMPLIANT') return 0;
  return rule.findings.filter(f => !f.waiver && f.remediation?.outcome !== 'verified').length;
}

/** Records remediation outcomes on their findings (by fingerprint); the input is not changed. */
export function applyRemediationOutcomes(
  result: ComplianceResult,
  outcomes: readonly { fingerprint: string; outcome: string; executionId?: string }[]
): ComplianceResult {
  if (outcomes.length === 0) return result;
  const byFingerprint = new Map(outcomes.map(o => [o.fingerprint, o]));
  return {
    ...result,
    rules: result.rules.map(r => {
      const findings = r.findings.map(f => {
        const o = byFingerprint.get(f.fingerprint);
        if (!o) return f;
        return { ...f, remediation: { outcome: o.outcome, ...(o.executionId ? { executionId: o.executionId } : {}) } };
      });
      // Every finding fixed and verified (or waived): the rule is compliant now.
      const fixed =
        r.status === 'noncompliant' &&
        findings.some(f => f.remediation?.outcome === 'verified') &&
        findings.every(f => f.waiver !== undefined || f.remediation?.outcome === 'verified');
      return { ...r, findings, ...(fixed ? { status: 'compliant' as const } : {}) };
    })
  };
}

/** What the check was asked to cover, and what else could not be judged: checking nothing is never a pass. */
export interface GateScope {
  /** Set when the run checks nothing by design (deploy: destroy, a manifest without rules): says why. */
  nothingByDesign?: string;
  /** Why no rule was checked, when it was not by design (names that match nothing in the account, ...). */
  nothingChecked?: string;
  /** Template resources pre-deploy evaluation could not judge (failed, timed out): each fails the gate. */
  unevaluated?: readonly { file: string; line: number; logicalId: string; reason: string }[];
}

/** Rules whose result judges the account: evaluated, and fresh enough. */
function judged(rule: RuleResult): boolean {
  return rule.status === 'compliant' || rule.status === 'noncompliant' || rule.status === 'not-applicable';
}

/**
 * `drift`: differences between the manifest and the account, when a deploy plan was made.
 * `newNoncompliant`: counted findings whose fingerprint is not in the baseline, when one was given.
 * `scope`: see GateScope. A check of 0 rules fails under every fail-on unless nothing is checked by design.
 */
export function decideGate(
  result: ComplianceResult,
  failOn: readonly FailOn[],
  drift?: number,
  newNoncompliant?: number,
  scope: GateScope = {}
): GateDecision {
  const noncompliantRules = result.rules.filter(r => countedFindings(r) > 0).map(r => r.ruleName);
  const noncompliantCount = result.rules.reduce((n, r) => n + countedFindings(r), 0);
  const waivedCount = result.rules.reduce((n, r) => n + r.findings.filter(f => f.waiver).length, 0);
  const staleRules = result.rules.filter(r => r.status === 'stale').map(r => r.ruleName);
  const insufficientDataRules = result.rules.filter(r => r.status === 'insufficient-data').map(r => r.ruleName);
  const errorRules = result.rules.filter(r => r.status === 'error').map(r => r.ruleName);

  const failing: string[] = [];
  const informational: string[] = [];
  // Nothing checked is not a pass, whatever fail-on says (unless checking nothing is the point of the run).
  const nothing = result.rules.length === 0 && scope.nothingByDesign === undefined;
  if (nothing) failing.push(`no rules were checked: ${scope.nothingChecked ?? 'no rule matched'}`);
  // Rules AWS Config has never evaluated (just created: no LastSuccessfulEvaluationTime) judge nothing either: when
  // every checked rule is one, the check judged nothing, which is not a pass (evaluate: true waits for the first one).
  const neverEvaluated = result.rules.filter(r => r.status === 'insufficient-data' && r.lastEvaluated === undefined);
  if (result.rules.length > 0 && neverEvaluated.length === result.rules.length) {
    failing.push(
      `no rule has been evaluated yet: AWS Config has not finished a first evaluation of ${listNames(
        neverEvaluated.map(r => r.ruleName)
      )} (use evaluate: true to wait for it)`
    );
  }
  // A rule that could not be checked never passes, whatever fail-on says.
  if (errorRules.length > 0) {
    failing.push(`${plural(errorRules.length, 'rule')} could not be checked (${listNames(errorRules)})`);
  }
  const unevaluated = scope.unevaluated ?? [];
  if (unevaluated.length > 0) {
    failing.push(
      `${plural(unevaluated.length, 'template resource')} could not be evaluated before deploy (${listNames(
        unevaluated.map(u => `${u.file}:${u.line} ${u.logicalId}`)
      )})`
    );
  }
  const nc = `${plural(noncompliantCount, 'non-compliant resource')} in ${plural(noncompliantRules.length, 'rule')}`;
  (failOn.includes('noncompliant') && noncompliantCount > 0 ? failing : informational).push(nc);
  if (newNoncompliant !== undefined) {
    const fresh = `${plural(newNoncompliant, 'new non-compliant resource')} (not in the baseline)`;
    (failOn.includes('new-noncompliant') && newNoncompliant > 0 ? failing : informational).push(fresh);
  }
  if (staleRules.length > 0) {
    (failOn.includes('stale') ? failing : informational).push(
      `${plural(staleRules.length, 'rule')} with stale results`
    );
  }
  if (insufficientDataRules.length > 0) {
    (failOn.includes('insufficient-data') ? failing : informational).push(
      `${plural(insufficientDataRules.length, 'rule')} with insufficient data`
    );
  }
  if (drift !== undefined && drift > 0) {
    (failOn.includes('drift') ? failing : informational).push(
      `${plural(drift, 'difference')} between the manifest and the account (drift)`
    );
  }
  if (waivedCount > 0) informational.push(`${plural(waivedCount, 'finding')} waived`);

  const result_ = failing.length > 0 ? 'fail' : 'pass';
  const judgedCount = result.rules.filter(judged).length;
  const others = informational.slice(1);
  let reason: string;
  if (result_ === 'fail') reason = failing.join(', ');
  else if (result.rules.length === 0 && scope.nothingByDesign !== undefined)
    reason =
      `Nothing checked by design: ${scope.nothingByDesign}` + (others.length > 0 ? ` (${others.join(', ')})` : '');
  else if (noncompliantCount > 0) reason = `${informational.join(', ')} (fail-on: ${failOn.join(', ')})`;
  else if (judgedCount === result.rules.length)
    reason =
      `No non-compliant resources in ${plural(result.rules.length, 'rule')}` +
      (others.length > 0 ? ` (${others.join(', ')})` : '');
  // Some rules have no fresh evaluation: say so first, not "no non-compliant resources" as if all were judged.
  else
    reason =
      `${result.rules.length - judgedCount} of ${plural(result.rules.length, 'rule')} not judged (${others.join(', ')}); ` +
      `no non-compliant resources in the ${plural(judgedCount, 'rule')} judged (fail-on: ${failOn.join(', ')})`;
  return {
    result: result_,
    reason,
    noncompliantCount,
    noncompliantRules,
    waivedCount,
    staleRules,
    insufficientDataRules,
    errorRules,
    ...(drift !== undefined ? { drift } : {}),
    ...(newNoncompliant !== undefined ? { newNoncompliantCount: newNoncompliant } : {})
  };
}
