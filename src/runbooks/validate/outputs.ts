/**
 * Outputs: those a step declares (`{Name, Selector, Type}`) and the document's own (`Step.Output` names that must
 * exist).
 */
import { DATA_TYPES } from '../actions.js';
import { isRecord } from '../parse.js';
import type { DocPath, RunbookStep } from '../types.js';
import { describe, isSelector } from './context.js';
import type { Check, Rec } from './context.js';
import { resolveProblem } from './references.js';

const OUTPUT_NAME = /^[a-zA-Z0-9_]+$/;

/** The outputs of one step: a list of `{Name, Selector, Type}` with unique names. */
export function checkStepOutputs(c: Check, raw: Rec, path: DocPath, label: string): void {
  const { err, at } = c;
  if (!('outputs' in raw) || raw.outputs === null) return;
  if (!Array.isArray(raw.outputs)) {
    err(at([...path, 'outputs']), `${label}: outputs must be a list of {Name, Selector, Type}`);
    return;
  }
  const seen = new Set<string>();
  raw.outputs.forEach((o: unknown, j) => {
    const out = (...rest: string[]): DocPath => [...path, 'outputs', j, ...rest];
    if (!isRecord(o)) {
      err(at(out()), `${label}: output ${j + 1} must be a mapping with Name, Selector and Type`);
      return;
    }
    if (typeof o.Name !== 'string' || !OUTPUT_NAME.test(o.Name)) {
      err(at(out('Name')), `${label}: output Name must be letters, digits or '_'`);
    } else if (seen.has(o.Name)) {
      err(at(out('Name')), `${label}: duplicate output '${o.Name}'`);
    } else {
      seen.add(o.Name);
    }
    if (!isSelector(o.Selector)) {
      err(at(out('Selector')), `${label}: output Selector must be a JSONPath such as $.Payload or Attributes.Name`);
    }
    if (typeof o.Type !== 'string' || !DATA_TYPES.has(o.Type)) {
      err(at(out('Type')), `${label}: output Type must be one of ${[...DATA_TYPES].join(', ')}`);
    }
  });
}

/** The document's `outputs`: `Step.Output` strings naming outputs that exist. */
export function checkDocumentOutputs(c: Check, steps: ReadonlyMap<string, RunbookStep>): void {
  const { d, err, at } = c;
  if (!('outputs' in d) || d.outputs === null) return;
  if (!Array.isArray(d.outputs)) {
    err(at(['outputs']), 'outputs must be a list of Step.Output names');
    return;
  }
  d.outputs.forEach((o: unknown, i) => {
    const where = at(['outputs', i]);
    if (typeof o !== 'string') {
      err(where, `output must be a 'Step.Output' string, not ${describe(o)}`);
      return;
    }
    if (!o.includes('.')) {
      err(where, `output '${o}' must be written Step.Output`);
      return;
    }
    const problem = resolveProblem(c, o, steps);
    if (problem) err(where, `output '${o}' does not exist: ${problem}`);
  });
}
