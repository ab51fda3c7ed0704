/**
 * Baseline comparison for pull requests: an earlier run's findings (baseline/load.ts) split the current findings
 * into new and existing ones and list what was fixed since. Pure.
 *
 * Matching is by fingerprint. A schemaVersion 2 baseline: account + region + rule + resource type + resource id. A
 * schemaVersion 1 baseline (written before reports named accounts) knows one account and region: its findings are
 * matched by rule + resource type + resource id against this run's findings of the run's own account and region only;
 * findings of every other account and region are new against it, and its fixed findings are reported in the run's own
 * account and region.
 */
import { fingerprint, fingerprintV1 } from '../compliance/fingerprint.js';
import type { ComplianceResult, Finding } from '../compliance/types.js';
import { fingerprintOf } from '../locate/source-map.js';
import { ruleKey, type Baseline } from './load.js';

export interface FixedFinding {
  accountId: string;
  region: string;
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
const byResource = <
  T extends { accountId: string; region: string; ruleName: string; resourceType: string; resourceId: string }
>(
  a: T,
  b: T
): number =>
  cmp(a.accountId, b.accountId) ||
  cmp(a.region, b.region) ||
  cmp(a.ruleName, b.ruleName) ||
  cmp(a.resourceType, b.resourceType) ||
  cmp(a.resourceId, b.resourceId);

/**
 * Splits the current findings by the baseline: counted findings are new or existing; waived ones are neither.
 * A baseline finding absent now is fixed when its rule was checked now, unknown when the rule errored or is gone.
 */
export function compareWithBaseline(result: ComplianceResult, baseline: Baseline): BaselineComparison {
  const v1 = baseline.schemaVersion === 1;
  const own = (x: { accountId: string; region: string }): boolean =>
    x.accountId === result.accountId && x.region === result.region;
  // The key a current finding or rule has in the baseline; undefined: the baseline cannot know it (v1, other account).
  const findingKey = (f: Finding): string | undefined =>
    !v1 ? fingerprintOf(f) : own(f) ? fingerprintV1(f.ruleName, f.resourceType, f.resourceId) : undefined;
  const current = new Set<string>();
  const checked = new Set<string>();
  const fresh: Finding[] = [];
  const existing: Finding[] = [];
  let waived = 0;
  for (const rule of result.rules) {
    if (rule.status !== 'error' && (!v1 || own(rule))) {
      checked.add(v1 ? rule.ruleName : ruleKey(rule.accountId, rule.region, rule.ruleName));
    }
    for (const f of rule.findings) {
      const k = findingKey(f);
      if (k !== undefined) current.add(k);
      if (f.waiver !== undefined) waived++;
      else if (k !== undefined && baseline.findings.has(k)) existing.push(f);
      else fresh.push(f);
    }
  }
  const fixed: FixedFinding[] = [];
  const unknown: FixedFinding[] = [];
  for (const b of baseline.findings.values()) {
    if (current.has(b.fingerprint)) continue;
    // A v1 entry has no account or region: it is the run's own.
    const accountId = b.accountId ?? result.accountId;
    const region = b.region ?? result.region;
    const entry: FixedFinding = {
      accountId,
      region,
      ruleName: b.ruleName,
      resourceType: b.resourceType,
      resourceId: b.resourceId,
      fingerprint: v1 ? fingerprint(accountId, region, b.ruleName, b.resourceType, b.resourceId) : b.fingerprint
    };
    (checked.has(v1 ? b.ruleName : ruleKey(accountId, region, b.ruleName)) ? fixed : unknown).push(entry);
  }
  const warnings: string[] = [];
  if (v1 && result.rules.some(r => !own(r))) {
    warnings.push(
      `the baseline is a schemaVersion 1 report (one account and region): it is compared with ${result.accountId}/${result.region} only, findings of other accounts and regions are new`
    );
  }
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
