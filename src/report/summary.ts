/**
 * The job summary: the verdict, the rule table (worst first) and the non-compliant resources of each rule, with the
 * other phases' sections, laid out within one byte budget (GitHub keeps at most 1 MiB of summary per step): the
 * verdict and the rule table always fit first, resource rows fill what is left and the summary says how many were
 * left out and where the full list is.
 */
import type { ComplianceResult, Finding, GateDecision } from '../compliance/types.js';
import type { RunInfo } from '../run-context.js';
import { DEFAULT_SUMMARY_BUDGET_BYTES, SummaryBuilder, type SummarySection } from './markdown/layout.js';
import { sortRulesWorstFirst } from './ranking.js';
import { findingsSection } from './sections/findings.js';
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
  const builder = new SummaryBuilder(input.budgetBytes ?? DEFAULT_SUMMARY_BUDGET_BYTES)
    .add(verdictSection(result, gate, run))
    .add(rulesSection(rules, reportFiles))
    .add(findingsSection(rules, reportFiles, input.changed));
  for (const s of input.sections ?? []) builder.add(s);
  const out = builder.render();
  return {
    markdown: out.markdown,
    omittedRows: out.omittedRows,
    bytes: out.bytes,
    omittedBySection: out.omittedBySection
  };
}
