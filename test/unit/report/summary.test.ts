import { describe, it, expect } from '@jest/globals';
import { buildSummary } from '../../../src/report/summary.js';
import { formatTime } from '../../../src/report/markdown/format.js';
import { SummaryBuilder, type SummarySection } from '../../../src/report/markdown/layout.js';
import { sortRulesWorstFirst } from '../../../src/report/ranking.js';
import { SUMMARY_ORDER } from '../../../src/report/sections/order.js';
import { escapeMarkdown } from '../../../src/util/text.js';
import { runUrlOf } from '../../../src/run-context.js';
import type { ComplianceResult } from '../../../src/compliance/types.js';
import { largeResult, MALICIOUS_ID, run, sampleGate, sampleResult } from '../../fixtures/report/sample.js';

const JSON_PATH = 'compliance-report/compliance-report.json';

/** Table rows (not header or delimiter) of the first table after `heading`. */
function tableRows(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  let seen = 0;
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('|')) {
      if (seen > 0) break;
      continue;
    }
    seen++;
    if (seen <= 2) continue;
    rows.push(splitCells(line));
  }
  return rows;
}

/** Splits on pipes that are not backslash-escaped. */
function splitCells(line: string): string[] {
  return line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map(c => c.trim());
}

function unescapedPipes(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

describe('buildSummary', () => {
  it('puts the verdict first, then account, region and time', () => {
    const { markdown } = buildSummary({ result: sampleResult(), gate: sampleGate(), run });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## ❌ Compliance gate failed: 4 non-compliant resources in 2 rules');
    expect(lines[1]).toContain('Account 123456789012 · region us-east-1 · checked 2025-03-01 10:10 UTC');
    expect(markdown).toContain(
      '[run 4242 attempt 2](https://github.com/acme/claims-infra/actions/runs/4242/attempts/2)'
    );
    expect(markdown).toContain(
      '7 rules: 1 error, 2 non-compliant, 1 stale, 1 insufficient data, 1 compliant, 1 not applicable'
    );
    expect(markdown).toContain('1 waived finding (listed, not counted)');
  });

  it('says passed when the gate passed', () => {
    const gate = { ...sampleGate(), result: 'pass' as const, reason: 'no non-compliant resources' };
    const { markdown } = buildSummary({ result: sampleResult(), gate, run });
    expect(markdown.startsWith('## ✅ Compliance gate passed: no non-compliant resources\n')).toBe(true);
  });

  it('orders the rule table worst first and shows rule errors with operation and code', () => {
    const { markdown } = buildSummary({ result: sampleResult(), gate: sampleGate(), run });
    const rows = tableRows(markdown, '### Rules');
    expect(rows.map(r => r[0])).toEqual(
      [
        'iam-root-access-key-check',
        's3-bucket-logging-enabled',
        'cloudtrail-enabled',
        'rds-storage-encrypted',
        'vpc-flow-logs-enabled',
        'ec2-ebs-encryption-by-default',
        'dynamodb-pitr-enabled'
      ].map(escapeMarkdown)
    );
    expect(rows[0]?.[1]).toBe('⛔ error: ThrottlingException');
    expect(markdown).toContain(
      '- ⛔ iam-root-access-key-check: GetComplianceDetailsByConfigRule failed with ThrottlingException'
    );
    // s3: 3 counted, 1 waived shown separately; sections listed
    expect(rows[1]?.slice(1)).toEqual([
      '❌ non-compliant',
      '3',
      '1',
      '2025-03-01 10:05 UTC',
      '164.312(b), 164.308(a)(1)(ii)(D)'
    ]);
    expect(rows[2]?.[2]).toBe('1');
    expect(rows[4]?.[4]).toBe('-');
  });

  it('lists each rule resources in a collapsible block, waived ones marked and not counted', () => {
    const { markdown, omittedRows } = buildSummary({ result: sampleResult(), gate: sampleGate(), run });
    expect(omittedRows).toBe(0);
    expect(markdown).toContain('<details><summary>s3-bucket-logging-enabled (3 non-compliant, 1 waived)</summary>');
    expect(markdown).toContain('<details><summary>cloudtrail-enabled (1 non-compliant)</summary>');
    const s3 = markdown.slice(markdown.indexOf('<summary>s3-bucket'), markdown.indexOf('</details>'));
    const rows = s3.split('\n').filter(l => l.startsWith('| AWS'));
    expect(rows).toHaveLength(4);
    // counted findings first (by id), the waived one last
    expect(rows[3]).toContain('legacy-archive');
    expect(rows[3]).toContain('waived: Decommissioning in Q2 (owner infra-team, expires 2025-06-30)');
    expect(rows[0]).toContain('access-logs');
    expect(markdown).toContain('| AWS::S3::Bucket | claims-uploads | Logging is off | 2025-03-01 10:04 UTC | - |');
    expect(markdown.match(/<details>/g)).toHaveLength(2);
    expect(markdown.match(/<\/details>/g)).toHaveLength(2);
  });

  it('renders the malicious resource id and annotation inert', () => {
    const { markdown } = buildSummary({ result: sampleResult(), gate: sampleGate(), run });
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('<script');
    expect(markdown).not.toMatch(/(^|[^\\])\]\(javascript/m);
    expect(markdown).toContain('x\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; \\| ::error::pwned');
    for (const line of markdown.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
    // every resource row keeps exactly the header's cell count (no injected `|`)
    const rows = markdown.split('\n').filter(l => l.startsWith('| AWS::S3::Bucket'));
    for (const r of rows) expect(unescapedPipes(r)).toBe(6);
  });

  it('escapes a malicious rule name in the table and in <summary>', () => {
    const result: ComplianceResult = {
      ...sampleResult(),
      rules: [
        {
          accountId: '123456789012',
          region: 'us-east-1',
          ruleName: '<img src=x onerror=alert(1)>|x',
          status: 'noncompliant',
          findings: [
            {
              accountId: '123456789012',
              region: 'us-east-1',
              ruleName: 'r',
              resourceType: 'T',
              resourceId: MALICIOUS_ID,
              fingerprint: 'f'
            }
          ]
        }
      ]
    };
    const { markdown } = buildSummary({ result, gate: sampleGate(), run });
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('<summary>&lt;img src=x onerror=alert(1)&gt;|x (1 non-compliant)</summary>');
  });

  it('leaves out the resource section when nothing is non-compliant', () => {
    const result: ComplianceResult = {
      ...sampleResult(),
      rules: [{ accountId: '123456789012', region: 'us-east-1', ruleName: 'a', status: 'compliant', findings: [] }]
    };
    const { markdown } = buildSummary({ result, gate: sampleGate(), run });
    expect(markdown).toContain('### Rules');
    expect(markdown).not.toContain('Non-compliant resources');
    expect(markdown).not.toContain('<details>');
  });

  it('keeps 130 rules x 20,000 findings under 1 MB, says what was left out and where the full list is', () => {
    const { result, gate } = largeResult(130, 20_000);
    const out = buildSummary({ result, gate, run, reportFiles: { json: JSON_PATH } });
    expect(out.bytes).toBe(Buffer.byteLength(out.markdown, 'utf8'));
    expect(out.bytes).toBeLessThanOrEqual(1_000_000);
    expect(out.bytes).toBeGreaterThan(900_000); // the budget is used, not wasted
    const shownRows = out.markdown.split('\n').filter(l => l.startsWith('| AWS::EC2::Volume')).length;
    expect(out.omittedRows).toBeGreaterThan(0);
    expect(shownRows + out.omittedRows).toBe(20_000);
    expect(out.omittedBySection).toEqual({ verdict: 0, rules: 0, findings: out.omittedRows });
    expect(out.markdown).toContain(
      `**${out.omittedRows} resource rows left out** to keep the job summary within its size limit; the full list is in the JSON report \`${JSON_PATH}\`.`
    );
    // the whole rule table is there
    expect(tableRows(out.markdown, '### Rules')).toHaveLength(130);
    // every opened <details> is closed
    expect(out.markdown.match(/<details>/g)?.length).toBe(out.markdown.match(/<\/details>/g)?.length);
  });

  it('with a small budget still has the verdict and a cut rule table with a note', () => {
    const { result, gate } = largeResult(130, 20_000);
    const out = buildSummary({ result, gate, run, reportFiles: { json: JSON_PATH }, budgetBytes: 4_000 });
    expect(out.bytes).toBeLessThanOrEqual(4_000);
    expect(out.markdown.startsWith('## ❌ Compliance gate failed: 20000 non-compliant resources in 130 rules')).toBe(
      true
    );
    const ruleRows = tableRows(out.markdown, '### Rules');
    expect(ruleRows.length).toBeGreaterThan(5);
    expect(ruleRows.length).toBeLessThan(130);
    const ruleNote = `_${130 - ruleRows.length} rules not shown to keep the job summary within its size limit; the full list is in the JSON report \`${JSON_PATH}\`._`;
    expect(out.markdown).toContain(ruleNote);
    expect(out.markdown).not.toContain('| AWS::EC2::Volume');
    expect(out.omittedBySection['rules']).toBe(130 - ruleRows.length);
    expect(out.omittedRows).toBe(130 - ruleRows.length + 20_000);
  });

  it('names where the full list is when no JSON path is given', () => {
    const { result, gate } = largeResult(3, 300);
    const out = buildSummary({ result, gate, run, budgetBytes: 6_000 });
    expect(out.omittedRows).toBeGreaterThan(0);
    expect(out.markdown).toContain('the JSON report (report-dir) has the full list');
  });

  it('stays within every budget and keeps its HTML balanced', () => {
    for (let budget = 300; budget <= 8_000; budget += 97) {
      const out = buildSummary({ result: sampleResult(), gate: sampleGate(), run, budgetBytes: budget });
      expect(out.bytes).toBeLessThanOrEqual(budget);
      expect(out.markdown.startsWith('## ❌ Compliance gate failed')).toBe(true);
      expect(out.markdown.match(/<details>/g)?.length ?? 0).toBe(out.markdown.match(/<\/details>/g)?.length ?? 0);
    }
  });

  it('cuts even the verdict when the budget is tiny', () => {
    const out = buildSummary({ result: sampleResult(), gate: sampleGate(), run, budgetBytes: 40 });
    expect(out.bytes).toBeLessThanOrEqual(40);
    expect(out.markdown.startsWith('## ❌ Compliance')).toBe(true);
    expect(out.omittedRows).toBe(7 + 5);
  });

  it('places extra sections by order while they share the budget', () => {
    const deploy: SummarySection = {
      id: 'deploy',
      order: SUMMARY_ORDER.deploy,
      priority: 3,
      blocks: [{ kind: 'text', text: '### Deploy plan\n\n2 rules to create' }]
    };
    const { markdown } = buildSummary({ result: sampleResult(), gate: sampleGate(), run, sections: [deploy] });
    const verdict = markdown.indexOf('## ❌');
    const plan = markdown.indexOf('### Deploy plan');
    const rules = markdown.indexOf('### Rules');
    expect(verdict).toBeLessThan(plan);
    expect(plan).toBeLessThan(rules);
  });
});

describe('SummaryBuilder', () => {
  const rows = (n: number, calls: number[] = []) => ({
    kind: 'rows' as const,
    head: '| h |\n| --- |',
    rowCount: n,
    row: (i: number) => {
      calls.push(i);
      return `| row ${i} |`;
    }
  });

  it('fills by priority and renders by order', () => {
    const b = new SummaryBuilder(200)
      .add({ id: 'late', order: 2, priority: 0, blocks: [{ kind: 'text', text: 'LATE', required: true }] })
      .add({ id: 'early', order: 1, priority: 9, blocks: [rows(100)] });
    const out = b.render();
    expect(out.markdown.indexOf('| h |')).toBeLessThan(out.markdown.indexOf('LATE'));
    expect(out.bytes).toBeLessThanOrEqual(200);
    expect(out.omittedBySection['late']).toBe(0);
    expect(out.omittedBySection['early']).toBeGreaterThan(0);
    expect(out.markdown).toContain(`_${out.omittedRows} rows left out to keep the job summary within its size limit._`);
  });

  it('renders rows lazily: rows past the budget are never built', () => {
    const calls: number[] = [];
    const out = new SummaryBuilder(500)
      .add({ id: 's', order: 0, priority: 0, blocks: [rows(100_000, calls)] })
      .render();
    expect(calls.length).toBeLessThan(100);
    expect(out.omittedRows).toBeGreaterThan(99_900);
  });

  it('drops a table whose rows do not fit at all, and everything after it', () => {
    const out = new SummaryBuilder(120)
      .add({
        id: 's',
        order: 0,
        priority: 0,
        blocks: [
          { kind: 'text', text: 'x'.repeat(60) },
          { kind: 'rows', head: 'H'.repeat(80), rowCount: 2, row: () => 'r' },
          { kind: 'rows', head: 'K', rowCount: 3, row: () => 'k' }
        ],
        omissionNote: n => `${n} left`
      })
      .render();
    expect(out.markdown).not.toContain('HHH');
    expect(out.markdown).not.toContain('K');
    expect(out.markdown).toContain('5 left');
  });

  it('counts bytes exactly with multi-byte text', () => {
    const out = new SummaryBuilder(1_000)
      .add({
        id: 's',
        order: 0,
        priority: 0,
        blocks: [{ kind: 'rows', head: 'é', rowCount: 1_000, row: () => '😀 é' }]
      })
      .render();
    expect(out.bytes).toBe(Buffer.byteLength(out.markdown));
    expect(out.bytes).toBeLessThanOrEqual(1_000);
    expect(out.bytes).toBeGreaterThan(900);
  });

  it('renders nothing for no sections', () => {
    expect(new SummaryBuilder().render()).toEqual({ markdown: '', bytes: 0, omittedRows: 0, omittedBySection: {} });
  });
});

describe('helpers', () => {
  it('sortRulesWorstFirst breaks ties by name', () => {
    const names = sortRulesWorstFirst([
      { accountId: '123456789012', region: 'us-east-1', ruleName: 'b', status: 'compliant', findings: [] },
      { accountId: '123456789012', region: 'us-east-1', ruleName: 'a', status: 'compliant', findings: [] },
      { accountId: '123456789012', region: 'us-east-1', ruleName: 'z', status: 'not-applicable', findings: [] },
      { accountId: '123456789012', region: 'us-east-1', ruleName: 'y', status: 'stale', findings: [] }
    ]).map(r => r.ruleName);
    expect(names).toEqual(['y', 'a', 'b', 'z']);
  });

  it('formatTime shows UTC minutes, a dash when absent, unparseable input escaped', () => {
    expect(formatTime('2025-03-01T10:05:59.999+02:00')).toBe('2025-03-01 08:05 UTC');
    expect(formatTime(undefined)).toBe('-');
    expect(formatTime('<b>soon</b>')).toBe('&lt;b&gt;soon&lt;/b&gt;');
  });

  it('runUrlOf prefers the given URL, else builds one, else none', () => {
    expect(runUrlOf({ ...run, runUrl: 'https://ghe.example/x' })).toBe('https://ghe.example/x');
    expect(runUrlOf(run)).toBe('https://github.com/acme/claims-infra/actions/runs/4242/attempts/2');
    expect(runUrlOf({ ...run, runAttempt: '' })).toBe('https://github.com/acme/claims-infra/actions/runs/4242');
    expect(runUrlOf({ ...run, runId: '' })).toBeUndefined();
  });

  it('does not link a non-http run URL', () => {
    const { markdown } = buildSummary({
      result: sampleResult(),
      gate: sampleGate(),
      run: { ...run, runUrl: 'javascript:alert(1)' },
      budgetBytes: 100_000
    });
    expect(markdown).not.toMatch(/(^|[^\\])\]\(javascript/m);
    expect(markdown).toContain('run 4242 attempt 2');
  });
});

describe('pull request ordering', () => {
  it('puts rules and findings in files the pull request changed first, within their severity', () => {
    const result = sampleResult();
    const bucketRule = result.rules.find(r => r.findings.filter(f => !f.waiver).length > 1)!;
    const last = [...bucketRule.findings]
      .filter(f => !f.waiver)
      .sort((a, b) => (a.resourceId < b.resourceId ? 1 : -1))[0]!;
    const { markdown } = buildSummary({
      result,
      gate: sampleGate(),
      run,
      changed: f => f.fingerprint === last.fingerprint
    });
    const section = markdown.slice(markdown.indexOf(`<summary>${bucketRule.ruleName}`));
    const firstRow = section.split('\n').find(l => l.startsWith('| AWS'))!;
    expect(firstRow).toContain(escapeMarkdown(last.resourceId));
  });
});
