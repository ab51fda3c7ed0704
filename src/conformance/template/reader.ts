/**
 * A template document as a whole: its top-level sections in order (Parameters, Mappings, Conditions, Resources),
 * then each active resource read by the reader of its type, then the checks across the pack.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
import { Evaluator } from '../intrinsics.js';
import { describe, entry } from '../../source/tree.js';
import type { ErrorSink } from '../../source/collector.js';
import type { PNode } from '../../source/tree.js';
import type { ConformancePack, PackOptions, RemediationSpec, RuleSpec } from '../types.js';
import { evaluateConditions, readConditions, readMappings } from './conditions.js';
import type { TemplateContext } from './context.js';
import { readParameters } from './parameters.js';
import { readRemediation } from './remediations.js';
import { CONFIG_RULE_TYPE, REMEDIATION_TYPE, readResources, resourceRef } from './resources.js';
import { readConfigRule } from './rules.js';
import { scalarText } from './values.js';

const TOP_LEVEL = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Resources'
]);
const TOP_LEVEL_UNSUPPORTED: Readonly<Record<string, string>> = {
  Transform: 'transforms (macros, AWS::Serverless, AWS::LanguageExtensions) are not supported in conformance packs',
  Outputs: 'a conformance pack has no outputs; remove the section',
  Rules: 'template Rules (parameter assertions) are not supported in conformance packs; use AllowedValues'
};

/** Reads a parsed template into a pack; every problem goes to the sink (the caller throws them together). */
export function readTemplate(root: PNode, file: string, sink: ErrorSink, options: PackOptions): ConformancePack {
  const pack: ConformancePack = { file, rules: [], remediations: [], parameters: {}, skipped: [] };
  if (root.kind !== 'map') {
    sink.add(root.pos, `a conformance pack template must be a map of sections, found ${describe(root)}`);
    return pack;
  }
  for (const e of root.entries) {
    const why = TOP_LEVEL_UNSUPPORTED[e.key];
    if (why !== undefined) sink.add(e.keyPos, `section ${e.key} is not supported: ${why}`);
    else if (!TOP_LEVEL.has(e.key)) {
      sink.add(
        e.keyPos,
        `unknown top-level section ${JSON.stringify(e.key)} (expected one of ${[...TOP_LEVEL].join(', ')})`
      );
    }
  }
  const version = entry(root, 'AWSTemplateFormatVersion');
  if (version !== undefined && !(version.value.kind === 'scalar' && scalarText(version.value) === '2010-09-09')) {
    sink.add(version.value.pos, 'AWSTemplateFormatVersion must be "2010-09-09"');
  }
  const description = entry(root, 'Description');
  if (description !== undefined) {
    if (description.value.kind === 'scalar' && typeof description.value.value === 'string') {
      pack.description = description.value.value;
    } else sink.add(description.value.pos, 'Description must be a string');
  }

  const { parameters, failed } = readParameters(entry(root, 'Parameters'), options, file, sink);
  const mappings = readMappings(entry(root, 'Mappings'), sink);
  const conditions = readConditions(entry(root, 'Conditions'), sink);
  const ctx: TemplateContext = {
    sink,
    evaluator: new Evaluator({
      sink,
      parameters,
      failedParameters: failed,
      conditions,
      mappings,
      context: options.context,
      resourceRef: (id, pos) => resourceRef(ctx, id, pos)
    }),
    resources: new Map(),
    ruleNames: new Map(),
    namingRules: new Set(),
    warnings: []
  };
  evaluateConditions(ctx.evaluator, conditions);

  const resourcesEntry = entry(root, 'Resources');
  if (resourcesEntry === undefined) {
    sink.add(root.pos, 'the template has no Resources section (a pack needs at least one AWS::Config::ConfigRule)');
  } else readResources(ctx, resourcesEntry, pack.skipped);

  for (const decl of ctx.resources.values()) {
    if (!decl.active) continue;
    if (decl.type === CONFIG_RULE_TYPE) {
      const rule = readConfigRule(ctx, decl);
      if (rule !== undefined) pack.rules.push(rule);
    } else if (decl.type === REMEDIATION_TYPE) {
      const remediation = readRemediation(ctx, decl);
      if (remediation !== undefined) pack.remediations.push(remediation);
    }
  }
  checkPack(sink, pack);
  pack.parameters = Object.fromEntries(parameters);
  if (ctx.warnings.length > 0) pack.warnings = [...ctx.warnings];
  return pack;
}

/** Rule names are unique in a pack; each remediation names a rule of the pack, and a rule has at most one. */
function checkPack(sink: ErrorSink, pack: ConformancePack): void {
  const byName = new Map<string, RuleSpec>();
  for (const rule of pack.rules) {
    const other = byName.get(rule.name);
    if (other !== undefined) {
      sink.add(
        rule.position,
        `rule name ${rule.name} is used twice (${other.logicalId} at line ${other.position.line} and ${rule.logicalId})`
      );
    } else byName.set(rule.name, rule);
  }
  const remediated = new Map<string, RemediationSpec>();
  for (const rem of pack.remediations) {
    if (!byName.has(rem.configRuleName)) {
      sink.add(
        rem.position,
        `RemediationConfiguration ${rem.logicalId} names rule ${JSON.stringify(rem.configRuleName)}, which is not a rule of this pack`
      );
    }
    const other = remediated.get(rem.configRuleName);
    if (other !== undefined) {
      sink.add(
        rem.position,
        `rule ${rem.configRuleName} has two RemediationConfigurations (${other.logicalId} and ${rem.logicalId}); AWS Config keeps one per rule`
      );
    } else remediated.set(rem.configRuleName, rem);
  }
}
