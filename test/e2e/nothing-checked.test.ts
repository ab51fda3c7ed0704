/**
 * Nothing checked is not a pass, end to end against the simulator: a check of 0 rules fails (with every output
 * still written) unless nothing is checked by design; a rule still EVALUATING right after it was created is
 * insufficient data; pre-deploy: changed evaluates every template when the pull request's files cannot be listed;
 * a template resource AWS Config cannot evaluate is an error in the gate, with file:line.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { pullRequestEvent, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { startSimulator, type Simulator } from 'aws-sim';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const SEED_MANIFEST = join(REPO_ROOT, 'examples', 'seed', 'compliance.yml');
const fastClock: Clock = { now: () => new Date(), sleep: ms => new Promise(r => setTimeout(r, Math.min(ms, 50))) };

const results: ActionRunResult[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
});

async function action(
  sim: Simulator,
  inputs: Record<string, string>,
  opts: { cwd?: string; env?: Record<string, string> } = {}
): Promise<ActionRunResult> {
  const r = await runInProcess({
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, ...inputs },
    env: {
      ...sim.env('main'),
      // A manifest given by its absolute path (examples/seed, or a temp dir) is in its own repository: the files it
      // references must be inside the workspace. A relative one is in the checkout (cwd), the helper's workspace.
      ...(inputs.config && isAbsolute(inputs.config) ? { GITHUB_WORKSPACE: dirname(inputs.config) } : {}),
      ...opts.env
    },
    deps: { clock: fastClock }
  });
  results.push(r);
  return r;
}

/** The message of the step's failure (::error:: line). */
function failure(r: ActionRunResult): string {
  const line = r.stdout.split('\n').find(l => l.startsWith('::error::'));
  return line ? line.slice('::error::'.length).replace(/%0A/g, '\n') : '';
}

interface ReportJson {
  gate: { result: string; reason: string; insufficientDataRules: string[] };
  rules: { name: string; status: string }[];
}

function report(r: ActionRunResult, cwd = r.dir): ReportJson {
  return JSON.parse(readFileSync(join(cwd, r.outputs['report-file']!), 'utf8')) as ReportJson;
}

/** A manifest of runbooks only (no rules), in a fresh directory. */
function runbooksOnlyManifest(): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  cpSync(join(REPO_ROOT, 'examples/seed/runbooks/my-hipaa-alerting-runbook.yaml'), join(dir, 'alert.yaml'));
  const file = join(dir, 'compliance.yml');
  writeFileSync(file, ['version: 1', 'runbooks:', '  - path: alert.yaml', ''].join('\n'));
  return file;
}

describe('a check of 0 rules', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'blank' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('deploy: plan of rules not deployed yet fails, naming them, and still writes every output and report', async () => {
    sim.reset();
    const r = await action(sim, { config: SEED_MANIFEST, deploy: 'plan', 'fail-on': 'never' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({ result: 'fail', 'checked-rules': '0', 'drift-count': '6' });
    expect(failure(r)).toContain(
      'no rules were checked: none of the 2 rule(s) of the manifest is deployed in the account yet'
    );
    expect(failure(r)).toContain('s3-bucket-logging-enabled, ec2-ebs-encryption-by-default');
    for (const file of [r.outputs['plan-file']!, r.outputs['report-file']!, r.outputs['sarif-file']!]) {
      expect(existsSync(join(r.dir, file))).toBe(true);
    }
    expect(report(r).gate).toMatchObject({ result: 'fail' });
    expect(r.summary).toContain('❌ Compliance gate failed: no rules were checked');
    // A gate result, not a thrown error: no stack, one failure line.
    expect(r.stdout.split('\n').filter(l => l.startsWith('::error::'))).toHaveLength(1);
  });

  it('deploy: destroy checks nothing by design: not failed, and the summary says so', async () => {
    sim.reset();
    expect((await action(sim, { config: SEED_MANIFEST, deploy: 'apply', 'fail-on': 'never' })).exitCode).toBe(0);
    const r = await action(sim, { config: SEED_MANIFEST, deploy: 'destroy' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ result: 'pass', 'checked-rules': '0' });
    expect(r.summary).toContain(
      '✅ Compliance gate passed: Nothing checked by design: deploy: destroy removes the rules of the manifest, so there is nothing to check'
    );
  });

  it.each(['plan', 'apply'])('a manifest of runbooks only with deploy: %s is not failed for 0 rules', async mode => {
    sim.reset();
    const manifest = runbooksOnlyManifest();
    const r = await action(sim, { config: manifest, deploy: mode });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.result).toBe('pass');
    expect(r.summary).toContain(`Nothing checked by design: the manifest (${manifest}) declares no rules`);
  });

  it('a manifest of runbooks only with deploy: off checks nothing, which fails', async () => {
    sim.reset();
    const manifest = runbooksOnlyManifest();
    const r = await action(sim, { config: manifest, deploy: 'off' });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toBe(
      `Compliance gate failed: no rules were checked: the manifest (${manifest}) declares no rules`
    );
  });
});

