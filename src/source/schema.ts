/**
 * JSON-Schema (Ajv) errors at positions: each error of a validated document lands on the line and column of the
 * value it is about (of the unknown key itself for `additionalProperties`), through the document's tree.
 */
import type { ErrorObject } from 'ajv';
import type { ErrorSink } from './collector.js';
import type { SourcePosition } from './position.js';
import { positionOf, type PNode, type TreePath } from './tree.js';

/** A JSON pointer (Ajv's instancePath, e.g. `/packs/0/template`) as a tree path; `~1` and `~0` unescaped. */
export function pointerPath(instancePath: string): TreePath {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(s => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Drops Ajv's follow-on errors (a failed oneOf also reports each branch). */
export function usefulErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter(e => e.keyword === 'oneOf').map(e => e.instancePath));
  return errors.filter(e => {
    if (e.keyword === 'oneOf') return true;
    if (oneOfPaths.has(e.instancePath) && e.schemaPath.includes('/oneOf/')) return false;
    // A value failing oneOf of two type alternatives reports both; keep the oneOf one only.
    return !(e.schemaPath.includes('/oneOf/') && [...oneOfPaths].some(p => e.instancePath.startsWith(p)));
  });
}

/** Where an Ajv error points: the value at its path, or the unknown key for `additionalProperties`. */
export function schemaErrorPosition(e: ErrorObject, root: PNode | undefined, empty: SourcePosition): SourcePosition {
  if (root === undefined) return empty;
  const path = pointerPath(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    return positionOf(root, [...path, String(e.params.additionalProperty)], 'key');
  }
  return positionOf(root, path);
}

/**
 * Adds the useful errors of a failed validation to the sink, each at its position and worded by `describe`.
 * `empty` is the position for an empty document (no tree).
 */
export function addSchemaErrors(
  errors: readonly ErrorObject[] | null | undefined,
  root: PNode | undefined,
  empty: SourcePosition,
  describe: (e: ErrorObject) => string,
  sink: ErrorSink
): void {
  for (const e of usefulErrors(errors ?? [])) sink.add(schemaErrorPosition(e, root, empty), describe(e));
}
