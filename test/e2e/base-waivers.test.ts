/**
 * Waivers come from the base branch, end to end: run() against the simulator and the fake GitHub server, in a local
 * git repository whose last commit is the base branch and whose working tree is the pull request's head.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { pullRequestEvent, pushEvent, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { startSimulator, type Simulator } from 'aws-sim';
import type { ComplianceReportJson } from '../../src/report/json.js';
import type { Clock } from '../../src/util/clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const OWNER = 'example-org';
const REPO = 'healthcare-infra';
const HEAD_SHA = 'c0ffee0000000000000000000000000000000042';
/** A commit no checkout here holds (actions/checkout's default depth 1 leaves the base out). */
const ABSENT_SHA = 'deadbeef00000000000000000000000000000001';
const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 2)) };

/** The seed account's three findings. */
const S3 = { rule: 's3-bucket-logging-enabled', resource: 'claims-uploads' };
const LOGS = { rule: 's3-bucket-logging-enabled', resource: 'access-logs' };
const EBS = { rule: 'ec2-ebs-encryption-by-default', resource: '123456789012' };

function waiversYaml(
  ws: { rule: string; resource: string; reason?: string; owner?: string; expires?: string }[]
): string {
  if (ws.length === 0) return '';
  return (
    '\nwaivers:\n' +
    ws
      .map(
        w =>
          `  - rule: ${w.rule}\n    resource: "${w.resource}"\n    reason: ${JSON.stringify(w.reason ?? 'Accepted risk, tracked in RISK-1')}\n` +
          `    owner: ${w.owner ?? 'alice'}\n    expires: ${w.expires ?? '2099-06-30'}\n`
      )
      .join('')
  );
}

let seedManifest: string;
function manifestWith(ws: Parameters<typeof waiversYaml>[0]): string {
  return seedManifest + waiversYaml(ws);
}

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Compliance Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
  ).trim();
}

/** Commits `manifest` as the base branch; returns the commit SHA. */
function commitBase(dir: string, manifest: string): string {
  writeFileSync(join(dir, 'compliance.yml'), manifest);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'base');
  return git(dir, 'rev-parse', 'HEAD');
}

/** The PR head: the working tree's manifest (not committed). */
function writeHead(dir: string, manifest: string): void {
  writeFileSync(join(dir, 'compliance.yml'), manifest);
}

const results: ActionRunResult[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let sim: Simulator;
let github: FakeGitHub;
let repo: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
  github = await startFakeGitHub();
  seedManifest = readFileSync(join(REPO_ROOT, 'examples', 'seed', 'compliance.yml'), 'utf8').replace(
    /automatic: true/g,
    'automatic: false'
  );
});
afterAll(async () => {
  await Promise.all([sim.close(), github.close()]);
});
beforeEach(() => {
  sim.reset();
  github.requests.length = 0;
  github.contents.clear();
  repo = mkdtempSync(join(tmpdir(), 'repo-'));
  cpSync(join(REPO_ROOT, 'examples', 'seed'), repo, { recursive: true });
  git(repo, 'init', '-q');
  // The action writes its reports into the checkout; keep them out of the commits.
  writeFileSync(join(repo, '.gitignore'), 'compliance-report/\n');
});

type Event =
  | { kind: 'pull_request'; baseSha: string | null }
  | { kind: 'merge_group'; baseSha: string }
  | { kind: 'push' | 'schedule' | 'workflow_dispatch' };

