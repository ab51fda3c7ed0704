/**
 * The base branch's manifest, for waivers. On pull-request and merge-queue runs a waiver of the head manifest applies
 * only if the base branch holds it (src/gate/waivers.ts decides). The base manifest is read with git when the
 * base commit is in the checkout (`git show SHA:./PATH` in GITHUB_WORKSPACE), else through the GitHub contents API at
 * that commit (GET /repos/{owner}/{repo}/contents/{path}?ref=SHA, GITHUB_API_URL honoured by the client factory).
 * When neither works, or the base manifest does not parse, no head waiver applies before merge (fail closed), and
 * the reason is logged and reported.
 */
import { execFile } from 'node:child_process';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { decideWaivers, type BaseWaivers, type WaiverBase, type WaiverDecision } from '../gate/waivers.js';
import type { Waiver } from '../manifest/load.js';
import type { Logger } from '../logging.js';
import { parseManifest } from '../manifest/load.js';
import { createGitHubClient, httpStatusOf, toGitHubApiError, type GitHubClient } from './client.js';
import { isPullRequestEvent } from '../run-context.js';
import { readGitHubContext, type GitHubContext } from './context.js';

/** Events whose waivers come from the base branch: the pull-request events of src/run-context.ts (merge queue included). */
export function waiversComeFromBase(eventName: string): boolean {
  return isPullRequestEvent(eventName);
}

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs git with the given arguments in `cwd` (no shell). */
export type GitRunner = (args: readonly string[], cwd: string) => Promise<GitResult>;

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export const runGit: GitRunner = (args, cwd) =>
  new Promise(res => {
    execFile(
      'git',
      [...args],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: MAX_MANIFEST_BYTES,
        timeout: 60_000,
        windowsHide: true,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' }
      },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
        res({ code, stdout, stderr: stderr || (err?.message ?? '') });
      }
    );
  });

export type BaseManifestText =
  { found: true; text: string; via: 'git' | 'contents-api' } | { found: false; reason: string };

export interface BaseManifestTarget {
  owner: string;
  repo: string;
  /** The base commit (40 or 64 hex digits, from the event payload). */
  sha: string;
  /** The manifest's path relative to the workspace (the repository root), forward slashes. */
  path: string;
  workspace: string;
}

export interface BaseManifestDeps {
  git: GitRunner;
  /** Builds the REST client (throws without a token). */
  github: () => GitHubClient;
}

const firstLine = (s: string): string => s.trim().split('\n')[0]?.slice(0, 300) ?? '';

/** The base manifest's text: git first when the commit is in the checkout, else the contents API. */
export async function readBaseManifest(t: BaseManifestTarget, deps: BaseManifestDeps): Promise<BaseManifestText> {
  const short = t.sha.slice(0, 12);
  // The SHA comes from the event payload and is checked as hex (context.ts), so it cannot be read as an option.
  const present = await deps.git(['cat-file', '-e', `${t.sha}^{commit}`], t.workspace);
  let gitNote: string;
  if (present.code === 0) {
    const shown = await deps.git(['show', '--no-textconv', `${t.sha}:./${t.path}`], t.workspace);
    if (shown.code === 0) return { found: true, text: shown.stdout, via: 'git' };
    // The commit is there and the file is not: the base branch has no manifest, so it holds no waiver.
    return {
      found: false,
      reason: `${t.path} does not exist at base commit ${short} (git: ${firstLine(shown.stderr)})`
    };
  }
  gitNote = `base commit ${short} is not in the checkout`;
  if (firstLine(present.stderr) !== '' && !/could not get object|not a valid|bad object/i.test(present.stderr)) {
    gitNote += ` (git: ${firstLine(present.stderr)})`;
  }

  let octokit: GitHubClient;
  try {
    octokit = deps.github();
  } catch (err) {
    return { found: false, reason: `${gitNote}, and the contents API is not available: ${(err as Error).message}` };
  }
  const route = `/repos/${t.owner}/${t.repo}/contents/${t.path}?ref=${t.sha}`;
  try {
    const res = await octokit.rest.repos.getContent({ owner: t.owner, repo: t.repo, path: t.path, ref: t.sha });
    const data = res.data as { type?: unknown; encoding?: unknown; content?: unknown };
    if (Array.isArray(res.data) || data.type !== 'file') {
      return { found: false, reason: `${gitNote}, and ${t.path} is not a file at ${short} (contents API)` };
    }
    if (data.encoding !== 'base64' || typeof data.content !== 'string') {
      // Files over 1 MB come without content (encoding "none").
      return {
        found: false,
        reason: `${gitNote}, and the contents API gave no content for ${t.path} at ${short} (encoding ${String(data.encoding)})`
      };
    }
    return { found: true, text: Buffer.from(data.content, 'base64').toString('utf8'), via: 'contents-api' };
  } catch (err) {
    const status = httpStatusOf(err);
    const detail = toGitHubApiError('GET', route, err).message;
    const hint =
      status === 404
        ? `: ${t.path} does not exist at ${short}, or the token cannot read the repository`
        : status === 403 || status === 401
          ? ': the token may not read the repository contents (permissions: contents: read)'
          : '';
    return { found: false, reason: `${gitNote}, and the contents API failed${hint} (${detail})` };
  }
}

