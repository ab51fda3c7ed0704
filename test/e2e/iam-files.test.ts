/**
 * The policy files in iam/, proven against the simulated account (which authorizes every request for the calling
 * role, packages/aws-sim/src/core/iam/): each workflow succeeds with exactly its file (placeholders substituted) as
 * the action role's only policy and nothing is denied; and taking out any one action of the file makes the workflow
 * fail with AWS's denial naming that action. So a call the action makes that a file lacks fails here, naming the
 * action to add (e.g. after a feature adds one), and an action no workflow needs is caught as unneeded.
 *
 * The runbook roles' policies that deploy derives from the runbooks' steps (plan.json) are proven the same way: a
 * remediation whose runbook roles hold only the derived policies succeeds, and without any one action it fails.
 *
 * Speed: one simulator per workflow, reset between runs; the action's clock is the simulator's (sleeping advances
 * it), so waits for evaluations cost no wall time. The deploy and remediate files contain the check's statements
 * verbatim (asserted), so those actions are proven once, by the check.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { setActionRolePolicy, setRolePolicy, startSimulator, type Simulator } from 'aws-sim';
import { simClock } from '../helpers/sim-clock.js';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { readPolicy, substitute, type Policy, type Statement } from '../../scripts/lib/iam-tables.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const VALUES = {
  ACCOUNT_ID: '123456789012',
  REGION: 'us-east-1',
  SNS_TOPIC: 'my-sns-topic',
  RUNBOOK_ROLE: 'my-hipaa-*-role'
};
const CHECK = substitute(readPolicy(REPO_ROOT, 'iam/check-policy.json'), VALUES);
const DEPLOY = substitute(readPolicy(REPO_ROOT, 'iam/deploy-policy.json'), VALUES);
const REMEDIATE = substitute(readPolicy(REPO_ROOT, 'iam/remediate-policy.json'), VALUES);

/**
 * Actions a file holds ahead of the calls that need them (added by work merged later): they cannot be proven yet,
 * and the test fails once one IS needed (remove it here then, so it is proven like the rest).
 */
const AHEAD: Record<string, string[]> = {
  remediate: ['config:GetResourceConfigHistory'],
  deploy: [],
  check: []
};
/**
 * Actions only an interrupted run needs (timeout or cancellation stops SSM executions): proven by the cancellation
 * test below rather than by the remediate workflow.
 */
const INTERRUPT_ONLY = ['ssm:StopAutomationExecution'];

const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const allActions = (p: Policy): string[] => [...new Set(p.Statement.flatMap(actionsOf))].sort();

/**
 * The policy without one action (a statement left with none is dropped; a policy left with none allows only
 * sts:GetCallerIdentity, which needs no permission anyway: IAM refuses an empty Statement).
 */
function without(policy: Policy, action: string): Policy {
  const Statement = policy.Statement.map(s => ({ ...s, Action: actionsOf(s).filter(a => a !== action) })).filter(
    s => s.Action.length > 0
  );
  if (Statement.length === 0) Statement.push({ Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: '*' });
  return { ...policy, Statement };
}

// ------------------------------------------------------------------------------------------------ manifests

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** examples/seed copied (automatic remediation off, so only the action's own runs happen), optionally edited. */
function manifest(edit?: (doc: Record<string, unknown>, dir: string) => void): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iam-files-'));
  dirs.push(dir);
  cpSync(join(REPO_ROOT, 'examples', 'seed'), dir, { recursive: true });
  const file = join(dir, 'compliance.yml');
  const doc = parse(readFileSync(file, 'utf8').replace(/automatic: true/g, 'automatic: false')) as Record<
    string,
    unknown
  >;
  edit?.(doc, dir);
  writeFileSync(file, stringify(doc));
  return { file, dir };
}

