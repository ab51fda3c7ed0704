/**
 * The document's data elements: `parameters` (type, properties, allowedPattern read as Java, defaults against the
 * declared constraints) and `variables` (type, default). "Data elements and parameters" of SSM documents, schema 0.3:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-syntax-data-elements-parameters.html
 */
import {
  DATA_TYPES,
  MAX_PARAMETERS,
  MAX_PARAMETER_NAME_LENGTH,
  PARAMETER_KEYS,
  PARAMETER_TYPES,
  VARIABLE_KEYS
} from '../actions.js';
import { isRecord } from '../parse.js';
import type { DocPath } from '../types.js';
import { describe, hasTemplate, quote } from './context.js';
import type { Check, Rec } from './context.js';
import { compileAllowedPattern } from './java-regex.js';

const NAME = /^[a-zA-Z0-9_]+$/;

function isNonNegativeInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string');
}

/** Why `value` does not fit the declared type, or undefined when it does. */
export function typeMismatch(value: unknown, type: string): string | undefined {
  const ok = (() => {
    switch (type) {
      case 'Integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'Boolean':
        return typeof value === 'boolean';
      case 'StringMap':
        return isRecord(value);
      case 'MapList':
        return Array.isArray(value) && value.every(isRecord);
      default:
        if (type === 'StringList' || type.startsWith('List<')) return isStringList(value);
        return typeof value === 'string';
    }
  })();
  if (ok) return undefined;
  const hint = type === 'String' && (typeof value === 'number' || typeof value === 'boolean') ? ' (quote it)' : '';
  return `is ${describe(value)}, but the type is ${type}${hint}`;
}

/** A section of named definitions (`parameters` or `variables`) and what its names and properties may be. */
interface Section {
  name: 'parameters' | 'variables';
  kind: 'parameter' | 'variable';
  /** What is wrong with a definition's name (after its label), or undefined when it is a valid name. */
  nameProblem(name: string): string | undefined;
  /** Most definitions the section may hold. */
  maxEntries?: number;
  keys: ReadonlySet<string>;
  /** The known properties as an unknown-property message lists them. */
  expected: string;
}

/**
 * The checks both sections share (a mapping of name to definition, names, properties); `check` gets each definition
 * that is a mapping, with its path and its label for messages.
 */
function eachDefinition(c: Check, section: Section, check: (def: Rec, base: DocPath, label: string) => void): void {
  const { d, err, at } = c;
  if (!(section.name in d) || d[section.name] === null) return;
  const all = d[section.name];
  if (!isRecord(all)) {
    err(at([section.name]), `${section.name} must be a mapping of ${section.kind} name to definition`);
    return;
  }
  const entries = Object.entries(all);
  if (section.maxEntries !== undefined && entries.length > section.maxEntries) {
    err(at([section.name], 'key'), `${entries.length} ${section.name}; SSM accepts at most ${section.maxEntries}`);
  }
  for (const [name, def] of entries) {
    const base = [section.name, name];
    const label = `${section.kind} '${name}'`;
    const nameProblem = section.nameProblem(name);
    if (nameProblem) err(at(base, 'key'), `${label}: ${nameProblem}`);
    if (!isRecord(def)) {
      err(at(base), `${label} must be a mapping with at least 'type'`);
      continue;
    }
    for (const key of Object.keys(def)) {
      if (!section.keys.has(key)) {
        err(at([...base, key], 'key'), `${label}: unknown property '${key}' (expected ${section.expected})`);
      }
    }
    check(def, base, label);
  }
}

const PARAMETERS: Section = {
  name: 'parameters',
  kind: 'parameter',
  // Parameter map of StartAutomationExecution: at most 200 entries, keys of 1 to 50 characters (ssm.json).
  nameProblem: name =>
    !NAME.test(name) || name.length > MAX_PARAMETER_NAME_LENGTH
      ? `a parameter name is 1 to ${MAX_PARAMETER_NAME_LENGTH} letters, digits or '_'`
      : undefined,
  maxEntries: MAX_PARAMETERS,
  keys: PARAMETER_KEYS,
  expected: `one of ${[...PARAMETER_KEYS].join(', ')}`
};

const VARIABLES: Section = {
  name: 'variables',
  kind: 'variable',
  nameProblem: name => (NAME.test(name) ? undefined : "a variable name is letters, digits or '_'"),
  keys: VARIABLE_KEYS,
  expected: 'type, default, description'
};

