import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import {
  annotationPath,
  batches,
  checksMode,
  limitBytes,
  limitLine,
  limitText,
  MAX_OUTPUT_CHARS,
  publishCheckRun,
  toCheckAnnotation,
  type Annotation,
  type CheckRunInput
} from '../../../src/github/checks.js';
import { createGitHubClient, GitHubApiError, type GitHubClient } from '../../../src/github/client.js';
import { parseGitHubContext, type GitHubContext } from '../../../src/github/context.js';
import {
  HEAD_SHA,
  MERGE_SHA,
  pullRequestEvent,
  startFakeGitHub,
  type FakeGitHub,
  type RecordedRequest
} from '../../helpers/fake-github.js';

const TOKEN = 'ghs_FakeInstallationToken0123456789abcdefXYZ';

let gh: FakeGitHub;
let octokit: GitHubClient;
let ctx: GitHubContext;

beforeEach(async () => {
  gh = await startFakeGitHub({ token: TOKEN });
  octokit = createGitHubClient({ token: TOKEN, env: { GITHUB_API_URL: gh.url } });
  ctx = parseGitHubContext(
    { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'acme/infra', GITHUB_SHA: MERGE_SHA },
    pullRequestEvent({ number: 12 })
  );
});
afterEach(async () => {
  await gh.close();
});

const LEVELS: Annotation['level'][] = ['error', 'warning', 'notice'];

function annotations(n: number): Annotation[] {
  return Array.from({ length: n }, (_, i) => {
    const a: Annotation = { level: LEVELS[i % 3]!, title: `Non-compliant: rule-${i}`, message: `finding ${i}` };
    if (i % 4 !== 3) {
      a.file = 'compliance.yml';
      a.startLine = i + 1;
      if (i % 2 === 0) a.startColumn = 3;
    }
    return a;
  });
}

function input(n: number, extra: Partial<CheckRunInput> = {}): CheckRunInput {
  return {
    owner: ctx.owner,
    repo: ctx.repo,
    headSha: ctx.headSha,
    name: 'compliance-gate',
    title: '3 rules non-compliant',
    summary: '## Compliance\n\nDetails',
    conclusion: 'failure',
    annotations: annotations(n),
    fallbackPath: '.github/compliance.yml',
    ...extra
  };
}

const checkRequests = (): RecordedRequest[] => gh.requests.filter(r => r.path.includes('/check-runs'));
type Body = {
  head_sha?: string;
  status?: string;
  conclusion?: string;
  name?: string;
  details_url?: string;
  output: { title: string; summary: string; text?: string; annotations: Record<string, unknown>[] };
};
const bodyOf = (r: RecordedRequest): Body => r.body as Body;

