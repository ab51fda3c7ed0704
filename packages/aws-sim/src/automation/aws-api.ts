/**
 * The AWS calls of runbook steps (aws:executeAwsApi, aws:assertAwsResourceProperty, aws:waitForAwsResourceProperty).
 * A step's `Service`/`Api` pair names an operation of the one registry (services/index.ts) that SDK requests reach
 * over HTTP, and the call runs the same way: the parameters are checked first as the AWS SDK for Python checks them
 * before sending (missing, unknown, wrong type: botocore's ParamValidationError), then against the operation's Smithy
 * model as the service checks a request (length, range, pattern, enum), then the operation's handler runs as the
 * execution's identity. Service errors read like botocore's: "An error occurred (CODE) when calling the OPERATION
 * operation: MESSAGE".
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-executeAwsApi.html
 *
 * A service or API the registry does not have is refused with a message naming it; it never pretends to succeed.
 */
import type { AccountState } from '../core/state.js';
import { validationError } from '../core/protocols.js';
import { getModel, validate, validationMessage, type SmithyModel } from '../core/smithy.js';
import {
  AwsError,
  type DeclaredShape,
  type ModelledService,
  type Principal,
  type RequestContext,
  type ServiceName,
  type SimRuntime
} from '../core/types.js';
import { declaredInputs, handlers } from '../services/index.js';
import { authorize } from '../core/iam/authorize.js';

/** Who makes a call, when and where. */
export interface ApiCaller {
  state: AccountState;
  now(): Date;
  sim: SimRuntime;
  /** The identity making the call (the automation's assumed role session, or whoever started it). */
  principal: Principal;
  /** Request id of the call (reported in ResponseMetadata). */
  requestId: string;
}

/** A service error (the call reached the service and was refused). */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: string,
    readonly operation: string,
    detail: string
  ) {
    super(`An error occurred (${code}) when calling the ${operation} operation: ${detail}`);
  }
}

/** The parameters do not fit the API (found before any call, as the SDK does). */
export class ParamValidationError extends Error {
  override readonly name = 'ParamValidationError';
  constructor(problems: string[]) {
    super(`Parameter validation failed: ${problems.join('; ')}`);
  }
}

/** The simulated account does not implement the service or API. */
export class UnsupportedApiError extends Error {
  override readonly name = 'UnsupportedApiError';
}

const MODELLED: ReadonlySet<string> = new Set<ModelledService>(['config', 'ssm', 'sts', 'sns', 'organizations']);

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'object') return 'dict';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function isDict(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function wrongType(problems: string[], path: string, value: unknown, valid: string): void {
  problems.push(
    `Invalid type for parameter ${path}, value: ${JSON.stringify(value)}, type: ${describeType(value)}, valid types: ${valid}`
  );
}

function structureProblems(
  obj: Record<string, unknown>,
  members: string[],
  required: string[],
  path: string,
  problems: string[]
): string[] {
  const prefix = path === '' ? '' : `${path}.`;
  for (const req of required) {
    if (obj[req] === undefined) problems.push(`Missing required parameter in input: "${prefix}${req}"`);
  }
  const known: string[] = [];
  for (const k of Object.keys(obj)) {
    if (members.includes(k)) {
      known.push(k);
      continue;
    }
    problems.push(
      `Unknown parameter in ${path === '' ? 'input' : path}: "${k}", must be one of: ${members.join(', ')}`
    );
  }
  return known;
}

/** botocore's checks against a declared shape (services without model facts). */
function checkDeclared(shape: DeclaredShape, value: unknown, path: string, problems: string[]): void {
  if (shape === 'string') {
    if (typeof value !== 'string') wrongType(problems, path, value, 'str');
    return;
  }
  if (shape === 'boolean') {
    if (typeof value !== 'boolean') wrongType(problems, path, value, 'bool');
    return;
  }
  if (shape === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) wrongType(problems, path, value, 'int');
    return;
  }
  if ('list' in shape) {
    if (!Array.isArray(value)) return wrongType(problems, path, value, 'list, tuple');
    value.forEach((item, i) => checkDeclared(shape.list, item, `${path}[${i}]`, problems));
    return;
  }
  if (!isDict(value)) return wrongType(problems, path, value, 'dict');
  const prefix = path === '' ? '' : `${path}.`;
  for (const k of structureProblems(value, Object.keys(shape.struct), shape.required ?? [], path, problems)) {
    checkDeclared(shape.struct[k]!, value[k], `${prefix}${k}`, problems);
  }
}

const INTEGER_TYPES = new Set(['byte', 'short', 'integer', 'long', 'bigInteger', 'intEnum']);
const FLOAT_TYPES = new Set(['float', 'double', 'bigDecimal']);

