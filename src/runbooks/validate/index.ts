/**
 * Validates a parsed runbook before anything is deployed. Reports every problem at once, each naming file:line:col.
 * Pure: returns the errors (and, from `checkRunbook`, the warnings); `assertValidRunbook` throws the errors as one
 * SourceErrors.
 */
import { SourceError, SourceErrors } from '../../errors.js';
import {
  AUTOMATION_ACTIONS,
  AUTOMATION_VARIABLES,
  BRANCH_COMBINATORS,
  BRANCH_OPERATORS,
  DATA_TYPES,
  DOCUMENT_KEYS,
  GLOBAL_VARIABLES,
  MAX_LOOP_ITERATIONS,
  MAX_PARAMETERS,
  MAX_PARAMETER_NAME_LENGTH,
  PARAMETER_KEYS,
  PARAMETER_TYPES,
  STEP_KEYS,
  VARIABLE_KEYS
} from '../actions.js';
import { MAX_DOCUMENT_CONTENT_BYTES, contentBytes } from '../hash.js';
import { compileAllowedPattern } from './java-regex.js';
import { allSteps, locate } from '../parse.js';
import { findPlaceholders } from './placeholders.js';
import type { DocPath, Pos, Runbook, RunbookStep, TemplateRef } from '../types.js';
import { calendarDateProblem } from '../../util/dates.js';

export interface ValidateOptions {
  /**
   * Most steps (loop-nested ones included) a runbook may have. SSM documents no step count of its own (the content
   * size limit bounds it); this is a project limit that keeps runbooks reviewable.
   */
  maxSteps?: number;
}

export const DEFAULT_MAX_STEPS = 100;

/** SSM CreateDocument `Name` pattern (ssm.json, DocumentName). */
const DOCUMENT_NAME = /^[a-zA-Z0-9_\-.]{3,128}$/;
/** Prefixes AWS reserves for its own documents (aws, amazon, amzn; AWSEC2, AWSConfigRemediation, AWSSupport). */
const RESERVED_PREFIX = /^(aws|amazon|amzn)/i;
const STEP_NAME = /^[a-zA-Z0-9_]+$/;
const PARAMETER_NAME = /^[a-zA-Z0-9_]+$/;
const OUTPUT_NAME = /^[a-zA-Z0-9_]+$/;
/** ISO 8601 duration as aws:sleep accepts it (e.g. PT10M, P1DT2H). */
const ISO_DURATION = /^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getAt(data: unknown, path: DocPath): unknown {
  let cur = data;
  for (const p of path) {
    if (Array.isArray(cur) && typeof p === 'number') cur = cur[p];
    else if (isRecord(cur) && typeof p === 'string') cur = cur[p];
    else return undefined;
  }
  return cur;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function hasTemplate(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}

function isBoolLike(value: unknown): boolean {
  return typeof value === 'boolean' || value === 'true' || value === 'false';
}

function isPositiveInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

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

/**
 * Whether a `PropertySelector` or output `Selector` is one SSM accepts: a JSONPath, with or without its leading `$`
 * (AWS's own runbooks write `Attributes.KmsMasterKeyId`; SSM reads it as `$.Attributes.KmsMasterKeyId`).
 */
function isSelector(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const k of known) if (k.toLowerCase() === lower) return k;
  return undefined;
}

/** Validates a runbook; returns every problem found, sorted by position (empty when the runbook is valid). */
export function validateRunbook(runbook: Runbook, options: ValidateOptions = {}): SourceError[] {
  return checkRunbook(runbook, options).errors;
}

export interface RunbookCheck {
  /** What SSM would refuse, or what cannot run: the runbook must not be deployed. */
  errors: SourceError[];
  /** What SSM accepts but the action cannot check (the runbook is deployed). */
  warnings: SourceError[];
}

