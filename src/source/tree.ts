/**
 * The one YAML-with-positions tree: every reader of a user file (manifest, conformance packs, CloudFormation
 * templates, runbooks) turns the `yaml` library's document (source/yaml.ts) into this small tree, where every node
 * and every map key keeps its SourcePosition, and finds positions with `positionOf(path)`.
 *
 * The conversion is one pass over the document (linear: a 10 MB pack parses in seconds, bench pack-parse).
 * Dialects (CloudFormation's short-form tags: source/cloudformation.ts) plug in through `convertTag`.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { ErrorSink } from './collector.js';
import type { SourcePosition } from './position.js';
import type { YamlText } from './yaml.js';

export interface PScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The scalar as written (for numbers: '0.10' stays '0.10'). */
  text: string;
  pos: SourcePosition;
  /** Offsets of the scalar in the text (quotes included), with `keepRanges`; absent when reached through an alias. */
  range?: readonly [number, number];
}
export interface PSeq {
  kind: 'seq';
  items: PNode[];
  pos: SourcePosition;
}
export interface PEntry {
  key: string;
  keyPos: SourcePosition;
  value: PNode;
}
export interface PMap {
  kind: 'map';
  entries: PEntry[];
  pos: SourcePosition;
}
export type PNode = PScalar | PSeq | PMap;

/** A place in a tree: map keys and sequence indexes from the root. */
export type TreePath = readonly (string | number)[];

export interface TreeOptions {
  /**
   * What an alias (`*name`) is. With a message, an error at the alias (kept as its text, so it is reported once).
   * Without, the anchored node is read in its place, every position in it pointing at the alias (aliases inside
   * it are not followed again: one level, so the tree stays as long as the text).
   */
  refuseAliases?: string;
  /** Turns a tagged node (`!Name value`) into what it stands for; default: the tag is ignored. */
  convertTag?: (tag: string, inner: PNode, pos: SourcePosition) => PNode;
  /** Keep each scalar's offsets in the text (`PScalar.range`), for readers that look inside strings. */
  keepRanges?: boolean;
}

interface Converter {
  doc: Document.Parsed;
  at: (offset: number) => SourcePosition;
  sink: ErrorSink;
  options: TreeOptions;
}

/** The position of an offset in a parsed text, with the file name. */
export function positionAt(parsed: YamlText, file: string, offset: number): SourcePosition {
  const { line, col } = parsed.position(offset);
  return { file, line, col };
}

/**
 * The tree of a parsed document (syntax errors are the caller's to report first: source/yaml.ts returns them).
 * Problems of the conversion (keys that are not strings, aliases when refused, unsupported values) go to the sink.
 * Undefined for an empty document.
 */
export function toTree(parsed: YamlText, file: string, sink: ErrorSink, options: TreeOptions = {}): PNode | undefined {
  const contents = parsed.doc.contents as YamlNode | null;
  if (contents === null) return undefined;
  const cx: Converter = { doc: parsed.doc, at: offset => positionAt(parsed, file, offset), sink, options };
  return convert(contents, cx, undefined);
}

function convert(node: YamlNode, cx: Converter, aliasPos: SourcePosition | undefined): PNode {
  const pos = aliasPos ?? cx.at(node.range?.[0] ?? 0);
  const inner = convertUntagged(node, pos, cx, aliasPos);
  const tag = node.tag;
  if (cx.options.convertTag && tag?.startsWith('!') && !tag.startsWith('!!')) {
    return cx.options.convertTag(tag.slice(1), inner, pos);
  }
  return inner;
}

const emptyScalar = (pos: SourcePosition): PScalar => ({ kind: 'scalar', value: null, text: '', pos });

