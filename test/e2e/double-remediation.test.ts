/**
 * No double remediation, end to end: examples/seed as published (automatic remediation on). Deploying turns on AWS
 * Config's automatic remediation, which remediates the NON_COMPLIANT buckets at once; a remediation run right after
 * leaves those targets out of the plan with the reason (DescribeRemediationExecutionStatus: finished within the
 * configuration's RetryAttemptSeconds), runs nothing for them, and says so in plan.json and the summary. Once the
 * window has passed they are planned again. When the status cannot be read (faults on
 * DescribeRemediationExecutionStatus), the targets are skipped too, never run blindly.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const LOGGING = 's3-bucket-logging-enabled';
const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 2)) };

/** examples/seed copied to a temp dir, automatic remediation on, with the given RetryAttemptSeconds. */
function seedManifest(retrySeconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  cpSync(join(REPO_ROOT, 'examples', 'seed'), dir, { recursive: true });
  const file = join(dir, 'compliance.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/retry-seconds: 60/g, `retry-seconds: ${retrySeconds}`));
  return file;
}

const results: ActionRunResult[] = [];
const sims: Simulator[] = [];
afterEach(async () => {
  for (const r of results.splice(0)) cleanup(r);
  for (const s of sims.splice(0)) await s.close();
});

async function action(sim: Simulator, inputs: Record<string, string>): Promise<ActionRunResult> {
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'never', alert: 'never', ...inputs },
    env: {
      ...sim.env('main'),
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      ...(inputs.config ? { GITHUB_WORKSPACE: dirname(inputs.config) } : {})
    },
    deps: { clock: fastClock }
  });
  results.push(r);
  return r;
}

interface PlanJson {
  targets: { rule: string; resourceId: string }[];
  notes: string[];
  skipped?: { target: { rule: string; resourceId: string }; reason: string }[];
}

const planOf = (r: ActionRunResult): PlanJson =>
  JSON.parse(readFileSync(join(r.dir, r.outputs['remediation-plan-file']!), 'utf8')) as PlanJson;

const bucketTargets = (ids: { rule: string; resourceId: string }[]): string[] =>
  ids
    .filter(t => t.rule === LOGGING)
    .map(t => t.resourceId)
    .sort();

/** Deploys the manifest (turning on Config's automatic remediation) and waits until Config's runs have finished. */
async function deployed(retrySeconds: number): Promise<{ sim: Simulator; manifest: string }> {
  // AWS's asynchronous states (recorder lag, document activation) are out of the way: this is about the plan.
  const sim = await startSimulator({
    scenario: 'seed',
    options: { recorderDelaySeconds: 0, ruleDeleteSeconds: 0, documentActivationSeconds: 0 }
  });
  sims.push(sim);
  const manifest = seedManifest(retrySeconds);
  const r = await action(sim, { config: manifest, deploy: 'apply' });
  expect(r.exitCode).toBe(0);
  const executions = (): { status: string }[] =>
    Object.values((sim.state.ssm as { executions?: Record<string, { status: string }> }).executions ?? {});
  for (let i = 0; i < 100 && executions().some(e => !['Success', 'Failed'].includes(e.status)); i++) {
    await new Promise(res => setTimeout(res, 20));
  }
  // Config remediated both NON_COMPLIANT buckets automatically (the alerting runbook: they stay NON_COMPLIANT).
  expect(executions().length).toBeGreaterThanOrEqual(2);
  sim.resetCalls();
  return { sim, manifest };
}

describe('no double remediation', () => {
  it('plan: targets Config remediated automatically within RetryAttemptSeconds are left out, with the reason', async () => {
    const { sim, manifest } = await deployed(600);
    const r = await action(sim, { config: manifest, deploy: 'off', remediate: 'plan' });
    expect(r.exitCode).toBe(0);
    const plan = planOf(r);
    expect(bucketTargets(plan.targets)).toEqual([]);
    const skipped = plan.skipped ?? [];
    expect(bucketTargets(skipped.map(s => s.target))).toEqual(['access-logs', 'claims-uploads']);
    for (const s of skipped.filter(x => x.target.rule === LOGGING)) {
      expect(s.reason).toMatch(
        /^AWS Config's automatic remediation of this resource SUCCEEDED at .*, within its RetryAttemptSeconds \(600 s\); not run, to avoid remediating twice$/
      );
    }
    expect(r.summary).toContain(`${LOGGING} AWS::S3::Bucket/access-logs skipped: AWS Config&#39;s automatic`);
    // One status read for the automatic rule(s) among the targets, no remediation started by the action.
    expect(sim.calls().byOperation['config:DescribeRemediationExecutionStatus']).toBeGreaterThanOrEqual(1);
    expect(sim.calls().byOperation['config:StartRemediationExecution']).toBeUndefined();
  });

  it('apply: the left-out targets are skipped outcomes and nothing is started for them', async () => {
    const { sim, manifest } = await deployed(600);
    const before = Object.keys((sim.state.ssm as { executions: Record<string, unknown> }).executions).length;
    const r = await action(sim, { config: manifest, deploy: 'off', remediate: 'apply' });
    expect(r.exitCode).toBe(0);
    expect(sim.calls().byOperation['config:StartRemediationExecution']).toBeUndefined();
    expect(Object.keys((sim.state.ssm as { executions: Record<string, unknown> }).executions).length).toBe(before);
    const audit = readFileSync(join(r.dir, r.outputs['audit-log-file']!), 'utf8')
      .trim()
      .split('\n')
      .map(l => JSON.parse(l) as { event?: string; resourceId?: string; reason?: string });
    const skips = audit.filter(a => a.event === 'target-skipped' && a.reason?.includes('avoid remediating twice'));
    // Both buckets; with no recorder lag Config also remediated the account-level EBS target automatically, so it
    // may be skipped for the same reason.
    expect(
      skips
        .map(a => a.resourceId)
        .filter(id => id !== '123456789012')
        .sort()
    ).toEqual(['access-logs', 'claims-uploads']);
  });

  it('past RetryAttemptSeconds the targets are planned again', async () => {
    const { sim, manifest } = await deployed(1);
    await new Promise(res => setTimeout(res, 1500));
    const r = await action(sim, { config: manifest, deploy: 'off', remediate: 'plan' });
    expect(bucketTargets(planOf(r).targets)).toEqual(['access-logs', 'claims-uploads']);
    expect(planOf(r).skipped).toBeUndefined();
  });

  it('status unreadable (faults on DescribeRemediationExecutionStatus): skipped with the error, never run blindly', async () => {
    const { sim, manifest } = await deployed(1);
    await new Promise(res => setTimeout(res, 1500));
    sim.setFaults({
      serverErrorRate: 1,
      operations: ['config:DescribeRemediationExecutionStatus'],
      maxConsecutiveFaults: 1000
    });
    const r = await action(sim, { config: manifest, deploy: 'off', remediate: 'apply', 'max-attempts': '2' });
    expect(sim.calls().byOperation['config:StartRemediationExecution']).toBeUndefined();
    const plan = planOf(r);
    expect(bucketTargets(plan.targets)).toEqual([]);
    const reasons = (plan.skipped ?? []).filter(s => s.target.rule === LOGGING).map(s => s.reason);
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) {
      expect(reason).toMatch(
        /^rule s3-bucket-logging-enabled has automatic remediation and the status of its executions could not be read \(config:DescribeRemediationExecutionStatus: (InternalFailure|ServiceUnavailable): .*\); not run, to avoid remediating twice$/
      );
    }
  });
});
