/**
 * "A recorder that is off is not a pass" end to end: run() against the simulated account whose configuration
 * recorder is running, stopped, failing, partial, or unreadable. Change-triggered rules (s3-bucket-logging-enabled,
 * scoped to AWS::S3::Bucket) become errors naming the recorder and fail the gate under every fail-on; the periodic
 * rule (ec2-ebs-encryption-by-default, MaximumExecutionFrequency and no Scope; AWS Config Developer Guide, "List of AWS
 * Config Managed Rules by Trigger Type") is still judged.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigServiceClient, StopConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { loadScenario, setActionRolePolicy, startSimulator, type Scenario, type Simulator } from 'aws-sim';
import { cleanup, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const LOGGING = 's3-bucket-logging-enabled';
const EBS = 'ec2-ebs-encryption-by-default';
const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 5)) };

interface ReportRule {
  name: string;
  status: string;
  error?: { operation: string; code: string; message: string };
}

const runs: ActionRunResult[] = [];
const sims: Simulator[] = [];
afterEach(async () => {
  for (const r of runs.splice(0)) cleanup(r);
  for (const s of sims.splice(0)) await s.close();
});

function rulesOf(r: ActionRunResult): Map<string, ReportRule> {
  const json = JSON.parse(readFileSync(join(r.dir, r.outputs['report-file']!), 'utf8')) as { rules: ReportRule[] };
  return new Map(json.rules.map(x => [x.name, x]));
}

/** The seed account with its EBS rule declared periodic, as AWS reports it, and `edit` applied to the config state. */
async function scenario(edit: (config: Record<string, unknown>) => void = () => undefined): Promise<Scenario> {
  const s = await loadScenario('seed');
  const config = s.state.config as { rules: Record<string, { rule: Record<string, unknown> }> };
  config.rules[EBS]!.rule['MaximumExecutionFrequency'] = 'TwentyFour_Hours';
  edit(config);
  return s;
}

async function start(s: Scenario | 'seed', options: Record<string, unknown> = {}): Promise<Simulator> {
  const sim = await startSimulator({ scenario: s, options });
  sims.push(sim);
  return sim;
}

async function check(sim: Simulator, extra: Record<string, string> = {}): Promise<ActionRunResult> {
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, ...extra },
    env: sim.env('main'),
    deps: { clock: fastClock }
  });
  runs.push(r);
  return r;
}

