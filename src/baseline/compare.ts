/**
 * Baseline comparison for pull requests: an earlier run's JSON report (compliance-report.json) splits the
 * current findings into new and existing ones and lists what was fixed since. Matching is by fingerprint
 * (rule + resource type + resource id). Pure core; loadBaseline is the thin file edge.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { InputError, SourceError, SourceErrors } from '../errors.js';
import { REPORT_SCHEMA_VERSION, type ComplianceReportJson } from '../report/json.js';
import { escapeMarkdown, codeSpan, truncate } from '../util/text.js';
import type { SummaryBlock, SummarySection } from '../report/markdown/layout.js';
import { formatTime } from '../report/markdown/format.js';
import { fingerprintOf } from '../locate/source-map.js';
import type { ComplianceResult, Finding, RuleStatus } from '../compliance/types.js';

/** A finding of the baseline report. */
export interface BaselineEntry {
  ruleName: string;
  resourceType: string;
  resourceId: string;
  fingerprint: string;
  waived: boolean;
}

export interface Baseline {
  /** The report file, as given. */
  file: string;
  generatedAt: string;
  accountId: string;
  region: string;
  /** Commit the baseline run checked. */
  sha: string;
  /** Status of every rule the baseline run checked, by name. */
  rules: Map<string, RuleStatus>;
  /** Every finding of the baseline (waived ones included), by fingerprint. */
  findings: Map<string, BaselineEntry>;
}

export interface FixedFinding {
  ruleName: string;
  resourceType: string;
  resourceId: string;
  fingerprint: string;
}

export interface BaselineComparison {
  /** Counted findings the baseline did not have. */
  new: Finding[];
  /** Counted findings the baseline had too. */
  existing: Finding[];
  /** Baseline findings that are gone from a rule checked now. */
  fixed: FixedFinding[];
  /** Findings waived now: neither new nor existing. */
  waived: number;
  /** Baseline findings of rules that errored or were not checked now: not known to be fixed. */
  unknown: FixedFinding[];
  /** Why the comparison may mislead (another account or region). */
  warnings: string[];
  baseline: { file: string; generatedAt: string; sha: string };
}

// ---------------------------------------------------------------------------------------------------
// Loading

const MAX_SCHEMA_ERRORS = 20;

let validator: ValidateFunction | undefined;
function validateReport(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(new URL('../report/compliance-report.schema.json', import.meta.url), 'utf8')) as object
  );
  return validator;
}

