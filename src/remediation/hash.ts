/**
 * What a remediation plan shows and what its hash covers. The plan is hashed in a canonical form (object keys
 * sorted, no whitespace), so the same targets always give the same hash, whatever order they were built in.
 *
 * Parameters are masked before they reach the plan, the audit log, the summary or an alert: a value is replaced by
 * MASK when its parameter name looks secret (/secret|password|passwd|passphrase|token|credential|private|key/i, except
 * the names in SAFE_PARAMETER_NAMES, which hold identifiers such as a KMS key id) or when the value itself looks like
 * an AWS credential (an access key id, a 40-character secret access key, a long session token). The hash covers the
 * masked form, i.e. exactly what a reviewer sees and approves.
 */
import { createHash } from 'node:crypto';

export const MASK = '***';

/** Parameter names that match the secret pattern but hold identifiers, not secrets. */
export const SAFE_PARAMETER_NAMES: ReadonlySet<string> = new Set(
  [
    'KmsKeyId',
    'KmsKeyArn',
    'KMSKeyId',
    'KMSKeyArn',
    'KmsKeyAlias',
    'KMSMasterKeyID',
    'SSEKMSKeyId',
    'KeyName',
    'KeyPairName',
    'KeyId',
    'KeyArn',
    'TagKey',
    'TagKeys',
    'AccessKeyId'
  ].map(n => n.toLowerCase())
);

const SECRET_NAME = /secret|password|passwd|passphrase|token|credential|private|key/i;

/** An AWS access key id (long-term AKIA or temporary ASIA). */
const ACCESS_KEY_ID = /(?:^|[^A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
/** A 40-character run of the secret access key alphabet with upper case, lower case and a digit. */
const SECRET_KEY_RUN = /(?:^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/g;
/** Session tokens are long base64 strings. */
const LONG_TOKEN = /[A-Za-z0-9/+=]{100,}/;

/** True when a parameter of this name should never be shown. */
export function isSecretParameterName(name: string): boolean {
  return SECRET_NAME.test(name) && !SAFE_PARAMETER_NAMES.has(name.toLowerCase());
}

/** True when the value contains something shaped like an AWS credential. */
export function looksLikeCredential(value: string): boolean {
  if (ACCESS_KEY_ID.test(value) || LONG_TOKEN.test(value)) return true;
  for (const m of value.matchAll(SECRET_KEY_RUN)) {
    const run = m[1] ?? '';
    if (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run)) return true;
  }
  return false;
}

/**
 * The parameters as shown: secret-named parameters and credential-shaped values become MASK. `keepAsIs` names a
 * parameter never masked by value (the resource id parameter: it holds the resource id, shown anyway).
 */
export function maskParameters(
  parameters: Readonly<Record<string, readonly string[]>>,
  keepAsIs?: string
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(parameters)) {
    if (name !== keepAsIs && isSecretParameterName(name)) out[name] = values.map(() => MASK);
    else if (name === keepAsIs) out[name] = [...values];
    else out[name] = values.map(v => (looksLikeCredential(v) ? MASK : v));
  }
  return out;
}

/** Replaces credential-shaped runs inside free text (messages from AWS, error details). */
export function maskText(text: string): string {
  return text
    .replace(/(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g, MASK)
    .replace(/[A-Za-z0-9/+=]{100,}/g, MASK)
    .replace(SECRET_KEY_RUN, (whole: string, run: string) =>
      /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run)
        ? whole.slice(0, whole.length - run.length) + MASK
        : whole
    );
}

/** JSON with object keys sorted at every level and no whitespace; `undefined` members are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(v => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the plan hash covers: the account, the region and the targets (in their stable order). */
export interface HashedPlan {
  accountId: string;
  region: string;
  targets: readonly unknown[];
}

/** sha256 (hex) of the canonical account, region and targets. */
export function planHash(plan: HashedPlan): string {
  return sha256Hex(canonicalJson({ accountId: plan.accountId, region: plan.region, targets: plan.targets }));
}

/** A UUID-shaped idempotency token derived from the given parts (the same parts give the same token). */
export function idempotencyToken(...parts: string[]): string {
  const h = sha256Hex(parts.join('\u0000'));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