async function stopRecorder(sim: Simulator): Promise<void> {
  const config = new ConfigServiceClient({
    region: 'us-east-1',
    endpoint: sim.url,
    credentials: sim.staticCredentials(),
    maxAttempts: 1
  });
  await config.send(new StopConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
  config.destroy();
}

describe('the configuration recorder in the compliance check', () => {
  it('running: judged as before, no recorder errors', async () => {
    const sim = await start(await scenario());
    const r = await check(sim, { 'fail-on': 'never' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ result: 'pass', 'noncompliant-count': '3' });
    const rules = rulesOf(r);
    expect([rules.get(LOGGING)?.status, rules.get(EBS)?.status]).toEqual(['noncompliant', 'noncompliant']);
    expect(r.stdout).not.toContain('::warning::AWS Config in us-east-1');
  });

  it('stopped: the change-triggered rule is an error naming the recorder and fails fail-on: never; the periodic rule is judged', async () => {
    const sim = await start(await scenario());
    await stopRecorder(sim);
    const r = await check(sim, { 'fail-on': 'never' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('fail');
    const rules = rulesOf(r);
    expect(rules.get(LOGGING)).toMatchObject({
      status: 'error',
      error: {
        code: 'RecorderStopped',
        message: "configuration recorder 'default' is stopped: change-triggered results are not fresh"
      }
    });
    expect(rules.get(EBS)?.status).toBe('noncompliant');
    expect(r.stdout).toContain(
      "::warning::AWS Config in us-east-1: configuration recorder 'default' is stopped: change-triggered results are not fresh. 1 change-triggered rule is unknown (error): s3-bucket-logging-enabled; periodic rules are still judged."
    );
    expect(r.summary).toContain('1 rule could not be checked (s3-bucket-logging-enabled)');
    expect(sim.calls().byOperation['config:DescribeConfigRules']).toBe(1);
  });

  it('stopped: a rule whose trigger cannot be told (no Scope, no frequency) fails closed', async () => {
    const sim = await start('seed');
    await stopRecorder(sim);
    const r = await check(sim, { 'fail-on': 'never' });
    const rules = rulesOf(r);
    expect([rules.get(LOGGING)?.status, rules.get(EBS)?.status]).toEqual(['error', 'error']);
    expect(r.exitCode).toBe(1);
  });

  it('failing (lastStatus Failure): the same, with the recorder error in the reason', async () => {
    const sim = await start(
      await scenario(c => {
        c['configurationRecorders'] = {
          default: {
            recording: true,
            lastStatus: 'Failure',
            lastErrorCode: 'AccessDenied',
            lastErrorMessage: 'The role may not describe buckets.'
          }
        };
      })
    );
    const r = await check(sim, { 'fail-on': 'never' });
    expect(r.exitCode).toBe(1);
    const rules = rulesOf(r);
    expect(rules.get(LOGGING)?.status).toBe('error');
    expect(rules.get(LOGGING)?.error?.message).toBe(
      "configuration recorder 'default' is failing (lastStatus Failure, AccessDenied: The role may not describe buckets.): change-triggered results are not fresh"
    );
    expect(rules.get(EBS)?.status).toBe('noncompliant');
  });

  it('absent: no recorder in the region', async () => {
    const sim = await start(await scenario(c => (c['configurationRecorders'] = {})));
    const r = await check(sim, { 'fail-on': 'never' });
    expect(r.exitCode).toBe(1);
    expect(rulesOf(r).get(LOGGING)?.error?.message).toBe(
      'no configuration recorder in region us-east-1: change-triggered results are not fresh'
    );
    expect(rulesOf(r).get(EBS)?.status).toBe('noncompliant');
  });

  it('not recording the type a change-triggered rule checks: that rule is unknown', async () => {
    const group = (types: string[]) =>
      scenario(c => {
        c['configurationRecorders'] = {
          default: {
            recording: true,
            lastStatus: 'Success',
            recordingGroup: { allSupported: false, resourceTypes: types }
          }
        };
      });
    const partial = await start(await group(['AWS::EC2::Volume']));
    const r = await check(partial, { 'fail-on': 'never' });
    expect(r.exitCode).toBe(1);
    expect(rulesOf(r).get(LOGGING)?.error?.message).toBe(
      "configuration recorder 'default' does not record AWS::S3::Bucket, which change-triggered rule s3-bucket-logging-enabled checks: its results are not fresh"
    );
    expect(rulesOf(r).get(EBS)?.status).toBe('noncompliant');

    const covering = await start(await group(['AWS::S3::Bucket']));
    const ok = await check(covering, { 'fail-on': 'never' });
    expect(ok.exitCode).toBe(0);
    expect(rulesOf(ok).get(LOGGING)?.status).toBe('noncompliant');
  });

  it('unreadable (AccessDeniedException): change-triggered rules are unknown with that reason', async () => {
    const sim = await start(await scenario());
    // A real policy: the action role may do everything except read the recorder.
    setActionRolePolicy(sim.state, {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'config:DescribeConfigurationRecorder*', Resource: '*' }
      ]
    });
    const r = await check(sim, { 'fail-on': 'never' });
    expect(r.exitCode).toBe(1);
    const logging = rulesOf(r).get(LOGGING);
    expect(logging?.status).toBe('error');
    expect(logging?.error?.code).toBe('AccessDeniedException');
    expect(logging?.error?.message).toMatch(
      /^the configuration recorder could not be read \(config:DescribeConfigurationRecorder\S* failed: AccessDeniedException: User: \S+ is not authorized to perform: config:DescribeConfigurationRecorder\S* with an explicit deny in an identity-based policy \(request id \S+\)\): change-triggered results are not known to be fresh$/
    );
    expect(rulesOf(r).get(EBS)?.status).toBe('noncompliant');
  });
});
