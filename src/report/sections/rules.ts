/** The rule table of the job summary: one row per rule, worst first. */
import type { RuleResult, RuleStatus } from '../../compliance/types.js';
import { codeSpan, escapeMarkdown, truncate } from '../../util/text.js';
import { formatTime, plural, row } from '../markdown/format.js';
import type { SummarySection } from '../markdown/layout.js';
import { countFindings, fixedInThisRun } from '../ranking.js';
import { SUMMARY_ORDER, SUMMARY_PRIORITY } from './order.js';

/** The reports written so far (the summary points at the JSON report for what it leaves out). */
export interface ReportFiles {
  json?: string;
}

export const STATUS_LABEL: Readonly<Record<RuleStatus, string>> = {
  error: '⛔ error',
  noncompliant: '❌ non-compliant',
  stale: '⏳ stale',
  'insufficient-data': '❓ insufficient data',
  compliant: '✅ compliant',
  'not-applicable': '➖ not applicable'
};

export const MAX_RULE = 128;

/** Where the rows the summary left out can be read. */
export function whereFullList(reportFiles: ReportFiles | undefined): string {
  const json = reportFiles?.json;
  return json !== undefined && json !== ''
    ? `the full list is in the JSON report ${codeSpan(json)}`
    : 'the JSON report (report-dir) has the full list';
}

/** The status; an error names its code here and its operation below the table (a long word would widen the column). */
function statusCell(rule: RuleResult): string {
  const label = STATUS_LABEL[rule.status];
  if (rule.error === undefined) return label;
  return `${label}: ${escapeMarkdown(truncate(rule.error.code, 80))}`;
}

/** Below the table: the call each errored rule failed in. */
function errorNotes(rules: readonly RuleResult[]): string | undefined {
  const lines = rules.flatMap(r =>
    r.error === undefined
      ? []
      : [
          `- ⛔ ${escapeMarkdown(truncate(r.ruleName, MAX_RULE))}: ${escapeMarkdown(truncate(r.error.operation, 80))} failed with ${escapeMarkdown(truncate(r.error.code, 80))}`
        ]
  );
  return lines.length > 0 ? `\n${lines.join('\n')}` : undefined;
}

function ruleRow(rule: RuleResult): string {
  const { counted, waived } = countFindings(rule);
  const sections = rule.hipaaSections?.length ? escapeMarkdown(rule.hipaaSections.join(', ')) : '-';
  return row([
    escapeMarkdown(truncate(rule.ruleName, MAX_RULE)),
    statusCell(rule),
    rule.status === 'noncompliant' || counted > 0 ? String(counted) : '-',
    waived > 0 ? String(waived) : '-',
    formatTime(rule.lastEvaluated),
    sections
  ]);
}

/**
 * The rule table, in the order given (worst first); rules this run's remediation fixed are listed under "Fixed in
 * this run" instead. No rule checked: a sentence, not an empty table.
 */
export function rulesSection(all: readonly RuleResult[], reportFiles: ReportFiles | undefined): SummarySection {
  const rules = all.filter(r => !fixedInThisRun(r));
  const base = { id: 'rules', order: SUMMARY_ORDER.rules, priority: SUMMARY_PRIORITY.rules };
  if (rules.length === 0) {
    const text =
      all.length === 0
        ? '### Rules\n\nNo rule was checked: there is nothing to show, and nothing was judged compliant.'
        : '### Rules\n\nEvery rule checked was fixed in this run (below).';
    return { ...base, blocks: [{ kind: 'text', text, required: true }] };
  }
  const notes = errorNotes(rules);
  const head = [
    '### Rules',
    '',
    row(['Rule', 'Status', 'Non-compliant', 'Waived', 'Last evaluated', 'HIPAA sections']),
    row(['---', '---', '---:', '---:', '---', '---'])
  ].join('\n');
  return {
    ...base,
    blocks: [
      {
        kind: 'rows',
        head,
        rowCount: rules.length,
        row: i => ruleRow(rules[i] as RuleResult),
        ...(notes !== undefined ? { tail: notes } : {})
      }
    ],
    omissionNote: n =>
      `\n_${plural(n, 'rule')} not shown to keep the job summary within its size limit; ${whereFullList(reportFiles)}._`
  };
}
