/**
 * The PR gate end to end: findings on template lines, pre-deploy evaluation of a PR's new template, one check run
 * carrying every finding in batches of 50, a valid SARIF log, baseline gating, and a fork's read-only token.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { pullRequestEvent, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { validateSarif } from '../helpers/sarif-schema.js';
import { startSimulator, type Simulator } from 'aws-sim';
import type { Clock } from '../../src/util/clock.js';
import { recordChanges } from '../helpers/sim-clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const HEAD_SHA = 'c0ffee0000000000000000000000000000000042';
const fastClock: Clock = { now: () => new Date(), sleep: ms => new Promise(r => setTimeout(r, Math.min(ms, 50))) };

/** A checkout of a repository holding examples/seed (automatic remediation off). */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'repo-'));
  cpSync(join(REPO_ROOT, 'examples', 'seed'), dir, { recursive: true });
  const manifest = join(dir, 'compliance.yml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/automatic: true/g, 'automatic: false'));
  return dir;
}

function lineOf(file: string, text: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex(l => l.includes(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return i + 1;
}

const results: ActionRunResult[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
});

let sim: Simulator;
let github: FakeGitHub;
let repo: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
  github = await startFakeGitHub();
});
afterAll(async () => {
  await Promise.all([sim.close(), github.close()]);
});
beforeEach(async () => {
  sim.reset();
  github.requests.length = 0;
  repo = checkout();
  // Main has deployed the manifest (rules with their evaluation modes, runbooks, remediations).
  const deployed = await gate({ deploy: 'apply', 'fail-on': 'never', checks: 'off' });
  expect(deployed.exitCode).toBe(0);
  sim.resetCalls();
});

/** Runs the action in the checkout as a pull_request event (or the given event). */
async function gate(
  inputs: Record<string, string>,
  opts: { fork?: boolean; event?: string } = {}
): Promise<ActionRunResult> {
  const eventFile = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(
    eventFile,
    JSON.stringify(
      pullRequestEvent({
        baseRepo: 'example-org/healthcare-infra',
        headSha: HEAD_SHA,
        ...(opts.fork ? { headRepo: 'mallory/healthcare-infra' } : {})
      })
    )
  );
  const r = await runInProcess({
    cwd: repo,
    inputs: {
      'aws-region': 'us-east-1',
      'role-to-assume': ROLE,
      config: 'compliance.yml',
      templates: 'templates/*.yaml',
      'github-token': 'ghs_faketoken',
      ...inputs
    },
    env: {
      ...sim.env('main'),
      GITHUB_EVENT_NAME: opts.event ?? 'pull_request',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'example-org/healthcare-infra'
    },
    deps: { clock: fastClock }
  });
  results.push(r);
  return r;
}

function sarif(r: ActionRunResult): Log {
  return JSON.parse(readFileSync(join(repo, r.outputs['sarif-file']!), 'utf8')) as Log;
}

const checkRequests = (): { method: string; path: string; body: unknown }[] =>
  github.requests.filter(q => q.path.includes('/check-runs'));

