import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { listChangedFiles } from '../../../src/github/changed-files.js';
import { createGitHubClient, GitHubApiError, type GitHubClient } from '../../../src/github/client.js';
import { MemoryLogger } from '../../helpers/memory-logger.js';
import { startFakeGitHub, type FakeGitHub, type PullFile } from '../../helpers/fake-github.js';

const TOKEN = 'ghs_ChangedFilesToken0123456789abcdefABCD';

let gh: FakeGitHub;
let octokit: GitHubClient;

beforeEach(async () => {
  gh = await startFakeGitHub({ token: TOKEN });
  octokit = createGitHubClient({ token: TOKEN, env: { GITHUB_API_URL: gh.url } });
});
afterEach(async () => {
  await gh.close();
});

function files(n: number, renameEvery = 0): PullFile[] {
  return Array.from({ length: n }, (_, i) =>
    renameEvery > 0 && i % renameEvery === 0
      ? { filename: `src/f${i}.ts`, status: 'renamed' as const, previous_filename: `old/f${i}.ts` }
      : { filename: `src/f${i}.ts` }
  );
}

describe('listChangedFiles', () => {
  it('pages through 250 files (100 per page) and includes the previous names of renames', async () => {
    gh.setPullFiles('acme', 'infra', 12, files(250, 10));
    const logger = new MemoryLogger();
    const res = await listChangedFiles(octokit, { owner: 'acme', repo: 'infra', prNumber: 12 }, logger);
    expect(res.complete).toBe(true);
    expect(res.reason).toBeUndefined();
    expect(res.files.size).toBe(275); // 250 + 25 previous names
    expect(res.files.has('src/f0.ts')).toBe(true);
    expect(res.files.has('old/f0.ts')).toBe(true);
    expect(res.files.has('src/f249.ts')).toBe(true);
    expect(res.files.has('old/f1.ts')).toBe(false);
    const gets = gh.requests.filter(r => r.path === '/repos/acme/infra/pulls/12/files');
    expect(gets.map(r => [r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3']
    ]);
    expect(logger.lines.some(l => l.includes('250 files listed'))).toBe(true);
  });

  it("says so when GitHub's 3,000-file cap is reached", async () => {
    gh.setPullFiles('acme', 'infra', 5, files(3100));
    const logger = new MemoryLogger();
    const res = await listChangedFiles(octokit, { owner: 'acme', repo: 'infra', prNumber: 5 }, logger);
    expect(res.files.size).toBe(3000);
    expect(res.complete).toBe(false);
    expect(res.reason).toMatch(/at most 3,000 files.*#5/);
    expect(logger.lines.filter(l => l.startsWith('warn:'))).toHaveLength(1);
    expect(gh.requests).toHaveLength(30);
  });

  it('outside a pull request: an empty set and a reason, without a request', async () => {
    const res = await listChangedFiles(octokit, { owner: 'acme', repo: 'infra' });
    expect(res.files.size).toBe(0);
    expect(res.complete).toBe(false);
    expect(res.reason).toMatch(/not a pull request/);
    expect(gh.requests).toHaveLength(0);
  });

  it('an HTTP error names the request and status', async () => {
    const err = (await listChangedFiles(octokit, { owner: 'acme', repo: 'infra', prNumber: 99 }).catch(
      (e: unknown) => e
    )) as GitHubApiError;
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err.message).toMatch(/^GitHub API GET \/repos\/acme\/infra\/pulls\/99\/files failed: HTTP 404: Not Found/);
  });

  it('a failure on a later page is reported too', async () => {
    gh.setPullFiles('acme', 'infra', 12, files(250));
    gh.addFault({
      method: 'GET',
      path: /pulls\/12\/files$/,
      when: r => r.query.page === '2',
      status: 500,
      body: { message: 'boom' }
    });
    await expect(listChangedFiles(octokit, { owner: 'acme', repo: 'infra', prNumber: 12 })).rejects.toThrow(
      /GET \/repos\/acme\/infra\/pulls\/12\/files failed: HTTP 500: boom/
    );
    expect(gh.requests.map(r => r.query.page ?? '1')).toEqual(['1', '2']);
  });
});
