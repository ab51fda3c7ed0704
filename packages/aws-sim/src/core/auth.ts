/**
 * Request authentication: every signed request must carry a SigV4 Authorization header whose access key the
 * simulator issued. Signatures are not verified cryptographically; the key, the session token and the expiry are.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AccountState, IssuedCredential } from './state.js';
import { AwsError, type Principal, type Protocol } from './types.js';
import { protocolCode } from './protocols.js';

export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/sts/aws4_request, SignedHeaders=..., Signature=...` */
export function parseAuthorization(header: string | undefined): SigV4Scope | undefined {
  if (!header) return undefined;
  const m = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/.exec(header);
  if (!m) return undefined;
  return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]! };
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** AWS-looking identifier: prefix + 16 chars of [A-Z2-7]. */
export function randomId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ID_CHARS[b % ID_CHARS.length];
  return out;
}

/** A stable id for a name (role ids must not change between calls). */
export function stableId(prefix: string, name: string, length = 17): string {
  const digest = createHash('sha256').update(name).digest();
  let out = prefix;
  for (let i = 0; i < length; i++) out += ID_CHARS[digest[i]! % ID_CHARS.length];
  return out;
}

export function randomSecret(): string {
  return randomBytes(30).toString('base64');
}

export function randomSessionToken(): string {
  return 'IQoJb3JpZ2luX2VjE' + randomBytes(96).toString('base64');
}

/** The account's static IAM user key pair (AKIA...), for tests using the SDK default credential chain. */
export function newStaticCredential(accountId: string, userName = 'compliance-gate-sim'): IssuedCredential {
  return {
    accessKeyId: randomId('AKIA'),
    secretAccessKey: randomSecret(),
    arn: `arn:aws:iam::${accountId}:user/${userName}`,
    userId: stableId('AIDA', `${accountId}/${userName}`)
  };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The caller of a signed request, or an AwsError as AWS answers it: missing signature, unknown key or session
 * token mismatch (UnrecognizedClientException / InvalidClientTokenId, 403), expired (ExpiredTokenException /
 * ExpiredToken, 400). A credential with callsUntilExpiry counts this call.
 */
export function authenticate(
  headers: IncomingHttpHeaders,
  state: AccountState,
  now: Date,
  protocol: Protocol
): Principal {
  const scope = parseAuthorization(headerValue(headers, 'authorization'));
  if (!scope) {
    throw protocol !== 'awsQuery'
      ? new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400)
      : new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  }
  const invalid = (): AwsError =>
    new AwsError(protocolCode(protocol, 'unknownKey'), 'The security token included in the request is invalid.', 403);
  const cred = state.credentials.find(c => c.accessKeyId === scope.accessKeyId);
  if (!cred) throw invalid();
  if (cred.sessionToken !== undefined && headerValue(headers, 'x-amz-security-token') !== cred.sessionToken) {
    throw invalid();
  }
  const expired = (): AwsError =>
    new AwsError(protocolCode(protocol, 'expiredToken'), 'The security token included in the request is expired', 400);
  if (cred.expiration !== undefined && now.getTime() >= Date.parse(cred.expiration)) throw expired();
  if (cred.callsUntilExpiry !== undefined) {
    if (cred.callsUntilExpiry <= 0) throw expired();
    cred.callsUntilExpiry -= 1;
  }
  return {
    accessKeyId: cred.accessKeyId,
    arn: cred.arn,
    accountId: accountOf(cred.arn) ?? state.accountId,
    userId: cred.userId
  };
}

function accountOf(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 5 && /^\d{12}$/.test(parts[4]!) ? parts[4] : undefined;
}
