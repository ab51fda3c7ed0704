/**
 * AWS Config aggregators: PutConfigurationAggregator, DescribeConfigurationAggregators,
 * DescribeConfigurationAggregatorSourcesStatus, DescribeAggregateComplianceByConfigRules,
 * GetAggregateComplianceDetailsByConfigRule and GetAggregateConfigRuleComplianceSummary.
 *
 * An aggregator lives in the account and region that created it (`state.config.aggregators`). Its sources are
 * (account, region) pairs: the accounts it names, or every ACTIVE account of the organization, in the regions it
 * names or in every region of the world. Aggregated data is each source's own Config state, read through the same
 * engine as the account's own compliance queries; a source the scenario marks failing (world.aggregatorSourceFailures)
 * reports LastUpdateStatus FAILED with its error and contributes no data (the simulator never collected it).
 */
import { createHash } from 'node:crypto';
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../core/types.js';
import { worldOf, worldKey, type World } from '../../core/world.js';
import { contributorCount, ruleCompliance, type RuleComplianceSummary } from './engine.js';
import { effectiveLimit, encodeToken, decodeToken } from './paging.js';
import { configState, type StoredEvaluation } from './state.js';
import { invalid } from './handlers/common.js';

/** "You can create up to 50 aggregators per account per region" (AWS Config service limits, default quota). */
const MAX_AGGREGATORS = 50;

interface StoredAggregator {
  ConfigurationAggregatorName: string;
  ConfigurationAggregatorArn: string;
  AccountAggregationSources?: { AccountIds: string[]; AllAwsRegions?: boolean; AwsRegions?: string[] }[];
  OrganizationAggregationSource?: { RoleArn: string; AwsRegions?: string[]; AllAwsRegions?: boolean };
  /** ISO 8601. */
  CreationTime: string;
  /** ISO 8601. */
  LastUpdatedTime: string;
  tags: Record<string, string>;
}

export interface AggregatorSource {
  accountId: string;
  region: string;
  sourceType: 'ACCOUNT' | 'ORGANIZATION';
  status: 'SUCCEEDED' | 'FAILED' | 'OUTDATED';
  errorCode?: string;
  errorMessage?: string;
}

function aggregatorsOf(ctx: RequestContext): Record<string, StoredAggregator> {
  configState(ctx.state, ctx.now());
  const raw = ctx.state.config as { aggregators?: Record<string, StoredAggregator> };
  return (raw.aggregators ??= {});
}

function noSuchAggregator(name: string): AwsError {
  return new AwsError(
    'NoSuchConfigurationAggregatorException',
    `The configuration aggregator '${name}' does not exist in this account and region.`
  );
}

function requireAggregator(ctx: RequestContext, name: string): StoredAggregator {
  const all = aggregatorsOf(ctx);
  const agg = Object.hasOwn(all, name) ? all[name] : undefined;
  if (!agg) throw noSuchAggregator(name);
  return agg;
}

function regionsOf(src: { AllAwsRegions?: boolean; AwsRegions?: string[] }, world: World): string[] {
  return src.AllAwsRegions ? world.regions() : [...new Set(src.AwsRegions ?? [])].sort();
}

/** The aggregator's sources with their status, sorted by account then region. */
export function aggregatorSources(world: World, agg: StoredAggregator): AggregatorSource[] {
  const pairs: { accountId: string; region: string; sourceType: 'ACCOUNT' | 'ORGANIZATION' }[] = [];
  for (const s of agg.AccountAggregationSources ?? []) {
    for (const accountId of s.AccountIds) {
      for (const region of regionsOf(s, world)) pairs.push({ accountId, region, sourceType: 'ACCOUNT' });
    }
  }
  const org = agg.OrganizationAggregationSource;
  if (org) {
    for (const a of world.organization?.accounts ?? []) {
      if (a.status !== 'ACTIVE') continue;
      for (const region of regionsOf(org, world)) pairs.push({ accountId: a.id, region, sourceType: 'ORGANIZATION' });
    }
  }
  const seen = new Set<string>();
  const out: AggregatorSource[] = [];
  for (const p of pairs) {
    const key = worldKey(p.accountId, p.region);
    if (seen.has(key)) continue;
    seen.add(key);
    const failure = world.aggregatorSourceFailures[key];
    if (failure) {
      const s: AggregatorSource = { ...p, status: failure.status ?? 'FAILED' };
      if (failure.errorCode !== undefined) s.errorCode = failure.errorCode;
      if (failure.errorMessage !== undefined) s.errorMessage = failure.errorMessage;
      out.push(s);
    } else if (!world.hasAccount(p.accountId)) {
      out.push({
        ...p,
        status: 'FAILED',
        errorCode: 'AccountNotFound',
        errorMessage: `Account ${p.accountId} does not exist in the simulated world.`
      });
    } else {
      out.push({ ...p, status: 'SUCCEEDED' });
    }
  }
  return out.sort((a, b) =>
    a.accountId === b.accountId ? a.region.localeCompare(b.region) : a.accountId.localeCompare(b.accountId)
  );
}