const SEED = manifest();
/** The remediation runbook's description changed: deploy updates the document. */
const CHANGED = manifest((_doc, dir) => {
  const rb = join(dir, 'runbooks', 'my-hipaa-remediation-runbook.yaml');
  writeFileSync(rb, readFileSync(rb, 'utf8').replace('Turns on EBS encryption', 'Switches on EBS encryption'));
});
/** Without the bucket-logging rule, its alerting runbook and binding: prune deletes them. */
const SMALLER = manifest(doc => {
  doc['rules'] = (doc['rules'] as { name: string }[]).filter(r => r.name !== 's3-bucket-logging-enabled');
  doc['runbooks'] = (doc['runbooks'] as { path: string }[]).filter(r => !r.path.includes('alerting'));
  doc['remediations'] = (doc['remediations'] as { rule: string }[]).filter(r => r.rule !== 's3-bucket-logging-enabled');
});

// ------------------------------------------------------------------------------------------------ runs

const runs: ActionRunResult[] = [];
afterEach(() => {
  for (const r of runs.splice(0)) cleanup(r);
});

async function action(
  sim: Simulator,
  m: { file: string; dir: string },
  inputs: Record<string, string>
): Promise<ActionRunResult> {
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, config: m.file, 'fail-on': 'never', ...inputs },
    env: { ...sim.env('main'), GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_WORKSPACE: m.dir },
    deps: { clock: simClock(sim) }
  });
  runs.push(r);
  return r;
}

/** Everything a run wrote: log, summary, outputs, reports, audit log. */
function printed(r: ActionRunResult): string {
  const parts = [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs)];
  for (const name of ['report-file', 'audit-log-file', 'plan-file', 'remediation-plan-file']) {
    const f = r.outputs[name];
    if (f && existsSync(join(r.dir, f))) parts.push(readFileSync(join(r.dir, f), 'utf8'));
  }
  return parts.join('\n');
}

const DENIED = /is not authorized to perform: ([\w-]+:\w+)/gi;

/** A workflow's outcome: failed (the first failed run's error line) or not, and every action denied on the way. */
interface Outcome {
  failed?: string;
  denied: string[];
}

function outcome(results: ActionRunResult[], sim: Simulator): Outcome {
  const text = results.map(printed).join('\n');
  // Runbook steps report denials in the automation execution's failure message.
  const steps = Object.values((sim.state.ssm as { executions?: Record<string, unknown> }).executions ?? {})
    .map(e => JSON.stringify(e))
    .join('\n');
  const denied = [...new Set([...`${text}\n${steps}`.matchAll(DENIED)].map(m => m[1]!.toLowerCase()))].sort();
  const bad = results.find(r => r.exitCode !== 0);
  const failed = bad ? (/::error::(.*)/.exec(bad.stdout)?.[1] ?? `exit code ${bad.exitCode}`) : undefined;
  return { ...(failed !== undefined ? { failed } : {}), denied };
}

type Workflow = (sim: Simulator, policy: Policy) => Promise<Outcome>;

/** A scheduled check: fresh evaluation, the deploy plan (drift), the remediation plan and its alert. */
const check: Workflow = async (sim, policy) => {
  setActionRolePolicy(sim.state, policy);
  const r = await action(sim, SEED, { deploy: 'plan', evaluate: 'true', remediate: 'plan', alert: 'always' });
  return outcome([r], sim);
};

/** Deploy: create, update, revert (an existing version becomes the default again), prune, destroy. */
const deploy: Workflow = async (sim, policy) => {
  setActionRolePolicy(sim.state, policy);
  const results: ActionRunResult[] = [];
  const steps: [{ file: string; dir: string }, Record<string, string>][] = [
    [SEED, { deploy: 'apply' }],
    [CHANGED, { deploy: 'apply' }],
    [SEED, { deploy: 'apply' }],
    [SMALLER, { deploy: 'apply', prune: 'true' }],
    [SMALLER, { deploy: 'destroy' }]
  ];
  for (const [m, inputs] of steps) {
    const r = await action(sim, m, inputs);
    results.push(r);
    if (r.exitCode !== 0) break;
  }
  return outcome(results, sim);
};

/**
 * Remediation: deployed beforehand (unrestricted), then plan and the approved apply under the policy. Every planned
 * target must have run (remediated-count) and none failed.
 */
