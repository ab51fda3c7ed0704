/** What the organization tests share: OIDC sign-in to the management account and credentials per account. */
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Simulator } from '../../src/index.js';

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export const MANAGEMENT_ROLE = 'arn:aws:iam::111111111111:role/compliance-gate';
export const memberRoleArn = (account: string): string => `arn:aws:iam::${account}:role/compliance-gate-member`;

/** A GitHub OIDC token from the simulator's token endpoint (as the runner's ACTIONS_ID_TOKEN_REQUEST_* give it). */
export async function oidcToken(sim: Simulator, context?: string): Promise<string> {
  const env = sim.env(context);
  const res = await fetch(`${env['ACTIONS_ID_TOKEN_REQUEST_URL']}&audience=sts.amazonaws.com`, {
    headers: { authorization: `Bearer ${env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']}` }
  });
  return ((await res.json()) as { value: string }).value;
}

/** Session credentials of the management account's compliance-gate role, through OIDC. */
export async function managementCreds(sim: Simulator): Promise<Creds> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: sim.url, maxAttempts: 1 });
  try {
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: MANAGEMENT_ROLE,
        RoleSessionName: 'gate',
        WebIdentityToken: await oidcToken(sim)
      })
    );
    return credsOf(out.Credentials);
  } finally {
    sts.destroy();
  }
}

export function credsOf(
  c:
    | {
        AccessKeyId?: string | undefined;
        SecretAccessKey?: string | undefined;
        SessionToken?: string | undefined;
      }
    | undefined
): Creds {
  return { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! };
}

/** Role chaining: the management session assumes the member role in `account`. */
export async function memberCreds(sim: Simulator, from: Creds, account: string, externalId?: string): Promise<Creds> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: sim.url, credentials: from, maxAttempts: 1 });
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: memberRoleArn(account),
        RoleSessionName: 'fan-out',
        ...(externalId !== undefined ? { ExternalId: externalId } : {})
      })
    );
    return credsOf(out.Credentials);
  } finally {
    sts.destroy();
  }
}

export type SdkError = Error & { name: string; $metadata?: { httpStatusCode?: number } };

export async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to be rejected');
}
