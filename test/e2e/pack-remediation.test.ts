/**
 * A conformance pack's AWS::Config::RemediationConfiguration end to end against the simulated account (scenario
 * blank: claims-uploads and access-logs without access logging, no rules): plan shows it at the pack's line,
 * apply creates it, re-plan is clean, a parameter change is an update, drift in the account is found, and
 * remediate: apply runs the AWS-owned AWS-ConfigureS3BucketLogging it binds until the buckets are compliant.
 * The pack's resource-level Controls and Description keys are warnings on their lines; the rule still deploys.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { setRolePolicy, startSimulator, type Simulator } from 'aws-sim';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const RULE = 's3-bucket-logging-enabled';
const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 2)) };

interface PlanJson {
  counts: Record<string, number>;
  drift: number;
  items: { object: string; name: string; action: string; declaredAt?: string; changes: { field: string }[] }[];
}

interface StoredConfiguration {
  TargetId: string;
  TargetVersion?: string;
  ResourceType?: string;
  Automatic?: boolean;
  MaximumAutomaticAttempts?: number;
  RetryAttemptSeconds?: number;
  ExecutionControls?: unknown;
  Parameters: Record<string, { ResourceValue?: { Value: string }; StaticValue?: { Values: string[] } }>;
}

const results: ActionRunResult[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
});

/** The fixture (pack + manifest) in a fresh workspace; `manifest` replaces compliance.yml when given. */
function workspace(manifest?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pack-remediation-'));
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'pack-remediation'), dir, { recursive: true });
  if (manifest !== undefined) writeFileSync(join(dir, 'compliance.yml'), manifest);
  return dir;
}

async function action(sim: Simulator, inputs: Record<string, string>, manifest?: string): Promise<ActionRunResult> {
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, config: 'compliance.yml', ...inputs },
    env: { ...sim.env('main'), GITHUB_EVENT_NAME: 'workflow_dispatch' },
    cwd: workspace(manifest),
    deps: { clock: fastClock }
  });
  results.push(r);
  return r;
}

const plan = (r: ActionRunResult): PlanJson =>
  JSON.parse(readFileSync(join(r.dir, r.outputs['plan-file']!), 'utf8')) as PlanJson;
const item = (p: PlanJson, object: string) => p.items.find(i => i.object === object && i.name === RULE);
const stored = (sim: Simulator): StoredConfiguration | undefined =>
  (sim.state.config as { remediationConfigurations: Record<string, StoredConfiguration> }).remediationConfigurations[
    RULE
  ];

