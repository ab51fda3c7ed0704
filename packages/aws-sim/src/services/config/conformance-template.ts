/**
 * Conformance pack templates: a CloudFormation template (YAML or JSON) with AWS::Config::ConfigRule and
 * AWS::Config::RemediationConfiguration resources, the two resource types a conformance pack may hold ("You can use
 * a YAML template with two resource types: Config rule (AWS::Config::ConfigRule) and remediation action
 * (AWS::Config::RemediationConfiguration)." AWS Config API Reference, PutConformancePack, TemplateBody).
 *
 * Parameters (Default, overridden by ConformancePackInputParameters), Conditions and the intrinsic functions Ref,
 * Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Sub and Fn::Join are resolved; anything else is a
 * TemplateError naming the resource, never silently dropped.
 */
import { parse as parseYaml } from 'yaml';

export class TemplateError extends Error {}

export interface PackRuleDefinition {
  logicalId: string;
  /** The rule name the template gives (ConfigRuleName, else the logical id). */
  templateName: string;
  rule: {
    Description?: string;
    Scope?: Record<string, unknown>;
    Source: Record<string, unknown>;
    InputParameters?: string;
    MaximumExecutionFrequency?: string;
  };
}

export interface PackRemediationDefinition {
  logicalId: string;
  /** The template's name of the rule it remediates. */
  templateRuleName: string;
  configuration: Record<string, unknown>;
}

export interface ParsedPackTemplate {
  rules: PackRuleDefinition[];
  remediations: PackRemediationDefinition[];
}

