/**
 * The only place that builds a GitHub REST client (Octokit from @actions/github). It honours GITHUB_API_URL
 * (GitHub Enterprise Server) and sends the token only in the Authorization header: no message, log line or error
 * built here or by the modules using this client ever contains it.
 */
import { getOctokit } from '@actions/github';
import { UserError } from '../errors.js';
import type { Logger } from '../logging.js';
import { USER_AGENT_NAME, VERSION } from '../version.js';

/** The Octokit that @actions/github builds: REST endpoint methods and `paginate`. */
export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientSettings {
  /** GITHUB_TOKEN or a personal access token. Never printed. */
  token: string;
  /** API base URL; default GITHUB_API_URL from `env`, else https://api.github.com. */
  apiUrl?: string;
  /** Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Octokit's own log lines (deprecations) go here; default: dropped. */
  logger?: Logger;
}

export const DEFAULT_API_URL = 'https://api.github.com';

/** The API base URL: an explicit one, else GITHUB_API_URL, else github.com's; without a trailing slash. */
export function apiBaseUrl(env: NodeJS.ProcessEnv, explicit?: string): string {
  const raw = (explicit ?? env.GITHUB_API_URL ?? '').trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`GITHUB_API_URL is not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`GITHUB_API_URL must be an http(s) URL, got ${JSON.stringify(url.protocol)}`);
  }
  return raw.replace(/\/+$/, '');
}

/** Shapes of tokens GitHub issues; a second line of defence when a message might echo one. */
const TOKEN_SHAPES = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;

/** Replaces the token (when given) and anything shaped like a GitHub token with ***. */
export function redactToken(text: string, token?: string): string {
  let out = text;
  if (token !== undefined && token.length >= 4) out = out.split(token).join('***');
  return out.replace(TOKEN_SHAPES, '***');
}

interface MutableMessage {
  message?: unknown;
  response?: { data?: unknown };
}

/** Builds the REST client. Throws when the token is empty (without echoing it). */
export function createGitHubClient(settings: GitHubClientSettings): GitHubClient {
  const token = settings.token.trim();
  if (token === '') {
    throw new Error(
      'A GitHub token is needed for the Checks API and pull request files (pass `github-token`, e.g. ${{ github.token }}).'
    );
  }
  const env = settings.env ?? process.env;
  const baseUrl = apiBaseUrl(env, settings.apiUrl);
  const logger = settings.logger;
  const log = {
    debug: (m: string) => logger?.debug(redactToken(m, token)),
    info: (m: string) => logger?.debug(redactToken(m, token)),
    warn: (m: string) => logger?.warn(redactToken(m, token)),
    error: (m: string) => logger?.warn(redactToken(m, token))
  };
  const octokit = getOctokit(token, { baseUrl, userAgent: `${USER_AGENT_NAME}/${VERSION}`, log });
  // @octokit/request logs (deprecation notices) to console unless the request carries a log; passing `request`
  // in the options would replace @actions/github's proxy-aware fetch, so it is set per request instead.
  octokit.hook.before('request', options => {
    options.request = { ...options.request, log };
  });
  // Whatever the server answers, an error leaving Octokit does not carry the token in its message.
  octokit.hook.error('request', (error: unknown) => {
    if (error !== null && typeof error === 'object') {
      const e = error as MutableMessage;
      if (typeof e.message === 'string') e.message = redactToken(e.message, token);
      const data = e.response?.data;
      if (data !== null && typeof data === 'object' && typeof (data as MutableMessage).message === 'string') {
        const d = data as MutableMessage;
        d.message = redactToken(d.message as string, token);
      }
    }
    throw error;
  });
  return octokit;
}

/** A GitHub REST call failed: names the request (method and path), the HTTP status and GitHub's request id. */
export class GitHubApiError extends UserError {
  override readonly name = 'GitHubApiError';
  constructor(
    readonly method: string,
    readonly path: string,
    /** HTTP status; 0 when no answer came (network error). */
    readonly status: number,
    detail: string,
    readonly requestId?: string
  ) {
    super(
      `GitHub API ${method} ${path} failed: ${status === 0 ? 'no response' : `HTTP ${status}`}: ${detail}` +
        (requestId ? ` (request id ${requestId})` : '')
    );
  }

  /** Bad credentials, missing permission or validation: the user can fix it, not a defect or outage. */
  override get userError(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404 || this.status === 422;
  }
}

interface OctokitLikeError {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown>; data?: unknown };
}

/** Octokit's message (GitHub's `message`, validation `errors`, documentation link), single-line, bounded. */
function detailOf(e: OctokitLikeError): string {
  const detail = (typeof e.message === 'string' ? e.message : '').replace(/\s+/g, ' ').trim() || 'unknown error';
  return detail.length > 500 ? `${detail.slice(0, 499)}…` : detail;
}

/** Wraps an Octokit error into a GitHubApiError naming the request; redacts anything token-shaped. */
export function toGitHubApiError(method: string, path: string, err: unknown): GitHubApiError {
  if (err instanceof GitHubApiError) return err;
  const e = (err ?? {}) as OctokitLikeError;
  const hasResponse = e.response !== undefined;
  const status = hasResponse && typeof e.status === 'number' ? e.status : 0;
  const rid = e.response?.headers?.['x-github-request-id'];
  const detail = redactToken(detailOf(e));
  return new GitHubApiError(method, path, status, detail, typeof rid === 'string' && rid !== '' ? rid : undefined);
}

/** The HTTP status of an Octokit error that carries an answer, else undefined. */
export function httpStatusOf(err: unknown): number | undefined {
  const e = (err ?? {}) as OctokitLikeError;
  return e.response !== undefined && typeof e.status === 'number' ? e.status : undefined;
}
