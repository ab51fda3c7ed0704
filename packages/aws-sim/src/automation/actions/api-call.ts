/**
 * What the actions that call an AWS API share (aws:executeAwsApi, aws:assertAwsResourceProperty,
 * aws:waitForAwsResourceProperty): the call named by the step's Service and Api inputs, made as the execution's
 * identity, and the property checks on its response.
 */
import { stableId } from '../../core/auth.js';
import type { Principal, RequestContext } from '../../core/types.js';
import type { ParsedStep } from '../../services/ssm/content.js';
import { nextId, type AutomationExecutionRecord, type StepExecutionRecord } from '../../services/ssm/state.js';
import { callAwsApi, type ApiCaller } from '../aws-api.js';
import { ValueError, convertToType, pythonText, select, toText } from '../expressions.js';

/**
 * The identity a step's calls run as: the assume role's session (named after the execution, as Automation names it)
 * when the document has an assume role, else whoever started the execution.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-setup.html
 */
function caller(rec: AutomationExecutionRecord, ctx: RequestContext): ApiCaller {
  const state = ctx.state;
  let principal: Principal;
  if (rec.assumeRole !== undefined) {
    const roleName = rec.assumeRole.slice(rec.assumeRole.lastIndexOf('/') + 1);
    principal = {
      accessKeyId: '',
      arn: `arn:aws:sts::${state.accountId}:assumed-role/${roleName}/${rec.executionId}`,
      accountId: state.accountId,
      userId: `${stableId('AROA', rec.assumeRole)}:${rec.executionId}`
    };
  } else if (ctx.principal?.arn === rec.executedBy) {
    principal = ctx.principal;
  } else {
    principal = { accessKeyId: '', arn: rec.executedBy, accountId: state.accountId, userId: rec.executedBy };
  }
  return { state, now: () => ctx.now(), sim: ctx.sim, principal, requestId: nextId(state, 'api-request') };
}

/** Calls the API named by the inputs (Service, Api, the rest as parameters, minus `exclude`). */
export function callFromInputs(
  rec: AutomationExecutionRecord,
  inputs: Record<string, unknown>,
  exclude: readonly string[],
  se: StepExecutionRecord,
  ctx: RequestContext
): Record<string, unknown> {
  const { Service: service, Api: api } = inputs;
  if (typeof service !== 'string' || typeof api !== 'string') {
    throw new ValueError('inputs Service and Api must be strings');
  }
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (k !== 'Service' && k !== 'Api' && !exclude.includes(k)) params[k] = v;
  }
  const response = callAwsApi(service, api, params, caller(rec, ctx));
  se.response = JSON.stringify(response);
  return response;
}

export function selectOutputs(step: ParsedStep, response: unknown): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const o of step.outputs) {
    const found = select(response, o.selector);
    if (!found.found) continue;
    outputs[o.name] = convertToType(found.value, o.type, `output ${o.name} (${o.selector})`);
  }
  return outputs;
}

export function propertyMatches(
  response: unknown,
  selector: string,
  desired: string[]
): { ok: boolean; actual: string } {
  const found = select(response, selector);
  if (!found.found) return { ok: false, actual: '(nothing: the selector matched no property)' };
  const values = Array.isArray(found.value) ? found.value : [found.value];
  const texts = values.map(pythonText);
  return { ok: texts.length > 0 && texts.every(t => desired.includes(t)), actual: texts.join(', ') };
}

export function desiredValues(inputs: Record<string, unknown>): { selector: string; desired: string[] } {
  const selector = inputs.PropertySelector;
  const desired = inputs.DesiredValues;
  if (typeof selector !== 'string') throw new ValueError('input PropertySelector must be a string');
  if (!Array.isArray(desired) || desired.length === 0)
    throw new ValueError('input DesiredValues must be a non-empty list');
  return { selector, desired: desired.map(toText) };
}