/** Positions in the report text, computed only when something is wrong. */
class Positions {
  private readonly lines = new LineCounter();
  private readonly doc;
  constructor(
    private readonly file: string,
    text: string
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
  }
  private at(offset: number): { line: number; col: number } {
    return this.lines.linePos(offset);
  }
  /** Position of the first syntax error, if any. */
  syntaxError(): { line: number; col: number } | undefined {
    const err = this.doc.errors[0];
    return err === undefined ? undefined : this.at(err.pos[0]);
  }
  /** Position of the deepest node on a JSON pointer path that exists. */
  of(pointer: string): { line: number; col: number } {
    const path = pointer
      .split('/')
      .slice(1)
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map(s => (/^\d+$/.test(s) ? Number(s) : s));
    for (let depth = path.length; depth > 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true) as YamlNode | undefined;
      if (node?.range) return this.at(node.range[0]);
    }
    const root = this.doc.contents as YamlNode | null;
    return root?.range ? this.at(root.range[0]) : { line: 1, col: 1 };
  }
  error(pointer: string, detail: string): SourceError {
    const { line, col } = this.of(pointer);
    return new SourceError(this.file, line, col, detail);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

function schemaMessage(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the report' : e.instancePath;
  if (e.keyword === 'additionalProperties') {
    return `${where}: unexpected property ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}`;
  }
  return `${where}: ${e.message ?? 'is invalid'}`;
}

const NOT_A_REPORT =
  'not a compliance-gate JSON report: expected the compliance-report.json an earlier run wrote (report-dir)';

/**
 * Reads a baseline from the text of a JSON report. Errors name the file, line and column: not JSON, not a
 * report, a schemaVersion this version does not read, or a report that does not match its schema.
 */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // JSON.parse names the offset ("at position N"); the YAML reader's first error is the fallback.
    const offset = /at position (\d+)/.exec((err as Error).message)?.[1];
    const pos =
      offset !== undefined
        ? lineAndColumn(text, Number(offset))
        : (new Positions(file, text).syntaxError() ?? { line: 1, col: 1 });
    throw new SourceError(file, pos.line, pos.col, `${NOT_A_REPORT}; it is not valid JSON (${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('schemaVersion' in data)) {
    throw new SourceError(file, 1, 1, `${NOT_A_REPORT}; it has no schemaVersion`);
  }
  const version = data.schemaVersion;
  if (version !== REPORT_SCHEMA_VERSION) {
    throw new Positions(file, text).error(
      '/schemaVersion',
      `schemaVersion ${JSON.stringify(version)} is not supported: this version of compliance-gate reads report schemaVersion ${REPORT_SCHEMA_VERSION}`
    );
  }
  const validate = validateReport();
  if (!validate(data)) {
    const positions = new Positions(file, text);
    const all = validate.errors ?? [];
    const errors = all.slice(0, MAX_SCHEMA_ERRORS).map(e => positions.error(e.instancePath, schemaMessage(e)));
    if (all.length > MAX_SCHEMA_ERRORS) {
      errors.push(new SourceError(file, 1, 1, `${all.length - MAX_SCHEMA_ERRORS} more problems not listed`));
    }
    throw new SourceErrors(errors);
  }
  const report = data as ComplianceReportJson;
  const rules = new Map<string, RuleStatus>();
  const findings = new Map<string, BaselineEntry>();
  for (const rule of report.rules) {
    rules.set(rule.name, rule.status);
    for (const f of rule.findings) {
      findings.set(f.fingerprint, {
        ruleName: rule.name,
        resourceType: f.resourceType,
        resourceId: f.resourceId,
        fingerprint: f.fingerprint,
        waived: f.waived
      });
    }
  }
  return {
    file,
    generatedAt: report.generatedAt,
    accountId: report.run.accountId,
    region: report.run.region,
    sha: report.run.sha,
    rules,
    findings
  };
}

/** Reads a baseline report file. A file that cannot be read is an InputError naming `input` (default `baseline`). */
export async function loadBaseline(file: string, opts: { input?: string } = {}): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const input = opts.input ?? 'baseline';
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist' : (err as Error).message;
    throw new InputError(input, `${input}: cannot read the baseline report ${file}: ${why}`);
  }
  return parseBaseline(text, file);
}

// ---------------------------------------------------------------------------------------------------
// Comparison

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byResource = <T extends { ruleName: string; resourceType: string; resourceId: string }>(a: T, b: T): number =>
  cmp(a.ruleName, b.ruleName) || cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId);

/**
 * Splits the current findings by the baseline: counted findings are new or existing; waived ones are neither.
 * A baseline finding absent now is fixed when its rule was checked now, unknown when the rule errored or is gone.
 */
export function compareWithBaseline(result: ComplianceResult, baseline: Baseline): BaselineComparison {
  const current = new Set<string>();
  const checked = new Set<string>();
  const fresh: Finding[] = [];
  const existing: Finding[] = [];
  let waived = 0;
  for (const rule of result.rules) {
    if (rule.status !== 'error') checked.add(rule.ruleName);
    for (const f of rule.findings) {
      const fp = fingerprintOf(f);
      current.add(fp);
      if (f.waiver !== undefined) waived++;
      else if (baseline.findings.has(fp)) existing.push(f);
      else fresh.push(f);
    }
  }
  const fixed: FixedFinding[] = [];
  const unknown: FixedFinding[] = [];
  for (const b of baseline.findings.values()) {
    if (current.has(b.fingerprint)) continue;
    const entry: FixedFinding = {
      ruleName: b.ruleName,
      resourceType: b.resourceType,
      resourceId: b.resourceId,
      fingerprint: b.fingerprint
    };
    (checked.has(b.ruleName) ? fixed : unknown).push(entry);
  }
  const warnings: string[] = [];
  if (baseline.accountId !== result.accountId) {
    warnings.push(`the baseline is from account ${baseline.accountId}, this run checked ${result.accountId}`);
  }
  if (baseline.region !== result.region) {
    warnings.push(`the baseline is from region ${baseline.region}, this run checked ${result.region}`);
  }
  return {
    new: fresh.sort(byResource),
    existing: existing.sort(byResource),
    fixed: fixed.sort(byResource),
    waived,
    unknown: unknown.sort(byResource),
    warnings,
    baseline: { file: baseline.file, generatedAt: baseline.generatedAt, sha: baseline.sha }
  };
}

// ---------------------------------------------------------------------------------------------------
// Job summary section

/** Where the baseline section sits: right after the verdict; filled after the rule table. */
export const BASELINE_SUMMARY = { id: 'baseline', order: 5, priority: 2 } as const;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function resourceCells(f: { ruleName: string; resourceType: string; resourceId: string }): string[] {
  return [
    escapeMarkdown(truncate(f.ruleName, 128)),
    escapeMarkdown(truncate(f.resourceType, 80)),
    escapeMarkdown(truncate(f.resourceId, 256))
  ];
}

const FINDING_HEAD = [row(['Rule', 'Type', 'Resource', 'Annotation']), row(['---', '---', '---', '---'])].join('\n');
const FIXED_HEAD = [row(['Rule', 'Type', 'Resource']), row(['---', '---', '---'])].join('\n');

function findingRow(f: Finding): string {
  return row([
    ...resourceCells(f),
    f.annotation !== undefined && f.annotation !== '' ? escapeMarkdown(truncate(f.annotation, 256)) : '-'
  ]);
}

/** The job summary section of a comparison: new findings in a table, fixed and existing ones collapsed. */
export function baselineSection(
  comparison: BaselineComparison,
  opts: { order?: number; priority?: number } = {}
): SummarySection {
  const c = comparison;
  const sha = c.baseline.sha !== '' ? `, commit ${escapeMarkdown(c.baseline.sha.slice(0, 12))}` : '';
  const counts = [
    c.new.length > 0 ? `**${plural(c.new.length, 'new non-compliant resource')}**` : 'no new non-compliant resources',
    `${c.existing.length} existing`,
    `${c.fixed.length} fixed`
  ];
  if (c.waived > 0) counts.push(`${c.waived} waived (not counted)`);
  if (c.unknown.length > 0) counts.push(`${c.unknown.length} not re-checked (rule errored or removed)`);
  const blocks: SummaryBlock[] = [
    { kind: 'text', text: '### Compared with the baseline', required: true },
    {
      kind: 'text',
      text: `${counts.join(' · ')}  \nBaseline ${codeSpan(c.baseline.file)} generated ${formatTime(c.baseline.generatedAt)}${sha}`,
      required: true
    }
  ];
  for (const w of c.warnings) blocks.push({ kind: 'text', text: `> ⚠️ ${escapeMarkdown(w)}`, required: true });
  if (c.new.length > 0) {
    blocks.push({
      kind: 'rows',
      head: ['', '#### New since the baseline', '', FINDING_HEAD].join('\n'),
      rowCount: c.new.length,
      row: i => findingRow(c.new[i] as Finding)
    });
  }
  if (c.fixed.length > 0) {
    blocks.push({
      kind: 'rows',
      head: ['', `<details><summary>Fixed since the baseline (${c.fixed.length})</summary>`, '', FIXED_HEAD].join('\n'),
      rowCount: c.fixed.length,
      row: i => row(resourceCells(c.fixed[i] as FixedFinding)),
      tail: '\n</details>'
    });
  }
  if (c.existing.length > 0) {
    blocks.push({
      kind: 'rows',
      head: ['', `<details><summary>Already in the baseline (${c.existing.length})</summary>`, '', FINDING_HEAD].join(
        '\n'
      ),
      rowCount: c.existing.length,
      row: i => findingRow(c.existing[i] as Finding),
      tail: '\n</details>'
    });
  }
  return {
    id: BASELINE_SUMMARY.id,
    order: opts.order ?? BASELINE_SUMMARY.order,
    priority: opts.priority ?? BASELINE_SUMMARY.priority,
    blocks,
    omissionNote: n =>
      `_${plural(n, 'baseline row')} left out to keep the job summary within its size limit; the JSON report has every finding._`
  };
}
