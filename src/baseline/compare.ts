/**
 * Baseline comparison for pull requests: an earlier run's findings (baseline/load.ts) split the current findings
 * into new and existing ones and list what was fixed since. Matching is by fingerprint (rule + resource type +
 * resource id). Pure.
 */
import type { ComplianceResult, Finding } from '../compliance/types.js';
import { fingerprintOf } from '../locate/source-map.js';
import type { Baseline } from './load.js';

export interface FixedFinding {
  ruleName: string;
  resourceType: string;
  resourceId: string;
  fingerprint: string;
}

export interface BaselineComparison {
  /** Counted findings the baseline did not have. */
  new: Finding[];
  /** Counted findings the baseline had too. */
  existing: Finding[];
  /** Baseline findings that are gone from a rule checked now. */
  fixed: FixedFinding[];
  /** Findings waived now: neither new nor existing. */
  waived: number;
  /** Baseline findings of rules that errored or were not checked now: not known to be fixed. */
  unknown: FixedFinding[];
  /** Why the comparison may mislead (another account or region). */
  warnings: string[];
  baseline: { file: string; generatedAt: string; sha: string };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byResource = <T extends { ruleName: string; resourceType: string; resourceId: string }>(a: T, b: T): number =>
  cmp(a.ruleName, b.ruleName) || cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId);

/**
 * Splits the current findings by the baseline: counted findings are new or existing; waived ones are neither.
 * A baseline finding absent now is fixed when its rule was checked now, unknown when the rule errored or is gone.
 */
export function compareWithBaseline(result: ComplianceResult, baseline: Baseline): BaselineComparison {
  const current = new Set<string>();
  const checked = new Set<string>();
  const fresh: Finding[] = [];
  const existing: Finding[] = [];
  let waived = 0;
  for (const rule of result.rules) {
    if (rule.status !== 'error') checked.add(rule.ruleName);
    for (const f of rule.findings) {
      const fp = fingerprintOf(f);
      current.add(fp);
      if (f.waiver !== undefined) waived++;
      else if (baseline.findings.has(fp)) existing.push(f);
      else fresh.push(f);
    }
  }
  const fixed: FixedFinding[] = [];
  const unknown: FixedFinding[] = [];
  for (const b of baseline.findings.values()) {
    if (current.has(b.fingerprint)) continue;
    const entry: FixedFinding = {
      ruleName: b.ruleName,
      resourceType: b.resourceType,
      resourceId: b.resourceId,
      fingerprint: b.fingerprint
    };
    (checked.has(b.ruleName) ? fixed : unknown).push(entry);
  }
  const warnings: string[] = [];
  if (baseline.accountId !== result.accountId) {
    warnings.push(`the baseline is from account ${baseline.accountId}, this run checked ${result.accountId}`);
  }
  if (baseline.region !== result.region) {
    warnings.push(`the baseline is from region ${baseline.region}, this run checked ${result.region}`);
  }
  return {
    new: fresh.sort(byResource),
    existing: existing.sort(byResource),
    fixed: fixed.sort(byResource),
    waived,
    unknown: unknown.sort(byResource),
    warnings,
    baseline: { file: baseline.file, generatedAt: baseline.generatedAt, sha: baseline.sha }
  };
}

/** Fingerprints the baseline already knew (existing and fixed findings): not new in this pull request. */
export function knownFingerprints(comparison: BaselineComparison): Set<string> {
  return new Set([...comparison.existing.map(f => f.fingerprint), ...comparison.fixed.map(f => f.fingerprint)]);
}
