/** Reading the base branch's manifest: real git in a temporary repository, the fake GitHub server for the API. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../../src/github/client.js';
import {
  readBaseManifest,
  runGit,
  waiversComeFromBase,
  waiversForRun,
  type BaseManifestDeps
} from '../../../src/github/base-manifest.js';
import { MemoryLogger } from '../../helpers/memory-logger.js';
import { startFakeGitHub, type FakeGitHub } from '../../helpers/fake-github.js';

let github: FakeGitHub;
let dir: string;
let sha: string;
const OTHER = 'feedface00000000000000000000000000000000';

const deps = (token = 'ghs_unit'): BaseManifestDeps => ({
  git: runGit,
  github: () => createGitHubClient({ token, env: { GITHUB_API_URL: github.url } })
});

beforeAll(async () => {
  github = await startFakeGitHub();
  dir = mkdtempSync(join(tmpdir(), 'base-manifest-'));
  mkdirSync(join(dir, 'ci'));
  writeFileSync(join(dir, 'ci', 'compliance.yml'), 'version: 1\n');
  const g = (...a: string[]): string =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...a], {
      cwd: dir,
      encoding: 'utf8'
    }).trim();
  g('init', '-q');
  g('add', '-A');
  g('commit', '-q', '-m', 'base');
  sha = g('rev-parse', 'HEAD');
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await github.close();
});
beforeEach(() => {
  github.requests.length = 0;
  github.contents.clear();
});

describe('readBaseManifest', () => {
  it('reads a nested path with git when the commit is in the checkout', async () => {
    const r = await readBaseManifest({ owner: 'o', repo: 'r', sha, path: 'ci/compliance.yml', workspace: dir }, deps());
    expect(r).toEqual({ found: true, text: 'version: 1\n', via: 'git' });
    expect(github.requests).toEqual([]);
  });

  it('a path missing at a present commit is definitive: no API call', async () => {
    const r = await readBaseManifest({ owner: 'o', repo: 'r', sha, path: 'ci/other.yml', workspace: dir }, deps());
    expect(r).toMatchObject({
      found: false,
      reason: expect.stringContaining('ci/other.yml does not exist at base commit')
    });
    expect(github.requests).toEqual([]);
  });

  it('an absent commit goes to the contents API with the nested path and the ref', async () => {
    github.setContent('o', 'r', OTHER, 'ci/compliance.yml', 'version: 1\n# from the API\n');
    const r = await readBaseManifest(
      { owner: 'o', repo: 'r', sha: OTHER, path: 'ci/compliance.yml', workspace: dir },
      deps()
    );
    expect(r).toEqual({ found: true, text: 'version: 1\n# from the API\n', via: 'contents-api' });
    expect(decodeURIComponent(github.requests[0]!.path)).toBe('/repos/o/r/contents/ci/compliance.yml');
    expect(github.requests[0]!.query.ref).toBe(OTHER);
  });

  it('outside a git repository, git says so and the API is tried', async () => {
    const notRepo = mkdtempSync(join(tmpdir(), 'not-a-repo-'));
    try {
      const r = await readBaseManifest(
        { owner: 'o', repo: 'r', sha: OTHER, path: 'compliance.yml', workspace: notRepo },
        deps()
      );
      expect(r.found).toBe(false);
      if (!r.found) {
        expect(r.reason).toContain('not a git repository');
        expect(r.reason).toContain('HTTP 404');
      }
    } finally {
      rmSync(notRepo, { recursive: true, force: true });
    }
  });

  it('a directory or a file without content (over 1 MB) is not a manifest', async () => {
    github.addFault({ method: 'GET', path: /\/contents\//, status: 200, body: [{ type: 'file' }], times: 1 });
    const dirAnswer = await readBaseManifest({ owner: 'o', repo: 'r', sha: OTHER, path: 'ci', workspace: dir }, deps());
    expect(dirAnswer).toMatchObject({ found: false, reason: expect.stringContaining('ci is not a file') });
    github.addFault({
      method: 'GET',
      path: /\/contents\//,
      status: 200,
      body: { type: 'file', encoding: 'none', content: '' },
      times: 1
    });
    const big = await readBaseManifest(
      { owner: 'o', repo: 'r', sha: OTHER, path: 'compliance.yml', workspace: dir },
      deps()
    );
    expect(big).toMatchObject({ found: false, reason: expect.stringContaining('encoding none') });
  });
});

describe('waiversForRun', () => {
  const head = [
    { rule: 'r1', resourceId: 'x', reason: 'why not', owner: 'a', expires: '2099-01-01', source: 'compliance.yml:9' }
  ];

  it('the events whose waivers come from the base: pull-request events and merge_group', () => {
    for (const e of ['pull_request', 'pull_request_target', 'pull_request_review', 'merge_group']) {
      expect(waiversComeFromBase(e)).toBe(true);
    }
    for (const e of ['push', 'schedule', 'workflow_dispatch', 'workflow_run', 'issue_comment', '']) {
      expect(waiversComeFromBase(e)).toBe(false);
    }
  });

  it('a manifest outside GITHUB_WORKSPACE has no base: nothing applies', async () => {
    const event = join(dir, '..', `event-${Date.now()}.json`);
    writeFileSync(event, JSON.stringify({ merge_group: { head_sha: OTHER, base_sha: sha } }));
    const logger = new MemoryLogger();
    try {
      const r = await waiversForRun(
        head,
        {
          env: { GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'o/r' },
          workspace: dir,
          manifestFile: join(tmpdir(), 'elsewhere', 'compliance.yml'),
          githubToken: 'ghs_unit'
        },
        logger,
        deps()
      );
      expect(r.effective).toEqual([]);
      expect(r.proposed).toEqual([{ ...head[0], why: 'base-unreadable' }]);
      expect(r.base?.unreadable).toContain('is not inside GITHUB_WORKSPACE');
      expect(logger.lines.join('\n')).toContain('warn: Waivers come from the base branch on merge_group runs');
    } finally {
      rmSync(event, { force: true });
    }
  });

  it("the base manifest's runbooks are judged against GITHUB_WORKSPACE, not the working directory", async () => {
    // A checkout that is not the working directory (jest runs in the repository root): the base branch's manifest
    // references a runbook inside the checkout, and grants the waiver.
    const repo = mkdtempSync(join(tmpdir(), 'base-workspace-'));
    const event = join(repo, '..', `event-ws-${Date.now()}.json`);
    try {
      mkdirSync(join(repo, 'ci', 'runbooks'), { recursive: true });
      writeFileSync(join(repo, 'ci', 'runbooks', 'r.yaml'), 'schemaVersion: "0.3"\n');
      writeFileSync(
        join(repo, 'ci', 'compliance.yml'),
        [
          'version: 1',
          'runbooks:',
          '  - path: runbooks/r.yaml',
          'waivers:',
          '  - {rule: r1, resource: x, reason: why not, owner: a, expires: 2099-01-01}',
          ''
        ].join('\n')
      );
      const g = (...a: string[]): string =>
        execFileSync(
          'git',
          ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...a],
          {
            cwd: repo,
            encoding: 'utf8'
          }
        ).trim();
      g('init', '-q');
      g('add', '-A');
      g('commit', '-q', '-m', 'base');
      writeFileSync(event, JSON.stringify({ merge_group: { head_sha: OTHER, base_sha: g('rev-parse', 'HEAD') } }));
      expect(process.cwd()).not.toBe(repo);
      const r = await waiversForRun(
        head,
        {
          env: { GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'o/r' },
          workspace: repo,
          manifestFile: join(repo, 'ci', 'compliance.yml'),
          githubToken: ''
        },
        new MemoryLogger(),
        deps()
      );
      expect(r.base?.unreadable).toBeUndefined();
      expect(r.effective).toEqual(head);
      expect(r.proposed).toEqual([]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
      rmSync(event, { force: true });
    }
  });

  it('an unreadable event payload: nothing applies, and it says why', async () => {
    const r = await waiversForRun(
      head,
      {
        env: {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: join(dir, 'missing.json'),
          GITHUB_REPOSITORY: 'o/r'
        },
        workspace: dir,
        manifestFile: join(dir, 'ci', 'compliance.yml'),
        githubToken: ''
      },
      new MemoryLogger(),
      deps()
    );
    expect(r.effective).toEqual([]);
    expect(r.base?.unreadable).toMatch(/^the event payload could not be read: Cannot read the event payload/);
  });
});
