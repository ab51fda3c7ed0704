/**
 * The "Remediation effectiveness" section (input review-days): counts per rule (with HIPAA sections) and per
 * runbook, detection-to-verified times, repeat offenders, approvals and refusals, and a Mermaid chart of verified vs
 * failed per week (GitHub renders Mermaid in job summaries). Pure.
 */
import type { EffectivenessReview, ReviewCounts } from '../../remediation/review.js';
import { codeSpan, escapeMarkdown, truncate } from '../../util/text.js';
import type { SummaryBlock, SummarySection } from '../markdown/layout.js';
import { SUMMARY_ORDER } from './order.js';

const cell = (s: string, max = 200): string => escapeMarkdown(truncate(s, max));
const counts = (c: ReviewCounts): string[] => [c.started, c.succeeded, c.verified, c.failed, c.cancelled].map(String);

/** 3725 -> "1h 2m 5s"; 42 -> "42s". */
export function formatSeconds(s: number): string {
  const t = Math.round(s);
  const d = Math.floor(t / 86_400);
  const h = Math.floor((t % 86_400) / 3600);
  const m = Math.floor((t % 3600) / 60);
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : '', t % 60 || t === 0 ? `${t % 60}s` : ''];
  return parts.filter(p => p !== '').join(' ');
}

/** A Mermaid xychart of verified and failed executions per week; undefined with no week to show. */
export function weeklyChart(review: EffectivenessReview): string | undefined {
  if (review.weeks.length === 0) return undefined;
  const max = Math.max(1, ...review.weeks.flatMap(w => [w.verified, w.failed]));
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Verified (bar) and failed (line) per week"',
    `  x-axis [${review.weeks.map(w => `"${w.week}"`).join(', ')}]`,
    `  y-axis "executions" 0 --> ${max}`,
    `  bar [${review.weeks.map(w => w.verified).join(', ')}]`,
    `  line [${review.weeks.map(w => w.failed).join(', ')}]`,
    '```'
  ].join('\n');
}

export function effectivenessSection(review: EffectivenessReview): SummarySection {
  const lines = [
    `### 📈 Remediation effectiveness (last ${review.days} day${review.days === 1 ? '' : 's'})`,
    '',
    `Audit records ${review.from} to ${review.to} in ${codeSpan(review.logGroup)}: ${review.records} read` +
      (review.unreadable > 0 ? `, ${review.unreadable} log event(s) that are not audit records` : '') +
      '.'
  ];
  if (review.error !== undefined) {
    lines.push('', `**Review failed:** ${cell(review.error, 1500)}`);
    return {
      id: 'effectiveness',
      order: SUMMARY_ORDER.remediation + 1,
      priority: 40,
      blocks: [{ kind: 'text', text: lines.join('\n'), required: true }]
    };
  }
  const t = review.total;
  lines.push(
    '',
    `Executions: ${t.started} started · ${t.succeeded} succeeded · ${t.verified} verified · ${t.failed} failed · ${t.cancelled} cancelled. ` +
      `Approvals ${review.approvals} · refusals ${review.refusals}.`
  );
  const d = review.detectionToVerified;
  lines.push(
    '',
    d
      ? `Detection to verified (${d.count}): median ${formatSeconds(d.medianSeconds)}, 90th percentile ${formatSeconds(d.p90Seconds)}.`
      : 'Detection to verified: no verified remediation in the window.'
  );
  if (review.repeatOffenders.length > 0) {
    lines.push(
      '',
      `Remediated more than once: ${review.repeatOffenders
        .slice(0, 20)
        .map(o => `${cell(o.resourceId, 120)} (${cell(o.rule, 80)}, ${o.executions}×)`)
        .join(', ')}${review.repeatOffenders.length > 20 ? ` and ${review.repeatOffenders.length - 20} more` : ''}.`
    );
  }
  const blocks: SummaryBlock[] = [{ kind: 'text', text: lines.join('\n'), required: true }];
  const chart = weeklyChart(review);
  if (chart) blocks.push({ kind: 'text', text: `\n${chart}` });
  const head = '| started | succeeded | verified | failed | cancelled |';
  const sep = '|---:|---:|---:|---:|---:|';
  blocks.push({
    kind: 'rows',
    head: ['', '| Rule | HIPAA ' + head, '|---|---' + sep].join('\n'),
    rowCount: review.byRule.length,
    row: i => {
      const r = review.byRule[i]!;
      return `| ${cell(r.rule)} | ${cell(r.hipaaSections.join(', ') || '-')} | ${counts(r).join(' | ')} |`;
    }
  });
  blocks.push({
    kind: 'rows',
    head: ['', '| Runbook ' + head, '|---' + sep].join('\n'),
    rowCount: review.byRunbook.length,
    row: i => {
      const r = review.byRunbook[i]!;
      return `| ${cell(r.runbook)} | ${counts(r).join(' | ')} |`;
    }
  });
  return {
    id: 'effectiveness',
    order: SUMMARY_ORDER.remediation + 1,
    priority: 40,
    blocks,
    omissionNote: k =>
      `_${k} row${k === 1 ? '' : 's'} left out to keep the job summary within its size limit; the JSON report has all of them._`
  };
}
