/**
 * Secrets never shown. Parameters are masked before they reach the plan, the audit log, the summary or an alert: a
 * value is replaced by MASK when its parameter name looks secret (/secret|password|passwd|passphrase|token|credential|private|key/i, except
 * the names in SAFE_PARAMETER_NAMES, which hold identifiers such as a KMS key id) or when the value itself looks like
 * an AWS credential (an access key id, a 40-character secret access key, a long session token). The plan hash
 * covers the masked form (plan.ts), i.e. exactly what a reviewer sees and approves. Messages from AWS are masked and
 * capped before they reach results, logs and the audit log (shortMessage).
 */
import { truncate } from '../util/text.js';

export const MASK = '***';

/** Parameter names that match the secret pattern but hold identifiers, not secrets. */
const SAFE_PARAMETER_NAMES: ReadonlySet<string> = new Set(
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

/** Messages from AWS are kept to this many characters (a validation error can list hundreds of values). */
export const MAX_MESSAGE = 600;

/** A message from AWS as kept in results, logs and the audit log: credential-shaped text masked, length capped. */
export function shortMessage(message: string): string {
  return truncate(maskText(message), MAX_MESSAGE);
}
