/**
 * Load only what the run uses (issue 15): each step imports its own phase when it runs (steps.ts), and the SSM and
 * SNS clients are built on first use (aws/clients.ts). The action runs from src/ through tsx in a child process
 * with a module-load recorder (test/helpers/record-loads.mjs); the test reads which modules it loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSimulator, type Simulator } from 'aws-sim';
import { buildActionEnv, REPO_ROOT } from '../helpers/action-env.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const RECORDER = join(REPO_ROOT, 'test', 'helpers', 'record-loads.mjs');
/** tsx's loader by URL: the child runs in a temporary directory, where the bare name would not resolve. */
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/**
 * Deploy (beyond its dispatcher, deploy/phase.ts), remediation (beyond result.ts: the phase's result types and an
 * outcome count, which the summary's remediation section imports), and the SSM and SNS SDK clients. (A manifest's
 * runbooks are read and validated with the manifest, also with deploy: off.)
 */
const UNUSED_BY_A_PLAIN_CHECK = [
  /\/src\/deploy\/(?!phase\.ts$)/,
  /\/src\/remediation\/(?!result\.ts$)/,
  /@aws-sdk\/client-ssm\//,
  /@aws-sdk\/client-sns\//
];

interface Loaded {
  exitCode: number;
  modules: string[];
  stderr: string;
}

/** Runs src/index.ts in a child process (as the runner runs dist/index.js) and lists the modules it loaded. */
async function loadedBy(sim: Simulator, inputs: Record<string, string>, manifest?: string): Promise<Loaded> {
  const { env, dir } = buildActionEnv({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'never', ...inputs },
    env: sim.env('main')
  });
  if (manifest !== undefined) {
    writeFileSync(join(dir, 'compliance.yml'), manifest);
    env['INPUT_CONFIG'] = 'compliance.yml';
  }
  const loads = join(dir, 'loads.txt');
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(AWS_|INPUT_|GITHUB_|ACTIONS_|RUNNER_|NODE_OPTIONS)/.test(k)) base[k] = v;
  const child = spawn(
    process.execPath,
    ['--import', TSX, '--import', pathToFileURL(RECORDER).href, join(REPO_ROOT, 'src', 'index.ts')],
    { cwd: dir, env: { ...base, ...env, LOADS_FILE: loads }, stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exitCode = await new Promise<number>(r => child.on('close', c => r(c ?? 1)));
  const modules = existsSync(loads) ? readFileSync(loads, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(dir, { recursive: true, force: true });
  return { exitCode, modules, stderr };
}

const unused = (modules: string[]): string[] => modules.filter(m => UNUSED_BY_A_PLAIN_CHECK.some(re => re.test(m)));

/** The manifest of two seed rules, no remediation. */
const MANIFEST = `version: 1
rules:
  - name: s3-bucket-logging-enabled
    identifier: S3_BUCKET_LOGGING_ENABLED
    resource-types: [AWS::S3::Bucket]
  - name: ec2-ebs-encryption-by-default
    identifier: EC2_EBS_ENCRYPTION_BY_DEFAULT
    maximum-execution-frequency: TwentyFour_Hours
`;

describe('a plain check loads only what it uses', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('without a manifest: the check, the Config client and the reports; no deploy, remediation, SSM or SNS', async () => {
    const r = await loadedBy(sim, {});
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.modules.some(m => m.endsWith('/src/compliance/check.ts'))).toBe(true);
    expect(r.modules.some(m => /@aws-sdk\/client-config-service\//.test(m))).toBe(true);
    expect(r.modules.some(m => m.endsWith('/src/report/run-report.ts'))).toBe(true);
    expect(unused(r.modules)).toEqual([]);
    // No manifest: not even the manifest readers.
    expect(r.modules.filter(m => /\/src\/(desired|manifest|runbooks)\//.test(m))).toEqual([]);
  }, 60_000);

  it('with a manifest and deploy: off: the manifest is read; no deploy, remediation, SSM or SNS', async () => {
    const r = await loadedBy(sim, { deploy: 'off' }, MANIFEST);
    expect(r.exitCode).toBe(0);
    expect(r.modules.some(m => m.endsWith('/src/desired/load.ts'))).toBe(true);
    expect(unused(r.modules)).toEqual([]);
  }, 60_000);

  it('the recorder sees deploy and SSM when the run deploys (deploy: plan)', async () => {
    const r = await loadedBy(sim, { deploy: 'plan' }, MANIFEST);
    expect(r.exitCode).toBe(0);
    const seen = unused(r.modules);
    expect(seen.some(m => m.endsWith('/src/deploy/plan.ts'))).toBe(true);
    expect(seen.some(m => /@aws-sdk\/client-ssm\//.test(m))).toBe(true);
  }, 60_000);
});
