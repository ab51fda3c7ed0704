/**
 * AWS Config operations of the simulated account. Requests arrive validated against the Smithy model; handlers
 * return plain objects with the model's member names (timestamps as Date) and throw AwsError with the error
 * codes the model declares for the operation.
 */
import { AwsError, type RequestContext, type ServiceHandlers } from '../../core/types.js';
import { contributorCount, ruleCompliance, type RuleComplianceSummary } from './engine.js';
import { checkRuleParameters, RuleParameterError } from './evaluators.js';
import { compareResourceKeys } from './items.js';
import { decodeToken, effectiveLimit, encodeToken, pageAfter } from './paging.js';
import { overallCompliance, sameRequest, startResourceEvaluation } from './proactive.js';
import {
  configurationProblem,
  executionStatusView,
  inProgress,
  liveExceptions,
  remediateRuleAutomatically,
  remediationConfigurationArn,
  remediationExceptions,
  remediationExecutions,
  resourceKeyOf,
  ruleHasRemediationInProgress,
  scheduleEvaluation,
  startRemediation,
  type ResourceKey
} from './remediation.js';
import { baseConfigurationItem, parseQuery, QueryError, recordedResources, selectRow } from './resource-config.js';
import {
  configState,
  deriveRuleId,
  ruleArn,
  type ConfigState,
  type RuleRecord,
  type RuleScope,
  type RuleSource,
  type StoredConfigRule,
  type StoredEvaluation,
  type StoredProactiveResult,
  type StoredRemediationConfiguration,
  type StoredRemediationException,
  type StoredResourceEvaluation
} from './state.js';

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
  scheduleEvaluation(ctx, name, false);
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
  delete cfg.remediationExceptions?.[name];
  delete cfg.remediationExecutions?.[name];
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
    scheduleEvaluation(ctx, rec.rule.ConfigRuleName, true);
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
  if (input['ResourceEvaluationId'] !== undefined) return proactiveComplianceDetails(input, cfg);
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

// ------------------------------------------------------------------------------------------------ remediation

/** Page sizes AWS uses when the caller gives no Limit. */
const EXECUTION_STATUS_PAGE_SIZE = 100;
const EXCEPTIONS_PAGE_SIZE = 25;
const PROACTIVE_DETAILS_PAGE_SIZE = 100;
const RESOURCE_EVALUATIONS_PAGE_SIZE = 10;
const SELECT_PAGE_SIZE = 100;

function remediationView(conf: StoredRemediationConfiguration): Record<string, unknown> {
  return { ...structuredClone(conf), Automatic: conf.Automatic ?? false };
}

function putRemediationConfigurations(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const items = (input['RemediationConfigurations'] as StoredRemediationConfiguration[] | undefined) ?? [];
  const failed: { FailureMessage: string; FailedItems: StoredRemediationConfiguration[] }[] = [];
  const newlyAutomatic: string[] = [];
  for (const item of items) {
    const problem = configurationProblem(ctx.state, cfg, item);
    if (problem !== undefined) {
      failed.push({ FailureMessage: problem, FailedItems: [structuredClone(item)] });
      continue;
    }
    const name = item.ConfigRuleName;
    const previous = Object.hasOwn(cfg.remediationConfigurations, name)
      ? cfg.remediationConfigurations[name]
      : undefined;
    const stored: StoredRemediationConfiguration = structuredClone(item);
    stored.Arn = previous?.Arn ?? remediationConfigurationArn(ctx.state, name);
    cfg.remediationConfigurations[name] = stored;
    if (stored.Automatic === true && previous?.Automatic !== true) newlyAutomatic.push(name);
  }
  // Turning on automatic remediation remediates the rule's NON_COMPLIANT resources as last evaluated.
  if (newlyAutomatic.length > 0) {
    ctx.sim.schedule(0, () => {
      for (const name of newlyAutomatic) remediateRuleAutomatically(ctx, name);
    });
  }
  return { FailedBatches: failed };
}

function describeRemediationConfigurations(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  return {
    RemediationConfigurations: names(input['ConfigRuleNames'])
      .filter(n => Object.hasOwn(cfg.remediationConfigurations, n))
      .map(n => remediationView(cfg.remediationConfigurations[n]!))
  };
}

