/**
 * AWS Config evaluations and compliance: StartConfigRulesEvaluation, DescribeConfigRuleEvaluationStatus and the
 * compliance queries (by rule, by resource, details).
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../../core/types.js';
import { contributorCount, ruleCompliance, type RuleComplianceSummary } from '../engine.js';
import { compareResourceKeys } from '../items.js';
import { effectiveLimit, encodeToken, pageAfter } from '../paging.js';
import { scheduleEvaluation } from '../remediation.js';
import { type RuleRecord, type StoredEvaluation } from '../state.js';
import {
  RULES_PAGE_SIZE,
  cfgOf,
  invalid,
  requireRule,
  names,
  sortedRuleNames,
  byName,
  stringAfter,
  resourceKeyAfter,
  compareToResourceKey,
  complianceFilter,
  filterScope
} from './common.js';
import { proactiveComplianceDetails } from './proactive.js';
import { failureStatus } from '../evaluation-failures.js';

/** StartConfigRulesEvaluation may run a rule at most once per this many ms of simulator time. */
const START_EVALUATION_INTERVAL_MS = 60_000;

/** Page size AWS uses where the caller cannot choose one. */
const RESOURCE_DETAILS_PAGE_SIZE = 100;

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
  return { ...out, ...failureStatus(rec) };
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

export function startConfigRulesEvaluation(
  input: Cfg.StartConfigRulesEvaluationCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const requested = names(input.ConfigRuleNames);
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

export function describeConfigRuleEvaluationStatus(
  input: Cfg.DescribeConfigRuleEvaluationStatusCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const requested = names(input.ConfigRuleNames);
  if (requested.length > 0) {
    return { ConfigRulesEvaluationStatus: requested.map(n => evaluationStatus(requireRule(cfg, n))) };
  }
  const limit = effectiveLimit(input.Limit, 50, 50);
  const op = 'DescribeConfigRuleEvaluationStatus';
  const after = stringAfter(input.NextToken, op, '');
  const page = pageAfter(sortedRuleNames(cfg), byName, after, limit);
  const out: Record<string, unknown> = {
    ConfigRulesEvaluationStatus: page.items.map(n => evaluationStatus(cfg.rules[n]!))
  };
  if (page.more) out['NextToken'] = encodeToken(op, '', page.items.at(-1));
  return out;
}

export function describeComplianceByConfigRule(
  input: Cfg.DescribeComplianceByConfigRuleCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const op = 'DescribeComplianceByConfigRule';
  const filter = complianceFilter(input.ComplianceTypes, 'NOT_APPLICABLE', op);
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
  const requested = names(input.ConfigRuleNames);
  if (requested.length > 0) {
    for (const n of requested) requireRule(cfg, n);
    return { ComplianceByConfigRules: requested.filter(keep).map(entry) };
  }
  const scope = filterScope(filter);
  const after = stringAfter(input.NextToken, op, scope);
  const page = pageAfter(sortedRuleNames(cfg), byName, after, RULES_PAGE_SIZE, keep);
  const out: Record<string, unknown> = { ComplianceByConfigRules: page.items.map(entry) };
  if (page.more) out['NextToken'] = encodeToken(op, scope, page.items.at(-1));
  return out;
}

export function getComplianceDetailsByConfigRule(
  input: Cfg.GetComplianceDetailsByConfigRuleCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const op = 'GetComplianceDetailsByConfigRule';
  const name = input.ConfigRuleName as string;
  const rec = requireRule(cfg, name);
  const filter = complianceFilter(input.ComplianceTypes, 'INSUFFICIENT_DATA', op);
  const limit = effectiveLimit(input.Limit, 10, 100);
  const scope = `${name}|${filterScope(filter)}`;
  const after = resourceKeyAfter(input.NextToken, op, scope);
  const page = pageAfter(rec.results, compareToResourceKey, after, limit, r => !filter || filter.has(r.complianceType));
  const out: Record<string, unknown> = { EvaluationResults: page.items.map(r => evaluationResult(name, r)) };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, scope, [last.resourceType, last.resourceId]);
  return out;
}

export function getComplianceDetailsByResource(
  input: Cfg.GetComplianceDetailsByResourceCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const op = 'GetComplianceDetailsByResource';
  if (input.ResourceEvaluationId !== undefined) return proactiveComplianceDetails(input, cfg);
  const type = input.ResourceType;
  const id = input.ResourceId;
  if (typeof type !== 'string' || typeof id !== 'string') {
    throw invalid('ResourceType and ResourceId are required (or a ResourceEvaluationId).');
  }
  const filter = complianceFilter(input.ComplianceTypes, 'INSUFFICIENT_DATA', op);
  const scope = `${type}|${id}|${filterScope(filter)}`;
  const after = stringAfter(input.NextToken, op, scope);
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

export function describeComplianceByResource(
  input: Cfg.DescribeComplianceByResourceCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const op = 'DescribeComplianceByResource';
  const type = input.ResourceType;
  const id = input.ResourceId;
  if (id !== undefined && type === undefined) throw invalid('ResourceId requires ResourceType.');
  const filter = complianceFilter(input.ComplianceTypes, 'NOT_APPLICABLE', op);
  const limit = effectiveLimit(input.Limit, 10, 100);
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
  const after = resourceKeyAfter(input.NextToken, op, scope);
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