function describeAggregator(agg: StoredAggregator): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ConfigurationAggregatorName: agg.ConfigurationAggregatorName,
    ConfigurationAggregatorArn: agg.ConfigurationAggregatorArn,
    CreationTime: new Date(agg.CreationTime),
    LastUpdatedTime: new Date(agg.LastUpdatedTime)
  };
  if (agg.AccountAggregationSources) out['AccountAggregationSources'] = structuredClone(agg.AccountAggregationSources);
  if (agg.OrganizationAggregationSource) {
    out['OrganizationAggregationSource'] = structuredClone(agg.OrganizationAggregationSource);
  }
  return out;
}

function checkRegions(
  src: { AllAwsRegions?: boolean | undefined; AwsRegions?: string[] | undefined },
  what: string
): void {
  // AccountAggregationSource / OrganizationAggregationSource: AllAwsRegions "If true, aggregate existing Config
  // regions and future regions"; AwsRegions "The source regions being aggregated". One of the two, not both.
  if (src.AllAwsRegions === true && (src.AwsRegions?.length ?? 0) > 0) {
    throw invalid(`${what}: specify either AllAwsRegions or AwsRegions, not both.`);
  }
  if (src.AllAwsRegions !== true && (src.AwsRegions?.length ?? 0) === 0) {
    throw invalid(`${what}: specify AwsRegions or set AllAwsRegions to true.`);
  }
}

