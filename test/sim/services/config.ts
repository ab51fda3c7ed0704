/**
 * AWS Config operations of the simulated account. Requests arrive validated against the Smithy model; handlers
 * return plain objects with the model's member names (timestamps as Date) and throw AwsError with the error
 * codes the model declares for the operation.
 */
import { AwsError, type RequestContext, type ServiceHandlers } from '../types.js';
import {
  contributorCount,
  ruleCompliance,
  scheduleRuleEvaluation,
  type RuleComplianceSummary
} from '../config/engine.js';
import { checkRuleParameters, RuleParameterError } from '../config/evaluators.js';
import { compareResourceKeys } from '../config/items.js';
import { decodeToken, effectiveLimit, encodeToken, pageAfter } from '../config/paging.js';
import {
  configState,
  deriveRuleId,
  ruleArn,
  type ConfigState,
  type RuleRecord,
  type RuleScope,
  type RuleSource,
  type StoredConfigRule,
  type StoredEvaluation
} from '../config/state.js';

/** Config's account limit on rules (scenario option `maxConfigRules` overrides it). */
export const DEFAULT_MAX_CONFIG_RULES = 1000;
/** StartConfigRulesEvaluation may run a rule at most once per this many ms of simulator time. */
export const START_EVALUATION_INTERVAL_MS = 60_000;
/** Page sizes AWS uses where the caller cannot choose one. */
export const RULES_PAGE_SIZE = 25;
const RESOURCE_DETAILS_PAGE_SIZE = 100;
const MAX_TAGS = 50;

interface Tag {
  Key?: string;
  Value?: string;
}

interface ConfigRuleInput {
  ConfigRuleName?: string;
  ConfigRuleArn?: string;
  ConfigRuleId?: string;
  Description?: string;
  Scope?: RuleScope;
  Source: RuleSource;
  InputParameters?: string;
  MaximumExecutionFrequency?: string;
  EvaluationModes?: StoredConfigRule['EvaluationModes'];
}

type ComplianceFilter = ReadonlySet<string> | undefined;

function cfgOf(ctx: RequestContext): ConfigState {
  return configState(ctx.state, ctx.now());
}

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', message);
}

function requireRule(cfg: ConfigState, name: string): RuleRecord {
  const rec = Object.hasOwn(cfg.rules, name) ? cfg.rules[name] : undefined;
  if (!rec)
    throw new AwsError('NoSuchConfigRuleException', `The Config rule '${name}' does not exist in this account.`);
  return rec;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : [];
}

function sortedRuleNames(cfg: ConfigState): string[] {
  return Object.keys(cfg.rules).sort();
}

function byName(name: string, key: string): number {
  return name === key ? 0 : name < key ? -1 : 1;
}

function stringAfter(token: unknown, op: string, scope: string): string | undefined {
  if (typeof token !== 'string') return undefined;
  const after = decodeToken(token, op, scope);
  if (typeof after !== 'string') throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
  return after;
}

function resourceKeyAfter(token: unknown, op: string, scope: string): [string, string] | undefined {
  if (typeof token !== 'string') return undefined;
  const after = decodeToken(token, op, scope);
  if (!Array.isArray(after) || after.length !== 2 || !after.every(v => typeof v === 'string')) {
    throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
  }
  return [after[0] as string, after[1] as string];
}

function compareToResourceKey(item: { resourceType: string; resourceId: string }, key: [string, string]): number {
  return compareResourceKeys(item, { resourceType: key[0], resourceId: key[1] });
}

/** Reads a ComplianceTypes filter, refusing the values the operation does not filter on. */
function complianceFilter(value: unknown, refused: string, op: string): ComplianceFilter {
  const types = names(value);
  if (types.includes(refused)) throw invalid(`${refused} cannot be used as a ComplianceTypes filter for ${op}.`);
  return types.length > 0 ? new Set(types) : undefined;
}

function filterScope(filter: ComplianceFilter): string {
  return filter ? [...filter].sort().join(',') : '';
}