const remediate: Workflow = async (sim, policy) => {
  const setup = await action(sim, SEED, { deploy: 'apply' });
  expect(setup.exitCode).toBe(0);
  setActionRolePolicy(sim.state, policy);
  const plan = await action(sim, SEED, { remediate: 'plan', alert: 'never' });
  if (plan.exitCode !== 0) return outcome([plan], sim);
  const planned = (
    JSON.parse(readFileSync(join(plan.dir, plan.outputs['remediation-plan-file']!), 'utf8')) as {
      targets: unknown[];
    }
  ).targets.length;
  expect(planned).toBeGreaterThan(0);
  const apply = await action(sim, SEED, {
    remediate: 'apply',
    alert: 'always',
    'approved-plan-hash': plan.outputs['remediation-plan-hash']!
  });
  const o = outcome([plan, apply], sim);
  const ran = `${apply.outputs['remediated-count']} of ${planned} remediated, ${apply.outputs['remediation-failed-count']} failed`;
  if (!o.failed && ran !== `${planned} of ${planned} remediated, 0 failed`) o.failed = ran;
  return o;
};

// ------------------------------------------------------------------------------------------------ tests

function proveFile(
  name: keyof typeof AHEAD,
  scenario: 'seed' | 'blank',
  policy: Policy,
  run: Workflow,
  skip: readonly string[]
): void {
  describe(`iam/${name}-policy.json`, () => {
    let sim: Simulator;
    beforeAll(async () => {
      sim = await startSimulator({ scenario });
    });
    afterAll(async () => {
      await sim.close();
    });

    it('is enough: the workflow succeeds under exactly this file and nothing is denied', async () => {
      sim.reset();
      const o = await run(sim, policy);
      expect(o).toEqual({ denied: [] });
    }, 60_000);

    const own = allActions(policy).filter(a => !skip.includes(a) && !INTERRUPT_ONLY.includes(a));
    it('is least: without any one of its actions the workflow fails naming that action', async () => {
      const problems: string[] = [];
      for (const a of own) {
        sim.reset();
        const o = await run(sim, without(policy, a));
        const needed = o.failed !== undefined && o.denied.includes(a.toLowerCase());
        if (AHEAD[name]!.includes(a)) {
          if (needed) problems.push(`${a} is needed now: take it out of AHEAD.${name} so it is proven`);
        } else if (!needed) {
          problems.push(
            o.failed === undefined
              ? `${a}: the workflow succeeds without it (not needed, or not exercised)`
              : `${a}: the workflow failed without it, but not naming it (${o.failed}; denied: ${o.denied.join(', ')})`
          );
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  });
}

const checkActions = allActions(CHECK);

describe('the policy files', () => {
  it('are valid JSON with placeholders only where documented, and deploy/remediate contain the check verbatim', () => {
    for (const p of [DEPLOY, REMEDIATE]) {
      for (const s of CHECK.Statement) expect(p.Statement).toContainEqual(s);
    }
    const raw = ['check', 'deploy', 'remediate'].map(n =>
      readFileSync(join(REPO_ROOT, `iam/${n}-policy.json`), 'utf8')
    );
    for (const text of raw) {
      expect(text).not.toMatch(/123456789012|us-east-1/);
      // Every ARN is scoped by account and region placeholders (IAM's global ARNs have no region).
      for (const arn of text.match(/"arn:[^"]+"/g) ?? []) expect(arn).toMatch(/ACCOUNT_ID/);
    }
    const trust = readFileSync(join(REPO_ROOT, 'iam/github-oidc-trust-policy.json'), 'utf8');
    expect(JSON.parse(trust)).toMatchObject({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:OWNER/REPO:*' }
          }
        }
      ]
    });
  });
});

proveFile('check', 'seed', CHECK, check, []);
proveFile('deploy', 'blank', DEPLOY, deploy, checkActions);
proveFile('remediate', 'seed', REMEDIATE, remediate, checkActions);

describe('iam/remediate-policy.json when a run times out', () => {
  /** The EBS runbook sleeps first (aws:sleep PT60S), longer than remediation-timeout: the action stops it. */
  const SLEEPY = manifest((_doc, dir) => {
    const rb = join(dir, 'runbooks', 'my-hipaa-remediation-runbook.yaml');
    writeFileSync(
      rb,
      readFileSync(rb, 'utf8').replace(
        'mainSteps:\n',
        'mainSteps:\n  - name: Wait\n    action: aws:sleep\n    inputs:\n      Duration: PT60S\n'
      )
    );
  });
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
  });
  afterAll(async () => {
    await sim.close();
  });

  async function timeout(policy: Policy): Promise<string> {
    sim.reset();
    expect((await action(sim, SLEEPY, { deploy: 'apply' })).exitCode).toBe(0);
    setActionRolePolicy(sim.state, policy);
    const r = await action(sim, SLEEPY, {
      remediate: 'apply',
      'remediate-resources': '123456789012',
      'remediation-timeout': '20',
      alert: 'never'
    });
    expect(r.outputs['remediation-failed-count']).toBe('1');
    return printed(r);
  }

  it.each(INTERRUPT_ONLY)(
    '%s: the timed-out execution is stopped under the file, and not without the action',
    async a => {
      const text = await timeout(REMEDIATE);
      expect(text).toContain('stopped (StopAutomationExecution)');
      expect(text).not.toMatch(DENIED);
      const without_ = await timeout(without(REMEDIATE, a));
      expect(without_).toMatch(new RegExp(`could not stop it: .*is not authorized to perform: ${a}`));
    },
    60_000
  );
});