/** Validates a runbook: every error and every warning, each sorted by position. */
export function checkRunbook(runbook: Runbook, options: ValidateOptions = {}): RunbookCheck {
  const errors: SourceError[] = [];
  const warnings: SourceError[] = [];
  const d = runbook.data;
  const err = (pos: Pos, detail: string): void => {
    errors.push(new SourceError(runbook.file, pos.line, pos.col, detail));
  };
  const warn = (pos: Pos, detail: string): void => {
    warnings.push(new SourceError(runbook.file, pos.line, pos.col, detail));
  };
  const at = (path: DocPath, which: 'value' | 'key' = 'value'): Pos => locate(runbook, path, which);
  const fileStart: Pos = { line: 1, col: 1 };

  // Document name and size.
  if (!DOCUMENT_NAME.test(runbook.name)) {
    err(
      fileStart,
      `document name '${runbook.name}' is not a valid SSM document name: 3 to 128 letters, digits, '_', '-' or '.' ` +
        '(the name comes from the file name unless set explicitly)'
    );
  }
  if (RESERVED_PREFIX.test(runbook.name)) {
    err(
      fileStart,
      `document name '${runbook.name}' starts with a prefix AWS reserves (aws, amazon, amzn, in any case)`
    );
  }
  const bytes = contentBytes(runbook.content);
  if (bytes > MAX_DOCUMENT_CONTENT_BYTES) {
    err(fileStart, `content is ${bytes} bytes; SSM accepts at most ${MAX_DOCUMENT_CONTENT_BYTES} bytes (64 KB)`);
  }

  // Top level.
  for (const key of Object.keys(d)) {
    if (!DOCUMENT_KEYS.has(key)) {
      err(at([key], 'key'), `unknown top-level property '${key}' (expected one of ${[...DOCUMENT_KEYS].join(', ')})`);
    }
  }
  if (!('schemaVersion' in d)) {
    err(runbook.pos, "schemaVersion is missing: Automation runbooks use schemaVersion '0.3'");
  } else if (d.schemaVersion !== '0.3' && d.schemaVersion !== 0.3) {
    err(at(['schemaVersion']), `schemaVersion is ${quote(d.schemaVersion)}; Automation runbooks use '0.3'`);
  }
  if ('description' in d && typeof d.description !== 'string') {
    err(at(['description']), `description must be a string, not ${describe(d.description)}`);
  }
  if ('assumeRole' in d && typeof d.assumeRole !== 'string') {
    err(
      at(['assumeRole']),
      `assumeRole must be a string (a role ARN or '{{ Parameter }}'), not ${describe(d.assumeRole)}`
    );
  }

  // Build-time placeholders (keys, values, scripts): the document was not built.
  for (const p of findPlaceholders(runbook.content)) {
    err(p.pos, `build-time placeholder: build this document first (${p.text} is still in it)`);
  }

  validateParameters(d, err, warn, at);
  validateVariables(d, err, at);

  // Steps.
  const steps = allSteps(runbook.steps);
  if (!('mainSteps' in d)) {
    err(runbook.pos, 'mainSteps is missing: a runbook needs at least one step');
  } else if (!Array.isArray(d.mainSteps) || d.mainSteps.length === 0) {
    err(at(['mainSteps']), 'mainSteps must be a non-empty list of steps');
  }
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (steps.length > maxSteps) {
    err(at(['mainSteps'], 'key'), `the runbook has ${steps.length} steps; the limit is ${maxSteps}`);
  }
  const byName = new Map<string, RunbookStep>();
  for (const step of steps) {
    const raw = getAt(d, step.path);
    if (!isRecord(raw) || typeof raw.name !== 'string' || !STEP_NAME.test(raw.name)) continue;
    const first = byName.get(raw.name);
    if (first) {
      err(at([...step.path, 'name']), `duplicate step name '${raw.name}' (first defined at line ${first.pos.line})`);
    } else {
      byName.set(raw.name, step);
    }
  }
  const paramNames = new Set(runbook.parameters.map(p => p.name));
  const variableNames = new Set(runbook.variables.map(v => v.name));
  const ctx: StepContext = { d, variables: variableNames, err, at };
  validateStepList(runbook.steps, new Set(runbook.steps.map(s => s.name)), undefined, ctx);

  // References.
  const checkRef = (ref: TemplateRef): void => {
    if (ref.error) {
      const why = {
        unterminated: "'{{' is not closed by '}}'",
        empty: 'nothing between the braces',
        nested: "'{{' inside a reference"
      };
      err(ref.pos, `malformed reference ${ref.raw}: ${why[ref.error]}`);
      return;
    }
    const problem = resolveProblem(ref.expression, paramNames, variableNames, byName);
    if (problem) err(ref.pos, `${ref.raw} does not resolve: ${problem}`);
  };
  runbook.refs.forEach(checkRef);
  for (const step of steps) step.refs.forEach(checkRef);

  // Document outputs.
  if ('outputs' in d && d.outputs !== null) {
    if (!Array.isArray(d.outputs)) {
      err(at(['outputs']), 'outputs must be a list of Step.Output names');
    } else {
      d.outputs.forEach((o: unknown, i) => {
        if (typeof o !== 'string') {
          err(at(['outputs', i]), `output must be a 'Step.Output' string, not ${describe(o)}`);
          return;
        }
        if (!o.includes('.')) {
          err(at(['outputs', i]), `output '${o}' must be written Step.Output`);
          return;
        }
        const problem = resolveProblem(o, paramNames, variableNames, byName);
        if (problem) err(at(['outputs', i]), `output '${o}' does not exist: ${problem}`);
      });
    }
  }

  const byPosition = (a: SourceError, b: SourceError): number => a.line - b.line || a.col - b.col;
  return { errors: errors.sort(byPosition), warnings: warnings.sort(byPosition) };
}

