/**
 * Network conventions end to end against the simulator: every AWS call and the OIDC token request through a local
 * forward proxy (input http-proxy, or HTTP_PROXY), NO_PROXY bypassing it, proxy credentials never printed; the
 * token read from web-identity-token-file instead of requested; the default session name in CloudTrail's ARN.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from 'aws-sim';
import { cleanup, everythingPrinted, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
let sim: Simulator;
let proxy: ForwardProxy;
const PROXY_USER = 'proxyuser';
const PROXY_PASSWORD = 'pr0xy-pa55word-not-to-print';

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
  proxy = await startForwardProxy({ user: PROXY_USER, password: PROXY_PASSWORD });
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  proxy.requests.length = 0;
});

const simHost = (): string => new URL(sim.url).host;
const authedProxy = (): string => proxy.url.replace('http://', `http://${PROXY_USER}:${PROXY_PASSWORD}@`);
const failure = (r: ActionRunResult): string => /^::error::(.*)$/m.exec(r.stdout)?.[1] ?? '';

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'never', deploy: 'off', ...extra };
}

function expectNoSecrets(r: ActionRunResult): void {
  const printed = everythingPrinted(r);
  expect(printed).not.toContain(PROXY_PASSWORD);
  for (const secret of sim.secrets()) expect(printed).not.toContain(secret);
}

describe('proxy', () => {
  it('input http-proxy carries the token request and every AWS call; its credentials are never printed', async () => {
    const r = await runInProcess({ inputs: inputs({ 'http-proxy': authedProxy() }), env: sim.env('main') });
    expect(failure(r)).toBe('');
    expect(r.exitCode).toBe(0);
    expect(proxy.refused).toBe(0);
    // The simulator is a plain-HTTP endpoint: requests reach the proxy in absolute form.
    expect(proxy.requests.some(q => q.startsWith(`GET http://${simHost()}/_oidc/token?`))).toBe(true);
    const awsCalls = proxy.requests.filter(q => q.startsWith(`POST http://${simHost()}/`));
    const counted = Object.values(sim.calls().byOperation).reduce((a, b) => a + b, 0);
    expect(counted).toBeGreaterThan(2);
    expect(awsCalls.length).toBe(counted);
    expect(r.stdout).toContain(`http and https via http://***@${new URL(proxy.url).host}`);
    expectNoSecrets(r);
    cleanup(r);
  });

  it('HTTP_PROXY is honoured, and NO_PROXY naming the endpoint bypasses it', async () => {
    const viaEnv = await runInProcess({ inputs: inputs(), env: { ...sim.env('main'), HTTP_PROXY: authedProxy() } });
    expect(viaEnv.exitCode).toBe(0);
    const through = proxy.requests.length;
    expect(through).toBeGreaterThan(2);
    expect(viaEnv.stdout).toContain('(HTTP_PROXY)');
    expectNoSecrets(viaEnv);
    cleanup(viaEnv);

    proxy.requests.length = 0;
    sim.resetCalls();
    const bypassed = await runInProcess({
      inputs: inputs({ 'http-proxy': authedProxy() }),
      env: { ...sim.env('main'), no_proxy: `example.com, ${simHost()}` }
    });
    expect(failure(bypassed)).toBe('');
    expect(bypassed.exitCode).toBe(0);
    expect(sim.calls().byOperation['sts:GetCallerIdentity']).toBe(1);
    expect(proxy.requests).toEqual([]);
    cleanup(bypassed);
  });

  it('a proxy that refuses the credentials fails the run without printing them', async () => {
    const wrong = proxy.url.replace('http://', `http://${PROXY_USER}:wrong-${PROXY_PASSWORD}@`);
    const r = await runInProcess({
      inputs: inputs({ 'http-proxy': wrong, 'max-attempts': '1' }),
      env: sim.env('main')
    });
    expect(r.exitCode).toBe(1);
    expect(proxy.refused).toBeGreaterThan(0);
    expect(failure(r)).toContain('Could not get a GitHub OIDC token');
    expect(everythingPrinted(r)).not.toContain(PROXY_PASSWORD);
    cleanup(r);
  });

  it('a malformed http-proxy is an input error that does not echo the value', async () => {
    const r = await runInProcess({
      inputs: inputs({ 'http-proxy': 'ftp://u:s3cret@host:2121' }),
      env: sim.env('main')
    });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toBe("Input 'http-proxy' must be an http:// or https:// proxy URL, got 'ftp://***@host:2121'.");
    expect(r.stdout).not.toContain('s3cret');
    cleanup(r);
  });
});

describe('web-identity-token-file', () => {
  async function tokenFrom(context: string): Promise<string> {
    const env = sim.env(context);
    const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`, {
      headers: { Authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
    });
    return ((await res.json()) as { value: string }).value;
  }

  it('reads the token from the file (relative to the workspace) and never requests one', async () => {
    const token = await tokenFrom('main');
    const dir = mkdtempSync(join(tmpdir(), 'cg-token-'));
    writeFileSync(join(dir, 'token.jwt'), `${token}\n`);
    const { ACTIONS_ID_TOKEN_REQUEST_URL: _u, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t, ...awsOnly } = sim.env('main');
    const r = await runInProcess({
      inputs: inputs({ 'web-identity-token-file': 'token.jwt', 'http-proxy': authedProxy() }),
      env: awsOnly,
      cwd: dir
    });
    expect(failure(r)).toBe('');
    expect(r.exitCode).toBe(0);
    expect(sim.calls().byOperation['sts:AssumeRoleWithWebIdentity']).toBe(1);
    expect(proxy.requests.some(q => q.includes('/_oidc/token'))).toBe(false);
    // Masked for the runner's log (the one line that names it), printed nowhere else.
    expect(r.stdout).toContain(`::add-mask::${token}`);
    expect(everythingPrinted(r).replace(`::add-mask::${token}`, '')).not.toContain(token);
    cleanup(r);
  });

  it('an unreadable file is an error naming the file', async () => {
    const missing = await runInProcess({
      inputs: inputs({ 'web-identity-token-file': '/nonexistent/token' }),
      env: sim.env('main')
    });
    expect(missing.exitCode).toBe(1);
    expect(failure(missing)).toBe("Input 'web-identity-token-file': cannot read '/nonexistent/token' (no such file).");
    cleanup(missing);
  });
});
