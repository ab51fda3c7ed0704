/**
 * The GitHub Actions OIDC issuer of the simulated world: the endpoint `core.getIDToken(audience)` calls
 * (`GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=...` with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
 * answering `{"value": "<jwt>"}`), RS256 tokens signed with a key pair generated at start, and their verification
 * for STS AssumeRoleWithWebIdentity. Times follow the simulator clock.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { errors, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { GithubConfig, OidcConfig } from '../core/scenario.js';
import { AwsError } from '../core/types.js';

/** Path of the token endpoint; the URL handed out already carries a `?` because core appends `&audience=`. */
export const OIDC_TOKEN_PATH = '/_oidc/token';
export const OIDC_JWKS_PATH = '/_oidc/.well-known/jwks';
export const OIDC_CONFIG_PATH = '/_oidc/.well-known/openid-configuration';

export interface OidcHttpResponse {
  status: number;
  body: unknown;
}

export class OidcIssuer {
  readonly kid: string;
  readonly runId: string;
  private readonly requestTokens = new Map<string, string>();

  private constructor(
    private readonly publicKey: CryptoKey,
    private readonly privateKey: CryptoKey,
    private readonly github: GithubConfig,
    private readonly oidc: OidcConfig,
    private readonly now: () => Date
  ) {
    this.kid = randomBytes(8).toString('hex');
    this.runId = String(randomInt(1_000_000_000, 9_999_999_999));
    for (const name of Object.keys(github.contexts)) {
      this.requestTokens.set(`ghs_sim_${randomBytes(18).toString('base64url')}`, name);
    }
  }

  static async create(github: GithubConfig, oidc: OidcConfig, now: () => Date): Promise<OidcIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    return new OidcIssuer(publicKey, privateKey, github, oidc, now);
  }

  get issuer(): string {
    return this.oidc.issuer;
  }

  contextNames(): string[] {
    return Object.keys(this.github.contexts);
  }

  /** The ACTIONS_ID_TOKEN_REQUEST_TOKEN that identifies a GitHub context (default: the scenario's default). */
  requestTokenFor(context: string = this.github.defaultContext): string {
    for (const [token, name] of this.requestTokens) if (name === context) return token;
    throw new Error(`Unknown GitHub context '${context}'. Available contexts: ${this.contextNames().join(', ')}`);
  }

  /** The GitHub context a request token stands for, or undefined for a token this issuer did not hand out. */
  contextOf(requestToken: string): string | undefined {
    return this.requestTokens.get(requestToken);
  }

  /** The default audience core uses when none is requested: https://github.com/<owner>. */
  defaultAudience(): string {
    return `https://github.com/${this.github.repository.split('/')[0] ?? ''}`;
  }

  /** A signed ID token for the context. */
  async issue(context: string, audience?: string): Promise<string> {
    const ctx = this.github.contexts[context];
    if (!ctx) {
      throw new Error(`Unknown GitHub context '${context}'. Available contexts: ${this.contextNames().join(', ')}`);
    }
    const iat = Math.floor(this.now().getTime() / 1000);
    const repository = ctx.repository;
    const ref = ctx.ref ?? 'refs/heads/main';
    const claims: Record<string, string> = {};
    for (const [k, v] of Object.entries(ctx)) if (typeof v === 'string') claims[k] = v;
    const payload: Record<string, unknown> = {
      ...claims,
      sub: ctx.sub,
      repository,
      repository_owner: repository.split('/')[0] ?? repository,
      ref,
      ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      event_name: ctx.event_name ?? 'push',
      run_id: ctx.run_id ?? this.runId,
      run_attempt: ctx.run_attempt ?? '1',
      actor: ctx.actor ?? 'octocat',
      workflow: ctx.workflow ?? 'compliance-gate',
      job_workflow_ref: `${repository}/.github/workflows/compliance.yml@${ref}`
    };
    if (ctx.environment !== undefined) payload['environment'] = ctx.environment;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid })
      .setIssuer(this.oidc.issuer)
      .setAudience(audience ?? this.defaultAudience())
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + this.oidc.tokenLifetimeSeconds)
      .sign(this.privateKey);
  }

  /**
   * Verifies signature, issuer, expiry (simulator clock) and, when given, the audience. Errors are STS's:
   * ExpiredTokenException for an expired token, InvalidIdentityToken otherwise.
   */
  async verify(token: string, audience?: string): Promise<Record<string, unknown>> {
    let payload: Record<string, unknown>;
    try {
      const result = await jwtVerify(token, this.publicKey, {
        issuer: this.oidc.issuer,
        algorithms: ['RS256'],
        currentDate: this.now()
      });
      payload = result.payload;
    } catch (e) {
      if (e instanceof errors.JWTExpired) {
        const exp = (e.payload as { exp?: number }).exp ?? 0;
        throw new AwsError(
          'ExpiredTokenException',
          `Token expired: current date/time ${Math.floor(this.now().getTime() / 1000)} must be before the expiration date/time ${exp}`,
          400
        );
      }
      if (e instanceof errors.JWTClaimValidationFailed && e.claim === 'iss') {
        throw new AwsError('InvalidIdentityToken', 'Incorrect token issuer', 400);
      }
      throw new AwsError('InvalidIdentityToken', `The web identity token is not valid: ${(e as Error).message}`, 400);
    }
    if (audience !== undefined) {
      const aud = payload['aud'];
      const auds = Array.isArray(aud) ? aud : [aud];
      if (!auds.includes(audience)) throw new AwsError('InvalidIdentityToken', 'Incorrect token audience', 400);
    }
    return payload;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK(this.publicKey);
    return { keys: [{ ...jwk, kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  /** Serves GET /_oidc/token?api-version=2.0[&audience=...] with the Bearer request token; 401 for a wrong one. */
  async handleTokenRequest(url: URL, method: string, headers: IncomingHttpHeaders): Promise<OidcHttpResponse> {
    if (method !== 'GET') return { status: 405, body: { message: 'Use GET' } };
    const auth = headers['authorization'] ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const context = m ? this.contextOf(m[1]!) : undefined;
    if (!context) return { status: 401, body: { message: 'Bad credentials: unknown ACTIONS_ID_TOKEN_REQUEST_TOKEN' } };
    const audience = url.searchParams.get('audience') ?? undefined;
    return { status: 200, body: { count: 1, value: await this.issue(context, audience) } };
  }

  /** A minimal OpenID discovery document (issuer + jwks_uri), for completeness. */
  discovery(baseUrl: string): Record<string, unknown> {
    return {
      issuer: this.oidc.issuer,
      jwks_uri: `${baseUrl}${OIDC_JWKS_PATH}`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256']
    };
  }
}
