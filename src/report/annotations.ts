/**
 * Annotations: one per rule, worst first, within GitHub's per-step limit (10 of a level are shown).
 * Everything AWS-sourced is made single-line and inert; the thin writer hands them to @actions/core,
 * which escapes the command syntax itself.
 */
import type { ComplianceResult, GateDecision, RuleResult } from '../compliance/types.js';
import type { Annotation } from '../github/checks.js';
import type { RuleLocation } from '../locate/source-map.js';
import { sanitizeForLog, truncate } from '../util/text.js';
import { formatTimePlain } from './markdown/format.js';
import { countFindings, sortRulesWorstFirst } from './ranking.js';

export interface AnnotationOptions {
  /** Most annotations in all (default 10: GitHub shows no more error annotations per step). */
  max?: number;
  /** Resources named in a message (default 3). */
  resourcesShown?: number;
  /** Anchors a rule's annotation to a file position. */
  locate?: (ruleName: string) => RuleLocation | undefined;
}

const DEFAULT_MAX_ANNOTATIONS = 10;
const MAX_TITLE = 200;
const MAX_MESSAGE = 900;
const MAX_RESOURCE = 80;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sections(rule: RuleResult): string {
  return rule.hipaaSections?.length ? ` (HIPAA ${rule.hipaaSections.join(', ')})` : '';
}

function noncompliantMessage(rule: RuleResult, shown: number): string {
  const { counted, waived } = countFindings(rule);
  const ids = rule.findings
    .filter(f => f.waiver === undefined)
    .sort((a, b) => byName(a.resourceType, b.resourceType) || byName(a.resourceId, b.resourceId))
    .slice(0, shown)
    .map(f => truncate(f.resourceId, MAX_RESOURCE));
  const more = counted > ids.length ? `, +${counted - ids.length} more` : '';
  const waivedText = waived > 0 ? ` (${waived} waived)` : '';
  return `${counted} non-compliant${sections(rule)}: ${ids.join(', ')}${more}${waivedText}`;
}

function errorMessage(rule: RuleResult): string {
  const e = rule.error;
  if (e === undefined) return `AWS Config could not report compliance for this rule${sections(rule)}`;
  const req = e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : '';
  return `${e.operation} failed: ${e.code}: ${truncate(e.message, 300)}${req}${sections(rule)}`;
}

function staleMessage(rule: RuleResult): string {
  const when = rule.lastEvaluated ? `last evaluated ${formatTimePlain(rule.lastEvaluated)}` : 'never evaluated';
  const { counted } = countFindings(rule);
  const found = counted > 0 ? `; ${counted} non-compliant at that evaluation` : '';
  return `Evaluation is stale: ${rule.staleReason ?? when}${found}${sections(rule)}`;
}

function insufficientMessage(rule: RuleResult): string {
  return `AWS Config has insufficient data for this rule (no resources evaluated yet)${sections(rule)}`;
}

interface Candidate {
  level: Annotation['level'];
  rule: RuleResult;
  title: string;
  message: string;
}

function clean(s: string, max: number): string {
  return truncate(sanitizeForLog(s).trim(), max);
}

/** Makes an annotation safe: one line each, no workflow command, bounded length. */
export function sanitizeAnnotation(a: Annotation): Annotation {
  const out: Annotation = { level: a.level, title: clean(a.title, MAX_TITLE), message: clean(a.message, MAX_MESSAGE) };
  if (a.file !== undefined && a.file !== '') out.file = clean(a.file, 500);
  if (a.startLine !== undefined && Number.isInteger(a.startLine) && a.startLine > 0) out.startLine = a.startLine;
  if (
    a.startColumn !== undefined &&
    Number.isInteger(a.startColumn) &&
    a.startColumn > 0 &&
    out.startLine !== undefined
  )
    out.startColumn = a.startColumn;
  return out;
}

/**
 * Annotations for a compliance result: rule errors and non-compliant rules first (errors when the gate
 * failed, warnings when it passed), worst first, one per rule; stale and insufficient-data rules as
 * warnings in the room left. When more rules qualify than fit, the last slot says how many more.
 */