async function gate(event: Event, inputs: Record<string, string> = {}): Promise<ActionRunResult> {
  const eventDir = mkdtempSync(join(tmpdir(), 'event-'));
  dirs.push(eventDir);
  const eventFile = join(eventDir, 'event.json');
  const payload =
    event.kind === 'pull_request'
      ? pullRequestEvent({ baseRepo: `${OWNER}/${REPO}`, headSha: HEAD_SHA, baseSha: event.baseSha })
      : event.kind === 'merge_group'
        ? {
            action: 'checks_requested',
            merge_group: {
              head_sha: HEAD_SHA,
              head_ref: 'refs/heads/gh-readonly-queue/main/pr-42-abc',
              base_sha: event.baseSha,
              base_ref: 'refs/heads/main'
            },
            repository: { full_name: `${OWNER}/${REPO}` }
          }
        : event.kind === 'push'
          ? pushEvent(HEAD_SHA, `${OWNER}/${REPO}`)
          : { repository: { full_name: `${OWNER}/${REPO}` } };
  writeFileSync(eventFile, JSON.stringify(payload));
  const r = await runInProcess({
    cwd: repo,
    inputs: {
      'aws-region': 'us-east-1',
      'role-to-assume': ROLE,
      config: 'compliance.yml',
      deploy: 'off',
      checks: 'off',
      'github-token': 'ghs_faketoken',
      ...inputs
    },
    env: {
      ...sim.env('main'),
      GITHUB_EVENT_NAME: event.kind,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`
    },
    deps: { clock: fastClock }
  });
  results.push(r);
  return r;
}

function report(r: ActionRunResult): ComplianceReportJson {
  return JSON.parse(readFileSync(join(repo, r.outputs['report-file']!), 'utf8')) as ComplianceReportJson;
}

const contentsRequests = (): { path: string; query: Record<string, string> }[] =>
  github.requests.filter(q => q.path.includes('/contents/'));

describe('pull requests: waivers come from the base branch', () => {
  it('(a) a waiver added in the pull request does not pass it: fail, listed as proposed', async () => {
    commitBase(repo, manifestWith([]));
    writeHead(repo, manifestWith([S3, LOGS, EBS]));
    const r = await gate({ kind: 'pull_request', baseSha: git(repo, 'rev-parse', 'HEAD') });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('fail');
    expect(r.outputs['noncompliant-count']).toBe('3');
    expect(r.summary).toContain('### Waivers proposed: applies after merge');
    expect(r.summary).toMatch(
      /\| s3-bucket-logging-enabled(<br>[^|]*)? \| claims-uploads \| alice, 2099-06-30 \| not on the base branch \| 1 \|/
    );
    expect(r.summary).toContain('proposed: applies after merge, counted: Accepted risk');
    expect(r.stdout).toContain(
      'Proposed waiver (applies after merge), not applied: s3-bucket-logging-enabled / claims-uploads'
    );
    const json = report(r);
    expect(json.gate.waivedCount).toBe(0);
    expect(json.waiverBase).toMatchObject({ eventName: 'pull_request', readWith: 'git' });
    expect(json.proposedWaivers?.map(w => [w.rule, w.why, w.status, w.findings])).toEqual([
      [EBS.rule, 'new', 'proposed: applies after merge', 1],
      [S3.rule, 'new', 'proposed: applies after merge', 1],
      [S3.rule, 'new', 'proposed: applies after merge', 1]
    ]);
    expect(contentsRequests()).toEqual([]);
  });

  it('(b) a waiver present on base applies (reason edited); one with a later expiry is proposed', async () => {
    const base = commitBase(repo, manifestWith([S3, LOGS, EBS]));
    writeHead(repo, manifestWith([{ ...S3, reason: 'Reworded: vendor bucket', owner: 'bob' }, LOGS, EBS]));
    const pass = await gate({ kind: 'pull_request', baseSha: base });
    expect(pass.exitCode).toBe(0);
    expect(pass.outputs.result).toBe('pass');
    expect(report(pass).gate.waivedCount).toBe(3);
    expect(report(pass).proposedWaivers).toEqual([]);
    expect(report(pass).waiverBase).toEqual({ eventName: 'pull_request', sha: base, readWith: 'git' });
    expect(pass.summary).not.toContain('proposed: applies after merge');
    expect(pass.summary).toContain('waived: Reworded: vendor bucket (owner bob');

    writeHead(repo, manifestWith([S3, LOGS, { ...EBS, expires: '2099-07-01' }]));
    const later = await gate({ kind: 'pull_request', baseSha: base });
    expect(later.outputs.result).toBe('fail');
    expect(later.outputs['noncompliant-count']).toBe('1');
    expect(report(later).proposedWaivers).toEqual([
      expect.objectContaining({ rule: EBS.rule, why: 'later-expiry', baseExpires: '2099-06-30', expires: '2099-07-01' })
    ]);
    expect(later.summary).toContain('expires later than on the base branch (2099-06-30)');
    expect(contentsRequests()).toEqual([]);
  });

  it('(c) base commit absent from the checkout: the contents API at the base SHA is used', async () => {
    commitBase(repo, manifestWith([]));
    writeHead(repo, manifestWith([S3, LOGS, EBS]));
    github.setContent(OWNER, REPO, ABSENT_SHA, 'compliance.yml', manifestWith([S3, LOGS, EBS]));
    const r = await gate({ kind: 'pull_request', baseSha: ABSENT_SHA });
    expect(r.outputs.result).toBe('pass');
    expect(r.exitCode).toBe(0);
    expect(contentsRequests()).toEqual([
      expect.objectContaining({
        path: `/repos/${OWNER}/${REPO}/contents/compliance.yml`,
        query: expect.objectContaining({ ref: ABSENT_SHA })
      })
    ]);
    expect(github.requests.find(q => q.path.includes('/contents/'))?.headers.authorization).toMatch(/ghs_faketoken/);
    expect(report(r).waiverBase).toEqual({ eventName: 'pull_request', sha: ABSENT_SHA, readWith: 'contents-api' });
  });

  it('(d) neither git nor the contents API (404, 403, no token): no pull request waiver applies, and it says why', async () => {
    commitBase(repo, manifestWith([S3, LOGS, EBS]));
    writeHead(repo, manifestWith([S3, LOGS, EBS]));

    const missing = await gate({ kind: 'pull_request', baseSha: ABSENT_SHA });
    expect(missing.outputs.result).toBe('fail');
    expect(missing.outputs['noncompliant-count']).toBe('3');
    expect(missing.summary).toContain(
      "The base branch's waivers are unknown: base commit deadbeef0000 is not in the checkout"
    );
    expect(missing.summary).toContain('does not exist at deadbeef0000, or the token cannot read the repository');
    expect(missing.summary).toContain('base manifest unavailable');
    expect(missing.stdout).toMatch(
      /::warning::Waivers come from the base branch on pull_request runs, and its manifest could not be used/
    );
    expect(report(missing).proposedWaivers?.map(w => w.why)).toEqual([
      'base-unreadable',
      'base-unreadable',
      'base-unreadable'
    ]);
    expect(report(missing).waiverBase?.unreadable).toContain('HTTP 404');

    github.addFault({
      method: 'GET',
      path: /\/contents\//,
      status: 403,
      times: 1,
      body: { message: 'Resource not accessible by integration' }
    });
    const denied = await gate({ kind: 'pull_request', baseSha: ABSENT_SHA });
    expect(denied.outputs.result).toBe('fail');
    expect(report(denied).waiverBase?.unreadable).toContain('permissions: contents: read');

    const noToken = await gate({ kind: 'pull_request', baseSha: ABSENT_SHA }, { 'github-token': '' });
    expect(noToken.outputs.result).toBe('fail');
    expect(report(noToken).waiverBase?.unreadable).toContain('contents API is not available: A GitHub token is needed');
    for (const r of [missing, denied, noToken]) expect(r.stdout).not.toContain('ghs_faketoken');
  });

  it('the manifest did not exist on base (commit present): nothing applies, the API is not asked', async () => {
    git(repo, 'add', 'templates');
    git(repo, 'commit', '-q', '-m', 'base without a manifest');
    writeHead(repo, manifestWith([S3, LOGS, EBS]));
    const r = await gate({ kind: 'pull_request', baseSha: git(repo, 'rev-parse', 'HEAD') });
    expect(r.outputs.result).toBe('fail');
    expect(report(r).waiverBase?.unreadable).toMatch(/compliance\.yml does not exist at base commit [0-9a-f]{12}/);
    expect(contentsRequests()).toEqual([]);
  });

  it('a base manifest that does not load counts as no base waivers, with a warning; never a crash', async () => {
    const base = commitBase(repo, manifestWith([S3]).replace('version: 1', 'version: 1\nunknown-key: true'));
    writeHead(repo, manifestWith([S3]));
    const r = await gate({ kind: 'pull_request', baseSha: base });
    expect(r.outputs.result).toBe('fail');
    expect(r.outputs['noncompliant-count']).toBe('3');
    expect(report(r).waiverBase?.unreadable).toMatch(
      /base branch's compliance\.yml \(at [0-9a-f]{12}\) does not load: .*unknown key 'unknown-key'/
    );
    expect(r.stdout).toContain('::warning::');
  });

  it('a payload without pull_request.base.sha: no pull request waiver applies', async () => {
    commitBase(repo, manifestWith([S3, LOGS, EBS]));
    const r = await gate({ kind: 'pull_request', baseSha: null });
    expect(r.outputs.result).toBe('fail');
    expect(report(r).waiverBase?.unreadable).toContain('the event payload has no base commit (pull_request.base.sha)');
  });
});

describe('merge queue and trusted events', () => {
  it('(e) merge_group judges waivers against merge_group.base_sha', async () => {
    const without = commitBase(repo, manifestWith([]));
    const withWaivers = commitBase(repo, manifestWith([S3, LOGS, EBS]));
    writeHead(repo, manifestWith([S3, LOGS, EBS]));
    const pass = await gate({ kind: 'merge_group', baseSha: withWaivers });
    expect(pass.outputs.result).toBe('pass');
    expect(report(pass).waiverBase).toEqual({ eventName: 'merge_group', sha: withWaivers, readWith: 'git' });

    const fail = await gate({ kind: 'merge_group', baseSha: without });
    expect(fail.outputs.result).toBe('fail');
    expect(report(fail).proposedWaivers).toHaveLength(3);
    expect(fail.summary).toContain('On merge\\_group runs a waiver applies only if');
  });

  it('(f) push, schedule and workflow_dispatch apply the manifest’s waivers as written', async () => {
    commitBase(repo, manifestWith([]));
    writeHead(repo, manifestWith([S3, LOGS, EBS]));
    for (const kind of ['push', 'schedule', 'workflow_dispatch'] as const) {
      const r = await gate({ kind });
      expect(r.outputs.result).toBe('pass');
      expect(report(r).gate.waivedCount).toBe(3);
      expect(report(r)).not.toHaveProperty('proposedWaivers');
      expect(report(r)).not.toHaveProperty('waiverBase');
    }
    expect(contentsRequests()).toEqual([]);
  });
});
