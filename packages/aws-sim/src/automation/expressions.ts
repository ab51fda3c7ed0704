/**
 * The value language of Automation runbooks: `{{ }}` substitution, parameter values from StartAutomationExecution,
 * the `$.Field` selector subset used by step outputs and property assertions, and output type conversion.
 */
import { compilePattern, type ParsedParameter } from '../services/ssm/content.js';

/** A value cannot be resolved or converted; the message is shown as the step's (or request's) failure. */
export class ValueError extends Error {
  override readonly name = 'ValueError';
}

/** What `{{ NAME }}` can refer to. */
export interface Scope {
  /** Returns the value or throws ValueError naming what is missing. */
  lookup(expression: string): unknown;
}

const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const ANY = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Text of a value inside a larger string. */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Resolves every `{{ }}` in a value (deeply). A string that is exactly one reference takes the referenced value
 * with its type (a StringList stays a list, an Integer a number); otherwise references are replaced by their text.
 */
export function resolveTemplates(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return scope.lookup(whole[1]!);
    if (!value.includes('{{')) return value;
    return value.replace(ANY, (_m, expr: string) => {
      if (expr === '') throw new ValueError(`empty reference {{ }} in '${value}'`);
      return toText(scope.lookup(expr));
    });
  }
  if (Array.isArray(value)) return value.map(v => resolveTemplates(v, scope));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveTemplates(v, scope);
    return out;
  }
  return value;
}

// ------------------------------------------------------------------------------------------------ selectors

type Segment = { key: string } | { index: number } | { wildcard: true };

function parseSelector(selector: string): Segment[] {
  const trimmed = selector.trim();
  if (trimmed === '') throw new ValueError('a selector must not be empty');
  // SSM reads a selector without its leading `$` (AWS writes `Attributes.KmsMasterKeyId`) as `$.` + selector.
  const s = trimmed.startsWith('$') ? trimmed : `$.${trimmed}`;
  const segments: Segment[] = [];
  let i = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      const m = /^[^.[\]]+/.exec(s.slice(i + 1));
      if (!m) throw new ValueError(`selector '${selector}': a name must follow '.' at offset ${i}`);
      segments.push(m[0] === '*' ? { wildcard: true } : { key: m[0] });
      i += 1 + m[0].length;
    } else if (c === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) throw new ValueError(`selector '${selector}': unclosed '['`);
      const inner = s.slice(i + 1, close).trim();
      if (inner === '*') segments.push({ wildcard: true });
      else if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) segments.push({ key: inner.slice(1, -1) });
      else throw new ValueError(`selector '${selector}': unsupported subscript [${inner}]`);
      i = close + 1;
    } else {
      throw new ValueError(`selector '${selector}': unexpected '${c}' at offset ${i}`);
    }
  }
  return segments;
}

/** Applies a `$.A.B[0]` / `$.A[*].B` selector; `found: false` when a member is absent. */
export function select(data: unknown, selector: string): { found: boolean; value?: unknown } {
  const segments = parseSelector(selector);
  const walk = (value: unknown, from: number): { found: boolean; value?: unknown } => {
    if (from === segments.length) return { found: value !== undefined, value };
    const seg = segments[from]!;
    if ('wildcard' in seg) {
      const items = Array.isArray(value)
        ? value
        : typeof value === 'object' && value !== null
          ? Object.values(value)
          : undefined;
      if (!items) return { found: false };
      const out: unknown[] = [];
      for (const item of items) {
        const r = walk(item, from + 1);
        if (r.found) out.push(r.value);
      }
      return { found: true, value: out };
    }
    if ('index' in seg) {
      return Array.isArray(value) && seg.index < value.length ? walk(value[seg.index], from + 1) : { found: false };
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && seg.key in value) {
      return walk((value as Record<string, unknown>)[seg.key], from + 1);
    }
    return { found: false };
  };
  return walk(data, 0);
}