export interface WaiverRunResult extends WaiverDecision {
  /** Set on pull-request and merge-queue runs with waivers; absent when waivers apply as written. */
  base?: WaiverBase;
}

export interface WaiverRunOptions {
  env: NodeJS.ProcessEnv;
  /** GITHUB_WORKSPACE: the repository root. */
  workspace: string;
  /** The manifest path as the action read it (relative to the working directory, or absolute). */
  manifestFile: string;
  githubToken: string;
}

/** A waiver's expiry never fails the base manifest's parse: the head's own check covers expiry. */
const NO_EXPIRY_CHECK = '0000-01-01';

/** The base branch's waivers for this run, or why they are unknown. */
async function baseWaivers(
  ctx: GitHubContext,
  opts: WaiverRunOptions,
  deps: BaseManifestDeps
): Promise<{ base: BaseWaivers; via?: 'git' | 'contents-api' }> {
  const sha = ctx.baseSha;
  if (sha === undefined) {
    const field = ctx.eventName === 'merge_group' ? 'merge_group.base_sha' : 'pull_request.base.sha';
    return { base: { readable: false, reason: `the event payload has no base commit (${field})` } };
  }
  const file = resolve(opts.manifestFile);
  const rel = relative(resolve(opts.workspace), file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    return {
      base: { readable: false, reason: `the manifest ${opts.manifestFile} is not inside GITHUB_WORKSPACE` }
    };
  }
  const path = rel.split(sep).join('/');
  const read = await readBaseManifest({ owner: ctx.owner, repo: ctx.repo, sha, path, workspace: opts.workspace }, deps);
  if (!read.found) return { base: { readable: false, reason: read.reason } };
  try {
    // The same loader as the head's, with the same workspace: referenced files resolve in the checkout and must be
    // inside GITHUB_WORKSPACE (not the working directory, which may be elsewhere).
    const manifest = parseManifest(read.text, file, NO_EXPIRY_CHECK, opts.workspace);
    return { base: { readable: true, waivers: manifest.waivers }, via: read.via };
  } catch (err) {
    const message = (err as Error).message.replace(/\s*\n\s*/g, '; ');
    return {
      base: {
        readable: false,
        reason: `the base branch's ${path} (at ${sha.slice(0, 12)}) does not load: ${message.slice(0, 600)}`
      },
      via: read.via
    };
  }
}

/**
 * The waivers that apply in this run. Outside pull-request and merge-queue runs: all of them, as written. On those
 * runs: only those the base branch's manifest holds (decideWaivers); the rest are proposed.
 */
export async function waiversForRun(
  head: readonly Waiver[],
  opts: WaiverRunOptions,
  logger: Logger,
  deps: BaseManifestDeps = {
    git: runGit,
    github: () => createGitHubClient({ token: opts.githubToken, env: opts.env, logger })
  }
): Promise<WaiverRunResult> {
  const eventName = opts.env.GITHUB_EVENT_NAME ?? '';
  if (!waiversComeFromBase(eventName) || head.length === 0) return { effective: [...head], proposed: [] };

  let ctx: GitHubContext | undefined;
  let payloadProblem = '';
  try {
    ctx = readGitHubContext(opts.env);
  } catch (err) {
    payloadProblem = (err as Error).message;
  }
  const judged: { base: BaseWaivers; via?: 'git' | 'contents-api' } =
    ctx === undefined
      ? { base: { readable: false, reason: `the event payload could not be read: ${payloadProblem}` } }
      : await baseWaivers(ctx, opts, deps);
  const { base, via } = judged;

  const decision = decideWaivers(head, base);
  const info: WaiverBase = { eventName };
  if (ctx?.baseSha !== undefined) info.sha = ctx.baseSha;
  if (via !== undefined) info.via = via;
  const at = info.sha !== undefined ? ` at ${info.sha.slice(0, 12)}` : '';
  if (!base.readable) {
    info.unreadable = base.reason;
    logger.warn(
      `Waivers come from the base branch on ${eventName} runs, and its manifest could not be used: ${base.reason}. ` +
        `None of the ${head.length} waiver(s) of this manifest applies before merge; their findings count.`
    );
  } else {
    logger.info(
      `Waivers come from the base branch${at} (read with ${via === 'git' ? 'git' : 'the contents API'}): ` +
        `${decision.effective.length} of ${head.length} apply.`
    );
  }
  for (const w of decision.proposed) {
    const why =
      w.why === 'new'
        ? 'not on the base branch'
        : w.why === 'later-expiry'
          ? `expires ${w.expires}, later than on the base branch (${w.baseExpires ?? '?'})`
          : 'base manifest unavailable';
    logger.info(
      `Proposed waiver (applies after merge), not applied: ${w.rule} / ${w.resourceId}${w.source ? ` (${w.source})` : ''}: ${why}.`
    );
  }
  return { ...decision, base: info };
}
