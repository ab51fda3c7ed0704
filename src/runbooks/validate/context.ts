/**
 * What every check of the validation reads and reports to, and the small value tests and wordings they share.
 */
import type { LineCol } from '../../source/position.js';
import type { DocPath, Runbook } from '../types.js';

export type Rec = Record<string, unknown>;

/** Records a problem at a position of the runbook file. */
type Report = (pos: LineCol, detail: string) => void;

/** The position of the node at a path (its key with 'key'), or of its nearest existing ancestor. */
type At = (path: DocPath, which?: 'value' | 'key') => LineCol;

export interface Check {
  runbook: Runbook;
  /** The whole document as plain data. */
  d: Readonly<Rec>;
  /** Names declared under `parameters` and under `variables`. */
  parameterNames: ReadonlySet<string>;
  variableNames: ReadonlySet<string>;
  /** What SSM would refuse, or what cannot run: the runbook must not be deployed. */
  err: Report;
  /** What SSM accepts but the action cannot check (the runbook is deployed). */
  warn: Report;
  at: At;
}

/** What kind of value this is, for messages: 'empty', 'a list', 'a mapping', 'a string', ... */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** A value as written in a message: strings in single quotes, anything else as JSON. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** A string holding a `{{ }}` reference: its value is known only at run time. */
export function hasTemplate(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}

export function isPositiveInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/**
 * Whether a `PropertySelector` or output `Selector` is one SSM accepts: a JSONPath, with or without its leading `$`
 * (AWS's own runbooks write `Attributes.KmsMasterKeyId`; SSM reads it as `$.Attributes.KmsMasterKeyId`).
 */
export function isSelector(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