function requireRemediationConfiguration(cfg: ConfigState, name: string): StoredRemediationConfiguration {
  const conf = Object.hasOwn(cfg.remediationConfigurations, name) ? cfg.remediationConfigurations[name] : undefined;
  if (!conf) {
    throw new AwsError(
      'NoSuchRemediationConfigurationException',
      `No remediation configuration exists for the Config rule '${name}'.`
    );
  }
  return conf;
}

function deleteRemediationConfiguration(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const name = input['ConfigRuleName'] as string;
  const conf = requireRemediationConfiguration(cfg, name);
  const type = input['ResourceType'] as string | undefined;
  if (type !== undefined && conf.ResourceType !== undefined && conf.ResourceType !== type) {
    throw new AwsError(
      'NoSuchRemediationConfigurationException',
      `The remediation configuration of the Config rule '${name}' is for ${conf.ResourceType}, not ${type}.`
    );
  }
  if (ruleHasRemediationInProgress(ctx.state, cfg, name)) {
    throw new AwsError(
      'RemediationInProgressException',
      `A remediation of the Config rule '${name}' is in progress; delete its configuration once it has finished.`
    );
  }
  delete cfg.remediationConfigurations[name];
  delete cfg.remediationExecutions?.[name];
  return {};
}

function resourceKeysOf(value: unknown): ResourceKey[] {
  const seen = new Set<string>();
  const out: ResourceKey[] = [];
  for (const k of (value as ResourceKey[] | undefined) ?? []) {
    const key = { resourceType: k.resourceType, resourceId: k.resourceId };
    if (seen.has(resourceKeyOf(key))) continue;
    seen.add(resourceKeyOf(key));
    out.push(key);
  }
  return out;
}

function startRemediationExecution(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const name = input['ConfigRuleName'] as string;
  const conf = requireRemediationConfiguration(cfg, name);
  const exceptions = liveExceptions(cfg, name, ctx.now());
  const executions = remediationExecutions(cfg, name);
  const failed: { key: ResourceKey; message: string }[] = [];
  for (const key of resourceKeysOf(input['ResourceKeys'])) {
    const k = resourceKeyOf(key);
    if (conf.ResourceType !== undefined && key.resourceType !== conf.ResourceType) {
      failed.push({ key, message: `the remediation configuration is for ${conf.ResourceType}` });
    } else if (Object.hasOwn(exceptions, k)) {
      failed.push({ key, message: 'the resource has a remediation exception' });
    } else if (inProgress(ctx.state, executions[k])) {
      failed.push({ key, message: 'a remediation of the resource is already in progress' });
    } else {
      try {
        startRemediation(ctx, conf, key, false);
      } catch (err) {
        if (!(err instanceof AwsError)) throw err;
        failed.push({ key, message: `${err.code}: ${err.message}` });
      }
    }
  }
  const out: Record<string, unknown> = { FailedItems: failed.map(f => f.key) };
  if (failed.length > 0) {
    out['FailureMessage'] = failed.map(f => `${f.key.resourceType} ${f.key.resourceId}: ${f.message}`).join('; ');
  }
  return out;
}

function describeRemediationExecutionStatus(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const name = input['ConfigRuleName'] as string;
  requireRemediationConfiguration(cfg, name);
  const op = 'DescribeRemediationExecutionStatus';
  const limit = effectiveLimit(input['Limit'], EXECUTION_STATUS_PAGE_SIZE, 100);
  const wanted =
    input['ResourceKeys'] === undefined ? undefined : new Set(resourceKeysOf(input['ResourceKeys']).map(resourceKeyOf));
  const all = Object.values(remediationExecutions(cfg, name))
    .filter(e => !wanted || wanted.has(resourceKeyOf(e)))
    .sort(compareResourceKeys);
  const scope = `${name}|${wanted ? [...wanted].sort().join(',') : ''}`;
  const after = resourceKeyAfter(input['NextToken'], op, scope);
  const page = pageAfter(all, compareToResourceKey, after, limit);
  const out: Record<string, unknown> = {
    RemediationExecutionStatuses: page.items.map(e => executionStatusView(ctx.state, e))
  };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, scope, [last.resourceType, last.resourceId]);
  return out;
}