export function putConfigurationAggregator(
  input: Cfg.PutConfigurationAggregatorCommandInput,
  ctx: RequestContext
): unknown {
  const name = input.ConfigurationAggregatorName as string;
  const accountSources = input.AccountAggregationSources ?? [];
  const orgSource = input.OrganizationAggregationSource;
  if (accountSources.length > 0 === (orgSource !== undefined)) {
    throw invalid('Specify either AccountAggregationSources or OrganizationAggregationSource, not both or neither.');
  }
  for (const s of accountSources) checkRegions(s, 'AccountAggregationSource');
  const world = worldOf(ctx);
  if (orgSource) {
    checkRegions(orgSource, 'OrganizationAggregationSource');
    const org = world.organization;
    // NoAvailableOrganizationException: "Organization is no longer available."; OrganizationAccessDeniedException:
    // "For PutConfigurationAggregator API, you are not authorized to perform the operation ... you must be a
    // management account or a registered delegated administrator"; OrganizationAllFeaturesNotEnabledException:
    // "Config resource cannot be created because your organization does not have all features enabled."
    // (AWS Config API Reference, PutConfigurationAggregator, Errors.)
    if (!org || !world.orgAccount(ctx.state.accountId)) {
      throw new AwsError('NoAvailableOrganizationException', 'Organization is no longer available.');
    }
    if (org.managementAccountId !== ctx.state.accountId) {
      throw new AwsError(
        'OrganizationAccessDeniedException',
        'You are not authorized to perform this operation: the caller must be the management account or a registered delegated administrator of the organization.'
      );
    }
    if (org.featureSet !== 'ALL') {
      throw new AwsError(
        'OrganizationAllFeaturesNotEnabledException',
        'Config resource cannot be created because your organization does not have all features enabled.'
      );
    }
    // InvalidRoleException: "You have provided a null or empty Amazon Resource Name (ARN) for the IAM role assumed
    // by Config and used by the configuration recorder" (the role must exist in the caller's account).
    const roles = world.roles(ctx.state.accountId) ?? {};
    if (!Object.values(roles).some(r => r.arn === orgSource.RoleArn)) {
      throw new AwsError('InvalidRoleException', `The role ${orgSource.RoleArn} does not exist in this account.`);
    }
  }
  const all = aggregatorsOf(ctx);
  const existing = Object.hasOwn(all, name) ? all[name] : undefined;
  if (!existing && Object.keys(all).length >= MAX_AGGREGATORS) {
    throw new AwsError(
      'LimitExceededException',
      `You have reached the limit of ${MAX_AGGREGATORS} configuration aggregators for this account and region.`
    );
  }
  const now = ctx.now().toISOString();
  const id = createHash('sha256').update(`${ctx.state.accountId}:${ctx.state.region}:${name}`).digest('hex');
  const agg: StoredAggregator = {
    ConfigurationAggregatorName: name,
    ConfigurationAggregatorArn:
      existing?.ConfigurationAggregatorArn ??
      `arn:aws:config:${ctx.state.region}:${ctx.state.accountId}:config-aggregator/config-aggregator-${id.slice(0, 8)}`,
    CreationTime: existing?.CreationTime ?? now,
    LastUpdatedTime: now,
    tags: existing?.tags ?? Object.fromEntries((input.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']))
  };
  if (accountSources.length > 0) agg.AccountAggregationSources = structuredClone(accountSources) as never;
  if (orgSource) agg.OrganizationAggregationSource = structuredClone(orgSource) as never;
  all[name] = agg;
  return { ConfigurationAggregator: describeAggregator(agg) };
}

export function describeConfigurationAggregators(
  input: Cfg.DescribeConfigurationAggregatorsCommandInput,
  ctx: RequestContext
): unknown {
  const all = aggregatorsOf(ctx);
  const requested = input.ConfigurationAggregatorNames ?? [];
  if (requested.length > 0) {
    return { ConfigurationAggregators: requested.map(n => describeAggregator(requireAggregator(ctx, n))) };
  }
  const limit = effectiveLimit(input.Limit, 100, 100, 'InvalidLimitException');
  const names = Object.keys(all).sort();
  const op = 'DescribeConfigurationAggregators';
  const after = input.NextToken === undefined ? undefined : (decodeToken(input.NextToken, op, '') as string);
  const rest = after === undefined ? names : names.filter(n => n > after);
  const page = rest.slice(0, limit);
  const out: Record<string, unknown> = { ConfigurationAggregators: page.map(n => describeAggregator(all[n]!)) };
  if (rest.length > limit) out['NextToken'] = encodeToken(op, '', page.at(-1));
  return out;
}

/** Resumes a list sorted by string tuple keys after the token's key. */
function pageByKey<T>(
  items: T[],
  keyOf: (t: T) => string[],
  token: string | undefined,
  op: string,
  scope: string,
  limit: number
): { page: T[]; next?: string } {
  let start = 0;
  if (token !== undefined) {
    const after = decodeToken(token, op, scope);
    if (!Array.isArray(after)) throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
    const a = JSON.stringify(after);
    start = items.findIndex(t => JSON.stringify(keyOf(t)) > a);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + limit);
  const out: { page: T[]; next?: string } = { page };
  if (start + limit < items.length) out.next = encodeToken(op, scope, keyOf(page.at(-1)!));
  return out;
}

export function describeConfigurationAggregatorSourcesStatus(
  input: Cfg.DescribeConfigurationAggregatorSourcesStatusCommandInput,
  ctx: RequestContext
): unknown {
  const agg = requireAggregator(ctx, input.ConfigurationAggregatorName as string);
  const wanted = new Set(input.UpdateStatus ?? []);
  // Limit: "The maximum number of AggregatorSourceStatus returned on each page. The default is maximum." (100)
  const limit = effectiveLimit(input.Limit, 100, 100, 'InvalidLimitException');
  const sources = aggregatorSources(worldOf(ctx), agg).filter(s => wanted.size === 0 || wanted.has(s.status));
  const op = 'DescribeConfigurationAggregatorSourcesStatus';
  const scope = `${agg.ConfigurationAggregatorName}|${[...wanted].sort().join(',')}`;
  const { page, next } = pageByKey(sources, s => [s.accountId, s.region], input.NextToken, op, scope, limit);
  const now = ctx.now();
  const out: Record<string, unknown> = {
    AggregatedSourceStatusList: page.map(s => {
      const e: Record<string, unknown> = {
        SourceId: s.accountId,
        SourceType: s.sourceType,
        AwsRegion: s.region,
        LastUpdateStatus: s.status,
        LastUpdateTime: now
      };
      if (s.errorCode !== undefined) e['LastErrorCode'] = s.errorCode;
      if (s.errorMessage !== undefined) e['LastErrorMessage'] = s.errorMessage;
      return e;
    })
  };
  if (next !== undefined) out['NextToken'] = next;
  return out;
}

interface AggregatedRule {
  accountId: string;
  region: string;
  ruleName: string;
  summary: RuleComplianceSummary;
  results: StoredEvaluation[];
}

/** The rules of every source with data (not FAILED), sorted by account, region, rule name. */
function aggregatedRules(ctx: RequestContext, agg: StoredAggregator, only?: { account?: string; region?: string }) {
  const world = worldOf(ctx);
  const out: AggregatedRule[] = [];
  for (const s of aggregatorSources(world, agg)) {
    if (s.status === 'FAILED') continue;
    if (only?.account !== undefined && s.accountId !== only.account) continue;
    if (only?.region !== undefined && s.region !== only.region) continue;
    const state = world.get(s.accountId, s.region);
    if (!state) continue;
    const cfg = configState(state, ctx.now());
    for (const ruleName of Object.keys(cfg.rules).sort()) {
      const rec = cfg.rules[ruleName]!;
      out.push({
        accountId: s.accountId,
        region: s.region,
        ruleName,
        summary: ruleCompliance(rec),
        results: rec.results
      });
    }
  }
  return out;
}

function complianceOf(summary: RuleComplianceSummary): Record<string, unknown> {
  const out: Record<string, unknown> = { ComplianceType: summary.complianceType };
  if (summary.complianceType === 'NON_COMPLIANT') {
    out['ComplianceContributorCount'] = contributorCount(summary.nonCompliantCount);
  }
  return out;
}

function refuseComplianceType(value: string | undefined, allowed: string[], field: string): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new AwsError('ValidationException', `${field} must be one of ${allowed.join(', ')}; got ${value}.`);
  }
}

