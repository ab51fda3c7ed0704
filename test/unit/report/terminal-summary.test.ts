import { describe, it, expect } from '@jest/globals';
import {
  displayWidth,
  fitWidth,
  inlineToText,
  renderSummaryForTerminal
} from '../../../scripts/lib/terminal-summary.js';
import { buildSummary } from '../../../src/report/summary.js';
import { MALICIOUS_ID, run, sampleGate, sampleResult } from '../../fixtures/report/sample.js';

function sample(): string {
  const { markdown } = buildSummary({
    result: sampleResult(),
    gate: sampleGate(),
    run,
    reportFiles: { json: 'compliance-report/compliance-report.json' }
  });
  return renderSummaryForTerminal(markdown, { maxColumnWidth: 100 });
}

describe('renderSummaryForTerminal', () => {
  it('renders the sample summary as plain text: no tags, no escapes, entities decoded', () => {
    const text = sample();
    const lines = text.split('\n');
    expect(lines[0]).toBe('❌ Compliance gate failed: 4 non-compliant resources in 2 rules');
    expect(lines[1]).toBe('='.repeat(displayWidth(lines[0] as string)));
    expect(lines[2]).toBe('Account 123456789012 · region us-east-1 · checked 2025-03-01 10:10 UTC');
    expect(text).toContain('run 4242 attempt 2 (https://github.com/acme/claims-infra/actions/runs/4242/attempts/2)');
    expect(text).not.toMatch(/<\/?(details|summary)/);
    expect(text).not.toContain('&lt;');
    expect(text).not.toMatch(/\\[-*_|[\]]/);
    expect(text).not.toContain('| --- |');
    // the hostile id is shown as the literal text it is
    expect(text).toContain(MALICIOUS_ID);
    expect(text).toContain('▸ s3-bucket-logging-enabled (3 non-compliant, 1 waived)');
  });

  it('aligns table columns', () => {
    const lines = sample().split('\n');
    const header = lines.findIndex(l => l.startsWith('Rule '));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header, header + 9);
    expect(rows[1]).toMatch(/^-+ {2}-+/);
    const statusCol = (l: string): number => displayWidth(l.slice(0, l.search(/(Status|⛔|❌|⏳|❓|✅|➖)/)));
    const cols = rows.filter((_, i) => i !== 1).map(statusCol);
    expect(new Set(cols).size).toBe(1);
    expect(rows[2]).toMatch(
      /^iam-root-access-key-check +⛔ error in GetComplianceDetailsByConfigRule: ThrottlingException +- +- /
    );
    // right-aligned count column: "3" ends where the header "Non-compliant" ends
    const s3 = rows.find(r => r.startsWith('s3-bucket-logging-enabled')) as string;
    const head = rows[0] as string;
    const end = head.indexOf('Non-compliant') + 'Non-compliant'.length;
    const headW = displayWidth(head.slice(0, end));
    const s3Prefix = s3.slice(0, s3.indexOf(' 3 ') + 2);
    expect(displayWidth(s3Prefix)).toBe(headW);
  });

  it('indents tables inside details and cuts wide cells', () => {
    const md = [
      '<details><summary>r &amp; s</summary>',
      '',
      '| A | B |',
      '| --- | --- |',
      `| ${'x'.repeat(30)} | y \\| z |`,
      '',
      '</details>',
      '',
      'after'
    ].join('\n');
    const text = renderSummaryForTerminal(md, { maxColumnWidth: 10 });
    expect(text).toBe(
      ['▸ r & s', '', '  A           B', '  ----------  -----', `  ${'x'.repeat(9)}…  y | z`, '', 'after', ''].join(
        '\n'
      )
    );
  });

  it('renders a table without a header row and headings of every level', () => {
    const text = renderSummaryForTerminal('### Deploy\n| a | b |\n| c | d |');
    expect(text).toBe('Deploy\n------\na  b\nc  d\n');
  });
});

describe('inlineToText', () => {
  it('removes escapes, emphasis and tags, decodes entities, unwraps code and links', () => {
    expect(inlineToText('**5 rows** left _out_ \\*really\\*')).toBe('5 rows left out *really*');
    expect(inlineToText('a &lt;b&gt; &amp;amp; &#39;q&#39; &#x263A; &bogus;')).toBe("a <b> &amp; 'q' ☺ &bogus;");
    expect(inlineToText('see `a``b` and ``x`y``')).toBe('see a``b and x`y');
    expect(inlineToText('[run 1](https://x/y) and [\\[x\\]](u)')).toBe('run 1 (https://x/y) and [x] (u)');
    expect(inlineToText('line<br>break <b>bold</b>')).toBe('line break bold');
    expect(inlineToText('unclosed `tick and [bracket')).toBe('unclosed `tick and [bracket');
  });
});

describe('displayWidth / fitWidth', () => {
  it('counts emoji and CJK as two columns and combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('✅ ok')).toBe(5);
    expect(displayWidth('⚠️')).toBe(2);
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('cuts to a column count with an ellipsis', () => {
    expect(fitWidth('abcdef', 6)).toBe('abcdef');
    expect(fitWidth('abcdef', 4)).toBe('abc…');
    expect(fitWidth('漢字漢字', 5)).toBe('漢字…');
  });
});