/** botocore's checks against the operation's input shape in the Smithy model (what the SDK's own model says). */
function checkModelled(model: SmithyModel, target: string, value: unknown, path: string, problems: string[]): void {
  const shape = model.shape(target);
  const type = shape.type;
  if (type === 'string' || type === 'enum') {
    if (typeof value !== 'string') wrongType(problems, path, value, 'str');
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') wrongType(problems, path, value, 'bool');
  } else if (INTEGER_TYPES.has(type)) {
    if (typeof value !== 'number' || !Number.isInteger(value)) wrongType(problems, path, value, 'int');
  } else if (FLOAT_TYPES.has(type)) {
    if (typeof value !== 'number') wrongType(problems, path, value, 'float, decimal.Decimal, int');
  } else if (type === 'timestamp') {
    const ok = value instanceof Date || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
    if (!ok) wrongType(problems, path, value, 'datetime.datetime, timestamp-string');
  } else if (type === 'blob') {
    if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
      wrongType(problems, path, value, 'bytes, bytearray, file-like object');
    }
  } else if (type === 'list' || type === 'set') {
    if (!Array.isArray(value)) return wrongType(problems, path, value, 'list, tuple');
    value.forEach((item, i) => checkModelled(model, shape.member!.target, item, `${path}[${i}]`, problems));
  } else if (type === 'map') {
    if (!isDict(value)) return wrongType(problems, path, value, 'dict');
    for (const [k, v] of Object.entries(value)) checkModelled(model, shape.value!.target, v, `${path}.${k}`, problems);
  } else if (type === 'structure' || type === 'union') {
    if (!isDict(value)) return wrongType(problems, path, value, 'dict');
    const members = shape.members ?? {};
    const required = Object.entries(members)
      .filter(([, m]) => {
        const t = m.traits ?? {};
        return (
          'smithy.api#required' in t && (t['smithy.api#default'] === undefined || t['smithy.api#default'] === null)
        );
      })
      .map(([name]) => name);
    const prefix = path === '' ? '' : `${path}.`;
    for (const k of structureProblems(value, Object.keys(members), required, path, problems)) {
      checkModelled(model, members[k]!.target, value[k], `${prefix}${k}`, problems);
    }
  }
}

/** The parameters as a handler receives them from the server's decoder: timestamps as Date. */
function decoded(model: SmithyModel, target: string, value: unknown): unknown {
  const shape = model.shape(target);
  if (shape.type === 'timestamp' && typeof value === 'string') return new Date(value);
  if ((shape.type === 'list' || shape.type === 'set') && Array.isArray(value)) {
    return value.map(v => decoded(model, shape.member!.target, v));
  }
  if (shape.type === 'map' && isDict(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decoded(model, shape.value!.target, v)]));
  }
  if ((shape.type === 'structure' || shape.type === 'union') && isDict(value)) {
    const members = shape.members ?? {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decoded(model, members[k]!.target, v)]));
  }
  return value;
}

function normalise(api: string): string {
  return api.replace(/_/g, '').toLowerCase();
}

/** Every registered `service Api` pair, for messages. */
export function implementedApis(): string[] {
  return Object.entries(handlers).flatMap(([service, ops]) => Object.keys(ops).map(a => `${service} ${a}`));
}

function unsupported(service: string, api: string): UnsupportedApiError {
  return new UnsupportedApiError(
    `the simulated account does not implement the ${service} API ${api} (implemented: ${implementedApis().join(', ')})`
  );
}

/**
 * Calls `service`/`api` (boto3's client name and the operation, in either spelling: `Publish` or `publish`) with
 * `params`, through the registry's handler. Returns the response (with ResponseMetadata, as the SDK returns it).
 * Throws ParamValidationError, ApiCallError or UnsupportedApiError.
 */
export function callAwsApi(
  service: string,
  api: string,
  params: Record<string, unknown>,
  caller: ApiCaller
): Record<string, unknown> {
  const name = service.toLowerCase();
  const ops = Object.hasOwn(handlers, name) ? handlers[name as ServiceName] : undefined;
  const wanted = normalise(api);
  const operation = ops ? Object.keys(ops).find(op => normalise(op) === wanted) : undefined;
  if (!ops || operation === undefined) throw unsupported(service, api);
  const svc = name as ServiceName;
  const problems: string[] = [];
  let input: Record<string, unknown> = params;
  let model: SmithyModel | undefined;
  let inputShape = '';
  if (MODELLED.has(svc)) {
    model = getModel(svc as ModelledService);
    const op = model.operation(operation);
    if (!op) throw unsupported(service, api);
    inputShape = op.input;
    checkModelled(model, inputShape, params, '', problems);
  } else {
    const declared = declaredInputs(svc)?.[operation];
    if (!declared) throw new Error(`simulator: ${svc}:${operation} is registered without an input shape`);
    checkDeclared(declared, params, '', problems);
  }
  if (problems.length > 0) throw new ParamValidationError(problems);
  const ctx: RequestContext = {
    service: svc,
    operation,
    requestId: caller.requestId,
    state: caller.state,
    now: () => caller.now(),
    principal: caller.principal,
    sim: caller.sim
  };
  let out: unknown;
  try {
    if (model) {
      input = decoded(model, inputShape, params) as Record<string, unknown>;
      const violations = validate(model, { target: inputShape }, input, '');
      if (violations.length > 0) throw validationError(model.protocol, validationMessage(violations));
    }
    // The step's call is authorized for the execution's identity as an SDK call is (core/iam/authorize.ts).
    authorize(ctx, input);
    out = ops[operation]!(input, ctx);
  } catch (e) {
    if (e instanceof AwsError) throw new ApiCallError(e.code, operation, e.message);
    throw e;
  }
  if (out instanceof Promise) {
    out.catch(() => undefined);
    throw new UnsupportedApiError(
      `the simulated account answers ${svc} ${operation} asynchronously; a runbook step cannot call it`
    );
  }
  const response = isDict(out) ? out : {};
  return { ...response, ResponseMetadata: { RequestId: caller.requestId, HTTPStatusCode: 200, RetryAttempts: 0 } };
}
