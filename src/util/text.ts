/**
 * Escaping for AWS-sourced text. An AWS account may hold any string in a rule name, resource id or
 * annotation; everything that reaches the job summary, the build log or an annotation goes through here
 * so it renders as inert text.
 */

/**
 * Characters that break a line or change how text is shown: C0/C1 controls, DEL, Unicode line and
 * paragraph separators, and the bidirectional formatting characters ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces control, line-breaking and bidi characters with a space: the result is one line. */
export function toSingleLine(s: string): string {
  return s.replace(UNSAFE_CHARS, ' ');
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
};

/** Text for HTML content (inside `<details>`, `<summary>`, HTML tables): entities, one line. */
export function escapeHtml(s: string): string {
  return toSingleLine(s).replace(/[&<>"']/g, ch => HTML_ENTITIES[ch] ?? ch);
}

/**
 * Markdown punctuation that can start emphasis, links, images, code, tables, strikethrough or math anywhere in
 * a line. `(`, `)` and `!` need no escape once `[` and `]` are escaped (no link or image can form).
 */
const MARKDOWN_SPECIAL = /[&<>"'\\`*_[\]|{}~$]/g;
/** What only matters at the start of a line: headings, list items, block quotes (already an entity), rules. */
const LINE_START_SPECIAL = /^(\s*)([-+=]|#{1,6}|\d{1,9}[.)])(?=\s|$)/;

/**
 * Text for Markdown (table cells and inline text): HTML-significant characters become entities,
 * Markdown punctuation is backslash-escaped (so `|` cannot end a table cell), and the result is one
 * line (a newline could otherwise end a table or start a block).
 */
export function escapeMarkdown(s: string): string {
  return toSingleLine(s)
    .replace(MARKDOWN_SPECIAL, ch => HTML_ENTITIES[ch] ?? `\\${ch}`)
    .replace(LINE_START_SPECIAL, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

/**
 * An inline code span holding `s` (one line). The fence is longer than any backtick run inside.
 * Not for table cells (a `|` inside would still split the cell): use escapeMarkdown there.
 */
export function codeSpan(s: string): string {
  const text = toSingleLine(s);
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A line for the build log (core.info / core.warning). The runner treats a line that starts with `::`
 * (after leading whitespace) as a workflow command and scans whole lines for the legacy `##[` form:
 * the result is one line, a leading `::` is broken up and every `##[` is neutralised.
 */
export function sanitizeForLog(s: string): string {
  const line = toSingleLine(s).replace(/##\[/g, '# #[');
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length);
  return rest.startsWith('::') ? `${indent}: ${rest.slice(1)}` : line;
}

/** Shortens `s` to at most `max` characters (code points), ending with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const points = Array.from(s);
  if (points.length <= max) return s;
  return max <= 1 ? points.slice(0, Math.max(0, max)).join('') : `${points.slice(0, max - 1).join('')}…`;
}

/** The longest prefix of `s` whose UTF-8 encoding fits in `maxBytes` (never splits a code point). */
export function truncateBytes(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s) <= maxBytes) return s;
  let used = 0;
  let end = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch);
    if (used + b > maxBytes) break;
    used += b;
    end += ch.length;
  }
  return s.slice(0, end);
}