describe('publishCheckRun', () => {
  it('120 annotations: exactly 3 requests (50 + 50 + 20), conclusion on the last only', async () => {
    const res = await publishCheckRun(octokit, input(120, { detailsUrl: 'https://example.test/run/1' }));
    expect(res.denied).toBe(false);
    if (res.denied) return;
    expect(res.requests).toBe(3);

    const reqs = checkRequests();
    expect(reqs.map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/infra/check-runs',
      `PATCH /repos/acme/infra/check-runs/${res.id}`,
      `PATCH /repos/acme/infra/check-runs/${res.id}`
    ]);
    const [create, second, last] = reqs.map(bodyOf) as [Body, Body, Body];
    expect(create.head_sha).toBe(HEAD_SHA);
    expect(create.head_sha).not.toBe(MERGE_SHA);
    expect(create.name).toBe('compliance-gate');
    expect(create.details_url).toBe('https://example.test/run/1');
    expect(create.status).toBe('in_progress');
    expect(create.conclusion).toBeUndefined();
    expect(second.status).toBeUndefined();
    expect(second.conclusion).toBeUndefined();
    expect(last.status).toBe('completed');
    expect(last.conclusion).toBe('failure');
    expect([create, second, last].map(b => b.output.annotations.length)).toEqual([50, 50, 20]);
    for (const b of [create, second, last]) {
      expect(b.output.title).toBe('3 rules non-compliant');
      expect(b.output.summary).toBe('## Compliance\n\nDetails');
    }

    // Annotation fields and level mapping
    expect(create.output.annotations[0]).toEqual({
      path: 'compliance.yml',
      start_line: 1,
      end_line: 1,
      start_column: 3,
      end_column: 3,
      annotation_level: 'failure',
      message: 'finding 0',
      title: 'Non-compliant: rule-0'
    });
    expect(create.output.annotations[1]).toMatchObject({ annotation_level: 'warning', start_line: 2, end_line: 2 });
    expect(create.output.annotations[1]).not.toHaveProperty('start_column');
    expect(create.output.annotations[2]).toMatchObject({ annotation_level: 'notice' });
    // Without a file: the fallback path, line 1, never dropped
    expect(create.output.annotations[3]).toEqual({
      path: '.github/compliance.yml',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      message: 'finding 3',
      title: 'Non-compliant: rule-3'
    });

    // GitHub's state: one completed run with all 120 annotations, in order
    const run = gh.checkRuns.get(res.id)!;
    expect(run.headSha).toBe(HEAD_SHA);
    expect(run.status).toBe('completed');
    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toHaveLength(120);
    expect(run.annotations.map(a => a.message)).toEqual(Array.from({ length: 120 }, (_, i) => `finding ${i}`));
    expect(res.url).toBe(`https://github.example/acme/infra/runs/${res.id}`);

    // The token travels in the Authorization header only
    for (const r of reqs) expect(r.headers.authorization).toBe(`token ${TOKEN}`);
    expect(reqs[0]!.headers['user-agent']).toMatch(/compliance-gate\/\d+\.\d+\.\d+/);
  });

  it('0 annotations: one request that creates the run completed', async () => {
    const res = await publishCheckRun(octokit, input(0, { conclusion: 'success', title: 'All compliant' }));
    expect(res).toMatchObject({ denied: false, requests: 1 });
    const reqs = checkRequests();
    expect(reqs).toHaveLength(1);
    const body = bodyOf(reqs[0]!);
    expect(body.status).toBe('completed');
    expect(body.conclusion).toBe('success');
    expect(body.output.annotations).toEqual([]);
    expect(gh.checkRuns.size).toBe(1);
  });

  it('50 annotations fit one request; 51 need two', async () => {
    const one = await publishCheckRun(octokit, input(50, { conclusion: 'neutral' }));
    expect(one.requests).toBe(1);
    expect(bodyOf(checkRequests()[0]!).status).toBe('completed');
    const two = await publishCheckRun(octokit, input(51));
    expect(two.requests).toBe(2);
    const reqs = checkRequests().slice(1);
    expect(reqs.map(r => bodyOf(r).output.annotations.length)).toEqual([50, 1]);
    expect(bodyOf(reqs[0]!).status).toBe('in_progress');
    expect(bodyOf(reqs[1]!).conclusion).toBe('failure');
  });

  it('a 403 on create (read-only token) is returned as denied, not thrown', async () => {
    gh.denyCheckWrites();
    const res = await publishCheckRun(octokit, input(120));
    expect(res.denied).toBe(true);
    if (!res.denied) return;
    expect(res.status).toBe(403);
    expect(res.requests).toBe(1);
    expect(res.reason).toMatch(/Resource not accessible by integration/);
    expect(res.reason).toMatch(/checks: write/);
    expect(res.reason).not.toContain(TOKEN);
    expect(checkRequests()).toHaveLength(1);
    expect(gh.checkRuns.size).toBe(0);
  });

  it('a 404 on create is denied too', async () => {
    gh.addFault({ method: 'POST', path: /check-runs$/, status: 404, body: { message: 'Not Found' } });
    const res = await publishCheckRun(octokit, input(3));
    expect(res).toMatchObject({ denied: true, status: 404 });
  });

  it('a 403 that is a rate limit is thrown, not taken for a missing permission', async () => {
    gh.addFault({
      method: 'POST',
      path: /check-runs$/,
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0' }
    });
    await expect(publishCheckRun(octokit, input(3))).rejects.toThrow(/HTTP 403: API rate limit exceeded/);
  });

  it('a 500 on create throws an error naming method, path and status', async () => {
    gh.addFault({ method: 'POST', path: /check-runs$/, status: 500, body: { message: 'Server Error' } });
    const err = await publishCheckRun(octokit, input(3)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    const e = err as GitHubApiError;
    expect(e.message).toMatch(/^GitHub API POST \/repos\/acme\/infra\/check-runs failed: HTTP 500: Server Error/);
    expect(e.message).toMatch(/request id FAKE:/);
    expect([e.method, e.path, e.status, e.userError]).toEqual(['POST', '/repos/acme/infra/check-runs', 500, false]);
  });

  it('a 401 (bad token) throws, and is a user error', async () => {
    gh.rejectToken();
    const err = (await publishCheckRun(octokit, input(1)).catch((e: unknown) => e)) as GitHubApiError;
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err.message).toMatch(/POST \/repos\/acme\/infra\/check-runs failed: HTTP 401: Bad credentials/);
    expect(err.userError).toBe(true);
    expect(`${err.message}\n${err.stack}\n${JSON.stringify(err)}`).not.toContain(TOKEN);
  });

  it('a failed update throws naming the PATCH, after completing the run with a note', async () => {
    gh.addFault({ method: 'PATCH', path: /check-runs\/\d+$/, status: 502, body: { message: 'Bad Gateway' }, times: 1 });
    const err = (await publishCheckRun(octokit, input(120)).catch((e: unknown) => e)) as GitHubApiError;
    expect(err).toBeInstanceOf(GitHubApiError);
    const run = [...gh.checkRuns.values()][0]!;
    expect(err.message).toContain(`PATCH /repos/acme/infra/check-runs/${run.id} failed: HTTP 502: Bad Gateway`);
    expect(run.status).toBe('completed');
    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toHaveLength(50);
    expect(run.output.summary).toMatch(/^\*\*Only 50 of 120 annotations could be attached\*\*/);
    expect(checkRequests()).toHaveLength(3);
  });

  it('a network failure names the request and says no response came', async () => {
    await gh.close();
    const err = (await publishCheckRun(octokit, input(1)).catch((e: unknown) => e)) as GitHubApiError;
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err.message).toMatch(/POST \/repos\/acme\/infra\/check-runs failed: no response/);
    gh = await startFakeGitHub(); // for afterEach
  });

  it('cuts title, summary and text to 65,535 characters with a note; GitHub accepts them', async () => {
    const long = 'x'.repeat(70_000);
    const res = await publishCheckRun(octokit, input(2, { title: long, summary: long, text: long }));
    expect(res.denied).toBe(false);
    const out = bodyOf(checkRequests()[0]!).output;
    for (const v of [out.title, out.summary, out.text!]) {
      expect(v.length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
      expect(v.length).toBeGreaterThan(65_000);
      expect(v.startsWith('xxxx')).toBe(true);
    }
    expect(out.title.endsWith('… (title cut)')).toBe(true);
    expect(out.summary).toMatch(/… \(cut to fit GitHub's limit of 65,535 characters: [\d,]+ more; see the job summary/);
    const omitted = Number(/: ([\d,]+) more;/.exec(out.summary)![1]!.replace(/,/g, ''));
    expect(out.summary.indexOf('\n\n…') + omitted).toBe(70_000);
  });

  it('cuts annotation messages to 64 KB and titles to 255 characters', async () => {
    const big: Annotation = { level: 'error', title: 't'.repeat(300), message: 'é'.repeat(40_000), file: 'a.yml' };
    const res = await publishCheckRun(octokit, { ...input(0), annotations: [big] });
    expect(res.denied).toBe(false);
    const a = bodyOf(checkRequests()[0]!).output.annotations[0]!;
    expect(Buffer.byteLength(a.message as string, 'utf8')).toBeLessThanOrEqual(64 * 1024);
    expect(a.message as string).toMatch(/^éé.*message cut to fit GitHub’s 64 KB limit\)$/s);
    expect((a.title as string).length).toBe(255);
    expect((a.title as string).endsWith('…')).toBe(true);
  });
});

