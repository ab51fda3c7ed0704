/**
 * The foundation end to end: run() in-process and the built dist/index.js (spawned as GitHub runs it) against the
 * simulated account through AWS_ENDPOINT_URL, with GitHub OIDC. No issued secret may appear anywhere.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  cleanup,
  everythingPrinted,
  REPO_ROOT,
  runDist,
  runInProcess,
  type ActionRunResult
} from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
});

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'never', ...extra };
}

function failure(r: ActionRunResult): string {
  return /^::error::(.*)$/m.exec(r.stdout)?.[1] ?? '';
}

function expectNoSecrets(r: ActionRunResult): void {
  const printed = everythingPrinted(r);
  const secrets = sim.secrets();
  for (const secret of secrets) expect(printed).not.toContain(secret);
}

describe('run() against the simulator', () => {
  it('assumes the role through OIDC in the main context and outputs the account id', async () => {
    const r = await runInProcess({ inputs: inputs(), env: sim.env('main') });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['aws-account-id']).toBe('123456789012');
    expect(r.stdout).toContain('assumed-role/compliance-gate/gh-1234567890-1-alice@example-org.healthcare-infra');
    expect(sim.calls().byOperation['sts:AssumeRoleWithWebIdentity']).toBe(1);
    expect(sim.secrets().length).toBeGreaterThan(0);
    expectNoSecrets(r);
    cleanup(r);
  });

  it('a wrong audience fails with a message naming the audience and sub', async () => {
    const r = await runInProcess({ inputs: inputs({ audience: 'wrong-audience' }), env: sim.env('main') });
    expect(r.exitCode).toBe(1);
    const message = failure(r);
    expect(message).toContain('sts:AssumeRoleWithWebIdentity failed: AccessDenied');
    expect(message).toContain("aud 'wrong-audience'");
    expect(message).toContain("sub 'repo:example-org/healthcare-infra:ref:refs/heads/main'");
    expect(message).toMatch(/request id \S+/);
    expectNoSecrets(r);
    cleanup(r);
  });

  it('a fork pull request is denied by the trust policy', async () => {
    const r = await runInProcess({ inputs: inputs(), env: sim.env('fork-pull-request') });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toContain("sub 'repo:mallory/healthcare-infra-fork:pull_request'");
    expect(r.outputs['aws-account-id']).toBeUndefined();
    cleanup(r);
  });

  it('an account outside allowed-account-ids fails', async () => {
    const r = await runInProcess({ inputs: inputs({ 'allowed-account-ids': '210987654321' }), env: sim.env('main') });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toContain('account 123456789012, which is not in allowed-account-ids (210987654321)');
    expect(sim.calls().byOperation['config:DescribeComplianceByConfigRule']).toBeUndefined();
    cleanup(r);
  });

  it('without ACTIONS_ID_TOKEN_REQUEST_URL it fails with the id-token: write hint', async () => {
    const { ACTIONS_ID_TOKEN_REQUEST_URL: _u, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t, ...env } = sim.env('main');
    const r = await runInProcess({ inputs: inputs(), env });
    expect(r.exitCode).toBe(1);
    // The input error itself, not wrapped as a failure of the AWS call whose credentials it was to provide.
    expect(failure(r)).toMatch(
      /^role-to-assume is set, but GitHub provided no OIDC token: .*permissions: id-token: write/
    );
    expect(sim.calls().total).toBe(0);
    cleanup(r);
  });

  it('refreshes credentials that expire mid-run', async () => {
    sim.setFaults({ expireCredentialsAfterCalls: 2 });
    const r = await runInProcess({ inputs: inputs(), env: sim.env('main') });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['noncompliant-count']).toBe('3');
    // GetCallerIdentity + 4 Config reads with sessions good for 2 calls each: at least 3 sessions.
    expect(sim.calls().byOperation['sts:AssumeRoleWithWebIdentity']).toBeGreaterThanOrEqual(3);
    expect(r.stdout).toContain('assuming the role again');
    expectNoSecrets(r);
    cleanup(r);
  });

  it('uses the default credential chain without role-to-assume', async () => {
    const creds = sim.staticCredentials();
    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'fail-on': 'never' },
      env: { ...sim.env('main'), AWS_ACCESS_KEY_ID: creds.accessKeyId, AWS_SECRET_ACCESS_KEY: creds.secretAccessKey }
    });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['aws-account-id']).toBe('123456789012');
    expect(r.stdout).toContain('default credential chain');
    expect(everythingPrinted(r)).not.toContain(creds.secretAccessKey);
    cleanup(r);
  });

  it('a bad input fails before any call, naming the input and value', async () => {
    const r = await runInProcess({ inputs: inputs({ 'max-attempts': 'abc' }), env: sim.env('main') });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toBe("Input 'max-attempts' must be a whole number from 1 to 20, got 'abc'.");
    expect(sim.calls().total).toBe(0);
    cleanup(r);
  });
});

describe('dist/index.js spawned as GitHub runs it', () => {
  const dist = join(REPO_ROOT, 'dist', 'index.js');

  it('is built', () => {
    expect(existsSync(dist)).toBe(true);
  });

  it('succeeds in the main context and writes outputs and the summary', async () => {
    const r = await runDist({ inputs: inputs(), env: sim.env('main') });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.exitCode).toBe(0);
    expect(r.outputs['aws-account-id']).toBe('123456789012');
    expect(r.outputs['noncompliant-count']).toBe('3');
    expect(r.summary).toContain('claims-uploads');
    expectNoSecrets(r);
    cleanup(r);
  });

  it('fails a fork pull request with exit code 1 and no secret printed', async () => {
    const r = await runDist({ inputs: inputs(), env: sim.env('fork-pull-request') });
    expect(r.exitCode).toBe(1);
    expect(failure(r)).toContain('AccessDenied');
    expectNoSecrets(r);
    cleanup(r);
  });
});
