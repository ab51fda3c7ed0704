/**
 * Compliance as code end to end: examples/seed (the blog as code) and the built-in hipaa-security pack deployed to
 * the simulated account with plan / apply / destroy, manifest errors with file:line:col.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const SEED_MANIFEST = join(REPO_ROOT, 'examples', 'seed', 'compliance.yml');
const fastClock: Clock = { now: () => new Date(), sleep: ms => new Promise(r => setTimeout(r, Math.min(ms, 50))) };
const WRITES = /:(Put|Create|Update|Delete|Tag|Untag|Start)/;

interface PlanJson {
  mode: string;
  counts: Record<string, number>;
  drift: number;
  items: { object: string; name: string; action: string; declaredAt?: string }[];
  runbooks: { name: string; policy: { Statement: { Action: string[]; Resource: string[] }[] } }[];
  rules: { name: string; hipaaSections: string[] }[];
}

const results: ActionRunResult[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
});

async function action(
  sim: Simulator,
  inputs: Record<string, string>,
  workspace: string = REPO_ROOT
): Promise<ActionRunResult> {
  const r = await runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, ...inputs },
    // The manifest is the repository's example: the repository is the workspace its files must be in.
    env: { ...sim.env('main'), GITHUB_WORKSPACE: workspace },
    deps: { clock: fastClock }
  });
  results.push(r);
  return r;
}

function plan(r: ActionRunResult): PlanJson {
  return JSON.parse(readFileSync(join(r.dir, r.outputs['plan-file']!), 'utf8')) as PlanJson;
}

function writeCalls(sim: Simulator): Record<string, number> {
  return Object.fromEntries(Object.entries(sim.calls().byOperation).filter(([op]) => WRITES.test(op)));
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

/** What the account holds that deploy manages: rules, remediation configurations, our documents. */
function managedState(sim: Simulator): unknown {
  const config = sim.state.config as {
    rules?: Record<string, unknown>;
    remediationConfigurations?: Record<string, unknown>;
  };
  const ssm = sim.state.ssm as { documents?: Record<string, unknown> };
  return {
    rules: Object.keys(config.rules ?? {}).sort(),
    remediations: Object.keys(config.remediationConfigurations ?? {}).sort(),
    documents: Object.keys(ssm.documents ?? {})
      .filter(n => !n.startsWith('AWS-'))
      .sort()
  };
}

