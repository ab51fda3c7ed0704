/**
 * Programmatic API of the simulated AWS account, used by tests, the demo and the benchmark:
 *
 *   const sim = await startSimulator({ scenario: 'seed' });
 *   Object.assign(process.env, sim.env());            // AWS_ENDPOINT_URL, AWS_REGION, ACTIONS_ID_TOKEN_REQUEST_*
 *   ...
 *   await sim.close();
 */
import type { FaultConfig } from './core/faults.js';
import { OidcIssuer } from './github/oidc.js';
import { loadScenario, normalizeScenario, type Scenario, type ScenarioInput } from './core/scenario.js';
import { SimServer, type CallCounts } from './core/server.js';
import type { AccountState } from './core/state.js';

export type { FaultConfig } from './core/faults.js';
export type { Scenario, GithubContext, ScenarioInput } from './core/scenario.js';
export type { CallCounts } from './core/server.js';
export { listScenarios, loadScenario } from './core/scenario.js';
export { setActionRolePolicy, setRolePolicy } from './core/iam/authorize.js';
export type { PolicyDocument } from './core/iam/policy.js';

export interface StartOptions {
  /** Scenario name (scenarios/NAME.json|ts, default "seed") or a scenario object (partial ones are completed). */
  scenario?: string | Scenario | ScenarioInput;
  /** Parameters for generated scenarios (NAME.ts build(params)). */
  params?: Record<string, string>;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Replaces the scenario's faults. */
  faults?: FaultConfig;
  /** Merged over the scenario's options. */
  options?: Record<string, unknown>;
}

export interface Simulator {
  /** http://127.0.0.1:PORT */
  url: string;
  scenario: Scenario;
  /** The live state object (mutations are visible to the server and vice versa; reset() keeps the reference). */
  state: AccountState;
  /** AWS_ENDPOINT_URL, AWS_REGION, ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN for a GitHub context. */
  env(context?: string): Record<string, string>;
  /** The account's static IAM user key pair (for clients using explicit or default-chain credentials). */
  staticCredentials(): { accessKeyId: string; secretAccessKey: string };
  calls(): CallCounts;
  resetCalls(): void;
  /** State back to the scenario; clock, faults, scheduled tasks and call counters reset too. */
  reset(): void;
  setFaults(f: FaultConfig): void;
  /** Moves the simulator clock forward (runs scheduled tasks that become due). */
  advanceClock(seconds: number): void;
  now(): Date;
  /** Every secret key and session token issued so far (for leak scans). */
  secrets(): string[];
  /** Errors thrown by scheduled tasks (delayed evaluations / executions), which have no caller to report to. */
  scheduledTaskErrors(): string[];
  close(): Promise<void>;
}

export async function startSimulator(opts: StartOptions = {}): Promise<Simulator> {
  const scenario =
    typeof opts.scenario === 'object'
      ? normalizeScenario(opts.scenario, `scenario object '${opts.scenario.name ?? 'custom'}'`)
      : await loadScenario(opts.scenario ?? 'seed', opts.params ?? {});
  // The issuer needs the server's clock, and the server needs the issuer: bind the clock once the server exists.
  const clock: { now: () => Date } = { now: () => new Date() };
  const oidc = await OidcIssuer.create(scenario.github, scenario.oidc, () => clock.now());
  const s = new SimServer({
    scenario,
    oidc,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.faults !== undefined ? { faults: opts.faults } : {}),
    ...(opts.options !== undefined ? { options: opts.options } : {})
  });
  clock.now = () => s.now();
  await s.listen();
  return {
    url: s.url,
    scenario,
    state: s.state,
    env: context => s.env(context),
    staticCredentials: () => ({
      accessKeyId: s.staticCredential.accessKeyId,
      secretAccessKey: s.staticCredential.secretAccessKey
    }),
    calls: () => s.calls(),
    resetCalls: () => s.resetCalls(),
    reset: () => s.reset(),
    setFaults: f => s.setFaults(f),
    advanceClock: seconds => s.advanceClock(seconds),
    now: () => s.now(),
    secrets: () => s.secrets(),
    scheduledTaskErrors: () => s.scheduledTaskErrors(),
    close: () => s.close()
  };
}
