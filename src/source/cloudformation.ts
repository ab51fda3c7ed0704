/**
 * CloudFormation's YAML dialect, shared by conformance pack templates and application templates (cfn/): YAML 1.1
 * (or JSON) with short-form intrinsic tags. `!Ref x`, `!If [...]`, `!Sub ...` become their long forms
 * ({ Ref: x }, { 'Fn::If': [...] }), so the readers see one form only.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import type { Tags } from 'yaml';
import type { ErrorSink } from './collector.js';
import type { SourcePosition } from './position.js';
import { positionAt, toTree, type PNode } from './tree.js';
import { readYaml } from './yaml.js';

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

/** `!Name arg` -> { 'Fn::Name': arg }; an unknown tag (already reported) leaves the node as it is. */
function longForm(name: string, inner: PNode, pos: SourcePosition): PNode {
  const form = SHORT_FORMS[name];
  if (form === undefined) return inner;
  let arg: PNode = inner;
  if (name === 'GetAtt' && inner.kind === 'scalar' && typeof inner.value === 'string') {
    // !GetAtt Resource.Attribute is the same as Fn::GetAtt: [Resource, Attribute]
    const dot = inner.value.indexOf('.');
    const parts = dot < 0 ? [inner.value] : [inner.value.slice(0, dot), inner.value.slice(dot + 1)];
    arg = { kind: 'seq', pos, items: parts.map(p => ({ kind: 'scalar', value: p, text: p, pos })) };
  }
  return { kind: 'map', pos, entries: [{ key: form, keyPos: pos, value: arg }] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/**
 * Parses CloudFormation-style text into a tree. YAML syntax errors, unknown tags, aliases and the like are reported
 * to the sink; the result is undefined when the document cannot be read at all.
 */
export function readSourceTree(text: string, file: string, sink: ErrorSink): PNode | undefined {
  // CloudFormation documents YAML 1.1 for templates.
  const parsed = readYaml(text, { customTags: CUSTOM_TAGS, version: '1.1' });
  const at = (offset: number): SourcePosition => positionAt(parsed, file, offset);
  for (const err of parsed.errors) sink.add(at(err.offset), `invalid YAML/JSON: ${err.message}`);
  for (const warning of parsed.doc.warnings) {
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
  const tree = toTree(parsed, file, sink, {
    refuseAliases: 'YAML aliases (*name) are not supported in a conformance pack template',
    convertTag: longForm
  });
  if (tree === undefined) sink.add(at(0), 'the document is empty');
  return tree;
}
