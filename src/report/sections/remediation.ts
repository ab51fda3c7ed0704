/**
 * The remediation phase in the job summary: the plan table, the outcomes table, the plan hash. A pure builder over
 * the phase's data (RemediationReport); remediation/plan-file.ts writes remediation-plan.json.
 */
import { PolicyError } from '../../errors.js';
import { codeSpan, escapeMarkdown, truncate } from '../../util/text.js';
import type { SummaryBlock, SummarySection } from '../markdown/layout.js';
import { SUMMARY_ORDER } from './order.js';
import type { PlanTarget } from '../../remediation/plan.js';
import { countOutcomes, type RemediationReport } from '../../remediation/result.js';
import type { OutcomeStatus, TargetOutcome } from '../../remediation/verify.js';

/** Budget priority: after the verdict and rule table, before the resource lists. */
const REMEDIATION_PRIORITY = 3;

const OUTCOME_LABEL: Readonly<Record<OutcomeStatus, string>> = {
  verified: '✅ verified',
  'succeeded-unverified': '☑️ succeeded, unverified',
  failed: '❌ failed',
  'timed-out': '⏱️ timed out',
  skipped: '⏭️ skipped',
  cancelled: '🛑 cancelled'
};

function cell(s: string, max = 200): string {
  return escapeMarkdown(truncate(s, max));
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** `Name=v1, v2; Other=x`, values already masked. */
export function formatParameters(parameters: Readonly<Record<string, readonly string[]>>): string {
  const names = Object.keys(parameters).sort();
  if (names.length === 0) return '-';
  return names.map(n => `${n}=${(parameters[n] ?? []).join(', ')}`).join('; ');
}

function planRow(t: PlanTarget): string {
  return row([
    cell(t.rule, 128),
    `${cell(t.resourceType, 64)} ${cell(t.resourceId, 256)}`,
    cell(`${t.runbook.name}@${t.runbook.version}`, 160),
    cell(formatParameters(t.parameters), 400),
    t.route === 'config' ? 'AWS Config' : 'SSM Automation'
  ]);
}

function outcomeRow(o: TargetOutcome): string {
  const detail = [o.failedStep ? `step ${o.failedStep}` : '', o.message ?? ''].filter(s => s !== '').join(': ');
  return row([
    cell(o.target.rule, 128),
    cell(o.target.resourceId, 256),
    OUTCOME_LABEL[o.status],
    o.executionId ? cell(o.executionId, 80) : '-',
    detail !== '' ? cell(detail, 300) : '-'
  ]);
}

export function remediationSection(input: RemediationReport): SummarySection {
  const { plan, mode, outcomes } = input;
  const n = plan.targets.length;
  const title =
    mode === 'plan'
      ? `### 🛠️ Remediation plan (dry run, nothing changed): ${n} target${n === 1 ? '' : 's'}`
      : `### 🛠️ Remediation: ${n} target${n === 1 ? '' : 's'} planned`;
  const facts = [
    `Plan hash ${codeSpan(plan.hash)}`,
    `max-remediations ${input.max}`,
    `plan ${codeSpan(input.planFile)}`,
    `audit log ${codeSpan(input.auditFile)}`
  ];
  const lines = [title, '', facts.join(' · ')];
  if (input.approval !== undefined) lines.push('', escapeMarkdown(input.approval));
  if (input.error !== undefined) {
    const label = input.error instanceof PolicyError ? 'Refused' : 'Stopped';
    lines.push('', `**${label}:** ${cell(input.error.message, 1500)}`);
  }
  if (input.cancelled !== undefined) lines.push('', `**Cancelled:** ${cell(input.cancelled, 1500)}`);
  if (mode === 'apply' && outcomes.length > 0) {
    const c = countOutcomes(outcomes);
    const tally = (Object.keys(c) as OutcomeStatus[]).filter(s => c[s] > 0).map(s => `${c[s]} ${OUTCOME_LABEL[s]}`);
    lines.push('', `Outcomes: ${tally.join(' · ')}`);
  }
  if (input.alert !== undefined) lines.push('', cell(input.alert, 300));
  for (const t of input.trail ?? []) lines.push('', cell(t, 1500));
  if (plan.notes.length > 0) lines.push('', ...plan.notes.map(note => `- ${cell(note, 400)}`));
  const blocks: SummaryBlock[] = [{ kind: 'text', text: lines.join('\n'), required: true }];
  if (n > 0) {
    blocks.push({
      kind: 'rows',
      head: [
        '',
        '<details><summary>Plan</summary>',
        '',
        row(['Rule', 'Resource', 'Runbook@version', 'Parameters', 'Route']),
        row(['---', '---', '---', '---', '---'])
      ].join('\n'),
      rowCount: n,
      row: i => planRow(plan.targets[i] as PlanTarget),
      tail: '\n</details>'
    });
  }
  if (mode === 'apply' && outcomes.length > 0) {
    blocks.push({
      kind: 'rows',
      head: [
        '',
        '#### Outcomes',
        '',
        row(['Rule', 'Resource', 'Outcome', 'Execution', 'Detail']),
        row(['---', '---', '---', '---', '---'])
      ].join('\n'),
      rowCount: outcomes.length,
      row: i => outcomeRow(outcomes[i] as TargetOutcome)
    });
  }
  return {
    id: 'remediation',
    order: SUMMARY_ORDER.remediation,
    priority: REMEDIATION_PRIORITY,
    blocks,
    omissionNote: k =>
      `_${k} remediation row${k === 1 ? '' : 's'} left out to keep the job summary within its size limit; ${codeSpan(input.planFile)} and ${codeSpan(input.auditFile)} have all of them._`
  };
}
