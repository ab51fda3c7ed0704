/** The non-compliant resources of the job summary: one collapsed table per rule. */
import type { Finding, RuleResult } from '../../compliance/types.js';
import { PROPOSED_LABEL } from '../../gate/waivers.js';
import { escapeHtml, escapeMarkdown, truncate } from '../../util/text.js';
import { formatTime, plural, row } from '../markdown/format.js';
import type { SummaryBlock, SummarySection } from '../markdown/layout.js';
import { countFindings, sortFindings } from '../ranking.js';
import { SUMMARY_ORDER, SUMMARY_PRIORITY } from './order.js';
import { MAX_RULE, whereFullList, type ReportFiles } from './rules.js';

const MAX_ID = 256;
const MAX_ANNOTATION = 256;

function waiverCell(f: Finding): string {
  const w = f.waiver;
  if (w === undefined) {
    const p = f.proposedWaiver;
    if (p !== undefined) {
      return `${PROPOSED_LABEL}, counted: ${escapeMarkdown(truncate(p.reason, 160))} (owner ${escapeMarkdown(truncate(p.owner, 64))}, expires ${escapeMarkdown(truncate(p.expires, 32))})`;
    }
    if (f.remediation === undefined) return '-';
    return `remediated: ${escapeMarkdown(f.remediation.outcome)}${f.remediation.executionId ? ` (${escapeMarkdown(truncate(f.remediation.executionId, 64))})` : ''}`;
  }
  return `waived: ${escapeMarkdown(truncate(w.reason, 160))} (owner ${escapeMarkdown(truncate(w.owner, 64))}, expires ${escapeMarkdown(truncate(w.expires, 32))})`;
}

function findingRow(f: Finding): string {
  return row([
    escapeMarkdown(truncate(f.resourceType, 80)),
    escapeMarkdown(truncate(f.resourceId, MAX_ID)),
    f.annotation ? escapeMarkdown(truncate(f.annotation, MAX_ANNOTATION)) : '-',
    formatTime(f.recordedTime),
    waiverCell(f)
  ]);
}

/** The findings of each rule (rules in the order given), counted ones first. */
export function findingsSection(
  rules: readonly RuleResult[],
  reportFiles: ReportFiles | undefined,
  changed?: (f: Finding) => boolean
): SummarySection {
  const blocks: SummaryBlock[] = [{ kind: 'text', text: '### Non-compliant resources' }];
  for (const rule of rules) {
    // Findings fixed and verified in this run are under "Fixed in this run", not here.
    const open = rule.findings.filter(f => !(f.waiver === undefined && f.remediation?.outcome === 'verified'));
    if (open.length === 0) continue;
    const findings = sortFindings(open, changed);
    const { counted, waived } = countFindings(rule);
    const label = `${truncate(rule.ruleName, MAX_RULE)} (${counted} non-compliant${waived > 0 ? `, ${waived} waived` : ''})`;
    blocks.push({
      kind: 'rows',
      head: [
        '',
        `<details><summary>${escapeHtml(label)}</summary>`,
        '',
        row(['Type', 'Resource', 'Annotation', 'Recorded', 'Waiver / remediation']),
        row(['---', '---', '---', '---', '---'])
      ].join('\n'),
      rowCount: findings.length,
      row: i => findingRow(findings[i] as Finding),
      tail: '\n</details>'
    });
  }
  return {
    id: 'findings',
    order: SUMMARY_ORDER.findings,
    priority: SUMMARY_PRIORITY.findings,
    blocks: blocks.length > 1 ? blocks : [],
    omissionNote: n =>
      `**${plural(n, 'resource row')} left out** to keep the job summary within its size limit; ${whereFullList(reportFiles)}.`
  };
}
