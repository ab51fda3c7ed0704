/**
 * A small GitHub REST API on 127.0.0.1 for tests: the check-run endpoints, the pull request files listing and file
 * contents at a commit (the contents API),
 * answering like GitHub (status codes, error bodies, validation of the Checks API's limits, Link pagination,
 * the 3,000-file cap). Every request is recorded (method, path, query, headers, JSON body) for assertions.
 * It can be told to deny check-run writes (403 "Resource not accessible by integration"), to reject the token
 * (401 "Bad credentials"), or to answer any request with a given status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Header names lowercased. */
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined. */
  body: unknown;
}

export interface CheckRunState {
  id: number;
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  detailsUrl: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, in order (GitHub appends those of each update). */
  annotations: Record<string, unknown>[];
}

export interface PullFile {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

export interface Fault {
  method?: string;
  /** Matched against the request path (without query). */
  path: RegExp;
  status: number;
  /** The JSON answer; a function gets the request (to echo parts of it). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Further condition on the request (e.g. a page number). */
  when?: (req: RecordedRequest) => boolean;
  /** How many requests it answers (default: all). */
  times?: number;
}

export interface FakeGitHubOptions {
  /** The token requests must carry (Authorization: token X or Bearer X). Default: any non-empty token. */
  token?: string;
}

export interface FakeGitHub {
  /** Base URL (http://127.0.0.1:PORT): pass as GITHUB_API_URL or baseUrl. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly checkRuns: Map<number, CheckRunState>;
  /** `owner/repo#number` -> files. */
  readonly pullFiles: Map<string, PullFile[]>;
  setPullFiles(owner: string, repo: string, prNumber: number, files: PullFile[]): void;
  /** `owner/repo@ref:path` -> text, served by the contents API. */
  readonly contents: Map<string, string>;
  /** A file the contents API serves at `ref` (GET /repos/{owner}/{repo}/contents/{path}?ref=). */
  setContent(owner: string, repo: string, ref: string, path: string, text: string): void;
  /** Check-run writes answer 403 "Resource not accessible by integration" (a read-only token). */
  denyCheckWrites(): void;
  /** Every request answers 401 "Bad credentials". */
  rejectToken(): void;
  addFault(f: Fault): void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const SHA = /^[0-9a-f]{40}$/;
const STATUSES = new Set(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);
const CONCLUSIONS = new Set([
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out'
]);
const LEVELS = new Set(['notice', 'warning', 'failure']);
const MAX_FILES = 3000;

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {}
  ) {}
}

function invalid(resource: string, field: string, code: string, message?: string): HttpAnswer {
  return new HttpAnswer(422, {
    message: 'Invalid request.',
    errors: [{ resource, field, code, ...(message ? { message } : {}) }],
    documentation_url: `${DOCS}/checks/runs`,
    status: '422'
  });
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Validates `output` like GitHub: title and summary required, 65,535-character limits, 50 annotations. */
function validateOutput(output: unknown): HttpAnswer | undefined {
  if (output === undefined) return undefined;
  if (!isObj(output)) return invalid('CheckRun', 'output', 'invalid');
  for (const f of ['title', 'summary'] as const) {
    if (typeof output[f] !== 'string') return invalid('CheckRun', `output.${f}`, 'missing_field');
  }
  for (const f of ['title', 'summary', 'text'] as const) {
    const v = output[f];
    if (v !== undefined && (typeof v !== 'string' || v.length > 65535)) {
      return invalid(
        'CheckRun',
        `output.${f}`,
        'too_long',
        `Only 65535 characters are allowed; ${String((v as string).length)} were supplied.`
      );
    }
  }
  const anns = output.annotations;
  if (anns === undefined) return undefined;
  if (!Array.isArray(anns)) return invalid('CheckRun', 'output.annotations', 'invalid');
  if (anns.length > 50) return invalid('CheckRun', 'output.annotations', 'too_many', 'Only 50 annotations per request');
  for (const a of anns as unknown[]) {
    if (!isObj(a)) return invalid('CheckRunAnnotation', 'annotation', 'invalid');
    for (const f of ['path', 'message', 'annotation_level'] as const) {
      if (typeof a[f] !== 'string' || a[f] === '') return invalid('CheckRunAnnotation', f, 'missing_field');
    }
    for (const f of ['start_line', 'end_line'] as const) {
      if (typeof a[f] !== 'number' || !Number.isInteger(a[f]) || a[f] < 1) {
        return invalid('CheckRunAnnotation', f, 'missing_field');
      }
    }
    if (!LEVELS.has(a.annotation_level as string)) return invalid('CheckRunAnnotation', 'annotation_level', 'invalid');
    if (Buffer.byteLength(a.message as string, 'utf8') > 64 * 1024) {
      return invalid('CheckRunAnnotation', 'message', 'too_long');
    }
    if (a.title !== undefined && (typeof a.title !== 'string' || a.title.length > 255)) {
      return invalid('CheckRunAnnotation', 'title', 'too_long');
    }
    if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) {
      return invalid('CheckRunAnnotation', 'start_column', 'invalid', 'columns need start_line == end_line');
    }
  }
  return undefined;
}