export function describeAggregateComplianceByConfigRules(
  input: Cfg.DescribeAggregateComplianceByConfigRulesCommandInput,
  ctx: RequestContext
): unknown {
  const agg = requireAggregator(ctx, input.ConfigurationAggregatorName as string);
  const f = input.Filters ?? {};
  // ConfigRuleComplianceFilters.ComplianceType: "The allowed values are COMPLIANT and NON_COMPLIANT."
  // https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRuleComplianceFilters.html
  refuseComplianceType(f.ComplianceType, ['COMPLIANT', 'NON_COMPLIANT'], 'Filters.ComplianceType');
  // Limit: "The maximum number of evaluation results returned on each page. The default is maximum." (1000)
  const limit = effectiveLimit(input.Limit, 1000, 1000, 'InvalidLimitException');
  const only: { account?: string; region?: string } = {};
  if (f.AccountId !== undefined) only.account = f.AccountId;
  if (f.AwsRegion !== undefined) only.region = f.AwsRegion;
  const rules = aggregatedRules(ctx, agg, only).filter(
    r =>
      (f.ConfigRuleName === undefined || r.ruleName === f.ConfigRuleName) &&
      (f.ComplianceType === undefined || r.summary.complianceType === f.ComplianceType)
  );
  const op = 'DescribeAggregateComplianceByConfigRules';
  const scope = JSON.stringify([
    agg.ConfigurationAggregatorName,
    f.ConfigRuleName,
    f.ComplianceType,
    f.AccountId,
    f.AwsRegion
  ]);
  const { page, next } = pageByKey(rules, r => [r.accountId, r.region, r.ruleName], input.NextToken, op, scope, limit);
  const out: Record<string, unknown> = {
    AggregateComplianceByConfigRules: page.map(r => ({
      ConfigRuleName: r.ruleName,
      Compliance: complianceOf(r.summary),
      AccountId: r.accountId,
      AwsRegion: r.region
    }))
  };
  if (next !== undefined) out['NextToken'] = next;
  return out;
}