export function checkParameters(c: Check): void {
  const { err, warn, at } = c;
  eachDefinition(c, PARAMETERS, (def, base, label) => {
    let type: string | undefined;
    if (!('type' in def)) {
      err(at(base, 'key'), `${label}: type is required`);
    } else if (typeof def.type !== 'string' || !PARAMETER_TYPES.has(def.type)) {
      err(
        at([...base, 'type']),
        `${label}: type ${quote(def.type)} is not a parameter type (${[...PARAMETER_TYPES].join(', ')})`
      );
    } else {
      type = def.type;
    }
    if ('description' in def && typeof def.description !== 'string') {
      err(at([...base, 'description']), `${label}: description must be a string`);
    }
    let regex: RegExp | undefined;
    if ('allowedPattern' in def) {
      if (typeof def.allowedPattern !== 'string') {
        err(at([...base, 'allowedPattern']), `${label}: allowedPattern must be a string`);
      } else {
        // allowedPattern is a Java regular expression ("Data elements and parameters" of SSM documents, schema
        // 0.3): translated, then compiled. One that still does not compile is SSM's to judge, not a rejection.
        const compiled = compileAllowedPattern(def.allowedPattern);
        if ('error' in compiled) {
          warn(
            at([...base, 'allowedPattern']),
            `${label}: allowedPattern ${def.allowedPattern} cannot be checked here (${compiled.error}); ` +
              'the action does not check the default or parameter values against it, SSM still does'
          );
        } else {
          regex = compiled.regex;
        }
      }
    }
    let allowed: unknown[] | undefined;
    if ('allowedValues' in def) {
      if (!Array.isArray(def.allowedValues) || def.allowedValues.length === 0) {
        err(at([...base, 'allowedValues']), `${label}: allowedValues must be a non-empty list`);
      } else {
        allowed = def.allowedValues as unknown[];
      }
    }
    for (const k of ['minItems', 'maxItems', 'minChars', 'maxChars']) {
      if (k in def && !isNonNegativeInt(def[k])) err(at([...base, k]), `${label}: ${k} must be a non-negative integer`);
    }
    if (!('default' in def) || !type) return;
    const value = def.default;
    const where = at([...base, 'default']);
    const mismatch = typeMismatch(value, type);
    if (mismatch) {
      err(where, `${label}: default ${mismatch}`);
      return;
    }
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of items) {
      if (typeof item !== 'string' || hasTemplate(item)) continue;
      if (regex && !regex.test(item)) {
        err(where, `${label}: default ${quote(item)} does not match allowedPattern ${def.allowedPattern as string}`);
      }
    }
    if (allowed && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      if (!allowed.some(a => a === value || String(a) === String(value))) {
        err(where, `${label}: default ${quote(value)} is not one of allowedValues (${allowed.map(quote).join(', ')})`);
      }
    }
    if (allowed && Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (!allowed.some(a => String(a) === String(item))) {
          err(
            where,
            `${label}: default item ${quote(item)} is not one of allowedValues (${allowed.map(quote).join(', ')})`
          );
        }
      }
    }
    if (typeof value === 'string') {
      if (typeof def.minChars === 'number' && value.length < def.minChars)
        err(where, `${label}: default is shorter than minChars ${def.minChars}`);
      if (typeof def.maxChars === 'number' && value.length > def.maxChars)
        err(where, `${label}: default is longer than maxChars ${def.maxChars}`);
    }
    if (Array.isArray(value)) {
      if (typeof def.minItems === 'number' && value.length < def.minItems)
        err(where, `${label}: default has fewer items than minItems ${def.minItems}`);
      if (typeof def.maxItems === 'number' && value.length > def.maxItems)
        err(where, `${label}: default has more items than maxItems ${def.maxItems}`);
    }
  });
}

export function checkVariables(c: Check): void {
  const { err, at } = c;
  eachDefinition(c, VARIABLES, (def, base, label) => {
    if (typeof def.type !== 'string' || !DATA_TYPES.has(def.type)) {
      err(
        'type' in def ? at([...base, 'type']) : at(base, 'key'),
        `${label}: type must be one of ${[...DATA_TYPES].join(', ')}`
      );
      return;
    }
    if ('default' in def) {
      const mismatch = typeMismatch(def.default, def.type);
      if (mismatch) err(at([...base, 'default']), `${label}: default ${mismatch}`);
    }
  });
}
