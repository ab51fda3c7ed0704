/**
 * The job summary for a terminal, rendered by a maintained library (marked with marked-terminal) instead of a
 * hand-written renderer: code spans and blocks keep every character (`*`, `_` included). The summary's few HTML
 * pieces, which a terminal cannot show, become Markdown first: <details><summary>X</summary> a bold "▸ X" line,
 * <br> a space, &nbsp; a space. Used by `npm run demo`; not shipped.
 */
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';

const marked = new Marked();
marked.use(markedTerminal({ reflowText: false, tab: 2, emoji: false }) as Parameters<typeof marked.use>[0]);

/** The summary's HTML pieces as Markdown a terminal renderer shows. */
export function htmlToMarkdown(md: string): string {
  return md
    .replace(/<details><summary>(.*?)<\/summary>/g, (_m, s: string) => `**▸ ${s}**`)
    .replace(/<\/details>/g, '')
    .replace(/<br>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

/** Markdown (a job summary, or part of one) as text for a terminal. */
export function renderForTerminal(md: string): string {
  return marked
    .parse(htmlToMarkdown(md), { async: false })
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

/**
 * The sections of a summary whose heading (an h2 or h3 line) matches: each from its heading to the next h2 or h3.
 * Lets each demo step print only what is new.
 */
export function sectionsOf(md: string, heading: RegExp): string {
  const out: string[] = [];
  let keep = false;
  for (const line of md.split('\n')) {
    if (/^#{2,3} /.test(line)) keep = heading.test(line.replace(/^#{2,3} /, ''));
    if (keep) out.push(line);
  }
  return out.join('\n');
}

/** A workflow command's message as GitHub shows it: %0A, %0D and %25 decoded (multi-line errors). */
export function decodeCommandValue(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