describe('examples/seed on the blank account', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'blank' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('plan shows 6 creations, writes nothing, and derives the runbooks least-privilege policies', async () => {
    sim.reset();
    const r = await action(sim, { config: SEED_MANIFEST });
    // None of the manifest's rules is deployed yet: nothing is checked, which is not a pass (a gate result, so
    // every output and report is still written).
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('fail');
    expect(failure(r)).toBe(
      'Compliance gate failed: no rules were checked: none of the 2 rule(s) of the manifest is deployed in the account ' +
        'yet (deploy: plan creates nothing; deploy: apply does): s3-bucket-logging-enabled, ec2-ebs-encryption-by-default'
    );
    expect(r.outputs['checked-rules']).toBe('0');
    expect(r.summary).toContain('Compliance gate failed: no rules were checked');
    expect(existsSync(join(r.dir, r.outputs['report-file']!))).toBe(true);
    expect(r.outputs['drift-count']).toBe('6');
    const p = plan(r);
    expect(p.mode).toBe('plan');
    expect(p.counts).toEqual({ create: 6, update: 0, delete: 0, unchanged: 0 });
    expect(p.items.map(i => `${i.action} ${i.object} ${i.name}`).sort()).toEqual([
      'create remediation ec2-ebs-encryption-by-default',
      'create remediation s3-bucket-logging-enabled',
      'create rule ec2-ebs-encryption-by-default',
      'create rule s3-bucket-logging-enabled',
      'create runbook my-hipaa-alerting-runbook',
      'create runbook my-hipaa-remediation-runbook'
    ]);
    expect(p.items.every(i => /compliance\.yml:\d+:\d+$/.test(i.declaredAt ?? ''))).toBe(true);
    const policy = Object.fromEntries(p.runbooks.map(b => [b.name, b.policy.Statement.flatMap(s => s.Action)]));
    expect(policy['my-hipaa-remediation-runbook']).toEqual(
      expect.arrayContaining(['ec2:EnableEbsEncryptionByDefault', 'sns:Publish'])
    );
    expect(policy['my-hipaa-alerting-runbook']).toEqual(['sns:Publish']);
    expect(writeCalls(sim)).toEqual({});
    expect(r.summary).toContain('Deploy plan (nothing changed): 6 differences');
    expect(r.summary).toContain('164.312(b)');
  });

  it('fail-on drift fails the plan', async () => {
    sim.reset();
    const r = await action(sim, { config: SEED_MANIFEST, 'fail-on': 'noncompliant,drift' });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toContain('6 differences between the manifest and the account (drift)');
  });

  it('apply creates everything; plan then shows no drift; a second apply makes no write call', async () => {
    sim.reset();
    const before = managedState(sim);
    const applied = await action(sim, { config: SEED_MANIFEST, deploy: 'apply', 'fail-on': 'never' });
    expect(applied.exitCode).toBe(0);
    expect(applied.outputs['drift-count']).toBe('6');
    expect(managedState(sim)).toEqual({
      rules: ['ec2-ebs-encryption-by-default', 's3-bucket-logging-enabled'],
      remediations: ['ec2-ebs-encryption-by-default', 's3-bucket-logging-enabled'],
      documents: ['my-hipaa-alerting-runbook', 'my-hipaa-remediation-runbook']
    });

    const again = await action(sim, { config: SEED_MANIFEST });
    expect(again.outputs['drift-count']).toBe('0');
    expect(plan(again).counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 6 });

    sim.resetCalls();
    const second = await action(sim, { config: SEED_MANIFEST, deploy: 'apply', 'fail-on': 'never' });
    expect(second.exitCode).toBe(0);
    expect(writeCalls(sim)).toEqual({});

    const destroyed = await action(sim, { config: SEED_MANIFEST, deploy: 'destroy' });
    expect(destroyed.exitCode).toBe(0);
    expect(plan(destroyed).counts.delete).toBe(6);
    expect(managedState(sim)).toEqual(before);
  });

  it('a changed runbook is an update; prune deletes what left the manifest', async () => {
    sim.reset();
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const runbook = readFileSync(join(REPO_ROOT, 'examples/seed/runbooks/my-hipaa-alerting-runbook.yaml'), 'utf8');
    writeFileSync(join(dir, 'alert.yaml'), runbook);
    const manifest = (extra: string): string => {
      const file = join(dir, 'compliance.yml');
      writeFileSync(
        file,
        [
          'version: 1',
          'rules:',
          '  - name: s3-bucket-logging-enabled',
          '    identifier: S3_BUCKET_LOGGING_ENABLED',
          extra,
          'runbooks:',
          '  - path: alert.yaml'
        ].join('\n')
      );
      return file;
    };
    const withExtra = manifest('  - name: s3-bucket-versioning-enabled\n    identifier: S3_BUCKET_VERSIONING_ENABLED');
    expect((await action(sim, { config: withExtra, deploy: 'apply', 'fail-on': 'never' }, dir)).exitCode).toBe(0);

    writeFileSync(
      join(dir, 'alert.yaml'),
      runbook.replace('server access logging is disabled', 'has no access logging')
    );
    const withoutExtra = manifest('');
    const planned = await action(sim, { config: withoutExtra, prune: 'true' }, dir);
    expect(
      plan(planned)
        .items.filter(i => i.action !== 'unchanged')
        .map(i => `${i.action} ${i.object} ${i.name}`)
    ).toEqual(['update runbook alert', 'delete rule s3-bucket-versioning-enabled']);
    const applied = await action(
      sim,
      { config: withoutExtra, deploy: 'apply', prune: 'true', 'fail-on': 'never' },
      dir
    );
    expect(applied.exitCode).toBe(0);
    expect(sim.calls().byOperation['ssm:UpdateDocument']).toBe(1);
    expect(managedState(sim)).toMatchObject({ rules: ['s3-bucket-logging-enabled'], documents: ['alert'] });

    // Reverting the runbook: SSM refuses the old content again (DuplicateDocumentContent), so the old version
    // becomes the default again; then nothing differs.
    writeFileSync(join(dir, 'alert.yaml'), runbook);
    const reverted = await action(sim, { config: withoutExtra, deploy: 'apply', 'fail-on': 'never' }, dir);
    expect(reverted.exitCode).toBe(0);
    expect(reverted.stdout).toContain('alert: version 1 already has this content; making it the default.');
    expect((await action(sim, { config: withoutExtra }, dir)).outputs['drift-count']).toBe('0');
  });
});

