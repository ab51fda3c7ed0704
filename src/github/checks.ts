/**
 * One check run on the pull request's head commit carrying every annotation. A workflow step shows at most 10
 * annotations of a level; the Checks API takes any number, 50 per request: the run is created with the first 50
 * (in progress), each further 50 are sent with an update (GitHub appends them), and the last request completes the
 * run with its conclusion.
 */
import { isAbsolute, relative } from 'node:path';
import { type GitHubClient, GitHubApiError, httpStatusOf, toGitHubApiError } from './client.js';
import { hasPullRequestPayload } from '../run-context.js';
import type { GitHubContext } from './context.js';

/** The Checks API takes at most 50 annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** output.title, output.summary and output.text: at most 65,535 characters each. */
export const MAX_OUTPUT_CHARS = 65_535;
/** An annotation's message: at most 64 KB. */
const MAX_ANNOTATION_MESSAGE_BYTES = 64 * 1024;
/** An annotation's title: at most 255 characters. */
const MAX_ANNOTATION_TITLE_CHARS = 255;

export type CheckConclusion = 'success' | 'failure' | 'neutral';

/** A finding or rule annotation (report/annotations.ts builds them): a workflow annotation or one of a check run. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface CheckRunInput {
  owner: string;
  repo: string;
  /** The commit the run belongs to: for a pull request its head SHA (GitHubContext.headSha), not GITHUB_SHA. */
  headSha: string;
  name: string;
  title: string;
  summary: string;
  text?: string;
  conclusion: CheckConclusion;
  annotations: readonly Annotation[];
  /** Where annotations without a file are anchored (line 1), e.g. the manifest's repository-relative path. */
  fallbackPath: string;
  /** Absolute annotation paths under this directory (GITHUB_WORKSPACE) are made repository-relative. */
  workspace?: string;
  detailsUrl?: string;
}

export type CheckRunResult =
  | { denied: false; url: string; id: number; requests: number }
  /** The token may not write checks (403/404 on create): report another way. Nothing was created. */
  | { denied: true; reason: string; status: number; requests: number };

/** An annotation as the Checks API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

const LEVELS: Record<Annotation['level'], CheckAnnotation['annotation_level']> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice'
};

/** Cuts before `end` without splitting a surrogate pair. */
function cutAt(s: string, end: number): string {
  let n = Math.max(0, end);
  if (n > 0 && n < s.length) {
    const c = s.charCodeAt(n - 1);
    if (c >= 0xd800 && c <= 0xdbff) n -= 1;
  }
  return s.slice(0, n);
}

/**
 * `text` within `max` characters (UTF-16 code units, so also within `max` code points). A cut text ends with a
 * note saying how much was left out.
 */
export function limitText(text: string, max: number, where = 'see the job summary and the JSON report'): string {
  if (text.length <= max) return text;
  const note = (omitted: number): string =>
    `\n\n… (cut to fit GitHub's limit of ${max.toLocaleString('en-US')} characters: ${omitted.toLocaleString('en-US')} more; ${where})`;
  // The note's own length depends on the count it states; the count of the whole text bounds it from above.
  const keep = Math.max(0, max - note(text.length).length);
  const kept = cutAt(text, keep);
  return (kept + note(text.length - kept.length)).slice(0, max);
}

/** A single line (a title) within `max` characters, ending with `mark` (an ellipsis by default) when cut. */
export function limitLine(text: string, max: number, mark = '…'): string {
  if (text.length <= max) return text;
  return `${cutAt(text, max - mark.length)}${mark}`;
}

/** `text` within `maxBytes` bytes of UTF-8, ending with a note when cut. */
export function limitBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const note = ' … (message cut to fit GitHub’s 64 KB limit)';
  let budget = maxBytes - Buffer.byteLength(note, 'utf8');
  let out = '';
  for (const ch of text) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (b > budget) break;
    budget -= b;
    out += ch;
  }
  return out + note;
}

/** A repository-relative path with forward slashes; `fallback` when there is none. */
export function annotationPath(file: string | undefined, fallback: string, workspace?: string): string {
  const tidy = (p: string): string => {
    let s = p.trim().replace(/\\/g, '/');
    if (workspace !== undefined && workspace !== '' && isAbsolute(s)) {
      const rel = relative(workspace, s).replace(/\\/g, '/');
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) s = rel;
    }
    while (s.startsWith('./')) s = s.slice(2);
    return s;
  };
  const p = file === undefined ? '' : tidy(file);
  if (p !== '') return p;
  const f = tidy(fallback);
  return f === '' ? '.' : f;
}

/** Maps an annotation to the Checks API's shape, within its limits. Never drops one. */
export function toCheckAnnotation(a: Annotation, fallbackPath: string, workspace?: string): CheckAnnotation {
  const hasFile = a.file !== undefined && a.file.trim() !== '';
  const line =
    hasFile && a.startLine !== undefined && Number.isInteger(a.startLine) && a.startLine > 0 ? a.startLine : 1;
  const out: CheckAnnotation = {
    path: annotationPath(hasFile ? a.file : undefined, fallbackPath, workspace),
    start_line: line,
    end_line: line,
    annotation_level: LEVELS[a.level],
    message: limitBytes(a.message === '' ? a.title || '(no message)' : a.message, MAX_ANNOTATION_MESSAGE_BYTES)
  };
  if (a.title !== '') out.title = limitLine(a.title, MAX_ANNOTATION_TITLE_CHARS);
  if (
    hasFile &&
    a.startLine !== undefined &&
    a.startColumn !== undefined &&
    Number.isInteger(a.startColumn) &&
    a.startColumn > 0
  ) {
    out.start_column = a.startColumn;
    out.end_column = a.startColumn;
  }
  return out;
}

