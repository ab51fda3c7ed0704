/**
 * Loads compliance.yml: YAML with positions, validated against the JSON Schema, then checked for what a schema
 * cannot say (duplicates, expired waivers, missing files). Every problem names file:line:col, and all problems
 * are reported at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { ErrorSink } from '../source/collector.js';
import { addSchemaErrors } from '../source/schema.js';
import { positionOf, positionAt, toTree, type TreePath } from '../source/tree.js';
import { SourceError, SourceErrors } from '../errors.js';
import type { SourcePosition } from '../source/position.js';
import { manifestSchema } from './schema.js';
import { readYaml, yamlToJS } from '../source/yaml.js';
import { calendarDateProblem } from '../util/dates.js';
import { outsideWorkspace } from '../util/paths.js';

/** A waiver of the manifest: findings of a rule on a resource that do not count until it expires. */
export interface Waiver {
  /**
   * The account whose findings it covers; absent: every account. Part of the waiver's identity (account, rule,
   * resource).
   */
  account?: string;
  rule: string;
  resourceId: string;
  reason: string;
  owner: string;
  /** ISO date (YYYY-MM-DD). */
  expires: string;
  /** Where the waiver is written (file:line), for messages. */
  source?: string;
}

export interface PackRef {
  builtin?: string;
  /** Path of a template, relative to the working directory when the manifest path is. */
  template?: string;
  parameters: Record<string, string>;
  exclude: string[];
  position: SourcePosition;
}

export interface ManifestRule {
  name: string;
  identifier: string;
  description?: string;
  parameters: Record<string, string>;
  resourceTypes?: string[];
  tagKey?: string;
  tagValue?: string;
  maximumExecutionFrequency?: string;
  evaluationModes?: string[];
  position: SourcePosition;
}

export interface RunbookRef {
  /** Path, relative to the working directory when the manifest path is. */
  path: string;
  name?: string;
  position: SourcePosition;
}

export interface RemediationBinding {
  rule: string;
  runbook: string;
  runbookVersion?: string;
  /** Absent for runbooks that take no resource id (account-level fixes). */
  resourceIdParameter?: string;
  parameters: Record<string, string | string[]>;
  automatic: boolean;
  maximumAttempts: number;
  retrySeconds: number;
  concurrencyPercent: number;
  errorPercent: number;
  position: SourcePosition;
}

