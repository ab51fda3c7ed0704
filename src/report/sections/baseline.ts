/** The baseline part of the job summary: new findings in a table, fixed and existing ones collapsed. */
import type { BaselineComparison, FixedFinding } from '../../baseline/compare.js';
import type { Finding } from '../../compliance/types.js';
import { codeSpan, escapeMarkdown, truncate } from '../../util/text.js';
import { formatTime, plural, row } from '../markdown/format.js';
import type { SummaryBlock, SummarySection } from '../markdown/layout.js';

/** Where the baseline section sits: right after the verdict; filled after the rule table. */
export const BASELINE_SUMMARY = { id: 'baseline', order: 5, priority: 2 } as const;

function resourceCells(f: { ruleName: string; resourceType: string; resourceId: string }): string[] {
  return [
    escapeMarkdown(truncate(f.ruleName, 128)),
    escapeMarkdown(truncate(f.resourceType, 80)),
    escapeMarkdown(truncate(f.resourceId, 256))
  ];
}

const FINDING_HEAD = [row(['Rule', 'Type', 'Resource', 'Annotation']), row(['---', '---', '---', '---'])].join('\n');
const FIXED_HEAD = [row(['Rule', 'Type', 'Resource']), row(['---', '---', '---'])].join('\n');

function findingRow(f: Finding): string {
  return row([
    ...resourceCells(f),
    f.annotation !== undefined && f.annotation !== '' ? escapeMarkdown(truncate(f.annotation, 256)) : '-'
  ]);
}

/** The job summary section of a comparison: new findings in a table, fixed and existing ones collapsed. */
export function baselineSection(
  comparison: BaselineComparison,
  opts: { order?: number; priority?: number } = {}
): SummarySection {
  const c = comparison;
  const sha = c.baseline.sha !== '' ? `, commit ${escapeMarkdown(c.baseline.sha.slice(0, 12))}` : '';
  const counts = [
    c.new.length > 0 ? `**${plural(c.new.length, 'new non-compliant resource')}**` : 'no new non-compliant resources',
    `${c.existing.length} existing`,
    `${c.fixed.length} fixed`
  ];
  if (c.waived > 0) counts.push(`${c.waived} waived (not counted)`);
  if (c.unknown.length > 0) counts.push(`${c.unknown.length} not re-checked (rule errored or removed)`);
  const blocks: SummaryBlock[] = [
    { kind: 'text', text: '### Compared with the baseline', required: true },
    {
      kind: 'text',
      text: `${counts.join(' · ')}  \nBaseline ${codeSpan(c.baseline.file)} generated ${formatTime(c.baseline.generatedAt)}${sha}`,
      required: true
    }
  ];
  for (const w of c.warnings) blocks.push({ kind: 'text', text: `> ⚠️ ${escapeMarkdown(w)}`, required: true });
  if (c.new.length > 0) {
    blocks.push({
      kind: 'rows',
      head: ['', '#### New since the baseline', '', FINDING_HEAD].join('\n'),
      rowCount: c.new.length,
      row: i => findingRow(c.new[i] as Finding)
    });
  }
  if (c.fixed.length > 0) {
    blocks.push({
      kind: 'rows',
      head: ['', `<details><summary>Fixed since the baseline (${c.fixed.length})</summary>`, '', FIXED_HEAD].join('\n'),
      rowCount: c.fixed.length,
      row: i => row(resourceCells(c.fixed[i] as FixedFinding)),
      tail: '\n</details>'
    });
  }
  if (c.existing.length > 0) {
    blocks.push({
      kind: 'rows',
      head: ['', `<details><summary>Already in the baseline (${c.existing.length})</summary>`, '', FINDING_HEAD].join(
        '\n'
      ),
      rowCount: c.existing.length,
      row: i => findingRow(c.existing[i] as Finding),
      tail: '\n</details>'
    });
  }
  return {
    id: BASELINE_SUMMARY.id,
    order: opts.order ?? BASELINE_SUMMARY.order,
    priority: opts.priority ?? BASELINE_SUMMARY.priority,
    blocks,
    omissionNote: n =>
      `_${plural(n, 'baseline row')} left out to keep the job summary within its size limit; the JSON report has every finding._`
  };
}