describe('findings on the lines at fault', () => {
  it('the claims-uploads finding lands on its bucket resource in the template', async () => {
    const r = await gate({ checks: 'off' });
    expect(r.exitCode).toBe(1);
    const log = sarif(r);
    expect(validateSarif(log)).toBe(true);
    const claims = log.runs[0]!.results!.find(x => x.message.text?.includes('claims-uploads'));
    const region = claims?.locations?.[0]?.physicalLocation;
    expect(region?.artifactLocation?.uri).toBe('templates/storage.yaml');
    expect(region?.region?.startLine).toBe(lineOf(join(repo, 'templates/storage.yaml'), 'ClaimsUploadsBucket:'));
    // the account-level EBS finding has no template: it lands on the rule in the manifest
    const ebs = log.runs[0]!.results!.find(x => x.ruleId === 'ec2-ebs-encryption-by-default');
    expect(ebs?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('compliance.yml');
    expect(r.stdout).toMatch(
      /::error title=Non-compliant%3A s3-bucket-logging-enabled,file=templates\/storage\.yaml,line=\d+/
    );
  });

  it('a resource the template does not name is found by its CloudFormation logical id tag', async () => {
    const template = join(repo, 'templates', 'storage.yaml');
    writeFileSync(template, readFileSync(template, 'utf8').replace(/\n\s*BucketName: claims-uploads/, ''));
    const r = await gate({ checks: 'off' });
    expect(sim.calls().byOperation['config:SelectResourceConfig']).toBe(1);
    const claims = sarif(r).runs[0]!.results!.find(x => x.message.text?.includes('claims-uploads'));
    expect(claims?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('templates/storage.yaml');
    expect(claims?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(lineOf(template, 'ClaimsUploadsBucket:'));
  });

  it('a pull request adding a bucket without logging is flagged before deploy, on that line', async () => {
    writeFileSync(
      join(repo, 'templates', 'phi-exports.yaml'),
      [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  PhiExportsBucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      BucketName: phi-exports',
        '      BucketEncryption:',
        '        ServerSideEncryptionConfiguration:',
        '          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }',
        ''
      ].join('\n')
    );
    github.setPullFiles('example-org', 'healthcare-infra', 42, [
      { filename: 'templates/phi-exports.yaml', status: 'added' }
    ]);
    const r = await gate({ 'pre-deploy': 'changed', checks: 'on' });
    expect(r.exitCode).toBe(1);
    expect(sim.state.resources.s3Buckets['phi-exports']).toBeUndefined();
    expect(sim.calls().byOperation['config:StartResourceEvaluation']).toBe(1);
    const log = sarif(r);
    const flagged = log.runs[0]!.results!.find(x => x.message.text?.includes('PhiExportsBucket'));
    expect(flagged?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('templates/phi-exports.yaml');
    expect(flagged?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(3);
    expect(r.summary).toContain('Pre-deploy evaluation');
    // the check run's annotations put it first: it is in a file the pull request changed
    const first = (checkRequests()[0]!.body as { output: { annotations: { path: string; start_line: number }[] } })
      .output.annotations[0];
    expect(first).toMatchObject({ path: 'templates/phi-exports.yaml', start_line: 3 });
  });

  it('a rule that cannot judge before deploy is reported, not passed', async () => {
    const manifest = join(repo, 'compliance.yml');
    const extraRule = '  - name: s3-bucket-versioning-enabled\n    identifier: S3_BUCKET_VERSIONING_ENABLED\n\n';
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('runbooks:', `${extraRule}runbooks:`));
    expect((await gate({ deploy: 'apply', checks: 'off', 'fail-on': 'never' })).exitCode).toBe(0);
    const r = await gate({ 'pre-deploy': 'all', checks: 'off', 'fail-on': 'never' });
    expect(r.exitCode).toBe(0);
    expect(r.summary).toContain('Not judged before deploy');
    expect(r.summary).toContain('s3-bucket-versioning-enabled (not deployed in PROACTIVE evaluation mode');
    // every bucket of the template was evaluated; only the two without logging would be non-compliant
    expect(r.summary).toContain('3 template resource(s) evaluated before deploy; 2 would be non-compliant.');
  });
});

describe('the Checks API', () => {
  it('120 findings make one check run on the PR head SHA in 3 requests (50+50+20) and a valid SARIF log', async () => {
    for (let i = 0; i < 117; i++) sim.state.resources.s3Buckets[`scan-${i}`] = { name: `scan-${i}` };
    recordChanges(sim); // the recorder records the change after its delay (seed: recorderDelaySeconds 2)
    const r = await gate({ evaluate: 'true', checks: 'auto' });
    expect(r.outputs['noncompliant-count']).toBe('120');
    const requests = checkRequests();
    expect(requests.map(q => q.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    const counts = requests.map(q => (q.body as { output: { annotations: unknown[] } }).output.annotations.length);
    expect(counts).toEqual([50, 50, 20]);
    expect((requests[0]!.body as { head_sha: string }).head_sha).toBe(HEAD_SHA);
    expect((requests[2]!.body as { conclusion: string }).conclusion).toBe('failure');
    expect(r.outputs['check-run-url']).toMatch(/\/runs\/\d+$/);
    // the check run carries them: no workflow annotations repeated
    expect(r.stdout).not.toMatch(/^::error title=/m);
    const log = sarif(r);
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]!.results).toHaveLength(120);
    expect(r.stdout).not.toContain('ghs_faketoken');
  });

  it('a fork pull request degrades to report-only, without failing for lack of permission', async () => {
    const r = await gate({ checks: 'auto', 'fail-on': 'never' }, { fork: true });
    expect(r.exitCode).toBe(0);
    expect(checkRequests()).toEqual([]);
    expect(r.stdout).toContain('comes from a fork');
    expect(r.stdout).toMatch(/^::warning title=Non-compliant/m);
  });

  it('a token that cannot write checks falls back to workflow annotations', async () => {
    github.denyCheckWrites();
    const r = await gate({ checks: 'auto', 'fail-on': 'never' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('cannot create check runs');
    expect(r.outputs['check-run-url']).toBeUndefined();
  });
});

describe('baseline: gate only on what the pull request adds', () => {
  it('passes with a baseline holding today’s findings, and fails on one new non-compliant bucket', async () => {
    const today = await gate({ checks: 'off', 'fail-on': 'never' });
    const baseline = join(mkdtempSync(join(tmpdir(), 'baseline-')), 'compliance-report.json');
    cpSync(join(repo, today.outputs['report-file']!), baseline);

    const same = await gate({ checks: 'off', baseline, 'fail-on': 'new-noncompliant' });
    expect(same.outputs['new-noncompliant-count']).toBe('0');
    expect(same.exitCode).toBe(0);

    sim.state.resources.s3Buckets['new-phi-bucket'] = { name: 'new-phi-bucket' };
    recordChanges(sim); // the recorder records the change after its delay (seed: recorderDelaySeconds 2)
    const added = await gate({ checks: 'off', baseline, 'fail-on': 'new-noncompliant', evaluate: 'true' });
    expect(added.outputs['new-noncompliant-count']).toBe('1');
    expect(added.exitCode).toBe(1);
    expect(added.stdout).toContain('1 new non-compliant resource (not in the baseline)');
  });

  it('a bucket the pull request would add without logging counts as new', async () => {
    const today = await gate({ checks: 'off', 'fail-on': 'never' });
    const baseline = join(mkdtempSync(join(tmpdir(), 'baseline-')), 'compliance-report.json');
    cpSync(join(repo, today.outputs['report-file']!), baseline);
    writeFileSync(
      join(repo, 'templates', 'more.yaml'),
      'Resources:\n  MoreBucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: more-phi\n'
    );
    const r = await gate({ checks: 'off', baseline, 'fail-on': 'new-noncompliant', 'pre-deploy': 'all' });
    expect(r.outputs['new-noncompliant-count']).toBe('1');
    expect(r.exitCode).toBe(1);
  });
});