/** Throws SourceErrors with every error when the runbook is not valid (warnings are not thrown). */
export function assertValidRunbook(runbook: Runbook, options: ValidateOptions = {}): void {
  const errors = validateRunbook(runbook, options);
  if (errors.length > 0) throw new SourceErrors(errors);
}

type ErrFn = (pos: Pos, detail: string) => void;
type AtFn = (path: DocPath, which?: 'value' | 'key') => Pos;

interface StepContext {
  d: Rec;
  variables: ReadonlySet<string>;
  err: ErrFn;
  at: AtFn;
}

function resolveProblem(
  expression: string,
  params: ReadonlySet<string>,
  variables: ReadonlySet<string>,
  steps: ReadonlyMap<string, RunbookStep>
): string | undefined {
  const colon = expression.indexOf(':');
  if (colon > 0 && !expression.slice(0, colon).includes('.')) {
    const scope = expression.slice(0, colon);
    const name = expression.slice(colon + 1).trim();
    switch (scope) {
      case 'global':
        return GLOBAL_VARIABLES.has(name)
          ? undefined
          : `unknown system variable (known: ${[...GLOBAL_VARIABLES].map(v => `global:${v}`).join(', ')})`;
      case 'automation':
        return AUTOMATION_VARIABLES.has(name)
          ? undefined
          : `unknown automation variable (known: ${[...AUTOMATION_VARIABLES].map(v => `automation:${v}`).join(', ')})`;
      case 'ssm':
        return name === '' ? 'a Parameter Store reference needs a parameter name' : undefined;
      case 'variable':
        return variables.has(name) ? undefined : `no runbook variable '${name}' is declared under variables`;
      default:
        return `unknown prefix '${scope}:' (expected global:, automation:, ssm: or variable:)`;
    }
  }
  const dot = expression.indexOf('.');
  if (dot < 0) {
    if (params.has(expression)) return undefined;
    if (steps.has(expression)) return `'${expression}' is a step; reference one of its outputs as ${expression}.Name`;
    return `no parameter '${expression}' is declared`;
  }
  const stepName = expression.slice(0, dot);
  const output = expression.slice(dot + 1);
  const step = steps.get(stepName);
  if (!step) return `no step '${stepName}' (and no parameter '${expression}')`;
  const predefined = AUTOMATION_ACTIONS[step.action]?.outputs ?? [];
  if (predefined.includes(output) || step.outputs.some(o => o.name === output)) return undefined;
  const known = [...new Set([...predefined, ...step.outputs.map(o => o.name)])];
  return `step '${stepName}' has no output '${output}'${known.length ? ` (it has ${known.join(', ')})` : ' (it declares no outputs)'}`;
}

