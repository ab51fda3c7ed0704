/**
 * The summary of a run over more than one account or region (hundreds of accounts): an account table worst first
 * (accounts with an unknown region first: unknown is never a pass), per-rule totals across the organization with
 * their HIPAA sections, and each account's details collapsed. Counts are exact whatever is cut; rows that do not fit
 * the budget are counted in an explicit "N more accounts in the JSON report" line. Pure.
 */
import type { AccountCheck, ComplianceResult, RuleResult } from '../../compliance/types.js';
import { escapeMarkdown, truncate } from '../../util/text.js';
import { plural, row } from '../markdown/format.js';
import type { SummarySection } from '../markdown/layout.js';
import { countFindings } from '../ranking.js';
import { STATUS_LABEL, type ReportFiles } from './rules.js';

/** Right after the verdict (0), before proposed waivers (5) and the deploy plan (10). */
export const ACCOUNTS_ORDER = { accounts: 1, rules: 2, details: 22 } as const;
const ACCOUNTS_PRIORITY = { accounts: 1, rules: 1, details: 5 } as const;
const WORST_RULES = 3;
const DETAIL_ROWS = 25;

const cell = (s: string, max: number): string => escapeMarkdown(truncate(s, max));
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether the result spans more than one account or region (then the org sections replace the rule tables). */
export function isMultiAccount(result: ComplianceResult): boolean {
  const places = new Set<string>();
  for (const a of result.accounts) for (const r of a.regions) places.add(`${a.accountId}\u0000${r.region}`);
  for (const r of result.rules) places.add(`${r.accountId}\u0000${r.region}`);
  return places.size > 1;
}

interface AccountRow {
  accountId: string;
  name?: string;
  regions: string[];
  unknown: { region: string; reason: string }[];
  counted: number;
  errors: number;
  /** Rule name -> counted findings in this account (all regions). */
  byRule: Map<string, number>;
  rules: RuleResult[];
}

/** One row per account: from `accounts`, and from rule results of accounts it does not list (nothing dropped). */
function accountRows(result: ComplianceResult): AccountRow[] {
  const rows = new Map<string, AccountRow>();
  const get = (accountId: string, check?: AccountCheck): AccountRow => {
    let a = rows.get(accountId);
    if (a === undefined) {
      a = { accountId, regions: [], unknown: [], counted: 0, errors: 0, byRule: new Map(), rules: [] };
      rows.set(accountId, a);
    }
    if (check?.name !== undefined) a.name = check.name;
    return a;
  };
  for (const c of result.accounts) {
    const a = get(c.accountId, c);
    for (const r of c.regions) {
      if (!a.regions.includes(r.region)) a.regions.push(r.region);
      if (r.status === 'unknown') a.unknown.push({ region: r.region, reason: r.reason ?? 'not read' });
    }
  }
  for (const r of result.rules) {
    const a = get(r.accountId);
    if (!a.regions.includes(r.region)) a.regions.push(r.region);
    a.rules.push(r);
    const { counted } = countFindings(r);
    a.counted += counted;
    if (r.status === 'error') a.errors++;
    if (counted > 0) a.byRule.set(r.ruleName, (a.byRule.get(r.ruleName) ?? 0) + counted);
  }
  for (const a of rows.values()) a.regions.sort(cmp);
  return [...rows.values()];
}

/** Worst first: an unknown region, then more counted findings, then rule errors, then account id. */
function worstFirst(a: AccountRow, b: AccountRow): number {
  return (
    Number(b.unknown.length > 0) - Number(a.unknown.length > 0) ||
    b.counted - a.counted ||
    b.errors - a.errors ||
    cmp(a.accountId, b.accountId)
  );
}

function worstRules(a: AccountRow): string {
  const top = [...a.byRule].sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]));
  const shown = top.slice(0, WORST_RULES).map(([name, n]) => `${cell(name, 80)} (${n})`);
  if (top.length > WORST_RULES) shown.push(`${top.length - WORST_RULES} more`);
  return shown.join(', ');
}

