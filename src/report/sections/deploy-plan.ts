/** The deploy plan in the job summary: the table of changes and the runbooks' least-privilege policies. Pure. */
import type { DesiredState } from '../../desired/model.js';
import type { Plan, PlanItem } from '../../deploy/plan.js';
import type { DeployMode } from '../../deploy/plan-file.js';
import { escapeHtml, escapeMarkdown } from '../../util/text.js';
import type { SummarySection } from '../markdown/layout.js';
import { SUMMARY_ORDER, SUMMARY_PRIORITY } from './order.js';

const ICON: Record<PlanItem['action'], string> = { create: '+', update: '~', delete: '-', unchanged: '=' };

function where(i: PlanItem): string {
  return i.position ? `${i.position.file}:${i.position.line}` : '';
}

/** `## 📋 Deploy plan: 6 changes to the account` (the lead heading of a deploy plan in a pull request). */
export function deployPlanHeading(plan: Plan): string {
  return plan.drift === 0
    ? '## 📋 Deploy plan: the account matches the manifest'
    : `## 📋 Deploy plan: ${plan.drift} change${plan.drift === 1 ? '' : 's'} to the account after merge`;
}

/** The deploy plan; with `lead` (deploy: plan in a pull request, the run's main act) it opens the summary. */
export function planSection(
  plan: Plan,
  mode: DeployMode,
  desired: DesiredState,
  applied?: { done: number; error?: string },
  opts: { lead?: boolean } = {}
): SummarySection {
  const c = plan.counts;
  const lead = opts.lead === true && mode === 'plan';
  const sections = new Map(desired.rules.map(r => [r.name, r.hipaaSections]));
  const title = lead
    ? deployPlanHeading(plan)
    : mode === 'plan'
      ? `### Deploy plan (nothing changed): ${plan.drift} difference${plan.drift === 1 ? '' : 's'} from the manifest`
      : `### Deploy (${mode}${plan.prune ? ', prune' : ''})`;
  const lines = [
    title,
    '',
    `${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.unchanged} unchanged.${lead ? ' Nothing was changed by this run: merging applies it (deploy: apply).' : ''}`
  ];
  if (applied) {
    lines.push(
      '',
      applied.error
        ? `**Stopped after ${applied.done} change(s):** ${escapeMarkdown(applied.error)}`
        : `Applied ${applied.done} change(s).`
    );
  }
  const rows = plan.items.filter(i => i.action !== 'unchanged' || i.note);
  return {
    id: 'deploy',
    order: lead ? SUMMARY_ORDER.lead : SUMMARY_ORDER.deploy,
    priority: lead ? SUMMARY_PRIORITY.lead : 2,
    blocks: [
      { kind: 'text', text: lines.join('\n'), required: true },
      ...(rows.length === 0
        ? []
        : [
            {
              kind: 'rows' as const,
              head: '\n| Change | Name | Changes | HIPAA sections | Declared at |\n| --- | --- | --- | --- | --- |',
              rowCount: rows.length,
              row: (i: number) => {
                const item = rows[i]!;
                const changes =
                  item.changes.map(ch => `${ch.field}: ${ch.from} → ${ch.to}`).join('; ') || item.note || '';
                const hipaa = item.object === 'rule' ? (sections.get(item.name) ?? []).join(', ') : '';
                return `| ${ICON[item.action]}&nbsp;${item.action}&nbsp;${item.object} | ${escapeMarkdown(item.name)} | ${changes !== '' ? escapeMarkdown(changes) : '-'} | ${escapeMarkdown(hipaa) || '-'} | ${escapeMarkdown(where(item)) || '-'} |`;
              }
            }
          ])
    ],
    omissionNote: n => `_${n} plan row(s) left out; plan.json has all of them._`
  };
}

/** The least-privilege IAM policy each runbook's assume role needs, derived from its steps (collapsed). */
/** HTML-escapes multi-line text (a pretty-printed policy in <pre>), keeping its line breaks. */
function escapeHtmlText(s: string): string {
  return s
    .split('\n')
    .map(line => escapeHtml(line))
    .join('\n');
}

export function policySection(desired: DesiredState, opts: { lead?: boolean } = {}): SummarySection {
  return {
    id: 'runbook-policies',
    // Right after the deploy plan, wherever it is.
    order: (opts.lead === true ? SUMMARY_ORDER.lead : SUMMARY_ORDER.deploy) + 1,
    priority: 4,
    blocks: [
      {
        kind: 'rows',
        head: "<details><summary>Least-privilege IAM policies for the runbooks' assume roles</summary>\n",
        rowCount: desired.documents.length,
        row: i => {
          const d = desired.documents[i]!;
          const notes = d.policy.notes.map(n => `<li>${escapeHtml(n)}</li>`).join('');
          return [
            `<p><b>${escapeHtml(d.name)}</b> (sha256 ${escapeHtml(d.hash.slice(0, 12))})</p>`,
            `<pre>${escapeHtmlText(JSON.stringify(d.policy.policy, null, 2))}</pre>`,
            notes ? `<ul>${notes}</ul>` : ''
          ].join('');
        },
        tail: '\n</details>'
      }
    ],
    omissionNote: n => `_${n} runbook policies left out; plan.json has all of them._`
  };
}
