/**
 * The blog's test, end to end through the action: seed + examples/seed. Manual remediation with oversight (plan,
 * limits, approval, pull-request refusal, audit) and automatic remediation by AWS Config.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanup, everythingPrinted, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { pullRequestEvent } from '../helpers/fake-github.js';
import { startSimulator, type Simulator } from 'aws-sim';
import { simClock } from '../helpers/sim-clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:my-sns-topic';

/** examples/seed copied to a temp dir; `manual` switches automatic remediation off so the action's own runs show. */
function seedManifest(manual: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  cpSync(join(REPO_ROOT, 'examples', 'seed'), dir, { recursive: true });
  const file = join(dir, 'compliance.yml');
  if (manual) writeFileSync(file, readFileSync(file, 'utf8').replace(/automatic: true/g, 'automatic: false'));
  return file;
}

const results: ActionRunResult[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
});

async function action(
  sim: Simulator,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<ActionRunResult> {
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, ...inputs },
    env: {
      ...sim.env('main'),
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      // The copied example is the repository: the files its manifest references must be inside the workspace.
      ...(inputs.config ? { GITHUB_WORKSPACE: dirname(inputs.config) } : {}),
      ...env
    },
    // The seed account has AWS's delays (recorder lag, document activation): waits run on the simulator's clock.
    deps: { clock: simClock(sim) }
  });
  results.push(r);
  return r;
}

function failure(r: ActionRunResult): string {
  const i = r.stdout.indexOf('::error::');
  return i < 0 ? '' : r.stdout.slice(i + 9).split('\n')[0]!;
}

function audit(r: ActionRunResult): { status?: string; event?: string; rule?: string; resourceId?: string }[] {
  return readFileSync(join(r.dir, r.outputs['audit-log-file']!), 'utf8')
    .trim()
    .split('\n')
    .map(l => JSON.parse(l) as Record<string, string>);
}

const messages = (sim: Simulator): string[] =>
  sim.state.sns.messages.filter(m => m.topicArn === TOPIC).map(m => m.message);