function validateStatus(body: Record<string, unknown>): HttpAnswer | undefined {
  if (body.status !== undefined && !STATUSES.has(body.status as string))
    return invalid('CheckRun', 'status', 'invalid');
  if (body.conclusion !== undefined && !CONCLUSIONS.has(body.conclusion as string)) {
    return invalid('CheckRun', 'conclusion', 'invalid');
  }
  if (body.status === 'completed' && body.conclusion === undefined) {
    return invalid('CheckRun', 'conclusion', 'missing_field', 'conclusion is required when status is completed');
  }
  if (body.details_url !== undefined) {
    try {
      new URL(body.details_url as string);
    } catch {
      return invalid('CheckRun', 'details_url', 'invalid');
    }
  }
  return undefined;
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const checkRuns = new Map<number, CheckRunState>();
  const pullFiles = new Map<string, PullFile[]>();
  const contents = new Map<string, string>();
  const contentKey = (owner: string, repo: string, ref: string, path: string): string =>
    `${owner}/${repo}@${ref}:${path}`;
  const faults: Fault[] = [];
  let denyChecks = false;
  let reject = false;
  let nextId = 4_000_000_001;
  let base = '';

  const pullKey = (owner: string, repo: string, n: number | string): string => `${owner}/${repo}#${n}`;

  function checkRunJson(r: CheckRunState): Record<string, unknown> {
    return {
      id: r.id,
      head_sha: r.headSha,
      node_id: `CR_${r.id}`,
      external_id: '',
      url: `${base}/repos/${r.owner}/${r.repo}/check-runs/${r.id}`,
      html_url: `https://github.example/${r.owner}/${r.repo}/runs/${r.id}`,
      details_url: r.detailsUrl,
      status: r.status,
      conclusion: r.conclusion,
      started_at: '2024-01-01T00:00:00Z',
      completed_at: r.status === 'completed' ? '2024-01-01T00:00:01Z' : null,
      name: r.name,
      output: {
        title: r.output.title,
        summary: r.output.summary,
        text: r.output.text,
        annotations_count: r.annotations.length,
        annotations_url: `${base}/repos/${r.owner}/${r.repo}/check-runs/${r.id}/annotations`
      },
      check_suite: { id: 1 },
      app: null,
      pull_requests: []
    };
  }

  function applyWrite(r: CheckRunState, body: Record<string, unknown>): void {
    if (typeof body.name === 'string') r.name = body.name;
    if (typeof body.details_url === 'string') r.detailsUrl = body.details_url;
    if (typeof body.conclusion === 'string') {
      r.conclusion = body.conclusion;
      r.status = 'completed';
    } else if (typeof body.status === 'string') r.status = body.status;
    if (isObj(body.output)) {
      const o = body.output;
      r.output = {
        title: typeof o.title === 'string' ? o.title : r.output.title,
        summary: typeof o.summary === 'string' ? o.summary : r.output.summary,
        text: typeof o.text === 'string' ? o.text : r.output.text
      };
      if (Array.isArray(o.annotations)) r.annotations.push(...(o.annotations as Record<string, unknown>[]));
    }
  }

  function route(req: RecordedRequest): HttpAnswer {
    const { method } = req;
    // GitHub Enterprise Server serves the API under /api/v3.
    const path = req.path.startsWith('/api/v3/') ? req.path.slice('/api/v3'.length) : req.path;
    let m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/.exec(path);
    if (m && method === 'POST') {
      if (denyChecks) return forbidden('checks/runs#create-a-check-run');
      const body = isObj(req.body) ? req.body : {};
      if (typeof body.name !== 'string' || body.name === '') return invalid('CheckRun', 'name', 'missing_field');
      if (typeof body.head_sha !== 'string' || !SHA.test(body.head_sha)) {
        return new HttpAnswer(422, {
          message: 'No commit found for SHA: ' + String(body.head_sha),
          documentation_url: `${DOCS}/checks/runs#create-a-check-run`,
          status: '422'
        });
      }
      const bad = validateStatus(body) ?? validateOutput(body.output);
      if (bad) return bad;
      const run: CheckRunState = {
        id: nextId++,
        owner: m[1]!,
        repo: m[2]!,
        name: body.name,
        headSha: body.head_sha,
        status: 'queued',
        conclusion: null,
        detailsUrl: null,
        output: { title: null, summary: null, text: null },
        annotations: []
      };
      applyWrite(run, body);
      checkRuns.set(run.id, run);
      return new HttpAnswer(201, checkRunJson(run));
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/.exec(path);
    if (m && (method === 'PATCH' || method === 'GET')) {
      const run = checkRuns.get(Number(m[3]));
      if (!run || run.owner !== m[1] || run.repo !== m[2]) return notFound();
      if (method === 'GET') return new HttpAnswer(200, checkRunJson(run));
      if (denyChecks) return forbidden('checks/runs#update-a-check-run');
      const body = isObj(req.body) ? req.body : {};
      const bad = validateStatus(body) ?? validateOutput(body.output);
      if (bad) return bad;
      applyWrite(run, body);
      return new HttpAnswer(200, checkRunJson(run));
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/.exec(path);
    if (m && method === 'GET') {
      const files = pullFiles.get(pullKey(m[1]!, m[2]!, m[3]!));
      if (!files) return notFound();
      const perPage = Math.min(100, Math.max(1, Number(req.query.per_page ?? '30') || 30));
      const page = Math.max(1, Number(req.query.page ?? '1') || 1);
      const listed = files.slice(0, MAX_FILES);
      const pages = Math.max(1, Math.ceil(listed.length / perPage));
      const slice = listed.slice((page - 1) * perPage, page * perPage).map((f, i) => ({
        sha: (page * 1000 + i).toString(16).padStart(40, '0'),
        filename: f.filename,
        status: f.status ?? (f.previous_filename ? 'renamed' : 'modified'),
        additions: 1,
        deletions: 0,
        changes: 1,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {})
      }));
      const link = (p: number): string => `<${base}${req.path}?per_page=${perPage}&page=${p}>`;
      const rels: string[] = [];
      if (page < pages) rels.push(`${link(page + 1)}; rel="next"`, `${link(pages)}; rel="last"`);
      if (page > 1) rels.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
      return new HttpAnswer(200, slice, rels.length > 0 ? { link: rels.join(', ') } : {});
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path);
    if (m && method === 'GET') {
      // https://docs.github.com/rest/repos/contents#get-repository-content: a file's content, base64 in lines
      // of 60 characters; `ref` defaults to the default branch (not modelled: tests always name one).
      const filePath = decodeURIComponent(m[3]!);
      const text = contents.get(contentKey(m[1]!, m[2]!, req.query.ref ?? '', filePath));
      if (text === undefined) return notFound();
      const b64 = Buffer.from(text, 'utf8').toString('base64');
      return new HttpAnswer(200, {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(text, 'utf8'),
        name: filePath.split('/').pop(),
        path: filePath,
        sha: '0'.repeat(40),
        content: (b64.match(/.{1,60}/g) ?? []).join('\n') + '\n'
      });
    }
    return notFound();
  }

  function forbidden(doc: string): HttpAnswer {
    return new HttpAnswer(403, {
      message: 'Resource not accessible by integration',
      documentation_url: `${DOCS}/${doc}`,
      status: '403'
    });
  }

  function notFound(): HttpAnswer {
    return new HttpAnswer(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  }

  function authorized(headers: Record<string, string>): boolean {
    const m = /^(?:token|bearer) (\S+)$/i.exec(headers.authorization ?? '');
    if (!m) return false;
    return opts.token === undefined || m[1] === opts.token;
  }

  function answer(req: RecordedRequest): HttpAnswer {
    if (reject || !authorized(req.headers)) {
      return new HttpAnswer(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    }
    const fault = faults.find(
      f =>
        (f.method === undefined || f.method === req.method) &&
        f.path.test(req.path) &&
        (f.when === undefined || f.when(req))
    );
    if (fault) {
      if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      const body = typeof fault.body === 'function' ? (fault.body as (r: RecordedRequest) => unknown)(req) : fault.body;
      return new HttpAnswer(fault.status, body ?? { message: 'Server Error' }, fault.headers);
    }
    return route(req);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    let body: unknown;
    let a: HttpAnswer;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body
      };
      requests.push(rec);
      a = answer(rec);
    } catch {
      a = new HttpAnswer(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
    }
    const text = JSON.stringify(a.body);
    res.writeHead(a.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': `FAKE:${randomUUID().slice(0, 8).toUpperCase()}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-github-media-type': 'github.v3; format=json',
      ...a.headers
    });
    res.end(text);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end('{"message":"fake-github failed"}');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    checkRuns,
    pullFiles,
    contents,
    setPullFiles: (owner, repo, n, files) => pullFiles.set(pullKey(owner, repo, n), files),
    setContent: (owner, repo, ref, path, text) => contents.set(contentKey(owner, repo, ref, path), text),
    denyCheckWrites: () => {
      denyChecks = true;
    },
    rejectToken: () => {
      reject = true;
    },
    addFault: f => faults.push({ ...f }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      })
  };
}

