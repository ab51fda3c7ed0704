/**
 * AWS credentials for the run: GitHub OIDC (or the token in web-identity-token-file) -> STS
 * AssumeRoleWithWebIdentity when a role is given, else the SDK's default credential chain (environment variables,
 * e.g. from an earlier aws-actions/configure-aws-credentials step; shared files; container or instance roles). Credentials stay in this process: nothing here is printed, exported or written.
 */
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { decodeJwt } from 'jose';
import { AwsCallError, InputError, PolicyError } from '../errors.js';
import { awsCallErrorOf } from './clients.js';
import type { Logger } from '../logging.js';

export interface OidcRoleOptions {
  roleArn: string;
  audience: string;
  roleSessionName: string;
  durationSeconds: number;
  /** Read the token from this file instead of requesting one from GitHub (input web-identity-token-file). */
  tokenFile?: string;
}

export interface OidcDeps {
  /** Requests a token from GitHub's token service (oidc-token.ts requestIdToken). */
  getIDToken(audience: string): Promise<string>;
  /** Reads the token from web-identity-token-file (oidc-token.ts readTokenFile). */
  readTokenFile(path: string): Promise<string>;
  /** An STS client for the unsigned AssumeRoleWithWebIdentity call. */
  sts(): STSClient;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Clock for expiry checks (defaults to Date.now). */
  now?: () => number;
}

/** Fetch a new session this long before the current one expires (the SDK itself refreshes 5 minutes ahead). */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000 + 30 * 1000;

/** The claims worth showing when a trust policy rejects a token (never the token itself). */
export function describeTokenClaims(token: string): string {
  try {
    const claims = decodeJwt(token);
    const aud = Array.isArray(claims.aud) ? claims.aud.join(',') : (claims.aud ?? '(none)');
    return `sub '${claims.sub ?? '(none)'}', aud '${aud}'`;
  } catch {
    return 'the token could not be decoded';
  }
}

/** Refreshes before expiry (the SDK asks again 5 minutes ahead) or when AWS says the session expired. */
export class OidcCredentials {
  private last: (AwsCredentialIdentity & { expiration: Date }) | undefined;
  private forcedRefreshes = 0;
  /** How many times a session was obtained (for logs and tests). */
  sessions = 0;

  constructor(
    private readonly options: OidcRoleOptions,
    private readonly deps: OidcDeps
  ) {}

  private pending: Promise<AwsCredentialIdentity & { expiration: Date }> | undefined;

  /**
   * One session shared by every client: a new one is fetched only when the current one is within
   * REFRESH_WINDOW_MS of expiring (or was invalidated), and concurrent callers share one fetch.
   */
  readonly provider: AwsCredentialIdentityProvider = async () => {
    if (this.last && this.last.expiration.getTime() - this.now() > REFRESH_WINDOW_MS) return this.last;
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  };

  private async fetch(): Promise<AwsCredentialIdentity & { expiration: Date }> {
    const token = await this.idToken();
    const identity = await this.assume(token);
    this.last = identity;
    this.sessions += 1;
    this.deps.logger.debug(
      `Assumed ${this.options.roleArn} (session ${this.sessions}), valid until ${identity.expiration.toISOString()}.`
    );
    return identity;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * Marks the current session expired so the SDK fetches a new one on its next call. Returns false when this
   * keeps happening (more than 5 times in a run), so a broken clock cannot loop forever.
   */
  invalidate(): boolean {
    if (!this.last || this.forcedRefreshes >= 5) return false;
    this.forcedRefreshes += 1;
    // The SDK memoises the identity object we returned and re-reads its expiration before each call.
    this.last.expiration.setTime(0);
    this.deps.logger.info('AWS reported the session credentials expired; assuming the role again.');
    return true;
  }

  private async idToken(): Promise<string> {
    if (this.options.tokenFile !== undefined) return this.deps.readTokenFile(this.options.tokenFile);
    if (!this.deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !this.deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
      throw new InputError(
        'role-to-assume',
        "role-to-assume is set, but GitHub provided no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set. Add 'permissions: id-token: write' to the workflow or job (GitHub never grants it to pull requests from forks)."
      );
    }
    try {
      return await this.deps.getIDToken(this.options.audience);
    } catch (err) {
      throw new Error(
        `Could not get a GitHub OIDC token for audience '${this.options.audience}': ${(err as Error).message}`
      );
    }
  }

  private async assume(token: string): Promise<AwsCredentialIdentity & { expiration: Date }> {
    const { roleArn, roleSessionName, durationSeconds, audience } = this.options;
    let out;
    try {
      out = await this.deps.sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: roleSessionName,
          WebIdentityToken: token,
          DurationSeconds: durationSeconds
        })
      );
    } catch (err) {
      const e = awsCallErrorOf(err);
      if (e.code === 'AccessDenied' || e.code === 'AccessDeniedException') {
        throw new AwsCallError(
          e.operation,
          e.code,
          e.requestId,
          `the trust policy of ${roleArn} did not accept the GitHub OIDC token (${describeTokenClaims(token)}). ` +
            `Check the role's token.actions.githubusercontent.com:aud condition against the 'audience' input ('${audience}') and its :sub condition against the token's sub.`,
          true
        );
      }
      if (e.code === 'InvalidIdentityToken' || e.code === 'ExpiredTokenException') {
        throw new AwsCallError(
          e.operation,
          e.code,
          e.requestId,
          `STS rejected the GitHub OIDC token (${describeTokenClaims(token)}): ${e.message}. Check the IAM OIDC identity provider for token.actions.githubusercontent.com.`,
          true
        );
      }
      throw e;
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new AwsCallError(
        'sts:AssumeRoleWithWebIdentity',
        'IncompleteCredentials',
        out.$metadata.requestId,
        'the response had no complete credentials'
      );
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: new Date(c.Expiration.getTime())
    };
  }
}

export interface CallerIdentity {
  accountId: string;
  arn: string;
}

/** GetCallerIdentity, then refuses an account outside allowed-account-ids. */
export async function verifyIdentity(sts: STSClient, allowedAccountIds: readonly string[]): Promise<CallerIdentity> {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  const accountId = out.Account ?? '';
  const arn = out.Arn ?? '';
  if (allowedAccountIds.length > 0 && !allowedAccountIds.includes(accountId)) {
    throw new PolicyError(
      `The credentials belong to AWS account ${accountId}, which is not in allowed-account-ids (${allowedAccountIds.join(', ')}).`
    );
  }
  return { accountId, arn };
}