function describeRule(rec: RuleRecord): Record<string, unknown> {
  const r = rec.rule;
  const out: Record<string, unknown> = {
    ConfigRuleName: r.ConfigRuleName,
    ConfigRuleArn: r.ConfigRuleArn,
    ConfigRuleId: r.ConfigRuleId,
    Source: structuredClone(r.Source),
    ConfigRuleState: r.ConfigRuleState,
    EvaluationModes: r.EvaluationModes ? structuredClone(r.EvaluationModes) : [{ Mode: 'DETECTIVE' }]
  };
  if (r.Description !== undefined) out['Description'] = r.Description;
  if (r.Scope !== undefined) out['Scope'] = structuredClone(r.Scope);
  if (r.InputParameters !== undefined) out['InputParameters'] = r.InputParameters;
  if (r.MaximumExecutionFrequency !== undefined) out['MaximumExecutionFrequency'] = r.MaximumExecutionFrequency;
  if (r.CreatedBy !== undefined) out['CreatedBy'] = r.CreatedBy;
  return out;
}

function ruleModes(rec: RuleRecord): string[] {
  const modes = (rec.rule.EvaluationModes ?? []).map(m => m.Mode).filter((m): m is 'DETECTIVE' | 'PROACTIVE' => !!m);
  return modes.length > 0 ? modes : ['DETECTIVE'];
}

function evaluationStatus(rec: RuleRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ConfigRuleName: rec.rule.ConfigRuleName,
    ConfigRuleArn: rec.rule.ConfigRuleArn,
    ConfigRuleId: rec.rule.ConfigRuleId,
    FirstActivatedTime: new Date(rec.firstActivatedTime),
    FirstEvaluationStarted: rec.firstEvaluationStarted
  };
  if (rec.lastSuccessfulInvocationTime !== undefined) {
    out['LastSuccessfulInvocationTime'] = new Date(rec.lastSuccessfulInvocationTime);
  }
  if (rec.lastSuccessfulEvaluationTime !== undefined) {
    out['LastSuccessfulEvaluationTime'] = new Date(rec.lastSuccessfulEvaluationTime);
  }
  return out;
}

function complianceOutput(summary: RuleComplianceSummary): Record<string, unknown> {
  const out: Record<string, unknown> = { ComplianceType: summary.complianceType };
  if (summary.complianceType === 'NON_COMPLIANT') {
    out['ComplianceContributorCount'] = contributorCount(summary.nonCompliantCount);
  }
  return out;
}

function evaluationResult(ruleName: string, r: StoredEvaluation): Record<string, unknown> {
  const out: Record<string, unknown> = {
    EvaluationResultIdentifier: {
      EvaluationResultQualifier: {
        ConfigRuleName: ruleName,
        ResourceType: r.resourceType,
        ResourceId: r.resourceId,
        EvaluationMode: 'DETECTIVE'
      },
      OrderingTimestamp: new Date(r.configRuleInvokedTime)
    },
    ComplianceType: r.complianceType,
    ResultRecordedTime: new Date(r.resultRecordedTime),
    ConfigRuleInvokedTime: new Date(r.configRuleInvokedTime)
  };
  if (r.annotation !== undefined) out['Annotation'] = r.annotation;
  return out;
}

function ruleByArn(cfg: ConfigState, arn: string): RuleRecord {
  const rec = Object.values(cfg.rules).find(r => r.rule.ConfigRuleArn === arn);
  if (!rec) throw new AwsError('ResourceNotFoundException', `No taggable Config resource has the ARN '${arn}'.`);
  return rec;
}

function checkTagKey(key: string | undefined, code: string): string {
  if (key === undefined || key === '') throw new AwsError(code, 'A tag key must not be empty.');
  if (key.toLowerCase().startsWith('aws:')) {
    throw new AwsError(code, `Tag keys starting with 'aws:' are reserved for AWS use: '${key}'.`);
  }
  return key;
}

function validateSource(source: RuleSource): void {
  if (source.Owner === 'AWS' && !source.SourceIdentifier) {
    throw invalid('SourceIdentifier is required for an AWS managed rule (Source.Owner AWS).');
  }
  if (source.Owner === 'CUSTOM_LAMBDA' && (!source.SourceIdentifier || !source.SourceDetails?.length)) {
    throw invalid('A CUSTOM_LAMBDA rule needs the Lambda function ARN as SourceIdentifier and SourceDetails.');
  }
  if (source.Owner === 'CUSTOM_POLICY' && !source.CustomPolicyDetails) {
    throw invalid('A CUSTOM_POLICY rule needs CustomPolicyDetails.');
  }
}

