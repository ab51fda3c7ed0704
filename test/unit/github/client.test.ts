import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { listChangedFiles } from '../../../src/github/changed-files.js';
import { publishCheckRun } from '../../../src/github/checks.js';
import {
  apiBaseUrl,
  createGitHubClient,
  DEFAULT_API_URL,
  GitHubApiError,
  redactToken,
  toGitHubApiError
} from '../../../src/github/client.js';
import { MemoryLogger } from '../../helpers/memory-logger.js';
import { HEAD_SHA, startFakeGitHub, type FakeGitHub } from '../../helpers/fake-github.js';

// Not shaped like a GitHub token: only the client's own redaction can hide it.
const TOKEN = 'plain-secret-value-7f3a9c';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub({ token: TOKEN });
});
afterEach(async () => {
  await gh.close();
});

describe('apiBaseUrl', () => {
  it('takes the explicit URL, else GITHUB_API_URL, else github.com', () => {
    expect(apiBaseUrl({})).toBe(DEFAULT_API_URL);
    expect(apiBaseUrl({ GITHUB_API_URL: '' })).toBe(DEFAULT_API_URL);
    expect(apiBaseUrl({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toBe('https://ghe.example.com/api/v3');
    expect(apiBaseUrl({ GITHUB_API_URL: 'https://ghe.example.com/api/v3' }, 'http://127.0.0.1:9')).toBe(
      'http://127.0.0.1:9'
    );
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() => apiBaseUrl({ GITHUB_API_URL: 'not a url' })).toThrow(/GITHUB_API_URL is not a URL/);
    expect(() => apiBaseUrl({ GITHUB_API_URL: 'file:///etc/passwd' })).toThrow(/must be an http\(s\) URL/);
  });
});

describe('createGitHubClient', () => {
  it('refuses an empty token', () => {
    expect(() => createGitHubClient({ token: '  ' })).toThrow(/A GitHub token is needed/);
  });

  it('reaches GitHub Enterprise Server through GITHUB_API_URL', async () => {
    gh.setPullFiles('acme', 'infra', 3, [{ filename: 'a.yml' }]);
    const octokit = createGitHubClient({ token: TOKEN, env: { GITHUB_API_URL: `${gh.url}/api/v3/` } });
    const res = await listChangedFiles(octokit, { owner: 'acme', repo: 'infra', prNumber: 3 });
    expect([...res.files]).toEqual(['a.yml']);
    expect(gh.requests.map(r => r.path)).toEqual(['/api/v3/repos/acme/infra/pulls/3/files']);
    expect(gh.requests[0]!.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it('never lets the token into an error, even when the server echoes it', async () => {
    const octokit = createGitHubClient({ token: TOKEN, apiUrl: gh.url });
    gh.addFault({
      path: /check-runs$/,
      status: 500,
      body: (r: { headers: Record<string, string> }) => ({ message: `echo: ${r.headers.authorization}` })
    });
    const err = (await publishCheckRun(octokit, {
      owner: 'acme',
      repo: 'infra',
      headSha: HEAD_SHA,
      name: 'n',
      title: 't',
      summary: 's',
      conclusion: 'success',
      annotations: [],
      fallbackPath: 'compliance.yml'
    }).catch((e: unknown) => e)) as GitHubApiError;
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err.message).toContain('HTTP 500: echo: token ***');
    expect(`${err.message}\n${err.stack}\n${JSON.stringify(err)}`).not.toContain(TOKEN);
  });

  it('the raw Octokit error is redacted too (message and GitHub answer)', async () => {
    const octokit = createGitHubClient({ token: TOKEN, apiUrl: gh.url });
    gh.addFault({
      path: /files$/,
      status: 400,
      body: (r: { headers: Record<string, string> }) => ({ message: `bad ${r.headers.authorization}` })
    });
    const raw = await octokit.rest.pulls
      .listFiles({ owner: 'a', repo: 'b', pull_number: 1 })
      .catch((e: unknown) => e as { message: string; response: { data: unknown }; request: unknown });
    expect((raw as { message: string }).message).toContain('bad token ***');
    expect(JSON.stringify(raw)).not.toContain(TOKEN);
  });

  it("routes Octokit's own log lines to the logger", async () => {
    const logger = new MemoryLogger();
    const octokit = createGitHubClient({ token: TOKEN, apiUrl: gh.url, logger });
    gh.addFault({
      path: /files$/,
      status: 200,
      body: [],
      headers: { deprecation: 'true', sunset: 'Wed, 01 Jan 2031 00:00:00 GMT' }
    });
    await octokit.rest.pulls.listFiles({ owner: 'a', repo: 'b', pull_number: 1 });
    expect(logger.lines.some(l => l.startsWith('warn:') && l.includes('is deprecated'))).toBe(true);
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });
});

describe('errors', () => {
  it('redactToken hides the token and anything shaped like a GitHub token', () => {
    expect(redactToken(`a ${TOKEN} b`, TOKEN)).toBe('a *** b');
    expect(redactToken('x ghp_abcdefghijklmnopqrstuvwxyz0123 y')).toBe('x *** y');
    expect(redactToken('github_pat_11ABCDEFG0123456789_abcdefghijkl done')).toBe('*** done');
  });

  it('toGitHubApiError: no answer means status 0; its own errors pass through', () => {
    const e = toGitHubApiError('GET', '/x', new Error('connect ECONNREFUSED'));
    expect(e.status).toBe(0);
    expect(e.message).toBe('GitHub API GET /x failed: no response: connect ECONNREFUSED');
    expect(toGitHubApiError('POST', '/y', e)).toBe(e);
    expect(toGitHubApiError('GET', '/z', undefined).message).toMatch(/no response: unknown error/);
  });

  it('bounds long messages to one line', () => {
    const e = toGitHubApiError('GET', '/x', {
      status: 500,
      message: `line1\nline2 ${'y'.repeat(1000)}`,
      response: { headers: {} }
    });
    expect(e.message).not.toContain('\n');
    expect(e.message.length).toBeLessThan(600);
    expect(e.status).toBe(500);
  });
});