/** Event payloads shaped like GitHub's (only the fields the action reads, plus a few neighbours). */
export const HEAD_SHA = '1111111111111111111111111111111111111111';
export const MERGE_SHA = '2222222222222222222222222222222222222222';
export const BASE_SHA = '3333333333333333333333333333333333333333';

export function pullRequestEvent(
  opts: {
    number?: number;
    headSha?: string;
    headRepo?: string | null;
    baseRepo?: string;
    baseRef?: string;
    /** pull_request.base.sha; null leaves it out. */
    baseSha?: string | null;
  } = {}
): Record<string, unknown> {
  const baseRepo = opts.baseRepo ?? 'acme/infra';
  const headRepo = opts.headRepo === undefined ? baseRepo : opts.headRepo;
  const repoJson = (full: string): Record<string, unknown> => ({
    full_name: full,
    name: full.split('/')[1],
    owner: { login: full.split('/')[0] },
    fork: full !== baseRepo
  });
  return {
    action: 'synchronize',
    number: opts.number ?? 42,
    pull_request: {
      number: opts.number ?? 42,
      state: 'open',
      head: {
        ref: 'feature',
        sha: opts.headSha ?? HEAD_SHA,
        repo: headRepo === null ? null : repoJson(headRepo)
      },
      base: {
        ref: opts.baseRef ?? 'main',
        ...(opts.baseSha === null ? {} : { sha: opts.baseSha ?? BASE_SHA }),
        repo: repoJson(baseRepo)
      }
    },
    repository: repoJson(baseRepo),
    sender: { login: 'octocat' }
  };
}

export function pushEvent(sha = MERGE_SHA, repo = 'acme/infra'): Record<string, unknown> {
  return {
    ref: 'refs/heads/main',
    before: '0'.repeat(40),
    after: sha,
    repository: { full_name: repo, name: repo.split('/')[1], owner: { login: repo.split('/')[0] } },
    head_commit: { id: sha }
  };
}