function validateScope(scope: RuleScope | undefined): void {
  if (!scope) return;
  if (scope.ComplianceResourceId !== undefined && scope.ComplianceResourceTypes?.length !== 1) {
    throw invalid('Scope.ComplianceResourceId requires exactly one Scope.ComplianceResourceTypes entry.');
  }
  if (scope.TagValue !== undefined && scope.TagKey === undefined) {
    throw invalid('Scope.TagValue requires Scope.TagKey.');
  }
}

/** The rule definition part of the request, copied (state never aliases request objects). */
function ruleDefinition(
  input: ConfigRuleInput
): Omit<StoredConfigRule, 'ConfigRuleName' | 'ConfigRuleArn' | 'ConfigRuleId' | 'ConfigRuleState'> {
  const def: Omit<StoredConfigRule, 'ConfigRuleName' | 'ConfigRuleArn' | 'ConfigRuleId' | 'ConfigRuleState'> = {
    Source: structuredClone(input.Source)
  };
  if (input.Description !== undefined) def.Description = input.Description;
  if (input.Scope !== undefined) def.Scope = structuredClone(input.Scope);
  if (input.InputParameters !== undefined) def.InputParameters = input.InputParameters;
  if (input.MaximumExecutionFrequency !== undefined) def.MaximumExecutionFrequency = input.MaximumExecutionFrequency;
  if (input.EvaluationModes !== undefined) def.EvaluationModes = structuredClone(input.EvaluationModes);
  return def;
}

/** Finds the rule a PutConfigRule request updates (by name, else by ARN or id); undefined for a new rule. */
function targetOfPut(cfg: ConfigState, r: ConfigRuleInput): { name: string; existing?: RuleRecord } {
  const byIdentity = Object.values(cfg.rules).find(
    rec =>
      (r.ConfigRuleArn !== undefined && rec.rule.ConfigRuleArn === r.ConfigRuleArn) ||
      (r.ConfigRuleId !== undefined && rec.rule.ConfigRuleId === r.ConfigRuleId)
  );
  if (r.ConfigRuleName === undefined) {
    if (r.ConfigRuleArn === undefined && r.ConfigRuleId === undefined) {
      throw invalid('ConfigRuleName is required to create a Config rule.');
    }
    if (!byIdentity) throw invalid('No Config rule has the ConfigRuleArn or ConfigRuleId given.');
    return { name: byIdentity.rule.ConfigRuleName, existing: byIdentity };
  }
  const existing = Object.hasOwn(cfg.rules, r.ConfigRuleName) ? cfg.rules[r.ConfigRuleName] : undefined;
  if ((r.ConfigRuleArn !== undefined || r.ConfigRuleId !== undefined) && (!existing || byIdentity !== existing)) {
    throw invalid(
      existing
        ? `ConfigRuleArn/ConfigRuleId do not identify the rule '${r.ConfigRuleName}'.`
        : 'Do not specify ConfigRuleArn or ConfigRuleId for a new Config rule: Config assigns them.'
    );
  }
  return existing ? { name: r.ConfigRuleName, existing } : { name: r.ConfigRuleName };
}

function newRuleId(ctx: RequestContext, cfg: ConfigState, name: string): string {
  const taken = new Set(Object.values(cfg.rules).map(r => r.rule.ConfigRuleId));
  let id: string;
  do {
    cfg.ruleSequence += 1;
    id = deriveRuleId(ctx.state.accountId, ctx.state.region, name, cfg.ruleSequence);
  } while (taken.has(id));
  return id;
}

function maxRules(ctx: RequestContext): number {
  const v = ctx.sim.options['maxConfigRules'];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : DEFAULT_MAX_CONFIG_RULES;
}

