/**
 * Freshness that matches how AWS Config works, end to end: run() against the simulated account. A change-triggered
 * rule evaluated days ago in a healthy account is not stale (Config re-evaluates it only when a resource in scope
 * changes); a periodic rule past its MaximumExecutionFrequency plus the one-hour grace is; a rule whose last
 * evaluation failed after its last success is (DescribeConfigRuleEvaluationStatus LastFailedEvaluationTime,
 * LastErrorCode); max-result-age overrides the age rule. `fail-on: stale` follows.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, startSimulator, type Scenario, type Simulator } from 'aws-sim';
import { cleanup, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const LOGGING = 's3-bucket-logging-enabled';
const EBS = 'ec2-ebs-encryption-by-default';
const HOUR = 3600;
const DAY = 24 * HOUR;
const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 5)) };

const runs: ActionRunResult[] = [];
const sims: Simulator[] = [];
afterEach(async () => {
  for (const r of runs.splice(0)) cleanup(r);
  for (const s of sims.splice(0)) await s.close();
});

type RuleInput = { rule: Record<string, unknown> } & Record<string, unknown>;

/**
 * The seed account (LOGGING: change-triggered, scoped to AWS::S3::Bucket; EBS: periodic, TwentyFour_Hours) with the
 * rules last evaluated the given number of seconds ago, and `edit` applied to the rules.
 */
async function scenario(
  loggingAgo: number,
  ebsAgo: number,
  edit: (rules: Record<string, RuleInput>) => void = () => undefined
): Promise<Scenario> {
  const s = await loadScenario('seed');
  const rules = (s.state.config as { rules: Record<string, RuleInput> }).rules;
  rules[EBS]!.rule['MaximumExecutionFrequency'] = 'TwentyFour_Hours';
  rules[LOGGING]!['evaluatedAgoSeconds'] = loggingAgo;
  rules[EBS]!['evaluatedAgoSeconds'] = ebsAgo;
  edit(rules);
  // Config's scheduled runs would re-evaluate an overdue periodic rule at once; these tests need its result to age.
  s.options = { ...(s.options ?? {}), periodicRuns: false };
  return s;
}

async function check(s: Scenario, extra: Record<string, string> = {}): Promise<{ r: ActionRunResult; sim: Simulator }> {
  const sim = await startSimulator({ scenario: s });
  sims.push(sim);
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'stale', ...extra },
    env: sim.env('main'),
    deps: { clock: fastClock }
  });
  runs.push(r);
  return { r, sim };
}

function statuses(r: ActionRunResult): Record<string, string> {
  const json = JSON.parse(readFileSync(join(r.dir, r.outputs['report-file']!), 'utf8')) as {
    rules: { name: string; status: string }[];
  };
  return Object.fromEntries(json.rules.map(x => [x.name, x.status]));
}

describe('freshness by trigger type', () => {
  it('a healthy account whose change-triggered rule was evaluated days ago shows no stale rule; fail-on: stale passes', async () => {
    const { r, sim } = await check(await scenario(5 * DAY, HOUR));
    expect(statuses(r)).toEqual({ [LOGGING]: 'noncompliant', [EBS]: 'noncompliant' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.result).toBe('pass');
    expect(r.summary).not.toContain('stale results');
    // Only the rule evaluated more than 2 h ago needed its trigger: one DescribeConfigRules call.
    expect(sim.calls().byOperation['config:DescribeConfigRules']).toBe(1);
  });

  it('rules evaluated within 2 h need no rule description at all', async () => {
    const { r, sim } = await check(await scenario(HOUR, HOUR));
    expect(r.exitCode).toBe(0);
    expect(sim.calls().byOperation['config:DescribeConfigRules']).toBeUndefined();
  });

  it('a periodic rule past 24 h + 1 h is stale and fails fail-on: stale, with the reason', async () => {
    const { r } = await check(await scenario(5 * DAY, 26 * HOUR));
    expect(statuses(r)).toEqual({ [LOGGING]: 'noncompliant', [EBS]: 'stale' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('fail');
    expect(r.summary).toContain('1 rule with stale results');
    expect(r.stdout).toMatch(
      /ec2-ebs-encryption-by-default is stale: periodic rule \(TwentyFour_Hours\) last evaluated .*, more than 24 h \+ 1 h grace ago/
    );
  });

  it('a periodic rule within 24 h + 1 h is fresh (24 h 30 min old)', async () => {
    const { r } = await check(await scenario(5 * DAY, 24 * HOUR + 1800));
    expect(statuses(r)[EBS]).toBe('noncompliant');
    expect(r.exitCode).toBe(0);
  });

  it('a failed evaluation newer than the last success is stale; an older one is not', async () => {
    const failedAgo = (seconds: number) => ({
      lastFailedInvocationTime: new Date(Date.now() - seconds * 1000).toISOString(),
      lastFailedEvaluationTime: new Date(Date.now() - seconds * 1000).toISOString(),
      lastErrorCode: 'InternalError',
      lastErrorMessage: 'Config could not evaluate the rule'
    });
    const newer = await check(await scenario(5 * DAY, HOUR, rules => Object.assign(rules[LOGGING]!, failedAgo(HOUR))));
    expect(statuses(newer.r)[LOGGING]).toBe('stale');
    expect(newer.r.exitCode).toBe(1);
    expect(newer.r.stdout).toMatch(
      /s3-bucket-logging-enabled is stale: its last evaluation failed at .* \(InternalError: Config could not evaluate the rule\)/
    );
    const older = await check(await scenario(HOUR, HOUR, rules => Object.assign(rules[LOGGING]!, failedAgo(2 * HOUR))));
    expect(statuses(older.r)[LOGGING]).toBe('noncompliant');
    expect(older.r.exitCode).toBe(0);
  });

  it('max-result-age overrides: a change-triggered rule older than it is stale, and no rule description is read', async () => {
    const { r, sim } = await check(await scenario(5 * DAY, HOUR), { 'max-result-age': '24h' });
    expect(statuses(r)).toEqual({ [LOGGING]: 'stale', [EBS]: 'noncompliant' });
    expect(r.exitCode).toBe(1);
    expect(sim.calls().byOperation['config:DescribeConfigRules']).toBeUndefined();
  });

  it('a rule description that cannot be read leaves an old rule not known to be fresh: stale', async () => {
    const s = await scenario(5 * DAY, HOUR);
    const sim = await startSimulator({ scenario: s });
    sims.push(sim);
    sim.setFaults({ serverErrorRate: 1, operations: ['config:DescribeConfigRules'], maxConsecutiveFaults: 100 });
    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'stale', 'max-attempts': '2' },
      env: sim.env('main'),
      deps: { clock: fastClock }
    });
    runs.push(r);
    expect(statuses(r)[LOGGING]).toBe('stale');
    expect(r.stdout).toMatch(/s3-bucket-logging-enabled is stale: .*its trigger type is unknown/);
    expect(r.exitCode).toBe(1);
  });
});
