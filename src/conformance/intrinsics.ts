/**
 * CloudFormation intrinsic functions and conditions, evaluated the way CloudFormation does for a conformance pack:
 * Ref (parameters, pseudo parameters, ConfigRule logical ids), Fn::If with AWS::NoValue, Fn::Sub, Fn::Join,
 * Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64, and the condition functions. Functions whose result exists
 * only in a deployed stack (Fn::GetAtt, Fn::ImportValue, Fn::GetAZs, ...) are errors naming their position.
 */
import type { ErrorSink } from '../source/collector.js';
import type { PEntry, PMap, PNode, PScalar, PSeq } from '../source/tree.js';
import { describe } from '../source/tree.js';
import type { PackContext, ResolvedParameter } from './types.js';
import type { SourcePosition } from '../source/position.js';

/** The value of Ref: AWS::NoValue (the enclosing key or list item is removed). */
export const NO_VALUE = Symbol('AWS::NoValue');
/** An error was already reported for this node; callers stop without adding another message. */
export const FAILED = Symbol('failed');
export type Resolved = PNode | typeof NO_VALUE | typeof FAILED;

const CONDITION_FUNCTIONS = new Set(['Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or']);
const VALUE_FUNCTIONS = new Set([
  'Fn::If',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::Base64'
]);
/** Known to CloudFormation, but with no value a conformance pack can know before it is deployed. */
const UNRESOLVABLE: Readonly<Record<string, string>> = {
  'Fn::GetAtt': 'resource attributes exist only once the pack is deployed; use the rule name (Ref) instead',
  'Fn::ImportValue': 'a conformance pack cannot read the exports of other stacks',
  'Fn::GetAZs': 'the availability zones of the account are not known to the pack',
  'Fn::Cidr': 'it is not supported in conformance pack templates',
  'Fn::Transform': 'macros (transforms) are not supported in conformance pack templates',
  'Fn::Length': 'it needs the AWS::LanguageExtensions transform, which conformance packs do not run',
  'Fn::ToJsonString': 'it needs the AWS::LanguageExtensions transform, which conformance packs do not run',
  'Fn::ForEach': 'it needs the AWS::LanguageExtensions transform, which conformance packs do not run'
};

/** What a Ref to a resource logical id resolves to (a ConfigRule's name), FAILED, or undefined: no such resource. */
type ResourceRef = (logicalId: string, pos: SourcePosition) => string | typeof FAILED | undefined;

interface EvaluatorEnv {
  sink: ErrorSink;
  parameters: ReadonlyMap<string, ResolvedParameter>;
  /** Parameters that failed to resolve (already reported): references to them fail quietly. */
  failedParameters: ReadonlySet<string>;
  conditions: ReadonlyMap<string, PEntry>;
  mappings: PMap | undefined;
  context: PackContext;
  resourceRef: ResourceRef;
}

type Mode = 'value' | 'condition';