function putConfigRule(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const r = input['ConfigRule'] as ConfigRuleInput | undefined;
  if (!r?.Source) throw invalid('ConfigRule with a Source is required.');
  const { name, existing } = targetOfPut(cfg, r);
  validateSource(r.Source);
  validateScope(r.Scope);
  try {
    checkRuleParameters(name, r.Source, r.InputParameters);
  } catch (err) {
    if (err instanceof RuleParameterError) throw invalid(err.message);
    throw err;
  }
  const definition = ruleDefinition(r);
  if (existing) {
    existing.rule = {
      ...definition,
      ConfigRuleName: name,
      ConfigRuleArn: existing.rule.ConfigRuleArn,
      ConfigRuleId: existing.rule.ConfigRuleId,
      ConfigRuleState: 'ACTIVE',
      ...(existing.rule.CreatedBy !== undefined ? { CreatedBy: existing.rule.CreatedBy } : {})
    };
  } else {
    const limit = maxRules(ctx);
    if (Object.keys(cfg.rules).length >= limit) {
      throw new AwsError(
        'MaxNumberOfConfigRulesExceededException',
        `Failed to add the Config rule '${name}': the account already has the maximum of ${limit} rules.`
      );
    }
    const tags: Record<string, string> = {};
    for (const t of (input['Tags'] as Tag[] | undefined) ?? []) {
      tags[checkTagKey(t.Key, 'InvalidParameterValueException')] = t.Value ?? '';
    }
    const id = newRuleId(ctx, cfg, name);
    cfg.rules[name] = {
      rule: {
        ...definition,
        ConfigRuleName: name,
        ConfigRuleArn: ruleArn(ctx.state.region, ctx.state.accountId, id),
        ConfigRuleId: id,
        ConfigRuleState: 'ACTIVE'
      },
      tags,
      firstActivatedTime: ctx.now().toISOString(),
      firstEvaluationStarted: false,
      pendingStartEvaluations: 0,
      results: []
    };
  }
  // AWS evaluates a new or updated rule on its own.
  scheduleRuleEvaluation(ctx, name, false);
  return {};
}

function describeConfigRules(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const mode = (input['Filters'] as { EvaluationMode?: string } | undefined)?.EvaluationMode;
  const keep = (rec: RuleRecord): boolean => mode === undefined || ruleModes(rec).includes(mode);
  const requested = names(input['ConfigRuleNames']);
  if (requested.length > 0) {
    return {
      ConfigRules: requested
        .map(n => requireRule(cfg, n))
        .filter(keep)
        .map(describeRule)
    };
  }
  const op = 'DescribeConfigRules';
  const after = stringAfter(input['NextToken'], op, mode ?? '');
  const page = pageAfter(sortedRuleNames(cfg), byName, after, RULES_PAGE_SIZE, n => keep(cfg.rules[n]!));
  const out: Record<string, unknown> = { ConfigRules: page.items.map(n => describeRule(cfg.rules[n]!)) };
  if (page.more) out['NextToken'] = encodeToken(op, mode ?? '', page.items.at(-1));
  return out;
}

function deleteConfigRule(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const name = input['ConfigRuleName'] as string;
  requireRule(cfg, name);
  if (Object.hasOwn(cfg.remediationConfigurations, name)) {
    throw new AwsError(
      'ResourceInUseException',
      `The Config rule '${name}' has a remediation configuration; delete it (DeleteRemediationConfiguration) before deleting the rule.`
    );
  }
  delete cfg.rules[name];
  return {};
}

function tagResource(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const rec = ruleByArn(cfgOf(ctx), input['ResourceArn'] as string);
  const merged = { ...rec.tags };
  for (const t of (input['Tags'] as Tag[] | undefined) ?? []) {
    merged[checkTagKey(t.Key, 'ValidationException')] = t.Value ?? '';
  }
  if (Object.keys(merged).length > MAX_TAGS) {
    throw new AwsError('TooManyTagsException', `A Config rule can have at most ${MAX_TAGS} tags.`);
  }
  rec.tags = merged;
  return {};
}

function untagResource(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const rec = ruleByArn(cfgOf(ctx), input['ResourceArn'] as string);
  for (const key of names(input['TagKeys'])) delete rec.tags[key];
  return {};
}

function listTagsForResource(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const arn = input['ResourceArn'] as string;
  const rec = ruleByArn(cfgOf(ctx), arn);
  const limit = effectiveLimit(input['Limit'], MAX_TAGS, MAX_TAGS, 'InvalidLimitException');
  const op = 'ListTagsForResource';
  const after = stringAfter(input['NextToken'], op, arn);
  const page = pageAfter(Object.keys(rec.tags).sort(), byName, after, limit);
  const out: Record<string, unknown> = { Tags: page.items.map(k => ({ Key: k, Value: rec.tags[k] })) };
  if (page.more) out['NextToken'] = encodeToken(op, arn, page.items.at(-1));
  return out;
}

