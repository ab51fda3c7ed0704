/**
 * Credentials from an earlier step (aws-actions/configure-aws-credentials exports AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and AWS_REGION): without role-to-assume the action uses the SDK's default
 * chain, which reads them. Also the local route of .env.example: the simulator's static key pair.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startSimulator, type Simulator } from 'aws-sim';
import { cleanup, everythingPrinted, REPO_ROOT, runInProcess } from '../helpers/action-env.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

/** What configure-aws-credentials does with role-to-assume: a web identity session, exported to the environment. */
async function sessionFromEarlierStep(): Promise<Record<string, string>> {
  const env = sim.env('main');
  const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`, {
    headers: { Authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  });
  const token = ((await res.json()) as { value: string }).value;
  const sts = new STSClient({
    region: 'us-east-1',
    endpoint: sim.url,
    credentials: { accessKeyId: '', secretAccessKey: '' }
  });
  const out = await sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: 'arn:aws:iam::123456789012:role/compliance-gate',
      RoleSessionName: 'GitHubActions',
      WebIdentityToken: token
    })
  );
  sts.destroy();
  const c = out.Credentials!;
  return {
    AWS_ACCESS_KEY_ID: c.AccessKeyId!,
    AWS_SECRET_ACCESS_KEY: c.SecretAccessKey!,
    AWS_SESSION_TOKEN: c.SessionToken!,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1'
  };
}

describe('credentials from an earlier configure-aws-credentials step', () => {
  it('are used through the default chain when role-to-assume is not set', async () => {
    const exported = await sessionFromEarlierStep();
    const { ACTIONS_ID_TOKEN_REQUEST_URL: _u, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t, ...awsOnly } = sim.env('main');
    sim.resetCalls();
    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'fail-on': 'never', deploy: 'off' },
      env: { ...awsOnly, ...exported }
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('assumed-role/compliance-gate/GitHubActions');
    expect(r.stdout).toContain('(default credential chain)');
    expect(sim.calls().byOperation['sts:AssumeRoleWithWebIdentity']).toBeUndefined();
    const printed = everythingPrinted(r);
    expect(printed).not.toContain(exported.AWS_SECRET_ACCESS_KEY);
    expect(printed).not.toContain(exported.AWS_SESSION_TOKEN);
    cleanup(r);
  });

  it('no credentials at all: the README troubleshooting message, exit code 1', async () => {
    const { ACTIONS_ID_TOKEN_REQUEST_URL: _u, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t, ...awsOnly } = sim.env('main');
    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'fail-on': 'never', deploy: 'off', 'max-attempts': '1' },
      env: awsOnly
    });
    expect(r.exitCode).toBe(1);
    const message =
      'sts:GetCallerIdentity failed: CredentialsProviderError: Could not load credentials from any providers';
    expect(r.stdout).toMatch(new RegExp(`^::error::${message}`, 'm'));
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).toContain(message);
    cleanup(r);
  });

  it('a failed identity check exits non-zero with the documented message', async () => {
    const { ACTIONS_ID_TOKEN_REQUEST_URL: _u, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t, ...awsOnly } = sim.env('main');
    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'fail-on': 'never', deploy: 'off', 'max-attempts': '1' },
      env: { ...awsOnly, AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNUNKNOWN00', AWS_SECRET_ACCESS_KEY: 'x'.repeat(40) }
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^::error::sts:GetCallerIdentity failed: InvalidClientTokenId/m);
    cleanup(r);
  });
});

describe('.env.example (running locally with @github/local-action)', () => {
  it('uses the simulator static key pair, without role-to-assume, and runs against the simulator', async () => {
    const text = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    const vars = Object.fromEntries(
      text
        .split('\n')
        .filter(l => /^[A-Z_][A-Z0-9_-]*=/.test(l))
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    );
    expect(vars['INPUT_ROLE-TO-ASSUME']).toBeUndefined();
    expect(vars['AWS_ACCESS_KEY_ID']).toBe('SIM_ACCESS_KEY_ID_VALUE');
    const key = sim.staticCredentials();
    const inputs: Record<string, string> = {};
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(vars)) {
      if (k.startsWith('INPUT_')) inputs[k.slice('INPUT_'.length).toLowerCase()] = v;
      else env[k] = v;
    }
    inputs['config'] = join(REPO_ROOT, inputs['config']!);
    Object.assign(env, {
      AWS_ENDPOINT_URL: sim.url,
      AWS_ACCESS_KEY_ID: key.accessKeyId,
      AWS_SECRET_ACCESS_KEY: key.secretAccessKey
    });
    const r = await runInProcess({ inputs, env });
    expect(r.stdout).toContain('Authenticated as arn:aws:iam::123456789012:user/');
    expect(r.outputs['aws-account-id']).toBe('123456789012');
    cleanup(r);
  });
});