function validateParameters(d: Rec, err: ErrFn, warn: ErrFn, at: AtFn): void {
  if (!('parameters' in d) || d.parameters === null) return;
  if (!isRecord(d.parameters)) {
    err(at(['parameters']), 'parameters must be a mapping of parameter name to definition');
    return;
  }
  const entries = Object.entries(d.parameters);
  if (entries.length > MAX_PARAMETERS) {
    err(at(['parameters'], 'key'), `${entries.length} parameters; SSM accepts at most ${MAX_PARAMETERS}`);
  }
  for (const [name, def] of entries) {
    const base = ['parameters', name];
    const label = `parameter '${name}'`;
    if (!PARAMETER_NAME.test(name) || name.length > MAX_PARAMETER_NAME_LENGTH) {
      err(at(base, 'key'), `${label}: a parameter name is 1 to ${MAX_PARAMETER_NAME_LENGTH} letters, digits or '_'`);
    }
    if (!isRecord(def)) {
      err(at(base), `${label} must be a mapping with at least 'type'`);
      continue;
    }
    for (const key of Object.keys(def)) {
      if (!PARAMETER_KEYS.has(key)) {
        err(
          at([...base, key], 'key'),
          `${label}: unknown property '${key}' (expected one of ${[...PARAMETER_KEYS].join(', ')})`
        );
      }
    }
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
    if (!('default' in def) || !type) continue;
    const value = def.default;
    const where = at([...base, 'default']);
    const mismatch = typeMismatch(value, type);
    if (mismatch) {
      err(where, `${label}: default ${mismatch}`);
      continue;
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
  }
}

function validateVariables(d: Rec, err: ErrFn, at: AtFn): void {
  if (!('variables' in d) || d.variables === null) return;
  if (!isRecord(d.variables)) {
    err(at(['variables']), 'variables must be a mapping of variable name to definition');
    return;
  }
  for (const [name, def] of Object.entries(d.variables)) {
    const base = ['variables', name];
    const label = `variable '${name}'`;
    if (!PARAMETER_NAME.test(name)) err(at(base, 'key'), `${label}: a variable name is letters, digits or '_'`);
    if (!isRecord(def)) {
      err(at(base), `${label} must be a mapping with at least 'type'`);
      continue;
    }
    for (const key of Object.keys(def)) {
      if (!VARIABLE_KEYS.has(key))
        err(at([...base, key], 'key'), `${label}: unknown property '${key}' (expected type, default, description)`);
    }
    if (typeof def.type !== 'string' || !DATA_TYPES.has(def.type)) {
      err(
        'type' in def ? at([...base, 'type']) : at(base, 'key'),
        `${label}: type must be one of ${[...DATA_TYPES].join(', ')}`
      );
      continue;
    }
    if ('default' in def) {
      const mismatch = typeMismatch(def.default, def.type);
      if (mismatch) err(at([...base, 'default']), `${label}: default ${mismatch}`);
    }
  }
}

function validateStepList(
  list: readonly RunbookStep[],
  scope: ReadonlySet<string>,
  loop: string | undefined,
  ctx: StepContext
): void {
  const { d, err, at } = ctx;
  const where = loop ? `a step of loop '${loop}'` : 'a step of mainSteps';
  for (const step of list) {
    const raw = getAt(d, step.path);
    const index = step.path[step.path.length - 1] as number;
    const label = step.name ? `step '${step.name}'` : `step ${index + 1}${loop ? ` of loop '${loop}'` : ''}`;
    if (!isRecord(raw)) {
      err(step.pos, `${label} must be a mapping with name, action and inputs`);
      continue;
    }
    const p = (...rest: (string | number)[]): DocPath => [...step.path, ...rest];

    for (const key of Object.keys(raw)) {
      if (!STEP_KEYS.has(key))
        err(at(p(key), 'key'), `${label}: unknown property '${key}' (expected one of ${[...STEP_KEYS].join(', ')})`);
    }
    if (!('name' in raw)) err(step.pos, `${label}: name is required`);
    else if (typeof raw.name !== 'string')
      err(at(p('name')), `${label}: name must be a string, not ${describe(raw.name)}`);
    else if (!STEP_NAME.test(raw.name))
      err(at(p('name')), `step name '${raw.name}' may contain only letters, digits and '_'`);

    // Action and its inputs.
    const spec = AUTOMATION_ACTIONS[step.action];
    if (!('action' in raw)) {
      err(step.pos, `${label}: action is required`);
    } else if (!spec) {
      const suggestion =
        typeof raw.action === 'string' ? closest(raw.action, Object.keys(AUTOMATION_ACTIONS)) : undefined;
      err(
        at(p('action')),
        `${label}: unknown action ${quote(raw.action)}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`
      );
    }
    const inputs = isRecord(raw.inputs) ? raw.inputs : undefined;
    if ('inputs' in raw && raw.inputs !== null && !inputs) err(at(p('inputs')), `${label}: inputs must be a mapping`);
    if (spec) {
      const inputsAt = 'inputs' in raw ? at(p('inputs'), 'key') : step.pos;
      for (const req of spec.required) {
        const names = typeof req === 'string' ? [req] : req;
        if (names.some(n => inputs && n in inputs)) continue;
        err(
          inputsAt,
          names.length === 1
            ? `${label}: inputs.${names[0]} is required for ${step.action}`
            : `${label}: ${step.action} needs one of inputs.${names.join(', inputs.')}`
        );
      }
      if (inputs) validateInputs(step, inputs, label, scope, where, ctx, p);
    }

    // Outputs.
    if ('outputs' in raw && raw.outputs !== null) {
      if (!Array.isArray(raw.outputs)) {
        err(at(p('outputs')), `${label}: outputs must be a list of {Name, Selector, Type}`);
      } else {
        const seen = new Set<string>();
        raw.outputs.forEach((o: unknown, j) => {
          if (!isRecord(o)) {
            err(at(p('outputs', j)), `${label}: output ${j + 1} must be a mapping with Name, Selector and Type`);
            return;
          }
          if (typeof o.Name !== 'string' || !OUTPUT_NAME.test(o.Name)) {
            err(at(p('outputs', j, 'Name')), `${label}: output Name must be letters, digits or '_'`);
          } else if (seen.has(o.Name)) {
            err(at(p('outputs', j, 'Name')), `${label}: duplicate output '${o.Name}'`);
          } else {
            seen.add(o.Name);
          }
          if (!isSelector(o.Selector)) {
            err(
              at(p('outputs', j, 'Selector')),
              `${label}: output Selector must be a JSONPath such as $.Payload or Attributes.Name`
            );
          }
          if (typeof o.Type !== 'string' || !DATA_TYPES.has(o.Type)) {
            err(at(p('outputs', j, 'Type')), `${label}: output Type must be one of ${[...DATA_TYPES].join(', ')}`);
          }
        });
      }
    }

    // Flow.
    const target = (key: string, value: unknown, allowed: readonly string[]): void => {
      if (typeof value !== 'string') {
        err(at(p(key)), `${label}: ${key} must be a string`);
        return;
      }
      if (allowed.includes(value)) return;
      if (key !== 'nextStep' && !value.startsWith('step:')) {
        err(at(p(key)), `${label}: ${key} ${quote(value)} must be ${allowed.join(', ')} or step:StepName`);
        return;
      }
      const name = key === 'nextStep' ? value : value.slice('step:'.length);
      if (!scope.has(name)) err(at(p(key)), `${label}: ${key} ${quote(value)} names no step; it must be ${where}`);
    };
    if ('nextStep' in raw) target('nextStep', raw.nextStep, []);
    if ('onFailure' in raw) target('onFailure', raw.onFailure, ['Abort', 'Continue']);
    if ('onCancel' in raw) target('onCancel', raw.onCancel, ['Abort']);
    for (const key of ['isEnd', 'isCritical']) {
      if (key in raw && !isBoolLike(raw[key]))
        err(at(p(key)), `${label}: ${key} must be true or false, not ${quote(raw[key])}`);
    }
    for (const key of ['maxAttempts', 'timeoutSeconds']) {
      if (key in raw && !isPositiveInt(raw[key]))
        err(at(p(key)), `${label}: ${key} must be a positive integer, not ${quote(raw[key])}`);
    }

    if (step.action === 'aws:loop' && step.steps.length > 0) {
      validateStepList(step.steps, new Set(step.steps.map(s => s.name)), step.name || label, ctx);
    }
  }
}

function validateInputs(
  step: RunbookStep,
  inputs: Rec,
  label: string,
  scope: ReadonlySet<string>,
  where: string,
  ctx: StepContext,
  p: (...rest: (string | number)[]) => DocPath
): void {
  const { err, at } = ctx;
  const inp = (...rest: (string | number)[]): DocPath => p('inputs', ...rest);
  const stepTarget = (value: unknown, path: DocPath, what: string): void => {
    if (typeof value !== 'string') err(at(path), `${label}: ${what} must be a step name`);
    else if (!scope.has(value)) err(at(path), `${label}: ${what} ${quote(value)} names no step; it must be ${where}`);
  };
  switch (step.action) {
    case 'aws:executeAwsApi':
    case 'aws:assertAwsResourceProperty':
    case 'aws:waitForAwsResourceProperty': {
      if ('Service' in inputs && !hasTemplate(inputs.Service)) {
        if (typeof inputs.Service !== 'string' || !SERVICE_NAME.test(inputs.Service)) {
          err(
            at(inp('Service')),
            `${label}: inputs.Service ${quote(inputs.Service)} must be a lowercase service namespace such as ec2, s3, sns`
          );
        }
      }
      if ('Api' in inputs && !hasTemplate(inputs.Api)) {
        if (typeof inputs.Api !== 'string' || !API_NAME.test(inputs.Api)) {
          err(
            at(inp('Api')),
            `${label}: inputs.Api ${quote(inputs.Api)} must be an API operation name such as DescribeInstances`
          );
        }
      }
      if (step.action !== 'aws:executeAwsApi') {
        if ('PropertySelector' in inputs && !isSelector(inputs.PropertySelector)) {
          err(
            at(inp('PropertySelector')),
            `${label}: inputs.PropertySelector must be a JSONPath such as $.Name or Attributes.Name`
          );
        }
        if ('DesiredValues' in inputs && (!Array.isArray(inputs.DesiredValues) || inputs.DesiredValues.length === 0)) {
          err(at(inp('DesiredValues')), `${label}: inputs.DesiredValues must be a non-empty list`);
        }
      }
      break;
    }
    case 'aws:branch': {
      if ('Choices' in inputs) {
        if (!Array.isArray(inputs.Choices) || inputs.Choices.length === 0) {
          err(at(inp('Choices')), `${label}: inputs.Choices must be a non-empty list`);
        } else {
          inputs.Choices.forEach((c: unknown, j) => {
            if (!isRecord(c)) {
              err(at(inp('Choices', j)), `${label}: choice ${j + 1} must be a mapping with NextStep and a condition`);
              return;
            }
            if (!('NextStep' in c)) err(at(inp('Choices', j)), `${label}: choice ${j + 1} needs NextStep`);
            else stepTarget(c.NextStep, inp('Choices', j, 'NextStep'), `choice ${j + 1} NextStep`);
            const keys = Object.keys(c);
            const combinator = keys.some(k => BRANCH_COMBINATORS.has(k));
            const operator = keys.some(k => BRANCH_OPERATORS.has(k));
            if (!combinator && !('Variable' in c && operator)) {
              err(
                at(inp('Choices', j)),
                `${label}: choice ${j + 1} needs a Variable and an operator (${[...BRANCH_OPERATORS].join(', ')}) or And/Or/Not`
              );
            }
          });
        }
      }
      if ('Default' in inputs) stepTarget(inputs.Default, inp('Default'), 'Default');
      break;
    }
    case 'aws:sleep': {
      if ('Duration' in inputs && 'Timestamp' in inputs) {
        err(at(inp('Timestamp'), 'key'), `${label}: give either inputs.Duration or inputs.Timestamp, not both`);
      }
      if ('Duration' in inputs && !hasTemplate(inputs.Duration)) {
        if (typeof inputs.Duration !== 'string' || !ISO_DURATION.test(inputs.Duration)) {
          err(
            at(inp('Duration')),
            `${label}: inputs.Duration ${quote(inputs.Duration)} is not an ISO 8601 duration such as PT10M`
          );
        }
      }
      if ('Timestamp' in inputs && !hasTemplate(inputs.Timestamp)) {
        if (
          typeof inputs.Timestamp !== 'string' ||
          Number.isNaN(Date.parse(inputs.Timestamp)) ||
          // Date.parse rolls 2027-02-30 over to 2 March: the day must exist.
          calendarDateProblem(inputs.Timestamp.slice(0, 10)) !== undefined
        ) {
          err(
            at(inp('Timestamp')),
            `${label}: inputs.Timestamp ${quote(inputs.Timestamp)} is not an ISO 8601 date-time`
          );
        }
      }
      break;
    }
    case 'aws:loop': {
      if ('Iterators' in inputs && 'LoopCondition' in inputs) {
        err(
          at(inp('LoopCondition'), 'key'),
          `${label}: give either inputs.Iterators or inputs.LoopCondition, not both`
        );
      }
      if ('Steps' in inputs && (!Array.isArray(inputs.Steps) || inputs.Steps.length === 0)) {
        err(at(inp('Steps')), `${label}: inputs.Steps must be a non-empty list of steps`);
      }
      if ('MaxIterations' in inputs) {
        const m = inputs.MaxIterations;
        if (!isPositiveInt(m) || (m as number) > MAX_LOOP_ITERATIONS) {
          err(
            at(inp('MaxIterations')),
            `${label}: inputs.MaxIterations must be an integer from 1 to ${MAX_LOOP_ITERATIONS}`
          );
        }
      }
      break;
    }
    case 'aws:updateVariable': {
      if ('Name' in inputs) {
        const name = inputs.Name;
        if (typeof name !== 'string' || !name.startsWith('variable:')) {
          err(at(inp('Name')), `${label}: inputs.Name must be 'variable:NAME'`);
        } else if (!ctx.variables.has(name.slice('variable:'.length).trim())) {
          err(at(inp('Name')), `${label}: inputs.Name ${quote(name)} names no variable declared under variables`);
        }
      }
      break;
    }
    case 'aws:executeScript': {
      for (const k of ['Runtime', 'Handler']) {
        if (k in inputs && typeof inputs[k] !== 'string') err(at(inp(k)), `${label}: inputs.${k} must be a string`);
      }
      break;
    }
    default:
      break;
  }
}
