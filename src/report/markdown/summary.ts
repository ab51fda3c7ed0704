/**
 * The job summary: pure builders that return Markdown. Sections share one byte budget (GitHub keeps at
 * most 1 MiB of summary per step): the verdict and the rule table always fit first, resource rows fill
 * what is left and the summary says how many were left out and where the full list is.
 */
import type { ComplianceResult, Finding, GateDecision, RuleResult, RuleStatus } from '../../compliance/types.js';
import { runUrlOf, type RunInfo } from '../../run-context.js';
import { PROPOSED_LABEL } from '../../gate/waivers.js';
import { codeSpan, escapeHtml, escapeMarkdown, truncate, truncateBytes } from '../../util/text.js';

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

// ---------------------------------------------------------------------------------------------------
// The compliance summary

/** Where the compliance sections sit; other phases place theirs around them (deploy plan before, remediation after). */
export const SUMMARY_ORDER = { verdict: 0, deploy: 10, rules: 20, findings: 21, remediation: 30, footer: 90 } as const;
/** Budget priorities of the compliance sections: the verdict and the rule table are filled first. */
export const SUMMARY_PRIORITY = { verdict: 0, rules: 1, findings: 5 } as const;

export interface SummaryInput {
  result: ComplianceResult;
  gate: GateDecision;
  run: RunInfo;
  reportFiles?: { json?: string };
  /** Default 1_000_000 (UTF-8 bytes). */
  budgetBytes?: number;
  /** More sections sharing the budget (deploy plan, remediation), placed by their `order`. */
  sections?: SummarySection[];
  /** Whether a finding is in a file the pull request changed: such rules and findings come first. */
  changed?: (f: Finding) => boolean;
}

export interface SummaryOutput {
  markdown: string;
  /** Rows left out to stay within the budget (resource rows and, when even the rule table is cut, rule rows). */
  omittedRows: number;
  /** UTF-8 bytes of markdown. */
  bytes: number;
  omittedBySection: Record<string, number>;
}

const STATUS_RANK: Readonly<Record<RuleStatus, number>> = {
  error: 0,
  noncompliant: 1,
  stale: 2,
  'insufficient-data': 3,
  compliant: 4,
  'not-applicable': 5
};

const STATUS_LABEL: Readonly<Record<RuleStatus, string>> = {
  error: '⛔ error',
  noncompliant: '❌ non-compliant',
  stale: '⏳ stale',
  'insufficient-data': '❓ insufficient data',
  compliant: '✅ compliant',
  'not-applicable': '➖ not applicable'
};

