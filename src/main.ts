/**
 * run(): the phases in order, one line each, then the outputs. The only catch: errors are mapped to setFailed here
 * (user errors by message; anything else also logs its stack at debug). The steps (steps.ts) wire the options into
 * each phase; the arithmetic between phases is in gate/inputs.ts (pure, tested).
 */
import * as core from '@actions/core';
import type { AwsClients } from './aws/clients.js';
import { isUserError } from './errors.js';
import { getOptions } from './inputs.js';
import { coreLogger, type Logger } from './logging.js';
import { setOutputs } from './outputs.js';
import { systemClock } from './util/clock.js';
import { checkPathInputs } from './util/paths.js';
import {
  authenticate,
  awsClients,
  checkStep,
  credentialsFor,
  deployStep,
  finish,
  gateStep,
  locateStep,
  preDeployStep,
  proxyAgentsFor,
  remediationStep,
  reportsStep,
  todayOf,
  waiverStep,
  type RunDeps,
  type Step
} from './steps.js';

export type { RunDeps };

function defaultDeps(): RunDeps {
  return { env: process.env, clock: systemClock, logger: coreLogger(core) };
}

export async function run(overrides: Partial<RunDeps> = {}): Promise<void> {
  const deps = { ...defaultDeps(), ...overrides };
  let clients: AwsClients | undefined;
  try {
    const options = getOptions(undefined, deps.env);
    checkPathInputs(options);
    const agents = proxyAgentsFor(options, deps.logger);
    const oidc = credentialsFor(options, deps, agents);
    clients = awsClients(options, oidc, agents, deps.clock);
    const identity = await authenticate(clients, options, oidc, deps.logger);
    setOutputs({ 'aws-account-id': identity.accountId });
    // Each step loads its own phase when it runs (steps.ts): the first AWS request above waits for none of them.
    const s: Step = { options, aws: clients, deps, accountId: identity.accountId, today: todayOf(deps.clock) };
    const deployed = await deployStep(s);
    const checked = await checkStep(s, deployed);
    const waived = await waiverStep(s, deployed, checked.result);
    const review = await locateStep(s, deployed, waived.result);
    const remediated = await remediationStep(s, deployed, waived.result, review);
    const pre = await preDeployStep(s, deployed, review, remediated.result);
    const gated = gateStep(s, deployed, checked.scope, review, remediated.remediation, pre);
    const reports = await reportsStep(s, deployed, gated, review, remediated.remediation, pre, waived.waivers);
    const { outputsOf } = await import('./report/outputs.js');
    setOutputs(
      outputsOf({
        gate: gated.gate,
        checkedRules: gated.result.rules.length,
        applyFailed: deployed.applied?.error !== undefined,
        ...reports,
        newNoncompliant: gated.newNoncompliant,
        drift: deployed.plan?.drift,
        planFile: deployed.planFile,
        remediation: remediated.remediation,
        cwd: process.cwd()
      })
    );
    finish(gated, deployed, remediated.remediation, deps.logger, s.options.failOn);
  } catch (err) {
    fail(err, deps.logger);
  } finally {
    clients?.destroy();
  }
}

/** Maps an error to the step's failure: the message always, the stack at debug for anything unexpected. */
export function fail(err: unknown, logger: Logger, setFailed: (m: string) => void = m => core.setFailed(m)): void {
  const message = err instanceof Error ? err.message : String(err);
  if (!isUserError(err) && err instanceof Error && err.stack) logger.debug(err.stack);
  setFailed(message);
  // Also set here, not only by @actions/core's setFailed: a harness that stubs @actions/core (@github/local-action
  // records the failure in its own state) must still see the process exit non-zero.
  process.exitCode = 1;
}
