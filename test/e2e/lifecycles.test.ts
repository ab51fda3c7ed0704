/**
 * Deploy against an account that finishes changes later, as AWS does: runbooks are Creating/Updating before Active,
 * deleted rules are DELETING (ResourceInUseException meanwhile). The action's clock is the simulator's: a sleep of
 * the action advances the simulator's clock, so the waits take no real time.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DeleteConfigRuleCommand,
  DeleteRemediationConfigurationCommand
} from '@aws-sdk/client-config-service';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
import { simClock } from '../helpers/sim-clock.js';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const SEED_MANIFEST = join(REPO_ROOT, 'examples', 'seed', 'compliance.yml');
const RULES = ['ec2-ebs-encryption-by-default', 's3-bucket-logging-enabled'];
const DOCS = ['my-hipaa-alerting-runbook', 'my-hipaa-remediation-runbook'];

const results: ActionRunResult[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
});

async function action(sim: Simulator, clock: Clock, inputs: Record<string, string>): Promise<ActionRunResult> {
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, config: SEED_MANIFEST, ...inputs },
    env: { ...sim.env('main'), GITHUB_WORKSPACE: REPO_ROOT },
    deps: { clock }
  });
  results.push(r);
  return r;
}

function failure(r: ActionRunResult): string {
  const i = r.stdout.indexOf('::error::');
  return i < 0
    ? ''
    : r.stdout
        .slice(i + 9)
        .split('\n')[0]!
        .replace(/%0A/g, '\n');
}

function planItems(r: ActionRunResult): string[] {
  const p = JSON.parse(readFileSync(join(r.dir, r.outputs['plan-file']!), 'utf8')) as {
    items: { object: string; name: string; action: string }[];
  };
  return p.items.map(i => `${i.action} ${i.object} ${i.name}`).sort();
}

const ruleNames = (sim: Simulator): string[] =>
  Object.keys((sim.state.config as { rules?: Record<string, unknown> }).rules ?? {}).sort();
const docStatuses = (sim: Simulator): (string | undefined)[] => {
  const docs = (sim.state.ssm as { documents?: Record<string, { versions: Record<string, { status?: string }> }> })
    .documents;
  return DOCS.map(n => Object.values(docs?.[n]?.versions ?? {}).map(v => v.status ?? 'Active')[0]);
};

describe('deploy on an account with asynchronous states', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'blank',
      options: {
        ruleDeleteSeconds: 5,
        documentActivationSeconds: 3,
        documentActivationFailures: {}
      }
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('apply waits until the runbooks are Active before binding remediations, and says so', async () => {
    sim.reset();
    const clock = simClock(sim);
    const r = await action(sim, clock, { deploy: 'apply', 'fail-on': 'never' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      'runbook my-hipaa-alerting-runbook is Creating, waiting until it is Active; retrying in 1s.'
    );
    expect(r.stdout).toContain('Created remediation for s3-bucket-logging-enabled.');
    expect(docStatuses(sim)).toEqual(['Active', 'Active']);
    // Waited on the action's clock: 1 s, then 2 s (3 s of activation), per runbook.
    expect(clock.slept.slice(0, 2)).toEqual([1000, 2000]);
  });

  it('destroy waits until AWS Config has deleted the rules', async () => {
    sim.reset();
    const clock = simClock(sim);
    expect((await action(sim, clock, { deploy: 'apply', 'fail-on': 'never' })).exitCode).toBe(0);
    const destroyed = await action(sim, clock, { deploy: 'destroy' });
    expect(destroyed.exitCode).toBe(0);
    expect(destroyed.stdout).toContain(
      'rule s3-bucket-logging-enabled is DELETING, waiting until AWS Config has deleted it; retrying in 1s.'
    );
    // Gone when the run ends, without moving the clock further.
    expect(ruleNames(sim)).toEqual([]);
  });

  it('while rules are DELETING, a plan shows them as creations and apply retries until Config is done', async () => {
    sim.reset();
    const clock = simClock(sim);
    expect((await action(sim, clock, { deploy: 'apply', 'fail-on': 'never' })).exitCode).toBe(0);
    // Deleted by someone else (or a destroy that did not wait): both rules are DELETING for 5 s.
    const config = new ConfigServiceClient({
      region: 'us-east-1',
      endpoint: sim.url,
      credentials: sim.staticCredentials()
    });
    try {
      for (const name of RULES) {
        await config.send(new DeleteRemediationConfigurationCommand({ ConfigRuleName: name }));
        await config.send(new DeleteConfigRuleCommand({ ConfigRuleName: name }));
      }
    } finally {
      config.destroy();
    }
    expect(ruleNames(sim)).toEqual(RULES);

    const planned = await action(sim, clock, { deploy: 'plan', 'fail-on': 'never' });
    expect(planItems(planned).filter(i => !i.includes('runbook'))).toEqual([
      'create remediation ec2-ebs-encryption-by-default',
      'create remediation s3-bucket-logging-enabled',
      'create rule ec2-ebs-encryption-by-default',
      'create rule s3-bucket-logging-enabled'
    ]);

    const reapplied = await action(sim, clock, { deploy: 'apply', 'fail-on': 'never' });
    expect(reapplied.exitCode).toBe(0);
    expect(reapplied.stdout).toContain(
      'rule s3-bucket-logging-enabled is being deleted by AWS Config; retrying in 1s.'
    );
    expect(reapplied.stdout).toContain('Created rule s3-bucket-logging-enabled.');
    expect(ruleNames(sim)).toEqual(RULES);
  });

  it('a runbook that ends Failed is an error naming it and AWS StatusInformation', async () => {
    const failing = await startSimulator({
      scenario: 'blank',
      options: {
        documentActivationSeconds: 2,
        documentActivationFailures: { 'my-hipaa-remediation-runbook': 'Step changeEbs uses an unknown action.' }
      }
    });
    try {
      const r = await action(failing, simClock(failing), { deploy: 'apply', 'fail-on': 'never' });
      expect(r.exitCode).toBe(1);
      expect(failure(r)).toContain(
        'DocumentFailed: runbook my-hipaa-remediation-runbook version 1 is Failed: Step changeEbs uses an unknown action.'
      );
      // Nothing was bound to the failed runbook.
      expect(
        Object.keys(
          (failing.state.config as { remediationConfigurations?: Record<string, unknown> }).remediationConfigurations ??
            {}
        )
      ).toEqual([]);
    } finally {
      await failing.close();
    }
  });
});