export function scalarString(node: PScalar): string | undefined {
  if (node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number') return node.text;
  return node.value ? 'true' : 'false';
}

function str(value: string, pos: SourcePosition): PScalar {
  return { kind: 'scalar', value, text: value, pos };
}

function list(values: readonly string[], pos: SourcePosition): PSeq {
  return { kind: 'seq', pos, items: values.map(v => str(v, pos)) };
}

/** The intrinsic function a map stands for, if any (a map whose only key is Ref, Condition or Fn::*). */
function intrinsicName(node: PNode, mode: Mode): string | undefined {
  if (node.kind !== 'map') return undefined;
  const fn = node.entries.find(
    e => e.key === 'Ref' || e.key.startsWith('Fn::') || (mode === 'condition' && e.key === 'Condition')
  );
  return fn?.key;
}

function partitionFor(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

export class Evaluator {
  private readonly conditionValues = new Map<string, boolean | typeof FAILED>();
  private readonly evaluating = new Set<string>();

  constructor(private readonly env: EvaluatorEnv) {}

  private fail(pos: SourcePosition, detail: string): typeof FAILED {
    this.env.sink.add(pos, detail);
    return FAILED;
  }

  /** Resolves every intrinsic function in a property value. */
  resolve(node: PNode, mode: Mode = 'value'): Resolved {
    const fn = intrinsicName(node, mode);
    if (fn !== undefined && node.kind === 'map') {
      if (node.entries.length !== 1) {
        return this.fail(
          node.pos,
          `${fn} must be the only key of its map (found ${node.entries.map(e => e.key).join(', ')})`
        );
      }
      return this.call(fn, node.entries[0]!.value, node.pos, mode);
    }
    if (node.kind === 'scalar') return node;
    if (node.kind === 'seq') {
      const items: PNode[] = [];
      let failed = false;
      for (const item of node.items) {
        const r = this.resolve(item, mode);
        if (r === FAILED) failed = true;
        else if (r !== NO_VALUE) items.push(r);
      }
      return failed ? FAILED : { kind: 'seq', pos: node.pos, items };
    }
    const entries: PEntry[] = [];
    let failed = false;
    for (const e of node.entries) {
      const r = this.resolve(e.value, mode);
      if (r === FAILED) failed = true;
      else if (r !== NO_VALUE) entries.push({ key: e.key, keyPos: e.keyPos, value: r });
    }
    return failed ? FAILED : { kind: 'map', pos: node.pos, entries };
  }

  /** The value of a named condition (memoised; cycles are errors). */
  condition(name: string, pos: SourcePosition): boolean | typeof FAILED {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    const def = this.env.conditions.get(name);
    if (def === undefined) {
      const names = [...this.env.conditions.keys()];
      return this.fail(
        pos,
        `unknown condition ${JSON.stringify(name)}` +
          (names.length > 0
            ? ` (conditions in this template: ${names.join(', ')})`
            : ' (the template has no Conditions)')
      );
    }
    if (this.evaluating.has(name)) {
      return this.fail(
        pos,
        `condition ${JSON.stringify(name)} refers to itself (cycle: ${[...this.evaluating, name].join(' -> ')})`
      );
    }
    this.evaluating.add(name);
    const value = this.conditionExpr(def.value);
    this.evaluating.delete(name);
    this.conditionValues.set(name, value);
    return value;
  }

  /** Evaluates a condition body: Fn::Equals, Fn::Not, Fn::And, Fn::Or or { Condition: name }. */
  conditionExpr(node: PNode): boolean | typeof FAILED {
    const fn = intrinsicName(node, 'condition');
    if (node.kind !== 'map' || fn === undefined || (!CONDITION_FUNCTIONS.has(fn) && fn !== 'Condition')) {
      return this.fail(
        node.pos,
        `a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or a Condition reference, found ${fn ?? describe(node)}`
      );
    }
    if (node.entries.length !== 1) {
      return this.fail(
        node.pos,
        `${fn} must be the only key of its map (found ${node.entries.map(e => e.key).join(', ')})`
      );
    }
    const arg = node.entries[0]!.value;
    if (fn === 'Condition') {
      const name = this.literalName(arg, 'Condition');
      return name === FAILED ? FAILED : this.condition(name, arg.pos);
    }
    if (arg.kind !== 'seq') return this.fail(arg.pos, `${fn} takes a list, found ${describe(arg)}`);
    if (fn === 'Fn::Equals') {
      if (arg.items.length !== 2) return this.fail(arg.pos, `Fn::Equals takes 2 values, found ${arg.items.length}`);
      const a = this.resolve(arg.items[0]!, 'condition');
      const b = this.resolve(arg.items[1]!, 'condition');
      if (a === FAILED || b === FAILED) return FAILED;
      if (a === NO_VALUE || b === NO_VALUE) return this.fail(arg.pos, 'Fn::Equals cannot compare AWS::NoValue');
      return canonical(a) === canonical(b);
    }
    if (fn === 'Fn::Not') {
      if (arg.items.length !== 1) return this.fail(arg.pos, `Fn::Not takes 1 condition, found ${arg.items.length}`);
      const v = this.conditionExpr(arg.items[0]!);
      return v === FAILED ? FAILED : !v;
    }
    if (arg.items.length < 2 || arg.items.length > 10) {
      return this.fail(arg.pos, `${fn} takes 2 to 10 conditions, found ${arg.items.length}`);
    }
    const values = arg.items.map(item => this.conditionExpr(item));
    if (values.includes(FAILED)) return FAILED;
    return fn === 'Fn::And' ? values.every(v => v === true) : values.some(v => v === true);
  }

  private literalName(node: PNode, what: string): string | typeof FAILED {
    if (node.kind === 'scalar' && typeof node.value === 'string' && node.value !== '') return node.value;
    return this.fail(node.pos, `${what} takes a name written as a plain string, found ${describe(node)}`);
  }

  private call(fn: string, arg: PNode, pos: SourcePosition, mode: Mode): Resolved {
    if (fn === 'Ref') return this.ref(arg, pos, mode);
    if (CONDITION_FUNCTIONS.has(fn)) {
      return this.fail(
        pos,
        `${fn} is a condition function: use it in the Conditions section and refer to it with Fn::If`
      );
    }
    const why = UNRESOLVABLE[fn];
    if (why !== undefined) return this.fail(pos, `${fn} cannot be resolved in a conformance pack: ${why}`);
    if (!VALUE_FUNCTIONS.has(fn)) {
      return this.fail(
        pos,
        `unknown intrinsic function ${fn} (supported: Ref, ${[...VALUE_FUNCTIONS].join(', ')}, and in Conditions ${[
          ...CONDITION_FUNCTIONS
        ].join(', ')})`
      );
    }
    if (fn === 'Fn::If') {
      if (mode === 'condition') return this.fail(pos, 'Fn::If cannot be used inside a condition');
      return this.fnIf(arg, pos);
    }
    if (fn === 'Fn::Sub') return this.fnSub(arg, pos, mode);
    if (fn === 'Fn::FindInMap') return this.fnFindInMap(arg, pos, mode);
    const resolved = this.resolve(arg, mode);
    if (resolved === FAILED) return FAILED;
    if (resolved === NO_VALUE) return this.fail(pos, `${fn} cannot take AWS::NoValue`);
    switch (fn) {
      case 'Fn::Join':
        return this.fnJoin(resolved, pos);
      case 'Fn::Select':
        return this.fnSelect(resolved, pos);
      case 'Fn::Split':
        return this.fnSplit(resolved, pos);
      default:
        return this.fnBase64(resolved, pos);
    }
  }

  private ref(arg: PNode, pos: SourcePosition, mode: Mode): Resolved {
    const name = this.literalName(arg, 'Ref');
    if (name === FAILED) return FAILED;
    if (name.startsWith('AWS::')) return this.pseudo(name, pos, mode);
    const param = this.env.parameters.get(name);
    if (param !== undefined) return typeof param.value === 'string' ? str(param.value, pos) : list(param.value, pos);
    if (this.env.failedParameters.has(name)) return FAILED;
    if (mode === 'condition') {
      return this.fail(
        pos,
        `Ref to ${JSON.stringify(name)}: a condition can refer to parameters and pseudo parameters only`
      );
    }
    const ruleName = this.env.resourceRef(name, pos);
    if (ruleName === FAILED) return FAILED;
    if (ruleName !== undefined) return str(ruleName, pos);
    return this.fail(
      pos,
      `Ref to unknown name ${JSON.stringify(name)}: not a parameter, pseudo parameter or resource of this template`
    );
  }

  private pseudo(name: string, pos: SourcePosition, mode: Mode): Resolved {
    const ctx = this.env.context;
    const partition = ctx.partition ?? partitionFor(ctx.region);
    switch (name) {
      case 'AWS::NoValue':
        return mode === 'condition' ? this.fail(pos, 'AWS::NoValue cannot be used in a condition') : NO_VALUE;
      case 'AWS::Region':
        return str(ctx.region, pos);
      case 'AWS::Partition':
        return str(partition, pos);
      case 'AWS::URLSuffix':
        return str(partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com', pos);
      case 'AWS::AccountId':
        return ctx.accountId !== undefined
          ? str(ctx.accountId, pos)
          : this.fail(pos, 'AWS::AccountId is not known here: the pack needs the account id to resolve it');
      case 'AWS::StackName':
        return ctx.stackName !== undefined
          ? str(ctx.stackName, pos)
          : this.fail(pos, 'AWS::StackName is not known before the pack is deployed');
      case 'AWS::StackId':
      case 'AWS::NotificationARNs':
        return this.fail(pos, `${name} is not known before the pack is deployed`);
      default:
        return this.fail(pos, `unknown pseudo parameter ${name}`);
    }
  }

  private fnIf(arg: PNode, pos: SourcePosition): Resolved {
    if (arg.kind !== 'seq' || arg.items.length !== 3) {
      return this.fail(pos, 'Fn::If takes [condition name, value if true, value if false]');
    }
    const name = this.literalName(arg.items[0]!, 'Fn::If');
    if (name === FAILED) return FAILED;
    const value = this.condition(name, arg.items[0]!.pos);
    if (value === FAILED) return FAILED;
    return this.resolve(value ? arg.items[1]! : arg.items[2]!, 'value');
  }

  private fnSub(arg: PNode, pos: SourcePosition, mode: Mode): Resolved {
    let template: PNode;
    const vars = new Map<string, string>();
    if (arg.kind === 'seq') {
      if (arg.items.length !== 2 || arg.items[1]!.kind !== 'map') {
        return this.fail(pos, 'Fn::Sub takes a string, or [string, { name: value, ... }]');
      }
      template = arg.items[0]!;
      let failed = false;
      for (const e of (arg.items[1] as PMap).entries) {
        const v = this.resolve(e.value, mode);
        if (v === FAILED) failed = true;
        else if (v === NO_VALUE || v.kind !== 'scalar' || v.value === null) {
          failed = true;
          this.fail(e.keyPos, `Fn::Sub variable ${e.key} must be a string`);
        } else vars.set(e.key, scalarString(v) ?? '');
      }
      if (failed) return FAILED;
    } else {
      template = arg;
    }
    if (template.kind !== 'scalar' || typeof template.value !== 'string') {
      return this.fail(template.pos, `Fn::Sub takes a string, found ${describe(template)}`);
    }
    let failed = false;
    const out = template.value.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      const fromVars = vars.get(name);
      if (fromVars !== undefined) return fromVars;
      if (name.includes('.')) {
        failed = true;
        this.fail(
          pos,
          `Fn::Sub \${${name}} is a resource attribute (Fn::GetAtt), which cannot be resolved in a conformance pack`
        );
        return whole;
      }
      const r = this.ref(str(name, pos), pos, mode);
      if (r === FAILED) {
        failed = true;
        return whole;
      }
      if (r === NO_VALUE || r.kind !== 'scalar') {
        failed = true;
        this.fail(
          pos,
          `Fn::Sub \${${name}} must be a string value (it is ${r === NO_VALUE ? 'AWS::NoValue' : 'a list'})`
        );
        return whole;
      }
      return scalarString(r) ?? '';
    });
    return failed ? FAILED : str(out, pos);
  }

  private fnJoin(arg: PNode, pos: SourcePosition): Resolved {
    if (arg.kind !== 'seq' || arg.items.length !== 2) return this.fail(pos, 'Fn::Join takes [delimiter, [values]]');
    const [delim, values] = arg.items as [PNode, PNode];
    if (delim.kind !== 'scalar' || typeof delim.value !== 'string') {
      return this.fail(delim.pos, `Fn::Join delimiter must be a string, found ${describe(delim)}`);
    }
    const strings = this.stringList(values, 'Fn::Join');
    return strings === FAILED ? FAILED : str(strings.join(delim.value), pos);
  }

  private fnSelect(arg: PNode, pos: SourcePosition): Resolved {
    if (arg.kind !== 'seq' || arg.items.length !== 2) return this.fail(pos, 'Fn::Select takes [index, [values]]');
    const [indexNode, values] = arg.items as [PNode, PNode];
    const indexText = indexNode.kind === 'scalar' ? scalarString(indexNode) : undefined;
    if (indexText === undefined || !/^\d+$/.test(indexText)) {
      return this.fail(indexNode.pos, `Fn::Select index must be a whole number, found ${describe(indexNode)}`);
    }
    if (values.kind !== 'seq') return this.fail(values.pos, `Fn::Select takes a list, found ${describe(values)}`);
    const index = Number(indexText);
    const item = values.items[index];
    if (item === undefined) {
      return this.fail(
        indexNode.pos,
        `Fn::Select index ${index} is out of range (the list has ${values.items.length} items)`
      );
    }
    return item;
  }

  private fnSplit(arg: PNode, pos: SourcePosition): Resolved {
    if (arg.kind !== 'seq' || arg.items.length !== 2) return this.fail(pos, 'Fn::Split takes [delimiter, string]');
    const [delim, source] = arg.items as [PNode, PNode];
    if (delim.kind !== 'scalar' || typeof delim.value !== 'string' || delim.value === '') {
      return this.fail(delim.pos, `Fn::Split delimiter must be a non-empty string, found ${describe(delim)}`);
    }
    const text = source.kind === 'scalar' ? scalarString(source) : undefined;
    if (text === undefined) return this.fail(source.pos, `Fn::Split takes a string, found ${describe(source)}`);
    return list(text.split(delim.value), pos);
  }

  private fnBase64(arg: PNode, pos: SourcePosition): Resolved {
    const text = arg.kind === 'scalar' ? scalarString(arg) : undefined;
    if (text === undefined) return this.fail(arg.pos, `Fn::Base64 takes a string, found ${describe(arg)}`);
    return str(Buffer.from(text, 'utf8').toString('base64'), pos);
  }

  private fnFindInMap(arg: PNode, pos: SourcePosition, mode: Mode): Resolved {
    if (arg.kind !== 'seq' || arg.items.length !== 3) {
      return this.fail(pos, 'Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]');
    }
    const keys: string[] = [];
    for (const item of arg.items) {
      const r = this.resolve(item, mode);
      if (r === FAILED) return FAILED;
      const text = r !== NO_VALUE && r.kind === 'scalar' ? scalarString(r) : undefined;
      if (text === undefined) return this.fail(item.pos, 'Fn::FindInMap keys must be strings');
      keys.push(text);
    }
    const [mapName, top, second] = keys as [string, string, string];
    const mapping = this.env.mappings?.entries.find(e => e.key === mapName)?.value;
    if (mapping === undefined)
      return this.fail(pos, `Fn::FindInMap: no mapping named ${JSON.stringify(mapName)} in Mappings`);
    const level1 = mapping.kind === 'map' ? mapping.entries.find(e => e.key === top)?.value : undefined;
    if (level1 === undefined) {
      return this.fail(pos, `Fn::FindInMap: mapping ${mapName} has no key ${JSON.stringify(top)}`);
    }
    const level2 = level1.kind === 'map' ? level1.entries.find(e => e.key === second)?.value : undefined;
    if (level2 === undefined) {
      return this.fail(pos, `Fn::FindInMap: mapping ${mapName}.${top} has no key ${JSON.stringify(second)}`);
    }
    return this.resolve(level2, mode);
  }

  private stringList(node: PNode, fn: string): string[] | typeof FAILED {
    if (node.kind !== 'seq') return this.fail(node.pos, `${fn} takes a list of strings, found ${describe(node)}`);
    const out: string[] = [];
    for (const item of node.items) {
      const text = item.kind === 'scalar' ? scalarString(item) : undefined;
      if (text === undefined)
        return this.fail(item.pos, `${fn} takes a list of strings, found ${describe(item)} in it`);
      out.push(text);
    }
    return out;
  }
}

/** String form used to compare values in Fn::Equals (CloudFormation compares their string forms). */
function canonical(node: PNode): string {
  if (node.kind === 'scalar') return JSON.stringify(scalarString(node) ?? '');
  if (node.kind === 'seq') return `[${node.items.map(canonical).join(',')}]`;
  return `{${node.entries.map(e => `${JSON.stringify(e.key)}:${canonical(e.value)}`).join(',')}}`;
}
