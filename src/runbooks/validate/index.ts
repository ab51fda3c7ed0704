/**
 * Validates a parsed runbook before anything is deployed. Reports every problem at once, each naming file:line:col.
 * Pure: returns the errors (and, from `checkRunbook`, the warnings); `assertValidRunbook` throws the errors as one
 * SourceErrors. One file per concern: the document as a whole, build-time placeholders, parameters and variables, the
 * step graph (with each step's inputs and outputs), `{{ }}` references, the document's outputs.
 */
import type { LineCol } from '../../source/position.js';
import { SourceError, SourceErrors } from '../../errors.js';
import { locate } from '../parse.js';
import type { Runbook } from '../types.js';
import type { Check } from './context.js';
import { checkDocument } from './document.js';
import { checkDocumentOutputs } from './outputs.js';
import { checkParameters, checkVariables } from './parameters.js';
import { checkPlaceholders } from './placeholders.js';
import { checkReferences } from './references.js';
import { checkSteps } from './steps.js';

export interface ValidateOptions {
  /**
   * Most steps (loop-nested ones included) a runbook may have. SSM documents no step count of its own (the content
   * size limit bounds it); this is a project limit that keeps runbooks reviewable.
   */
  maxSteps?: number;
}

export const DEFAULT_MAX_STEPS = 100;

interface RunbookCheck {
  /** What SSM would refuse, or what cannot run: the runbook must not be deployed. */
  errors: SourceError[];
  /** What SSM accepts but the action cannot check (the runbook is deployed). */
  warnings: SourceError[];
}

/** Validates a runbook: every error and every warning, each sorted by position. */
export function checkRunbook(runbook: Runbook, options: ValidateOptions = {}): RunbookCheck {
  const errors: SourceError[] = [];
  const warnings: SourceError[] = [];
  const c: Check = {
    runbook,
    d: runbook.data,
    parameterNames: new Set(runbook.parameters.map(p => p.name)),
    variableNames: new Set(runbook.variables.map(v => v.name)),
    err: (pos: LineCol, detail: string) => errors.push(new SourceError(runbook.file, pos.line, pos.col, detail)),
    warn: (pos: LineCol, detail: string) => warnings.push(new SourceError(runbook.file, pos.line, pos.col, detail)),
    at: (path, which = 'value') => locate(runbook, path, which)
  };

  checkDocument(c);
  checkPlaceholders(c);
  checkParameters(c);
  checkVariables(c);
  const { steps, byName } = checkSteps(c, options.maxSteps ?? DEFAULT_MAX_STEPS);
  checkReferences(c, steps, byName);
  checkDocumentOutputs(c, byName);

  const byPosition = (a: SourceError, b: SourceError): number => a.line - b.line || a.col - b.col;
  return { errors: errors.sort(byPosition), warnings: warnings.sort(byPosition) };
}

/** Validates a runbook; returns every error found, sorted by position (empty when the runbook is valid). */
export function validateRunbook(runbook: Runbook, options: ValidateOptions = {}): SourceError[] {
  return checkRunbook(runbook, options).errors;
}

/** Throws SourceErrors with every error when the runbook is not valid (warnings are not thrown). */
export function assertValidRunbook(runbook: Runbook, options: ValidateOptions = {}): void {
  const errors = validateRunbook(runbook, options);
  if (errors.length > 0) throw new SourceErrors(errors);
}
