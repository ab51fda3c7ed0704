/**
 * The Automation engine of the simulated account. An execution runs its document's steps one at a time, each
 * scheduled on the simulator's clock (`options.automationStepDelayMs` after the previous one, default 0), against
 * the simulated resources: a remediation really changes the account.
 *
 * The actions are in actions/, one file each (actions/index.ts lists them). Any other action fails its step with a
 * message naming the step and the action; nothing pretends to succeed.
 */
import type { RequestContext } from '../core/types.js';
import type { AccountState } from '../core/state.js';
import { ACTIONS } from './actions/index.js';
import { requirePassRole } from '../core/iam/authorize.js';
import { failed, isTerminal, option, stepFailure, type StepResult } from './step.js';
import { automationOf, type ParsedDocument, type ParsedStep } from '../services/ssm/content.js';
import { findDocument, findVersion, ssmError } from '../services/ssm/documents.js';
import {
  ValueError,
  resolveTemplates,
  toParameterValues,
  toText,
  typedDefault,
  typedParameter,
  type Scope
} from './expressions.js';
import {
  nextId,
  ssmState,
  type AutomationExecutionRecord,
  type AutomationStatus,
  type StepExecutionRecord
} from '../services/ssm/state.js';

export interface StartAutomationOptions {
  documentName: string;
  /** `$DEFAULT` (default), `$LATEST` or a version number. */
  documentVersion?: string;
  parameters: Record<string, string[]>;
  clientToken?: string;
  tags?: { Key: string; Value: string }[];
  /** Who started it (default: the request's principal). */
  executedBy?: string;
  /** Called once when the execution reaches a final status (Success, Failed, TimedOut, Cancelled). */
  onFinish?: (execution: AutomationExecutionView) => void;
}

/** GetAutomationExecution's AutomationExecution (model member names; timestamps as Date). */
export interface AutomationExecutionView {
  AutomationExecutionId: string;
  DocumentName: string;
  DocumentVersion: string;
  ExecutionStartTime: Date;
  ExecutionEndTime?: Date;
  AutomationExecutionStatus: AutomationStatus;
  StepExecutions: StepExecutionView[];
  StepExecutionsTruncated: boolean;
  Parameters: Record<string, string[]>;
  Outputs?: Record<string, string[]>;
  Variables?: Record<string, string[]>;
  FailureMessage?: string;
  Mode: 'Auto';
  ExecutedBy: string;
  CurrentStepName?: string;
  CurrentAction?: string;
}

export interface StepExecutionView {
  StepName: string;
  Action: string;
  StepExecutionId: string;
  StepStatus: AutomationStatus;
  ExecutionStartTime?: Date;
  ExecutionEndTime?: Date;
  Inputs?: Record<string, string>;
  Outputs?: Record<string, string[]>;
  Response?: string;
  FailureMessage?: string;
  FailureDetails?: { FailureStage: string; FailureType: string; Details?: Record<string, string[]> };
  OnFailure: string;
  MaxAttempts: number;
  TimeoutSeconds?: number;
  IsEnd: boolean;
  IsCritical: boolean;
  NextStep?: string;
}

/** Runtime objects of live executions (not JSON: kept beside the state, never in it). */
interface Live {
  doc: ParsedDocument;
  ctx: RequestContext;
  onFinish?: (execution: AutomationExecutionView) => void;
}
const live = new WeakMap<AutomationExecutionRecord, Live>();

/** The region an execution runs in (the account's region). */
function regionOf(state: AccountState): string {
  return state.region;
}

// ------------------------------------------------------------------------------------------------ start

function parameterError(message: string): Error {
  return ssmError('InvalidAutomationExecutionParametersException', message);
}

