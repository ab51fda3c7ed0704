/** The pre-deploy part of the job summary: what AWS Config judged of the templates before deploy. */
import type { PreDeployResult } from '../../predeploy/evaluate.js';
import { escapeMarkdown } from '../../util/text.js';
import type { SummarySection } from '../markdown/layout.js';

/** The pre-deploy part of the job summary. */
export function preDeploySection(pre: PreDeployResult): SummarySection {
  const lines = ['### Pre-deploy evaluation (AWS Config proactive rules)', ''];
  if (pre.note) lines.push(`⚠️ ${escapeMarkdown(pre.note)}`, '');
  lines.push(
    `${pre.evaluated} template resource(s) evaluated before deploy; ${pre.findings.length} would be non-compliant.`
  );
  if (pre.notJudged.length > 0) {
    lines.push(
      '',
      `Not judged before deploy (checked only once deployed): ${pre.notJudged.map(n => `${escapeMarkdown(n.ruleName)} (${escapeMarkdown(n.reason)})`).join('; ')}.`
    );
  }
  if (pre.failed.length > 0) {
    lines.push('', `⛔ ${pre.failed.length} template resource(s) could not be evaluated: errors that fail the gate.`);
  }
  for (const f of pre.failed)
    lines.push(
      '',
      `Could not evaluate ${escapeMarkdown(f.file)}:${f.line} ${escapeMarkdown(f.logicalId)}: ${escapeMarkdown(f.reason)}.`
    );
  return {
    id: 'pre-deploy',
    order: 6,
    priority: 2,
    blocks: [
      { kind: 'text', text: lines.join('\n'), required: true },
      {
        kind: 'rows',
        head: '\n| Rule | Template | Resource | Line |\n| --- | --- | --- | --- |',
        rowCount: pre.findings.length,
        row: i => {
          const f = pre.findings[i]!;
          return `| ${escapeMarkdown(f.ruleName)} | ${escapeMarkdown(f.template)} | ${escapeMarkdown(f.logicalId)} (${escapeMarkdown(f.resourceType)}) | ${f.location.line} |`;
        }
      }
    ]
  };
}