describe("the runbook roles' policies deploy derives (plan.json)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
  });
  afterAll(async () => {
    await sim.close();
  });

  /** The derived policy of each runbook role, from a deploy plan (role name -> policy). */
  async function derived(): Promise<Map<string, Policy>> {
    sim.reset();
    const r = await action(sim, SEED, { deploy: 'plan' });
    expect(r.exitCode).toBe(0);
    const plan = JSON.parse(readFileSync(join(r.dir, r.outputs['plan-file']!), 'utf8')) as {
      runbooks: { name: string; policy: Policy }[];
    };
    const byRunbook = new Map(plan.runbooks.map(x => [x.name, x.policy]));
    const roles = new Map<string, Policy>();
    for (const b of parse(readFileSync(SEED.file, 'utf8')).remediations as {
      runbook: string;
      parameters: { AutomationAssumeRole: string };
    }[]) {
      const role = b.parameters.AutomationAssumeRole.split('/').pop()!;
      roles.set(role, byRunbook.get(b.runbook)!);
    }
    expect([...roles.keys()].sort()).toEqual(['my-hipaa-alerting-role', 'my-hipaa-remediation-role']);
    return roles;
  }

  /** Remediation (unrestricted action role) with the runbook roles holding exactly `roles`' policies. */
  async function remediateWith(roles: Map<string, Policy>): Promise<Outcome> {
    sim.reset();
    expect((await action(sim, SEED, { deploy: 'apply' })).exitCode).toBe(0);
    for (const [role, policy] of roles) setRolePolicy(sim.state, role, policy);
    const r = await action(sim, SEED, { remediate: 'apply', alert: 'never' });
    const o = outcome([r], sim);
    if (!o.failed && r.outputs['remediation-failed-count'] !== '0') o.failed = 'a remediation failed';
    return o;
  }

  it('a remediation under runbook roles holding only the derived policies succeeds; without any one action it fails naming it', async () => {
    const roles = await derived();
    expect(await remediateWith(roles)).toEqual({ denied: [] });
    const problems: string[] = [];
    for (const [role, policy] of roles) {
      for (const a of allActions(policy)) {
        const o = await remediateWith(new Map([...roles, [role, without(policy, a)]]));
        if (o.failed === undefined || !o.denied.includes(a.toLowerCase())) {
          problems.push(`${role} without ${a}: ${o.failed ?? 'succeeded'} (denied: ${o.denied.join(', ')})`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