const INTRINSICS = [
  'Ref',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'Sub',
  'Join',
  'GetAtt',
  'Select',
  'FindInMap',
  'Split',
  'Base64',
  'GetAZs',
  'ImportValue',
  'Condition'
];
const CUSTOM_TAGS = INTRINSICS.flatMap(name => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  return [
    { tag: `!${name}`, resolve: (v: string) => ({ [key]: name === 'GetAtt' ? v.split('.') : v }) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (v: { toJSON(): unknown }) => ({ [key]: v.toJSON() }) },
    { tag: `!${name}`, collection: 'map' as const, resolve: (v: { toJSON(): unknown }) => ({ [key]: v.toJSON() }) }
  ];
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const NO_VALUE = Symbol('AWS::NoValue');

/** A string, number or boolean as text; anything else is a TemplateError (never "[object Object]"). */
function scalar(v: Json, where: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new TemplateError(`${where}: expected a string, got ${JSON.stringify(v)}`);
}

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface TemplateContext {
  accountId: string;
  region: string;
  parameters: Record<string, string>;
}

/** Parses and resolves a pack template; throws TemplateError with a message naming what is wrong. */
export function parsePackTemplate(text: string, tc: TemplateContext): ParsedPackTemplate {
  let doc: unknown;
  try {
    doc = parseYaml(text, { customTags: CUSTOM_TAGS as never, prettyErrors: false });
  } catch (e) {
    throw new TemplateError(`Template format error: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObject(doc)) throw new TemplateError('Template format error: the template must be a JSON or YAML object.');
  const resources = doc['Resources'];
  if (!isObject(resources) || Object.keys(resources).length === 0) {
    throw new TemplateError('Template format error: At least one Resources member must be defined.');
  }
  const declared = isObject(doc['Parameters']) ? doc['Parameters'] : {};
  const params: Record<string, string> = {};
  for (const [name, p] of Object.entries(declared)) {
    const def = isObject(p) ? p['Default'] : undefined;
    if (def !== undefined && def !== null) params[name] = scalar(def, `Parameters.${name}.Default`);
  }
  for (const [name, value] of Object.entries(tc.parameters)) {
    if (!Object.hasOwn(declared, name)) {
      throw new TemplateError(`Parameters: [${name}] do not exist in the template`);
    }
    params[name] = value;
  }
  const missing = Object.keys(declared).filter(n => !Object.hasOwn(params, n));
  if (missing.length > 0) throw new TemplateError(`Parameters: [${missing.join(', ')}] must have values`);

  const ruleNames = new Map<string, string>();
  for (const [id, r] of Object.entries(resources)) {
    if (isObject(r) && r['Type'] === 'AWS::Config::ConfigRule') {
      const props = isObject(r['Properties']) ? r['Properties'] : {};
      const n = props['ConfigRuleName'];
      ruleNames.set(id, typeof n === 'string' ? n : id);
    }
  }
  const conditionDefs = isObject(doc['Conditions']) ? doc['Conditions'] : {};
  const conditions = new Map<string, boolean>();
  const evalCondition = (name: string, where: string): boolean => {
    const known = conditions.get(name);
    if (known !== undefined) return known;
    if (!Object.hasOwn(conditionDefs, name)) throw new TemplateError(`${where}: unknown condition ${name}`);
    const v = resolve(conditionDefs[name]!, `Conditions.${name}`);
    if (typeof v !== 'boolean') throw new TemplateError(`Conditions.${name} must be a condition function`);
    conditions.set(name, v);
    return v;
  };
  const pseudo: Record<string, string> = {
    'AWS::AccountId': tc.accountId,
    'AWS::Region': tc.region,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com'
  };
  const refValue = (name: string, where: string): string => {
    if (Object.hasOwn(params, name)) return params[name]!;
    if (Object.hasOwn(pseudo, name)) return pseudo[name]!;
    const rule = ruleNames.get(name);
    if (rule !== undefined) return rule;
    throw new TemplateError(`${where}: unresolved reference ${name}`);
  };
  const asText = (v: Json | typeof NO_VALUE, where: string): string => {
    if (v === NO_VALUE) throw new TemplateError(`${where}: AWS::NoValue where a value is needed`);
    return scalar(v, where);
  };
  function resolve(v: Json, where: string): Json | typeof NO_VALUE {
    if (Array.isArray(v)) {
      return v.map(x => resolve(x, where)).filter((x): x is Json => x !== NO_VALUE);
    }
    if (!isObject(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition')) {
      const fn = keys[0]!;
      const arg = v[fn]!;
      switch (fn) {
        case 'Ref':
          if (arg === 'AWS::NoValue') return NO_VALUE;
          return refValue(scalar(arg, where), where);
        case 'Condition':
          return evalCondition(scalar(arg, where), where);
        case 'Fn::If': {
          if (!Array.isArray(arg) || arg.length !== 3)
            throw new TemplateError(`${where}: Fn::If takes [condition, then, else]`);
          return resolve(evalCondition(scalar(arg[0]!, where), where) ? arg[1]! : arg[2]!, where);
        }
        case 'Fn::Equals': {
          if (!Array.isArray(arg) || arg.length !== 2) throw new TemplateError(`${where}: Fn::Equals takes two values`);
          return asText(resolve(arg[0]!, where), where) === asText(resolve(arg[1]!, where), where);
        }
        case 'Fn::Not':
          if (!Array.isArray(arg) || arg.length !== 1) throw new TemplateError(`${where}: Fn::Not takes one condition`);
          return !resolve(arg[0]!, where);
        case 'Fn::And':
        case 'Fn::Or': {
          if (!Array.isArray(arg) || arg.length < 2)
            throw new TemplateError(`${where}: ${fn} takes 2 to 10 conditions`);
          const values = arg.map(a => resolve(a, where) === true);
          return fn === 'Fn::And' ? values.every(Boolean) : values.some(Boolean);
        }
        case 'Fn::Sub': {
          const body: string = scalar(Array.isArray(arg) ? arg[0]! : arg, where);
          const vars: Record<string, Json> = Array.isArray(arg) && isObject(arg[1]) ? arg[1] : {};
          return body.replace(/\$\{([^}!]+)\}/g, (_m, name: string) =>
            Object.hasOwn(vars, name) ? asText(resolve(vars[name]!, where), where) : refValue(name, where)
          );
        }
        case 'Fn::Join': {
          if (!Array.isArray(arg) || arg.length !== 2 || !Array.isArray(arg[1])) {
            throw new TemplateError(`${where}: Fn::Join takes [delimiter, [values]]`);
          }
          const parts: Json | typeof NO_VALUE = resolve(arg[1], where);
          if (!Array.isArray(parts)) throw new TemplateError(`${where}: Fn::Join takes [delimiter, [values]]`);
          const joined: string = parts.map(p => asText(p, where)).join(scalar(arg[0]!, where));
          return joined;
        }
        default:
          throw new TemplateError(`${where}: ${fn} is not supported in a conformance pack template by the simulator`);
      }
    }
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      const r = resolve(x, `${where}.${k}`);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  const parsed: ParsedPackTemplate = { rules: [], remediations: [] };
  for (const [id, raw] of Object.entries(resources)) {
    if (!isObject(raw)) throw new TemplateError(`Resources.${id} must be an object`);
    const type = raw['Type'];
    if (typeof raw['Condition'] === 'string' && !evalCondition(raw['Condition'], `Resources.${id}`)) continue;
    const props = resolve(isObject(raw['Properties']) ? raw['Properties'] : {}, `Resources.${id}.Properties`);
    if (!isObject(props)) throw new TemplateError(`Resources.${id}.Properties must be an object`);
    if (type === 'AWS::Config::ConfigRule') {
      if (!isObject(props['Source'])) throw new TemplateError(`Resources.${id}: a ConfigRule needs Properties.Source`);
      const rule: PackRuleDefinition['rule'] = { Source: props['Source'] };
      if (typeof props['Description'] === 'string') rule.Description = props['Description'];
      if (isObject(props['Scope'])) rule.Scope = props['Scope'];
      const ip = props['InputParameters'];
      if (ip !== undefined) rule.InputParameters = typeof ip === 'string' ? ip : JSON.stringify(ip);
      if (typeof props['MaximumExecutionFrequency'] === 'string') {
        rule.MaximumExecutionFrequency = props['MaximumExecutionFrequency'];
      }
      parsed.rules.push({ logicalId: id, templateName: ruleNames.get(id)!, rule });
    } else if (type === 'AWS::Config::RemediationConfiguration') {
      const ruleName = props['ConfigRuleName'];
      if (typeof ruleName !== 'string') {
        throw new TemplateError(`Resources.${id}: a RemediationConfiguration needs Properties.ConfigRuleName`);
      }
      parsed.remediations.push({ logicalId: id, templateRuleName: ruleName, configuration: props });
    } else {
      throw new TemplateError(
        `Resources.${id}: resource type ${JSON.stringify(type)} is not supported in a conformance pack (only AWS::Config::ConfigRule and AWS::Config::RemediationConfiguration)`
      );
    }
  }
  const known = new Set(parsed.rules.map(r => r.templateName));
  for (const r of parsed.remediations) {
    if (!known.has(r.templateRuleName)) {
      throw new TemplateError(
        `Resources.${r.logicalId}: ConfigRuleName ${r.templateRuleName} is not a rule of this template`
      );
    }
  }
  return parsed;
}
