/**
 * Reads one CloudFormation template (YAML with short-form tags, or JSON) into its resources, each with the
 * position of its logical id and a way to find the position of any property. Uses the project's
 * CloudFormation-aware reader (conformance/source-tree.ts), so `!Ref x` arrives as `{ Ref: x }`.
 */
import { SourceError } from '../errors.js';
import { readSourceTree } from '../source/cloudformation.js';
import { ErrorSink } from '../source/collector.js';
import { describe, entry } from '../source/tree.js';
import type { PNode } from '../source/tree.js';
import type { SourcePosition } from '../source/position.js';
import { PHYSICAL_NAME_PROPERTIES } from './physical-names.js';
import type { CfnTemplate, TemplateResource } from './types.js';

/** The file parses, but it is not a CloudFormation template (no Resources section, not a map, empty). */
export class NotATemplateError extends Error {
  override readonly name = 'NotATemplateError';
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(`${file}: not a CloudFormation template: ${reason}`);
  }
}

/** CloudFormation logical ids are alphanumeric. */
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
/** AWS::Service::Resource, Custom::Name, Vendor::Service::Resource::MODULE, AWS::Serverless::Function, ... */
const RESOURCE_TYPE = /^[A-Za-z0-9]+(?:::[A-Za-z0-9_@-]+){1,3}$/;

const EMPTY_DOCUMENT = 'the document is empty';

/** Plain data of a node: maps become objects, lists arrays; intrinsic functions stay as their long-form maps. */
export function toPlain(node: PNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  return Object.fromEntries(node.entries.map(e => [e.key, toPlain(e.value)]));
}

/**
 * The literal string a node holds: a scalar, or `!Sub` of a string without `${...}` variables
 * (`${!Literal}` stands for `${Literal}`). Undefined for anything computed (Ref, Join, Sub with variables...).
 */
export function literalString(node: PNode): string | undefined {
  if (node.kind === 'scalar') {
    if (node.value === null || typeof node.value === 'boolean') return undefined;
    return typeof node.value === 'number' ? node.text : node.value;
  }
  if (node.kind === 'map' && node.entries.length === 1) {
    const only = node.entries[0];
    if (only?.key === 'Fn::Sub' && only.value.kind === 'scalar' && typeof only.value.value === 'string') {
      const text = only.value.value;
      if (/\$\{(?!!)/.test(text)) return undefined;
      return text.replace(/\$\{!/g, '${');
    }
  }
  return undefined;
}

function propertyLocator(
  properties: PNode | undefined,
  propertiesKey: SourcePosition | undefined
): (path: readonly string[]) => SourcePosition | undefined {
  return path => {
    if (path.length === 0) return propertiesKey;
    let node = properties;
    let pos: SourcePosition | undefined;
    for (const segment of path) {
      if (node === undefined) return undefined;
      if (node.kind === 'map') {
        const e = entry(node, segment);
        if (e === undefined) return undefined;
        pos = e.keyPos;
        node = e.value;
      } else if (node.kind === 'seq' && /^\d+$/.test(segment)) {
        const item = node.items[Number(segment)];
        if (item === undefined) return undefined;
        pos = item.pos;
        node = item;
      } else {
        return undefined;
      }
    }
    return pos;
  };
}

/** CloudFormation's reader messages are written for conformance packs; say "template" here. */
function reword(err: SourceError): SourceError {
  const detail = err.detail.replace('a conformance pack template', 'a CloudFormation template');
  return detail === err.detail ? err : new SourceError(err.file, err.line, err.col, detail);
}

function fail(sink: ErrorSink): never {
  const reworded = new ErrorSink();
  reworded.addErrors(sink.errors.map(reword));
  return reworded.throwAll();
}

function readResource(file: string, logicalId: string, keyPos: SourcePosition, value: PNode, sink: ErrorSink) {
  if (!LOGICAL_ID.test(logicalId)) {
    sink.add(keyPos, `logical id ${JSON.stringify(logicalId)} must be alphanumeric (A-Z, a-z, 0-9)`);
  }
  if (value.kind !== 'map') {
    sink.add(value.pos, `resource ${logicalId} must be a map with Type and Properties, found ${describe(value)}`);
    return undefined;
  }
  const typeEntry = entry(value, 'Type');
  let type: string | undefined;
  if (typeEntry === undefined) {
    sink.add(keyPos, `resource ${logicalId} has no Type`);
  } else if (typeEntry.value.kind !== 'scalar' || typeof typeEntry.value.value !== 'string') {
    sink.add(typeEntry.value.pos, `Type of ${logicalId} must be a string, found ${describe(typeEntry.value)}`);
  } else if (!RESOURCE_TYPE.test(typeEntry.value.value)) {
    sink.add(
      typeEntry.value.pos,
      `Type of ${logicalId} is ${JSON.stringify(typeEntry.value.value)}: expected a resource type such as AWS::S3::Bucket`
    );
  } else {
    type = typeEntry.value.value;
  }
  const propsEntry = entry(value, 'Properties');
  let properties: PNode | undefined;
  if (propsEntry !== undefined) {
    const v = propsEntry.value;
    if (v.kind === 'map') properties = v;
    else if (!(v.kind === 'scalar' && v.value === null)) {
      sink.add(v.pos, `Properties of ${logicalId} must be a map, found ${describe(v)}`);
    }
  }
  if (type === undefined) return undefined;
  const resource: TemplateResource = {
    file,
    logicalId,
    type,
    properties: properties === undefined ? {} : toPlain(properties),
    position: keyPos,
    propertyPosition: propertyLocator(properties, propsEntry?.keyPos)
  };
  const nameProperty = PHYSICAL_NAME_PROPERTIES[type];
  if (nameProperty !== undefined && properties?.kind === 'map') {
    const nameEntry = entry(properties, nameProperty);
    const name = nameEntry === undefined ? undefined : literalString(nameEntry.value);
    if (name !== undefined && name !== '') resource.physicalName = name;
  }
  return resource;
}

/**
 * Parses a CloudFormation template. Malformed templates throw SourceErrors naming every problem (file:line:col);
 * a file that is not a CloudFormation template at all (empty, not a map, no Resources) throws NotATemplateError.
 */
export function parseTemplate(text: string, file: string): CfnTemplate {
  const sink = new ErrorSink();
  const tree = readSourceTree(text, file, sink);
  if (tree === undefined) {
    if (sink.errors.every(e => e.detail === EMPTY_DOCUMENT)) throw new NotATemplateError(file, 'the file is empty');
    fail(sink);
  }
  if (tree.kind !== 'map') throw new NotATemplateError(file, `its top level is ${describe(tree)}, not a map`);
  const resourcesEntry = entry(tree, 'Resources');
  if (resourcesEntry === undefined) throw new NotATemplateError(file, 'it has no Resources section');

  const resources: TemplateResource[] = [];
  const section = resourcesEntry.value;
  if (section.kind !== 'map') {
    sink.add(
      section.kind === 'scalar' && section.value === null ? resourcesEntry.keyPos : section.pos,
      `Resources must be a map of logical ids to resources, found ${describe(section)}`
    );
  } else if (section.entries.length === 0) {
    sink.add(resourcesEntry.keyPos, 'Resources is empty: a template declares at least one resource');
  } else {
    for (const e of section.entries) {
      const r = readResource(file, e.key, e.keyPos, e.value, sink);
      if (r !== undefined) resources.push(r);
    }
  }
  if (sink.count > 0) fail(sink);
  return { file, resources };
}
