/**
 * The third-party reference data beside the repository (../shared/reference: AWS's runbooks and conformance packs, the
 * cdk-nag HIPAA mapping, the Smithy models), present in CI and in the project's workspace but not in a plain clone.
 * Prose and code from there are never copied into the repository, so the tests that read them run only where it is
 * present; elsewhere they are skipped and their names say so.
 */
import { describe, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './action-env.js';

export const REFERENCE_DIR = path.join(REPO_ROOT, '..', 'shared', 'reference');
export const REFERENCE_PRESENT = existsSync(REFERENCE_DIR);
export const SKIPPED_NOTE = ' (skipped: ../shared not present)';

/** `it` where ../shared/reference is present; elsewhere `it.skip` with the name marked as skipped. */
export const itWithReference = ((name: string, fn: Parameters<typeof it>[1], timeout?: number) =>
  REFERENCE_PRESENT ? it(name, fn, timeout) : it.skip(`${name}${SKIPPED_NOTE}`, fn, timeout)) as (
  name: string,
  fn: Parameters<typeof it>[1],
  timeout?: number
) => void;

/** `describe` where ../shared/reference is present; elsewhere `describe.skip` with the name marked as skipped. */
export const describeWithReference = (name: string, fn: () => void): void =>
  REFERENCE_PRESENT ? describe(name, fn) : describe.skip(`${name}${SKIPPED_NOTE}`, fn);

/** fn() where ../shared/reference is present; elsewhere undefined (for describe-level values only skipped tests read). */
export function whereReference<T>(fn: () => T): T {
  return REFERENCE_PRESENT ? fn() : (undefined as unknown as T);
}
