/**
 * The summary section of waivers that apply only after merge ("proposed: applies after merge"): on pull-request and
 * merge-queue runs, waivers the base branch's manifest does not hold. Pure.
 */
import { findingsCovered, PROPOSED_LABEL, type ProposedWaiver, type WaiverBase } from '../../gate/waivers.js';
import type { ComplianceResult } from '../../compliance/types.js';
import { codeSpan, escapeMarkdown, truncate } from '../../util/text.js';
import type { SummarySection } from '../markdown/layout.js';

/** Between the verdict (0) and the deploy plan (10): it explains why waived-looking findings count. */
const PROPOSED_WAIVERS_ORDER = 5;
const PRIORITY = 2;

/** Why a proposed waiver does not apply yet, in words. */
function proposedWhy(w: ProposedWaiver): string {
  switch (w.why) {
    case 'new':
      return 'not on the base branch';
    case 'later-expiry':
      return `expires later than on the base branch (${w.baseExpires ?? '?'})`;
    case 'base-unreadable':
      return 'base manifest unavailable';
  }
}

const cell = (s: string, max: number): string => escapeMarkdown(truncate(s, max));

export function proposedWaiversSection(
  proposed: readonly ProposedWaiver[],
  base: WaiverBase | undefined,
  result: ComplianceResult
): SummarySection | undefined {
  if (proposed.length === 0) return undefined;
  const at = base?.sha !== undefined ? ` (${codeSpan(base.sha.slice(0, 12))})` : '';
  const lines = [
    `### Waivers ${PROPOSED_LABEL}`,
    '',
    `On ${escapeMarkdown(base?.eventName ?? 'pull request')} runs a waiver applies only if the base branch's manifest${at} ` +
      `already holds it for the same rule and resource (and account, when it names one), expiring no later. ` +
      `These ${proposed.length} waiver(s) are **${PROPOSED_LABEL}**: not applied now, their findings count.`
  ];
  if (base?.unreadable !== undefined) {
    lines.push('', `The base branch's waivers are unknown: ${escapeMarkdown(truncate(base.unreadable, 600))}.`);
  }
  return {
    id: 'proposed-waivers',
    order: PROPOSED_WAIVERS_ORDER,
    priority: PRIORITY,
    blocks: [
      { kind: 'text', text: lines.join('\n'), required: true },
      {
        kind: 'rows',
        head: [
          '',
          // Six columns at most (GitHub's page width): owner and expiry share one, the source goes under the rule.
          '| Rule | Resource | Owner, expires | Why not applied | Findings counted |',
          '| --- | --- | --- | --- | ---: |'
        ].join('\n'),
        rowCount: proposed.length,
        row: i => {
          const w = proposed[i] as ProposedWaiver;
          return `| ${[
            `${cell(w.rule, 128)}${w.source !== undefined ? `<br>${cell(w.source, 200)}` : ''}`,
            `${cell(w.resourceId, 256)}${w.account !== undefined ? `<br>account ${cell(w.account, 32)}` : ''}`,
            `${cell(w.owner, 64)}, ${cell(w.expires, 32)}`,
            escapeMarkdown(proposedWhy(w)),
            String(findingsCovered(result, w))
          ].join(' | ')} |`;
        }
      }
    ]
  };
}