interface ExceptionKeyInput {
  ResourceType?: string;
  ResourceId?: string;
}

function exceptionKeys(value: unknown): ExceptionKeyInput[] {
  return (value as ExceptionKeyInput[] | undefined) ?? [];
}

function exceptionView(e: StoredRemediationException): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ConfigRuleName: e.ConfigRuleName,
    ResourceType: e.ResourceType,
    ResourceId: e.ResourceId
  };
  if (e.Message !== undefined) out['Message'] = e.Message;
  if (e.ExpirationTime !== undefined) out['ExpirationTime'] = new Date(e.ExpirationTime);
  return out;
}

function putRemediationExceptions(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const name = input['ConfigRuleName'] as string;
  const message = input['Message'] as string | undefined;
  const expiration = input['ExpirationTime'] as Date | undefined;
  const byMessage = new Map<string, Record<string, unknown>[]>();
  const fail = (why: string, item: Record<string, unknown>): void => {
    const list = byMessage.get(why) ?? [];
    list.push(item);
    byMessage.set(why, list);
  };
  const rec = Object.hasOwn(cfg.rules, name) ? cfg.rules[name] : undefined;
  for (const k of exceptionKeys(input['ResourceKeys'])) {
    const item: Record<string, unknown> = {
      ConfigRuleName: name,
      ResourceType: k.ResourceType,
      ResourceId: k.ResourceId
    };
    if (message !== undefined) item['Message'] = message;
    if (expiration !== undefined) item['ExpirationTime'] = expiration;
    if (!rec) {
      fail(`The Config rule '${name}' does not exist in this account.`, item);
    } else if (k.ResourceType === undefined || k.ResourceId === undefined) {
      fail('Each resource key needs a ResourceType and a ResourceId.', item);
    } else if (expiration !== undefined && expiration.getTime() <= ctx.now().getTime()) {
      fail(`ExpirationTime ${expiration.toISOString()} is not in the future.`, item);
    } else {
      const result = rec.results.find(r => r.resourceType === k.ResourceType && r.resourceId === k.ResourceId);
      if (result && result.complianceType !== 'NON_COMPLIANT') {
        fail(
          `A remediation exception can only be placed on a NON_COMPLIANT resource; ${k.ResourceType} ${k.ResourceId} is ${result.complianceType}.`,
          item
        );
        continue;
      }
      const stored: StoredRemediationException = {
        ConfigRuleName: name,
        ResourceType: k.ResourceType,
        ResourceId: k.ResourceId
      };
      if (message !== undefined) stored.Message = message;
      if (expiration !== undefined) stored.ExpirationTime = expiration.toISOString();
      remediationExceptions(cfg, name)[resourceKeyOf({ resourceType: k.ResourceType, resourceId: k.ResourceId })] =
        stored;
    }
  }
  return { FailedBatches: [...byMessage].map(([FailureMessage, FailedItems]) => ({ FailureMessage, FailedItems })) };
}

function describeRemediationExceptions(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const name = input['ConfigRuleName'] as string;
  const op = 'DescribeRemediationExceptions';
  const limit = effectiveLimit(input['Limit'], EXCEPTIONS_PAGE_SIZE, 100);
  const keys = exceptionKeys(input['ResourceKeys']);
  const wanted =
    keys.length > 0
      ? new Set(keys.map(k => resourceKeyOf({ resourceType: k.ResourceType ?? '', resourceId: k.ResourceId ?? '' })))
      : undefined;
  const all = Object.values(liveExceptions(cfg, name, ctx.now()))
    .map(e => ({ resourceType: e.ResourceType, resourceId: e.ResourceId, e }))
    .filter(x => !wanted || wanted.has(resourceKeyOf(x)))
    .sort(compareResourceKeys);
  const scope = `${name}|${wanted ? [...wanted].sort().join(',') : ''}`;
  const after = resourceKeyAfter(input['NextToken'], op, scope);
  const page = pageAfter(all, compareToResourceKey, after, limit);
  const out: Record<string, unknown> = { RemediationExceptions: page.items.map(x => exceptionView(x.e)) };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, scope, [last.resourceType, last.resourceId]);
  return out;
}

