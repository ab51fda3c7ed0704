/**
 * run(): the phases in order. The only catch: errors are mapped to setFailed here (user errors by message; anything
 * else also logs its stack at debug).
 */
import * as core from '@actions/core';
import { AwsClients, createWebIdentityStsClient } from './aws/clients.js';
import { OidcCredentials, verifyIdentity } from './aws/credentials.js';
import { checkCompliance } from './compliance/check.js';
import { decideGate } from './compliance/gate.js';
import { isUserError } from './errors.js';
import { getOptions, type Options } from './inputs.js';
import { coreLogger, type Logger } from './logging.js';
import { setOutputs } from './outputs.js';
import { writeReports } from './report/run-report.js';
import { runInfoFromEnv } from './run-info.js';
import { systemClock, type Clock } from './util/clock.js';

export interface RunDeps {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  logger: Logger;
}

function defaultDeps(): RunDeps {
  return { env: process.env, clock: systemClock, logger: coreLogger(core) };
}

function credentialsFor(options: Options, deps: RunDeps): OidcCredentials | undefined {
  if (!options.roleToAssume) return undefined;
  const sts = createWebIdentityStsClient(options);
  return new OidcCredentials(
    {
      roleArn: options.roleToAssume,
      audience: options.audience,
      roleSessionName: options.roleSessionName,
      durationSeconds: options.roleDurationSeconds
    },
    { getIDToken: aud => core.getIDToken(aud), sts: () => sts, env: deps.env, logger: deps.logger }
  );
}

export async function run(overrides: Partial<RunDeps> = {}): Promise<void> {
  const deps = { ...defaultDeps(), ...overrides };
  const { logger } = deps;
  let clients: AwsClients | undefined;
  try {
    const options = getOptions(undefined, deps.env);
    const oidc = credentialsFor(options, deps);
    clients = new AwsClients({
      region: options.region,
      maxAttempts: options.maxAttempts,
      ...(oidc ? { credentials: oidc.provider, onExpiredCredentials: () => oidc.invalidate() } : {})
    });
    const aws = clients;

    const identity = await logger.group('Authenticate', async () => {
      const id = await verifyIdentity(aws.sts, options.allowedAccountIds);
      logger.info(
        `Authenticated as ${id.arn} in account ${id.accountId}` +
          (oidc ? ` (role ${options.roleToAssume}, session ${options.roleSessionName}).` : ' (default credential chain).')
      );
      return id;
    });
    setOutputs({ 'aws-account-id': identity.accountId });

    const result = await checkCompliance(
      { config: aws.config, clock: deps.clock, logger },
      {
        rules: options.rules,
        evaluate: options.evaluate,
        evaluationTimeoutSeconds: options.evaluationTimeoutSeconds,
        maxResultAgeSeconds: options.maxResultAgeSeconds
      },
      { accountId: identity.accountId, region: options.region }
    );
    const gate = decideGate(result, options.failOn);

    const reportFile = await writeReports({
      result,
      gate,
      run: runInfoFromEnv(deps.env),
      reportDir: options.reportDir,
      generatedAt: deps.clock.now().toISOString(),
      summaryFile: deps.env.GITHUB_STEP_SUMMARY
    });

    setOutputs({
      result: gate.result,
      'noncompliant-count': gate.noncompliantCount,
      'noncompliant-rules': gate.noncompliantRules.join(','),
      'checked-rules': result.rules.length,
      'report-file': reportFile
    });
    if (gate.result === 'fail') core.setFailed(`Compliance gate failed: ${gate.reason}`);
    else logger.info(`Compliance gate passed: ${gate.reason}`);
  } catch (err) {
    fail(err, logger);
  } finally {
    clients?.destroy();
  }
}

/** Maps an error to the step's failure: the message always, the stack at debug for anything unexpected. */
export function fail(err: unknown, logger: Logger, setFailed: (m: string) => void = m => core.setFailed(m)): void {
  const message = err instanceof Error ? err.message : String(err);
  if (!isUserError(err) && err instanceof Error && err.stack) logger.debug(err.stack);
  setFailed(message);
}
