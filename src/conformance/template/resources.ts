/**
 * The Resources section: each resource's kind, Condition and DependsOn; the rule name a Ref to a ConfigRule resolves
 * to; and a resource's properties with intrinsics resolved, ready for the rule or remediation reader.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
 */
import { FAILED, NO_VALUE } from '../intrinsics.js';
import type { Resolved } from '../intrinsics.js';
import { describe, entry } from '../../source/tree.js';
import type { PEntry, PMap, PNode } from '../../source/tree.js';
import type { SkippedResource } from '../types.js';
import type { SourcePosition } from '../../source/position.js';
import type { ResourceDecl, TemplateContext } from './context.js';
import { fail, scalarText, stringValue } from './values.js';

export const CONFIG_RULE_TYPE = 'AWS::Config::ConfigRule';
export const REMEDIATION_TYPE = 'AWS::Config::RemediationConfiguration';
/** The resource types a pack may hold; each becomes part of the desired state (see src/desired/build.ts). */
export const PACK_RESOURCE_TYPES: readonly string[] = [CONFIG_RULE_TYPE, REMEDIATION_TYPE];

const RESOURCE_ATTRIBUTES = new Set(['Type', 'Properties', 'Condition', 'DependsOn', 'Metadata']);

/**
 * Declares every resource into ctx.resources (those whose Condition is false are also listed in skipped), then
 * checks DependsOn. Properties are read later, by the reader of the resource's type.
 */
export function readResources(ctx: TemplateContext, section: PEntry, skipped: SkippedResource[]): void {
  if (section.value.kind !== 'map' || section.value.entries.length === 0) {
    ctx.sink.add(section.value.pos, 'Resources must be a map with at least one resource');
    return;
  }
  for (const r of section.value.entries) {
    const decl = declareResource(ctx, r, skipped);
    if (decl !== undefined) ctx.resources.set(r.key, decl);
  }
  // One lookup table, not a scan of Resources per resource (quadratic: 60,000 rules never finished).
  const definitions = new Map(section.value.entries.map(e => [e.key, e.value]));
  for (const decl of ctx.resources.values()) checkDependsOn(ctx, definitions.get(decl.logicalId), decl);
}

function declareResource(ctx: TemplateContext, r: PEntry, skipped: SkippedResource[]): ResourceDecl | undefined {
  if (r.value.kind !== 'map') {
    ctx.sink.add(r.value.pos, `resource ${r.key} must be a map with Type and Properties, found ${describe(r.value)}`);
    return undefined;
  }
  const def = r.value;
  for (const e of def.entries) {
    // AWS Config deploys packs whose resources carry other attributes (AWS's console sample packs, e.g. NZISM
    // and SWIFT CSP, have a resource-level Controls key; custom packs a Description): accepted, not used.
    if (!RESOURCE_ATTRIBUTES.has(e.key)) {
      ctx.warnings.push({
        position: e.keyPos,
        detail: `resource attribute ${e.key} of ${r.key} is not used by AWS Config and is ignored; the resource is deployed (attributes used: ${[
          ...RESOURCE_ATTRIBUTES
        ].join(', ')})`
      });
    }
  }
  const typeEntry = entry(def, 'Type');
  const type = typeEntry?.value.kind === 'scalar' ? scalarText(typeEntry.value) : undefined;
  if (type === undefined) {
    ctx.sink.add(r.keyPos, `resource ${r.key} has no Type`);
    return undefined;
  }
  if (!PACK_RESOURCE_TYPES.includes(type)) {
    ctx.sink.add(
      typeEntry!.value.pos,
      `resource ${r.key}: type ${type} is not supported; a conformance pack holds ${CONFIG_RULE_TYPE} and ${REMEDIATION_TYPE} only`
    );
    return undefined;
  }
  const propsEntry = entry(def, 'Properties');
  let properties: PMap | undefined;
  if (propsEntry === undefined) ctx.sink.add(r.keyPos, `resource ${r.key} has no Properties`);
  else if (propsEntry.value.kind !== 'map') {
    ctx.sink.add(propsEntry.value.pos, `Properties of ${r.key} must be a map, found ${describe(propsEntry.value)}`);
  } else properties = propsEntry.value;
  const decl: ResourceDecl = { logicalId: r.key, type, pos: r.keyPos, properties, active: properties !== undefined };
  const condEntry = entry(def, 'Condition');
  if (condEntry !== undefined) {
    const c = condEntry.value;
    if (c.kind !== 'scalar' || typeof c.value !== 'string') {
      ctx.sink.add(c.pos, `Condition of ${r.key} must be a condition name`);
      decl.active = false;
    } else {
      decl.condition = { name: c.value, pos: c.pos };
      const value = ctx.evaluator.condition(c.value, c.pos);
      if (value === false) {
        decl.active = false;
        skipped.push({ logicalId: r.key, type, condition: c.value, position: r.keyPos });
      } else if (value === FAILED) decl.active = false;
    }
  }
  return decl;
}

