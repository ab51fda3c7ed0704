/**
 * AWS::Config::ConfigRule properties -> RuleSpec. readRule is the one rule reader: templates call it with a
 * resource's resolved properties, the built-in pack (../builtin.ts) with its data file's rule translated into the
 * same properties, so both formats accept and refuse the same rules.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-configrule.html
 * Limits: AWS Config API Reference, PutConfigRule (ConfigRule, Scope, Source, SourceDetail, EvaluationModeConfiguration).
 */
import { FAILED } from '../intrinsics.js';
import { describe, entry } from '../../source/tree.js';
import type { ErrorSink } from '../../source/collector.js';
import type { PEntry, PNode } from '../../source/tree.js';
import { MAXIMUM_EXECUTION_FREQUENCIES } from '../types.js';
import type {
  CustomPolicyDetails,
  EvaluationMode,
  RuleOwner,
  RuleScope,
  RuleSource,
  RuleSourceDetail,
  RuleSpec
} from '../types.js';
import type { SourcePosition } from '../../source/position.js';
import type { ResourceDecl, TemplateContext } from './context.js';
import { resolveProperties, resourceRef } from './resources.js';
import {
  boolValue,
  enumValue,
  fail,
  mapWithKeys,
  notOneOf,
  scalarText,
  stringListValue,
  stringValue
} from './values.js';
import type { NotOneOf } from './values.js';

const CONFIG_RULE_PROPERTIES = new Set([
  'ConfigRuleName',
  'Description',
  'Scope',
  'Source',
  'InputParameters',
  'MaximumExecutionFrequency',
  'EvaluationModes'
]);
const OWNERS: readonly RuleOwner[] = ['AWS', 'CUSTOM_LAMBDA', 'CUSTOM_POLICY'];
const MESSAGE_TYPES = [
  'ConfigurationItemChangeNotification',
  'ConfigurationSnapshotDeliveryCompleted',
  'ScheduledNotification',
  'OversizedConfigurationItemChangeNotification'
];
/** AWS Config limits (Smithy model of PutConfigRule / PutRemediationConfigurations). */
const MAX_INPUT_PARAMETERS_CHARS = 1024;

/** A ConfigRule to read: its properties by their AWS::Config::ConfigRule names, intrinsics already resolved. */
interface RuleResource {
  logicalId: string;
  /** The rule name, already resolved by the caller (templates: ConfigRuleName or the logical id). */
  name: string;
  /** True when the template gives no ConfigRuleName (RuleSpec.nameFromLogicalId). */
  nameFromLogicalId: boolean;
  position: SourcePosition;
  /** Description, Source, InputParameters, Scope, MaximumExecutionFrequency, EvaluationModes (ConfigRuleName unused). */
  properties: ReadonlyMap<string, PEntry>;
}

/** How messages name a rule and its fields, so each format's errors use the words written in its file. */
export interface RuleWording {
  /** The rule as messages name it, e.g. its logical id. */
  subject(rule: RuleResource): string;
  /** A field as messages name it, given its template name: 'Source.Owner', 'Owner', 'Scope.TagKey', ... */
  field(templateName: string): string;
  /** The message for a value outside an enumeration. */
  notOneOf: NotOneOf;
}

/** Templates: the logical id, and the property names as AWS::Config::ConfigRule spells them. */
const TEMPLATE_WORDING: RuleWording = { subject: r => r.logicalId, field: name => name, notOneOf };

/** Reads an AWS::Config::ConfigRule resource of a template; undefined when it has errors (reported). */
export function readConfigRule(ctx: TemplateContext, decl: ResourceDecl): RuleSpec | undefined {
  const name = resourceRef(ctx, decl.logicalId, decl.pos);
  const properties = resolveProperties(ctx, decl, CONFIG_RULE_PROPERTIES, ['ConfigRuleName']);
  if (properties === undefined || name === FAILED || name === undefined) return undefined;
  const nameFromLogicalId = decl.properties !== undefined && entry(decl.properties, 'ConfigRuleName') === undefined;
  return readRule(
    { logicalId: decl.logicalId, name, nameFromLogicalId, position: decl.pos, properties },
    ctx.sink,
    TEMPLATE_WORDING
  );
}