function jsonName(reportFiles: ReportFiles | undefined): string {
  return reportFiles?.json !== undefined ? `\`${reportFiles.json.replace(/`/g, '')}\`` : 'the JSON report';
}

/** The three sections of a multi-account summary, in document order. */
export function accountSections(result: ComplianceResult, reportFiles?: ReportFiles): SummarySection[] {
  const accounts = accountRows(result).sort(worstFirst);
  const unknownAccounts = accounts.filter(a => a.unknown.length > 0).length;
  const places = accounts.reduce((n, a) => n + a.regions.length, 0);
  const unknownPlaces = accounts.reduce((n, a) => n + a.unknown.length, 0);
  const counted = accounts.reduce((n, a) => n + a.counted, 0);
  const noncompliantAccounts = accounts.filter(a => a.counted > 0).length;
  const json = jsonName(reportFiles);

  const intro = [
    '### Accounts',
    '',
    `${plural(accounts.length, 'account')} · ${plural(places, 'account-region')}: ` +
      `${plural(unknownAccounts, 'account')} unknown (${plural(unknownPlaces, 'account-region')}, never a pass) · ` +
      `${plural(noncompliantAccounts, 'account')} with ${plural(counted, 'non-compliant resource')}. Worst first.`
  ].join('\n');
  const accountsSection: SummarySection = {
    id: 'accounts',
    order: ACCOUNTS_ORDER.accounts,
    priority: ACCOUNTS_PRIORITY.accounts,
    blocks: [
      { kind: 'text', text: intro, required: true },
      {
        kind: 'rows',
        head: [
          '',
          '| Account | Regions | Non-compliant | Worst rules | Unknown |',
          '| --- | --- | ---: | --- | --- |'
        ].join('\n'),
        rowCount: accounts.length,
        row: i => {
          const a = accounts[i] as AccountRow;
          const regions = a.regions.length > 4 ? plural(a.regions.length, 'region') : a.regions.join(', ');
          return row([
            `${cell(a.accountId, 32)}${a.name !== undefined ? `<br>${cell(a.name, 64)}` : ''}`,
            cell(regions, 120),
            `${a.counted}${a.errors > 0 ? `<br>${plural(a.errors, 'rule error')}` : ''}`,
            worstRules(a),
            a.unknown.length === 0 ? '' : `❓ ${cell(a.unknown.map(u => `${u.region}: ${u.reason}`).join('; '), 300)}`
          ]);
        }
      }
    ],
    omissionNote: n =>
      `\n**${plural(n, 'more account')} in ${json}** (left out to keep the job summary within its size limit).`
  };

  // Per-rule totals across the organization.
  interface RuleTotal {
    name: string;
    sections: Set<string>;
    accounts: Set<string>;
    counted: number;
    errors: number;
    places: number;
  }
  const totals = new Map<string, RuleTotal>();
  for (const r of result.rules) {
    let t = totals.get(r.ruleName);
    if (t === undefined) {
      t = { name: r.ruleName, sections: new Set(), accounts: new Set(), counted: 0, errors: 0, places: 0 };
      totals.set(r.ruleName, t);
    }
    for (const s of r.hipaaSections ?? []) t.sections.add(s);
    const { counted: n } = countFindings(r);
    t.counted += n;
    t.places++;
    if (n > 0) t.accounts.add(r.accountId);
    if (r.status === 'error') t.errors++;
  }
  const ruleRows = [...totals.values()].sort(
    (a, b) => b.errors - a.errors || b.counted - a.counted || b.accounts.size - a.accounts.size || cmp(a.name, b.name)
  );
  const rulesSection: SummarySection = {
    id: 'org-rules',
    order: ACCOUNTS_ORDER.rules,
    priority: ACCOUNTS_PRIORITY.rules,
    blocks: [
      {
        kind: 'text',
        text: `### Rules across the organization\n\n${plural(ruleRows.length, 'rule')} over ${plural(places, 'account-region')}; an unknown account-region is not counted here (see Accounts).`,
        required: true
      },
      {
        kind: 'rows',
        head: [
          '',
          '| Rule | HIPAA sections | Accounts non-compliant | Non-compliant resources | Errors |',
          '| --- | --- | ---: | ---: | ---: |'
        ].join('\n'),
        rowCount: ruleRows.length,
        row: i => {
          const t = ruleRows[i] as RuleTotal;
          return row([
            cell(t.name, 128),
            cell([...t.sections].sort(cmp).join(', ') || '—', 200),
            String(t.accounts.size),
            String(t.counted),
            t.errors > 0 ? `${t.errors} of ${t.places}` : '0'
          ]);
        }
      }
    ],
    omissionNote: n =>
      `\n**${plural(n, 'more rule')} in ${json}** (left out to keep the job summary within its size limit).`
  };

  // Details, collapsed per account: accounts with something to say (non-compliant, errors, unknown).
  const detailed = accounts.filter(a => a.counted > 0 || a.errors > 0 || a.unknown.length > 0);
  const detailsSection: SummarySection = {
    id: 'account-details',
    order: ACCOUNTS_ORDER.details,
    priority: ACCOUNTS_PRIORITY.details,
    blocks:
      detailed.length === 0
        ? []
        : [
            { kind: 'text', text: '### Details per account', required: true },
            {
              kind: 'rows',
              head: '',
              rowCount: detailed.length,
              row: i => accountDetails(detailed[i] as AccountRow, json)
            }
          ],
    omissionNote: n =>
      `\n**Details of ${plural(n, 'more account')} in ${json}** (left out to keep the job summary within its size limit).`
  };
  return [accountsSection, rulesSection, detailsSection];
}

