/**
 * The simulated AWS account's HTTP server: one node:http server on 127.0.0.1 that routes by the request itself,
 * so one AWS_ENDPOINT_URL serves every SDK client:
 * - `X-Amz-Target: StarlingDoveService.<Op>` -> config, `AmazonSSM.<Op>` -> ssm (awsJson1_1)
 * - form posts `Action=...&Version=...` -> sts or sns (awsQuery), by the SigV4 scope's service when signed, else by
 *   which model has the action
 * - `/_oidc/...` the GitHub OIDC token endpoint, `/_sim/...` the control API (neither counted nor faulted).
 * Every AWS request goes: count -> faults -> operation lookup -> auth -> decode + validate -> handler -> encode.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  authenticate,
  newStaticCredential,
  parseAuthorization,
  randomId,
  randomSecret,
  randomSessionToken
} from './auth.js';
import { authorize } from './iam/authorize.js';
import { iamControl } from './iam/control.js';
import { FaultInjector, parseFaultConfig, type FaultConfig, type FaultKind } from './faults.js';
import { OIDC_CONFIG_PATH, OIDC_JWKS_PATH, OIDC_TOKEN_PATH, type OidcIssuer } from '../github/oidc.js';
import {
  decodeJsonInput,
  decodeQueryInput,
  encodeError,
  encodeJsonOutput,
  encodeQueryOutput,
  JSON_CONTENT_TYPE,
  protocolCode,
  validationError,
  REST_JSON_CONTENT_TYPE,
  XML_CONTENT_TYPE
} from './protocols.js';
import { freshState, type Scenario } from './scenario.js';
import { handlers } from '../services/index.js';
import { observeResourceChanges } from '../services/config/recording.js';
import { getModel, validate, validationMessage, type SmithyModel, type Violation } from './smithy.js';
import type { AccountState, IssuedCredential } from './state.js';
import { World, type WorldSpec } from './world.js';
import {
  AwsError,
  type Principal,
  type Protocol,
  type RequestContext,
  type ModelledService,
  type SimRuntime
} from './types.js';

/** Counts of AWS requests received (GET /_sim/calls). Keys are "service:Operation". */
export interface CallCounts {
  total: number;
  byOperation: Record<string, number>;
  /** Requests answered with an injected fault (they are also counted in byOperation). */
  faulted: Record<string, number>;
}

/** Operations that take no SigV4 signature. */
const UNSIGNED = new Set(['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML']);

/** awsJson1_1 target prefixes. */
const JSON_TARGETS: Record<string, ModelledService> = {
  StarlingDoveService: 'config',
  AmazonSSM: 'ssm',
  AWSOrganizationsV20161128: 'organizations',
  Logs_20140328: 'logs'
};

/** restJson1 services, routed by method and path (the operations' `smithy.api#http` bindings). */
const REST_JSON_SERVICES: readonly ModelledService[] = ['securityhub'];

const QUERY_SERVICES: readonly ModelledService[] = ['sts', 'sns'];

export interface SimServerOptions {
  scenario: Scenario;
  oidc: OidcIssuer;
  port?: number;
  /** Replaces the scenario's faults. */
  faults?: FaultConfig;
  /** Merged over the scenario's options. */
  options?: Record<string, unknown>;
}

interface ScheduledTask {
  dueAt: number;
  fn: () => void;
  timer: NodeJS.Timeout;
}

interface Route {
  protocol: Protocol;
  service?: ModelledService;
  operation: string;
  params?: URLSearchParams;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The account of the RoleArn of an unsigned STS call (AssumeRoleWithWebIdentity is answered by the role's account). */
function roleAccountOf(route: Route, body: string): string | undefined {
  const roleArn = route.params?.get('RoleArn') ?? new URLSearchParams(body).get('RoleArn');
  return roleArn ? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(roleArn)?.[1] : undefined;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'content-type': 'application/json' }, JSON.stringify(value));
}