function deleteRemediationExceptions(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const name = input['ConfigRuleName'] as string;
  const existing = liveExceptions(cfg, name, ctx.now());
  const keys = exceptionKeys(input['ResourceKeys']);
  const missing: ExceptionKeyInput[] = [];
  let deleted = 0;
  for (const k of keys) {
    const key = resourceKeyOf({ resourceType: k.ResourceType ?? '', resourceId: k.ResourceId ?? '' });
    if (k.ResourceType !== undefined && k.ResourceId !== undefined && Object.hasOwn(existing, key)) {
      delete existing[key];
      deleted++;
    } else {
      missing.push({ ...k });
    }
  }
  if (deleted === 0) {
    throw new AwsError(
      'NoSuchRemediationExceptionException',
      `The Config rule '${name}' has no remediation exception for the resource keys given.`
    );
  }
  return {
    FailedBatches:
      missing.length > 0
        ? [
            {
              FailureMessage: `No remediation exception exists for these resource keys of rule '${name}'.`,
              FailedItems: missing
            }
          ]
        : []
  };
}

// ------------------------------------------------------------------------------------------------ resource configuration

function batchGetResourceConfig(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const keys = resourceKeysOf(input['resourceKeys']);
  const byKey = new Map(recordedResources(ctx.state).map(r => [resourceKeyOf(r), r]));
  // Scenario option: at most this many keys are processed per call; the rest come back as unprocessed.
  const cap = ctx.sim.options['batchGetResourceConfigMaxKeys'];
  const max = typeof cap === 'number' && Number.isInteger(cap) && cap >= 0 ? cap : keys.length;
  const now = ctx.now();
  const items: Record<string, unknown>[] = [];
  for (const key of keys.slice(0, max)) {
    const r = byKey.get(resourceKeyOf(key));
    // Deleted or never recorded resources are simply absent, as in AWS.
    if (r) items.push(baseConfigurationItem(r, now));
  }
  return { baseConfigurationItems: items, unprocessedResourceKeys: keys.slice(max) };
}

function selectResourceConfig(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const expression = input['Expression'] as string;
  let query;
  try {
    query = parseQuery(expression);
  } catch (err) {
    if (err instanceof QueryError) throw new AwsError('InvalidExpressionException', err.message);
    throw err;
  }
  const limit = effectiveLimit(input['Limit'], SELECT_PAGE_SIZE, 100, 'InvalidLimitException');
  const op = 'SelectResourceConfig';
  const rows: { resourceType: string; resourceId: string; row: Record<string, unknown> }[] = [];
  for (const r of recordedResources(ctx.state)) {
    const row = selectRow(query, r);
    if (row) rows.push({ resourceType: r.resourceType, resourceId: r.resourceId, row });
  }
  const after = resourceKeyAfter(input['NextToken'], op, expression);
  const page = pageAfter(rows, compareToResourceKey, after, limit);
  const out: Record<string, unknown> = {
    Results: page.items.map(x => JSON.stringify(x.row)),
    QueryInfo: { SelectFields: query.fields.map(f => ({ Name: f })) }
  };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, expression, [last.resourceType, last.resourceId]);
  return out;
}

// ------------------------------------------------------------------------------------------------ proactive evaluation

interface ResourceDetailsInput {
  ResourceId: string;
  ResourceType: string;
  ResourceConfiguration: string;
  ResourceConfigurationSchemaType?: string;
}

