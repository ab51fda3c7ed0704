/**
 * Which waivers a pull request may use. A waiver written in a pull request must not exempt that same pull request:
 * on pull-request and merge-queue runs a waiver of the head manifest applies only when the base branch's manifest
 * already holds a waiver for the same rule and resource that expires no earlier. Edits to reason or owner are fine,
 * a shorter expiry is fine (the head's, earlier, expiry applies); a later expiry is a new waiver. Everything else is
 * "proposed: applies after merge": listed, not applied, its findings count.
 *
 * A waiver may name an account (`account:`): its identity is then account + rule + resource and it covers that
 * account's findings only; without one it covers the rule and resource in every account. A base waiver without an
 * account also grants the same waiver narrowed to one account (it already covered that account).
 *
 * Pure: the base's waivers (or why they could not be read) and the head's in, the decision out.
 */
import type { ComplianceResult, Finding } from '../compliance/types.js';
import type { Waiver } from '../manifest/load.js';

/** The base branch's waivers, or why they are not known (then no waiver of the head applies). */
export type BaseWaivers = { readable: true; waivers: readonly Waiver[] } | { readable: false; reason: string };

/** Why a head waiver does not apply before merge. */
export type ProposedWhy = 'new' | 'later-expiry' | 'base-unreadable';

export interface ProposedWaiver extends Waiver {
  why: ProposedWhy;
  /** The base's latest expiry for the same rule and resource (why = later-expiry). */
  baseExpires?: string;
}

export interface WaiverDecision {
  /** Head waivers the base holds (with the head's reason, owner and expiry). */
  effective: Waiver[];
  /** Head waivers that apply only after merge. */
  proposed: ProposedWaiver[];
}

/** Where the waivers of a pull-request or merge-queue run were judged from, for the reports. */
export interface WaiverBase {
  eventName: string;
  sha?: string;
  /** How the base manifest was read, when it was. */
  via?: 'git' | 'contents-api';
  /** Why the base's waivers are not known (then no head waiver applies). */
  unreadable?: string;
}

/** The marker the summary and the JSON report show for a proposed waiver. */
export const PROPOSED_LABEL = 'proposed: applies after merge';

/** Marks "every account" in a key: no account id (12 digits) can be it. */
const EVERY_ACCOUNT = '*';
const key = (account: string | undefined, rule: string, resourceId: string): string =>
  `${account ?? EVERY_ACCOUNT}\u0000${rule}\u0000${resourceId}`;

/** The later of two optional expiries (YYYY-MM-DD: string order is date order). */
const later = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined || a >= b ? a : b;

/** The waiver of `byKey` that covers a finding: one naming its account first, else one for every account. */
function coveringWaiver<T>(byKey: ReadonlyMap<string, T>, f: Finding): T | undefined {
  return byKey.get(key(f.accountId, f.ruleName, f.resourceId)) ?? byKey.get(key(undefined, f.ruleName, f.resourceId));
}

/**
 * Splits the head's waivers into those the base branch holds (effective) and the rest (proposed). Expiry dates are
 * YYYY-MM-DD strings (validated by the manifest loader), so string order is date order.
 */
export function decideWaivers(head: readonly Waiver[], base: BaseWaivers): WaiverDecision {
  if (!base.readable) {
    return { effective: [], proposed: head.map(w => ({ ...w, why: 'base-unreadable' as const })) };
  }
  // The latest expiry the base grants each account (or every account), rule and resource (a manifest may list one
  // twice).
  const granted = new Map<string, string>();
  for (const w of base.waivers) {
    const k = key(w.account, w.rule, w.resourceId);
    const prev = granted.get(k);
    if (prev === undefined || w.expires > prev) granted.set(k, w.expires);
  }
  const effective: Waiver[] = [];
  const proposed: ProposedWaiver[] = [];
  for (const w of head) {
    const own = granted.get(key(w.account, w.rule, w.resourceId));
    const baseExpires = w.account === undefined ? own : later(own, granted.get(key(undefined, w.rule, w.resourceId)));
    if (baseExpires === undefined) proposed.push({ ...w, why: 'new' });
    else if (w.expires > baseExpires) proposed.push({ ...w, why: 'later-expiry', baseExpires });
    else effective.push(w);
  }
  return { effective, proposed };
}

/**
 * The result with each finding that a waiver not expired on `today` covers (same rule and resource) rewritten by
 * `mark`; the input is not changed.
 */
function markCovered(
  result: ComplianceResult,
  waivers: readonly Waiver[],
  today: string,
  mark: (f: Finding, w: Waiver) => Finding
): ComplianceResult {
  const active = waivers.filter(w => w.expires >= today);
  if (active.length === 0) return result;
  const byKey = new Map(active.map(w => [key(w.account, w.rule, w.resourceId), w]));
  return {
    ...result,
    rules: result.rules.map(r => ({
      ...r,
      findings: r.findings.map(f => {
        const w = coveringWaiver(byKey, f);
        return w ? mark(f, w) : f;
      })
    }))
  };
}

/**
 * Marks the findings a waiver covers (its account when it names one, rule + resource id, not expired on `today`): they
 * no longer count.
 */
export function applyWaivers(result: ComplianceResult, waivers: readonly Waiver[], today: string): ComplianceResult {
  return markCovered(result, waivers, today, (f, w) => ({ ...f, waiver: w }));
}

/**
 * Marks findings that a proposed waiver (not expired on `today`) would cover once merged, for the reports. They stay
 * counted: `waiver` is not set. Findings a waiver already covers are left alone. The input is not changed.
 */
export function markProposedWaivers(
  result: ComplianceResult,
  proposed: readonly Waiver[],
  today: string
): ComplianceResult {
  return markCovered(result, proposed, today, (f, w) => {
    if (f.waiver !== undefined) return f;
    const { why: _why, baseExpires: _b, ...waiver } = w as ProposedWaiver;
    return { ...f, proposedWaiver: waiver };
  });
}

/** How many findings of the result each proposed waiver covers (by account when it names one, rule and resource). */
export function findingsCovered(result: ComplianceResult, w: Waiver): number {
  let n = 0;
  for (const r of result.rules) {
    if (r.ruleName !== w.rule || (w.account !== undefined && r.accountId !== w.account)) continue;
    for (const f of r.findings) if (f.resourceId === w.resourceId && f.waiver === undefined) n++;
  }
  return n;
}
