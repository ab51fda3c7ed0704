/**
 * STS of the simulated account: AssumeRoleWithWebIdentity (GitHub OIDC token -> session credentials, checked
 * against the role's trust policy) and GetCallerIdentity.
 */
import type * as Sts from '@aws-sdk/client-sts';
import { stableId } from '../../core/auth.js';
import type { AccountState, RoleState } from '../../core/state.js';
import { AwsError, type RequestContext, typedHandlers } from '../../core/types.js';
import { assumeRole } from './assume-role.js';

const DEFAULT_DURATION_SECONDS = 3600;

/** IAM StringLike: `*` matches any run of characters, `?` exactly one; everything else literally. */
export function stringLike(pattern: string, value: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\*?]/g, ch => (ch === '*' ? '.*' : ch === '?' ? '.' : `\\${ch}`));
  return new RegExp(`^${re}$`, 's').test(value);
}

function findRole(state: AccountState, roleArn: string): RoleState | undefined {
  return state.roles[roleArn] ?? Object.values(state.roles).find(r => r.arn === roleArn);
}

/** arn:aws:iam::123456789012:role/path/name -> { account, name } */
function parseRoleArn(arn: string): { account: string; name: string } | undefined {
  const m = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/.exec(arn);
  return m ? { account: m[1]!, name: m[2]! } : undefined;
}

function accessDenied(): AwsError {
  return new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
}

async function assumeRoleWithWebIdentity(
  input: Sts.AssumeRoleWithWebIdentityCommandInput,
  ctx: RequestContext
): Promise<unknown> {
  const roleArn = input.RoleArn as string;
  const sessionName = input.RoleSessionName as string;
  const token = input.WebIdentityToken as string;
  const durationSeconds = input.DurationSeconds ?? DEFAULT_DURATION_SECONDS;

  const claims = await ctx.sim.verifyOidcToken(token);
  const role = findRole(ctx.state, roleArn);
  const parsed = parseRoleArn(roleArn);
  if (!role?.oidcTrust || !parsed) throw accessDenied();
  const aud = claims['aud'];
  const audiences = (Array.isArray(aud) ? aud : [aud]).filter((a): a is string => typeof a === 'string');
  const sub = typeof claims['sub'] === 'string' ? claims['sub'] : '';
  const trust = role.oidcTrust;
  const audOk = audiences.some(a => trust.audiences.includes(a));
  const subOk = trust.subjects.some(p => stringLike(p, sub));
  if (!audOk || !subOk) throw accessDenied();

  const max = role.maxSessionDurationSeconds ?? DEFAULT_DURATION_SECONDS;
  if (durationSeconds > max) {
    throw new AwsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      400
    );
  }
  const assumedRoleId = `${stableId('AROA', roleArn)}:${sessionName}`;
  const arn = `arn:aws:sts::${parsed.account}:assumed-role/${parsed.name}/${sessionName}`;
  const cred = ctx.sim.issueSessionCredential({ arn, userId: assumedRoleId, durationSeconds });
  return {
    Credentials: {
      AccessKeyId: cred.accessKeyId,
      SecretAccessKey: cred.secretAccessKey,
      SessionToken: cred.sessionToken,
      Expiration: cred.expiration
    },
    SubjectFromWebIdentityToken: sub,
    AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn },
    Provider: typeof claims['iss'] === 'string' ? claims['iss'] : undefined,
    Audience: audiences[0]
  };
}

function getCallerIdentity(_input: Sts.GetCallerIdentityCommandInput, ctx: RequestContext): unknown {
  const p = ctx.principal;
  if (!p) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  return { UserId: p.userId, Account: p.accountId, Arn: p.arn };
}

/** The SDK's input type of each operation. */
type StsInputs = {
  AssumeRole: Sts.AssumeRoleCommandInput;
  AssumeRoleWithWebIdentity: Sts.AssumeRoleWithWebIdentityCommandInput;
  GetCallerIdentity: Sts.GetCallerIdentityCommandInput;
};

/** sts operations of the simulated account. */
export const stsHandlers = typedHandlers<StsInputs>({
  AssumeRole: assumeRole,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  GetCallerIdentity: getCallerIdentity
});