function startConfigRulesEvaluation(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const requested = names(input['ConfigRuleNames']);
  if (requested.length === 0) throw invalid('ConfigRuleNames must name at least one rule.');
  const records = requested.map(n => requireRule(cfg, n));
  const now = ctx.now();
  for (const rec of records) {
    const last = rec.lastStartRequestedTime === undefined ? undefined : Date.parse(rec.lastStartRequestedTime);
    if (
      rec.pendingStartEvaluations > 0 ||
      (last !== undefined && now.getTime() - last < START_EVALUATION_INTERVAL_MS)
    ) {
      throw new AwsError(
        'LimitExceededException',
        `An evaluation of the Config rule '${rec.rule.ConfigRuleName}' is in progress or was started less than a minute ago.`
      );
    }
  }
  for (const rec of records) {
    rec.lastStartRequestedTime = now.toISOString();
    scheduleRuleEvaluation(ctx, rec.rule.ConfigRuleName, true);
  }
  return {};
}

function describeConfigRuleEvaluationStatus(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const requested = names(input['ConfigRuleNames']);
  if (requested.length > 0) {
    return { ConfigRulesEvaluationStatus: requested.map(n => evaluationStatus(requireRule(cfg, n))) };
  }
  const limit = effectiveLimit(input['Limit'], 50, 50);
  const op = 'DescribeConfigRuleEvaluationStatus';
  const after = stringAfter(input['NextToken'], op, '');
  const page = pageAfter(sortedRuleNames(cfg), byName, after, limit);
  const out: Record<string, unknown> = {
    ConfigRulesEvaluationStatus: page.items.map(n => evaluationStatus(cfg.rules[n]!))
  };
  if (page.more) out['NextToken'] = encodeToken(op, '', page.items.at(-1));
  return out;
}

function describeComplianceByConfigRule(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const op = 'DescribeComplianceByConfigRule';
  const filter = complianceFilter(input['ComplianceTypes'], 'NOT_APPLICABLE', op);
  const summaries = new Map<string, RuleComplianceSummary>();
  const summary = (name: string): RuleComplianceSummary => {
    let s = summaries.get(name);
    if (!s) {
      s = ruleCompliance(cfg.rules[name]!);
      summaries.set(name, s);
    }
    return s;
  };
  const keep = (name: string): boolean => !filter || filter.has(summary(name).complianceType);
  const entry = (name: string) => ({ ConfigRuleName: name, Compliance: complianceOutput(summary(name)) });
  const requested = names(input['ConfigRuleNames']);
  if (requested.length > 0) {
    for (const n of requested) requireRule(cfg, n);
    return { ComplianceByConfigRules: requested.filter(keep).map(entry) };
  }
  const scope = filterScope(filter);
  const after = stringAfter(input['NextToken'], op, scope);
  const page = pageAfter(sortedRuleNames(cfg), byName, after, RULES_PAGE_SIZE, keep);
  const out: Record<string, unknown> = { ComplianceByConfigRules: page.items.map(entry) };
  if (page.more) out['NextToken'] = encodeToken(op, scope, page.items.at(-1));
  return out;
}

function getComplianceDetailsByConfigRule(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const op = 'GetComplianceDetailsByConfigRule';
  const name = input['ConfigRuleName'] as string;
  const rec = requireRule(cfg, name);
  const filter = complianceFilter(input['ComplianceTypes'], 'INSUFFICIENT_DATA', op);
  const limit = effectiveLimit(input['Limit'], 10, 100);
  const scope = `${name}|${filterScope(filter)}`;
  const after = resourceKeyAfter(input['NextToken'], op, scope);
  const page = pageAfter(rec.results, compareToResourceKey, after, limit, r => !filter || filter.has(r.complianceType));
  const out: Record<string, unknown> = { EvaluationResults: page.items.map(r => evaluationResult(name, r)) };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, scope, [last.resourceType, last.resourceId]);
  return out;
}

function getComplianceDetailsByResource(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const op = 'GetComplianceDetailsByResource';
  if (input['ResourceEvaluationId'] !== undefined) {
    throw invalid(`No proactive resource evaluation has the id ${JSON.stringify(input['ResourceEvaluationId'])}.`);
  }
  const type = input['ResourceType'];
  const id = input['ResourceId'];
  if (typeof type !== 'string' || typeof id !== 'string') {
    throw invalid('ResourceType and ResourceId are required (or a ResourceEvaluationId).');
  }
  const filter = complianceFilter(input['ComplianceTypes'], 'INSUFFICIENT_DATA', op);
  const scope = `${type}|${id}|${filterScope(filter)}`;
  const after = stringAfter(input['NextToken'], op, scope);
  const matches: { rule: string; result: StoredEvaluation }[] = [];
  for (const rule of sortedRuleNames(cfg)) {
    const result = findResult(cfg.rules[rule]!, type, id);
    if (result && (!filter || filter.has(result.complianceType))) matches.push({ rule, result });
  }
  const page = pageAfter(matches, (m, key: string) => byName(m.rule, key), after, RESOURCE_DETAILS_PAGE_SIZE);
  const out: Record<string, unknown> = {
    EvaluationResults: page.items.map(m => evaluationResult(m.rule, m.result))
  };
  if (page.more) out['NextToken'] = encodeToken(op, scope, page.items.at(-1)!.rule);
  return out;
}

