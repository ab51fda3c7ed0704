/**
 * The run's GitHub context: which repository, which commit to attach results to, which pull request, and whether
 * the pull request comes from a fork. `parseGitHubContext` is pure (env + the parsed event payload);
 * `readGitHubContext` reads the payload from GITHUB_EVENT_PATH.
 *
 * For pull request events the commit is the PR head (`pull_request.head.sha`), not GITHUB_SHA: GitHub sets
 * GITHUB_SHA to the test merge commit, which no one sees on the pull request.
 */
import { readFileSync } from 'node:fs';
import { hasPullRequestPayload } from '../run-context.js';

export interface GitHubContext {
  eventName: string;
  /** The repository the workflow runs in (the base repository of a pull request). */
  owner: string;
  repo: string;
  /** The commit results belong to: the PR head for pull request events, else GITHUB_SHA. */
  headSha: string;
  prNumber?: number;
  /** A pull request whose head branch lives in another repository. */
  isFork: boolean;
  /** The branch a pull request targets (or a merge queue's base ref). */
  baseRef?: string;
  /**
   * The base commit: `pull_request.base.sha`, or `merge_group.base_sha` for a merge queue. Absent when the payload
   * has none or it is not a commit SHA.
   */
  baseSha?: string;
}

/** A problem with the variables or the event payload GitHub provides. */
export class GitHubContextError extends Error {
  override readonly name = 'GitHubContextError';
}

// The pull-request event lists live in src/run-context.ts (one list for the whole action).

type Env = Readonly<Record<string, string | undefined>>;
type Json = Record<string, unknown>;

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function splitRepository(fullName: string, from: string): { owner: string; repo: string } {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName);
  if (!m) throw new GitHubContextError(`${from} must look like owner/repo, got ${JSON.stringify(fullName)}`);
  return { owner: m[1]!, repo: m[2]! };
}

function checkSha(sha: string, from: string): string {
  if (!SHA.test(sha)) throw new GitHubContextError(`${from} is not a commit SHA: ${JSON.stringify(sha.slice(0, 80))}`);
  return sha.toLowerCase();
}

function sameRepo(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The context from GitHub's variables (GITHUB_EVENT_NAME, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_BASE_REF) and the
 * parsed event payload. `source` names the payload in error messages.
 */
export function parseGitHubContext(env: Env, payload: unknown, source = 'the event payload'): GitHubContext {
  const eventName = str(env.GITHUB_EVENT_NAME);
  if (eventName === undefined)
    throw new GitHubContextError('GITHUB_EVENT_NAME is not set: not running in GitHub Actions?');
  const event = obj(payload) ?? {};
  const repository = obj(event.repository);

  const fullName = str(env.GITHUB_REPOSITORY) ?? str(repository?.full_name);
  if (fullName === undefined) {
    throw new GitHubContextError(`GITHUB_REPOSITORY is not set and ${source} names no repository.full_name`);
  }
  const { owner, repo } = splitRepository(
    fullName,
    str(env.GITHUB_REPOSITORY) !== undefined ? 'GITHUB_REPOSITORY' : `repository.full_name in ${source}`
  );

  if (hasPullRequestPayload(eventName)) {
    const pr = obj(event.pull_request);
    if (pr === undefined) throw new GitHubContextError(`${source} of a ${eventName} event has no pull_request`);
    const head = obj(pr.head);
    const headSha = str(head?.sha);
    if (headSha === undefined) throw new GitHubContextError(`${source}: pull_request.head.sha is missing`);
    const number = pr.number;
    if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) {
      throw new GitHubContextError(`${source}: pull_request.number is missing or not a positive integer`);
    }
    const baseFullName = str(repository?.full_name) ?? str(obj(obj(pr.base)?.repo)?.full_name) ?? fullName;
    const headRepo = obj(head?.repo);
    // A head repository that no longer exists (null) was a fork that has since been deleted.
    const headFullName = str(headRepo?.full_name);
    const isFork = headFullName === undefined || !sameRepo(headFullName, baseFullName);
    const ctx: GitHubContext = {
      eventName,
      owner,
      repo,
      headSha: checkSha(headSha, `pull_request.head.sha in ${source}`),
      prNumber: number,
      isFork
    };
    const baseRef = str(obj(pr.base)?.ref) ?? str(env.GITHUB_BASE_REF);
    if (baseRef !== undefined) ctx.baseRef = baseRef;
    const baseSha = str(obj(pr.base)?.sha);
    if (baseSha !== undefined && SHA.test(baseSha)) ctx.baseSha = baseSha.toLowerCase();
    return ctx;
  }

  if (eventName === 'merge_group') {
    const group = obj(event.merge_group);
    const sha = str(group?.head_sha) ?? str(env.GITHUB_SHA);
    if (sha === undefined)
      throw new GitHubContextError(`${source}: merge_group.head_sha is missing and GITHUB_SHA is not set`);
    const ctx: GitHubContext = {
      eventName,
      owner,
      repo,
      headSha: checkSha(sha, 'merge_group.head_sha'),
      isFork: false
    };
    const baseRef = str(group?.base_ref);
    if (baseRef !== undefined) ctx.baseRef = baseRef;
    const baseSha = str(group?.base_sha);
    if (baseSha !== undefined && SHA.test(baseSha)) ctx.baseSha = baseSha.toLowerCase();
    return ctx;
  }

  const sha = str(env.GITHUB_SHA);
  if (sha === undefined) throw new GitHubContextError('GITHUB_SHA is not set');
  return { eventName, owner, repo, headSha: checkSha(sha, 'GITHUB_SHA'), isFork: false };
}

/**
 * Reads the event payload from GITHUB_EVENT_PATH and parses the context. Without GITHUB_EVENT_PATH the payload is
 * empty, which is enough for events other than pull requests.
 */
export function readGitHubContext(
  env: Env = process.env,
  readFile: (path: string) => string = p => readFileSync(p, 'utf8')
): GitHubContext {
  const path = str(env.GITHUB_EVENT_PATH);
  if (path === undefined) return parseGitHubContext(env, {}, 'the event payload (GITHUB_EVENT_PATH is not set)');
  let text: string;
  try {
    text = readFile(path);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new GitHubContextError(
      `Cannot read the event payload ${path} (GITHUB_EVENT_PATH): ${typeof code === 'string' ? code : String(err)}`
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (err) {
    throw new GitHubContextError(`${path} (GITHUB_EVENT_PATH) is not valid JSON: ${(err as Error).message}`);
  }
  return parseGitHubContext(env, payload, path);
}
