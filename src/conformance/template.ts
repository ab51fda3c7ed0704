/**
 * Conformance pack templates (AWS's format: CloudFormation-like YAML or JSON) -> typed rule and remediation specs.
 * parseConformancePack is pure; loadConformancePackFile is the thin edge that reads the file.
 */
import { readFile } from 'node:fs/promises';
import { SourceErrors } from '../errors.js';
import { Evaluator, FAILED, NO_VALUE, scalarString } from './intrinsics.js';
import type { Resolved } from './intrinsics.js';
import { ErrorSink, describe, entry, readSourceTree } from './source-tree.js';
import type { PEntry, PMap, PNode } from './source-tree.js';
import { MAXIMUM_EXECUTION_FREQUENCIES } from './types.js';
import type {
  ConformancePack,
  CustomPolicyDetails,
  EvaluationMode,
  PackOptions,
  PackWarning,
  RemediationExecutionControls,
  RemediationParameterValue,
  RemediationSpec,
  ResolvedParameter,
  RuleOwner,
  RuleScope,
  RuleSource,
  RuleSourceDetail,
  RuleSpec,
  SkippedResource,
  SourcePosition
} from './types.js';

export const CONFIG_RULE_TYPE = 'AWS::Config::ConfigRule';
export const REMEDIATION_TYPE = 'AWS::Config::RemediationConfiguration';
/** The resource types a pack may hold; each becomes part of the desired state (see src/desired/build.ts). */
export const PACK_RESOURCE_TYPES: readonly string[] = [CONFIG_RULE_TYPE, REMEDIATION_TYPE];

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
const RESOURCE_ATTRIBUTES = new Set(['Type', 'Properties', 'Condition', 'DependsOn', 'Metadata']);
const CONFIG_RULE_PROPERTIES = new Set([
  'ConfigRuleName',
  'Description',
  'Scope',
  'Source',
  'InputParameters',
  'MaximumExecutionFrequency',
  'EvaluationModes'
]);
const REMEDIATION_PROPERTIES = new Set([
  'ConfigRuleName',
  'TargetType',
  'TargetId',
  'TargetVersion',
  'Parameters',
  'ResourceType',
  'Automatic',
  'MaximumAutomaticAttempts',
  'RetryAttemptSeconds',
  'ExecutionControls'
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

interface ResourceDecl {
  logicalId: string;
  type: string;
  pos: SourcePosition;
  properties: PMap | undefined;
  condition?: { name: string; pos: SourcePosition };
  active: boolean;
}

/**
 * Parses a conformance pack template. All problems are collected and thrown together as SourceErrors, each naming
 * file:line:col.
 */
export function parseConformancePack(text: string, file: string, options: PackOptions): ConformancePack {
  const sink = new ErrorSink();
  const root = readSourceTree(text, file, sink);
  if (root === undefined) {
    sink.throwIfAny();
    throw new SourceErrors([]); // unreachable: readSourceTree reports why it returned nothing
  }
  const pack = new TemplateReader(file, sink, options).read(root);
  sink.throwIfAny();
  return pack;
}

/** Reads and parses a template file; displayPath (e.g. repo-relative) is the name used in messages. */
export async function loadConformancePackFile(
  path: string,
  options: PackOptions,
  displayPath: string = path
): Promise<ConformancePack> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    const sink = new ErrorSink();
    sink.add({ file: displayPath, line: 1, col: 1 }, `cannot read the conformance pack template (${code})`);
    return sink.throwAll();
  }
  return parseConformancePack(text, displayPath, options);
}

class TemplateReader {
  private readonly parameters = new Map<string, ResolvedParameter>();
  private readonly failedParameters = new Set<string>();
  private readonly conditions = new Map<string, PEntry>();
  private mappings: PMap | undefined;
  private readonly resources = new Map<string, ResourceDecl>();
  private readonly ruleNames = new Map<string, string | typeof FAILED>();
  private readonly namingRules = new Set<string>();
  private readonly warnings: PackWarning[] = [];
  private evaluator!: Evaluator;

  constructor(
    private readonly file: string,
    private readonly sink: ErrorSink,
    private readonly options: PackOptions
  ) {}

  private error(pos: SourcePosition, detail: string): typeof FAILED {
    this.sink.add(pos, detail);
    return FAILED;
  }

