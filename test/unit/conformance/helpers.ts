import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import { SourceErrors } from '../../../src/errors.js';
import type { ConformancePack } from '../../../src/conformance/types.js';

const here = dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = join(here, '..', '..', '..');
/** ../shared/reference, resolved from the repo root (never copied into the repo). */
export const REFERENCE = join(REPO_ROOT, '..', 'shared', 'reference');
export const FIXTURES = join(here, '..', '..', 'fixtures', 'conformance');
export const CURRENT_TEMPLATE = join(
  REFERENCE,
  'conformance-packs',
  'Operational-Best-Practices-for-HIPAA-Security.yaml'
);
export const TEMPLATE_2020 = join(
  REFERENCE,
  'conformance-packs',
  'Operational-Best-Practices-for-HIPAA-Security.2020-09-29.yaml'
);

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Runs fn, expects SourceErrors, returns the "line:col: detail" of each error (file name dropped). */
export function sourceErrors(fn: () => unknown): string[] {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(SourceErrors);
  return (caught as SourceErrors).errors.map(e => `${e.line}:${e.col}: ${e.detail}`);
}

/** A pack without positions or file names, to compare packs read from different files. */
export function withoutPositions(pack: ConformancePack): unknown {
  return JSON.parse(
    JSON.stringify({ ...pack, file: undefined }, (key, value: unknown) =>
      key === 'position' || key === 'file' || key.endsWith('Positions') ? undefined : value
    )
  );
}
