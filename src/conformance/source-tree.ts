/**
 * Reads a CloudFormation-style document (YAML 1.1 as CloudFormation accepts it, or JSON) into a small tree that keeps
 * the position of every node. Short-form intrinsic tags (!Ref, !If, !Sub, ...) become their long forms
 * ({ Ref: ... }, { 'Fn::If': [...] }), so the rest of the phase sees one form only.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { LineCounter, Node as YamlNode, Tags } from 'yaml';
import { SourceError, SourceErrors } from '../errors.js';
import type { SourcePosition } from '../source/position.js';
import { readYaml } from '../source/yaml.js';

export interface PScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The scalar as written (for numbers: '0.10' stays '0.10'). */
  text: string;
  pos: SourcePosition;
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

/** Collects problems so all of them are reported at once. */
export class ErrorSink {
  readonly errors: SourceError[] = [];
  add(pos: SourcePosition, detail: string): void {
    this.errors.push(new SourceError(pos.file, pos.line, pos.col, detail));
  }
  get count(): number {
    return this.errors.length;
  }
  /** Throws SourceErrors (sorted by position) when anything was collected. */
  throwIfAny(): void {
    if (this.errors.length > 0) this.throwAll();
  }
  /** Throws SourceErrors with everything collected (sorted by position). */
  throwAll(): never {
    const sorted = [...this.errors].sort((a, b) =>
      a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1
    );
    throw new SourceErrors(sorted);
  }
}

/** Short-form tags and the long form each stands for. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  And: 'Fn::And',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  Equals: 'Fn::Equals',
  FindInMap: 'Fn::FindInMap',
  GetAtt: 'Fn::GetAtt',
  GetAZs: 'Fn::GetAZs',
  If: 'Fn::If',
  ImportValue: 'Fn::ImportValue',
  Join: 'Fn::Join',
  Length: 'Fn::Length',
  Not: 'Fn::Not',
  Or: 'Fn::Or',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  Sub: 'Fn::Sub',
  ToJsonString: 'Fn::ToJsonString',
  Transform: 'Fn::Transform'
};

/** The tags are registered so the parser accepts them; the node is kept as is and converted below. */
const CUSTOM_TAGS: Tags = Object.keys(SHORT_FORMS).flatMap(name => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value }
]);

export function positionAt(file: string, lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, col };
}

/**
 * Parses text into a PNode tree. YAML syntax errors, unknown tags, anchors/aliases used as keys and the like are
 * reported to the sink; the result is undefined when the document cannot be read at all.
 */
export function readSourceTree(text: string, file: string, sink: ErrorSink): PNode | undefined {
  // CloudFormation documents YAML 1.1 for templates.
  const parsed = readYaml(text, { customTags: CUSTOM_TAGS, version: '1.1' });
  const { doc, lineCounter } = parsed;
  const at = (offset: number): SourcePosition => positionAt(file, lineCounter, offset);
  for (const err of parsed.errors) sink.add(at(err.offset), `invalid YAML/JSON: ${err.message}`);
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = /tag: (\S+)/.exec(warning.message)?.[1] ?? 'tag';
      sink.add(
        at(warning.pos[0]),
        `unknown tag ${tag}: not an intrinsic function CloudFormation knows (${Object.keys(SHORT_FORMS)
          .map(n => `!${n}`)
          .join(', ')})`
      );
    } else {
      sink.add(at(warning.pos[0]), `invalid YAML/JSON: ${firstLine(warning.message)}`);
    }
  }
  if (parsed.errors.length > 0) return undefined;
  if (doc.contents === null) {
    sink.add(at(0), 'the document is empty');
    return undefined;
  }
  return convert(doc.contents, at, sink);
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