// ------------------------------------------------------------------------------------------------ types

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Converts a selected value to an output/variable type; throws ValueError when it does not fit. */
export function convertToType(value: unknown, type: string, what: string): unknown {
  const fail = (): never => {
    throw new ValueError(`${what}: ${JSON.stringify(value)} cannot be converted to ${type}`);
  };
  switch (type) {
    case 'String':
      return typeof value === 'string' ? value : value === null ? fail() : toText(value);
    case 'Integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
      return fail();
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === 'true';
      return fail();
    case 'StringList':
      return Array.isArray(value) ? value.map(toText) : fail();
    case 'StringMap':
      return isRecord(value) ? value : fail();
    case 'MapList':
      return Array.isArray(value) && value.every(isRecord) ? value : fail();
    default:
      return fail();
  }
}

/** A typed value as the string list of an AutomationParameterMap. */
export function toParameterValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(toText);
  return [toText(value)];
}

/** The text Python's str() gives a JSON value (how property assertions compare with DesiredValues). */
export function pythonText(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return toText(value);
}

// ------------------------------------------------------------------------------------------------ parameters

const LIST_TYPES = new Set(['StringList', 'MapList']);

function isListType(type: string): boolean {
  return LIST_TYPES.has(type) || type.startsWith('List<');
}

function checkText(p: ParsedParameter, v: string): void {
  if (p.allowedPattern !== undefined && !compilePattern(p.allowedPattern).test(v)) {
    throw new ValueError(`Parameter "${p.name}" value "${v}" does not match the allowed pattern ${p.allowedPattern}`);
  }
  if (p.allowedValues && !p.allowedValues.map(toText).includes(v)) {
    throw new ValueError(
      `Parameter "${p.name}" value "${v}" is not one of the allowed values: ${p.allowedValues.map(toText).join(', ')}`
    );
  }
  if (p.minChars !== undefined && v.length < p.minChars) {
    throw new ValueError(`Parameter "${p.name}" value "${v}" is shorter than ${p.minChars} characters`);
  }
  if (p.maxChars !== undefined && v.length > p.maxChars) {
    throw new ValueError(`Parameter "${p.name}" value is longer than ${p.maxChars} characters`);
  }
}

/** Types a parameter given to StartAutomationExecution (a list of strings); throws ValueError naming it. */
export function typedParameter(p: ParsedParameter, values: string[]): unknown {
  const single = (): string => {
    if (values.length !== 1) {
      throw new ValueError(`Parameter "${p.name}" of type ${p.type} takes exactly one value, got ${values.length}`);
    }
    return values[0]!;
  };
  if (isListType(p.type)) {
    if (p.minItems !== undefined && values.length < p.minItems) {
      throw new ValueError(`Parameter "${p.name}" needs at least ${p.minItems} values, got ${values.length}`);
    }
    if (p.maxItems !== undefined && values.length > p.maxItems) {
      throw new ValueError(`Parameter "${p.name}" takes at most ${p.maxItems} values, got ${values.length}`);
    }
    values.forEach(v => checkText(p, v));
    if (p.type === 'MapList') {
      return values.map(v => {
        const parsed = parseJson(v);
        if (!isRecord(parsed)) throw new ValueError(`Parameter "${p.name}" (MapList) item ${v} is not a JSON object`);
        return parsed;
      });
    }
    return [...values];
  }
  const v = single();
  checkText(p, v);
  switch (p.type) {
    case 'Integer':
      if (!/^-?\d+$/.test(v)) throw new ValueError(`Parameter "${p.name}" (Integer) value "${v}" is not an integer`);
      return Number(v);
    case 'Boolean':
      if (!/^(true|false)$/i.test(v))
        throw new ValueError(`Parameter "${p.name}" (Boolean) value "${v}" is not true or false`);
      return v.toLowerCase() === 'true';
    case 'StringMap': {
      const parsed = parseJson(v);
      if (!isRecord(parsed)) throw new ValueError(`Parameter "${p.name}" (StringMap) value is not a JSON object`);
      return parsed;
    }
    default:
      return v;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A parameter's default (as written in the document) typed like a given value. */
export function typedDefault(p: ParsedParameter): unknown {
  const d = p.default;
  if (d === null || d === undefined) return isListType(p.type) ? [] : '';
  switch (p.type) {
    case 'Integer':
    case 'Boolean':
    case 'StringMap':
      return d;
    default:
      if (isListType(p.type)) return Array.isArray(d) ? d : [d];
      return toText(d);
  }
}
