/** Markdown pieces every section uses: table rows, counts, links and times. Pure. */
import { escapeMarkdown, truncate } from '../../util/text.js';

/** One Markdown table row. */
export function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** `1 rule`, `2 rules`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A Markdown link, or plain escaped text when the URL is not http(s). */
export function link(text: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\/[^\s<>()]+$/i.test(url)) return escapeMarkdown(text);
  return `[${escapeMarkdown(text)}](${url})`;
}

/** `2024-05-01T12:34:56.789Z` -> `2024-05-01 12:34 UTC` (plain text); unparseable input comes back as given. */
export function formatTimePlain(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}

/** formatTimePlain for Markdown: `-` when absent, escaped. */
export function formatTime(iso: string | undefined): string {
  if (iso === undefined || iso === '') return '-';
  return escapeMarkdown(truncate(formatTimePlain(iso), 40));
}
