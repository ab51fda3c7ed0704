/**
 * STS AssumeRole across the world's accounts: the target role's trust (RoleState.assumeRoleTrust) must name the
 * caller, and its sts:ExternalId condition, if any, must match. The session credentials issued belong to the role's
 * account, so the server routes their calls there.
 */
import type * as Sts from '@aws-sdk/client-sts';
import { stableId } from '../../core/auth.js';
import type { AssumeRoleTrust } from '../../core/state.js';
import { AwsError, type Principal, type RequestContext } from '../../core/types.js';
import { worldOf } from '../../core/world.js';

const DEFAULT_DURATION_SECONDS = 3600;
/**
 * "Role chaining limits your AWS CLI or AWS API role session to a maximum of one hour."
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html (Role chaining)
 */
const CHAINED_MAX_SECONDS = 3600;

/** arn:aws:iam::123456789012:role/path/name -> { account, name } */
function parseRoleArn(arn: string): { account: string; name: string } | undefined {
  const m = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/.exec(arn);
  return m ? { account: m[1]!, name: m[2]! } : undefined;
}

/** The IAM identity behind a caller: an assumed-role session is its role (arn:aws:iam::ACCOUNT:role/NAME). */
function identityArns(p: Principal): string[] {
  const m = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(p.arn);
  return m ? [`arn:aws:iam::${m[1]}:role/${m[2]}`, p.arn] : [p.arn];
}

/**
 * A trust policy's Principal.AWS matches a role by its ARN (any session of it), a user by its ARN, and every
 * identity of an account by `arn:aws:iam::ACCOUNT:root` or the bare account id.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export function trustAllows(trust: AssumeRoleTrust, caller: Principal, externalId: string | undefined): boolean {
  const ids = identityArns(caller);
  const principalOk = trust.principals.some(
    p => ids.includes(p) || p === `arn:aws:iam::${caller.accountId}:root` || p === caller.accountId
  );
  // "sts:ExternalId ... the condition key is present in the request when the principal provides an external ID"
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
  const externalOk =
    trust.externalIds === undefined || (externalId !== undefined && trust.externalIds.includes(externalId));
  return principalOk && externalOk;
}

export function assumeRole(input: Sts.AssumeRoleCommandInput, ctx: RequestContext): unknown {
  const caller = ctx.principal;
  if (!caller) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  const roleArn = input.RoleArn as string;
  const sessionName = input.RoleSessionName as string;
  // AWS answers every refusal alike (no hint whether the role exists): AccessDenied, 403, as awsQuery Sender error.
  const denied = (): AwsError =>
    new AwsError(
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403
    );
  const parsed = parseRoleArn(roleArn);
  if (!parsed) throw denied();
  const roles = worldOf(ctx).roles(parsed.account);
  const role = roles?.[roleArn] ?? Object.values(roles ?? {}).find(r => r.arn === roleArn);
  if (!role?.assumeRoleTrust || !trustAllows(role.assumeRoleTrust, caller, input.ExternalId)) throw denied();

  const durationSeconds = input.DurationSeconds ?? DEFAULT_DURATION_SECONDS;
  const chained = caller.arn.includes(':assumed-role/');
  if (chained && durationSeconds > CHAINED_MAX_SECONDS) {
    throw new AwsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      400
    );
  }
  if (durationSeconds > (role.maxSessionDurationSeconds ?? DEFAULT_DURATION_SECONDS)) {
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
    AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn }
  };
}
