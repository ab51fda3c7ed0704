/**
 * Reads a baseline: an earlier run's JSON report (compliance-report.json), validated against the report's schema.
 * parseBaseline is pure; loadBaseline is the thin file edge. Errors name the file, line and column.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { RuleStatus } from '../compliance/types.js';
import { InputError, SourceError, SourceErrors } from '../errors.js';

/**
 * A finding of the baseline report. A schemaVersion 1 report names no account or region: its entries have none, and
 * compare.ts matches them within the run's own account and region.
 */
export interface BaselineEntry {
  accountId?: string;
  region?: string;
  ruleName: string;
  resourceType: string;
  resourceId: string;
  fingerprint: string;
  waived: boolean;
}

export interface Baseline {
  /** The report file, as given. */
  file: string;
  /** 1: findings by rule and resource of one account and region; 2: by account, region, rule and resource. */
  schemaVersion: 1 | 2;
  generatedAt: string;
  accountId: string;
  region: string;
  /** Commit the baseline run checked. */
  sha: string;
  /** Status of every rule the baseline run checked, by ruleKey (account, region, rule; v1: the rule name). */
  rules: Map<string, RuleStatus>;
  /**
   * Every finding of the baseline (waived ones included), by fingerprint: v2's as written; v1's are the version 1
   * fingerprints (rule, resource type and id), compare.ts recomputes them for the run's own account and region.
   */
  findings: Map<string, BaselineEntry>;
}

const MAX_SCHEMA_ERRORS = 20;

/**
 * The JSON report's schemas, which report/json.ts writes to (its test validates every report against the current
 * one): the one description of each format this reader accepts, read as data so the baseline does not depend on the
 * renderer. The current schema, then version 1 (reports written before account and region were on every finding).
 */
interface ReportSchema {
  properties: { schemaVersion: { const: number } };
}

const SCHEMA_FILES = ['compliance-report.schema.json', 'compliance-report.v1.schema.json'] as const;
const schemas = new Map<number, { schema: ReportSchema; validate?: ValidateFunction }>();
function reportSchemas(): Map<number, { schema: ReportSchema; validate?: ValidateFunction }> {
  if (schemas.size === 0) {
    for (const f of SCHEMA_FILES) {
      const schema = JSON.parse(readFileSync(new URL(`../report/${f}`, import.meta.url), 'utf8')) as ReportSchema;
      schemas.set(schema.properties.schemaVersion.const, { schema });
    }
  }
  return schemas;
}

/** The report schemaVersion this version writes and reads (the current schema's `schemaVersion.const`). */
export function readableSchemaVersion(): number {
  return [...reportSchemas().keys()][0] as number;
}

/** Every report schemaVersion this version reads as a baseline, newest first. */
export function readableSchemaVersions(): number[] {
  return [...reportSchemas().keys()];
}

function validateReport(version: number): ValidateFunction {
  const entry = reportSchemas().get(version) as { schema: ReportSchema; validate?: ValidateFunction };
  entry.validate ??= new Ajv({ allErrors: true, strict: false }).compile(entry.schema as object);
  return entry.validate;
}

/** What the baseline reads of a report (the schema validated the rest); v1 has no accountId/region on rules. */
interface BaselineReportJson {
  schemaVersion: 1 | 2;
  generatedAt: string;
  run: { accountId: string; region: string; sha: string };
  rules: {
    accountId?: string;
    region?: string;
    name: string;
    status: RuleStatus;
    findings: {
      accountId?: string;
      region?: string;
      resourceType: string;
      resourceId: string;
      fingerprint: string;
      waived: boolean;
    }[];
  }[];
}

/** The key of a rule result in Baseline.rules: account, region and rule name (v1 entries: the rule name alone). */
export function ruleKey(accountId: string | undefined, region: string | undefined, ruleName: string): string {
  return accountId === undefined || region === undefined ? ruleName : `${accountId}\u0000${region}\u0000${ruleName}`;
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
  const readable = readableSchemaVersions();
  if (typeof version !== 'number' || !readable.includes(version)) {
    throw new Positions(file, text).error(
      '/schemaVersion',
      `schemaVersion ${JSON.stringify(version)} is not supported: this version of compliance-gate reads report schemaVersion ${[...readable].sort().join(' or ')}`
    );
  }
  const validate = validateReport(version);
  if (!validate(data)) {
    const positions = new Positions(file, text);
    const all = validate.errors ?? [];
    const errors = all.slice(0, MAX_SCHEMA_ERRORS).map(e => positions.error(e.instancePath, schemaMessage(e)));
    if (all.length > MAX_SCHEMA_ERRORS) {
      errors.push(new SourceError(file, 1, 1, `${all.length - MAX_SCHEMA_ERRORS} more problems not listed`));
    }
    throw new SourceErrors(errors);
  }
  const report = data as unknown as BaselineReportJson;
  const rules = new Map<string, RuleStatus>();
  const findings = new Map<string, BaselineEntry>();
  for (const rule of report.rules) {
    rules.set(ruleKey(rule.accountId, rule.region, rule.name), rule.status);
    for (const f of rule.findings) {
      const entry: BaselineEntry = {
        ruleName: rule.name,
        resourceType: f.resourceType,
        resourceId: f.resourceId,
        fingerprint: f.fingerprint,
        waived: f.waived
      };
      if (f.accountId !== undefined) entry.accountId = f.accountId;
      if (f.region !== undefined) entry.region = f.region;
      findings.set(f.fingerprint, entry);
    }
  }
  return {
    file,
    schemaVersion: report.schemaVersion,
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
