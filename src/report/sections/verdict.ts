/** The verdict at the top of the job summary: pass or fail and why, where, and the totals. */
import type { ComplianceResult, GateDecision, RuleStatus } from '../../compliance/types.js';
import { runUrlOf, type RunInfo } from '../../run-context.js';
import { escapeMarkdown, truncate } from '../../util/text.js';
import { formatTime, link, plural } from '../markdown/format.js';
import type { SummaryBlock, SummarySection } from '../markdown/layout.js';
import { fixedInThisRun, STATUS_RANK } from '../ranking.js';
import { SUMMARY_ORDER, SUMMARY_PRIORITY } from './order.js';
import { STATUS_LABEL } from './rules.js';
import { isMultiAccount } from './accounts.js';

/**
 * The gate's verdict: the summary's h2 heading on a check; an h3 (`level` 3) under the heading of the run's main act
 * (a remediation or deploy plan) otherwise. Rules fixed in this run are tallied as such, not as compliant.
 */
export function verdictSection(
  result: ComplianceResult,
  gate: GateDecision,
  run: RunInfo,
  level: 2 | 3 = 2
): SummarySection {
  const passed = gate.result === 'pass';
  const heading = `${'#'.repeat(level)} ${passed ? '✅ Compliance gate passed' : '❌ Compliance gate failed'}: ${escapeMarkdown(truncate(gate.reason, 300))}`;
  const multi = isMultiAccount(result);
  const regionCount = new Set(result.accounts.flatMap(a => a.regions.map(r => r.region))).size;
  const where = multi
    ? [
        `${plural(result.accounts.length, 'account')} in ${plural(regionCount, 'region')}`,
        `run from account ${escapeMarkdown(result.accountId)}, region ${escapeMarkdown(result.region)}`,
        `checked ${formatTime(result.checkedAt)}`
      ]
    : [
        `Account ${escapeMarkdown(result.accountId)}`,
        `region ${escapeMarkdown(result.region)}`,
        `checked ${formatTime(result.checkedAt)}`
      ];
  const runBits: string[] = [];
  if (run.repository !== '') runBits.push(escapeMarkdown(run.repository));
  if (run.sha !== '') runBits.push(escapeMarkdown(run.sha.slice(0, 12)));
  if (run.runId !== '')
    runBits.push(link(`run ${run.runId}${run.runAttempt !== '' ? ` attempt ${run.runAttempt}` : ''}`, runUrlOf(run)));
  const counts = new Map<RuleStatus, number>();
  let fixed = 0;
  for (const r of result.rules) {
    if (fixedInThisRun(r)) fixed++;
    else counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  }
  const tally = (Object.keys(STATUS_RANK) as RuleStatus[])
    .filter(s => (counts.get(s) ?? 0) > 0)
    .map(s => `${counts.get(s) ?? 0} ${STATUS_LABEL[s].replace(/^\S+ /, '')}`);
  if (fixed > 0) tally.push(`${fixed} fixed in this run`);
  const totals = [
    `${plural(result.rules.length, multi ? 'rule result' : 'rule')}${tally.length > 0 ? `: ${tally.join(', ')}` : ''}`,
    `${plural(gate.noncompliantCount, 'non-compliant resource')}`
  ];
  if (gate.waivedCount > 0) totals.push(`${plural(gate.waivedCount, 'waived finding')} (listed, not counted)`);
  const blocks: SummaryBlock[] = [
    { kind: 'text', text: heading, required: true },
    {
      kind: 'text',
      text: `${where.join(' · ')}${runBits.length > 0 ? `  \n${runBits.join(' · ')}` : ''}`,
      required: true
    },
    { kind: 'text', text: `\n${totals.join(' · ')}`, required: true }
  ];
  return { id: 'verdict', order: SUMMARY_ORDER.verdict, priority: SUMMARY_PRIORITY.verdict, blocks };
}