function startResourceEvaluationHandler(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  if (input['EvaluationMode'] !== 'PROACTIVE') {
    throw invalid(
      `StartResourceEvaluation supports only the PROACTIVE evaluation mode, got ${String(input['EvaluationMode'])}.`
    );
  }
  const d = input['ResourceDetails'] as ResourceDetailsInput;
  try {
    JSON.parse(d.ResourceConfiguration);
  } catch {
    throw invalid('ResourceDetails.ResourceConfiguration must be the resource properties as a JSON string.');
  }
  const details: StoredResourceEvaluation['resourceDetails'] = {
    ResourceId: d.ResourceId,
    ResourceType: d.ResourceType,
    ResourceConfiguration: d.ResourceConfiguration
  };
  if (d.ResourceConfigurationSchemaType !== undefined) {
    details.ResourceConfigurationSchemaType = d.ResourceConfigurationSchemaType;
  }
  const context = (input['EvaluationContext'] as { EvaluationContextIdentifier?: string } | undefined)
    ?.EvaluationContextIdentifier;
  const request = {
    resourceDetails: details,
    evaluationTimeoutSeconds: (input['EvaluationTimeout'] as number | undefined) ?? 0,
    ...(context !== undefined ? { evaluationContextIdentifier: context } : {}),
    ...(typeof input['ClientToken'] === 'string' ? { clientToken: input['ClientToken'] } : {})
  };
  if (request.clientToken !== undefined) {
    const previous = Object.values(cfg.resourceEvaluations ?? {}).find(e => e.clientToken === request.clientToken);
    if (previous) {
      if (!sameRequest(previous, request)) {
        throw new AwsError(
          'IdempotentParameterMismatch',
          'The ClientToken was already used for a StartResourceEvaluation request with other parameters.'
        );
      }
      return { ResourceEvaluationId: previous.resourceEvaluationId };
    }
  }
  return { ResourceEvaluationId: startResourceEvaluation(ctx, request) };
}

function requireResourceEvaluation(cfg: ConfigState, id: unknown, code: string): StoredResourceEvaluation {
  const all = cfg.resourceEvaluations ?? {};
  const e = typeof id === 'string' && Object.hasOwn(all, id) ? all[id] : undefined;
  if (!e) throw new AwsError(code, `No resource evaluation has the ResourceEvaluationId ${JSON.stringify(id)}.`);
  return e;
}

function getResourceEvaluationSummary(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const e = requireResourceEvaluation(cfgOf(ctx), input['ResourceEvaluationId'], 'ResourceNotFoundException');
  const status: Record<string, unknown> = { Status: e.status };
  if (e.failureReason !== undefined) status['FailureReason'] = e.failureReason;
  const out: Record<string, unknown> = {
    ResourceEvaluationId: e.resourceEvaluationId,
    EvaluationMode: e.evaluationMode,
    EvaluationStatus: status,
    EvaluationStartTimestamp: new Date(e.startTime),
    ResourceDetails: { ...e.resourceDetails }
  };
  if (e.status === 'SUCCEEDED') out['Compliance'] = overallCompliance(e.results);
  if (e.evaluationContextIdentifier !== undefined) {
    out['EvaluationContext'] = { EvaluationContextIdentifier: e.evaluationContextIdentifier };
  }
  return out;
}

/** Newest first, then by id. */
function compareEvaluations(a: { startTime: string; id: string }, b: [string, string]): number {
  if (a.startTime !== b[0]) return a.startTime > b[0] ? -1 : 1;
  return a.id === b[1] ? 0 : a.id < b[1] ? -1 : 1;
}

function listResourceEvaluations(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const op = 'ListResourceEvaluations';
  const filters =
    (input['Filters'] as
      | {
          EvaluationMode?: string;
          TimeWindow?: { StartTime?: Date; EndTime?: Date };
          EvaluationContextIdentifier?: string;
        }
      | undefined) ?? {};
  if (filters.EvaluationMode !== undefined && filters.EvaluationMode !== 'PROACTIVE') {
    throw invalid('ListResourceEvaluations filters only on the PROACTIVE evaluation mode.');
  }
  const start = filters.TimeWindow?.StartTime?.getTime();
  const end = filters.TimeWindow?.EndTime?.getTime();
  if (start !== undefined && end !== undefined && start > end) {
    throw new AwsError('InvalidTimeRangeException', 'TimeWindow.StartTime must not be after TimeWindow.EndTime.');
  }
  const limit = effectiveLimit(input['Limit'], RESOURCE_EVALUATIONS_PAGE_SIZE, 100);
  const keep = (e: StoredResourceEvaluation): boolean => {
    const t = Date.parse(e.startTime);
    return (
      (start === undefined || t >= start) &&
      (end === undefined || t <= end) &&
      (filters.EvaluationContextIdentifier === undefined ||
        e.evaluationContextIdentifier === filters.EvaluationContextIdentifier)
    );
  };
  const sorted = Object.values(cfg.resourceEvaluations ?? {})
    .filter(keep)
    .map(e => ({ startTime: e.startTime, id: e.resourceEvaluationId, e }))
    .sort((a, b) => compareEvaluations(a, [b.startTime, b.id]));
  const scope = JSON.stringify([
    filters.EvaluationMode ?? '',
    start ?? '',
    end ?? '',
    filters.EvaluationContextIdentifier ?? ''
  ]);
  let after: [string, string] | undefined;
  if (typeof input['NextToken'] === 'string') {
    const raw = decodeToken(input['NextToken'], op, scope);
    if (!Array.isArray(raw) || raw.length !== 2 || !raw.every(v => typeof v === 'string')) {
      throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
    }
    after = [raw[0] as string, raw[1] as string];
  }
  const page = pageAfter(sorted, compareEvaluations, after, limit);
  const out: Record<string, unknown> = {
    ResourceEvaluations: page.items.map(x => ({
      ResourceEvaluationId: x.id,
      EvaluationMode: x.e.evaluationMode,
      EvaluationStartTimestamp: new Date(x.startTime)
    }))
  };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, scope, [last.startTime, last.id]);
  return out;
}