describe('the built-in hipaa-security pack', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'blank' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('conformance-pack: hipaa-security with deploy: plan lists 130 rule creations with their HIPAA sections', async () => {
    const r = await action(sim, { 'conformance-pack': 'hipaa-security' });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toMatch(
      /^Compliance gate failed: no rules were checked: none of the 130 rule\(s\) of the manifest/
    );
    const p = plan(r);
    expect(p.items.filter(i => i.object === 'rule' && i.action === 'create')).toHaveLength(130);
    expect(r.outputs['drift-count']).toBe('130');
    const logging = p.rules.find(x => x.name === 's3-bucket-logging-enabled');
    expect(logging?.hipaaSections).toContain('164.312(b)');
    expect(p.rules.filter(x => x.hipaaSections.length > 0).length).toBeGreaterThanOrEqual(100);
    expect(r.summary).toContain('164.312(a)(2)(iv)');
    expect(writeCalls(sim)).toEqual({});
  });
});

describe('errors name the file, line and column', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'blank' });
  });
  afterAll(async () => {
    await sim.close();
  });

  function write(name: string, text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  }

  it('reports every manifest problem at once', async () => {
    const file = write(
      'compliance.yml',
      ['version: 1', 'rules:', '  - name: a', '    identifier: lower', '  - identifier: X', 'bogus: 1'].join('\n')
    );
    const r = await action(sim, { config: file });
    expect(r.exitCode).toBe(1);
    const message = failure(r);
    expect(message).toContain('3 problems found');
    expect(message).toContain(`${file}:4:17:`);
    expect(message).toContain(`${file}:5:5:`);
    expect(message).toContain(`${file}:6:1:`);
    expect(sim.calls().byOperation['config:DescribeConfigRules']).toBeUndefined();
  });

  it('a binding to an unknown rule or runbook parameter is caught before any write', async () => {
    const file = write(
      'compliance.yml',
      [
        'version: 1',
        'rules:',
        '  - {name: s3-bucket-logging-enabled, identifier: S3_BUCKET_LOGGING_ENABLED}',
        'remediations:',
        '  - rule: no-such-rule',
        '    runbook: AWS-PublishSNSNotification',
        '    resource-id-parameter: Message',
        '  - rule: s3-bucket-logging-enabled',
        '    runbook: AWS-PublishSNSNotification',
        '    resource-id-parameter: BucketName'
      ].join('\n')
    );
    const r = await action(sim, { config: file, deploy: 'apply' });
    expect(r.exitCode).toBe(1);
    const message = failure(r);
    expect(message).toContain(`${file}:5:5: remediation for 'no-such-rule': no such rule`);
    expect(message).toContain(
      `${file}:8:5: remediation for 's3-bucket-logging-enabled': AWS-owned document 'AWS-PublishSNSNotification' has no parameter 'BucketName' for the resource id`
    );
    expect(writeCalls(sim)).toEqual({});
  });

  it('an explicit config that does not exist is an input error; the default one is skipped', async () => {
    const missing = await action(sim, { config: 'ops/nope.yml' });
    expect(missing.exitCode).toBe(1);
    expect(failure(missing)).toBe("Input 'config': the manifest file 'ops/nope.yml' does not exist.");
    const skipped = await action(sim, { 'fail-on': 'never' });
    expect(skipped.stdout).toContain('deploy skipped; checking every rule in the account');
    // The blank account has no rules: a check of nothing fails, whatever fail-on says.
    expect(skipped.exitCode).toBe(1);
    expect(failure(skipped)).toBe(
      'Compliance gate failed: no rules were checked: AWS Config has no rules in region us-east-1 of this account'
    );
  });
});