/** Types the given parameters against the document, applying defaults; throws the modelled error. */
function bindParameters(
  doc: ParsedDocument,
  given: Record<string, string[]>
): { typed: Record<string, unknown>; shown: Record<string, string[]> } {
  const declared = new Map(doc.parameters.map(p => [p.name, p]));
  const unknown = Object.keys(given).filter(k => !declared.has(k));
  if (unknown.length > 0) {
    throw parameterError(
      `Parameter${unknown.length > 1 ? 's' : ''} ${unknown.map(u => `"${u}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not defined in the document. ` +
        `Defined parameters: ${[...declared.keys()].join(', ') || '(none)'}.`
    );
  }
  const typed: Record<string, unknown> = {};
  const shown: Record<string, string[]> = {};
  const missing: string[] = [];
  for (const p of doc.parameters) {
    const values = given[p.name];
    if (values === undefined) {
      if (!p.hasDefault) {
        missing.push(p.name);
        continue;
      }
      typed[p.name] = typedDefault(p);
      shown[p.name] = toParameterValues(typed[p.name]);
      continue;
    }
    try {
      typed[p.name] = typedParameter(p, values);
    } catch (e) {
      if (e instanceof ValueError) throw parameterError(e.message);
      throw e;
    }
    shown[p.name] = [...values];
  }
  if (missing.length > 0) {
    throw parameterError(`Missing required parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`);
  }
  return { typed, shown };
}

/**
 * Starts an automation execution of a document (the account's own or AWS-owned) and returns its id. Checks the
 * document and parameters at once (throwing the modelled errors); the steps run later on the simulator's clock.
 */
export function startAutomation(ctx: RequestContext, opts: StartAutomationOptions): string {
  const state = ctx.state;
  const ssm = ssmState(state, ctx.now());
  const doc = findDocument(state, opts.documentName);
  if (!doc) {
    throw ssmError('AutomationDefinitionNotFoundException', `Automation definition ${opts.documentName} is not found.`);
  }
  if (doc.documentType !== 'Automation') {
    throw ssmError(
      'AutomationDefinitionNotFoundException',
      `Document ${doc.name} is a ${doc.documentType} document, not an Automation runbook.`
    );
  }
  const version = findVersion(doc, opts.documentVersion);
  if (!version) {
    throw ssmError(
      'AutomationDefinitionVersionNotFoundException',
      `Automation definition ${doc.name} has no version ${opts.documentVersion ?? '$DEFAULT'}.`
    );
  }
  // Only an Active version runs (DocumentDescription.Status: Creating/Updating until processed;
  // https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html). The reference
  // names no dedicated error: the simulator answers the modelled error for a definition that cannot be resolved.
  if (version.status !== undefined && version.status !== 'Active') {
    throw ssmError(
      'AutomationDefinitionNotFoundException',
      `Automation definition ${doc.name} version ${version.version} is ${version.status}, not Active.`
    );
  }
  if (opts.clientToken !== undefined) {
    const previous = Object.values(ssm.executions).find(e => e.clientToken === opts.clientToken);
    if (previous) {
      const same =
        previous.documentName === doc.name &&
        previous.documentVersion === version.version &&
        JSON.stringify(previous.parameters) ===
          JSON.stringify(bindParameters(automationOf(version.content, version.format), opts.parameters).shown);
      if (!same) {
        throw ssmError(
          'IdempotentParameterMismatch',
          `ClientToken ${opts.clientToken} was used with different parameters.`
        );
      }
      return previous.executionId;
    }
  }
  const parsed = automationOf(version.content, version.format);
  const { typed, shown } = bindParameters(parsed, opts.parameters);
  const variables: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(parsed.variables)) {
    if (def.default !== undefined) variables[name] = def.default;
  }
  const executionId = nextId(state, 'automation-execution');
  const rec: AutomationExecutionRecord = {
    executionId,
    documentName: doc.name,
    documentVersion: version.version,
    documentHash: version.hash,
    status: 'Pending',
    startTime: ctx.now().toISOString(),
    parameters: shown,
    resolvedParameters: typed,
    variables,
    stepOutputs: {},
    steps: [],
    mode: 'Auto',
    executedBy: opts.executedBy ?? ctx.principal?.arn ?? `arn:aws:iam::${state.accountId}:root`,
    tags: opts.tags ?? []
  };
  if (opts.clientToken !== undefined) rec.clientToken = opts.clientToken;
  checkPassRole(rec, parsed, ctx);
  ssm.executions[executionId] = rec;
  const entry: Live = { doc: parsed, ctx };
  if (opts.onFinish) entry.onFinish = opts.onFinish;
  live.set(rec, entry);
  ctx.sim.schedule(option(ctx, 'automationStepDelayMs', 0), () => begin(rec));
  return executionId;
}

