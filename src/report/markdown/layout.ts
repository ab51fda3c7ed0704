/**
 * The job summary's layout engine: sections of blocks share one byte budget (GitHub keeps at most 1 MiB of summary
 * per step). Sections are filled by priority and placed by order; rows that do not fit are left out from the end
 * and counted. Knows nothing of what the sections say (report/sections/ does).
 */
import { truncateBytes } from '../../util/text.js';

/** Default budget: a little under GitHub's 1 MiB step summary limit. */
export const DEFAULT_SUMMARY_BUDGET_BYTES = 1_000_000;

/** A piece of a section that is kept or dropped whole. */
export interface SummaryTextBlock {
  kind: 'text';
  text: string;
  /** Always kept (cut to fit, by bytes, only if required blocks alone exceed the budget). */
  required?: boolean;
}

/** A table (or any head/rows/tail group) whose rows can be left out from the end. */
export interface SummaryRowsBlock {
  kind: 'rows';
  /** Lines before the rows, e.g. `<details><summary>..</summary>`, a blank line and the table header. */
  head: string;
  rowCount: number;
  /** Renders row `i` (0-based): called lazily, only for rows that are considered. */
  row(i: number): string;
  /** Lines after the rows, e.g. `\n</details>`. */
  tail?: string;
}

export type SummaryBlock = SummaryTextBlock | SummaryRowsBlock;

export interface SummarySection {
  /** Names the section in SummaryRender.omittedBySection. */
  id: string;
  /** Position in the document: lower comes first. */
  order: number;
  /** Budget priority: lower gets bytes first. */
  priority: number;
  blocks: SummaryBlock[];
  /** Text said when rows were left out (given how many); its bytes are reserved when needed. */
  omissionNote?: (omittedRows: number) => string;
}

export interface SummaryRender {
  markdown: string;
  /** UTF-8 bytes of markdown. */
  bytes: number;
  /** Rows left out, all sections together. */
  omittedRows: number;
  omittedBySection: Record<string, number>;
}

/** Markdown pieces are joined with one newline; sections with a blank line; the document ends with one. */
const PIECE_SEP = 1;
const SECTION_SEP = 2;
const FINAL_NEWLINE = 1;

const bytesOf = (s: string): number => Buffer.byteLength(s, 'utf8') + PIECE_SEP;

interface IncludedText {
  kind: 'text';
  text: string;
  bytes: number;
  required: boolean;
}
interface IncludedRows {
  kind: 'rows';
  head: string;
  tail: string | undefined;
  fixedBytes: number;
  rows: string[];
  rowBytes: number[];
}
type Included = IncludedText | IncludedRows;

function defaultNote(n: number): string {
  return `_${n} row${n === 1 ? '' : 's'} left out to keep the job summary within its size limit._`;
}

/**
 * Composes sections within one byte budget. Sections are filled in priority order and rendered in
 * document order; a section whose rows do not all fit keeps as many leading rows as fit, then its
 * omission note.
 */
export class SummaryBuilder {
  private readonly sections: SummarySection[] = [];

  constructor(private readonly budgetBytes: number = DEFAULT_SUMMARY_BUDGET_BYTES) {}

  add(section: SummarySection): this {
    this.sections.push(section);
    return this;
  }

  render(): SummaryRender {
    let remaining = this.budgetBytes - FINAL_NEWLINE;
    const rendered = new Map<SummarySection, string>();
    const omittedBySection: Record<string, number> = {};
    let omittedRows = 0;
    const byPriority = this.sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.priority - b.s.priority || a.i - b.i);
    for (const { s } of byPriority) {
      const out = renderSection(s, Math.max(0, remaining - SECTION_SEP));
      omittedBySection[s.id] = (omittedBySection[s.id] ?? 0) + out.omitted;
      omittedRows += out.omitted;
      if (out.pieces.length === 0) continue;
      remaining -= out.bytes + SECTION_SEP;
      rendered.set(s, out.pieces.join('\n'));
    }
    const parts: string[] = [];
    const byOrder = this.sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.order - b.s.order || a.i - b.i);
    for (const { s } of byOrder) {
      const text = rendered.get(s);
      if (text !== undefined) parts.push(text);
    }
    const markdown = parts.length === 0 ? '' : `${parts.join('\n\n')}\n`;
    return { markdown, bytes: Buffer.byteLength(markdown, 'utf8'), omittedRows, omittedBySection };
  }
}