export interface Manifest {
  file: string;
  packs: PackRef[];
  rules: ManifestRule[];
  runbooks: RunbookRef[];
  remediations: RemediationBinding[];
  alerts?: { snsTopic: string; position: SourcePosition };
  audit?: { logGroup?: string; retentionDays?: number; kmsKeyId?: string };
  waivers: (Waiver & { position: SourcePosition })[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(manifestSchema);

function describeSchemaError(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the manifest' : `'${e.instancePath.slice(1).replace(/\//g, '.')}'`;
  switch (e.keyword) {
    case 'required':
      return `${where} is missing '${String(e.params.missingProperty)}'`;
    case 'additionalProperties':
      return `${where} has an unknown key '${String(e.params.additionalProperty)}'`;
    case 'enum':
      return `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(e.params.allowedValue)}`;
    case 'oneOf':
      return `${where} must have exactly one of the alternatives (e.g. either 'builtin' or 'template')`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

const str = (v: unknown): string => String(v);
const strings = (o: Record<string, unknown> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, str(v)]));

interface RawManifest {
  version: 1;
  packs?: { builtin?: string; template?: string; parameters?: Record<string, unknown>; exclude?: string[] }[];
  rules?: {
    name: string;
    identifier: string;
    description?: string;
    parameters?: Record<string, unknown>;
    'resource-types'?: string[];
    'tag-key'?: string;
    'tag-value'?: string;
    'maximum-execution-frequency'?: string;
    'evaluation-modes'?: string[];
  }[];
  runbooks?: { path: string; name?: string }[];
  remediations?: {
    rule: string;
    runbook: string;
    'runbook-version'?: string;
    'resource-id-parameter'?: string;
    parameters?: Record<string, unknown>;
    automatic?: boolean;
    'maximum-attempts'?: number;
    'retry-seconds'?: number;
    'concurrency-percent'?: number;
    'error-percent'?: number;
  }[];
  alerts?: { 'sns-topic': string };
  audit?: { 'log-group'?: string; 'retention-days'?: number; 'kms-key-id'?: string };
  waivers?: { account?: string; rule: string; resource: string; reason: string; owner: string; expires: string }[];
}

/** Paths in the manifest are relative to its directory; an absolute one would be read as relative (join). */
const ABSOLUTE = "the path is absolute; write it relative to the manifest's directory (inside the repository)";

/**
 * Parses and validates manifest text. `today` (YYYY-MM-DD) decides which waivers have expired. Files the manifest
 * references (pack templates, runbooks) must be inside `workspace` (GITHUB_WORKSPACE; default the current
 * directory): a pull request can edit the manifest, so it must not make the action read files elsewhere on the
 * runner.
 */
export function parseManifest(text: string, file: string, today: string, workspace: string = process.cwd()): Manifest {
  const parsed = readYaml(text);
  const errors = new ErrorSink();
  for (const e of parsed.errors) errors.add(positionAt(parsed, file, e.offset), `invalid YAML: ${e.message}`);
  errors.throwInOrderIfAny();

  let raw: unknown;
  try {
    raw = yamlToJS(parsed, file);
  } catch (err) {
    if (err instanceof SourceError) throw new SourceErrors([err]);
    throw err;
  }
  // The tree gives positions only; the data is `raw` (validated below), so its own problems are not the reader's.
  const tree = toTree(parsed, file, new ErrorSink());
  const start: SourcePosition = { file, line: 1, col: 1 };
  /** Position of the node at path; the nearest existing ancestor when it is missing. */
  const at = (path: TreePath): SourcePosition => (tree === undefined ? start : positionOf(tree, path));
  if (!validate(raw)) {
    addSchemaErrors(validate.errors, tree, start, describeSchemaError, errors);
    throw new SourceErrors(errors.errors);
  }
  const m = raw as RawManifest;
  const base = dirname(file);

  const packs: PackRef[] = (m.packs ?? []).map((p, i) => {
    const position = at(['packs', i]);
    const ref: PackRef = { parameters: strings(p.parameters), exclude: p.exclude ?? [], position };
    if (p.builtin) ref.builtin = p.builtin;
    if (p.template) {
      ref.template = join(base, p.template);
      const outside = isAbsolute(p.template) ? ABSOLUTE : outsideWorkspace(ref.template, workspace);
      if (outside !== undefined) {
        errors.add(at(['packs', i, 'template']), `template ${JSON.stringify(p.template)}: ${outside}`);
      } else if (!existsSync(ref.template)) {
        errors.add(at(['packs', i, 'template']), `template file not found: ${p.template}`);
      }
    }
    return ref;
  });

  const rules: ManifestRule[] = (m.rules ?? []).map((r, i) => {
    const rule: ManifestRule = {
      name: r.name,
      identifier: r.identifier,
      parameters: strings(r.parameters),
      position: at(['rules', i])
    };
    if (r.description !== undefined) rule.description = r.description;
    if (r['resource-types']) rule.resourceTypes = r['resource-types'];
    if (r['tag-key'] !== undefined) rule.tagKey = r['tag-key'];
    if (r['tag-value'] !== undefined) rule.tagValue = r['tag-value'];
    if (r['maximum-execution-frequency']) rule.maximumExecutionFrequency = r['maximum-execution-frequency'];
    if (r['evaluation-modes']) rule.evaluationModes = r['evaluation-modes'];
    return rule;
  });
  const seenRules = new Map<string, number>();
  rules.forEach((r, i) => {
    const first = seenRules.get(r.name);
    if (first !== undefined) {
      errors.add(
        at(['rules', i, 'name']),
        `rule '${r.name}' is declared twice (first at line ${rules[first]!.position.line})`
      );
    } else seenRules.set(r.name, i);
  });

  const runbooks: RunbookRef[] = (m.runbooks ?? []).map((r, i) => {
    const ref: RunbookRef = { path: join(base, r.path), position: at(['runbooks', i]) };
    if (r.name) ref.name = r.name;
    const outside = isAbsolute(r.path) ? ABSOLUTE : outsideWorkspace(ref.path, workspace);
    if (outside !== undefined) {
      errors.add(at(['runbooks', i, 'path']), `runbook ${JSON.stringify(r.path)}: ${outside}`);
    } else if (!existsSync(ref.path)) errors.add(at(['runbooks', i, 'path']), `runbook file not found: ${r.path}`);
    return ref;
  });

  const remediations: RemediationBinding[] = (m.remediations ?? []).map((r, i) => {
    const b: RemediationBinding = {
      rule: r.rule,
      runbook: r.runbook,
      parameters: Object.fromEntries(
        Object.entries(r.parameters ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(str) : str(v)])
      ),
      automatic: r.automatic ?? false,
      maximumAttempts: r['maximum-attempts'] ?? 5,
      retrySeconds: r['retry-seconds'] ?? 60,
      concurrencyPercent: r['concurrency-percent'] ?? 10,
      errorPercent: r['error-percent'] ?? 10,
      position: at(['remediations', i])
    };
    if (r['runbook-version']) b.runbookVersion = r['runbook-version'];
    if (r['resource-id-parameter']) b.resourceIdParameter = r['resource-id-parameter'];
    return b;
  });
  const seenBindings = new Set<string>();
  remediations.forEach((b, i) => {
    if (seenBindings.has(b.rule)) {
      errors.add(at(['remediations', i, 'rule']), `rule '${b.rule}' has more than one remediation`);
    }
    seenBindings.add(b.rule);
  });

  const waivers = (m.waivers ?? []).map((w, i) => {
    const position = at(['waivers', i]);
    const notADate = calendarDateProblem(w.expires);
    if (notADate !== undefined) {
      errors.add(at(['waivers', i, 'expires']), `waiver expiry '${w.expires}' is not a date: ${notADate}`);
    } else if (w.expires < today) {
      errors.add(
        at(['waivers', i, 'expires']),
        `waiver for ${w.rule} / ${w.resource} (owner ${w.owner}) expired on ${w.expires}: renew it or fix the resource`
      );
    }
    return {
      ...(w.account !== undefined ? { account: w.account } : {}),
      rule: w.rule,
      resourceId: w.resource,
      reason: w.reason,
      owner: w.owner,
      expires: w.expires,
      source: `${file}:${position.line}`,
      position
    };
  });

  errors.throwInOrderIfAny();
  const manifest: Manifest = { file, packs, rules, runbooks, remediations, waivers };
  if (m.alerts) manifest.alerts = { snsTopic: m.alerts['sns-topic'], position: at(['alerts', 'sns-topic']) };
  if (m.audit) {
    const a = m.audit;
    manifest.audit = {
      ...(a['log-group'] !== undefined ? { logGroup: a['log-group'] } : {}),
      ...(a['retention-days'] !== undefined ? { retentionDays: a['retention-days'] } : {}),
      ...(a['kms-key-id'] !== undefined ? { kmsKeyId: a['kms-key-id'] } : {})
    };
  }
  return manifest;
}

/** Reads and parses a manifest file. */
export function loadManifest(file: string, today: string, workspace?: string): Manifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SourceError(file, 1, 1, `cannot read the manifest: ${(err as Error).message}`);
  }
  return parseManifest(text, file, today, workspace);
}