function proactiveResult(e: StoredResourceEvaluation, r: StoredProactiveResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    EvaluationResultIdentifier: {
      EvaluationResultQualifier: {
        ConfigRuleName: r.configRuleName,
        ResourceType: e.resourceDetails.ResourceType,
        ResourceId: e.resourceDetails.ResourceId,
        EvaluationMode: 'PROACTIVE'
      },
      OrderingTimestamp: new Date(r.configRuleInvokedTime),
      ResourceEvaluationId: e.resourceEvaluationId
    },
    ComplianceType: r.complianceType,
    ResultRecordedTime: new Date(r.resultRecordedTime),
    ConfigRuleInvokedTime: new Date(r.configRuleInvokedTime)
  };
  if (r.annotation !== undefined) out['Annotation'] = r.annotation;
  return out;
}

/** GetComplianceDetailsByResource for a proactive evaluation: its results per rule (none while in progress). */
function proactiveComplianceDetails(input: Record<string, unknown>, cfg: ConfigState): unknown {
  const op = 'GetComplianceDetailsByResource';
  if (input['ResourceType'] !== undefined || input['ResourceId'] !== undefined) {
    throw invalid('Give either a ResourceEvaluationId or a ResourceType and ResourceId, not both.');
  }
  const e = requireResourceEvaluation(cfg, input['ResourceEvaluationId'], 'InvalidParameterValueException');
  const filter = complianceFilter(input['ComplianceTypes'], 'INSUFFICIENT_DATA', op);
  const scope = `${e.resourceEvaluationId}|${filterScope(filter)}`;
  const after = stringAfter(input['NextToken'], op, scope);
  const results = e.results.filter(r => !filter || filter.has(r.complianceType));
  const page = pageAfter(
    results,
    (r, key: string) => byName(r.configRuleName, key),
    after,
    PROACTIVE_DETAILS_PAGE_SIZE
  );
  const out: Record<string, unknown> = { EvaluationResults: page.items.map(r => proactiveResult(e, r)) };
  if (page.more) out['NextToken'] = encodeToken(op, scope, page.items.at(-1)!.configRuleName);
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
  DescribeComplianceByResource: describeComplianceByResource,
  PutRemediationConfigurations: putRemediationConfigurations,
  DescribeRemediationConfigurations: describeRemediationConfigurations,
  DeleteRemediationConfiguration: deleteRemediationConfiguration,
  StartRemediationExecution: startRemediationExecution,
  DescribeRemediationExecutionStatus: describeRemediationExecutionStatus,
  PutRemediationExceptions: putRemediationExceptions,
  DescribeRemediationExceptions: describeRemediationExceptions,
  DeleteRemediationExceptions: deleteRemediationExceptions,
  BatchGetResourceConfig: batchGetResourceConfig,
  SelectResourceConfig: selectResourceConfig,
  StartResourceEvaluation: startResourceEvaluationHandler,
  GetResourceEvaluationSummary: getResourceEvaluationSummary,
  ListResourceEvaluations: listResourceEvaluations
};
