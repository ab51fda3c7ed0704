/**
 * The job summary: its first line is an h2 naming the run's main act (the remediation plan awaiting approval, what
 * was remediated and verified, the deploy plan of a pull request; else the gate's verdict), then the verdict, the rule table (worst first) and the non-compliant resources of each rule, with the
 * other phases' sections, laid out within one byte budget (GitHub keeps at most 1 MiB of summary per step): the
 * verdict and the rule table always fit first, resource rows fill what is left and the summary says how many were
 * left out and where the full list is.
 */
import type { ComplianceResult, Finding, GateDecision } from '../compliance/types.js';
import type { RunInfo } from '../run-context.js';
import { DEFAULT_SUMMARY_BUDGET_BYTES, SummaryBuilder, type SummarySection } from './markdown/layout.js';
import { sortRulesWorstFirst } from './ranking.js';
import { accountSections, isMultiAccount } from './sections/accounts.js';
import { findingsSection } from './sections/findings.js';
import { fixedSection } from './sections/fixed.js';
import { SUMMARY_ORDER } from './sections/order.js';
import { rulesSection, type ReportFiles } from './sections/rules.js';
import { verdictSection } from './sections/verdict.js';

export interface SummaryInput {
  result: ComplianceResult;
  gate: GateDecision;
  run: RunInfo;
  reportFiles?: ReportFiles;
  /** Default 1_000_000 (UTF-8 bytes). */
  budgetBytes?: number;
  /** More sections sharing the budget (deploy plan, remediation), placed by their `order`. */
  sections?: SummarySection[];
  /** Whether a finding is in a file the pull request changed: such rules and findings come first. */
  changed?: (f: Finding) => boolean;
}

export interface SummaryOutput {
  markdown: string;
  /** Rows left out to stay within the budget (resource rows and, when even the rule table is cut, rule rows). */
  omittedRows: number;
  /** UTF-8 bytes of markdown. */
  bytes: number;
  omittedBySection: Record<string, number>;
}

/** Builds the job summary: verdict, rule table (worst first), then the non-compliant resources of each rule. */
export function buildSummary(input: SummaryInput): SummaryOutput {
  const { result, gate, run, reportFiles } = input;
  const rules = sortRulesWorstFirst(result.rules, input.changed);
  // A section naming the run's main act (remediation, deploy plan in a PR) leads; the verdict follows as an h3.
  const led = (input.sections ?? []).some(s => s.order === SUMMARY_ORDER.lead);
  const builder = new SummaryBuilder(input.budgetBytes ?? DEFAULT_SUMMARY_BUDGET_BYTES).add(
    verdictSection(result, gate, run, led ? 3 : 2)
  );
  if (isMultiAccount(result)) {
    // More than one account or region: the account table, per-rule totals and per-account details (sections/accounts.ts).
    for (const s of accountSections(result, reportFiles)) builder.add(s);
  } else {
    builder.add(rulesSection(rules, reportFiles)).add(findingsSection(rules, reportFiles, input.changed));
    const fixed = fixedSection(rules);
    if (fixed) builder.add(fixed);
  }
  for (const s of input.sections ?? []) builder.add(s);
  const out = builder.render();
  return {
    markdown: out.markdown,
    omittedRows: out.omittedRows,
    bytes: out.bytes,
    omittedBySection: out.omittedBySection
  };
}