/**
 * Starting an execution that runs as an assume role passes that role to Systems Manager: whoever starts it needs
 * iam:PassRole on the role (core/iam/authorize.ts, requirePassRole), else the start is refused with
 * AccessDeniedException. A role that cannot be resolved here fails the execution when it begins (begin()).
 */
function checkPassRole(rec: AutomationExecutionRecord, doc: ParsedDocument, ctx: RequestContext): void {
  if (doc.assumeRole === undefined) return;
  let arn: string;
  try {
    arn = toText(resolveTemplates(doc.assumeRole, scopeOf(rec, ctx))).trim();
  } catch {
    return;
  }
  if (arn !== '') requirePassRole(ctx.state, rec.executedBy, 'ssm', arn);
}

// ------------------------------------------------------------------------------------------------ scope

function globalValue(state: AccountState, now: Date, name: string): string | undefined {
  const iso = now.toISOString();
  switch (name) {
    case 'ACCOUNT_ID':
      return state.accountId;
    case 'REGION':
      return regionOf(state);
    case 'AWS_PARTITION':
      return 'aws';
    case 'URL_SUFFIX':
      return 'amazonaws.com';
    case 'DATE':
      return iso.slice(0, 10);
    case 'DATE_TIME':
      return `${iso.slice(0, 10)}_${iso.slice(11, 19).replace(/:/g, '.')}`;
    default:
      return undefined;
  }
}

function scopeOf(rec: AutomationExecutionRecord, ctx: RequestContext): Scope {
  return {
    lookup(expression: string): unknown {
      const expr = expression.trim();
      if (expr.startsWith('global:')) {
        const v = globalValue(ctx.state, ctx.now(), expr.slice(7));
        if (v === undefined) throw new ValueError(`{{ ${expr} }} is not a global variable`);
        return v;
      }
      if (expr.startsWith('automation:')) {
        const name = expr.slice(11);
        if (name === 'EXECUTION_ID') return rec.executionId;
        if (name === 'DOCUMENT_NAME') return rec.documentName;
        if (name === 'DOCUMENT_VERSION') return rec.documentVersion;
        throw new ValueError(`{{ ${expr} }} is not an automation variable`);
      }
      if (expr.startsWith('variable:')) {
        const name = expr.slice(9);
        if (name in rec.variables) return rec.variables[name];
        throw new ValueError(`{{ ${expr} }}: variable ${name} is not declared or has no value`);
      }
      if (expr.includes('.')) {
        if (expr in rec.stepOutputs) return rec.stepOutputs[expr];
        throw new ValueError(
          `{{ ${expr} }}: no such step output (the step did not run, failed or has no output ${expr})`
        );
      }
      if (expr in rec.resolvedParameters) return rec.resolvedParameters[expr];
      throw new ValueError(`{{ ${expr} }} is not a parameter of the document`);
    }
  };
}

// ------------------------------------------------------------------------------------------------ run

function finish(rec: AutomationExecutionRecord, status: AutomationStatus, failureMessage?: string): void {
  const entry = live.get(rec);
  const now = entry ? entry.ctx.now() : new Date();
  if (status === 'Success' && rec.criticalFailure !== undefined) {
    status = 'Failed';
    failureMessage = rec.criticalFailure;
  }
  rec.status = status;
  rec.endTime = now.toISOString();
  if (failureMessage !== undefined) rec.failureMessage = failureMessage;
  delete rec.currentStepName;
  delete rec.currentAction;
  if (entry?.onFinish) entry.onFinish(executionView(entry.ctx.state, rec));
}