function convertUntagged(
  node: YamlNode,
  pos: SourcePosition,
  cx: Converter,
  aliasPos: SourcePosition | undefined
): PNode {
  if (isAlias(node)) {
    if (cx.options.refuseAliases !== undefined) cx.sink.add(pos, cx.options.refuseAliases);
    else if (aliasPos === undefined) {
      const target = node.resolve(cx.doc) as YamlNode | undefined;
      if (target) return convert(target, cx, pos);
    }
    // Kept as its text so the problem is reported once, not again by whatever expected a value here.
    return { kind: 'scalar', value: `*${node.source}`, text: `*${node.source}`, pos };
  }
  if (isScalar(node)) {
    const scalar = convertScalar(node, pos, cx);
    if (cx.options.keepRanges && aliasPos === undefined && node.range) {
      scalar.range = [node.range[0], node.range[1]];
    }
    return scalar;
  }
  if (isSeq(node)) {
    return { kind: 'seq', pos, items: node.items.map(item => convertItem(item, pos, cx, aliasPos)) };
  }
  if (isMap(node)) {
    const entries: PEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyPos = aliasPos ?? (keyNode?.range ? cx.at(keyNode.range[0]) : pos);
      const key = keyText(keyNode);
      if (key === undefined) {
        cx.sink.add(keyPos, 'map keys must be plain strings');
        continue;
      }
      const valueNode = pair.value as YamlNode | null;
      let value: PNode = valueNode === null ? emptyScalar(keyPos) : convert(valueNode, cx, aliasPos);
      // "Key:" with nothing after it: point at the key rather than at the end of the line.
      if (nothingWritten(valueNode) && value.pos !== keyPos) value = { ...value, pos: keyPos };
      entries.push({ key, keyPos, value });
    }
    return { kind: 'map', pos, entries };
  }
  cx.sink.add(pos, 'unsupported YAML node');
  return emptyScalar(pos);
}

function convertScalar(node: YamlNode & { value: unknown; source?: string }, pos: SourcePosition, cx: Converter) {
  const v = node.value;
  if (v === null || v === undefined) return emptyScalar(pos);
  if (typeof v === 'string' || typeof v === 'boolean') {
    return { kind: 'scalar', value: v, text: typeof v === 'string' ? v : String(v), pos } as PScalar;
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    const text = node.source !== undefined && /^[-+]?[0-9.]/.test(node.source) ? node.source : String(v);
    return { kind: 'scalar', value: Number(v), text, pos } as PScalar;
  }
  if (v instanceof Date && node.source !== undefined) {
    // YAML 1.1 timestamps (e.g. an unquoted AWSTemplateFormatVersion: 2010-09-09) stay as written.
    return { kind: 'scalar', value: node.source, text: node.source, pos } as PScalar;
  }
  cx.sink.add(pos, `unsupported scalar value (${typeof v}); write it as a string`);
  return emptyScalar(pos);
}

function convertItem(item: unknown, pos: SourcePosition, cx: Converter, aliasPos: SourcePosition | undefined): PNode {
  if (item === null || item === undefined) return emptyScalar(pos);
  if (isPair(item)) {
    // "- key: value" inside a flow sequence parses as a pair: treat it as a one-entry map
    const keyNode = item.key as YamlNode;
    const keyPos = aliasPos ?? (keyNode.range ? cx.at(keyNode.range[0]) : pos);
    const value = item.value === null ? emptyScalar(keyPos) : convert(item.value as YamlNode, cx, aliasPos);
    return { kind: 'map', pos: keyPos, entries: [{ key: keyText(keyNode) ?? '', keyPos, value }] };
  }
  return convert(item as YamlNode, cx, aliasPos);
}

/** An empty value (`Key:` and the end of the line), as opposed to a written `null` or `~`. */
function nothingWritten(node: YamlNode | null): boolean {
  return isScalar(node) && node.value === null && node.range !== undefined && node.range?.[0] === node.range?.[1];
}

function keyText(node: YamlNode | null): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return node.source ?? String(v);
  return undefined;
}

/** Looks up a map entry by key. */
export function entry(map: PMap, key: string): PEntry | undefined {
  return map.entries.find(e => e.key === key);
}

/**
 * The position of the node at `path` (of its key with `which: 'key'`, when it is a map entry's value). When the
 * path does not exist, the position of its nearest existing ancestor, so that "missing X" errors point at the
 * enclosing map.
 */
export function positionOf(root: PNode, path: TreePath, which: 'value' | 'key' = 'value'): SourcePosition {
  let node: PNode = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    let next: PNode | undefined;
    let keyPos: SourcePosition | undefined;
    if (node.kind === 'map') {
      const found = entry(node, String(segment));
      next = found?.value;
      keyPos = found?.keyPos;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined) return node.pos;
    if (i === path.length - 1 && which === 'key' && keyPos) return keyPos;
    node = next;
  }
  return node.pos;
}

/** The node at `path`, if there is one. */
export function nodeAt(root: PNode | undefined, path: TreePath): PNode | undefined {
  let node = root;
  for (const segment of path) {
    if (node?.kind === 'map') node = entry(node, String(segment))?.value;
    else if (node?.kind === 'seq' && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

/** A short description of a node's kind, for messages. */
export function describe(node: PNode): string {
  if (node.kind === 'scalar')
    return node.value === null ? 'an empty value' : `the ${typeof node.value} ${JSON.stringify(node.text)}`;
  return node.kind === 'seq' ? 'a list' : 'a map';
}
