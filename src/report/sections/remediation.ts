/**
 * The remediation phase in the job summary: the plan table, the outcomes table, the plan hash. A pure builder over
 * the phase's data (RemediationReport); remediation/plan-file.ts writes remediation-plan.json.
 */
import { PolicyError } from '../../errors.js';
import { codeSpan, escapeMarkdown, truncate } from '../../util/text.js';
import type { SummaryBlock, SummarySection } from '../markdown/layout.js';
import { SUMMARY_ORDER, SUMMARY_PRIORITY } from './order.js';
import type { PlanTarget } from '../../remediation/plan.js';
import { countOutcomes, type RemediationReport } from '../../remediation/result.js';
import type { OutcomeStatus, TargetOutcome } from '../../remediation/verify.js';

/** Budget priority: after the verdict and rule table, before the resource lists. */
const REMEDIATION_PRIORITY = 3;

const OUTCOME_LABEL: Readonly<Record<OutcomeStatus, string>> = {
  verified: '✅ verified',
  'succeeded-unverified': '☑️ succeeded, unverified',
  alerted: '📣 alerted (finding open)',
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

const hipaaCell = (t: PlanTarget): string => (t.hipaaSections.length > 0 ? cell(t.hipaaSections.join(', '), 200) : '-');
const routeCell = (t: PlanTarget): string => (t.route === 'config' ? 'AWS Config' : 'SSM Automation');

/** Five columns (GitHub's page width holds about six): the parameters, long ARNs, are in their own collapsed table. */
function planRow(t: PlanTarget): string {
  return row([
    cell(t.rule, 128),
    `${cell(t.resourceId, 256)}<br>${cell(t.resourceType, 64)}`,
    cell(`${t.runbook.name}@${t.runbook.version}`, 160),
    routeCell(t),
    hipaaCell(t)
  ]);
}

function parameterRow(t: PlanTarget): string {
  return row([cell(t.resourceId, 256), cell(formatParameters(t.parameters), 600)]);
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

const targets = (n: number): string => `${n} target${n === 1 ? '' : 's'}`;

/** The tally of outcomes, worst last: `1 ✅ verified · 2 ☑️ succeeded, unverified`. */
function outcomeTally(outcomes: readonly TargetOutcome[]): string {
  const c = countOutcomes(outcomes);
  return (Object.keys(c) as OutcomeStatus[])
    .filter(s => c[s] > 0)
    .map(s => `${c[s]} ${OUTCOME_LABEL[s]}`)
    .join(' · ');
}

/**
 * The heading naming what the remediation run did, the summary's first line: the plan awaiting approval (plan mode),
 * what was remediated and verified (apply), or that it was refused or stopped.
 */
export function remediationHeading(input: RemediationReport): string {
  const { plan, mode, outcomes } = input;
  const n = plan.targets.length;
  if (input.error !== undefined) {
    const what = input.error instanceof PolicyError ? 'refused' : 'stopped';
    return `## 🛠️ Remediation${mode === 'plan' ? ' plan' : ''} ${what}: ${cell(input.error.message, 200)}`;
  }
  if (mode === 'plan') {
    return n === 0
      ? '## 🛠️ Remediation plan: nothing to remediate'
      : `## 🛠️ Remediation plan awaiting approval: ${targets(n)}`;
  }
  if (input.cancelled !== undefined) return `## 🛠️ Remediation cancelled: ${outcomeTally(outcomes) || targets(n)}`;
  if (n === 0) return '## 🛠️ Remediation: nothing to remediate';
  const c = countOutcomes(outcomes);
  const done = c.verified + c['succeeded-unverified'];
  return `## 🛠️ Remediated ${done} of ${targets(n)}: ${outcomeTally(outcomes) || 'nothing ran'}`;
}

/** How to approve a plan: the inputs of the apply run (the example workflow's second job). */
function howToApprove(input: RemediationReport): string {
  return [
    `**To approve:** run the action with ${codeSpan('remediate: apply')} and ${codeSpan(`approved-plan-hash: ${input.plan.hash}`)}` +
      ` (and ${codeSpan('approved-plan-file')} set to this run's plan file): it applies exactly this plan and refuses any other.`,
    'Nothing was changed by this run.'
  ].join('  \n');
}

/**
 * The remediation section: with `lead` (the run's main act) it opens the summary with an h2 heading; the plan table
 * (rule, resource, runbook, route, HIPAA sections) is open in plan mode, collapsed after an apply, whose outcomes
 * come first.
 */
export function remediationSection(input: RemediationReport, opts: { lead?: boolean } = {}): SummarySection {
  const { plan, mode, outcomes } = input;
  const n = plan.targets.length;
  const lead = opts.lead === true;
  const title = lead
    ? remediationHeading(input)
    : mode === 'plan'
      ? `### 🛠️ Remediation plan (dry run, nothing changed): ${targets(n)}`
      : `### 🛠️ Remediation: ${targets(n)} planned`;
  const facts = [
    `Plan hash ${codeSpan(plan.hash)}`,
    `max-remediations ${input.max}`,
    `plan ${codeSpan(input.planFile)}`,
    `audit log ${codeSpan(input.auditFile)}`
  ];
  const lines = [title, '', facts.join(' · ')];
  if (mode === 'plan' && n > 0 && input.error === undefined) lines.push('', howToApprove(input));
  if (input.approval !== undefined) lines.push('', escapeMarkdown(input.approval));
  if (input.error !== undefined) {
    const label = input.error instanceof PolicyError ? 'Refused' : 'Stopped';
    lines.push('', `**${label}:** ${cell(input.error.message, 1500)}`);
  }
  if (input.cancelled !== undefined) lines.push('', `**Cancelled:** ${cell(input.cancelled, 1500)}`);
  if (mode === 'apply' && outcomes.length > 0) lines.push('', `Outcomes: ${outcomeTally(outcomes)}`);
  if (input.alert !== undefined) lines.push('', cell(input.alert, 300));
  for (const t of input.trail ?? []) lines.push('', cell(t, 1500));
  if (plan.notes.length > 0) lines.push('', ...plan.notes.map(note => `- ${cell(note, 400)}`));
  const blocks: SummaryBlock[] = [{ kind: 'text', text: lines.join('\n'), required: true }];
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
  if (n > 0) {
    const open = mode === 'plan';
    blocks.push({
      kind: 'rows',
      head: [
        '',
        open ? '#### The plan' : '<details><summary>The plan</summary>',
        '',
        row(['Rule', 'Resource', 'Runbook@version', 'Route', 'HIPAA sections']),
        row(['---', '---', '---', '---', '---'])
      ].join('\n'),
      rowCount: n,
      row: i => planRow(plan.targets[i] as PlanTarget),
      ...(open ? {} : { tail: '\n</details>' })
    });
    blocks.push({
      kind: 'rows',
      head: [
        '',
        `<details><summary>Runbook parameters (${targets(n)})</summary>`,
        '',
        row(['Resource', 'Parameters']),
        row(['---', '---'])
      ].join('\n'),
      rowCount: n,
      row: i => parameterRow(plan.targets[i] as PlanTarget),
      tail: '\n</details>'
    });
  }
  return {
    id: 'remediation',
    order: lead ? SUMMARY_ORDER.lead : SUMMARY_ORDER.remediation,
    priority: lead ? SUMMARY_PRIORITY.lead : REMEDIATION_PRIORITY,
    blocks,
    omissionNote: k =>
      `_${k} remediation row${k === 1 ? '' : 's'} left out to keep the job summary within its size limit; ${codeSpan(input.planFile)} and ${codeSpan(input.auditFile)} have all of them._`
  };
}