/** The one rule reader: ConfigRule properties -> RuleSpec; undefined when any of them has an error (reported). */
export function readRule(resource: RuleResource, sink: ErrorSink, wording: RuleWording): RuleSpec | undefined {
  const c: RuleReading = { sink, wording, what: wording.subject(resource) };
  const props = resource.properties;
  const start = sink.count;
  const rule: RuleSpec = {
    logicalId: resource.logicalId,
    name: resource.name,
    source: { owner: 'AWS' },
    inputParameters: {},
    inputParameterPositions: {},
    position: resource.position
  };
  if (resource.nameFromLogicalId) rule.nameFromLogicalId = true;
  const description = props.get('Description');
  if (description !== undefined) {
    const d = stringValue(sink, description.value, of(c, 'Description'));
    if (d !== FAILED) {
      if (d.length > 256) sink.add(description.value.pos, `${of(c, 'Description')} is longer than 256 characters`);
      rule.description = d;
    }
  }
  const source = props.get('Source');
  if (source === undefined) sink.add(resource.position, `ConfigRule ${c.what} has no ${key(c, 'Source')}`);
  else {
    const s = readSource(c, source.value);
    if (s !== FAILED) rule.source = s;
  }
  const input = props.get('InputParameters');
  if (input !== undefined) readInputParameters(c, input, rule);
  const scope = props.get('Scope');
  if (scope !== undefined) {
    const s = readScope(c, scope.value);
    if (s !== FAILED) rule.scope = s;
  }
  const freq = props.get('MaximumExecutionFrequency');
  if (freq !== undefined) {
    const f = oneOf(c, freq.value, 'MaximumExecutionFrequency', MAXIMUM_EXECUTION_FREQUENCIES);
    if (f !== FAILED) rule.maximumExecutionFrequency = f;
  }
  const modes = props.get('EvaluationModes');
  if (modes !== undefined) {
    const m = readEvaluationModes(c, modes.value);
    if (m !== FAILED) rule.evaluationModes = m;
  }
  return sink.count === start ? rule : undefined;
}

/** One rule being read: where errors go, how they are worded, and the rule as they name it. */
interface RuleReading {
  sink: ErrorSink;
  wording: RuleWording;
  what: string;
}

/** A field's name in messages, e.g. "Owner". */
function key(c: RuleReading, field: string): string {
  return c.wording.field(field);
}

/** "<field> of <rule>", e.g. "Source.Owner of MyRule". */
function of(c: RuleReading, field: string): string {
  return `${c.wording.field(field)} of ${c.what}`;
}

function oneOf<T extends string>(c: RuleReading, node: PNode, field: string, allowed: readonly T[]): T | typeof FAILED {
  return enumValue(c.sink, node, of(c, field), allowed, c.wording.notOneOf);
}

function readSource(c: RuleReading, node: PNode): RuleSource | typeof FAILED {
  const { sink } = c;
  const m = mapWithKeys(sink, node, of(c, 'Source'), [
    'Owner',
    'SourceIdentifier',
    'SourceDetails',
    'CustomPolicyDetails'
  ]);
  if (m === FAILED) return FAILED;
  const ownerEntry = entry(m, 'Owner');
  if (ownerEntry === undefined) {
    return fail(sink, node.pos, `${of(c, 'Source')} has no ${key(c, 'Owner')} (${OWNERS.join(', ')})`);
  }
  const owner = oneOf(c, ownerEntry.value, 'Source.Owner', OWNERS);
  if (owner === FAILED) return FAILED;
  const source: RuleSource = { owner };
  const id = entry(m, 'SourceIdentifier');
  if (id !== undefined) {
    const v = stringValue(sink, id.value, of(c, 'Source.SourceIdentifier'));
    if (v === FAILED) return FAILED;
    source.identifier = v;
  } else if (owner !== 'CUSTOM_POLICY') {
    return fail(
      sink,
      node.pos,
      `${of(c, 'Source')} has no ${key(c, 'SourceIdentifier')} (the managed rule identifier or Lambda ARN)`
    );
  }
  const details = entry(m, 'SourceDetails');
  if (details !== undefined) {
    if (details.value.kind !== 'seq') {
      return fail(sink, details.value.pos, `${of(c, 'Source.SourceDetails')} must be a list`);
    }
    const out: RuleSourceDetail[] = [];
    for (const item of details.value.items) {
      const d = readSourceDetail(c, item);
      if (d === FAILED) return FAILED;
      out.push(d);
    }
    source.details = out;
  }
  const policy = entry(m, 'CustomPolicyDetails');
  if (policy !== undefined) {
    const p = readCustomPolicy(c, policy.value);
    if (p === FAILED) return FAILED;
    source.customPolicy = p;
  } else if (owner === 'CUSTOM_POLICY') {
    return fail(
      sink,
      node.pos,
      `${of(c, 'Source')} has ${key(c, 'Owner')} CUSTOM_POLICY but no ${key(c, 'CustomPolicyDetails')}`
    );
  }
  return source;
}