function convert(node: YamlNode, at: (offset: number) => SourcePosition, sink: ErrorSink): PNode {
  const pos = at(node.range?.[0] ?? 0);
  const inner = convertUntagged(node, pos, at, sink);
  const tag = node.tag;
  if (tag?.startsWith('!') && !tag.startsWith('!!')) {
    const name = tag.slice(1);
    const longForm = SHORT_FORMS[name];
    if (longForm === undefined) return inner; // already reported as an unknown tag
    let arg: PNode = inner;
    if (name === 'GetAtt' && inner.kind === 'scalar' && typeof inner.value === 'string') {
      // !GetAtt Resource.Attribute is the same as Fn::GetAtt: [Resource, Attribute]
      const dot = inner.value.indexOf('.');
      const parts = dot < 0 ? [inner.value] : [inner.value.slice(0, dot), inner.value.slice(dot + 1)];
      arg = { kind: 'seq', pos, items: parts.map(p => ({ kind: 'scalar', value: p, text: p, pos })) };
    }
    return { kind: 'map', pos, entries: [{ key: longForm, keyPos: pos, value: arg }] };
  }
  return inner;
}

function convertUntagged(
  node: YamlNode,
  pos: SourcePosition,
  at: (offset: number) => SourcePosition,
  sink: ErrorSink
): PNode {
  if (isAlias(node)) {
    sink.add(pos, 'YAML aliases (*name) are not supported in a conformance pack template');
    // Kept as its text so the problem is reported once, not again by whatever expected a value here.
    return { kind: 'scalar', value: `*${node.source}`, text: `*${node.source}`, pos };
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { kind: 'scalar', value: null, text: '', pos };
    if (typeof v === 'string' || typeof v === 'boolean') {
      return { kind: 'scalar', value: v, text: typeof v === 'string' ? v : String(v), pos };
    }
    if (typeof v === 'number' || typeof v === 'bigint') {
      const text = node.source !== undefined && /^[-+]?[0-9.]/.test(node.source) ? node.source : String(v);
      return { kind: 'scalar', value: Number(v), text, pos };
    }
    if (v instanceof Date && node.source !== undefined) {
      // YAML 1.1 timestamps (e.g. an unquoted AWSTemplateFormatVersion: 2010-09-09) stay as written.
      return { kind: 'scalar', value: node.source, text: node.source, pos };
    }
    sink.add(pos, `unsupported scalar value (${typeof v}); write it as a string`);
    return { kind: 'scalar', value: null, text: '', pos };
  }
  if (isSeq(node)) {
    return { kind: 'seq', pos, items: node.items.map(item => convertItem(item, pos, at, sink)) };
  }
  if (isMap(node)) {
    const entries: PEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyPos = keyNode?.range ? at(keyNode.range[0]) : pos;
      const key = keyText(keyNode);
      if (key === undefined) {
        sink.add(keyPos, 'map keys must be plain strings');
        continue;
      }
      const valueNode = pair.value as YamlNode | null;
      let value: PNode =
        valueNode === null ? { kind: 'scalar', value: null, text: '', pos: keyPos } : convert(valueNode, at, sink);
      // "Key:" with nothing after it: point at the key rather than at the end of the line.
      if (value.kind === 'scalar' && value.value === null && !value.text) value = { ...value, pos: keyPos };
      entries.push({ key, keyPos, value });
    }
    return { kind: 'map', pos, entries };
  }
  sink.add(pos, 'unsupported YAML node');
  return { kind: 'scalar', value: null, text: '', pos };
}

function convertItem(item: unknown, pos: SourcePosition, at: (offset: number) => SourcePosition, sink: ErrorSink) {
  if (item === null || item === undefined) return { kind: 'scalar', value: null, text: '', pos } as PScalar;
  if (isPair(item)) {
    // "- key: value" inside a flow sequence parses as a pair: treat it as a one-entry map
    const keyNode = item.key as YamlNode;
    const keyPos = keyNode.range ? at(keyNode.range[0]) : pos;
    const value =
      item.value === null
        ? ({ kind: 'scalar', value: null, text: '', pos: keyPos } as PScalar)
        : convert(item.value as YamlNode, at, sink);
    return {
      kind: 'map',
      pos: keyPos,
      entries: [{ key: keyText(keyNode) ?? '', keyPos, value }]
    } as PMap;
  }
  return convert(item as YamlNode, at, sink);
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

/** A short description of a node's kind, for messages. */
export function describe(node: PNode): string {
  if (node.kind === 'scalar')
    return node.value === null ? 'an empty value' : `the ${typeof node.value} ${JSON.stringify(node.text)}`;
  return node.kind === 'seq' ? 'a list' : 'a map';
}
