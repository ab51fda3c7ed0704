/**
 * Renders the job summary (GitHub-flavoured Markdown with a little HTML) as plain text for a terminal:
 * headings underlined, tables with aligned columns, <details>/<summary> as indented groups, entities
 * decoded, escapes removed, no raw tags. Used by `npm run demo`; not shipped.
 */

export interface TerminalRenderOptions {
  /** Cells wider than this (in terminal columns) are cut with an ellipsis. Default 48. */
  maxColumnWidth?: number;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  middot: '·',
  hellip: '…',
  mdash: '—',
  ndash: '–'
};

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#x') || body.startsWith('#X')) {
    const n = Number.parseInt(body.slice(2), 16);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
  }
  if (body.startsWith('#')) {
    const n = Number.parseInt(body.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
  }
  return NAMED_ENTITIES[body];
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** Finds the end of a code span opened by `fence` at `from`, or -1. */
function closingFence(s: string, from: number, fence: string): number {
  let i = from;
  while (i < s.length) {
    const j = s.indexOf(fence, i);
    if (j < 0) return -1;
    let k = j + fence.length;
    if (s[k] !== '`' && s[j - 1] !== '`') return j;
    while (s[k] === '`') k++;
    i = k;
  }
  return -1;
}

/** Inline Markdown + HTML to plain text: escapes, entities, code spans, links, emphasis, tags. */
export function inlineToText(s: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    const next = s[i + 1];
    if (ch === '\\' && next !== undefined && ASCII_PUNCT.test(next)) {
      out.push(next);
      i += 2;
      continue;
    }
    if (ch === '&') {
      const m = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(s.slice(i, i + 12));
      const decoded = m?.[1] !== undefined ? decodeEntity(m[1]) : undefined;
      if (m !== null && decoded !== undefined) {
        out.push(decoded);
        i += m[0].length;
        continue;
      }
    }
    if (ch === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      const end = closingFence(s, i + n, fence);
      if (end >= 0) {
        let code = s.slice(i + n, end);
        if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
        out.push(code);
        i = end + n;
        continue;
      }
      out.push(fence);
      i += n;
      continue;
    }
    if (ch === '<') {
      const m = /^<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/.exec(s.slice(i));
      if (m !== null) {
        if (/^<br\b/i.test(m[0])) out.push(' ');
        i += m[0].length;
        continue;
      }
    }
    if (ch === '[') {
      const link = matchLink(s, i);
      if (link !== undefined) {
        const text = inlineToText(link.text);
        out.push(text === link.url ? text : `${text} (${link.url})`);
        i = link.end;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      // Unescaped emphasis markers carry no text.
      i += 1;
      continue;
    }
    out.push(ch);
    i += 1;
  }
  return out.join('');
}

/** `[text](url)` starting at `start`, honouring backslash escapes in the text. */
function matchLink(s: string, start: number): { text: string; url: string; end: number } | undefined {
  let depth = 0;
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (s[i + 1] !== '(') return undefined;
      const close = s.indexOf(')', i + 2);
      if (close < 0) return undefined;
      const url = s.slice(i + 2, close);
      if (/\s/.test(url)) return undefined;
      return { text: s.slice(start + 1, i), url, end: close + 1 };
    }
  }
  return undefined;
}

/** Terminal columns a string takes: wide (CJK, emoji) characters count 2, combining ones 0. */
export function displayWidth(s: string): number {
  let w = 0;
  const points = Array.from(s);
  for (let i = 0; i < points.length; i++) {
    const ch = points[i] as string;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0xfe0f) {
      // Emoji presentation selector: the previous character is shown wide.
      const prev = points[i - 1];
      if (prev !== undefined && !/\p{Emoji_Presentation}/u.test(prev) && charWidth(prev) === 1) w += 1;
      continue;
    }
    w += charWidth(ch);
  }
  return w;
}

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0 || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfe0e) return 0;
  if (/\p{Mn}|\p{Me}|\p{Cf}/u.test(ch)) return 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (/\p{Emoji_Presentation}/u.test(ch)) return 2;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Cuts `s` to at most `max` terminal columns, ending with an ellipsis when cut. */
