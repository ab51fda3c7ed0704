/**
 * Each kind of job summary rendered as GitHub renders it (GitHub-flavoured Markdown to HTML, with marked): the first
 * element is the h2 naming the run's main act, no table is wider than six columns (GitHub's summary page is about
 * 1012 px wide), no Markdown is left over as text, and <details> blocks are balanced.
 */
import { describe, expect, it } from '@jest/globals';
import { Marked } from 'marked';
import { SUMMARY_KINDS, summaryOf, type SummaryKind } from '../../fixtures/report/summary-kinds.js';

const marked = new Marked({ gfm: true, breaks: false });
const toHtml = (md: string): string => marked.parse(md, { async: false });

const FIRST_HEADING: Record<SummaryKind, RegExp> = {
  'check-pass': /^✅ Compliance gate passed: /,
  'check-fail': /^❌ Compliance gate failed: 4 non-compliant resources in 2 rules$/,
  'deploy-plan-pr': /^📋 Deploy plan: 3 changes to the account after merge$/,
  'remediation-plan': /^🛠️ Remediation plan awaiting approval: 3 targets$/,
  'remediation-apply': /^🛠️ Remediated 3 of 3 targets: 1 ✅ verified · 2 ☑️ succeeded, unverified$/,
  'multi-account': /^❌ Compliance gate failed: \d+ non-compliant resources$/
};

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');

/** The text a reader sees, outside code and pre blocks (where Markdown characters are meant literally). */
function visibleText(html: string): string {
  return decode(
    html
      .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
      .replace(/<code>[\s\S]*?<\/code>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
  );
}

/** Problems in one rendered summary; empty when its structure is right. */
export function structureProblems(kind: SummaryKind, html: string): string[] {
  const problems: string[] = [];
  const first = /^\s*<h2[^>]*>([\s\S]*?)<\/h2>/.exec(html);
  if (!first) problems.push(`first element is not an h2: ${html.slice(0, 80)}`);
  else if (!FIRST_HEADING[kind].test(decode(first[1]!.replace(/<[^>]+>/g, '')).trim()))
    problems.push(`first heading does not name the act: ${first[1]}`);
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
    const columns = (head.match(/<th[\s>]/g) ?? []).length;
    if (columns > 6) problems.push(`a table has ${columns} columns: ${head.slice(0, 200)}`);
    for (const body of table.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
      const cells = (body.match(/<t[dh][\s>]/g) ?? []).length;
      if (cells !== columns) problems.push(`a row has ${cells} cells, the header ${columns}: ${body.slice(0, 200)}`);
    }
  }
  const text = visibleText(html);
  const leftovers: [RegExp, string][] = [
    [/\*\*/, 'bold markers'],
    [/\[[^\]\n]*\]\(/, 'a link'],
    [/^\s*\|.*\|\s*$/m, 'a table row'],
    [/^\s*#{1,6} /m, 'a heading'],
    [/\\[\\`*_[\]|{}~$<>-]/, 'a backslash escape'],
    [/<\/?(details|summary|br|p|b|pre|ul|li)>/, 'an HTML tag shown as text'],
    [/&[a-z]+;|&#\d+;/, 'an entity shown as text']
  ];
  for (const [re, what] of leftovers) {
    const m = re.exec(text);
    if (m)
      problems.push(`raw Markdown left over (${what}): ...${text.slice(Math.max(0, m.index - 40), m.index + 40)}...`);
  }
  let depth = 0;
  for (const tag of html.match(/<\/?details>/g) ?? []) {
    depth += tag === '<details>' ? 1 : -1;
    if (depth < 0) problems.push('</details> without <details>');
  }
  if (depth !== 0) problems.push(`${depth} <details> not closed`);
  if ((html.match(/<details>/g) ?? []).length !== (html.match(/<details>\s*<summary>/g) ?? []).length)
    problems.push('a <details> without its <summary>');
  return problems;
}

describe('each kind of job summary, rendered as GitHub-flavoured Markdown', () => {
  it.each(SUMMARY_KINDS)(
    '%s: h2 naming the act first, tables within 6 columns, nothing raw, details balanced',
    kind => {
      const md = summaryOf(kind);
      const html = toHtml(md);
      expect(structureProblems(kind, html)).toEqual([]);
      expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
      // Exactly one h2: the act; everything else is below it.
      expect(html.match(/<h2[\s>]/g)).toHaveLength(1);
    }
  );

  it('the checks catch what they look for', () => {
    const bad = toHtml(
      [
        '### Not the act',
        '',
        '| a | b | c | d | e | f | g |',
        '| - | - | - | - | - | - | - |',
        '| 1 | 2 | 3 | 4 | 5 | 6 | 7 |',
        '',
        '<details><summary>x</summary>',
        '',
        'a &lt;br&gt; b \\\\*'
      ].join('\n')
    );
    const problems = structureProblems('check-fail', bad).join('\n');
    expect(problems).toContain('first element is not an h2');
    expect(problems).toContain('a table has 7 columns');
    expect(problems).toContain('1 <details> not closed');
    expect(problems).toContain('an HTML tag shown as text');
    expect(problems).toContain('a backslash escape');
    const second = structureProblems('check-fail', toHtml('## ✅ Compliance gate passed: x\n\n**a'));
    expect(second).toHaveLength(2);
    expect(second[0]).toBe('first heading does not name the act: ✅ Compliance gate passed: x');
    expect(second[1]).toMatch(/^raw Markdown left over \(bold markers\)/);
  });

  it('a plan carries the HIPAA sections of each target and of each rule it deploys', () => {
    expect(toHtml(summaryOf('remediation-plan'))).toMatch(/<th>HIPAA sections<\/th>/);
    expect(toHtml(summaryOf('deploy-plan-pr'))).toContain('164.308(a)(3)(ii)(A), 164.312(b)');
  });
});
