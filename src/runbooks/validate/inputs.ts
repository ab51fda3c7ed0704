/**
 * A step's action and its inputs: the action is one SSM knows, the inputs it requires are there, and the values SSM
 * checks before a run are of the right form (Systems Manager Automation actions reference:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-actions.html). aws:branch targets belong to
 * the step graph (steps.ts).
 */
import { AUTOMATION_ACTIONS, AWS_API_ACTIONS, MAX_LOOP_ITERATIONS } from '../actions.js';
import { isRecord } from '../parse.js';
import type { DocPath, RunbookStep } from '../types.js';
import { calendarDateProblem } from '../../util/dates.js';
import { hasTemplate, isPositiveInt, isSelector, quote } from './context.js';
import type { Check, Rec } from './context.js';

/** ISO 8601 duration as aws:sleep accepts it (e.g. PT10M, P1DT2H). */
const ISO_DURATION = /^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const k of known) if (k.toLowerCase() === lower) return k;
  return undefined;
}

/**
 * Checks the step's action and inputs; returns the inputs when the action is known and they are a mapping (what
 * further per-action checks read), else undefined.
 */
export function checkInputs(c: Check, step: RunbookStep, raw: Rec, label: string): Rec | undefined {
  const { err, at } = c;
  const spec = AUTOMATION_ACTIONS[step.action];
  if (!('action' in raw)) {
    err(step.pos, `${label}: action is required`);
  } else if (!spec) {
    const suggestion =
      typeof raw.action === 'string' ? closest(raw.action, Object.keys(AUTOMATION_ACTIONS)) : undefined;
    err(
      at([...step.path, 'action']),
      `${label}: unknown action ${quote(raw.action)}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`
    );
  }
  const inputs = isRecord(raw.inputs) ? raw.inputs : undefined;
  if ('inputs' in raw && raw.inputs !== null && !inputs) {
    err(at([...step.path, 'inputs']), `${label}: inputs must be a mapping`);
  }
  if (!spec) return undefined;
  const inputsAt = 'inputs' in raw ? at([...step.path, 'inputs'], 'key') : step.pos;
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
  if (inputs) checkInputValues(c, step, inputs, label);
  return inputs;
}

/** The values of the inputs SSM checks, per action. */
function checkInputValues(c: Check, step: RunbookStep, inputs: Rec, label: string): void {
  const { err, at } = c;
  const inp = (key: string): DocPath => [...step.path, 'inputs', key];
  /** An input written as a literal (not a `{{ }}` reference) that is not a string matching `pattern`. */
  const badLiteral = (key: string, pattern: RegExp): boolean => {
    const value = inputs[key];
    return key in inputs && !hasTemplate(value) && (typeof value !== 'string' || !pattern.test(value));
  };
  if (AWS_API_ACTIONS.has(step.action)) {
    if (badLiteral('Service', SERVICE_NAME)) {
      err(
        at(inp('Service')),
        `${label}: inputs.Service ${quote(inputs.Service)} must be a lowercase service namespace such as ec2, s3, sns`
      );
    }
    if (badLiteral('Api', API_NAME)) {
      err(
        at(inp('Api')),
        `${label}: inputs.Api ${quote(inputs.Api)} must be an API operation name such as DescribeInstances`
      );
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
    return;
  }
  switch (step.action) {
    case 'aws:sleep': {
      if ('Duration' in inputs && 'Timestamp' in inputs) {
        err(at(inp('Timestamp'), 'key'), `${label}: give either inputs.Duration or inputs.Timestamp, not both`);
      }
      if (badLiteral('Duration', ISO_DURATION)) {
        err(
          at(inp('Duration')),
          `${label}: inputs.Duration ${quote(inputs.Duration)} is not an ISO 8601 duration such as PT10M`
        );
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
        } else if (!c.variableNames.has(name.slice('variable:'.length).trim())) {
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
