/** Paths and small helpers shared by the template, source-map and SARIF tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (/work/main). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SEED_TEMPLATE = 'examples/seed/templates/storage.yaml';
export const FIXTURES = 'test/fixtures/templates';

export function readRepoFile(rel: string): string {
  return readFileSync(path.join(REPO_ROOT, rel), 'utf8');
}

/** 1-based line and column of the first occurrence of `needle` (after the `after`-th line, if given). */
export function positionOf(text: string, needle: string, afterLine = 0): { line: number; col: number } {
  const lines = text.split('\n');
  for (let i = afterLine; i < lines.length; i++) {
    const col = (lines[i] ?? '').indexOf(needle);
    if (col >= 0) return { line: i + 1, col: col + 1 };
  }
  throw new Error(`${JSON.stringify(needle)} not found`);
}
