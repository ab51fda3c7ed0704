import { createHash } from 'node:crypto';

/**
 * Stable id of a finding: the same account, region, rule, resource type and id always give the same fingerprint, and
 * the same resource id in another account or region gives another one (report schemaVersion 2). The parts are joined
 * with NUL, which none of them can hold, so no two different tuples share an input.
 */
export function fingerprint(
  accountId: string,
  region: string,
  ruleName: string,
  resourceType: string,
  resourceId: string
): string {
  return createHash('sha256')
    .update([accountId, region, ruleName, resourceType, resourceId].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * The schemaVersion 1 fingerprint (rule, resource type and id only), kept to compare baselines written before account
 * and region were part of it (src/baseline/compare.ts).
 */
export function fingerprintV1(ruleName: string, resourceType: string, resourceId: string): string {
  return createHash('sha256').update(`${ruleName}\u0000${resourceType}\u0000${resourceId}`).digest('hex').slice(0, 32);
}