/** The result of a rule for one resource (binary search over the sorted results). */
function findResult(rec: RuleRecord, resourceType: string, resourceId: string): StoredEvaluation | undefined {
  const key = { resourceType, resourceId };
  let lo = 0;
  let hi = rec.results.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareResourceKeys(rec.results[mid]!, key);
    if (c === 0) return rec.results[mid];
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}

interface ResourceCompliance {
  resourceType: string;
  resourceId: string;
  nonCompliantRules: number;
  compliantRules: number;
}

function describeComplianceByResource(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const op = 'DescribeComplianceByResource';
  const type = input['ResourceType'] as string | undefined;
  const id = input['ResourceId'] as string | undefined;
  if (id !== undefined && type === undefined) throw invalid('ResourceId requires ResourceType.');
  const filter = complianceFilter(input['ComplianceTypes'], 'NOT_APPLICABLE', op);
  const limit = effectiveLimit(input['Limit'], 10, 100);
  const byKey = new Map<string, ResourceCompliance>();
  for (const rec of Object.values(cfg.rules)) {
    for (const r of rec.results) {
      if ((type !== undefined && r.resourceType !== type) || (id !== undefined && r.resourceId !== id)) continue;
      const key = `${r.resourceType}\u0000${r.resourceId}`;
      let agg = byKey.get(key);
      if (!agg) {
        agg = { resourceType: r.resourceType, resourceId: r.resourceId, nonCompliantRules: 0, compliantRules: 0 };
        byKey.set(key, agg);
      }
      if (r.complianceType === 'NON_COMPLIANT') agg.nonCompliantRules++;
      else if (r.complianceType === 'COMPLIANT') agg.compliantRules++;
    }
  }
  if (id !== undefined && type !== undefined && byKey.size === 0) {
    byKey.set('', { resourceType: type, resourceId: id, nonCompliantRules: 0, compliantRules: 0 });
  }
  const summaryOf = (a: ResourceCompliance): RuleComplianceSummary =>
    a.nonCompliantRules > 0
      ? { complianceType: 'NON_COMPLIANT', nonCompliantCount: a.nonCompliantRules }
      : { complianceType: a.compliantRules > 0 ? 'COMPLIANT' : 'INSUFFICIENT_DATA', nonCompliantCount: 0 };
  const sorted = [...byKey.values()].sort(compareResourceKeys);
  const scope = `${type ?? ''}|${id ?? ''}|${filterScope(filter)}`;
  const after = resourceKeyAfter(input['NextToken'], op, scope);
  const page = pageAfter(
    sorted,
    compareToResourceKey,
    after,
    limit,
    a => !filter || filter.has(summaryOf(a).complianceType)
  );
  const out: Record<string, unknown> = {
    ComplianceByResources: page.items.map(a => ({
      ResourceType: a.resourceType,
      ResourceId: a.resourceId,
      Compliance: complianceOutput(summaryOf(a))
    }))
  };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, scope, [last.resourceType, last.resourceId]);
  return out;
}

/** config operations of the simulated account. */
export const configHandlers: ServiceHandlers = {
  PutConfigRule: putConfigRule,
  DescribeConfigRules: describeConfigRules,
  DeleteConfigRule: deleteConfigRule,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  StartConfigRulesEvaluation: startConfigRulesEvaluation,
  DescribeConfigRuleEvaluationStatus: describeConfigRuleEvaluationStatus,
  DescribeComplianceByConfigRule: describeComplianceByConfigRule,
  GetComplianceDetailsByConfigRule: getComplianceDetailsByConfigRule,
  GetComplianceDetailsByResource: getComplianceDetailsByResource,
  DescribeComplianceByResource: describeComplianceByResource
};