export class SimServer {
  readonly state: AccountState;
  /** Every account and region; `state` is its default one. Rebuilt by reset(). */
  world: World;
  readonly faults: FaultInjector;
  readonly runtime: SimRuntime;
  readonly staticCredential: IssuedCredential;
  private readonly options: Record<string, unknown>;
  private readonly initialFaults: FaultConfig;
  private readonly server: http.Server;
  private readonly tasks = new Set<ScheduledTask>();
  private readonly issuedSecrets: string[] = [];
  private readonly taskErrors: string[] = [];
  private counts: CallCounts = { total: 0, byOperation: {}, faulted: {} };
  private offsetMs = 0;
  private baseUrl = '';

  constructor(private readonly opts: SimServerOptions) {
    const { scenario } = opts;
    this.state = freshState(scenario);
    this.world = new World(this.state, scenario.world);
    this.staticCredential = newStaticCredential(this.state.accountId);
    this.issuedSecrets.push(this.staticCredential.secretAccessKey);
    this.state.credentials.push({ ...this.staticCredential });
    this.initialFaults = parseFaultConfig(opts.faults ?? scenario.faults ?? {});
    this.faults = new FaultInjector(this.initialFaults);
    this.options = { ...(scenario.options ?? {}), ...(opts.options ?? {}) };
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.runtime = {
      get url() {
        return self.baseUrl;
      },
      options: this.options,
      get world() {
        return self.world;
      },
      verifyOidcToken: (token, audience) => this.opts.oidc.verify(token, audience),
      schedule: (ms, fn) => this.schedule(ms, fn),
      issueSessionCredential: o => this.issueSessionCredential(o)
    };
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { message: `simulator error: ${(e as Error).message}` });
        else res.destroy();
      });
    });
    // The scenario's initial resources are recorded at start (recording.ts).
    this.observe();
  }

  get url(): string {
    return this.baseUrl;
  }

  get oidc(): OidcIssuer {
    return this.opts.oidc;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port ?? 0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.cancelTasks();
    await new Promise<void>(resolve => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ------------------------------------------------------------------------------------------------ clock

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the simulator clock forward and runs every scheduled task that became due, in due order. */
  advanceClock(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new Error(`advanceClock: seconds must be a non-negative number, got ${seconds}`);
    }
    this.observe();
    this.offsetMs += seconds * 1000;
    for (;;) {
      const due = [...this.tasks].filter(t => t.dueAt <= this.now().getTime()).sort((a, b) => a.dueAt - b.dueAt);
      const next = due[0];
      if (!next) break;
      this.runTask(next);
    }
  }

  schedule(ms: number, fn: () => void): void {
    const task: ScheduledTask = {
      dueAt: this.now().getTime() + ms,
      fn,
      timer: setTimeout(() => this.runTask(task), Math.max(0, ms))
    };
    task.timer.unref();
    this.tasks.add(task);
  }

  /** Errors thrown by scheduled tasks (they have no caller to throw to). */
  scheduledTaskErrors(): string[] {
    return [...this.taskErrors];
  }

  private runTask(task: ScheduledTask): void {
    if (!this.tasks.delete(task)) return;
    clearTimeout(task.timer);
    try {
      task.fn();
      this.observe();
    } catch (e) {
      const msg = `scheduled task failed: ${(e as Error).stack ?? String(e)}`;
      this.taskErrors.push(msg);
      console.error(`[sim] ${msg}`);
    }
  }

  /** The configuration recorder notices resource changes (and periodic rules get their schedule). */
  private observe(): void {
    observeResourceChanges(this.state, () => this.now(), this.runtime);
  }

  private cancelTasks(): void {
    for (const t of this.tasks) clearTimeout(t.timer);
    this.tasks.clear();
  }

  // ------------------------------------------------------------------------------------------------ state

  /**
   * State back to the scenario (in place: references to `state` stay live); clock, faults, scheduled tasks (and
   * their errors) and call counters reset. The static key, the OIDC keys and the record of secrets stay.
   */
  reset(): void {
    this.cancelTasks();
    this.taskErrors.length = 0;
    this.offsetMs = 0;
    const fresh = freshState(this.opts.scenario);
    for (const k of Object.keys(this.state)) delete (this.state as unknown as Record<string, unknown>)[k];
    Object.assign(this.state, fresh);
    this.world = new World(this.state, this.opts.scenario.world);
    this.state.credentials.push({ ...this.staticCredential });
    this.faults.set(this.initialFaults);
    this.resetCalls();
    this.observe();
  }

  calls(): CallCounts {
    return structuredClone(this.counts);
  }

  resetCalls(): void {
    this.counts = { total: 0, byOperation: {}, faulted: {} };
  }

  setFaults(cfg: FaultConfig): void {
    this.faults.set(cfg);
  }

  /** Every secret access key and session token issued so far (kept across resets, for leak scans). */
  secrets(): string[] {
    return [...this.issuedSecrets];
  }

  env(context?: string): Record<string, string> {
    return {
      AWS_ENDPOINT_URL: this.baseUrl,
      AWS_REGION: this.state.region,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${this.baseUrl}${OIDC_TOKEN_PATH}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.opts.oidc.requestTokenFor(context)
    };
  }

  issueSessionCredential(o: { arn: string; userId: string; durationSeconds: number }): IssuedCredential {
    const cred: IssuedCredential = {
      accessKeyId: randomId('ASIA'),
      secretAccessKey: randomSecret(),
      sessionToken: randomSessionToken(),
      expiration: new Date(this.now().getTime() + o.durationSeconds * 1000).toISOString(),
      arn: o.arn,
      userId: o.userId
    };
    const calls = this.faults.callsUntilExpiry();
    if (calls !== undefined) cred.callsUntilExpiry = calls;
    this.state.credentials.push(cred);
    this.issuedSecrets.push(cred.secretAccessKey, cred.sessionToken!);
    return cred;
  }

  // ------------------------------------------------------------------------------------------------ HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/_sim/')) return this.control(url, method, req, res);
    if (url.pathname === OIDC_TOKEN_PATH) {
      const r = await this.opts.oidc.handleTokenRequest(url, method, req.headers);
      return sendJson(res, r.status, r.body);
    }
    if (url.pathname === OIDC_JWKS_PATH) return sendJson(res, 200, await this.opts.oidc.jwks());
    if (url.pathname === OIDC_CONFIG_PATH) return sendJson(res, 200, this.opts.oidc.discovery(this.baseUrl));

    const body = await readBody(req);
    const target = headerOf(req, 'x-amz-target');
    if (target !== undefined) return this.aws(this.jsonRoute(target), body, req, res);
    const contentType = headerOf(req, 'content-type') ?? '';
    if (method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
      return this.aws(this.queryRoute(new URLSearchParams(body), req), body, req, res);
    }
    if (method === 'GET' && url.searchParams.has('Action')) {
      return this.aws(this.queryRoute(url.searchParams, req), body, req, res);
    }
    const rest = this.restJsonRoute(method, url.pathname);
    if (rest) return this.aws(rest, body, req, res);
    sendJson(res, 404, {
      message: `Not an AWS request the simulator understands: ${method} ${url.pathname} (no X-Amz-Target, no Action)`
    });
  }

  private jsonRoute(target: string): Route {
    const dot = target.lastIndexOf('.');
    const prefix = dot < 0 ? '' : target.slice(0, dot);
    const operation = dot < 0 ? target : target.slice(dot + 1);
    const service = JSON_TARGETS[prefix];
    return service ? { protocol: 'awsJson1_1', service, operation } : { protocol: 'awsJson1_1', operation: target };
  }

  private restJsonRoute(method: string, pathname: string): Route | undefined {
    for (const service of REST_JSON_SERVICES) {
      const op = getModel(service).operationByHttp(method, pathname);
      if (op) return { protocol: 'restJson1', service, operation: op.name };
    }
    return undefined;
  }

  private queryRoute(params: URLSearchParams, req: IncomingMessage): Route {
    const operation = params.get('Action') ?? '';
    const scope = parseAuthorization(headerOf(req, 'authorization'));
    if (scope) {
      const service = QUERY_SERVICES.find(s => s === scope.service);
      return service
        ? { protocol: 'awsQuery', service, operation, params }
        : { protocol: 'awsQuery', operation, params };
    }
    const service = QUERY_SERVICES.find(s => getModel(s).operation(operation) !== undefined);
    return service ? { protocol: 'awsQuery', service, operation, params } : { protocol: 'awsQuery', operation, params };
  }

  private faultError(protocol: Protocol, kind: FaultKind): AwsError {
    if (kind === 'throttling')
      return new AwsError(protocolCode(protocol, 'throttling'), 'Rate exceeded', 400, 'Sender');
    if (kind === 'internal') {
      return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
    }
    return new AwsError('ServiceUnavailable', 'The service is unavailable. Please try again later.', 503);
  }

  private async aws(route: Route, body: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const { protocol, service, operation } = route;
    const key = `${service ?? 'unknown'}:${operation || '(none)'}`;
    this.counts.total++;
    this.counts.byOperation[key] = (this.counts.byOperation[key] ?? 0) + 1;
    let model: SmithyModel | undefined;
    try {
      if (!service) {
        if (protocol === 'awsJson1_1') {
          throw new AwsError(
            'UnknownOperationException',
            `The simulator knows no service for X-Amz-Target '${operation}'`
          );
        }
        if (!operation) throw new AwsError('MissingAction', 'Missing Action parameter in the request');
        throw new AwsError('InvalidAction', `Could not find operation ${operation} in the STS or SNS API`);
      }
      model = getModel(service);

      const decision = this.faults.decide(key);
      if (decision.latencyMs > 0) await new Promise(r => setTimeout(r, decision.latencyMs));
      if (decision.fault) {
        this.counts.faulted[key] = (this.counts.faulted[key] ?? 0) + 1;
        throw this.faultError(protocol, decision.fault);
      }

      const op = model.operation(operation);
      const version = route.params?.get('Version');
      if (!op || (protocol === 'awsQuery' && version !== null && version !== undefined && version !== model.version)) {
        if (protocol === 'awsJson1_1') {
          throw new AwsError('UnknownOperationException', `${operation} is not an operation of the ${service} API`);
        }
        throw new AwsError('InvalidAction', `Could not find operation ${operation} for version ${version ?? '(none)'}`);
      }

      let principal: Principal | undefined;
      if (!UNSIGNED.has(key)) principal = authenticate(req.headers, this.state, this.now(), protocol);
      // The state of the caller's account in the signed region (unsigned calls: the role's account, default region).
      const accountId = principal?.accountId ?? roleAccountOf(route, body) ?? this.state.accountId;
      const region = parseAuthorization(headerOf(req, 'authorization'))?.region ?? this.state.region;
      const state = this.world.ensure(accountId, region);
      // A region the account cannot use: AWS answers a disabled (opt-in) region with the invalid-token error.
      if (!state) {
        throw new AwsError(
          protocolCode(protocol, 'unknownKey'),
          'The security token included in the request is invalid.',
          403
        );
      }
      if (!this.faults.takeToken(accountId, key, this.now().getTime())) {
        this.counts.faulted[key] = (this.counts.faulted[key] ?? 0) + 1;
        throw this.faultError(protocol, 'throttling');
      }

      let input: Record<string, unknown>;
      let violations: Violation[];
      if (protocol !== 'awsQuery') {
        input = decodeJsonInput(model, op.input, body);
        violations = [];
      } else {
        const decoded = decodeQueryInput(model, op.input, route.params ?? new URLSearchParams());
        input = decoded.input;
        violations = decoded.violations;
      }
      violations.push(...validate(model, { target: op.input }, input, ''));
      if (violations.length > 0) throw validationError(protocol, validationMessage(violations));

      const handler = handlers[service][op.name];
      if (!handler) throw new AwsError('NotImplemented', `The simulator does not implement ${service}:${op.name}`, 400);
      const ctx: RequestContext = {
        service,
        operation: op.name,
        requestId,
        state,
        now: () => this.now(),
        sim: this.runtime,
        ...(principal ? { principal } : {})
      };
      authorize(ctx, input);
      const output = await handler(input, ctx);
      if (protocol === 'awsJson1_1') {
        const json = encodeJsonOutput(model, op.output, output);
        send(res, 200, { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId }, json);
      } else if (protocol === 'restJson1') {
        // restJson1 bodies are JSON like awsJson's (timestamps as epoch seconds by default); the content type differs.
        const json = encodeJsonOutput(model, op.output, output);
        send(res, 200, { 'content-type': REST_JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId }, json);
      } else {
        const xml = encodeQueryOutput(model, op.name, op.output, output, requestId);
        send(res, 200, { 'content-type': XML_CONTENT_TYPE, 'x-amzn-RequestId': requestId }, xml);
      }
    } catch (e) {
      let err: AwsError;
      if (e instanceof AwsError) {
        err = e;
      } else {
        const msg = e instanceof Error ? e.message : String(e);
        console.error(`[sim] ${key} failed in the simulator:`, e);
        err = new AwsError('InternalFailure', `Simulator error in ${key}: ${msg}`, 500);
      }
      const wire = encodeError(protocol, err, requestId, model?.xmlNamespace ?? '');
      send(res, wire.status, wire.headers, wire.body);
    } finally {
      // Reads change nothing: skip the (account-sized) comparison for them.
      if (!/^(Describe|Get|List|Select|BatchGet)/.test(operation)) this.observe();
    }
  }

  // ------------------------------------------------------------------------------------------------ control

  private async control(url: URL, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = `${method} ${url.pathname}`;
    const readJson = async (): Promise<unknown> => {
      const text = await readBody(req);
      return text.trim() === '' ? {} : JSON.parse(text);
    };
    try {
      const iam = await iamControl(method, url.pathname, () => readBody(req), this.state);
      if (iam) return sendJson(res, iam.status, iam.body);
      switch (route) {
        case 'GET /_sim/calls':
          return sendJson(res, 200, this.calls());
        case 'GET /_sim/state':
          return sendJson(res, 200, this.world.isMulti() ? this.world.view() : this.state);
        case 'POST /_sim/world':
          this.world.configure((await readJson()) as Partial<WorldSpec>);
          return sendJson(res, 200, { ok: true });
        case 'POST /_sim/reset':
          this.reset();
          return sendJson(res, 200, { ok: true });
        case 'GET /_sim/faults':
          return sendJson(res, 200, this.faults.config);
        case 'POST /_sim/faults':
          this.setFaults(parseFaultConfig(await readJson()));
          return sendJson(res, 200, { ok: true, faults: this.faults.config });
        case 'GET /_sim/clock':
          return sendJson(res, 200, { now: this.now().toISOString() });
        case 'POST /_sim/clock': {
          const body = (await readJson()) as { advanceSeconds?: unknown };
          if (typeof body.advanceSeconds !== 'number') throw new Error('body must be {"advanceSeconds": <number>}');
          this.advanceClock(body.advanceSeconds);
          return sendJson(res, 200, { now: this.now().toISOString() });
        }
        case 'GET /_sim/env':
          return sendJson(res, 200, this.env(url.searchParams.get('context') ?? undefined));
        default:
          return sendJson(res, 404, {
            message: `Unknown control endpoint ${route}. Known: GET /_sim/calls, GET /_sim/state, POST /_sim/reset, GET|POST /_sim/faults, GET|POST /_sim/clock, GET /_sim/env, POST /_sim/world`
          });
      }
    } catch (e) {
      return sendJson(res, 400, { message: (e as Error).message });
    }
  }
}