describe('annotation mapping helpers', () => {
  it('makes paths repository-relative', () => {
    expect(annotationPath('./compliance.yml', 'x')).toBe('compliance.yml');
    expect(annotationPath('/home/runner/work/r/r/packs/hipaa.yaml', 'x', '/home/runner/work/r/r')).toBe(
      'packs/hipaa.yaml'
    );
    expect(annotationPath('/elsewhere/a.yaml', 'x', '/home/runner/work/r/r')).toBe('/elsewhere/a.yaml');
    expect(annotationPath('dir\\file.yml', 'x')).toBe('dir/file.yml');
    expect(annotationPath(undefined, './compliance.yml')).toBe('compliance.yml');
    expect(annotationPath('  ', '')).toBe('.');
  });

  it('anchors a file without a line at line 1 and drops columns without a line', () => {
    expect(
      toCheckAnnotation({ level: 'warning', title: 'T', message: 'M', file: 'a.yml', startColumn: 4 }, 'f')
    ).toEqual({ path: 'a.yml', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'M', title: 'T' });
    expect(toCheckAnnotation({ level: 'notice', title: 'Only a title', message: '' }, 'f').message).toBe(
      'Only a title'
    );
    expect(toCheckAnnotation({ level: 'notice', title: '', message: 'Only a message' }, 'f')).toEqual({
      path: 'f',
      start_line: 1,
      end_line: 1,
      annotation_level: 'notice',
      message: 'Only a message'
    });
  });

  it('batches by 50, at least one batch', () => {
    expect(batches([]).map(b => b.length)).toEqual([0]);
    expect(batches(Array.from({ length: 101 }, (_, i) => i)).map(b => b.length)).toEqual([50, 50, 1]);
  });

  it('limits never split a surrogate pair', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;
    for (let pad = 0; pad < 4; pad++) {
      const s = `${'a'.repeat(100 + pad)}${'😀'.repeat(100)}`;
      const cut = limitText(s, 200, 'x');
      expect(cut.length).toBeLessThanOrEqual(200);
      expect(cut.startsWith(s.slice(0, 100))).toBe(true);
      expect(lone.test(cut)).toBe(false);
    }
    // A cut that would fall between the two halves of a pair moves before the pair.
    expect(limitLine('a😀b', 3)).toBe('a…');
    expect(limitLine('ab😀', 3)).toBe('ab…');
    expect(limitText('short', 10)).toBe('short');
    expect(limitBytes('😀😀', 1000)).toBe('😀😀');
    const bytes = limitBytes('😀'.repeat(100), 60);
    expect(Buffer.byteLength(bytes, 'utf8')).toBeLessThanOrEqual(60);
    expect(bytes).not.toContain('\uFFFD');
  });
});

