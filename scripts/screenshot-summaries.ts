/**
 * Dev tool: renders each kind of job summary (test/fixtures/report/summary-kinds.ts) as GitHub does (GitHub-flavoured
 * Markdown to HTML with marked, GitHub's summary styles approximated) and screenshots it with headless Chromium at
 * 1012 px, GitHub's job summary width: compliance-report/screenshots/KIND.png (and KIND.html). Also renders
 * summaries given as files: `npx tsx scripts/screenshot-summaries.ts path/to/summary.md ...`.
 * Needs `chromium` on PATH (Debian: apt-get install chromium); without it, writes the HTML only and says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Marked } from 'marked';
import { REPO_ROOT } from '../test/helpers/action-env.js';
import { SUMMARY_KINDS, summaryOf } from '../test/fixtures/report/summary-kinds.js';

const WIDTH = 1012;
const marked = new Marked({ gfm: true });

/** GitHub's markdown-body, approximately: system font, 16 px, bordered tables that scroll, collapsed details. */
const CSS = `
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${WIDTH}px; padding: 16px 24px; color: #1f2328;
  font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; word-wrap: break-word; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 24px 0 16px; }
h3 { font-size: 1.25em; margin: 24px 0 16px; } h4 { font-size: 1em; margin: 24px 0 16px; }
code, pre { font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; border-radius: 6px; }
code { padding: .2em .4em; } pre { padding: 16px; overflow: auto; }
table { display: block; width: max-content; max-width: 100%; overflow: auto; border-collapse: collapse; margin: 0 0 16px; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
details summary { cursor: pointer; } a { color: #0969da; text-decoration: none; }
`;

function page(markdown: string, title: string): string {
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${CSS}</style></head><body><div class="markdown-body">${body}</div></body></html>`;
}

function chromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  return undefined;
}

function main(): void {
  const dir = join(REPO_ROOT, 'compliance-report', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const files = process.argv.slice(2);
  const items =
    files.length > 0
      ? files.map(f => ({ name: basename(f).replace(/\.md$/, ''), markdown: readFileSync(f, 'utf8') }))
      : SUMMARY_KINDS.map(k => ({ name: k, markdown: summaryOf(k) }));
  const browser = chromium();
  if (!browser) process.stdout.write('No chromium on PATH: writing the HTML only.\n');
  for (const { name, markdown } of items) {
    const html = join(dir, `${name}.html`);
    writeFileSync(html, page(markdown, name));
    if (!browser) {
      process.stdout.write(`${html}\n`);
      continue;
    }
    const png = join(dir, `${name}.png`);
    // Tall enough for the longest summary; the page is white below its end.
    const height = Math.min(6000, 400 + markdown.split('\n').length * 34);
    execFileSync(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--window-size=${WIDTH},${height}`,
        `--screenshot=${png}`,
        `file://${html}`
      ],
      { stdio: 'ignore' }
    );
    process.stdout.write(`${png}\n`);
  }
}

main();