/** One account's rule results that are not compliant, collapsed: region, rule, status, resources. */
function accountDetails(a: AccountRow, json: string): string {
  const notOk = a.rules
    .filter(r => r.status !== 'compliant' && r.status !== 'not-applicable')
    .sort(
      (x, y) =>
        countFindings(y).counted - countFindings(x).counted || cmp(x.region, y.region) || cmp(x.ruleName, y.ruleName)
    );
  const lines = [
    `<details><summary>${cell(a.accountId, 32)}${a.name !== undefined ? ` ${cell(a.name, 64)}` : ''}: ${plural(a.counted, 'non-compliant resource')}${a.unknown.length > 0 ? `, ${plural(a.unknown.length, 'region')} unknown` : ''}</summary>`,
    ''
  ];
  for (const u of a.unknown) lines.push(`- ❓ ${cell(u.region, 32)} unknown: ${cell(u.reason, 300)}`);
  if (notOk.length > 0) {
    if (a.unknown.length > 0) lines.push('');
    lines.push('| Region | Rule | Status | Non-compliant resources |', '| --- | --- | --- | --- |');
    for (const r of notOk.slice(0, DETAIL_ROWS)) {
      const { counted } = countFindings(r);
      const ids = r.findings
        .filter(f => f.waiver === undefined)
        .slice(0, 3)
        .map(f => cell(f.resourceId, 80));
      const more = counted > ids.length ? ` and ${counted - ids.length} more` : '';
      lines.push(
        row([
          cell(r.region, 32),
          cell(r.ruleName, 128),
          STATUS_LABEL[r.status],
          `${counted}${ids.length > 0 ? `: ${ids.join(', ')}${more}` : ''}`
        ])
      );
    }
    if (notOk.length > DETAIL_ROWS)
      lines.push('', `_${plural(notOk.length - DETAIL_ROWS, 'more rule result')} in ${json}._`);
  }
  lines.push('', '</details>');
  return lines.join('\n');
}