export function getAggregateComplianceDetailsByConfigRule(
  input: Cfg.GetAggregateComplianceDetailsByConfigRuleCommandInput,
  ctx: RequestContext
): unknown {
  const agg = requireAggregator(ctx, input.ConfigurationAggregatorName as string);
  // ComplianceType: "The allowed values are COMPLIANT, NON_COMPLIANT, and NOT_APPLICABLE."
  // https://docs.aws.amazon.com/config/latest/APIReference/API_GetAggregateComplianceDetailsByConfigRule.html
  refuseComplianceType(input.ComplianceType, ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'], 'ComplianceType');
  // Limit: "The default is 50. You cannot specify a number greater than 100."
  const limit = effectiveLimit(input.Limit, 50, 100, 'InvalidLimitException');
  const account = input.AccountId as string;
  const region = input.AwsRegion as string;
  const rule = aggregatedRules(ctx, agg, { account, region }).find(r => r.ruleName === input.ConfigRuleName);
  const results = (rule?.results ?? []).filter(
    r => input.ComplianceType === undefined || r.complianceType === input.ComplianceType
  );
  const op = 'GetAggregateComplianceDetailsByConfigRule';
  const scope = JSON.stringify([
    agg.ConfigurationAggregatorName,
    input.ConfigRuleName,
    account,
    region,
    input.ComplianceType
  ]);
  const { page, next } = pageByKey(results, r => [r.resourceType, r.resourceId], input.NextToken, op, scope, limit);
  const out: Record<string, unknown> = {
    AggregateEvaluationResults: page.map(r => {
      const e: Record<string, unknown> = {
        EvaluationResultIdentifier: {
          EvaluationResultQualifier: {
            ConfigRuleName: input.ConfigRuleName,
            ResourceType: r.resourceType,
            ResourceId: r.resourceId,
            EvaluationMode: 'DETECTIVE'
          },
          OrderingTimestamp: new Date(r.configRuleInvokedTime)
        },
        ComplianceType: r.complianceType,
        ResultRecordedTime: new Date(r.resultRecordedTime),
        ConfigRuleInvokedTime: new Date(r.configRuleInvokedTime),
        AccountId: account,
        AwsRegion: region
      };
      if (r.annotation !== undefined) e['Annotation'] = r.annotation;
      return e;
    })
  };
  if (next !== undefined) out['NextToken'] = next;
  return out;
}

export function getAggregateConfigRuleComplianceSummary(
  input: Cfg.GetAggregateConfigRuleComplianceSummaryCommandInput,
  ctx: RequestContext
): unknown {
  const agg = requireAggregator(ctx, input.ConfigurationAggregatorName as string);
  const limit = effectiveLimit(input.Limit, 1000, 1000, 'InvalidLimitException');
  const only: { account?: string; region?: string } = {};
  if (input.Filters?.AccountId !== undefined) only.account = input.Filters.AccountId;
  if (input.Filters?.AwsRegion !== undefined) only.region = input.Filters.AwsRegion;
  const groups = new Map<string, { compliant: number; nonCompliant: number }>();
  // "Returns the number of compliant and noncompliant rules for one or more accounts and regions in an aggregator."
  for (const r of aggregatedRules(ctx, agg, only)) {
    const key = input.GroupByKey === 'ACCOUNT_ID' ? r.accountId : input.GroupByKey === 'AWS_REGION' ? r.region : '';
    const g = groups.get(key) ?? { compliant: 0, nonCompliant: 0 };
    if (r.summary.complianceType === 'COMPLIANT') g.compliant++;
    if (r.summary.complianceType === 'NON_COMPLIANT') g.nonCompliant++;
    groups.set(key, g);
  }
  const now = ctx.now();
  const entries = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  const op = 'GetAggregateConfigRuleComplianceSummary';
  const scope = JSON.stringify([agg.ConfigurationAggregatorName, input.GroupByKey, only]);
  const { page, next } = pageByKey(entries, ([k]) => [k], input.NextToken, op, scope, limit);
  const out: Record<string, unknown> = {
    AggregateComplianceCounts: page.map(([k, g]) => {
      const e: Record<string, unknown> = {
        ComplianceSummary: {
          CompliantResourceCount: contributorCount(g.compliant),
          NonCompliantResourceCount: contributorCount(g.nonCompliant),
          ComplianceSummaryTimestamp: now
        }
      };
      if (k !== '') e['GroupName'] = k;
      return e;
    })
  };
  if (input.GroupByKey !== undefined) out['GroupByKey'] = input.GroupByKey;
  if (next !== undefined) out['NextToken'] = next;
  return out;
}