export function fitWidth(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  const out: string[] = [];
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > max - 1) break;
    out.push(ch);
    w += cw;
  }
  return `${out.join('')}…`;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Splits a table line into raw cells on unescaped pipes (an escaped pipe becomes a plain one). */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur: string[] = [];
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  let endedWithPipe = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i] as string;
    endedWithPipe = false;
    if (c === '\\' && i + 1 < t.length) {
      const n = t[i + 1] as string;
      cur.push(n === '|' ? '|' : c + n);
      i++;
    } else if (c === '|') {
      cells.push(cur.join('').trim());
      cur = [];
      endedWithPipe = true;
    } else {
      cur.push(c);
    }
  }
  if (!endedWithPipe || cur.length > 0) cells.push(cur.join('').trim());
  return cells;
}

const DELIMITER_CELL = /^:?-{3,}:?$/;

function renderTable(lines: readonly string[], indent: string, maxWidth: number): string[] {
  const rows = lines.map(splitRow);
  const delimiter = rows[1];
  const hasHeader = delimiter !== undefined && delimiter.every(c => DELIMITER_CELL.test(c));
  const rightAlign = hasHeader ? delimiter.map(c => c.endsWith(':') && !c.startsWith(':')) : [];
  const body = hasHeader ? [rows[0] as string[], ...rows.slice(2)] : rows;
  const cells = body.map(r => r.map(c => fitWidth(inlineToText(c).replace(/\s+/g, ' ').trim(), maxWidth)));
  const columns = Math.max(0, ...cells.map(r => r.length));
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) widths.push(Math.max(0, ...cells.map(r => displayWidth(r[c] ?? ''))));
  const line = (r: readonly string[]): string =>
    indent +
    widths
      .map((w, c) => pad(r[c] ?? '', w, rightAlign[c] === true))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  cells.forEach((r, i) => {
    out.push(line(r));
    if (i === 0 && hasHeader) out.push(indent + widths.map(w => '-'.repeat(Math.max(1, w))).join('  '));
  });
  return out;
}

/** Turns the job summary's Markdown + HTML into readable plain text for a terminal. */
export function renderSummaryForTerminal(markdown: string, options: TerminalRenderOptions = {}): string {
  const maxWidth = Math.max(4, options.maxColumnWidth ?? 48);
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let depth = 0;
  const indent = (): string => '  '.repeat(depth);
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const trimmed = raw.trim();
    if (trimmed === '') {
      blank();
      continue;
    }
    if (trimmed.startsWith('|')) {
      const table: string[] = [];
      while (i < lines.length && (lines[i] as string).trim().startsWith('|')) table.push(lines[i++] as string);
      i--;
      out.push(...renderTable(table, indent(), maxWidth));
      continue;
    }
    const details = /^<details\b[^>]*>/i.exec(trimmed);
    if (details !== null) {
      const summary = /<summary\b[^>]*>(.*?)<\/summary>/i.exec(trimmed);
      const title = summary?.[1] !== undefined ? inlineToText(summary[1]).trim() : 'Details';
      blank();
      out.push(`${indent()}▸ ${title}`);
      depth++;
      continue;
    }
    if (/^<\/details>$/i.test(trimmed)) {
      depth = Math.max(0, depth - 1);
      blank();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(trimmed);
    if (heading !== null) {
      const level = (heading[1] as string).length;
      const text = inlineToText(heading[2] as string).trim();
      blank();
      out.push(indent() + text);
      out.push(indent() + (level <= 2 ? '=' : '-').repeat(Math.max(1, displayWidth(text))));
      continue;
    }
    const text = inlineToText(trimmed.replace(/\\$/, '')).trim();
    if (text !== '') out.push(indent() + text);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  while (out.length > 0 && out[0] === '') out.shift();
  return `${out.join('\n')}\n`;
}
