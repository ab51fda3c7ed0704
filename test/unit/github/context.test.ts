import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHubContextError, parseGitHubContext, readGitHubContext } from '../../../src/github/context.js';
import { isPullRequestEvent } from '../../../src/run-context.js';
import { BASE_SHA, HEAD_SHA, MERGE_SHA, pullRequestEvent, pushEvent } from '../../helpers/fake-github.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gh-context-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the payload where GitHub would (GITHUB_EVENT_PATH) and returns the run's variables. */
function runnerEnv(eventName: string, payload: unknown, extra: Record<string, string> = {}): Record<string, string> {
  const path = join(dir, `${eventName}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SHA: MERGE_SHA,
    ...extra
  };
}

describe('readGitHubContext', () => {
  it('push: the pushed commit (GITHUB_SHA), no pull request, not a fork', () => {
    const ctx = readGitHubContext(runnerEnv('push', pushEvent(MERGE_SHA)));
    expect(ctx).toEqual({ eventName: 'push', owner: 'acme', repo: 'infra', headSha: MERGE_SHA, isFork: false });
  });

  it('pull_request: the PR head SHA, not GITHUB_SHA (the merge commit)', () => {
    const ctx = readGitHubContext(runnerEnv('pull_request', pullRequestEvent({ number: 7, baseRef: 'release' })));
    expect(ctx).toEqual({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'infra',
      headSha: HEAD_SHA,
      prNumber: 7,
      isFork: false,
      baseRef: 'release',
      baseSha: BASE_SHA
    });
    expect(ctx.headSha).not.toBe(MERGE_SHA);
  });

  it('pull_request: the base SHA from pull_request.base.sha; a missing or malformed one is left out', () => {
    const base = 'AbCdEf0123456789abcdef0123456789ABCDEF01';
    const ctx = readGitHubContext(runnerEnv('pull_request', pullRequestEvent({ baseSha: base })));
    expect(ctx.baseSha).toBe(base.toLowerCase());
    for (const bad of [null, '', 'main', '--output=/tmp/x', 'a'.repeat(39)]) {
      const c = readGitHubContext(runnerEnv('pull_request', pullRequestEvent({ baseSha: bad })));
      expect(c.baseSha).toBeUndefined();
      expect(c.prNumber).toBe(42);
    }
  });

  it('merge_group: the base SHA from merge_group.base_sha', () => {
    const ctx = readGitHubContext(
      runnerEnv('merge_group', { merge_group: { head_sha: 'a'.repeat(40), base_sha: 'b'.repeat(40) } })
    );
    expect(ctx.baseSha).toBe('b'.repeat(40));
    const none = readGitHubContext(runnerEnv('merge_group', { merge_group: { head_sha: 'a'.repeat(40) } }));
    expect(none.baseSha).toBeUndefined();
  });

  it('push: no base SHA', () => {
    expect(readGitHubContext(runnerEnv('push', pushEvent(MERGE_SHA))).baseSha).toBeUndefined();
  });

  it('pull_request_target counts as a pull request event', () => {
    const ctx = readGitHubContext(runnerEnv('pull_request_target', pullRequestEvent({ headRepo: 'contrib/infra' })));
    expect(ctx.prNumber).toBe(42);
    expect(ctx.headSha).toBe(HEAD_SHA);
    expect(ctx.isFork).toBe(true);
    expect(ctx.baseRef).toBe('main');
    expect(isPullRequestEvent('pull_request_target')).toBe(true);
  });

  it('a fork PR: the head repository differs from the base repository', () => {
    const ctx = readGitHubContext(runnerEnv('pull_request', pullRequestEvent({ headRepo: 'someone/infra' })));
    expect(ctx.isFork).toBe(true);
    expect(ctx.owner).toBe('acme');
  });

  it('a PR whose fork was deleted (head.repo null) counts as a fork', () => {
    const ctx = readGitHubContext(runnerEnv('pull_request', pullRequestEvent({ headRepo: null })));
    expect(ctx.isFork).toBe(true);
  });

  it('repository names compare without regard to case', () => {
    const ctx = readGitHubContext(runnerEnv('pull_request', pullRequestEvent({ headRepo: 'ACME/Infra' })));
    expect(ctx.isFork).toBe(false);
  });

  it('workflow_dispatch: GITHUB_SHA, no pull request', () => {
    const ctx = readGitHubContext(runnerEnv('workflow_dispatch', { inputs: {}, ref: 'refs/heads/main' }));
    expect(ctx).toEqual({
      eventName: 'workflow_dispatch',
      owner: 'acme',
      repo: 'infra',
      headSha: MERGE_SHA,
      isFork: false
    });
  });

  it('merge_group: the queue head SHA and its base ref', () => {
    const sha = 'a'.repeat(40);
    const ctx = readGitHubContext(
      runnerEnv('merge_group', { merge_group: { head_sha: sha, base_ref: 'refs/heads/main' } })
    );
    expect(ctx.headSha).toBe(sha);
    expect(ctx.baseRef).toBe('refs/heads/main');
    expect(ctx.prNumber).toBeUndefined();
  });

  it('takes the repository from the payload when GITHUB_REPOSITORY is not set', () => {
    const env = runnerEnv('push', pushEvent(MERGE_SHA, 'other/thing'));
    delete env.GITHUB_REPOSITORY;
    const ctx = readGitHubContext(env);
    expect([ctx.owner, ctx.repo]).toEqual(['other', 'thing']);
  });

  it('without GITHUB_EVENT_PATH, non-PR events still work', () => {
    const ctx = readGitHubContext({ GITHUB_EVENT_NAME: 'schedule', GITHUB_REPOSITORY: 'a/b', GITHUB_SHA: HEAD_SHA });
    expect(ctx.headSha).toBe(HEAD_SHA);
  });

  it('uses the injected reader', () => {
    const seen: string[] = [];
    const ctx = readGitHubContext(
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/virtual/event.json', GITHUB_REPOSITORY: 'acme/infra' },
      p => {
        seen.push(p);
        return JSON.stringify(pullRequestEvent({ number: 9 }));
      }
    );
    expect(seen).toEqual(['/virtual/event.json']);
    expect(ctx.prNumber).toBe(9);
  });
});

describe('errors name the variable or the file', () => {
  it('a PR event without GITHUB_EVENT_PATH', () => {
    expect(() => readGitHubContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'a/b' })).toThrow(
      /has no pull_request/
    );
  });

  it('an unreadable payload file', () => {
    const path = join(dir, 'missing.json');
    expect(() => readGitHubContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path })).toThrow(
      new RegExp(`Cannot read the event payload ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*ENOENT`)
    );
  });

  it('a payload that is not JSON', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{ not json');
    expect(() => readGitHubContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path })).toThrow(GitHubContextError);
    expect(() => readGitHubContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path })).toThrow(
      /bad\.json \(GITHUB_EVENT_PATH\) is not valid JSON/
    );
  });

  it('missing pieces', () => {
    const pr = pullRequestEvent();
    expect(() => parseGitHubContext({ GITHUB_REPOSITORY: 'a/b' }, pr)).toThrow(/GITHUB_EVENT_NAME is not set/);
    expect(() => parseGitHubContext({ GITHUB_EVENT_NAME: 'push', GITHUB_SHA: HEAD_SHA }, {})).toThrow(
      /GITHUB_REPOSITORY is not set/
    );
    expect(() => parseGitHubContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'nope' }, {})).toThrow(
      /GITHUB_REPOSITORY must look like owner\/repo/
    );
    expect(() => parseGitHubContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'a/b' }, {})).toThrow(
      /GITHUB_SHA is not set/
    );
    expect(() =>
      parseGitHubContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'a/b', GITHUB_SHA: 'main' }, {})
    ).toThrow(/GITHUB_SHA is not a commit SHA/);
    const noSha = pullRequestEvent() as { pull_request: { head: { sha?: string } } };
    delete noSha.pull_request.head.sha;
    expect(() => parseGitHubContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'a/b' }, noSha)).toThrow(
      /pull_request\.head\.sha is missing/
    );
    const noNumber = pullRequestEvent() as { pull_request: { number?: number } };
    delete noNumber.pull_request.number;
    expect(() => parseGitHubContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'a/b' }, noNumber)).toThrow(
      /pull_request\.number/
    );
  });
});