function roleByArn(state: AccountState, arn: string): { assumableByAutomation?: boolean } | undefined {
  return state.roles[arn] ?? Object.values(state.roles).find(r => r.arn === arn);
}

function begin(rec: AutomationExecutionRecord): void {
  const entry = live.get(rec);
  if (!entry || isTerminal(rec)) return;
  const { doc, ctx } = entry;
  rec.status = 'InProgress';
  if (doc.assumeRole !== undefined) {
    let role: unknown;
    try {
      role = resolveTemplates(doc.assumeRole, scopeOf(rec, ctx));
    } catch (e) {
      finish(rec, 'Failed', `The assume role of the document cannot be resolved: ${(e as Error).message}`);
      return;
    }
    const arn = toText(role).trim();
    if (arn !== '') {
      const found = roleByArn(ctx.state, arn);
      if (!found) {
        finish(
          rec,
          'Failed',
          `The defined assume role is unable to be assumed: role ${arn} does not exist in account ${ctx.state.accountId}.`
        );
        return;
      }
      if (found.assumableByAutomation !== true) {
        finish(
          rec,
          'Failed',
          `The defined assume role is unable to be assumed: role ${arn} does not trust Systems Manager Automation (ssm.amazonaws.com).`
        );
        return;
      }
      rec.assumeRole = arn;
    }
  }
  runStep(rec, doc.steps[0]!.name);
}

function runStep(rec: AutomationExecutionRecord, stepName: string): void {
  const entry = live.get(rec);
  if (!entry || isTerminal(rec)) return;
  const step = entry.doc.steps.find(s => s.name === stepName)!;
  const se: StepExecutionRecord = {
    stepExecutionId: nextId(entry.ctx.state, 'step-execution'),
    stepName: step.name,
    action: step.action,
    status: 'InProgress',
    startTime: entry.ctx.now().toISOString(),
    onFailure: step.onFailure,
    maxAttempts: step.maxAttempts,
    attempts: 0,
    isEnd: step.isEnd,
    isCritical: step.isCritical ?? step.onFailure !== 'Continue'
  };
  if (step.timeoutSeconds !== undefined) se.timeoutSeconds = step.timeoutSeconds;
  if (step.nextStep !== undefined) se.nextStep = step.nextStep;
  rec.steps.push(se);
  rec.currentStepName = step.name;
  rec.currentAction = step.action;
  attempt(rec, step, se);
}

function attempt(rec: AutomationExecutionRecord, step: ParsedStep, se: StepExecutionRecord): void {
  const entry = live.get(rec);
  if (!entry || isTerminal(rec)) return;
  se.attempts += 1;
  let settled = false;
  const done = (result: StepResult): void => {
    if (settled) return;
    settled = true;
    afterAttempt(rec, step, se, result);
  };
  try {
    runAction(rec, step, se, entry.ctx, done);
  } catch (e) {
    done(failed(`internal error of the simulated Automation engine: ${(e as Error).message}`, 'Unknown'));
  }
}

function followingStep(doc: ParsedDocument, step: ParsedStep): string | undefined {
  const i = doc.steps.findIndex(s => s.name === step.name);
  return doc.steps[i + 1]?.name;
}

