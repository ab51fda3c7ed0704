/**
 * The step graph: `mainSteps` is a non-empty list within the step limit; every step (loop-nested ones included) is a
 * mapping with known properties and a unique, well-formed name; `nextStep`, `onFailure`, `onCancel` and aws:branch
 * targets name a step of the same list; flags and counters have the right form. Each step's action and inputs
 * (inputs.ts) and outputs (outputs.ts) are checked on the same walk.
 */
import { BRANCH_COMBINATORS, BRANCH_OPERATORS, STEP_KEYS } from '../actions.js';
import { isRecord, walkSteps } from '../parse.js';
import type { DocPath, RunbookStep } from '../types.js';
import { describe, isPositiveInt, quote } from './context.js';
import type { Check, Rec } from './context.js';
import { checkInputs } from './inputs.js';
import { checkStepOutputs } from './outputs.js';

const STEP_NAME = /^[a-zA-Z0-9_]+$/;

interface StepsChecked {
  /** Every step, loop-nested steps included, in document order. */
  steps: RunbookStep[];
  /** The steps with a valid name, by name (the first of duplicates). */
  byName: ReadonlyMap<string, RunbookStep>;
}

/** The data at `path` in the document, or undefined when the path does not exist. */
function getAt(data: unknown, path: DocPath): unknown {
  let cur = data;
  for (const p of path) {
    if (Array.isArray(cur) && typeof p === 'number') cur = cur[p];
    else if (isRecord(cur) && typeof p === 'string') cur = cur[p];
    else return undefined;
  }
  return cur;
}

function isBoolLike(value: unknown): boolean {
  return typeof value === 'boolean' || value === 'true' || value === 'false';
}

/** Where a step may jump to, for messages: the list it belongs to. */
interface StepScope {
  names: ReadonlySet<string>;
  where: string;
}

export function checkSteps(c: Check, maxSteps: number): StepsChecked {
  const { runbook, d, err, at } = c;
  if (!('mainSteps' in d)) {
    err(runbook.pos, 'mainSteps is missing: a runbook needs at least one step');
  } else if (!Array.isArray(d.mainSteps) || d.mainSteps.length === 0) {
    err(at(['mainSteps']), 'mainSteps must be a non-empty list of steps');
  }

  const steps: RunbookStep[] = [];
  const byName = new Map<string, RunbookStep>();
  const labels = new Map<RunbookStep, string>();
  const scopes = new Map<readonly RunbookStep[], StepScope>();
  walkSteps(runbook.steps, (step, siblings, loop) => {
    steps.push(step);
    // A nested step is named after its loop: the loop's name, or the loop's own label when it has none.
    const loopName = loop ? loop.name || labels.get(loop) : undefined;
    const index = step.path[step.path.length - 1] as number;
    const label = step.name ? `step '${step.name}'` : `step ${index + 1}${loopName ? ` of loop '${loopName}'` : ''}`;
    labels.set(step, label);
    let scope = scopes.get(siblings);
    if (!scope) {
      scope = {
        names: new Set(siblings.map(s => s.name)),
        where: loopName ? `a step of loop '${loopName}'` : 'a step of mainSteps'
      };
      scopes.set(siblings, scope);
    }
    const raw = getAt(d, step.path);
    if (!isRecord(raw)) {
      err(step.pos, `${label} must be a mapping with name, action and inputs`);
      return;
    }
    checkStep(c, step, raw, label, scope, byName);
  });

  if (steps.length > maxSteps) {
    err(at(['mainSteps'], 'key'), `the runbook has ${steps.length} steps; the limit is ${maxSteps}`);
  }
  return { steps, byName };
}

function checkStep(
  c: Check,
  step: RunbookStep,
  raw: Rec,
  label: string,
  scope: StepScope,
  byName: Map<string, RunbookStep>
): void {
  const { err, at } = c;
  const p = (...rest: (string | number)[]): DocPath => [...step.path, ...rest];

  for (const key of Object.keys(raw)) {
    if (!STEP_KEYS.has(key))
      err(at(p(key), 'key'), `${label}: unknown property '${key}' (expected one of ${[...STEP_KEYS].join(', ')})`);
  }
  if (!('name' in raw)) {
    err(step.pos, `${label}: name is required`);
  } else if (typeof raw.name !== 'string') {
    err(at(p('name')), `${label}: name must be a string, not ${describe(raw.name)}`);
  } else if (!STEP_NAME.test(raw.name)) {
    err(at(p('name')), `step name '${raw.name}' may contain only letters, digits and '_'`);
  } else {
    // Names are unique across the whole runbook, loop-nested steps included.
    const first = byName.get(raw.name);
    if (first) err(at(p('name')), `duplicate step name '${raw.name}' (first defined at line ${first.pos.line})`);
    else byName.set(raw.name, step);
  }

  /** A jump to `name` (written `value`) that names no step of the list. */
  const noSuchStep = (path: DocPath, what: string, value: string, name: string): void => {
    if (!scope.names.has(name))
      err(at(path), `${label}: ${what} ${quote(value)} names no step; it must be ${scope.where}`);
  };

  const inputs = checkInputs(c, step, raw, label);
  if (inputs && step.action === 'aws:branch') {
    const inp = (...rest: (string | number)[]): DocPath => p('inputs', ...rest);
    const stepTarget = (value: unknown, path: DocPath, what: string): void => {
      if (typeof value !== 'string') err(at(path), `${label}: ${what} must be a step name`);
      else noSuchStep(path, what, value, value);
    };
    if ('Choices' in inputs) {
      if (!Array.isArray(inputs.Choices) || inputs.Choices.length === 0) {
        err(at(inp('Choices')), `${label}: inputs.Choices must be a non-empty list`);
      } else {
        inputs.Choices.forEach((choice: unknown, j) => {
          if (!isRecord(choice)) {
            err(at(inp('Choices', j)), `${label}: choice ${j + 1} must be a mapping with NextStep and a condition`);
            return;
          }
          if (!('NextStep' in choice)) err(at(inp('Choices', j)), `${label}: choice ${j + 1} needs NextStep`);
          else stepTarget(choice.NextStep, inp('Choices', j, 'NextStep'), `choice ${j + 1} NextStep`);
          const keys = Object.keys(choice);
          const combinator = keys.some(k => BRANCH_COMBINATORS.has(k));
          const operator = keys.some(k => BRANCH_OPERATORS.has(k));
          if (!combinator && !('Variable' in choice && operator)) {
            err(
              at(inp('Choices', j)),
              `${label}: choice ${j + 1} needs a Variable and an operator (${[...BRANCH_OPERATORS].join(', ')}) or And/Or/Not`
            );
          }
        });
      }
    }
    if ('Default' in inputs) stepTarget(inputs.Default, inp('Default'), 'Default');
  }

  checkStepOutputs(c, raw, step.path, label);

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
    noSuchStep(p(key), key, value, key === 'nextStep' ? value : value.slice('step:'.length));
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
}