function checkDependsOn(ctx: TemplateContext, def: PNode | undefined, decl: ResourceDecl): void {
  const dep = def?.kind === 'map' ? entry(def, 'DependsOn') : undefined;
  if (dep === undefined) return;
  const items = dep.value.kind === 'seq' ? dep.value.items : [dep.value];
  for (const item of items) {
    const name = item.kind === 'scalar' && typeof item.value === 'string' ? item.value : undefined;
    if (name === undefined) ctx.sink.add(item.pos, `DependsOn of ${decl.logicalId} must name resources`);
    else if (!ctx.resources.has(name))
      ctx.sink.add(item.pos, `DependsOn of ${decl.logicalId}: no resource named ${name}`);
  }
}

/** Ref to a resource: a ConfigRule resolves to its rule name; undefined when there is no such resource. */
export function resourceRef(
  ctx: TemplateContext,
  logicalId: string,
  pos: SourcePosition
): string | typeof FAILED | undefined {
  const decl = ctx.resources.get(logicalId);
  if (decl === undefined) return undefined;
  if (decl.type !== CONFIG_RULE_TYPE) {
    return fail(ctx.sink, pos, `Ref to ${logicalId} (${decl.type}) has no value a conformance pack can use`);
  }
  if (!decl.active) {
    if (decl.condition !== undefined && decl.properties !== undefined) {
      return fail(
        ctx.sink,
        pos,
        `Ref to ${logicalId}, which is not created: its Condition ${decl.condition.name} is false`
      );
    }
    return FAILED;
  }
  const known = ctx.ruleNames.get(logicalId);
  if (known !== undefined) return known;
  if (ctx.namingRules.has(logicalId)) return fail(ctx.sink, pos, `the name of ${logicalId} refers to itself`);
  ctx.namingRules.add(logicalId);
  const name = ruleName(ctx, decl);
  ctx.namingRules.delete(logicalId);
  ctx.ruleNames.set(logicalId, name);
  return name;
}

/** The ConfigRuleName, resolved; the logical id when the template gives none (see RuleSpec.nameFromLogicalId). */
function ruleName(ctx: TemplateContext, decl: ResourceDecl): string | typeof FAILED {
  const nameEntry = decl.properties ? entry(decl.properties, 'ConfigRuleName') : undefined;
  if (nameEntry === undefined) return decl.logicalId;
  const r = ctx.evaluator.resolve(nameEntry.value);
  if (r === FAILED) return FAILED;
  if (r === NO_VALUE) return decl.logicalId;
  const name = stringValue(ctx.sink, r, `ConfigRuleName of ${decl.logicalId}`);
  if (name === FAILED) return FAILED;
  if (name.length < 1 || name.length > 128 || !/\S/.test(name)) {
    return fail(ctx.sink, r.pos, `ConfigRuleName of ${decl.logicalId} must be 1 to 128 characters, not blank`);
  }
  return name;
}

/**
 * The properties of an active resource with intrinsics resolved (keys resolving to AWS::NoValue left out), or
 * undefined when a property is unknown or fails to resolve (reported). Keys in skip are checked but not resolved.
 */
export function resolveProperties(
  ctx: TemplateContext,
  decl: ResourceDecl,
  allowed: ReadonlySet<string>,
  skip: readonly string[]
): Map<string, PEntry> | undefined {
  const out = new Map<string, PEntry>();
  let failed = false;
  for (const e of decl.properties!.entries) {
    if (!allowed.has(e.key)) {
      failed = true;
      ctx.sink.add(
        e.keyPos,
        `unknown property ${e.key} of ${decl.type} ${decl.logicalId} (known: ${[...allowed].join(', ')})`
      );
      continue;
    }
    if (skip.includes(e.key)) continue;
    const r: Resolved = ctx.evaluator.resolve(e.value);
    if (r === FAILED) failed = true;
    else if (r !== NO_VALUE) out.set(e.key, { key: e.key, keyPos: e.keyPos, value: r });
  }
  return failed ? undefined : out;
}