/** Findings a rule counts (not waived) and waived ones. */
export function countFindings(rule: RuleResult): { counted: number; waived: number; remediated: number } {
  let waived = 0;
  let remediated = 0;
  for (const f of rule.findings) {
    if (f.waiver !== undefined) waived++;
    else if (f.remediation?.outcome === 'verified') remediated++;
  }
  return { counted: rule.findings.length - waived - remediated, waived, remediated };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Worst first: error, non-compliant (most counted resources first), stale, insufficient data, compliant, not applicable. */
export function sortRulesWorstFirst(
  rules: readonly RuleResult[],
  changed: (f: Finding) => boolean = () => false
): RuleResult[] {
  return rules
    .map(r => ({
      r,
      rank: STATUS_RANK[r.status],
      touches: r.findings.some(f => f.waiver === undefined && changed(f)),
      n: countFindings(r).counted
    }))
    .sort(
      (a, b) =>
        a.rank - b.rank || Number(b.touches) - Number(a.touches) || b.n - a.n || byName(a.r.ruleName, b.r.ruleName)
    )
    .map(x => x.r);
}

/** Counted findings first (those in changed files first), then waived; each group by resource type, then id. */
function sortFindings(findings: readonly Finding[], changed: (f: Finding) => boolean = () => false): Finding[] {
  return [...findings].sort(
    (a, b) =>
      Number(a.waiver !== undefined) - Number(b.waiver !== undefined) ||
      Number(changed(b)) - Number(changed(a)) ||
      byName(a.resourceType, b.resourceType) ||
      byName(a.resourceId, b.resourceId)
  );
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

/** A Markdown link, or plain escaped text when the URL is not http(s). */
function link(text: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\/[^\s<>()]+$/i.test(url)) return escapeMarkdown(text);
  return `[${escapeMarkdown(text)}](${url})`;
}

const MAX_ID = 256;
const MAX_ANNOTATION = 256;
const MAX_RULE = 128;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function statusCell(rule: RuleResult): string {
  const label = STATUS_LABEL[rule.status];
  if (rule.error === undefined) return label;
  return `${label} in ${escapeMarkdown(truncate(rule.error.operation, 80))}: ${escapeMarkdown(truncate(rule.error.code, 80))}`;
}

function ruleRow(rule: RuleResult): string {
  const { counted, waived } = countFindings(rule);
  const sections = rule.hipaaSections?.length ? escapeMarkdown(rule.hipaaSections.join(', ')) : '-';
  return row([
    escapeMarkdown(truncate(rule.ruleName, MAX_RULE)),
    statusCell(rule),
    rule.status === 'noncompliant' || counted > 0 ? String(counted) : '-',
    waived > 0 ? String(waived) : '-',
    formatTime(rule.lastEvaluated),
    sections
  ]);
}

function waiverCell(f: Finding): string {
  const w = f.waiver;
  if (w === undefined) {
    const p = f.proposedWaiver;
    if (p !== undefined) {
      return `${PROPOSED_LABEL}, counted: ${escapeMarkdown(truncate(p.reason, 160))} (owner ${escapeMarkdown(truncate(p.owner, 64))}, expires ${escapeMarkdown(truncate(p.expires, 32))})`;
    }
    if (f.remediation === undefined) return '-';
    return `remediated: ${escapeMarkdown(f.remediation.outcome)}${f.remediation.executionId ? ` (${escapeMarkdown(truncate(f.remediation.executionId, 64))})` : ''}`;
  }
  return `waived: ${escapeMarkdown(truncate(w.reason, 160))} (owner ${escapeMarkdown(truncate(w.owner, 64))}, expires ${escapeMarkdown(truncate(w.expires, 32))})`;
}

function findingRow(f: Finding): string {
  return row([
    escapeMarkdown(truncate(f.resourceType, 80)),
    escapeMarkdown(truncate(f.resourceId, MAX_ID)),
    f.annotation ? escapeMarkdown(truncate(f.annotation, MAX_ANNOTATION)) : '-',
    formatTime(f.recordedTime),
    waiverCell(f)
  ]);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function verdictSection(result: ComplianceResult, gate: GateDecision, run: RunInfo): SummarySection {
  const passed = gate.result === 'pass';
  const heading = `## ${passed ? '✅ Compliance gate passed' : '❌ Compliance gate failed'}: ${escapeMarkdown(truncate(gate.reason, 300))}`;
  const where = [
    `Account ${escapeMarkdown(result.accountId)}`,
    `region ${escapeMarkdown(result.region)}`,
    `checked ${formatTime(result.checkedAt)}`
  ];
  const runBits: string[] = [];
  if (run.repository !== '') runBits.push(escapeMarkdown(run.repository));
  if (run.sha !== '') runBits.push(escapeMarkdown(run.sha.slice(0, 12)));
  if (run.runId !== '')
    runBits.push(link(`run ${run.runId}${run.runAttempt !== '' ? ` attempt ${run.runAttempt}` : ''}`, runUrlOf(run)));
  const counts = new Map<RuleStatus, number>();
  for (const r of result.rules) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const tally = (Object.keys(STATUS_RANK) as RuleStatus[])
    .filter(s => (counts.get(s) ?? 0) > 0)
    .map(s => `${counts.get(s) ?? 0} ${STATUS_LABEL[s].replace(/^\S+ /, '')}`);
  const totals = [
    `${plural(result.rules.length, 'rule')}${tally.length > 0 ? `: ${tally.join(', ')}` : ''}`,
    `${plural(gate.noncompliantCount, 'non-compliant resource')}`
  ];
  if (gate.waivedCount > 0) totals.push(`${plural(gate.waivedCount, 'waived finding')} (listed, not counted)`);
  const blocks: SummaryBlock[] = [
    { kind: 'text', text: heading, required: true },
    {
      kind: 'text',
      text: `${where.join(' · ')}${runBits.length > 0 ? `  \n${runBits.join(' · ')}` : ''}`,
      required: true
    },
    { kind: 'text', text: `\n${totals.join(' · ')}`, required: true }
  ];
  return { id: 'verdict', order: SUMMARY_ORDER.verdict, priority: SUMMARY_PRIORITY.verdict, blocks };
}

function whereFullList(reportFiles: SummaryInput['reportFiles']): string {
  const json = reportFiles?.json;
  return json !== undefined && json !== ''
    ? `the full list is in the JSON report ${codeSpan(json)}`
    : 'the JSON report (report-dir) has the full list';
}

function rulesSection(rules: readonly RuleResult[], reportFiles: SummaryInput['reportFiles']): SummarySection {
  const head = [
    '### Rules',
    '',
    row(['Rule', 'Status', 'Non-compliant', 'Waived', 'Last evaluated', 'HIPAA sections']),
    row(['---', '---', '---:', '---:', '---', '---'])
  ].join('\n');
  return {
    id: 'rules',
    order: SUMMARY_ORDER.rules,
    priority: SUMMARY_PRIORITY.rules,
    blocks: [{ kind: 'rows', head, rowCount: rules.length, row: i => ruleRow(rules[i] as RuleResult) }],
    omissionNote: n =>
      `\n_${plural(n, 'rule')} not shown to keep the job summary within its size limit; ${whereFullList(reportFiles)}._`
  };
}

function findingsSection(
  rules: readonly RuleResult[],
  reportFiles: SummaryInput['reportFiles'],
  changed?: (f: Finding) => boolean
): SummarySection {
  const blocks: SummaryBlock[] = [{ kind: 'text', text: '### Non-compliant resources' }];
  for (const rule of rules) {
    if (rule.findings.length === 0) continue;
    const findings = sortFindings(rule.findings, changed);
    const { counted, waived } = countFindings(rule);
    const label = `${truncate(rule.ruleName, MAX_RULE)} (${counted} non-compliant${waived > 0 ? `, ${waived} waived` : ''})`;
    blocks.push({
      kind: 'rows',
      head: [
        '',
        `<details><summary>${escapeHtml(label)}</summary>`,
        '',
        row(['Type', 'Resource', 'Annotation', 'Recorded', 'Waiver / remediation']),
        row(['---', '---', '---', '---', '---'])
      ].join('\n'),
      rowCount: findings.length,
      row: i => findingRow(findings[i] as Finding),
      tail: '\n</details>'
    });
  }
  return {
    id: 'findings',
    order: SUMMARY_ORDER.findings,
    priority: SUMMARY_PRIORITY.findings,
    blocks: blocks.length > 1 ? blocks : [],
    omissionNote: n =>
      `**${plural(n, 'resource row')} left out** to keep the job summary within its size limit; ${whereFullList(reportFiles)}.`
  };
}

/** Builds the job summary: verdict, rule table (worst first), then the non-compliant resources of each rule. */
export function buildSummary(input: SummaryInput): SummaryOutput {
  const { result, gate, run, reportFiles } = input;
  const rules = sortRulesWorstFirst(result.rules, input.changed);
  const builder = new SummaryBuilder(input.budgetBytes ?? DEFAULT_SUMMARY_BUDGET_BYTES)
    .add(verdictSection(result, gate, run))
    .add(rulesSection(rules, reportFiles))
    .add(findingsSection(rules, reportFiles, input.changed));
  for (const s of input.sections ?? []) builder.add(s);
  const out = builder.render();
  return {
    markdown: out.markdown,
    omittedRows: out.omittedRows,
    bytes: out.bytes,
    omittedBySection: out.omittedBySection
  };
}
