/**
 * deploy-as: conformance-pack on `seed` (the built-in hipaa-security pack and a manifest's loose rules as generated
 * packs: plan -> apply -> re-plan clean -> destroy, the size limit, CREATE_FAILED) and deploy-as:
 * organization-conformance-pack on `org` (every member's status, 666666666666's failure failing the step,
 * excluded-accounts). Against the simulator, through the real SDK.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, REPO_ROOT as REPO, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
import type { Clock } from '../../src/util/clock.js';
import { Ajv } from 'ajv';

const validateReport = new Ajv({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(new URL('../../src/report/compliance-report.schema.json', import.meta.url), 'utf8')) as object
);

const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 5)) };

interface PlanJson {
  counts: Record<string, number>;
  drift: number;
  items: { object: string; name: string; action: string; changes: { field: string }[] }[];
}
interface ReportJson {
  conformancePacks?: {
    mode: string;
    packs: { name: string; compliance?: string; score?: string; members?: { accountId: string; status: string }[] }[];
    failedMembers: { accountId: string; errorCode?: string; errorMessage?: string }[];
  };
}

const results: ActionRunResult[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
});

async function action(
  sim: Simulator,
  role: string,
  inputs: Record<string, string>,
  workspace: string
): Promise<ActionRunResult> {
  const r = await runInProcess({
    // config is a path from the working directory: the workspace's manifest by its absolute path.
    inputs: {
      'aws-region': 'us-east-1',
      'role-to-assume': role,
      ...inputs,
      ...(inputs.config ? { config: join(workspace, inputs.config) } : {})
    },
    env: { ...sim.env('main'), GITHUB_WORKSPACE: workspace },
    deps: { clock: fastClock }
  });
  results.push(r);
  return r;
}

const plan = (r: ActionRunResult): PlanJson =>
  JSON.parse(readFileSync(join(r.dir, r.outputs['plan-file']!), 'utf8')) as PlanJson;
function report(r: ActionRunResult): ReportJson {
  const json = JSON.parse(readFileSync(join(r.dir, r.outputs['report-file']!), 'utf8')) as ReportJson;
  // The conformancePacks block is declared in the report's schema.
  expect(validateReport(json) ? [] : validateReport.errors).toEqual([]);
  return json;
}
const errors = (r: ActionRunResult): string[] =>
  r.stdout
    .split('\n')
    .filter(l => l.startsWith('::error'))
    .map(l => l.replace(/%0A/g, '\n'));
const packsIn = (sim: Simulator): string[] =>
  Object.keys((sim.state.config as { conformancePacks?: Record<string, unknown> }).conformancePacks ?? {}).sort();

function workspaceWith(manifest: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-as-'));
  writeFileSync(join(dir, 'compliance.yml'), manifest);
  return dir;
}

const LOOSE_RULES = `version: 1
rules:
  - name: s3-bucket-logging-enabled
    identifier: S3_BUCKET_LOGGING_ENABLED
    description: S3 buckets that hold PHI must log every access.
    resource-types: [AWS::S3::Bucket]
  - name: ec2-ebs-encryption-by-default
    identifier: EC2_EBS_ENCRYPTION_BY_DEFAULT
`;

describe('deploy-as: conformance-pack on seed', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
  let sim: Simulator;
  let ws: string;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
    ws = workspaceWith(LOOSE_RULES);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('hipaa-security: plan creates one pack, apply deploys it, re-plan is clean, destroy removes it', async () => {
    sim.reset();
    const base = { 'conformance-pack': 'hipaa-security', 'deploy-as': 'conformance-pack', 'fail-on': 'never' };
    const planned = await action(sim, ROLE, base, ws);
    // No pack in the account yet: nothing of the manifest is checked, which is not a pass.
    expect(planned.exitCode).toBe(1);
    expect(errors(planned).join('\n')).toContain(
      'no rules were checked: none of the 130 rule(s) of the manifest is deployed'
    );
    expect(plan(planned).items.map(i => `${i.action} ${i.object} ${i.name}`)).toEqual([
      'create conformance-pack hipaa-security'
    ]);
    expect(planned.outputs['drift-count']).toBe('1');
    expect(packsIn(sim)).toEqual([]);

    const applied = await action(sim, ROLE, { ...base, deploy: 'apply' }, ws);
    expect(errors(applied)).toEqual([]);
    expect(packsIn(sim)).toEqual(['hipaa-security']);
    const packs = report(applied).conformancePacks!;
    expect(packs.mode).toBe('conformance-pack');
    expect(packs.packs[0]!.compliance).toMatch(/^(COMPLIANT|NON_COMPLIANT|INSUFFICIENT_DATA)$/);
    expect(packs.packs[0]!.score).toBeDefined();
    expect(applied.summary).toContain('### Conformance packs');
    expect(applied.summary).toContain('**hipaa-security**');
    // The pack's rules are what the run checks (AWS Config names them RULE-conformance-pack-SUFFIX).
    expect(Number(applied.outputs['checked-rules'])).toBeGreaterThan(100);

    const replanned = await action(sim, ROLE, base, ws);
    expect(plan(replanned).counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 1 });
    expect(replanned.outputs['drift-count']).toBe('0');

    const destroyed = await action(sim, ROLE, { ...base, deploy: 'destroy' }, ws);
    expect(errors(destroyed)).toEqual([]);
    expect(plan(destroyed).items.map(i => `${i.action} ${i.name}`)).toEqual(['delete hipaa-security']);
    expect(packsIn(sim)).toEqual([]);
  });

  it('a template changed out of band is drift on the template hash and apply puts it back', async () => {
    sim.reset();
    const base = { config: 'compliance.yml', 'deploy-as': 'conformance-pack', 'fail-on': 'never' };
    await action(sim, ROLE, { ...base, deploy: 'apply' }, ws);
    expect(packsIn(sim)).toEqual(['compliance-gate-rules']);
    const edited = workspaceWith(
      LOOSE_RULES.replace(
        '  - name: ec2-ebs-encryption-by-default\n    identifier: EC2_EBS_ENCRYPTION_BY_DEFAULT\n',
        ''
      )
    );
    const drift = await action(sim, ROLE, { ...base, 'fail-on': 'drift' }, edited);
    expect(drift.exitCode).toBe(1);
    expect(plan(drift).items.map(i => `${i.action} ${i.name} ${i.changes.map(c => c.field).join()}`)).toEqual([
      'update compliance-gate-rules Template (sha256)'
    ]);
    const reapplied = await action(sim, ROLE, { ...base, deploy: 'apply' }, edited);
    expect(errors(reapplied)).toEqual([]);
    const clean = await action(sim, ROLE, base, edited);
    expect(clean.outputs['drift-count']).toBe('0');
  });

  it('a template over 51,200 bytes is an error naming the limit and template-s3-bucket', async () => {
    sim.reset();
    const long = `version: 1\nrules:\n${Array.from(
      { length: 400 },
      (_, i) =>
        `  - name: s3-logging-${i}-${'x'.repeat(60)}\n    identifier: S3_BUCKET_LOGGING_ENABLED\n    resource-types: [AWS::S3::Bucket]\n`
    ).join('')}`;
    const r = await action(
      sim,
      ROLE,
      { config: 'compliance.yml', 'deploy-as': 'conformance-pack', deploy: 'apply' },
      workspaceWith(long)
    );
    expect(r.exitCode).toBe(1);
    expect(errors(r).join('\n')).toMatch(/over AWS Config's 51200-byte TemplateBody limit.*template-s3-bucket/);
    expect(packsIn(sim)).toEqual([]);
  });

  it('CREATE_FAILED (after CREATE_IN_PROGRESS) fails the step with its reason', async () => {
    const slow = await startSimulator({ scenario: 'seed', options: { conformancePackSeconds: 0.05 } });
    try {
      const base = { config: 'compliance.yml', 'deploy-as': 'conformance-pack', 'fail-on': 'never' };
      // Learn the suffix AWS Config gives this pack's rules, then take the name of one of them with a plain rule.
      expect(errors(await action(slow, ROLE, { ...base, deploy: 'apply' }, ws))).toEqual([]);
      const packs = (slow.state.config as { conformancePacks: Record<string, { suffix: string }> }).conformancePacks;
      const taken = `ec2-ebs-encryption-by-default-conformance-pack-${packs['compliance-gate-rules']!.suffix}`;
      expect(errors(await action(slow, ROLE, { ...base, deploy: 'destroy' }, ws))).toEqual([]);
      const clash = workspaceWith(
        `version: 1\nrules:\n  - name: ${taken}\n    identifier: EC2_EBS_ENCRYPTION_BY_DEFAULT\n`
      );
      expect(
        errors(await action(slow, ROLE, { config: 'compliance.yml', deploy: 'apply', 'fail-on': 'never' }, clash))
      ).toEqual([]);

      const r = await action(slow, ROLE, { ...base, deploy: 'apply' }, ws);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain(
        'conformance pack compliance-gate-rules is CREATE_IN_PROGRESS, waiting until it is CREATE_COMPLETE'
      );
      expect(errors(r).join('\n')).toContain(
        `conformance pack compliance-gate-rules is CREATE_FAILED: The Config rule ${taken} already exists and does not belong to this conformance pack.`
      );
    } finally {
      await slow.close();
    }
  });

  it('a manifest with runbooks is refused: packs hold rules and remediations only', async () => {
    sim.reset();
    const r = await action(
      sim,
      ROLE,
      { config: 'examples/seed/compliance.yml', 'deploy-as': 'conformance-pack' },
      REPO
    );
    expect(r.exitCode).toBe(1);
    expect(errors(r).join('\n')).toMatch(
      /declares 2 runbook\(s\) \(first: my-hipaa-alerting-runbook at .*compliance\.yml:\d+\)/
    );
  });
});

describe('deploy-as: organization-conformance-pack on org', () => {
  const ROLE = 'arn:aws:iam::111111111111:role/compliance-gate';
  const MEMBERS = [
    '111111111111',
    '222222222222',
    '333333333333',
    '444444444444',
    '555555555555',
    '666666666666',
    '777777777777'
  ];
  let sim: Simulator;
  let ws: string;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'org' });
    ws = workspaceWith(LOOSE_RULES);
  });
  afterAll(async () => {
    await sim.close();
  });
  const base = { config: 'compliance.yml', 'deploy-as': 'organization-conformance-pack' };

  it('apply shows every member, fails the step on 666666666666; re-plan is clean; destroy removes it', async () => {
    sim.reset();
    const planned = await action(sim, ROLE, { ...base, 'fail-on': 'never' }, ws);
    expect(plan(planned).items.map(i => `${i.action} ${i.object} ${i.name}`)).toEqual([
      'create organization-conformance-pack compliance-gate-rules'
    ]);

    const applied = await action(sim, ROLE, { ...base, deploy: 'apply', 'fail-on': 'noncompliant' }, ws);
    expect(applied.exitCode).toBe(1);
    const block = report(applied).conformancePacks!;
    expect(block.packs[0]!.members!.map(m => m.accountId)).toEqual(MEMBERS);
    expect(block.failedMembers).toEqual([
      expect.objectContaining({ accountId: '666666666666', errorCode: 'NoAvailableConfigurationRecorderException' })
    ]);
    expect(errors(applied).join('\n')).toContain(
      'Organization conformance pack failed in 1 member account(s): 666666666666'
    );
    for (const m of MEMBERS) expect(applied.summary).toContain(`| ${m} | compliance-gate-rules |`);
    expect(applied.summary).toMatch(
      /666666666666 \(compliance-gate-rules\): CREATE_FAILED NoAvailableConfigurationRecorderException: /
    );

    // The member's failure is a deployment failure, not drift: re-planned, the pack is unchanged.
    const replanned = await action(sim, ROLE, { ...base, 'fail-on': 'never' }, ws);
    expect(replanned.exitCode).toBe(0);
    expect(plan(replanned).counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 1 });
    expect(replanned.outputs['drift-count']).toBe('0');
    expect(replanned.stdout).toContain('Organization conformance pack failed in 1 member(s): 666666666666');

    const destroyed = await action(sim, ROLE, { ...base, deploy: 'destroy', 'fail-on': 'never' }, ws);
    expect(errors(destroyed)).toEqual([]);
    expect(plan(destroyed).items.map(i => `${i.action} ${i.name}`)).toEqual(['delete compliance-gate-rules']);
    expect(
      Object.keys(
        (sim.state.config as { organizationConformancePacks?: Record<string, unknown> }).organizationConformancePacks ??
          {}
      )
    ).toEqual([]);
  });

  it('excluded-accounts: the excluded member gets no pack, and the others all succeed', async () => {
    sim.reset();
    const r = await action(sim, ROLE, { ...base, deploy: 'apply', 'excluded-accounts': '666666666666' }, ws);
    const block = report(r).conformancePacks!;
    expect(block.packs[0]!.members!.map(m => `${m.accountId} ${m.status}`)).toEqual(
      MEMBERS.filter(m => m !== '666666666666').map(m => `${m} CREATE_SUCCESSFUL`)
    );
    expect(block.failedMembers).toEqual([]);
    expect(errors(r).join('\n')).not.toContain('Organization conformance pack failed');
    // Changing the exclusions is drift on the pack.
    const replanned = await action(sim, ROLE, { ...base, 'fail-on': 'never' }, ws);
    expect(plan(replanned).items.map(i => `${i.action} ${i.changes.map(c => c.field).join()}`)).toEqual([
      'update ExcludedAccounts'
    ]);
  });
});