export function buildAnnotations(
  result: ComplianceResult,
  gate: GateDecision,
  opts: AnnotationOptions = {}
): Annotation[] {
  const max = Math.max(0, Math.floor(opts.max ?? DEFAULT_MAX_ANNOTATIONS));
  const shown = Math.max(0, opts.resourcesShown ?? 3);
  const failLevel: Annotation['level'] = gate.result === 'fail' ? 'error' : 'warning';

  const primary: Candidate[] = [];
  const secondary: Candidate[] = [];
  for (const rule of sortRulesWorstFirst(result.rules)) {
    if (rule.status === 'error') {
      primary.push({
        level: failLevel,
        rule,
        title: `AWS Config error: ${rule.ruleName}`,
        message: errorMessage(rule)
      });
    } else if (rule.status === 'noncompliant') {
      if (countFindings(rule).counted === 0) continue; // every finding waived: listed in the summary, not annotated
      primary.push({
        level: failLevel,
        rule,
        title: `Non-compliant: ${rule.ruleName}`,
        message: noncompliantMessage(rule, shown)
      });
    } else if (rule.status === 'stale') {
      secondary.push({
        level: 'warning',
        rule,
        title: `Stale evaluation: ${rule.ruleName}`,
        message: staleMessage(rule)
      });
    } else if (rule.status === 'insufficient-data') {
      secondary.push({
        level: 'warning',
        rule,
        title: `Insufficient data: ${rule.ruleName}`,
        message: insufficientMessage(rule)
      });
    }
  }

  const picked: Annotation[] = [];
  const toAnnotation = (c: Candidate): Annotation => {
    const a: Annotation = { level: c.level, title: c.title, message: c.message };
    const loc = opts.locate?.(c.rule.ruleName);
    if (loc !== undefined) {
      a.file = loc.file;
      a.startLine = loc.line;
      a.startColumn = loc.col; // SARIF and GitHub spell it column
    }
    return sanitizeAnnotation(a);
  };

  if (primary.length > max) {
    const keep = Math.max(0, max - 1);
    for (const c of primary.slice(0, keep)) picked.push(toAnnotation(c));
    if (max > 0) {
      const rest = primary.slice(keep);
      const names = rest.slice(0, 5).map(c => truncate(c.rule.ruleName, MAX_RESOURCE));
      picked.push(
        sanitizeAnnotation({
          level: failLevel,
          title: `${rest.length} more rules need attention`,
          message: `${rest.length} more rules are non-compliant or failed: ${names.join(', ')}${rest.length > names.length ? ', ...' : ''}; see the job summary and the JSON report`
        })
      );
    }
    return picked;
  }
  for (const c of primary) picked.push(toAnnotation(c));
  for (const c of secondary.slice(0, max - picked.length)) picked.push(toAnnotation(c));
  return picked;
}

/** Properties as @actions/core takes them (its AnnotationProperties). */
export interface AnnotationSinkProperties {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** The part of @actions/core that emits annotations. */
export interface AnnotationSink {
  error(message: string, properties?: AnnotationSinkProperties): void;
  warning(message: string, properties?: AnnotationSinkProperties): void;
  notice(message: string, properties?: AnnotationSinkProperties): void;
}

/** Thin writer: one core.error/warning/notice call per annotation. */
export function emitAnnotations(annotations: readonly Annotation[], sink: AnnotationSink): void {
  for (const raw of annotations) {
    const a = sanitizeAnnotation(raw);
    const props: AnnotationSinkProperties = { title: a.title };
    if (a.file !== undefined) props.file = a.file;
    if (a.startLine !== undefined) props.startLine = a.startLine;
    if (a.startColumn !== undefined) props.startColumn = a.startColumn;
    sink[a.level](a.message, props);
  }
}

/** Where a finding is written in the repository (from src/locate/source-map.ts). */
export interface FindingLocation {
  file: string;
  line: number;
  col: number;
}

/**
 * One annotation per counted finding, at the line that declares its resource (or the rule's line), for the Checks
 * API, which takes them all (in batches of 50). Rule errors and stale or insufficient-data rules follow as
 * warnings. Findings in files the pull request changed come first.
 */
export function findingAnnotations(
  result: ComplianceResult,
  gate: GateDecision,
  locations: ReadonlyMap<string, FindingLocation>,
  opts: { changedFiles?: ReadonlySet<string>; ruleLocation?: (ruleName: string) => RuleLocation | undefined } = {}
): Annotation[] {
  const level: Annotation['level'] = gate.result === 'fail' ? 'error' : 'warning';
  const changed = opts.changedFiles ?? new Set<string>();
  const out: { a: Annotation; changed: boolean; rank: number }[] = [];
  for (const rule of sortRulesWorstFirst(result.rules)) {
    const sections = rule.hipaaSections?.length ? ` (HIPAA ${rule.hipaaSections.join(', ')})` : '';
    for (const f of rule.findings) {
      if (f.waiver !== undefined || rule.complianceType !== 'NON_COMPLIANT') continue;
      const loc = locations.get(f.fingerprint);
      const a: Annotation = {
        level,
        title: `${rule.ruleName}: ${f.resourceType} ${f.resourceId}`,
        message: `${f.resourceType} ${f.resourceId} is non-compliant with ${rule.ruleName}${sections}${f.annotation ? `: ${f.annotation}` : ''}`
      };
      if (loc) Object.assign(a, { file: loc.file, startLine: loc.line, startColumn: loc.col });
      out.push({ a: sanitizeAnnotation(a), changed: loc !== undefined && changed.has(loc.file), rank: 0 });
    }
    const warn = (title: string, message: string): void => {
      const a: Annotation = { level: 'warning', title, message };
      const loc = opts.ruleLocation?.(rule.ruleName);
      if (loc) Object.assign(a, { file: loc.file, startLine: loc.line });
      out.push({ a: sanitizeAnnotation(a), changed: false, rank: 1 });
    };
    if (rule.status === 'error') warn(`AWS Config error: ${rule.ruleName}`, errorMessage(rule));
    else if (rule.status === 'stale') warn(`Stale evaluation: ${rule.ruleName}`, staleMessage(rule));
    else if (rule.status === 'insufficient-data')
      warn(`Insufficient data: ${rule.ruleName}`, insufficientMessage(rule));
  }
  // Stable: severity first, then findings in changed files, then the worst-first rule order.
  return out
    .map((x, i) => ({ ...x, i }))
    .sort((x, y) => x.rank - y.rank || Number(y.changed) - Number(x.changed) || x.i - y.i)
    .map(x => x.a);
}
