/**
 * What the Automation engine and its actions share: a step run (the execution, the step, its record, the resolved
 * inputs and the callback that settles the attempt), step results and the engine's timing options.
 */
import type { RequestContext } from '../core/types.js';
import type { ParsedDocument, ParsedStep } from '../services/ssm/content.js';
import { TERMINAL_STATUSES, type AutomationExecutionRecord, type StepExecutionRecord } from '../services/ssm/state.js';
import { ApiCallError, ParamValidationError, UnsupportedApiError } from './aws-api.js';
import { ValueError } from './expressions.js';

export type StepResult =
  | { ok: true; outputs?: Record<string, unknown>; next?: string }
  | { ok: false; status: 'Failed' | 'TimedOut'; message: string; failureType: string };

/** One attempt of one step, as an action sees it. */
export interface StepRun {
  rec: AutomationExecutionRecord;
  step: ParsedStep;
  se: StepExecutionRecord;
  /** The execution's parsed document. */
  doc: ParsedDocument;
  /** The context of the request that started the execution (state, clock, scheduler). */
  ctx: RequestContext;
  /** The step's inputs with every {{ }} reference resolved. */
  inputs: Record<string, unknown>;
  /** Settles the attempt (only the first call counts). */
  done(result: StepResult): void;
}

/** An Automation action (aws:NAME): runs one attempt of a step and eventually calls run.done once. */
export type Action = (run: StepRun) => void;

export function failed(message: string, failureType = 'Verification'): StepResult {
  return { ok: false, status: 'Failed', message, failureType };
}

/** A step failure for an error an action or input resolution threw; rethrows errors that are the simulator's own. */
export function stepFailure(e: unknown, step: ParsedStep): StepResult {
  if (e instanceof UnsupportedApiError) return failed(`${step.action}: ${e.message}`, 'UnsupportedApi');
  if (e instanceof ApiCallError || e instanceof ParamValidationError) return failed(e.message, 'Verification');
  if (e instanceof ValueError) return failed(e.message, 'InvalidInput');
  throw e;
}

/** A timing option of the simulated engine (scenario options), in milliseconds. */
export function option(ctx: RequestContext, key: string, fallback: number): number {
  const v = ctx.sim.options[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new Error(`simulator option ${key} must be a non-negative number of milliseconds, got ${JSON.stringify(v)}`);
  }
  return v;
}

export function isTerminal(rec: AutomationExecutionRecord): boolean {
  return TERMINAL_STATUSES.has(rec.status);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
