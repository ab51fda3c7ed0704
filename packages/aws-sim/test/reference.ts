/**
 * AWS's reference runbooks beside the repository (../shared/reference/runbooks, Apache-2.0, not copied into the
 * repository), present in CI and in the project's workspace but not in a plain clone. Tests that run them are skipped
 * elsewhere and their names say so.
 */
import { describe, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REFERENCE_RUNBOOKS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'shared',
  'reference',
  'runbooks'
);
export const REFERENCE_PRESENT = existsSync(REFERENCE_RUNBOOKS);
export const SKIPPED_NOTE = ' (skipped: ../shared not present)';

/** A reference runbook's text; '' where ../shared is absent (only tests that are then skipped use it). */
export function referenceRunbook(name: string): string {
  return REFERENCE_PRESENT ? readFileSync(path.join(REFERENCE_RUNBOOKS, name), 'utf8') : '';
}

/** `it` where ../shared is present; elsewhere `it.skip` with the name marked as skipped. */
export const itWithReference = ((name: string, fn: Parameters<typeof it>[1], timeout?: number) =>
  REFERENCE_PRESENT ? it(name, fn, timeout) : it.skip(`${name}${SKIPPED_NOTE}`, fn, timeout)) as (
  name: string,
  fn: Parameters<typeof it>[1],
  timeout?: number
) => void;

/** `describe` where ../shared is present; elsewhere `describe.skip` with the name marked as skipped. */
export const describeWithReference = (name: string, fn: () => void): void =>
  REFERENCE_PRESENT ? describe(name, fn) : describe.skip(`${name}${SKIPPED_NOTE}`, fn);
