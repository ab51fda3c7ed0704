/**
 * OIDC credentials against the simulator's OIDC issuer and STS: one session shared by every caller, a new one when
 * the current one nears expiry or AWS says it expired, and messages that name the claims, never the token.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createWebIdentityStsClient } from '../../../src/aws/clients.js';
import { OidcCredentials, REFRESH_WINDOW_MS, describeTokenClaims } from '../../../src/aws/credentials.js';
import { readTokenFile, requestIdToken } from '../../../src/aws/oidc-token.js';
import { MemoryLogger } from '../../helpers/memory-logger.js';
import { startSimulator, type Simulator } from 'aws-sim';

let sim: Simulator;
const saved = { ...process.env };
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
  Object.assign(process.env, sim.env('main'), { AWS_ENDPOINT_URL: sim.url });
});
afterAll(async () => {
  await sim.close();
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
});

function credentials(now: () => number, audience = 'sts.amazonaws.com'): OidcCredentials {
  const sts = createWebIdentityStsClient({ region: 'us-east-1', maxAttempts: 1 });
  return new OidcCredentials(
    {
      roleArn: 'arn:aws:iam::123456789012:role/compliance-gate',
      audience,
      roleSessionName: 'unit-test',
      durationSeconds: 900
    },
    {
      // The action's token request (no ::add-mask:: line: the action masks in steps.ts).
      getIDToken: audience =>
        requestIdToken({
          url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL!,
          bearer: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN!,
          audience,
          maxAttempts: 1
        }),
      readTokenFile,
      sts: () => sts,
      env: process.env,
      logger: new MemoryLogger(),
      now
    }
  );
}

describe('OidcCredentials', () => {
  it('shares one session, and assumes the role again when the session nears expiry', async () => {
    let now = Date.now();
    const creds = credentials(() => now);
    const first = await creds.provider();
    const [again, concurrent] = await Promise.all([creds.provider(), creds.provider()]);
    expect(again).toBe(first);
    expect(concurrent).toBe(first);
    expect(creds.sessions).toBe(1);

    now = first.expiration!.getTime() - REFRESH_WINDOW_MS + 1000;
    const renewed = await creds.provider();
    expect(creds.sessions).toBe(2);
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
  });

  it('invalidate() makes the next call assume the role again, at most 5 times', async () => {
    const creds = credentials(() => Date.now());
    expect(creds.invalidate()).toBe(false); // nothing to invalidate yet
    await creds.provider();
    for (let i = 0; i < 5; i++) {
      expect(creds.invalidate()).toBe(true);
      await creds.provider();
    }
    expect(creds.sessions).toBe(6);
    expect(creds.invalidate()).toBe(false);
  });

  it('a trust policy mismatch names the claims, never the token', async () => {
    const creds = credentials(() => Date.now(), 'not-the-audience');
    const err = await creds.provider().then(
      () => undefined,
      (e: unknown) => e as Error
    );
    expect(err?.message).toContain("aud 'not-the-audience'");
    expect(err?.message).toContain("sub 'repo:example-org/healthcare-infra:ref:refs/heads/main'");
    expect(err?.message).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('describes an undecodable token without failing', () => {
    expect(describeTokenClaims('not-a-jwt')).toBe('the token could not be decoded');
  });
});