function readSourceDetail(c: RuleReading, item: PNode): RuleSourceDetail | typeof FAILED {
  const d = mapWithKeys(c.sink, item, `a ${key(c, 'SourceDetails')} item of ${c.what}`, [
    'EventSource',
    'MessageType',
    'MaximumExecutionFrequency'
  ]);
  if (d === FAILED) return FAILED;
  const detail: RuleSourceDetail = {};
  const es = entry(d, 'EventSource');
  if (es !== undefined) {
    const v = oneOf(c, es.value, 'SourceDetails.EventSource', ['aws.config'] as const);
    if (v === FAILED) return FAILED;
    detail.eventSource = v;
  }
  const mt = entry(d, 'MessageType');
  if (mt !== undefined) {
    const v = oneOf(c, mt.value, 'SourceDetails.MessageType', MESSAGE_TYPES);
    if (v === FAILED) return FAILED;
    detail.messageType = v;
  }
  const f = entry(d, 'MaximumExecutionFrequency');
  if (f !== undefined) {
    const v = oneOf(c, f.value, 'SourceDetails.MaximumExecutionFrequency', MAXIMUM_EXECUTION_FREQUENCIES);
    if (v === FAILED) return FAILED;
    detail.maximumExecutionFrequency = v;
  }
  return detail;
}

function readCustomPolicy(c: RuleReading, node: PNode): CustomPolicyDetails | typeof FAILED {
  const { sink } = c;
  const p = mapWithKeys(sink, node, of(c, 'Source.CustomPolicyDetails'), [
    'PolicyRuntime',
    'PolicyText',
    'EnableDebugLogDelivery'
  ]);
  if (p === FAILED) return FAILED;
  const runtime = entry(p, 'PolicyRuntime');
  const text = entry(p, 'PolicyText');
  if (runtime === undefined || text === undefined) {
    return fail(sink, node.pos, `${of(c, 'CustomPolicyDetails')} needs PolicyRuntime and PolicyText`);
  }
  const r = stringValue(sink, runtime.value, of(c, 'PolicyRuntime'));
  const t = stringValue(sink, text.value, of(c, 'PolicyText'));
  if (r === FAILED || t === FAILED) return FAILED;
  const details: CustomPolicyDetails = { policyRuntime: r, policyText: t };
  const debug = entry(p, 'EnableDebugLogDelivery');
  if (debug !== undefined) {
    const b = boolValue(sink, debug.value, of(c, 'EnableDebugLogDelivery'));
    if (b === FAILED) return FAILED;
    details.enableDebugLogDelivery = b;
  }
  return details;
}

function readInputParameters(c: RuleReading, input: PEntry, rule: RuleSpec): void {
  const { sink } = c;
  const what = of(c, 'InputParameters');
  let node = input.value;
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    // A Json property may also be written as a JSON string.
    let parsed: unknown;
    try {
      parsed = JSON.parse(node.value);
    } catch {
      sink.add(node.pos, `${what} is a string but not valid JSON`);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      sink.add(node.pos, `${what} must be a JSON object`);
      return;
    }
    const pos = node.pos;
    node = {
      kind: 'map',
      pos,
      entries: Object.entries(parsed as Record<string, unknown>).map(([key, value]) => ({
        key,
        keyPos: pos,
        value: jsonToNode(value, pos)
      }))
    };
  }
  if (node.kind !== 'map') {
    sink.add(node.pos, `${what} must be a map of parameter names to values, found ${describe(node)}`);
    return;
  }
  for (const e of node.entries) {
    const v = e.value;
    const text = scalarText(v);
    if (text === undefined) {
      sink.add(
        v.pos,
        `${what}: ${e.key} must be a string, number or boolean, found ${describe(v)}` +
          (v.kind === 'seq'
            ? ' (AWS Config rule parameters are strings: write a comma-separated string, e.g. with Fn::Join)'
            : '')
      );
      continue;
    }
    rule.inputParameters[e.key] = text;
    rule.inputParameterPositions[e.key] = e.keyPos;
  }
  const size = JSON.stringify(rule.inputParameters).length;
  if (size > MAX_INPUT_PARAMETERS_CHARS) {
    sink.add(
      input.keyPos,
      `${what} is ${size} characters as JSON; AWS Config accepts at most ${MAX_INPUT_PARAMETERS_CHARS}`
    );
  }
}

