/**
 * Scenarios: the simulated account's starting point. `scenarios/NAME.json` holds data; `scenarios/NAME.ts` exports
 * `build(params)` for generated ones. Partial data is completed with defaults so any subset of `state` is valid.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFaultConfig, type FaultConfig } from './faults.js';
import type { AccountState, ResourcesState } from './state.js';
import { rolePolicyProblem } from './iam/policy.js';
import type { WorldSpec } from './world.js';

/** One GitHub workflow context: its fields become claims of the OIDC token (sub, ref, event_name, ...). */
export interface GithubContext {
  sub: string;
  repository: string;
  ref?: string;
  event_name?: string;
  environment?: string;
  actor?: string;
  workflow?: string;
  run_id?: string;
  run_attempt?: string;
  [claim: string]: string | undefined;
}

export interface GithubConfig {
  repository: string;
  defaultContext: string;
  contexts: Record<string, GithubContext>;
}

export interface OidcConfig {
  /** Lifetime of issued tokens (default 300). */
  tokenLifetimeSeconds: number;
  /** iss claim (default https://token.actions.githubusercontent.com). */
  issuer: string;
}

export interface Scenario {
  name: string;
  description: string;
  github: GithubConfig;
  oidc: OidcConfig;
  state: AccountState;
  faults?: FaultConfig;
  options?: Record<string, unknown>;
  /** More accounts and regions, an organization (core/world.ts); absent: one account in one region (`state`). */
  world?: WorldSpec;
}

type StateInput = Partial<Omit<AccountState, 'resources'>> & { resources?: Partial<ResourcesState> };

/** What a scenario file may leave out. */
export type ScenarioInput = Partial<Omit<Scenario, 'state' | 'github' | 'oidc' | 'world'>> & {
  state?: StateInput;
  world?: Omit<WorldSpec, 'states'> & { states?: StateInput[] };
  github?: Partial<GithubConfig>;
  oidc?: Partial<OidcConfig>;
};

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export function scenariosDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
}

/** Names of the scenarios in scenarios/ (NAME.json and NAME.ts). */
export function listScenarios(dir = scenariosDir()): string[] {
  if (!existsSync(dir)) return [];
  const names = new Set<string>();
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.d.ts') || f.endsWith('.test.ts') || f === 'package.json') continue;
    const m = /^(.+)\.(json|ts)$/.exec(f);
    if (m) names.add(m[1]!);
  }
  return [...names].sort();
}