  read(root: PNode): ConformancePack {
    const pack: ConformancePack = { file: this.file, rules: [], remediations: [], parameters: {}, skipped: [] };
    if (root.kind !== 'map') {
      this.error(root.pos, `a conformance pack template must be a map of sections, found ${describe(root)}`);
      return pack;
    }
    for (const e of root.entries) {
      const why = TOP_LEVEL_UNSUPPORTED[e.key];
      if (why !== undefined) this.error(e.keyPos, `section ${e.key} is not supported: ${why}`);
      else if (!TOP_LEVEL.has(e.key)) {
        this.error(
          e.keyPos,
          `unknown top-level section ${JSON.stringify(e.key)} (expected one of ${[...TOP_LEVEL].join(', ')})`
        );
      }
    }
    const version = entry(root, 'AWSTemplateFormatVersion');
    if (version !== undefined && !(version.value.kind === 'scalar' && scalarText(version.value) === '2010-09-09')) {
      this.error(version.value.pos, 'AWSTemplateFormatVersion must be "2010-09-09"');
    }
    const description = entry(root, 'Description');
    if (description !== undefined) {
      if (description.value.kind === 'scalar' && typeof description.value.value === 'string') {
        pack.description = description.value.value;
      } else this.error(description.value.pos, 'Description must be a string');
    }

    this.readParameters(entry(root, 'Parameters'));
    this.readMappings(entry(root, 'Mappings'));
    this.readConditions(entry(root, 'Conditions'));
    this.evaluator = new Evaluator({
      sink: this.sink,
      parameters: this.parameters,
      failedParameters: this.failedParameters,
      conditions: this.conditions,
      mappings: this.mappings,
      context: this.options.context,
      resourceRef: (id, pos) => this.resourceRef(id, pos)
    });
    // Every condition is evaluated, used or not, so a broken one is reported (CloudFormation validates them all).
    for (const [name, def] of this.conditions) this.evaluator.condition(name, def.keyPos);

    const resourcesEntry = entry(root, 'Resources');
    if (resourcesEntry === undefined) {
      this.error(root.pos, 'the template has no Resources section (a pack needs at least one AWS::Config::ConfigRule)');
    } else this.readResources(resourcesEntry, pack.skipped);

    for (const decl of this.resources.values()) {
      if (!decl.active) continue;
      if (decl.type === CONFIG_RULE_TYPE) {
        const rule = this.readRule(decl);
        if (rule !== undefined) pack.rules.push(rule);
      } else if (decl.type === REMEDIATION_TYPE) {
        const remediation = this.readRemediation(decl);
        if (remediation !== undefined) pack.remediations.push(remediation);
      }
    }
    this.crossCheck(pack);
    pack.parameters = Object.fromEntries(this.parameters);
    if (this.warnings.length > 0) pack.warnings = [...this.warnings];
    return pack;
  }

  // ---- Parameters ---------------------------------------------------------------------------------------------

  private readParameters(section: PEntry | undefined): void {
    const supplied = this.options.parameters ?? {};
    const suppliedAt = (name: string): SourcePosition | undefined => this.options.parameterPositions?.[name];
    const declared = new Set<string>();
    if (section !== undefined) {
      if (section.value.kind !== 'map') {
        this.error(section.value.pos, `Parameters must be a map, found ${describe(section.value)}`);
      } else {
        for (const p of section.value.entries) {
          declared.add(p.key);
          const value = this.readParameter(p, supplied[p.key], suppliedAt(p.key));
          if (value === undefined) this.failedParameters.add(p.key);
          else this.parameters.set(p.key, value);
        }
      }
    }
    for (const name of Object.keys(supplied)) {
      if (declared.has(name)) continue;
      const pos = suppliedAt(name) ?? section?.keyPos ?? { file: this.file, line: 1, col: 1 };
      this.error(
        pos,
        `parameter ${JSON.stringify(name)} is supplied but the template declares no such parameter` +
          (declared.size > 0 ? ` (declared: ${[...declared].join(', ')})` : ' (it declares none)')
      );
    }
  }