function readScope(c: RuleReading, node: PNode): RuleScope | typeof FAILED {
  const { sink } = c;
  const m = mapWithKeys(sink, node, of(c, 'Scope'), [
    'ComplianceResourceTypes',
    'TagKey',
    'TagValue',
    'ComplianceResourceId'
  ]);
  if (m === FAILED) return FAILED;
  const scope: RuleScope = {};
  const types = entry(m, 'ComplianceResourceTypes');
  if (types !== undefined) {
    const list = stringListValue(sink, types.value, of(c, 'Scope.ComplianceResourceTypes'));
    if (list === FAILED) return FAILED;
    if (list.length > 100) {
      return fail(sink, types.value.pos, `${of(c, 'Scope.ComplianceResourceTypes')} has more than 100 types`);
    }
    scope.complianceResourceTypes = list;
  }
  for (const [key, field, max] of [
    ['TagKey', 'tagKey', 128],
    ['TagValue', 'tagValue', 256],
    ['ComplianceResourceId', 'complianceResourceId', 768]
  ] as const) {
    const e = entry(m, key);
    if (e === undefined) continue;
    const v = stringValue(sink, e.value, of(c, `Scope.${key}`));
    if (v === FAILED) return FAILED;
    if (v.length < 1 || v.length > max) {
      return fail(sink, e.value.pos, `${of(c, `Scope.${key}`)} must be 1 to ${max} characters`);
    }
    scope[field] = v;
  }
  if (scope.tagValue !== undefined && scope.tagKey === undefined) {
    return fail(sink, node.pos, `${of(c, 'Scope')} has a ${key(c, 'TagValue')} without a ${key(c, 'TagKey')}`);
  }
  return scope;
}

function readEvaluationModes(c: RuleReading, node: PNode): EvaluationMode[] | typeof FAILED {
  const { sink, what } = c;
  if (node.kind !== 'seq') {
    return fail(sink, node.pos, `${of(c, 'EvaluationModes')} must be a list of { Mode: DETECTIVE | PROACTIVE }`);
  }
  const modes: EvaluationMode[] = [];
  for (const item of node.items) {
    const m = mapWithKeys(sink, item, `an ${key(c, 'EvaluationModes')} item of ${what}`, ['Mode']);
    if (m === FAILED) return FAILED;
    const mode = entry(m, 'Mode');
    if (mode === undefined) return fail(sink, item.pos, `an ${key(c, 'EvaluationModes')} item of ${what} has no Mode`);
    const v = oneOf(c, mode.value, 'EvaluationModes.Mode', ['DETECTIVE', 'PROACTIVE'] as const);
    if (v === FAILED) return FAILED;
    modes.push(v);
  }
  return modes;
}

/** A value parsed from a JSON string, as a node at the string's position. */
function jsonToNode(value: unknown, pos: SourcePosition): PNode {
  if (Array.isArray(value)) return { kind: 'seq', pos, items: value.map(v => jsonToNode(v, pos)) };
  if (typeof value === 'object' && value !== null) {
    return {
      kind: 'map',
      pos,
      entries: Object.entries(value as Record<string, unknown>).map(([key, v]) => ({
        key,
        keyPos: pos,
        value: jsonToNode(v, pos)
      }))
    };
  }
  if (typeof value === 'string' || typeof value === 'boolean') {
    return { kind: 'scalar', value, text: String(value), pos };
  }
  if (typeof value === 'number') return { kind: 'scalar', value, text: String(value), pos };
  return { kind: 'scalar', value: null, text: '', pos };
}
