/**
 * The Parameters section: each declared parameter resolved to the value the manifest supplies or its Default, and
 * checked against its Type, AllowedValues, AllowedPattern and bounds, as CloudFormation checks them.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
import { describe, entry } from '../../source/tree.js';
import type { ErrorSink } from '../../source/collector.js';
import type { PEntry, PMap } from '../../source/tree.js';
import type { PackOptions, ResolvedParameter } from '../types.js';
import type { SourcePosition } from '../../source/position.js';
import { scalarText } from './values.js';

const PARAMETER_ATTRIBUTES = new Set([
  'Type',
  'Default',
  'Description',
  'AllowedValues',
  'AllowedPattern',
  'ConstraintDescription',
  'MaxLength',
  'MinLength',
  'MaxValue',
  'MinValue',
  'NoEcho'
]);

interface TemplateParameters {
  parameters: Map<string, ResolvedParameter>;
  /** Declared parameters that failed to resolve (already reported): references to them fail quietly. */
  failed: Set<string>;
}

/** Resolves the declared parameters; a supplied parameter the template does not declare is an error. */
export function readParameters(
  section: PEntry | undefined,
  options: PackOptions,
  file: string,
  sink: ErrorSink
): TemplateParameters {
  const out: TemplateParameters = { parameters: new Map(), failed: new Set() };
  const supplied = options.parameters ?? {};
  const suppliedAt = (name: string): SourcePosition | undefined => options.parameterPositions?.[name];
  const declared = new Set<string>();
  if (section !== undefined) {
    if (section.value.kind !== 'map') {
      sink.add(section.value.pos, `Parameters must be a map, found ${describe(section.value)}`);
    } else {
      for (const p of section.value.entries) {
        declared.add(p.key);
        const value = readParameter(sink, p, supplied[p.key], suppliedAt(p.key));
        if (value === undefined) out.failed.add(p.key);
        else out.parameters.set(p.key, value);
      }
    }
  }
  for (const name of Object.keys(supplied)) {
    if (declared.has(name)) continue;
    const pos = suppliedAt(name) ?? section?.keyPos ?? { file, line: 1, col: 1 };
    sink.add(
      pos,
      `parameter ${JSON.stringify(name)} is supplied but the template declares no such parameter` +
        (declared.size > 0 ? ` (declared: ${[...declared].join(', ')})` : ' (it declares none)')
    );
  }
  return out;
}

function readParameter(
  sink: ErrorSink,
  p: PEntry,
  supplied: string | undefined,
  suppliedPos: SourcePosition | undefined
): ResolvedParameter | undefined {
  if (p.value.kind !== 'map') {
    sink.add(p.value.pos, `parameter ${p.key} must be a map with a Type, found ${describe(p.value)}`);
    return undefined;
  }
  const def = p.value;
  for (const e of def.entries) {
    if (!PARAMETER_ATTRIBUTES.has(e.key)) sink.add(e.keyPos, `unknown attribute ${e.key} of parameter ${p.key}`);
  }
  const typeEntry = entry(def, 'Type');
  const type = typeEntry && typeEntry.value.kind === 'scalar' ? scalarText(typeEntry.value) : undefined;
  if (type === undefined) {
    sink.add(p.keyPos, `parameter ${p.key} has no Type (String, Number, CommaDelimitedList, ...)`);
    return undefined;
  }
  const kind = parameterKind(type);
  if (kind === undefined) {
    sink.add(typeEntry!.value.pos, `parameter ${p.key}: unsupported Type ${JSON.stringify(type)}`);
    return undefined;
  }
  if (kind === 'ssm') {
    sink.add(
      typeEntry!.value.pos,
      `parameter ${p.key}: Type ${type} reads Systems Manager Parameter Store, which cannot be resolved before deployment; pass the value itself as a String parameter`
    );
    return undefined;
  }
  let raw: string;
  let origin: 'supplied' | 'default';
  let valuePos: SourcePosition;
  const defaultEntry = entry(def, 'Default');
  if (supplied !== undefined) {
    raw = supplied;
    origin = 'supplied';
    valuePos = suppliedPos ?? p.keyPos;
  } else if (defaultEntry !== undefined) {
    const d = defaultEntry.value;
    const text = d.kind === 'scalar' ? scalarText(d) : undefined;
    if (text === undefined) {
      sink.add(d.pos, `parameter ${p.key}: Default must be a string, found ${describe(d)}`);
      return undefined;
    }
    raw = text;
    origin = 'default';
    valuePos = d.pos;
  } else {
    sink.add(p.keyPos, `parameter ${p.key} has no value: supply it (pack parameters) or give it a Default`);
    return undefined;
  }
  const what = origin === 'supplied' ? `value supplied for parameter ${p.key}` : `Default of parameter ${p.key}`;
  const value: string | string[] = kind === 'list' || kind === 'numberList' ? splitList(raw) : raw;
  const items = typeof value === 'string' ? [value] : value;
  let ok = true;
  if (kind === 'number' || kind === 'numberList') {
    for (const item of items) {
      if (!isNumber(item)) {
        ok = false;
        sink.add(valuePos, `${what}: ${JSON.stringify(item)} is not a number`);
      }
    }
  }
  const allowed = stringListAttr(sink, def, 'AllowedValues', p.key);
  if (allowed !== undefined) {
    for (const item of items) {
      if (!allowed.includes(item)) {
        ok = false;
        sink.add(valuePos, `${what}: ${JSON.stringify(item)} is not one of the AllowedValues (${allowed.join(', ')})`);
      }
    }
  }
  const pattern = entry(def, 'AllowedPattern');
  if (pattern !== undefined) {
    const source = pattern.value.kind === 'scalar' ? scalarText(pattern.value) : undefined;
    let re: RegExp | undefined;
    try {
      re = source === undefined ? undefined : new RegExp(`^(?:${source})$`, 'u');
    } catch {
      re = undefined;
    }
    if (re === undefined) sink.add(pattern.value.pos, `parameter ${p.key}: AllowedPattern is not a valid pattern`);
    else {
      for (const item of items) {
        if (!re.test(item)) {
          ok = false;
          sink.add(valuePos, `${what}: ${JSON.stringify(item)} does not match AllowedPattern ${source}`);
        }
      }
    }
  }
  ok = checkBounds(sink, def, p.key, what, valuePos, items, kind) && ok;
  if (!ok) return undefined;
  return { name: p.key, type, value, origin, position: p.keyPos } satisfies ResolvedParameter;
}

