/**
 * GitHub OIDC issuer, STS (AssumeRoleWithWebIdentity, GetCallerIdentity) and request authentication, through
 * `@actions/core` getIDToken and the real SDK clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import * as core from '@actions/core';
import { ConfigServiceClient, DescribeConfigRulesCommand } from '@aws-sdk/client-config-service';
import { SNSClient, ListTopicsCommand } from '@aws-sdk/client-sns';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  type AssumeRoleWithWebIdentityCommandOutput
} from '@aws-sdk/client-sts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { startSimulator, type Simulator } from '../src/index.js';
import { parseAuthorization } from '../src/core/auth.js';
import { stringLike } from '../src/services/sts/handlers.js';

const region = 'us-east-1';
const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to be rejected');
}

/** Runs fn with the OIDC variables of a GitHub context in process.env (as the runner sets them). */
async function withContext<T>(sim: Simulator, context: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = {
    url: process.env['ACTIONS_ID_TOKEN_REQUEST_URL'],
    token: process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']
  };
  const env = sim.env(context);
  process.env['ACTIONS_ID_TOKEN_REQUEST_URL'] = env['ACTIONS_ID_TOKEN_REQUEST_URL'];
  process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] = env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  try {
    return await fn();
  } finally {
    for (const [k, v] of [
      ['ACTIONS_ID_TOKEN_REQUEST_URL', saved.url],
      ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', saved.token]
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** core.getIDToken prints ::add-mask:: and ::debug:: lines; keep the test output quiet. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' && chunk.startsWith('::') ? true : write(chunk as string, ...(rest as []));
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

function idToken(sim: Simulator, context?: string, audience?: string): Promise<string> {
  return withContext(sim, context, () => quietly(() => core.getIDToken(audience)));
}

describe('GitHub OIDC, STS and authentication', () => {
  let sim: Simulator;
  let sts: STSClient;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
    sts = new STSClient({ region, endpoint: sim.url, maxAttempts: 1 });
  });
  afterAll(async () => {
    sts.destroy();
    await sim.close();
  });
  afterEach(() => {
    sim.reset();
  });

  const assume = (
    token: string,
    extra: { DurationSeconds?: number; RoleArn?: string } = {}
  ): Promise<AssumeRoleWithWebIdentityCommandOutput> =>
    sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: ROLE,
        RoleSessionName: 'compliance-gate',
        WebIdentityToken: token,
        ...extra
      })
    );

  const credsOf = (out: AssumeRoleWithWebIdentityCommandOutput) => ({
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken!
  });

  it('hands out env for each GitHub context and refuses unknown ones', () => {
    const env = sim.env();
    expect(Object.keys(env).sort()).toEqual([
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'AWS_ENDPOINT_URL',
      'AWS_REGION'
    ]);
    expect(env['AWS_ENDPOINT_URL']).toBe(sim.url);
    expect(env['ACTIONS_ID_TOKEN_REQUEST_URL']).toBe(`${sim.url}/_oidc/token?api-version=2.0`);
    expect(sim.env('fork-pull-request')['ACTIONS_ID_TOKEN_REQUEST_TOKEN']).not.toBe(
      env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']
    );
    expect(() => sim.env('nightly')).toThrow(
      /Unknown GitHub context 'nightly'. Available contexts: main, pull-request, fork-pull-request, production/
    );
  });

  it('issues RS256 tokens with the GitHub claims via core.getIDToken', async () => {
    const before = Math.floor(sim.now().getTime() / 1000);
    const token = await idToken(sim, 'production', 'sts.amazonaws.com');
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sts.amazonaws.com',
      sub: 'repo:example-org/healthcare-infra:environment:production',
      repository: 'example-org/healthcare-infra',
      repository_owner: 'example-org',
      ref: 'refs/heads/main',
      event_name: 'workflow_dispatch',
      environment: 'production',
      actor: 'alice',
      run_attempt: '1'
    });
    expect(typeof claims['run_id']).toBe('string');
    expect(typeof claims['workflow']).toBe('string');
    expect(typeof claims.jti).toBe('string');
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.nbf).toBe(claims.iat);
    expect(claims.exp).toBe(claims.iat! + 300);

    const main = decodeJwt(await idToken(sim));
    expect(main.aud).toBe('https://github.com/example-org');
    expect('environment' in main).toBe(false);
  });

  it('answers 401 to a wrong request token', async () => {
    const res = await fetch(sim.env()['ACTIONS_ID_TOKEN_REQUEST_URL']!, { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    await expect(
      withContext(sim, undefined, async () => {
        process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] = 'wrong';
        return quietly(() => core.getIDToken('sts.amazonaws.com'));
      })
    ).rejects.toThrow(/Failed to get ID Token/);
    const jwks = (await (await fetch(`${sim.url}/_oidc/.well-known/jwks`)).json()) as { keys: Array<{ kty: string }> };
    expect(jwks.keys[0]!.kty).toBe('RSA');
  });

  it('assumes the role from main and returns what AWS returns', async () => {
    const out = await assume(await idToken(sim, 'main', 'sts.amazonaws.com'));
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/compliance-gate/compliance-gate');
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:compliance-gate$/);
    expect(out.SubjectFromWebIdentityToken).toBe('repo:example-org/healthcare-infra:ref:refs/heads/main');
    expect(out.Audience).toBe('sts.amazonaws.com');
    expect(out.Provider).toBe('https://token.actions.githubusercontent.com');
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const lifetime = out.Credentials!.Expiration!.getTime() - sim.now().getTime();
    expect(lifetime).toBeGreaterThan(3590_000);
    expect(lifetime).toBeLessThanOrEqual(3600_000);
    const issued = sim.state.credentials.find(c => c.accessKeyId === out.Credentials!.AccessKeyId);
    expect(issued?.sessionToken).toBe(out.Credentials!.SessionToken);
    expect(sim.secrets()).toEqual(
      expect.arrayContaining([out.Credentials!.SecretAccessKey, out.Credentials!.SessionToken])
    );

    const caller = new STSClient({ region, endpoint: sim.url, credentials: credsOf(out), maxAttempts: 1 });
    const me = await caller.send(new GetCallerIdentityCommand({}));
    caller.destroy();
    expect(me.Account).toBe('123456789012');
    expect(me.Arn).toBe('arn:aws:sts::123456789012:assumed-role/compliance-gate/compliance-gate');
    expect(me.UserId).toBe(out.AssumedRoleUser?.AssumedRoleId);
  });

  it('honours DurationSeconds up to the role maximum', async () => {
    const token = await idToken(sim, 'main', 'sts.amazonaws.com');
    const out = await assume(token, { DurationSeconds: 7200 });
    expect(out.Credentials!.Expiration!.getTime() - sim.now().getTime()).toBeGreaterThan(7190_000);
    const short = await startSimulator({
      scenario: {
        name: 'short-sessions',
        state: {
          roles: {
            [ROLE]: {
              arn: ROLE,
              oidcTrust: { audiences: ['sts.amazonaws.com'], subjects: ['repo:*'] },
              maxSessionDurationSeconds: 3600
            }
          }
        }
      }
    });
    const shortSts = new STSClient({ region, endpoint: short.url, maxAttempts: 1 });
    try {
      const token2 = await idToken(short, undefined, 'sts.amazonaws.com');
      const err = await rejection(
        shortSts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: ROLE,
            RoleSessionName: 's1',
            WebIdentityToken: token2,
            DurationSeconds: 7200
          })
        )
      );
      expect(err.name).toBe('ValidationError');
      expect(err.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    } finally {
      shortSts.destroy();
      await short.close();
    }
  });

  it('denies a wrong audience, a fork pull request and an unknown role', async () => {
    for (const [context, audience, role] of [
      ['main', 'https://example.com/not-sts', ROLE],
      ['fork-pull-request', 'sts.amazonaws.com', ROLE],
      ['main', 'sts.amazonaws.com', 'arn:aws:iam::123456789012:role/no-such-role'],
      ['main', 'sts.amazonaws.com', 'arn:aws:iam::123456789012:role/my-hipaa-remediation-role']
    ] as const) {
      const err = await rejection(assume(await idToken(sim, context, audience), { RoleArn: role }));
      expect(err.name).toBe('AccessDenied');
      expect(err.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
      expect(err.$metadata?.httpStatusCode).toBe(403);
    }
    // pull-request from the repository itself matches repo:example-org/healthcare-infra:*
    await expect(assume(await idToken(sim, 'pull-request', 'sts.amazonaws.com'))).resolves.toBeDefined();
  });

  it('rejects an expired token, a tampered token and a token from another issuer', async () => {
    const token = await idToken(sim, 'main', 'sts.amazonaws.com');
    sim.advanceClock(301);
    const expired = await rejection(assume(token));
    expect(expired.name).toBe('ExpiredTokenException');
    expect(expired.message).toMatch(
      /^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/
    );

    const fresh = await idToken(sim, 'main', 'sts.amazonaws.com');
    const [h, p, s] = fresh.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'repo:example-org/healthcare-infra:ref:refs/heads/evil' })).toString('base64url')}.${s}`;
    const tampered = await rejection(assume(forged));
    expect(tampered.name).toBe('InvalidIdentityTokenException');
    expect(tampered.message).toMatch(/not valid/);

    const other = await startSimulator({ scenario: 'seed' });
    try {
      const foreign = await rejection(assume(await idToken(other, 'main', 'sts.amazonaws.com')));
      expect(foreign.name).toBe('InvalidIdentityTokenException');
    } finally {
      await other.close();
    }
  });

  it('rejects unknown access keys and mismatched session tokens', async () => {
    const bogus = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    const stsBad = new STSClient({ region, endpoint: sim.url, credentials: bogus, maxAttempts: 1 });
    const q = await rejection(stsBad.send(new GetCallerIdentityCommand({})));
    stsBad.destroy();
    expect(q.name).toBe('InvalidClientTokenId');
    expect(q.message).toBe('The security token included in the request is invalid.');
    expect(q.$metadata?.httpStatusCode).toBe(403);

    const cfgBad = new ConfigServiceClient({ region, endpoint: sim.url, credentials: bogus, maxAttempts: 1 });
    const j = await rejection(cfgBad.send(new DescribeConfigRulesCommand({})));
    cfgBad.destroy();
    expect(j.name).toBe('UnrecognizedClientException');
    expect(j.message).toBe('The security token included in the request is invalid.');

    const out = await assume(await idToken(sim, 'main', 'sts.amazonaws.com'));
    const wrongToken = new STSClient({
      region,
      endpoint: sim.url,
      credentials: { ...credsOf(out), sessionToken: 'forged' },
      maxAttempts: 1
    });
    expect((await rejection(wrongToken.send(new GetCallerIdentityCommand({})))).name).toBe('InvalidClientTokenId');
    wrongToken.destroy();

    const unsigned = await fetch(sim.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'StarlingDoveService.DescribeConfigRules'
      },
      body: '{}'
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });

  it('expires session credentials at their expiration (simulator clock)', async () => {
    const out = await assume(await idToken(sim, 'main', 'sts.amazonaws.com'));
    const caller = new STSClient({ region, endpoint: sim.url, credentials: credsOf(out), maxAttempts: 1 });
    await caller.send(new GetCallerIdentityCommand({}));
    sim.advanceClock(3600);
    const err = await rejection(caller.send(new GetCallerIdentityCommand({})));
    caller.destroy();
    expect(err.name).toBe('ExpiredToken');
    expect(err.message).toBe('The security token included in the request is expired');
  });

  it('expireCredentialsAfterCalls makes credentials expire after N calls', async () => {
    sim.setFaults({ expireCredentialsAfterCalls: 2 });
    const out = await assume(await idToken(sim, 'main', 'sts.amazonaws.com'));
    const creds = credsOf(out);
    const caller = new STSClient({ region, endpoint: sim.url, credentials: creds, maxAttempts: 1 });
    const config = new ConfigServiceClient({ region, endpoint: sim.url, credentials: creds, maxAttempts: 1 });
    try {
      await caller.send(new GetCallerIdentityCommand({}));
      await caller.send(new GetCallerIdentityCommand({}));
      const q = await rejection(caller.send(new GetCallerIdentityCommand({})));
      expect(q.name).toBe('ExpiredToken');
      const j = await rejection(config.send(new DescribeConfigRulesCommand({})));
      expect(j.name).toBe('ExpiredTokenException');
      expect(j.message).toBe('The security token included in the request is expired');
      expect(j.$metadata?.httpStatusCode).toBe(400);
    } finally {
      caller.destroy();
      config.destroy();
    }
    // The static key is not a session credential: unaffected.
    const staticCaller = new STSClient({
      region,
      endpoint: sim.url,
      credentials: sim.staticCredentials(),
      maxAttempts: 1
    });
    for (let i = 0; i < 3; i++) await staticCaller.send(new GetCallerIdentityCommand({}));
    staticCaller.destroy();
  });

  it('serves every SDK client from one AWS_ENDPOINT_URL with the default credential chain', async () => {
    const keys = [
      'AWS_ENDPOINT_URL',
      'AWS_REGION',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN'
    ] as const;
    const saved = Object.fromEntries(keys.map(k => [k, process.env[k]]));
    const env = sim.env();
    process.env['AWS_ENDPOINT_URL'] = env['AWS_ENDPOINT_URL'];
    process.env['AWS_REGION'] = env['AWS_REGION'];
    process.env['AWS_ACCESS_KEY_ID'] = sim.staticCredentials().accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = sim.staticCredentials().secretAccessKey;
    delete process.env['AWS_SESSION_TOKEN'];
    try {
      const stsEnv = new STSClient({ maxAttempts: 1 });
      const snsEnv = new SNSClient({ maxAttempts: 1 });
      const me = await stsEnv.send(new GetCallerIdentityCommand({}));
      const topics = await snsEnv.send(new ListTopicsCommand({}));
      stsEnv.destroy();
      snsEnv.destroy();
      expect(me.Arn).toBe('arn:aws:iam::123456789012:user/compliance-gate-sim');
      expect(me.UserId).toMatch(/^AIDA/);
      expect(topics.Topics?.map(t => t.TopicArn)).toEqual(['arn:aws:sns:us-east-1:123456789012:my-sns-topic']);
      expect(sim.calls().byOperation).toMatchObject({ 'sts:GetCallerIdentity': 1, 'sns:ListTopics': 1 });
    } finally {
      for (const k of keys) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});

describe('auth helpers', () => {
  it('parses the SigV4 credential scope', () => {
    expect(
      parseAuthorization(
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/sns/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc'
      )
    ).toEqual({ accessKeyId: 'AKIDEXAMPLE', date: '20150830', region: 'us-east-1', service: 'sns' });
    expect(parseAuthorization('Bearer x')).toBeUndefined();
    expect(parseAuthorization(undefined)).toBeUndefined();
  });

  it('matches trust subjects with IAM StringLike wildcards', () => {
    expect(
      stringLike('repo:example-org/healthcare-infra:*', 'repo:example-org/healthcare-infra:ref:refs/heads/main')
    ).toBe(true);
    expect(stringLike('repo:example-org/healthcare-infra:*', 'repo:mallory/healthcare-infra-fork:pull_request')).toBe(
      false
    );
    expect(stringLike('repo:org/r?po:*', 'repo:org/repo:x')).toBe(true);
    expect(stringLike('repo:org/r?po:*', 'repo:org/rpo:x')).toBe(false);
    expect(stringLike('a.b', 'axb')).toBe(false);
  });
});