function afterAttempt(
  rec: AutomationExecutionRecord,
  step: ParsedStep,
  se: StepExecutionRecord,
  result: StepResult
): void {
  const entry = live.get(rec);
  if (!entry || isTerminal(rec)) return;
  const { ctx, doc } = entry;
  const delay = option(ctx, 'automationStepDelayMs', 0);
  if (!result.ok && se.attempts < step.maxAttempts) {
    ctx.sim.schedule(delay, () => attempt(rec, step, se));
    return;
  }
  se.endTime = ctx.now().toISOString();
  let next: string | undefined;
  if (result.ok) {
    se.status = 'Success';
    delete se.failureMessage;
    delete se.failureType;
    if (result.outputs && Object.keys(result.outputs).length > 0) {
      se.outputs = {};
      for (const [name, value] of Object.entries(result.outputs)) {
        rec.stepOutputs[`${step.name}.${name}`] = value;
        se.outputs[name] = toParameterValues(value);
      }
    }
    if (step.isEnd) {
      finish(rec, 'Success');
      return;
    }
    next = result.next ?? step.nextStep ?? followingStep(doc, step);
  } else {
    se.status = result.status;
    se.failureMessage = result.message;
    se.failureType = result.failureType;
    const summary = `Step ${step.name} (${step.action}) ${result.status === 'TimedOut' ? 'timed out' : 'failed'}: ${result.message}`;
    if (step.onFailure === 'Abort') {
      finish(rec, result.status, summary);
      return;
    }
    if (se.isCritical) rec.criticalFailure ??= summary;
    if (step.onFailure.startsWith('step:')) {
      next = step.onFailure.slice(5);
    } else {
      if (step.isEnd) {
        finish(rec, 'Success');
        return;
      }
      next = step.nextStep ?? followingStep(doc, step);
    }
  }
  if (next === undefined) {
    finish(rec, 'Success');
    return;
  }
  const target = next;
  ctx.sim.schedule(delay, () => runStep(rec, target));
}

// ------------------------------------------------------------------------------------------------ actions

/** Resolves the step's inputs and records them (each as JSON text) on the step execution. */
function resolveInputs(
  rec: AutomationExecutionRecord,
  step: ParsedStep,
  se: StepExecutionRecord,
  ctx: RequestContext
): Record<string, unknown> {
  const resolved = resolveTemplates(step.inputs, scopeOf(rec, ctx)) as Record<string, unknown>;
  se.inputs = {};
  for (const [k, v] of Object.entries(resolved)) se.inputs[k] = JSON.stringify(v);
  return resolved;
}

/** Runs one attempt of a step: resolves its inputs, then hands the step to its action (actions/, one file each). */
function runAction(
  rec: AutomationExecutionRecord,
  step: ParsedStep,
  se: StepExecutionRecord,
  ctx: RequestContext,
  done: (r: StepResult) => void
): void {
  const action = Object.hasOwn(ACTIONS, step.action) ? ACTIONS[step.action] : undefined;
  if (!action) {
    done(
      failed(
        `action ${step.action} is not implemented by the simulated Automation engine (implemented: ${Object.keys(ACTIONS).join(', ')})`,
        'UnsupportedAction'
      )
    );
    return;
  }
  let inputs: Record<string, unknown>;
  try {
    inputs = resolveInputs(rec, step, se, ctx);
  } catch (e) {
    done(stepFailure(e, step));
    return;
  }
  action({ rec, step, se, doc: live.get(rec)!.doc, ctx, inputs, done });
}

// ------------------------------------------------------------------------------------------------ views & control

/** The document outputs (`Step.Output`) of an execution, as an AutomationParameterMap. */
function executionOutputs(state: AccountState, rec: AutomationExecutionRecord): Record<string, string[]> {
  const names = (live.get(rec)?.doc ?? automationDocFor(state, rec)).outputs;
  const out: Record<string, string[]> = {};
  for (const name of names) {
    if (name in rec.stepOutputs) out[name] = toParameterValues(rec.stepOutputs[name]);
  }
  return out;
}