function stringListAttr(sink: ErrorSink, def: PMap, attr: string, param: string): string[] | undefined {
  const e = entry(def, attr);
  if (e === undefined) return undefined;
  if (e.value.kind !== 'seq') {
    sink.add(e.value.pos, `parameter ${param}: ${attr} must be a list`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of e.value.items) {
    const text = item.kind === 'scalar' ? scalarText(item) : undefined;
    if (text === undefined) sink.add(item.pos, `parameter ${param}: ${attr} must hold strings`);
    else out.push(text);
  }
  return out;
}

function checkBounds(
  sink: ErrorSink,
  def: PMap,
  param: string,
  what: string,
  pos: SourcePosition,
  items: string[],
  kind: ParameterKind
): boolean {
  let ok = true;
  const bound = (attr: string): number | undefined => {
    const e = entry(def, attr);
    if (e === undefined) return undefined;
    const text = e.value.kind === 'scalar' ? scalarText(e.value) : undefined;
    if (text === undefined || !isNumber(text)) {
      sink.add(e.value.pos, `parameter ${param}: ${attr} must be a number`);
      return undefined;
    }
    return Number(text);
  };
  const minLength = bound('MinLength');
  const maxLength = bound('MaxLength');
  const minValue = bound('MinValue');
  const maxValue = bound('MaxValue');
  for (const item of items) {
    if (kind === 'string' || kind === 'list') {
      if (minLength !== undefined && item.length < minLength) {
        ok = false;
        sink.add(pos, `${what}: shorter than MinLength ${minLength}`);
      }
      if (maxLength !== undefined && item.length > maxLength) {
        ok = false;
        sink.add(pos, `${what}: longer than MaxLength ${maxLength}`);
      }
    } else if (isNumber(item)) {
      if (minValue !== undefined && Number(item) < minValue) {
        ok = false;
        sink.add(pos, `${what}: ${item} is below MinValue ${minValue}`);
      }
      if (maxValue !== undefined && Number(item) > maxValue) {
        ok = false;
        sink.add(pos, `${what}: ${item} is above MaxValue ${maxValue}`);
      }
    }
  }
  return ok;
}

type ParameterKind = 'string' | 'number' | 'list' | 'numberList' | 'ssm';

function parameterKind(type: string): ParameterKind | undefined {
  if (type === 'String') return 'string';
  if (type === 'Number') return 'number';
  if (type === 'CommaDelimitedList') return 'list';
  if (type === 'List<Number>') return 'numberList';
  if (type.startsWith('AWS::SSM::Parameter::Value<')) return 'ssm';
  if (type === 'AWS::SSM::Parameter::Name') return 'string';
  if (/^AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+$/.test(type)) return 'string';
  if (/^List<AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+>$/.test(type)) return 'list';
  return undefined;
}

function splitList(raw: string): string[] {
  return raw === '' ? [] : raw.split(',').map(s => s.trim());
}

function isNumber(text: string): boolean {
  return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text.trim());
}