describe('checksMode', () => {
  const c = (eventName: string, isFork = false): Pick<GitHubContext, 'eventName' | 'isFork'> => ({
    eventName,
    isFork
  });

  it('off never publishes; on always tries', () => {
    expect(checksMode('off', c('pull_request')).use).toBe(false);
    expect(checksMode('on', c('pull_request', true)).use).toBe(true);
    expect(checksMode('on', c('schedule')).use).toBe(true);
  });

  it('auto: pull requests and pushes, not fork pull requests', () => {
    expect(checksMode('auto', c('pull_request')).use).toBe(true);
    expect(checksMode('auto', c('push')).use).toBe(true);
    expect(checksMode('auto', c('merge_group')).use).toBe(true);
    const fork = checksMode('auto', c('pull_request', true));
    expect(fork.use).toBe(false);
    expect(fork.reason).toMatch(/fork.*read-only token/);
    expect(checksMode('auto', c('pull_request_review', true)).use).toBe(false);
    expect(checksMode('auto', c('workflow_dispatch')).use).toBe(false);
    expect(checksMode('auto', c('schedule')).reason).toMatch(/not a pull request or push/);
  });

  it('auto: pull_request_target runs with the base repository token, so a fork PR still tries', () => {
    expect(checksMode('auto', c('pull_request_target', true)).use).toBe(true);
  });
});
