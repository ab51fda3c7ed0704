/**
 * The GitHub OIDC token: requested from the runner's token service (as @actions/core getIDToken does:
 * GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=AUD with the bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN, answer
 * {"value": JWT}), or read from the `web-identity-token-file` input (as aws-actions/configure-aws-credentials does).
 *
 * The request is made here rather than through getIDToken so that it honours the action's proxy settings
 * (proxy.ts): @actions/http-client reads only the proxy variables, not the `http-proxy` input, and never proxies
 * loopback hosts. The token is never printed; the caller masks it (setSecret).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { ProxyAgents } from './proxy.js';

export interface TokenRequest {
  url: string;
  bearer: string;
  audience: string;
  agents?: ProxyAgents;
  /** Attempts for 5xx answers and network errors (the action's max-attempts). */
  maxAttempts: number;
}

const RETRIED_STATUS = new Set([500, 502, 503, 504]);

function get(url: URL, bearer: string, agents: ProxyAgents | undefined): Promise<{ status: number; body: string }> {
  const secure = url.protocol === 'https:';
  const agent = agents ? (secure ? agents.httpsAgent : agents.httpAgent) : undefined;
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      {
        method: 'GET',
        headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'User-Agent': 'actions/oidc-client' },
        ...(agent ? { agent } : {}),
        timeout: 30_000
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      }
    );
    req.on('timeout', () => req.destroy(new Error('the token request timed out after 30 s')));
    req.on('error', reject);
    req.end();
  });
}

/** Requests a token; errors name the HTTP status or network error, never the bearer or a token. */
export async function requestIdToken(r: TokenRequest): Promise<string> {
  let url: URL;
  try {
    url = new URL(`${r.url}&audience=${encodeURIComponent(r.audience)}`);
  } catch {
    throw new Error('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL.');
  }
  let lastError = '';
  for (let attempt = 1; attempt <= r.maxAttempts; attempt++) {
    let res: { status: number; body: string };
    try {
      res = await get(url, r.bearer, r.agents);
    } catch (err) {
      lastError = (err as Error).message;
      continue;
    }
    if (RETRIED_STATUS.has(res.status)) {
      lastError = `HTTP ${res.status}`;
      continue;
    }
    if (res.status !== 200) throw new Error(`the token service answered HTTP ${res.status}`);
    let value: unknown;
    try {
      value = (JSON.parse(res.body) as { value?: unknown }).value;
    } catch {
      value = undefined;
    }
    if (typeof value !== 'string' || value === '') throw new Error('the token service answered without a token');
    return value;
  }
  throw new Error(`the token request failed after ${r.maxAttempts} attempt(s): ${lastError}`);
}

/** Reads the token from web-identity-token-file; an unreadable or empty file is an error naming the file. */
export async function readTokenFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(
      'web-identity-token-file',
      `Input 'web-identity-token-file': cannot read '${path}' (${code === 'ENOENT' ? 'no such file' : code}).`
    );
  }
  const token = text.trim();
  if (token === '') {
    throw new InputError('web-identity-token-file', `Input 'web-identity-token-file': '${path}' is empty.`);
  }
  return token;
}
