/**
 * The action under IAM in the simulated account: its role holding a policy that lacks one permission the run needs,
 * the run fails with an error naming that action (AWS's "is not authorized to perform: ACTION" message, surfaced as
 * the SDK reports it). The simulator's IAM is tested in packages/aws-sim/test/iam-*.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setActionRolePolicy, startSimulator, type Simulator } from 'aws-sim';
import { cleanup, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 5)) };

const runs: ActionRunResult[] = [];
const sims: Simulator[] = [];
afterEach(async () => {
  for (const r of runs.splice(0)) cleanup(r);
  for (const s of sims.splice(0)) await s.close();
});

/** The seed account, the action role allowed everything but `missing`. */
async function withoutPermission(missing: string): Promise<Simulator> {
  const sim = await startSimulator({ scenario: 'seed' });
  sims.push(sim);
  setActionRolePolicy(sim.state, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', NotAction: missing, Resource: '*' }]
  });
  return sim;
}

async function check(sim: Simulator): Promise<ActionRunResult> {
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'never' },
    env: sim.env('main'),
    deps: { clock: fastClock }
  });
  runs.push(r);
  return r;
}

describe('the action under a role policy missing one permission', () => {
  it('passes with every permission (the same run, for contrast)', async () => {
    const sim = await withoutPermission('iam:CreateUser');
    expect((await check(sim)).exitCode).toBe(0);
  });

  it('fails naming config:DescribeComplianceByConfigRule when the role may not read rule compliance', async () => {
    const sim = await withoutPermission('config:DescribeComplianceByConfigRule');
    const r = await check(sim);
    expect(r.exitCode).toBe(1);
    expect(r.stdout + r.stderr).toMatch(
      /AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role\/compliance-gate\/\S+ is not authorized to perform: config:DescribeComplianceByConfigRule because no identity-based policy allows the config:DescribeComplianceByConfigRule action/
    );
  });

  it('fails naming config:GetComplianceDetailsByConfigRule on the rule it could not read', async () => {
    const sim = await withoutPermission('config:GetComplianceDetailsByConfigRule');
    const r = await check(sim);
    expect(r.exitCode).toBe(1);
    // The annotation names the action (its text is shortened); the report keeps the whole message.
    expect(r.stdout).toMatch(
      /::error title=AWS Config error%3A s3-bucket-logging-enabled::.*AccessDeniedException: User: .* is not authorized to perform: config:GetComplianceDetailsByConfigRule on resource/
    );
    const report = JSON.parse(readFileSync(join(r.dir, r.outputs['report-file']!), 'utf8')) as {
      rules: { name: string; status: string; error?: { message: string } }[];
    };
    const logging = report.rules.find(x => x.name === 's3-bucket-logging-enabled');
    expect(logging?.status).toBe('error');
    expect(logging?.error?.message).toMatch(
      /is not authorized to perform: config:GetComplianceDetailsByConfigRule on resource: arn:aws:config:us-east-1:123456789012:config-rule\/config-rule-\S+ because no identity-based policy allows the config:GetComplianceDetailsByConfigRule action/
    );
  });
});
