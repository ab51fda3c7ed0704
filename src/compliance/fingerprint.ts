import { createHash } from 'node:crypto';

/** Stable id of a finding: the same rule, resource type and id always give the same fingerprint. */
export function fingerprint(ruleName: string, resourceType: string, resourceId: string): string {
  return createHash('sha256').update(`${ruleName}\u0000${resourceType}\u0000${resourceId}`).digest('hex').slice(0, 32);
}
