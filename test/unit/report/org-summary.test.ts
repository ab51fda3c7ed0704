/** The job summary of a run over hundreds of accounts: verdict first, accounts worst first, within 1 MiB, exact. */
import { describe, it, expect } from '@jest/globals';
import { buildSummary } from '../../../src/report/summary.js';
import { accountId, ORG_RULES, orgGate, orgResult } from '../../fixtures/report/org.js';
import { run, sampleGate, sampleResult } from '../../fixtures/report/sample.js';

const MIB = 1024 * 1024;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
/** Every 50th account (from 7) is unknown: its role could not be assumed. */
const UNKNOWN = new Set(Array.from({ length: 500 }, (_, i) => i).filter(i => i % 50 === 7));

/** Account table rows (the first column is the account id, then <br> and its name). */
function accountTableIds(md: string): string[] {
  const table = md.split('### Accounts')[1]!.split('###')[0]!;
  return [...table.matchAll(/^\| (\d{12})<br>/gm)].map(m => m[1]!);
}

describe('summary of 500 accounts x 3 regions', () => {
  const result = orgResult({
    accounts: 500,
    regions: REGIONS,
    unknown: UNKNOWN,
    findings: (i, region, k) => ((i * 7 + k * 3 + region.length) % 11 === 0 ? 30 : (i + k) % 3)
  });
  const gate = orgGate(result);
  const out = buildSummary({ result, gate, run, reportFiles: { json: 'compliance-report.json' } });
  const md = out.markdown;
  const expectedCounted = result.rules.reduce((n, r) => n + r.findings.length, 0);

  it('stays within 1 MiB', () => {
    expect(out.bytes).toBe(Buffer.byteLength(md, 'utf8'));
    expect(out.bytes).toBeLessThanOrEqual(MIB);
  });

  it('leads with the verdict, then the account table', () => {
    expect(md.startsWith('## ❌ Compliance gate failed: ')).toBe(true);
    expect(md).toContain('500 accounts in 3 regions · run from account 100000000000, region us-east-1');
    expect(md.indexOf('### Accounts')).toBeLessThan(md.indexOf('### Rules across the organization'));
    expect(md.indexOf('### Rules across the organization')).toBeLessThan(md.indexOf('### Details per account'));
  });

  it('says the exact counts', () => {
    expect(md).toContain(
      `500 accounts · 1500 account-regions: ${UNKNOWN.size} accounts unknown (${UNKNOWN.size * 3} account-regions, never a pass)`
    );
    expect(md).toContain(`with ${expectedCounted} non-compliant resources`);
  });

  it('lists unknown accounts first, with their reason, then worst first', () => {
    const ids = accountTableIds(md);
    expect(ids).toHaveLength(500);
    const unknownIds = [...UNKNOWN].map(accountId).sort();
    expect(ids.slice(0, UNKNOWN.size).sort()).toEqual(unknownIds);
    expect(md).toContain(`❓ us-east-1: could not assume role compliance-gate-member in ${accountId(7)}`);
    const countOf = (id: string): number =>
      result.rules.filter(r => r.accountId === id).reduce((n, r) => n + r.findings.length, 0);
    const counts = ids.slice(UNKNOWN.size).map(countOf);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('totals every rule across the organization with its HIPAA sections, exactly', () => {
    for (const r of ORG_RULES) {
      const n = result.rules.filter(x => x.ruleName === r.name).reduce((s, x) => s + x.findings.length, 0);
      const accounts = new Set(
        result.rules.filter(x => x.ruleName === r.name && x.findings.length > 0).map(x => x.accountId)
      );
      expect(md).toContain(`| ${r.name} | ${[...r.sections].sort().join(', ')} | ${accounts.size} | ${n} | 0 |`);
    }
  });

  it('collapses details per account, and names the accounts whose details did not fit', () => {
    const opened = (md.match(/<details>/g) ?? []).length;
    expect(opened).toBe((md.match(/<\/details>/g) ?? []).length);
    expect(opened).toBeGreaterThan(0);
    const detailed = new Set(result.rules.filter(r => r.findings.length > 0).map(r => r.accountId)).size + UNKNOWN.size;
    if (opened < detailed) {
      expect(md).toContain(`Details of ${detailed - opened} more account`);
    } else {
      expect(opened).toBe(detailed);
    }
  });

  it('cuts the account table with an explicit line when the budget is small, counts unchanged', () => {
    const small = buildSummary({
      result,
      gate,
      run,
      budgetBytes: 30_000,
      reportFiles: { json: 'compliance-report.json' }
    });
    expect(small.bytes).toBeLessThanOrEqual(30_000);
    const shown = accountTableIds(small.markdown);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(500);
    expect(small.markdown).toContain(`**${500 - shown.length} more accounts in \`compliance-report.json\`**`);
    expect(small.markdown).toContain(`with ${expectedCounted} non-compliant resources`);
    expect(
      shown.slice(0, Math.min(shown.length, UNKNOWN.size)).every(id => UNKNOWN.has(Number(id) - 100000000000))
    ).toBe(true);
  });
});

describe('a single-account summary', () => {
  it('has no account table or organization sections', () => {
    const md = buildSummary({ result: sampleResult(), gate: sampleGate(), run }).markdown;
    expect(md).not.toContain('### Accounts');
    expect(md).not.toContain('Rules across the organization');
    expect(md).toContain('Account 123456789012 · region us-east-1');
  });

  it('one account in two regions is multi-account (a region can be unknown)', () => {
    const result = orgResult({ accounts: 1, regions: ['us-east-1', 'us-west-2'] });
    const md = buildSummary({ result, gate: orgGate(result), run }).markdown;
    expect(md).toContain('### Accounts');
    expect(md).toContain('1 account in 2 regions');
  });
});
