/**
 * deploy-as: conformance-pack / organization-conformance-pack in the job summary (each pack's compliance and score,
 * every member's status, failed members with their error) and the JSON report's `conformancePacks` block. Pure.
 */
import type { PackRunResult } from '../../deploy/packs/phase.js';
import { escapeMarkdown } from '../../util/text.js';
import type { SummarySection } from '../markdown/layout.js';
import { SUMMARY_ORDER } from './order.js';

/** The JSON report's `conformancePacks` block. */
export function conformancePacksJson(packs: PackRunResult): unknown {
  return {
    mode: packs.mode,
    packs: packs.packs.map(p => ({ ...p, ...(p.members ? { members: p.members.map(m => ({ ...m })) } : {}) })),
    failedMembers: packs.failedMembers.map(m => ({ ...m }))
  };
}

const cell = (s: string | undefined): string => (s === undefined || s === '' ? '-' : escapeMarkdown(s));

export function conformancePacksSection(packs: PackRunResult): SummarySection {
  const title = packs.mode === 'conformance-pack' ? '### Conformance packs' : '### Organization conformance packs';
  const lines = [title, ''];
  for (const p of packs.packs) {
    const score =
      p.score === undefined
        ? ''
        : p.score === 'INSUFFICIENT_DATA'
          ? ', score: insufficient data'
          : `, score ${p.score}%`;
    lines.push(
      `- **${escapeMarkdown(p.name)}** (${escapeMarkdown(p.origin)}, ${p.rules} rules, template ${p.templateBytes} bytes): ` +
        (p.deployedAs ? `${cell(p.compliance)}${score}` : 'not deployed in this account')
    );
  }
  if (packs.failedMembers.length > 0) {
    lines.push('', `**Failed in ${packs.failedMembers.length} member account(s):**`);
    for (const m of packs.failedMembers) {
      lines.push(
        `- ${m.accountId} (${escapeMarkdown(m.pack)}): ${m.status} ${cell(m.errorCode)}: ${cell(m.errorMessage)}`
      );
    }
  }
  const members = packs.packs.flatMap(p => (p.members ?? []).map(m => ({ pack: p.name, ...m })));
  return {
    id: 'conformance-packs',
    order: SUMMARY_ORDER.deploy + 2,
    priority: 2,
    blocks: [
      { kind: 'text', text: lines.join('\n'), required: true },
      ...(members.length === 0
        ? []
        : [
            {
              kind: 'rows' as const,
              head: '\n| Account | Pack | Status | Error |\n| --- | --- | --- | --- |',
              rowCount: members.length,
              row: (i: number) => {
                const m = members[i]!;
                const error = m.errorCode ? `${m.errorCode}: ${m.errorMessage ?? ''}` : '';
                return `| ${m.accountId} | ${escapeMarkdown(m.pack)} | ${m.status} | ${cell(error)} |`;
              }
            }
          ])
    ],
    omissionNote: n => `_${n} member row(s) left out; compliance-report.json has all of them._`
  };
}