describe('runbooks as AWS writes them, and runbooks that cannot run', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'blank' });
  });
  afterAll(async () => {
    await sim.close();
  });

  /** A manifest with one rule and the given runbooks, in a fresh directory. */
  function manifestWith(runbooks: Record<string, string>): { dir: string; file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    for (const [name, text] of Object.entries(runbooks)) writeFileSync(join(dir, name), text);
    const file = join(dir, 'compliance.yml');
    writeFileSync(
      file,
      [
        'version: 1',
        'rules:',
        '  - name: s3-bucket-logging-enabled',
        '    identifier: S3_BUCKET_LOGGING_ENABLED',
        'runbooks:',
        ...Object.keys(runbooks).map(name => `  - path: ${name}`)
      ].join('\n')
    );
    return { dir, file };
  }

  it('(?i:...) in allowedPattern and a $-less PropertySelector validate and deploy; an untranslatable pattern is a warning', async () => {
    sim.reset();
    const fixture = readFileSync(join(REPO_ROOT, 'test/fixtures/runbooks/EncryptQueue.yaml'), 'utf8');
    const greek = [
      "schemaVersion: '0.3'",
      'parameters:',
      '  Word:',
      '    type: String',
      "    allowedPattern: '^\\p{InGreek}+$'",
      'mainSteps:',
      '  - name: Wait',
      '    action: aws:sleep',
      '    inputs:',
      '      Duration: PT1S'
    ].join('\n');
    const { dir, file } = manifestWith({ 'EncryptQueue.yaml': fixture, 'Greek.yaml': greek });
    const r = await action(sim, { config: file, deploy: 'apply', 'fail-on': 'never' }, dir);
    expect([r.exitCode, failure(r)]).toEqual([0, '']);
    expect(managedState(sim)).toMatchObject({ documents: ['EncryptQueue', 'Greek'] });
    const ssm = sim.state.ssm as { documents: Record<string, { versions: { content: string }[] }> };
    expect(JSON.stringify(ssm.documents.EncryptQueue)).toContain('PropertySelector: Attributes.KmsMasterKeyId');
    const warning = r.stdout.split('\n').find(l => l.startsWith('::warning') && l.includes('InGreek'));
    expect(warning).toContain(`file=${join(dir, 'Greek.yaml')},line=5,col=21`);
    expect(warning).toContain(
      "parameter 'Word': allowedPattern ^\\p{InGreek}+$ cannot be checked here (Unicode block \\p{InGreek} is not translated"
    );
    expect(warning).toContain('the action does not check the default or parameter values against it');
  });

  it('a runbook that still holds build-time placeholders is refused with each line, before any write', async () => {
    sim.reset();
    const text = readFileSync(join(REPO_ROOT, 'test/fixtures/runbooks/placeholders.yaml'), 'utf8');
    const { dir, file } = manifestWith({ 'BlockPublicAccess.yaml': text });
    const r = await action(sim, { config: file, deploy: 'apply' }, dir);
    expect(r.exitCode).toBe(1);
    // Workflow commands encode '%' as %25.
    const message = failure(r).replace(/%25/g, '%');
    const runbook = join(dir, 'BlockPublicAccess.yaml');
    expect(message).toContain('3 problems found');
    expect(message).toContain(
      `${runbook}:8:46: build-time placeholder: build this document first (%%ROLE=SO0111-BlockPublicAccess%% is still in it)`
    );
    expect(message).toContain(`${runbook}:19:16: build-time placeholder: build this document first (%%MODE%% is still`);
    expect(message).toContain(
      `${runbook}:22:9: build-time placeholder: build this document first (%%SCRIPT=block_public_access.py%% is still`
    );
    expect(r.stdout).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
    expect(writeCalls(sim)).toEqual({});
    expect(managedState(sim)).toMatchObject({ documents: [] });
  });
});