/** Loads scenarios/NAME.json or scenarios/NAME.ts (build(params)); unknown names list the available ones. */
export async function loadScenario(
  name: string,
  params: Record<string, string> = {},
  dir = scenariosDir()
): Promise<Scenario> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Invalid scenario name '${name}'`);
  const jsonFile = path.join(dir, `${name}.json`);
  const tsFile = path.join(dir, `${name}.ts`);
  if (existsSync(jsonFile)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(jsonFile, 'utf8'));
    } catch (e) {
      throw new Error(`${jsonFile}: not valid JSON: ${(e as Error).message}`);
    }
    return normalizeScenario(raw, jsonFile, name);
  }
  if (existsSync(tsFile)) {
    const mod = (await import(pathToFileURL(tsFile).href)) as { build?: unknown };
    if (typeof mod.build !== 'function') throw new Error(`${tsFile}: must export build(params): Scenario`);
    const built: unknown = await (mod.build as (p: Record<string, string>) => unknown)(params);
    return normalizeScenario(built, tsFile, name);
  }
  const available = listScenarios(dir);
  throw new Error(
    `Unknown scenario '${name}'. Available scenarios: ${available.length > 0 ? available.join(', ') : '(none)'} ` +
      `(in ${dir})`
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function emptyResources(): ResourcesState {
  return {
    s3Buckets: {},
    ebsEncryptionByDefault: {},
    ebsVolumes: {},
    trails: {},
    rdsInstances: {},
    vpcs: {},
    snsTopics: {}
  };
}

function defaultGithub(repository: string): GithubConfig {
  return {
    repository,
    defaultContext: 'main',
    contexts: {
      main: {
        sub: `repo:${repository}:ref:refs/heads/main`,
        ref: 'refs/heads/main',
        event_name: 'push',
        repository,
        actor: 'octocat'
      }
    }
  };
}

/** Completes a (partial) scenario with defaults and checks its shape; errors name the source. */
export function normalizeScenario(raw: unknown, source: string, fallbackName = 'custom'): Scenario {
  if (!isObject(raw)) throw new Error(`${source}: a scenario must be an object`);
  const input = raw as ScenarioInput;
  const fail = (msg: string): never => {
    throw new Error(`${source}: ${msg}`);
  };

  if (input.state !== undefined && !isObject(input.state)) fail('"state" must be an object');
  const fullState = completeState(isObject(input.state) ? input.state : {}, 'state', fail);

  const gh = isObject(input.github) ? input.github : {};
  const repository = gh.repository ?? 'example-org/example-repo';
  const base = defaultGithub(repository);
  const rawContexts: unknown = gh.contexts ?? base.contexts;
  if (!isObject(rawContexts) || Object.keys(rawContexts).length === 0) {
    fail('github.contexts must name at least one context');
  }
  const contexts: Record<string, GithubContext> = {};
  for (const [ctxName, ctx] of Object.entries(rawContexts as Record<string, unknown>)) {
    if (!isObject(ctx) || typeof ctx['sub'] !== 'string') fail(`github.contexts.${ctxName}.sub must be a string`);
    const c = ctx as GithubContext;
    contexts[ctxName] = { ...c, repository: c.repository ?? repository };
  }
  const github: GithubConfig = { repository, defaultContext: gh.defaultContext ?? base.defaultContext, contexts };
  if (!(github.defaultContext in github.contexts)) {
    fail(`github.defaultContext '${github.defaultContext}' is not one of ${Object.keys(github.contexts).join(', ')}`);
  }

  const oidcIn = isObject(input.oidc) ? input.oidc : {};
  const oidc: OidcConfig = {
    tokenLifetimeSeconds: oidcIn.tokenLifetimeSeconds ?? 300,
    issuer: oidcIn.issuer ?? GITHUB_ISSUER
  };
  if (!(oidc.tokenLifetimeSeconds > 0)) fail('oidc.tokenLifetimeSeconds must be positive');

  let faults: FaultConfig | undefined;
  try {
    faults = input.faults === undefined ? undefined : parseFaultConfig(input.faults);
  } catch (e) {
    fail((e as Error).message);
  }
  if (input.options !== undefined && !isObject(input.options)) fail('"options" must be an object');
  const badPolicy = rolePolicyProblem(fullState.roles);
  if (badPolicy !== undefined) fail(badPolicy);

  const scenario: Scenario = {
    name: input.name ?? fallbackName,
    description: input.description ?? '',
    github,
    oidc,
    state: fullState
  };
  if (faults !== undefined) scenario.faults = faults;
  if (input.options !== undefined) scenario.options = input.options;
  if (input.world !== undefined) {
    if (!isObject(input.world)) fail('"world" must be an object');
    const w = input.world;
    if (w.states !== undefined && !Array.isArray(w.states)) fail('world.states must be a list of states');
    const states = (w.states ?? []).map((s, i) => {
      if (!isObject(s)) fail(`world.states[${i}] must be an object`);
      return completeState(s, `world.states[${i}]`, fail);
    });
    const org = w.organization;
    if (org !== undefined) {
      if (!isObject(org) || !Array.isArray(org.accounts)) fail('world.organization must have a list of accounts');
      if (!org.accounts.some(a => a.id === org.managementAccountId)) {
        fail(`world.organization.accounts must include the management account ${org.managementAccountId}`);
      }
    }
    scenario.world = { ...w, states };
  }
  return scenario;
}

/** One (account, region) state completed with defaults; `where` names it in errors. */
function completeState(state: StateInput, where: string, fail: (msg: string) => never): AccountState {
  const accountId = state.accountId ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) fail(`${where}.accountId must be 12 digits, got '${accountId}'`);
  const resources = { ...emptyResources(), ...(isObject(state.resources) ? state.resources : {}) };
  return {
    accountId,
    region: state.region ?? 'us-east-1',
    roles: state.roles ?? {},
    credentials: state.credentials ?? [],
    resources,
    config: state.config ?? {},
    ssm: state.ssm ?? {},
    sns: { messages: state.sns?.messages ?? [] },
    ...(state.securityHub ? { securityHub: state.securityHub } : {})
  };
}

/** A deep copy of the scenario's state (the live state is mutated; the scenario stays pristine for reset). */
export function freshState(scenario: Scenario): AccountState {
  return structuredClone(scenario.state);
}