describe('rules that match nothing in the account', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it("a 'rules' input naming a rule that does not exist fails, naming it, under every fail-on", async () => {
    sim.reset();
    const r = await action(sim, { rules: 'no-such-rule', 'fail-on': 'never' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({ result: 'fail', 'checked-rules': '1' });
    expect(failure(r)).toBe('Compliance gate failed: 1 rule could not be checked (no-such-rule)');
    expect(report(r).rules).toEqual([expect.objectContaining({ name: 'no-such-rule', status: 'error' })]);
    expect(r.summary).toContain('NoSuchConfigRuleException');
  });
});

describe('a rule just created is insufficient data, not a pass', () => {
  let sim: Simulator;
  beforeAll(async () => {
    // AWS Config takes time to evaluate a new rule: the simulator's first evaluation finishes after 10 minutes.
    sim = await startSimulator({ scenario: 'blank', options: { evaluationDelayMs: 600_000 } });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('deploy: apply creating rules then checking at once: insufficient data, not "no non-compliant resources"', async () => {
    sim.reset();
    const r = await action(sim, { config: SEED_MANIFEST, deploy: 'apply' });
    const config = sim.state.config as { rules: Record<string, { rule: { ConfigRuleState: string } }> };
    expect(config.rules['s3-bucket-logging-enabled']?.rule.ConfigRuleState).toBe('EVALUATING');
    // No rule has been evaluated yet, so the check judged nothing: not a pass, whatever fail-on says.
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({ result: 'fail', 'checked-rules': '2', 'noncompliant-count': '0' });
    const json = report(r);
    expect(json.rules.map(x => x.status)).toEqual(['insufficient-data', 'insufficient-data']);
    expect(json.gate.insufficientDataRules).toHaveLength(2);
    expect(json.gate.reason).toBe(
      'no rule has been evaluated yet: AWS Config has not finished a first evaluation of ' +
        's3-bucket-logging-enabled, ec2-ebs-encryption-by-default (use evaluate: true to wait for it)'
    );
    expect(r.summary).not.toContain('passed: No non-compliant resources');
    expect(r.summary).toContain('2 rules: 2 insufficient data');
    const never = await action(sim, { config: SEED_MANIFEST, deploy: 'plan', 'fail-on': 'never' });
    expect(never.outputs.result).toBe('fail');

    // fail-on: insufficient-data names that too.
    const strict = await action(sim, { config: SEED_MANIFEST, deploy: 'plan', 'fail-on': 'insufficient-data' });
    expect(strict.exitCode).toBe(1);
    expect(failure(strict)).toContain('2 rules with insufficient data');

    // Once the first evaluation completed, the rules are judged.
    sim.advanceClock(600);
    const later = await action(sim, { config: SEED_MANIFEST, deploy: 'plan', 'fail-on': 'never' });
    expect(report(later).rules.map(x => x.status)).toEqual(['noncompliant', 'noncompliant']);
    expect(later.outputs['noncompliant-count']).not.toBe('0');
  });
});

describe('pre-deploy', () => {
  let sim: Simulator;
  let github: FakeGitHub;
  let repo: string;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(async () => {
    await github?.close();
  });

  /** A checkout of examples/seed whose manifest main has deployed (automatic remediation off). */
  async function deployedCheckout(): Promise<void> {
    sim.reset();
    github = await startFakeGitHub();
    repo = mkdtempSync(join(tmpdir(), 'repo-'));
    cpSync(join(REPO_ROOT, 'examples', 'seed'), repo, { recursive: true });
    const manifest = join(repo, 'compliance.yml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/automatic: true/g, 'automatic: false'));
    expect((await gate({ deploy: 'apply', 'fail-on': 'never' })).exitCode).toBe(0);
    sim.resetCalls();
  }

  async function gate(inputs: Record<string, string>): Promise<ActionRunResult> {
    const eventFile = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
    writeFileSync(eventFile, JSON.stringify(pullRequestEvent({ baseRepo: 'example-org/healthcare-infra' })));
    return action(
      sim,
      {
        config: 'compliance.yml',
        templates: 'templates/*.yaml',
        'github-token': 'ghs_faketoken',
        checks: 'off',
        ...inputs
      },
      {
        cwd: repo,
        env: {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: eventFile,
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: 'example-org/healthcare-infra'
        }
      }
    );
  }

  function addTemplate(name: string, bucket: string[]): void {
    writeFileSync(
      join(repo, 'templates', name),
      ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', ...bucket, ''].join('\n')
    );
  }

  const phiExports = [
    '  PhiExportsBucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: phi-exports'
  ];

  it("changed: when the PR's files cannot be listed (403), every template is evaluated, with a warning", async () => {
    await deployedCheckout();
    addTemplate('phi-exports.yaml', phiExports);
    github.setPullFiles('example-org', 'healthcare-infra', 42, [
      { filename: 'templates/phi-exports.yaml', status: 'added' }
    ]);
    const listed = await gate({ 'pre-deploy': 'changed' });
    expect(sim.calls().byOperation['config:StartResourceEvaluation']).toBe(1);
    expect(listed.exitCode).toBe(1);
    expect(listed.summary).toContain('PhiExportsBucket');

    sim.resetCalls();
    github.addFault({
      method: 'GET',
      path: /\/pulls\/42\/files$/,
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' }
    });
    const denied = await gate({ 'pre-deploy': 'changed' });
    // storage.yaml's 3 buckets and the new one.
    expect(sim.calls().byOperation['config:StartResourceEvaluation']).toBe(4);
    expect(denied.exitCode).toBe(1);
    expect(denied.outputs.result).toBe('fail');
    expect(denied.stdout).toMatch(
      /^::warning::pre-deploy: changed evaluated every template: the files of the pull request could not be listed \(.*403/m
    );
    expect(denied.summary).toContain('pre-deploy: changed evaluated every template: the files of the pull request');
    expect(denied.summary).toContain('PhiExportsBucket');
    // The same failure as when the listing works: the new bucket is flagged before deploy, on its line.
    const line = (r: ActionRunResult): string | undefined =>
      r.summary.split('\n').find(l => l.includes('PhiExportsBucket') && l.includes('templates/phi-exports.yaml'));
    expect(line(denied)).toBe(line(listed));
    expect(Number(denied.outputs['noncompliant-count'])).toBeGreaterThanOrEqual(
      Number(listed.outputs['noncompliant-count'])
    );
  });

  it('an AWS call that fails during a proactive evaluation is named once, with its code and request id', async () => {
    await deployedCheckout();
    sim.setFaults({ serverErrorRate: 1, operations: ['config:StartResourceEvaluation'], maxConsecutiveFaults: 1000 });
    try {
      const r = await gate({ 'pre-deploy': 'all', 'fail-on': 'never', 'max-attempts': '1' });
      expect(r.outputs.result).toBe('fail');
      const warnings = r.stdout.split('\n').filter(l => l.startsWith('::warning::Could not evaluate '));
      expect(warnings.length).toBeGreaterThan(0);
      for (const w of warnings) {
        expect(w).toMatch(
          /before deploy: config:StartResourceEvaluation failed: (InternalFailure|ServiceUnavailable): [^:]+ \(request id \S+\)$/
        );
      }
    } finally {
      sim.setFaults({});
    }
  });

  it('a template resource whose proactive evaluation fails is a gate error with file:line, under every fail-on', async () => {
    await deployedCheckout();
    // BucketName from an intrinsic the template alone cannot resolve: AWS Config fails that evaluation.
    addTemplate('exports.yaml', [
      '  ExportsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: !Sub "${AWS::StackName}-exports"',
      '      LoggingConfiguration:',
      '        DestinationBucketName: access-logs'
    ]);
    github.setPullFiles('example-org', 'healthcare-infra', 42, [{ filename: 'templates/exports.yaml' }]);
    const r = await gate({ 'pre-deploy': 'changed', 'fail-on': 'never' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('fail');
    expect(failure(r)).toBe(
      'Compliance gate failed: 1 template resource could not be evaluated before deploy (templates/exports.yaml:3 ExportsBucket)'
    );
    expect(r.summary).toContain('Could not evaluate templates/exports.yaml:3 ExportsBucket: evaluation failed:');
    expect(r.stdout).toMatch(/^::warning::Could not evaluate templates\/exports\.yaml:3 ExportsBucket before deploy/m);
  });
});