export function stepView(se: StepExecutionRecord): StepExecutionView {
  const v: StepExecutionView = {
    StepName: se.stepName,
    Action: se.action,
    StepExecutionId: se.stepExecutionId,
    StepStatus: se.status,
    OnFailure: se.onFailure,
    MaxAttempts: se.maxAttempts,
    IsEnd: se.isEnd,
    IsCritical: se.isCritical
  };
  if (se.startTime !== undefined) v.ExecutionStartTime = new Date(se.startTime);
  if (se.endTime !== undefined) v.ExecutionEndTime = new Date(se.endTime);
  if (se.inputs !== undefined) v.Inputs = { ...se.inputs };
  if (se.outputs !== undefined) v.Outputs = { ...se.outputs };
  if (se.response !== undefined) v.Response = se.response;
  if (se.failureMessage !== undefined) {
    v.FailureMessage = se.failureMessage;
    v.FailureDetails = { FailureStage: 'Execution', FailureType: se.failureType ?? 'Unknown' };
  }
  if (se.timeoutSeconds !== undefined) v.TimeoutSeconds = se.timeoutSeconds;
  if (se.nextStep !== undefined) v.NextStep = se.nextStep;
  return v;
}

export function executionView(state: AccountState, rec: AutomationExecutionRecord): AutomationExecutionView {
  const v: AutomationExecutionView = {
    AutomationExecutionId: rec.executionId,
    DocumentName: rec.documentName,
    DocumentVersion: rec.documentVersion,
    ExecutionStartTime: new Date(rec.startTime),
    AutomationExecutionStatus: rec.status,
    StepExecutions: rec.steps.map(stepView),
    StepExecutionsTruncated: false,
    Parameters: structuredClone(rec.parameters),
    Mode: rec.mode,
    ExecutedBy: rec.executedBy
  };
  if (rec.endTime !== undefined) v.ExecutionEndTime = new Date(rec.endTime);
  const outputs = executionOutputs(state, rec);
  if (Object.keys(outputs).length > 0) v.Outputs = outputs;
  if (Object.keys(rec.variables).length > 0) {
    v.Variables = Object.fromEntries(Object.entries(rec.variables).map(([k, val]) => [k, toParameterValues(val)]));
  }
  if (rec.failureMessage !== undefined) v.FailureMessage = rec.failureMessage;
  if (rec.currentStepName !== undefined) v.CurrentStepName = rec.currentStepName;
  if (rec.currentAction !== undefined) v.CurrentAction = rec.currentAction;
  return v;
}

export function requireExecution(state: AccountState, id: string): AutomationExecutionRecord {
  const rec = ssmState(state).executions[id];
  if (!rec) throw ssmError('AutomationExecutionNotFoundException', `Automation execution ${id} is not found.`);
  return rec;
}

/** The execution as GetAutomationExecution reports it; throws AutomationExecutionNotFoundException. */
export function getAutomation(ctx: RequestContext, id: string): AutomationExecutionView {
  return executionView(ctx.state, requireExecution(ctx.state, id));
}

/** Cancels a running execution (its current step ends Cancelled; no further step runs). */
export function stopAutomation(ctx: RequestContext, id: string): void {
  const rec = requireExecution(ctx.state, id);
  if (isTerminal(rec)) {
    throw ssmError(
      'InvalidAutomationStatusUpdateException',
      `Automation execution ${id} is already ${rec.status} and cannot be stopped.`
    );
  }
  const now = ctx.now().toISOString();
  for (const se of rec.steps) {
    if (se.status === 'InProgress' || se.status === 'Pending' || se.status === 'Waiting') {
      se.status = 'Cancelled';
      se.endTime = now;
    }
  }
  if (!live.has(rec)) live.set(rec, { doc: automationDocFor(ctx.state, rec), ctx });
  finish(rec, 'Cancelled');
}

/** The parsed document of an execution whose runtime entry is gone (used for views only). */
function automationDocFor(state: AccountState, rec: AutomationExecutionRecord): ParsedDocument {
  const doc = findDocument(state, rec.documentName);
  const version = doc ? findVersion(doc, rec.documentVersion) : undefined;
  if (version && version.hash === rec.documentHash) return automationOf(version.content, version.format);
  return { schemaVersion: '0.3', parameters: [], variables: {}, steps: [], outputs: [] };
}
