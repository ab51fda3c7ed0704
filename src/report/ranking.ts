/**
 * How every report counts and orders rules and findings (summary, annotations, JSON): worst rules first, counted
 * findings before waived ones, findings in files the pull request changed first. Pure.
 */
import type { Finding, RuleResult, RuleStatus } from '../compliance/types.js';

/** Worst first. */
export const STATUS_RANK: Readonly<Record<RuleStatus, number>> = {
  error: 0,
  noncompliant: 1,
  stale: 2,
  'insufficient-data': 3,
  compliant: 4,
  'not-applicable': 5
};

/** Findings a rule counts (not waived) and waived ones. */
export function countFindings(rule: RuleResult): { counted: number; waived: number; remediated: number } {
  let waived = 0;
  let remediated = 0;
  for (const f of rule.findings) {
    if (f.waiver !== undefined) waived++;
    else if (f.remediation?.outcome === 'verified') remediated++;
  }
  return { counted: rule.findings.length - waived - remediated, waived, remediated };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Worst first: error, non-compliant (most counted resources first), stale, insufficient data, compliant, not applicable. */
export function sortRulesWorstFirst(
  rules: readonly RuleResult[],
  changed: (f: Finding) => boolean = () => false
): RuleResult[] {
  return rules
    .map(r => ({
      r,
      rank: STATUS_RANK[r.status],
      touches: r.findings.some(f => f.waiver === undefined && changed(f)),
      n: countFindings(r).counted
    }))
    .sort(
      (a, b) =>
        a.rank - b.rank || Number(b.touches) - Number(a.touches) || b.n - a.n || byName(a.r.ruleName, b.r.ruleName)
    )
    .map(x => x.r);
}

/** Counted findings first (those in changed files first), then waived; each group by resource type, then id. */
export function sortFindings(findings: readonly Finding[], changed: (f: Finding) => boolean = () => false): Finding[] {
  return [...findings].sort(
    (a, b) =>
      Number(a.waiver !== undefined) - Number(b.waiver !== undefined) ||
      Number(changed(b)) - Number(changed(a)) ||
      byName(a.resourceType, b.resourceType) ||
      byName(a.resourceId, b.resourceId)
  );
}

/** Findings this run's remediation fixed and verified (compliant now; no longer counted). */
export function fixedFindings(rule: RuleResult): Finding[] {
  return rule.findings.filter(f => f.waiver === undefined && f.remediation?.outcome === 'verified');
}

/**
 * A rule this run's remediation made compliant: every finding it had is fixed and verified (or waived). The summary
 * lists it under "Fixed in this run", not in the rule table.
 */
export function fixedInThisRun(rule: RuleResult): boolean {
  const { counted, remediated } = countFindings(rule);
  return remediated > 0 && counted === 0 && (rule.status === 'compliant' || rule.status === 'noncompliant');
}