describe("a conformance pack's remediation, deployed like a manifest remediation", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'blank' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('plan shows the remediation as a creation declared at the pack line, and warns on Controls/Description', async () => {
    sim.reset();
    const r = await action(sim, {});
    // Nothing is deployed yet, so nothing is checked: the gate fails (issue 9.4), and the plan is still written.
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('fail');
    const p = plan(r);
    expect(p.counts).toEqual({ create: 2, update: 0, delete: 0, unchanged: 0 });
    expect(item(p, 'remediation')).toMatchObject({
      action: 'create',
      declaredAt: expect.stringMatching(/pack\.yaml:24:3$/)
    });
    expect(item(p, 'rule')).toMatchObject({ action: 'create', declaredAt: expect.stringMatching(/pack\.yaml:11:3$/) });
    expect(r.summary).toMatch(
      /\| \+&nbsp;create&nbsp;remediation \| s3-bucket-logging-enabled \|[^\n]*pack\.yaml:24 \|/
    );
    expect(r.stdout).toMatch(
      /::warning [^\n]*pack\.yaml,line=13,[^\n]*::resource attribute Controls of S3BucketLoggingEnabled/
    );
    expect(r.stdout).toMatch(
      /::warning [^\n]*pack\.yaml,line=15,[^\n]*::resource attribute Description of S3BucketLoggingEnabled/
    );
    expect(stored(sim)).toBeUndefined();
  });

  it('apply creates it with every property; re-plan is clean; a changed parameter is an update', async () => {
    sim.reset();
    const applied = await action(sim, { deploy: 'apply', 'fail-on': 'never' });
    expect(applied.exitCode).toBe(0);
    expect(sim.calls().byOperation['config:PutRemediationConfigurations']).toBe(1);
    expect(stored(sim)).toMatchObject({
      TargetId: 'AWS-ConfigureS3BucketLogging',
      TargetVersion: '1',
      ResourceType: 'AWS::S3::Bucket',
      Automatic: false,
      MaximumAutomaticAttempts: 3,
      RetryAttemptSeconds: 60,
      ExecutionControls: { SsmControls: { ConcurrentExecutionRatePercentage: 10, ErrorPercentage: 20 } },
      Parameters: {
        BucketName: { ResourceValue: { Value: 'RESOURCE_ID' } },
        TargetBucket: { StaticValue: { Values: ['access-logs'] } },
        TargetPrefix: { StaticValue: { Values: ['logs/us-east-1/'] } },
        GranteeType: { StaticValue: { Values: ['Group'] } }
      }
    });

    const again = await action(sim, {});
    expect(again.outputs['drift-count']).toBe('0');
    expect(plan(again).counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 2 });

    const changed = await action(
      sim,
      {},
      'version: 1\npacks:\n  - template: pack.yaml\n    parameters:\n      LogBucket: patient-records\n'
    );
    expect(changed.outputs['drift-count']).toBe('1');
    const update = item(plan(changed), 'remediation');
    expect(update).toMatchObject({ action: 'update', changes: [{ field: 'Parameters' }] });
    expect(changed.summary).toContain('patient-records');
  });

  it("finds drift when the account's configuration differs from the pack", async () => {
    sim.reset();
    expect((await action(sim, { deploy: 'apply', 'fail-on': 'never' })).exitCode).toBe(0);
    const conf = stored(sim)!;
    conf.Automatic = true;
    conf.Parameters['TargetBucket'] = { StaticValue: { Values: ['somewhere-else'] } };
    const r = await action(sim, { 'fail-on': 'drift' });
    expect(r.outputs['drift-count']).toBe('1');
    expect(r.exitCode).toBe(1);
    expect(item(plan(r), 'remediation')?.changes.map(c => c.field)).toEqual(['Parameters', 'Automatic']);

    // apply puts the pack's configuration back
    expect((await action(sim, { deploy: 'apply', 'fail-on': 'never' })).exitCode).toBe(0);
    expect(stored(sim)?.Automatic).toBe(false);
    expect(stored(sim)?.Parameters['TargetBucket']).toEqual({ StaticValue: { Values: ['access-logs'] } });
  });

  it('remediate: apply runs AWS-ConfigureS3BucketLogging on the non-compliant buckets; they become compliant', async () => {
    sim.reset();
    // The pack passes the blog's remediation role, whose policy (EBS encryption, SNS) does not cover this runbook:
    // give it what AWS-ConfigureS3BucketLogging's steps call (the runbook reference's required permissions).
    setRolePolicy(sim.state, 'my-hipaa-remediation-role', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:PutBucketLogging', Resource: 'arn:aws:s3:::*' }]
    });
    expect((await action(sim, { deploy: 'apply', 'fail-on': 'never' })).exitCode).toBe(0);
    const buckets = sim.state.resources.s3Buckets;
    expect(buckets['claims-uploads']!.logging).toBeUndefined();

    const r = await action(sim, { remediate: 'apply', evaluate: 'true', alert: 'never' });
    const remediationPlan = JSON.parse(readFileSync(join(r.dir, r.outputs['remediation-plan-file']!), 'utf8')) as {
      targets: { resourceId: string; runbook: { name: string; version: string }; route: string }[];
    };
    expect(
      remediationPlan.targets.map(t => `${t.resourceId} ${t.runbook.name}@${t.runbook.version} ${t.route}`).sort()
    ).toEqual([
      'access-logs AWS-ConfigureS3BucketLogging@1 config',
      'claims-uploads AWS-ConfigureS3BucketLogging@1 config'
    ]);
    expect(buckets['claims-uploads']!.logging).toEqual({
      targetBucket: 'access-logs',
      targetPrefix: 'logs/us-east-1/'
    });
    expect(buckets['access-logs']!.logging).toEqual({ targetBucket: 'access-logs', targetPrefix: 'logs/us-east-1/' });
    expect(r.outputs['remediated-count']).toBe('2');
    expect(r.outputs['remediation-failed-count']).toBe('0');
    expect(r.outputs['noncompliant-count']).toBe('0');
    expect(r.exitCode).toBe(0);

    const check = await action(sim, { deploy: 'off', evaluate: 'true' });
    expect(check.outputs['noncompliant-count']).toBe('0');
    expect(check.exitCode).toBe(0);
  });
});