function totalRows(blocks: readonly SummaryBlock[]): number {
  let n = 0;
  for (const b of blocks) if (b.kind === 'rows') n += b.rowCount;
  return n;
}

/** Fits one section into `avail` bytes (as counted by bytesOf). */
function renderSection(section: SummarySection, avail: number): { pieces: string[]; bytes: number; omitted: number } {
  const note = section.omissionNote ?? defaultNote;
  const required = section.blocks.filter((b): b is SummaryTextBlock => b.kind === 'text' && b.required === true);
  const requiredBytes = required.reduce((n, b) => n + bytesOf(b.text), 0);

  if (requiredBytes > avail) {
    // Not even the required text fits: cut it by bytes, leave out everything else.
    const pieces: string[] = [];
    let left = avail;
    for (const b of required) {
      if (left <= PIECE_SEP) break;
      const text = truncateBytes(b.text, left - PIECE_SEP);
      if (text === '') break;
      pieces.push(text);
      left -= bytesOf(text);
    }
    return { pieces, bytes: avail - left, omitted: totalRows(section.blocks) };
  }

  // Fill in order; optional content spends what the required text leaves.
  const included: Included[] = [];
  let used = requiredBytes;
  let omitted = 0;
  let stopped = false;
  for (const block of section.blocks) {
    if (block.kind === 'text') {
      const bytes = bytesOf(block.text);
      if (block.required === true) {
        included.push({ kind: 'text', text: block.text, bytes, required: true });
      } else if (!stopped && used + bytes <= avail) {
        included.push({ kind: 'text', text: block.text, bytes, required: false });
        used += bytes;
      } else {
        stopped = true;
      }
      continue;
    }
    if (stopped) {
      omitted += block.rowCount;
      continue;
    }
    const tail = block.tail;
    const fixedBytes = bytesOf(block.head) + (tail === undefined ? 0 : bytesOf(tail));
    const entry: IncludedRows = { kind: 'rows', head: block.head, tail, fixedBytes, rows: [], rowBytes: [] };
    let blockUsed = fixedBytes;
    let i = 0;
    for (; i < block.rowCount; i++) {
      const text = block.row(i);
      const bytes = bytesOf(text);
      if (used + blockUsed + bytes > avail) break;
      entry.rows.push(text);
      entry.rowBytes.push(bytes);
      blockUsed += bytes;
    }
    if (i < block.rowCount) {
      stopped = true;
      omitted += block.rowCount - i;
    }
    if (entry.rows.length > 0 || block.rowCount === 0) {
      if (used + blockUsed <= avail) {
        included.push(entry);
        used += blockUsed;
      } else {
        stopped = true;
      }
    }
  }

  // Something was left out: make room for the note by giving back rows (then optional text) from the end.
  let noteText: string | undefined;
  if (omitted > 0 || stopped) {
    for (;;) {
      const candidate = omitted > 0 ? note(omitted) : undefined;
      if (candidate === undefined || used + bytesOf(candidate) <= avail) {
        noteText = candidate;
        break;
      }
      const last = findLastRemovable(included);
      if (last < 0) break; // no room for the note at all: the rows are still counted as left out
      const entry = included[last];
      if (entry === undefined) break;
      if (entry.kind === 'rows') {
        const b = entry.rowBytes.pop();
        entry.rows.pop();
        used -= b ?? 0;
        omitted += 1;
        if (entry.rows.length === 0) {
          used -= entry.fixedBytes;
          included.splice(last, 1);
        }
      } else {
        used -= entry.bytes;
        included.splice(last, 1);
      }
    }
  }

  const pieces: string[] = [];
  for (const entry of included) {
    if (entry.kind === 'text') {
      pieces.push(entry.text);
      continue;
    }
    pieces.push(entry.head, ...entry.rows);
    if (entry.tail !== undefined) pieces.push(entry.tail);
  }
  if (noteText !== undefined) {
    pieces.push(noteText);
    used += bytesOf(noteText);
  }
  return { pieces, bytes: used, omitted };
}

function findLastRemovable(included: readonly Included[]): number {
  for (let i = included.length - 1; i >= 0; i--) {
    const e = included[i];
    if (e === undefined) continue;
    if (e.kind === 'rows' ? e.rows.length > 0 : !e.required) return i;
  }
  return -1;
}