/** Splits into batches of `size` (at least one batch, possibly empty). */
export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Output {
  title: string;
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
}

function output(input: CheckRunInput, annotations: CheckAnnotation[], summaryNote = ''): Output {
  const out: Output = {
    title: limitLine(input.title.replace(/\s+/g, ' ').trim() || input.name, MAX_OUTPUT_CHARS, '… (title cut)'),
    summary: limitText(summaryNote === '' ? input.summary : `${summaryNote}\n\n${input.summary}`, MAX_OUTPUT_CHARS),
    annotations
  };
  if (input.text !== undefined && input.text !== '') out.text = limitText(input.text, MAX_OUTPUT_CHARS);
  return out;
}

function deniedReason(status: number, err: GitHubApiError): string {
  return (
    `${err.message}. The token cannot write check runs: give the job \`permissions: checks: write\`; ` +
    'pull requests from forks get a read-only token, so their findings are reported in the job summary and ' +
    'workflow annotations only.' +
    (status === 404 ? ' (GitHub answers 404 when the token cannot see the repository.)' : '')
  );
}

/**
 * Creates one check run on `headSha` carrying every annotation, 50 per request, and completes it with
 * `conclusion` on the last request. A 403 or 404 on create (a read-only token) is returned as `denied`; any other
 * failure throws a GitHubApiError naming the request. If an update fails after the run was created, the run is
 * still completed (best effort, with a note that annotations are missing) before the error is thrown.
 */
export async function publishCheckRun(octokit: GitHubClient, input: CheckRunInput): Promise<CheckRunResult> {
  const { owner, repo } = input;
  const all = input.annotations.map(a => toCheckAnnotation(a, input.fallbackPath, input.workspace));
  const parts = batches(all);
  const createPath = `/repos/${owner}/${repo}/check-runs`;
  let requests = 0;

  const first = parts[0]!;
  const single = parts.length === 1;
  let id: number;
  let url: string;
  try {
    requests++;
    const res = await octokit.rest.checks.create({
      owner,
      repo,
      name: input.name,
      head_sha: input.headSha,
      ...(input.detailsUrl !== undefined ? { details_url: input.detailsUrl } : {}),
      ...(single ? { status: 'completed' as const, conclusion: input.conclusion } : { status: 'in_progress' as const }),
      output: output(input, first)
    });
    id = res.data.id;
    url = res.data.html_url ?? res.data.url;
  } catch (err) {
    const status = httpStatusOf(err);
    const apiErr = toGitHubApiError('POST', createPath, err);
    if (status === 403 || status === 404) {
      if (!isRateLimited(err)) return { denied: true, reason: deniedReason(status, apiErr), status, requests };
    }
    throw apiErr;
  }

  const updatePath = `${createPath}/${id}`;
  let sent = first.length;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    try {
      requests++;
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: id,
        ...(last ? { status: 'completed' as const, conclusion: input.conclusion } : {}),
        output: output(input, part)
      });
      sent += part.length;
    } catch (err) {
      const apiErr = toGitHubApiError('PATCH', updatePath, err);
      // Do not leave the run "in progress" forever: complete it, saying annotations are missing.
      try {
        requests++;
        await octokit.rest.checks.update({
          owner,
          repo,
          check_run_id: id,
          status: 'completed',
          conclusion: input.conclusion,
          output: output(
            input,
            [],
            `**Only ${sent} of ${all.length} annotations could be attached** (${apiErr.message}); ` +
              'see the job summary and the JSON report for all findings.'
          )
        });
      } catch {
        // The original error is the one to report.
      }
      throw apiErr;
    }
  }
  return { denied: false, url, id, requests };
}

/** A 403 that is GitHub's rate limit, not a missing permission. */
function isRateLimited(err: unknown): boolean {
  const headers = (err as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
  return headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined;
}

export type ChecksInput = 'auto' | 'on' | 'off';

export interface ChecksDecision {
  use: boolean;
  /** Why, for the log (a notice when a fork pull request skips the Checks API). */
  reason: string;
}

/**
 * Whether to publish a check run. `off`: never; `on`: always try (a denial falls back to report-only); `auto`: on
 * pull request, push and merge queue events, except pull requests from forks under `pull_request` (and its review
 * events), whose token is read-only. `pull_request_target` runs with the base repository's token, so it tries.
 */
export function checksMode(input: ChecksInput, ctx: Pick<GitHubContext, 'eventName' | 'isFork'>): ChecksDecision {
  if (input === 'off') return { use: false, reason: 'checks is off: findings are reported as workflow annotations.' };
  if (input === 'on') return { use: true, reason: 'checks is on: publishing a check run with every annotation.' };
  const event = ctx.eventName;
  if (hasPullRequestPayload(event)) {
    if (ctx.isFork && event !== 'pull_request_target') {
      return {
        use: false,
        reason:
          'This pull request comes from a fork, and GitHub gives such runs a read-only token that cannot create ' +
          'check runs: findings are reported in the job summary and workflow annotations only (GitHub shows at ' +
          'most 10 annotations of a level per step).'
      };
    }
    return { use: true, reason: `${event} event: publishing a check run on the pull request's head commit.` };
  }
  if (event === 'push' || event === 'merge_group') {
    return { use: true, reason: `${event} event: publishing a check run on the commit.` };
  }
  return {
    use: false,
    reason: `${event} event is not a pull request or push: findings are reported as workflow annotations.`
  };
}
