/**
 * Typed reads of resolved template nodes (intrinsics already evaluated). Each reports a wrong value to the sink,
 * naming what was expected and what was written, and returns FAILED so the caller stops without a second message.
 */
import { FAILED, scalarString } from '../intrinsics.js';
import { describe } from '../../source/tree.js';
import type { ErrorSink } from '../../source/collector.js';
import type { PMap, PNode } from '../../source/tree.js';
import type { SourcePosition } from '../../source/position.js';

/** Reports a problem and returns FAILED, so `return fail(...)` ends a read. */
export function fail(sink: ErrorSink, pos: SourcePosition, detail: string): typeof FAILED {
  sink.add(pos, detail);
  return FAILED;
}

/** A scalar's text (numbers as written, booleans as true/false); undefined for null and collections. */
export function scalarText(node: PNode): string | undefined {
  return node.kind === 'scalar' ? scalarString(node) : undefined;
}

export function stringValue(sink: ErrorSink, node: PNode, what: string): string | typeof FAILED {
  return scalarText(node) ?? fail(sink, node.pos, `${what} must be a string, found ${describe(node)}`);
}

export function stringListValue(sink: ErrorSink, node: PNode, what: string): string[] | typeof FAILED {
  if (node.kind !== 'seq') return fail(sink, node.pos, `${what} must be a list of strings, found ${describe(node)}`);
  const out: string[] = [];
  for (const item of node.items) {
    const v = stringValue(sink, item, `each item of ${what}`);
    if (v === FAILED) return FAILED;
    out.push(v);
  }
  return out;
}

/** How a value outside an enumeration is reported. */
export type NotOneOf = (what: string, allowed: readonly string[], node: PNode) => string;

export const notOneOf: NotOneOf = (what, allowed, node) =>
  `${what} must be one of ${allowed.join(', ')}, found ${describe(node)}`;

export function enumValue<T extends string>(
  sink: ErrorSink,
  node: PNode,
  what: string,
  allowed: readonly T[],
  message: NotOneOf = notOneOf
): T | typeof FAILED {
  const text = scalarText(node);
  if (text !== undefined && (allowed as readonly string[]).includes(text)) return text as T;
  return fail(sink, node.pos, message(what, allowed, node));
}

export function boolValue(sink: ErrorSink, node: PNode, what: string): boolean | typeof FAILED {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'boolean') return node.value;
    if (typeof node.value === 'string' && /^(true|false)$/i.test(node.value))
      return node.value.toLowerCase() === 'true';
  }
  return fail(sink, node.pos, `${what} must be true or false, found ${describe(node)}`);
}

export function intValue(sink: ErrorSink, node: PNode, what: string, min: number, max: number): number | typeof FAILED {
  const text = scalarText(node);
  if (text !== undefined && /^[-+]?\d+$/.test(text)) {
    const n = Number(text);
    if (n >= min && n <= max) return n;
  }
  return fail(sink, node.pos, `${what} must be a whole number from ${min} to ${max}, found ${describe(node)}`);
}

/** A map whose keys are all among keys; every other key is reported. */
export function mapWithKeys(sink: ErrorSink, node: PNode, what: string, keys: readonly string[]): PMap | typeof FAILED {
  if (node.kind !== 'map') return fail(sink, node.pos, `${what} must be a map, found ${describe(node)}`);
  let ok = true;
  for (const e of node.entries) {
    if (!keys.includes(e.key)) {
      ok = false;
      sink.add(e.keyPos, `unknown key ${e.key} in ${what} (known: ${keys.join(', ')})`);
    }
  }
  return ok ? node : FAILED;
}