  private readParameter(p: PEntry, supplied: string | undefined, suppliedPos: SourcePosition | undefined) {
    if (p.value.kind !== 'map') {
      this.error(p.value.pos, `parameter ${p.key} must be a map with a Type, found ${describe(p.value)}`);
      return undefined;
    }
    const def = p.value;
    for (const e of def.entries) {
      if (!PARAMETER_ATTRIBUTES.has(e.key)) this.error(e.keyPos, `unknown attribute ${e.key} of parameter ${p.key}`);
    }
    const typeEntry = entry(def, 'Type');
    const type = typeEntry && typeEntry.value.kind === 'scalar' ? scalarText(typeEntry.value) : undefined;
    if (type === undefined) {
      this.error(p.keyPos, `parameter ${p.key} has no Type (String, Number, CommaDelimitedList, ...)`);
      return undefined;
    }
    const kind = parameterKind(type);
    if (kind === undefined) {
      this.error(typeEntry!.value.pos, `parameter ${p.key}: unsupported Type ${JSON.stringify(type)}`);
      return undefined;
    }
    if (kind === 'ssm') {
      this.error(
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
        this.error(d.pos, `parameter ${p.key}: Default must be a string, found ${describe(d)}`);
        return undefined;
      }
      raw = text;
      origin = 'default';
      valuePos = d.pos;
    } else {
      this.error(p.keyPos, `parameter ${p.key} has no value: supply it (pack parameters) or give it a Default`);
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
          this.error(valuePos, `${what}: ${JSON.stringify(item)} is not a number`);
        }
      }
    }
    const allowed = this.stringListAttr(def, 'AllowedValues', p.key);
    if (allowed !== undefined) {
      for (const item of items) {
        if (!allowed.includes(item)) {
          ok = false;
          this.error(
            valuePos,
            `${what}: ${JSON.stringify(item)} is not one of the AllowedValues (${allowed.join(', ')})`
          );
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
      if (re === undefined) this.error(pattern.value.pos, `parameter ${p.key}: AllowedPattern is not a valid pattern`);
      else {
        for (const item of items) {
          if (!re.test(item)) {
            ok = false;
            this.error(valuePos, `${what}: ${JSON.stringify(item)} does not match AllowedPattern ${source}`);
          }
        }
      }
    }
    ok = this.checkBounds(def, p.key, what, valuePos, items, kind) && ok;
    if (!ok) return undefined;
    return { name: p.key, type, value, origin, position: p.keyPos } satisfies ResolvedParameter;
  }

  private stringListAttr(def: PMap, attr: string, param: string): string[] | undefined {
    const e = entry(def, attr);
    if (e === undefined) return undefined;
    if (e.value.kind !== 'seq') {
      this.error(e.value.pos, `parameter ${param}: ${attr} must be a list`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of e.value.items) {
      const text = item.kind === 'scalar' ? scalarText(item) : undefined;
      if (text === undefined) this.error(item.pos, `parameter ${param}: ${attr} must hold strings`);
      else out.push(text);
    }
    return out;
  }

  private checkBounds(
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
        this.error(e.value.pos, `parameter ${param}: ${attr} must be a number`);
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
          this.error(pos, `${what}: shorter than MinLength ${minLength}`);
        }
        if (maxLength !== undefined && item.length > maxLength) {
          ok = false;
          this.error(pos, `${what}: longer than MaxLength ${maxLength}`);
        }
      } else if (isNumber(item)) {
        if (minValue !== undefined && Number(item) < minValue) {
          ok = false;
          this.error(pos, `${what}: ${item} is below MinValue ${minValue}`);
        }
        if (maxValue !== undefined && Number(item) > maxValue) {
          ok = false;
          this.error(pos, `${what}: ${item} is above MaxValue ${maxValue}`);
        }
      }
    }
    return ok;
  }

  // ---- Mappings and Conditions ---------------------------------------------------------------------------------

  private readMappings(section: PEntry | undefined): void {
    if (section === undefined) return;
    if (section.value.kind !== 'map') {
      this.error(section.value.pos, `Mappings must be a map, found ${describe(section.value)}`);
      return;
    }
    for (const m of section.value.entries) {
      if (m.value.kind !== 'map') {
        this.error(m.value.pos, `mapping ${m.key} must be a map of maps, found ${describe(m.value)}`);
        continue;
      }
      for (const top of m.value.entries) {
        if (top.value.kind !== 'map') {
          this.error(top.value.pos, `mapping ${m.key}.${top.key} must be a map, found ${describe(top.value)}`);
        }
      }
    }
    this.mappings = section.value;
  }

  private readConditions(section: PEntry | undefined): void {
    if (section === undefined) return;
    if (section.value.kind !== 'map') {
      this.error(section.value.pos, `Conditions must be a map, found ${describe(section.value)}`);
      return;
    }
    for (const c of section.value.entries) this.conditions.set(c.key, c);
  }

  // ---- Resources ------------------------------------------------------------------------------------------------

  private readResources(section: PEntry, skipped: SkippedResource[]): void {
    if (section.value.kind !== 'map' || section.value.entries.length === 0) {
      this.error(section.value.pos, 'Resources must be a map with at least one resource');
      return;
    }
    for (const r of section.value.entries) {
      if (r.value.kind !== 'map') {
        this.error(r.value.pos, `resource ${r.key} must be a map with Type and Properties, found ${describe(r.value)}`);
        continue;
      }
      const def = r.value;
      for (const e of def.entries) {
        // AWS Config deploys packs whose resources carry other attributes (AWS's console sample packs, e.g. NZISM
        // and SWIFT CSP, have a resource-level Controls key; custom packs a Description): accepted, not used.
        if (!RESOURCE_ATTRIBUTES.has(e.key)) {
          this.warnings.push({
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
        this.error(r.keyPos, `resource ${r.key} has no Type`);
        continue;
      }
      if (!PACK_RESOURCE_TYPES.includes(type)) {
        this.error(
          typeEntry!.value.pos,
          `resource ${r.key}: type ${type} is not supported; a conformance pack holds ${CONFIG_RULE_TYPE} and ${REMEDIATION_TYPE} only`
        );
        continue;
      }
      const propsEntry = entry(def, 'Properties');
      let properties: PMap | undefined;
      if (propsEntry === undefined) this.error(r.keyPos, `resource ${r.key} has no Properties`);
      else if (propsEntry.value.kind !== 'map') {
        this.error(propsEntry.value.pos, `Properties of ${r.key} must be a map, found ${describe(propsEntry.value)}`);
      } else properties = propsEntry.value;
      const decl: ResourceDecl = {
        logicalId: r.key,
        type,
        pos: r.keyPos,
        properties,
        active: properties !== undefined
      };
      const condEntry = entry(def, 'Condition');
      if (condEntry !== undefined) {
        const c = condEntry.value;
        if (c.kind !== 'scalar' || typeof c.value !== 'string') {
          this.error(c.pos, `Condition of ${r.key} must be a condition name`);
          decl.active = false;
        } else {
          decl.condition = { name: c.value, pos: c.pos };
          const value = this.evaluator.condition(c.value, c.pos);
          if (value === false) {
            decl.active = false;
            skipped.push({ logicalId: r.key, type, condition: c.value, position: r.keyPos });
          } else if (value === FAILED) decl.active = false;
        }
      }
      this.resources.set(r.key, decl);
    }
    // One lookup table, not a scan of Resources per resource (quadratic: 60,000 rules never finished).
    const definitions = new Map(section.value.entries.map(e => [e.key, e.value]));
    for (const decl of this.resources.values()) this.checkDependsOn(definitions.get(decl.logicalId), decl);
  }

  private checkDependsOn(def: PNode | undefined, decl: ResourceDecl): void {
    const dep = def?.kind === 'map' ? entry(def, 'DependsOn') : undefined;
    if (dep === undefined) return;
    const items = dep.value.kind === 'seq' ? dep.value.items : [dep.value];
    for (const item of items) {
      const name = item.kind === 'scalar' && typeof item.value === 'string' ? item.value : undefined;
      if (name === undefined) this.error(item.pos, `DependsOn of ${decl.logicalId} must name resources`);
      else if (!this.resources.has(name))
        this.error(item.pos, `DependsOn of ${decl.logicalId}: no resource named ${name}`);
    }
  }

  /** Ref to a resource: a ConfigRule resolves to its rule name. */
  private resourceRef(logicalId: string, pos: SourcePosition): string | typeof FAILED | undefined {
    const decl = this.resources.get(logicalId);
    if (decl === undefined) return undefined;
    if (decl.type !== CONFIG_RULE_TYPE) {
      return this.error(pos, `Ref to ${logicalId} (${decl.type}) has no value a conformance pack can use`);
    }
    if (!decl.active) {
      if (decl.condition !== undefined && decl.properties !== undefined) {
        return this.error(
          pos,
          `Ref to ${logicalId}, which is not created: its Condition ${decl.condition.name} is false`
        );
      }
      return FAILED;
    }
    const known = this.ruleNames.get(logicalId);
    if (known !== undefined) return known;
    if (this.namingRules.has(logicalId)) return this.error(pos, `the name of ${logicalId} refers to itself`);
    this.namingRules.add(logicalId);
    const name = this.ruleName(decl);
    this.namingRules.delete(logicalId);
    this.ruleNames.set(logicalId, name);
    return name;
  }

  private ruleName(decl: ResourceDecl): string | typeof FAILED {
    const nameEntry = decl.properties ? entry(decl.properties, 'ConfigRuleName') : undefined;
    if (nameEntry === undefined) return decl.logicalId;
    const r = this.evaluator.resolve(nameEntry.value);
    if (r === FAILED) return FAILED;
    if (r === NO_VALUE) return decl.logicalId;
    const name = this.stringValue(r, `ConfigRuleName of ${decl.logicalId}`);
    if (name === FAILED) return FAILED;
    if (name.length < 1 || name.length > 128 || !/\S/.test(name)) {
      return this.error(r.pos, `ConfigRuleName of ${decl.logicalId} must be 1 to 128 characters, not blank`);
    }
    return name;
  }

  private resolveProperties(decl: ResourceDecl, allowed: Set<string>, skip: string[]): Map<string, PEntry> | undefined {
    const out = new Map<string, PEntry>();
    let failed = false;
    for (const e of decl.properties!.entries) {
      if (!allowed.has(e.key)) {
        failed = true;
        this.error(
          e.keyPos,
          `unknown property ${e.key} of ${decl.type} ${decl.logicalId} (known: ${[...allowed].join(', ')})`
        );
        continue;
      }
      if (skip.includes(e.key)) continue;
      const r: Resolved = this.evaluator.resolve(e.value);
      if (r === FAILED) failed = true;
      else if (r !== NO_VALUE) out.set(e.key, { key: e.key, keyPos: e.keyPos, value: r });
    }
    return failed ? undefined : out;
  }

  private readRule(decl: ResourceDecl): RuleSpec | undefined {
    const name = this.resourceRef(decl.logicalId, decl.pos);
    const props = this.resolveProperties(decl, CONFIG_RULE_PROPERTIES, ['ConfigRuleName']);
    if (props === undefined || name === FAILED || name === undefined) return undefined;
    const what = `${decl.logicalId}`;
    const start = this.sink.count;
    const rule: RuleSpec = {
      logicalId: decl.logicalId,
      name,
      source: { owner: 'AWS' },
      inputParameters: {},
      inputParameterPositions: {},
      position: decl.pos
    };
    if (decl.properties && entry(decl.properties, 'ConfigRuleName') === undefined) rule.nameFromLogicalId = true;
    const description = props.get('Description');
    if (description !== undefined) {
      const d = this.stringValue(description.value, `Description of ${what}`);
      if (d !== FAILED) {
        if (d.length > 256) this.error(description.value.pos, `Description of ${what} is longer than 256 characters`);
        rule.description = d;
      }
    }
    const source = props.get('Source');
    if (source === undefined) this.error(decl.pos, `ConfigRule ${what} has no Source`);
    else {
      const s = this.readSource(source.value, what);
      if (s !== FAILED) rule.source = s;
    }
    const input = props.get('InputParameters');
    if (input !== undefined) this.readInputParameters(input, rule);
    const scope = props.get('Scope');
    if (scope !== undefined) {
      const s = this.readScope(scope.value, what);
      if (s !== FAILED) rule.scope = s;
    }
    const freq = props.get('MaximumExecutionFrequency');
    if (freq !== undefined) {
      const f = this.enumValue(freq.value, `MaximumExecutionFrequency of ${what}`, MAXIMUM_EXECUTION_FREQUENCIES);
      if (f !== FAILED) rule.maximumExecutionFrequency = f;
    }
    const modes = props.get('EvaluationModes');
    if (modes !== undefined) {
      const m = this.readEvaluationModes(modes.value, what);
      if (m !== FAILED) rule.evaluationModes = m;
    }
    return this.sink.count === start ? rule : undefined;
  }

  private readSource(node: PNode, what: string): RuleSource | typeof FAILED {
    const m = this.mapWithKeys(node, `Source of ${what}`, [
      'Owner',
      'SourceIdentifier',
      'SourceDetails',
      'CustomPolicyDetails'
    ]);
    if (m === FAILED) return FAILED;
    const ownerEntry = entry(m, 'Owner');
    if (ownerEntry === undefined) return this.error(node.pos, `Source of ${what} has no Owner (${OWNERS.join(', ')})`);
    const owner = this.enumValue(ownerEntry.value, `Source.Owner of ${what}`, OWNERS);
    if (owner === FAILED) return FAILED;
    const source: RuleSource = { owner };
    const id = entry(m, 'SourceIdentifier');
    if (id !== undefined) {
      const v = this.stringValue(id.value, `Source.SourceIdentifier of ${what}`);
      if (v === FAILED) return FAILED;
      source.identifier = v;
    } else if (owner !== 'CUSTOM_POLICY') {
      return this.error(
        node.pos,
        `Source of ${what} has no SourceIdentifier (the managed rule identifier or Lambda ARN)`
      );
    }
    const details = entry(m, 'SourceDetails');
    if (details !== undefined) {
      if (details.value.kind !== 'seq')
        return this.error(details.value.pos, `Source.SourceDetails of ${what} must be a list`);
      const out: RuleSourceDetail[] = [];
      for (const item of details.value.items) {
        const d = this.mapWithKeys(item, `a SourceDetails item of ${what}`, [
          'EventSource',
          'MessageType',
          'MaximumExecutionFrequency'
        ]);
        if (d === FAILED) return FAILED;
        const detail: RuleSourceDetail = {};
        const es = entry(d, 'EventSource');
        if (es !== undefined) {
          const v = this.enumValue(es.value, `SourceDetails.EventSource of ${what}`, ['aws.config'] as const);
          if (v === FAILED) return FAILED;
          detail.eventSource = v;
        }
        const mt = entry(d, 'MessageType');
        if (mt !== undefined) {
          const v = this.enumValue(mt.value, `SourceDetails.MessageType of ${what}`, MESSAGE_TYPES);
          if (v === FAILED) return FAILED;
          detail.messageType = v;
        }
        const f = entry(d, 'MaximumExecutionFrequency');
        if (f !== undefined) {
          const v = this.enumValue(
            f.value,
            `SourceDetails.MaximumExecutionFrequency of ${what}`,
            MAXIMUM_EXECUTION_FREQUENCIES
          );
          if (v === FAILED) return FAILED;
          detail.maximumExecutionFrequency = v;
        }
        out.push(detail);
      }
      source.details = out;
    }
    const policy = entry(m, 'CustomPolicyDetails');
    if (policy !== undefined) {
      const p = this.mapWithKeys(policy.value, `Source.CustomPolicyDetails of ${what}`, [
        'PolicyRuntime',
        'PolicyText',
        'EnableDebugLogDelivery'
      ]);
      if (p === FAILED) return FAILED;
      const runtime = entry(p, 'PolicyRuntime');
      const text = entry(p, 'PolicyText');
      if (runtime === undefined || text === undefined) {
        return this.error(policy.value.pos, `CustomPolicyDetails of ${what} needs PolicyRuntime and PolicyText`);
      }
      const r = this.stringValue(runtime.value, `PolicyRuntime of ${what}`);
      const t = this.stringValue(text.value, `PolicyText of ${what}`);
      if (r === FAILED || t === FAILED) return FAILED;
      const details: CustomPolicyDetails = { policyRuntime: r, policyText: t };
      const debug = entry(p, 'EnableDebugLogDelivery');
      if (debug !== undefined) {
        const b = this.boolValue(debug.value, `EnableDebugLogDelivery of ${what}`);
        if (b === FAILED) return FAILED;
        details.enableDebugLogDelivery = b;
      }
      source.customPolicy = details;
    } else if (owner === 'CUSTOM_POLICY') {
      return this.error(node.pos, `Source of ${what} has Owner CUSTOM_POLICY but no CustomPolicyDetails`);
    }
    return source;
  }

  private readInputParameters(input: PEntry, rule: RuleSpec): void {
    const what = `InputParameters of ${rule.logicalId}`;
    let node = input.value;
    if (node.kind === 'scalar' && typeof node.value === 'string') {
      // A Json property may also be written as a JSON string.
      let parsed: unknown;
      try {
        parsed = JSON.parse(node.value);
      } catch {
        this.error(node.pos, `${what} is a string but not valid JSON`);
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        this.error(node.pos, `${what} must be a JSON object`);
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
      this.error(node.pos, `${what} must be a map of parameter names to values, found ${describe(node)}`);
      return;
    }
    for (const e of node.entries) {
      const v = e.value;
      const text = v.kind === 'scalar' ? scalarString(v) : undefined;
      if (text === undefined) {
        this.error(
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
      this.error(
        input.keyPos,
        `${what} is ${size} characters as JSON; AWS Config accepts at most ${MAX_INPUT_PARAMETERS_CHARS}`
      );
    }
  }

  private readScope(node: PNode, what: string): RuleScope | typeof FAILED {
    const m = this.mapWithKeys(node, `Scope of ${what}`, [
      'ComplianceResourceTypes',
      'TagKey',
      'TagValue',
      'ComplianceResourceId'
    ]);
    if (m === FAILED) return FAILED;
    const scope: RuleScope = {};
    const types = entry(m, 'ComplianceResourceTypes');
    if (types !== undefined) {
      const list = this.stringListValue(types.value, `Scope.ComplianceResourceTypes of ${what}`);
      if (list === FAILED) return FAILED;
      if (list.length > 100)
        return this.error(types.value.pos, `Scope.ComplianceResourceTypes of ${what} has more than 100 types`);
      scope.complianceResourceTypes = list;
    }
    for (const [key, field, max] of [
      ['TagKey', 'tagKey', 128],
      ['TagValue', 'tagValue', 256],
      ['ComplianceResourceId', 'complianceResourceId', 768]
    ] as const) {
      const e = entry(m, key);
      if (e === undefined) continue;
      const v = this.stringValue(e.value, `Scope.${key} of ${what}`);
      if (v === FAILED) return FAILED;
      if (v.length < 1 || v.length > max)
        return this.error(e.value.pos, `Scope.${key} of ${what} must be 1 to ${max} characters`);
      scope[field] = v;
    }
    if (scope.tagValue !== undefined && scope.tagKey === undefined) {
      return this.error(node.pos, `Scope of ${what} has a TagValue without a TagKey`);
    }
    return scope;
  }

  private readEvaluationModes(node: PNode, what: string): EvaluationMode[] | typeof FAILED {
    if (node.kind !== 'seq')
      return this.error(node.pos, `EvaluationModes of ${what} must be a list of { Mode: DETECTIVE | PROACTIVE }`);
    const modes: EvaluationMode[] = [];
    for (const item of node.items) {
      const m = this.mapWithKeys(item, `an EvaluationModes item of ${what}`, ['Mode']);
      if (m === FAILED) return FAILED;
      const mode = entry(m, 'Mode');
      if (mode === undefined) return this.error(item.pos, `an EvaluationModes item of ${what} has no Mode`);
      const v = this.enumValue(mode.value, `EvaluationModes.Mode of ${what}`, ['DETECTIVE', 'PROACTIVE'] as const);
      if (v === FAILED) return FAILED;
      modes.push(v);
    }
    return modes;
  }

  private readRemediation(decl: ResourceDecl): RemediationSpec | undefined {
    const props = this.resolveProperties(decl, REMEDIATION_PROPERTIES, []);
    if (props === undefined) return undefined;
    const what = decl.logicalId;
    const start = this.sink.count;
    const required = (key: string): PEntry | undefined => {
      const e = props.get(key);
      if (e === undefined) this.error(decl.pos, `RemediationConfiguration ${what} has no ${key}`);
      return e;
    };
    const ruleEntry = required('ConfigRuleName');
    const typeEntry = required('TargetType');
    const idEntry = required('TargetId');
    const spec: RemediationSpec = {
      logicalId: decl.logicalId,
      configRuleName: '',
      targetType: 'SSM_DOCUMENT',
      targetId: '',
      parameters: {},
      parameterPositions: {},
      automatic: false,
      position: decl.pos
    };
    if (ruleEntry !== undefined) {
      const v = this.stringValue(ruleEntry.value, `ConfigRuleName of ${what}`);
      if (v !== FAILED) spec.configRuleName = v;
    }
    if (typeEntry !== undefined) this.enumValue(typeEntry.value, `TargetType of ${what}`, ['SSM_DOCUMENT'] as const);
    if (idEntry !== undefined) {
      const v = this.stringValue(idEntry.value, `TargetId of ${what}`);
      if (v !== FAILED) {
        if (v.length < 1 || v.length > 256)
          this.error(idEntry.value.pos, `TargetId of ${what} must be 1 to 256 characters`);
        spec.targetId = v;
      }
    }
    const version = props.get('TargetVersion');
    if (version !== undefined) {
      const v = this.stringValue(version.value, `TargetVersion of ${what}`);
      if (v !== FAILED) spec.targetVersion = v;
    }
    const resourceType = props.get('ResourceType');
    if (resourceType !== undefined) {
      const v = this.stringValue(resourceType.value, `ResourceType of ${what}`);
      if (v !== FAILED) spec.resourceType = v;
    }
    const automatic = props.get('Automatic');
    if (automatic !== undefined) {
      const v = this.boolValue(automatic.value, `Automatic of ${what}`);
      if (v !== FAILED) spec.automatic = v;
    }
    const attempts = props.get('MaximumAutomaticAttempts');
    if (attempts !== undefined) {
      const v = this.intValue(attempts.value, `MaximumAutomaticAttempts of ${what}`, 1, 25);
      if (v !== FAILED) spec.maximumAutomaticAttempts = v;
    }
    const retry = props.get('RetryAttemptSeconds');
    if (retry !== undefined) {
      const v = this.intValue(retry.value, `RetryAttemptSeconds of ${what}`, 1, 2678000);
      if (v !== FAILED) spec.retryAttemptSeconds = v;
    }
    const controls = props.get('ExecutionControls');
    if (controls !== undefined) {
      const v = this.readExecutionControls(controls.value, what);
      if (v !== FAILED) spec.executionControls = v;
    }
    const params = props.get('Parameters');
    if (params !== undefined) this.readRemediationParameters(params.value, spec);
    return this.sink.count === start ? spec : undefined;
  }

  private readExecutionControls(node: PNode, what: string): RemediationExecutionControls | typeof FAILED {
    const m = this.mapWithKeys(node, `ExecutionControls of ${what}`, ['SsmControls']);
    if (m === FAILED) return FAILED;
    const ssm = entry(m, 'SsmControls');
    if (ssm === undefined) return {};
    const s = this.mapWithKeys(ssm.value, `ExecutionControls.SsmControls of ${what}`, [
      'ConcurrentExecutionRatePercentage',
      'ErrorPercentage'
    ]);
    if (s === FAILED) return FAILED;
    const out: NonNullable<RemediationExecutionControls['ssmControls']> = {};
    const rate = entry(s, 'ConcurrentExecutionRatePercentage');
    if (rate !== undefined) {
      const v = this.intValue(rate.value, `ConcurrentExecutionRatePercentage of ${what}`, 1, 100);
      if (v === FAILED) return FAILED;
      out.concurrentExecutionRatePercentage = v;
    }
    const errors = entry(s, 'ErrorPercentage');
    if (errors !== undefined) {
      const v = this.intValue(errors.value, `ErrorPercentage of ${what}`, 1, 100);
      if (v === FAILED) return FAILED;
      out.errorPercentage = v;
    }
    return { ssmControls: out };
  }

  private readRemediationParameters(node: PNode, spec: RemediationSpec): void {
    const what = `Parameters of ${spec.logicalId}`;
    if (node.kind !== 'map') {
      this.error(node.pos, `${what} must be a map of SSM parameter names to { ResourceValue } or { StaticValue }`);
      return;
    }
    for (const e of node.entries) {
      const m = this.mapWithKeys(e.value, `${what}: ${e.key}`, ['ResourceValue', 'StaticValue']);
      if (m === FAILED) continue;
      const resource = entry(m, 'ResourceValue');
      const statics = entry(m, 'StaticValue');
      if ((resource === undefined) === (statics === undefined)) {
        this.error(e.keyPos, `${what}: ${e.key} must have exactly one of ResourceValue and StaticValue`);
        continue;
      }
      let value: RemediationParameterValue | typeof FAILED = FAILED;
      if (resource !== undefined) {
        const r = this.mapWithKeys(resource.value, `${what}: ${e.key}.ResourceValue`, ['Value']);
        const v = r === FAILED ? undefined : entry(r, 'Value');
        if (r !== FAILED && v === undefined)
          this.error(resource.value.pos, `${what}: ${e.key}.ResourceValue has no Value (RESOURCE_ID)`);
        else if (v !== undefined) {
          const id = this.enumValue(v.value, `${what}: ${e.key}.ResourceValue.Value`, ['RESOURCE_ID'] as const);
          if (id !== FAILED) value = { resourceValue: { value: id } };
        }
      } else if (statics !== undefined) {
        const s = this.mapWithKeys(statics.value, `${what}: ${e.key}.StaticValue`, ['Values']);
        const v = s === FAILED ? undefined : entry(s, 'Values');
        if (s !== FAILED && v === undefined)
          this.error(statics.value.pos, `${what}: ${e.key}.StaticValue has no Values`);
        else if (v !== undefined) {
          const values = this.stringListValue(v.value, `${what}: ${e.key}.StaticValue.Values`);
          if (values !== FAILED) {
            if (values.length > 25)
              this.error(v.value.pos, `${what}: ${e.key}.StaticValue.Values has more than 25 values`);
            else if (values.some(x => x.length > 256)) {
              this.error(v.value.pos, `${what}: ${e.key}.StaticValue.Values must each be at most 256 characters`);
            } else value = { staticValue: { values } };
          }
        }
      }
      if (value !== FAILED) {
        spec.parameters[e.key] = value;
        spec.parameterPositions[e.key] = e.keyPos;
      }
    }
  }

  private crossCheck(pack: ConformancePack): void {
    const byName = new Map<string, RuleSpec>();
    for (const rule of pack.rules) {
      const other = byName.get(rule.name);
      if (other !== undefined) {
        this.error(
          rule.position,
          `rule name ${rule.name} is used twice (${other.logicalId} at line ${other.position.line} and ${rule.logicalId})`
        );
      } else byName.set(rule.name, rule);
    }
    const remediated = new Map<string, RemediationSpec>();
    for (const rem of pack.remediations) {
      if (!byName.has(rem.configRuleName)) {
        this.error(
          rem.position,
          `RemediationConfiguration ${rem.logicalId} names rule ${JSON.stringify(rem.configRuleName)}, which is not a rule of this pack`
        );
      }
      const other = remediated.get(rem.configRuleName);
      if (other !== undefined) {
        this.error(
          rem.position,
          `rule ${rem.configRuleName} has two RemediationConfigurations (${other.logicalId} and ${rem.logicalId}); AWS Config keeps one per rule`
        );
      } else remediated.set(rem.configRuleName, rem);
    }
  }

  // ---- value helpers (on resolved nodes) ----------------------------------------------------------------------------

  private stringValue(node: PNode, what: string): string | typeof FAILED {
    const text = node.kind === 'scalar' ? scalarString(node) : undefined;
    return text ?? this.error(node.pos, `${what} must be a string, found ${describe(node)}`);
  }

  private stringListValue(node: PNode, what: string): string[] | typeof FAILED {
    if (node.kind !== 'seq') return this.error(node.pos, `${what} must be a list of strings, found ${describe(node)}`);
    const out: string[] = [];
    for (const item of node.items) {
      const v = this.stringValue(item, `each item of ${what}`);
      if (v === FAILED) return FAILED;
      out.push(v);
    }
    return out;
  }

  private enumValue<T extends string>(node: PNode, what: string, allowed: readonly T[]): T | typeof FAILED {
    const text = node.kind === 'scalar' ? scalarString(node) : undefined;
    if (text !== undefined && (allowed as readonly string[]).includes(text)) return text as T;
    return this.error(node.pos, `${what} must be one of ${allowed.join(', ')}, found ${describe(node)}`);
  }

  private boolValue(node: PNode, what: string): boolean | typeof FAILED {
    if (node.kind === 'scalar') {
      if (typeof node.value === 'boolean') return node.value;
      if (typeof node.value === 'string' && /^(true|false)$/i.test(node.value))
        return node.value.toLowerCase() === 'true';
    }
    return this.error(node.pos, `${what} must be true or false, found ${describe(node)}`);
  }

  private intValue(node: PNode, what: string, min: number, max: number): number | typeof FAILED {
    const text = node.kind === 'scalar' ? scalarString(node) : undefined;
    if (text !== undefined && /^[-+]?\d+$/.test(text)) {
      const n = Number(text);
      if (n >= min && n <= max) return n;
    }
    return this.error(node.pos, `${what} must be a whole number from ${min} to ${max}, found ${describe(node)}`);
  }

  private mapWithKeys(node: PNode, what: string, keys: readonly string[]): PMap | typeof FAILED {
    if (node.kind !== 'map') return this.error(node.pos, `${what} must be a map, found ${describe(node)}`);
    let ok = true;
    for (const e of node.entries) {
      if (!keys.includes(e.key)) {
        ok = false;
        this.error(e.keyPos, `unknown key ${e.key} in ${what} (known: ${keys.join(', ')})`);
      }
    }
    return ok ? node : FAILED;
  }
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

function scalarText(node: PNode): string | undefined {
  return node.kind === 'scalar' ? scalarString(node) : undefined;
}

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