describe('manual remediation on the seed account (the blog as code, automatic off)', () => {
  let sim: Simulator;
  let manifest: string;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
    manifest = seedManifest(true);
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.reset();
    const deployed = await action(sim, { config: manifest, deploy: 'apply', 'fail-on': 'never' });
    expect(deployed.exitCode).toBe(0);
    sim.state.sns.messages.length = 0;
    sim.resetCalls();
  });

  it('remediate: plan lists 3 targets and changes nothing', async () => {
    const r = await action(sim, { config: manifest, remediate: 'plan', 'fail-on': 'never', alert: 'never' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['remediation-plan-hash']).toMatch(/^[0-9a-f]{64}$/);
    const plan = JSON.parse(readFileSync(join(r.dir, r.outputs['remediation-plan-file']!), 'utf8')) as {
      targets: { rule: string; resourceId: string; runbook: { name: string } }[];
    };
    expect(plan.targets.map(t => `${t.rule} ${t.resourceId} ${t.runbook.name}`).sort()).toEqual([
      'ec2-ebs-encryption-by-default 123456789012 my-hipaa-remediation-runbook',
      's3-bucket-logging-enabled access-logs my-hipaa-alerting-runbook',
      's3-bucket-logging-enabled claims-uploads my-hipaa-alerting-runbook'
    ]);
    expect(
      Object.keys(sim.calls().byOperation).filter(op => /Start(Remediation|Automation)Execution/.test(op))
    ).toEqual([]);
    expect(messages(sim)).toEqual([]);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    expect(r.summary).toContain(r.outputs['remediation-plan-hash']!);
  });

  it('remediate: apply runs the plan: SNS alerts, EBS fixed and verified, buckets alerted so the gate fails', async () => {
    const r = await action(sim, { config: manifest, remediate: 'apply', alert: 'never' });
    expect(messages(sim).sort()).toEqual([
      'EBS encryption is enabled in this account.',
      'S3 Bucket access-logs server access logging is disabled.',
      'S3 Bucket claims-uploads server access logging is disabled.'
    ]);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    expect(r.outputs['remediated-count']).toBe('3');
    expect(r.outputs['remediation-failed-count']).toBe('0');
    const finished = audit(r).filter(
      x => x.status && ['verified', 'succeeded-unverified', 'alerted'].includes(x.status)
    );
    // The alerting runbook only publishes: alerted (counted in remediated-count), the findings stay open.
    expect(finished.map(x => `${x.resourceId} ${x.status}`).sort()).toEqual([
      '123456789012 verified',
      'access-logs alerted',
      'claims-uploads alerted'
    ]);
    // The verified EBS finding no longer counts; the two buckets still do.
    expect(r.exitCode).toBe(1);
    expect(r.outputs['noncompliant-count']).toBe('2');
    expect(failure(r)).toContain('2 non-compliant resources in 1 rule');
    const printed = everythingPrinted(r) + readFileSync(join(r.dir, r.outputs['audit-log-file']!), 'utf8');
    for (const secret of sim.secrets()) expect(printed).not.toContain(secret);
  });

  it('more targets than max-remediations refuses the whole run, listing them', async () => {
    const r = await action(sim, { config: manifest, remediate: 'apply', 'max-remediations': '2', alert: 'never' });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toMatch(/3 targets exceed max-remediations \(2\); nothing was run.*Targets: .*claims-uploads/);
    expect(messages(sim)).toEqual([]);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
  });

  it('a pull_request event refuses apply', async () => {
    const eventFile = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
    writeFileSync(eventFile, JSON.stringify(pullRequestEvent({ baseRepo: 'example-org/healthcare-infra' })));
    const r = await action(
      sim,
      { config: manifest, remediate: 'apply', alert: 'never', 'github-token': '' },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile }
    );
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toMatch(/pull.request/i);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
  });

  it.each(['workflow_run', 'issue_comment'])(
    'a %s event refuses apply, naming the event and remediate-on; nothing starts',
    async event => {
      const r = await action(
        sim,
        { config: manifest, remediate: 'apply', alert: 'never' },
        { GITHUB_EVENT_NAME: event }
      );
      expect(r.exitCode).toBe(1);
      expect(failure(r)).toContain(
        `remediate: apply refused on event '${event}': not in remediate-on (workflow_dispatch, schedule)`
      );
      expect(Object.keys(sim.calls().byOperation).filter(op => /Start(Remediation|Automation)/.test(op))).toEqual([]);
      expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
      expect(r.outputs['remediation-plan-hash']).toMatch(/^[0-9a-f]{64}$/);
      expect(audit(r).map(x => x.event)).toEqual(['plan-computed', 'refused']);
    }
  );

  it('workflow_run named in remediate-on runs, with a warning about untrusted code', async () => {
    const r = await action(
      sim,
      { config: manifest, remediate: 'apply', alert: 'never', 'fail-on': 'never', 'remediate-on': 'workflow_run' },
      { GITHUB_EVENT_NAME: 'workflow_run' }
    );
    expect(r.stdout).toMatch(/::warning::remediate-on names workflow_run: this event runs code from pull requests/);
    expect(r.exitCode).toBe(0);
    expect(r.outputs['remediated-count']).toBe('3');
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
  });

  it('schedule (a default remediate-on event) runs; plan runs on a pull request', async () => {
    const plan = await action(
      sim,
      { config: manifest, remediate: 'plan', alert: 'never', 'fail-on': 'never' },
      { GITHUB_EVENT_NAME: 'merge_group' }
    );
    expect(plan.exitCode).toBe(0);
    expect(plan.outputs['remediation-plan-hash']).toMatch(/^[0-9a-f]{64}$/);
    const r = await action(
      sim,
      { config: manifest, remediate: 'apply', alert: 'never', 'fail-on': 'never' },
      { GITHUB_EVENT_NAME: 'schedule' }
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('untrusted');
    expect(r.outputs['remediated-count']).toBe('3');
  });

  it('a workflow that still sets allow-on-pull-request gets an error naming remediate-on', async () => {
    const r = await action(sim, { config: manifest, remediate: 'apply', 'allow-on-pull-request': 'true' });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toMatch(/allow-on-pull-request' was removed: use 'remediate-on'/);
    expect(sim.calls().total).toBe(0);
  });

  it('a wrong approved-plan-hash refuses; the right one runs', async () => {
    const wrong = await action(sim, {
      config: manifest,
      remediate: 'apply',
      'approved-plan-hash': '0'.repeat(64),
      alert: 'never'
    });
    expect(wrong.exitCode).toBe(1);
    expect(failure(wrong)).toMatch(/plan|hash/i);
    expect(messages(sim)).toEqual([]);
    const plan = await action(sim, { config: manifest, remediate: 'plan', 'fail-on': 'never', alert: 'never' });
    const right = await action(sim, {
      config: manifest,
      remediate: 'apply',
      'approved-plan-hash': plan.outputs['remediation-plan-hash']!,
      'fail-on': 'never',
      alert: 'never'
    });
    expect(right.exitCode).toBe(0);
    expect(right.outputs['remediated-count']).toBe('3');
  });

  it('alert: always publishes the action’s own summary to the topic, with the run URL', async () => {
    await action(sim, { config: manifest, remediate: 'plan', 'fail-on': 'never', alert: 'always' });
    const alert = messages(sim).find(m =>
      m.includes('https://github.com/example-org/healthcare-infra/actions/runs/1234567890')
    );
    expect(alert).toBeDefined();
    expect(alert).toContain('s3-bucket-logging-enabled');
  });
});

describe('automatic remediation (examples/seed as published)', () => {
  it('disabling EBS encryption and re-evaluating brings it back without the action starting anything', async () => {
    const sim = await startSimulator({ scenario: 'seed' });
    try {
      const manifest = seedManifest(false);
      const deployed = await action(sim, { config: manifest, deploy: 'apply', 'fail-on': 'never' });
      expect(deployed.exitCode).toBe(0);
      sim.state.resources.ebsEncryptionByDefault['us-east-1'] = false;
      sim.resetCalls();
      const r = await action(sim, { config: manifest, deploy: 'off', evaluate: 'true', 'fail-on': 'never' });
      expect(r.exitCode).toBe(0);
      // AWS Config ran the remediation; the action only evaluated and read.
      const started = Object.keys(sim.calls().byOperation).filter(op =>
        /Start(Remediation|Automation)Execution/.test(op)
      );
      expect(started).toEqual([]);
      for (let i = 0; i < 50 && !sim.state.resources.ebsEncryptionByDefault['us-east-1']; i++) {
        await new Promise(res => setTimeout(res, 20));
      }
      expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
      expect(messages(sim)).toContain('EBS encryption is enabled in this account.');
    } finally {
      await sim.close();
    }
  });
});
