/**
 * AWS Config rules: PutConfigRule, DescribeConfigRules, DeleteConfigRule.
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../../core/types.js';
import { checkRuleParameters, RuleParameterError } from '../evaluators.js';
import { encodeToken, pageAfter } from '../paging.js';
import { scheduleEvaluation } from '../remediation.js';
import {
  deriveRuleId,
  RULE_DELETING_MESSAGE,
  ruleIsDeleting,
  ruleArn,
  type ConfigState,
  type RuleRecord,
  type RuleScope,
  type RuleSource,
  type StoredConfigRule
} from '../state.js';
import { RULES_PAGE_SIZE, cfgOf, invalid, requireRule, names, sortedRuleNames, byName, stringAfter } from './common.js';
import { checkTagKey } from './tags.js';

/** The scenario option `ruleDeleteSeconds`: how long a deleted rule stays DELETING (default 0: gone at once). */
export function ruleDeleteSeconds(options: Readonly<Record<string, unknown>>): number {
  const v = options['ruleDeleteSeconds'];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

/** Config's account limit on rules (scenario option `maxConfigRules` overrides it). */
const DEFAULT_MAX_CONFIG_RULES = 1000;

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

export function putConfigRule(input: Cfg.PutConfigRuleCommandInput, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const r = input.ConfigRule as ConfigRuleInput | undefined;
  if (!r?.Source) throw invalid('ConfigRule with a Source is required.');
  const { name, existing } = targetOfPut(cfg, r);
  if (ruleIsDeleting(existing)) throw new AwsError('ResourceInUseException', RULE_DELETING_MESSAGE);
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
    for (const t of input.Tags ?? []) {
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

export function describeConfigRules(input: Cfg.DescribeConfigRulesCommandInput, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const mode = input.Filters?.EvaluationMode;
  const keep = (rec: RuleRecord): boolean => mode === undefined || ruleModes(rec).includes(mode);
  const requested = names(input.ConfigRuleNames);
  if (requested.length > 0) {
    return {
      ConfigRules: requested
        .map(n => requireRule(cfg, n))
        .filter(keep)
        .map(describeRule)
    };
  }
  const op = 'DescribeConfigRules';
  const after = stringAfter(input.NextToken, op, mode ?? '');
  const page = pageAfter(sortedRuleNames(cfg), byName, after, RULES_PAGE_SIZE, n => keep(cfg.rules[n]!));
  const out: Record<string, unknown> = { ConfigRules: page.items.map(n => describeRule(cfg.rules[n]!)) };
  if (page.more) out['NextToken'] = encodeToken(op, mode ?? '', page.items.at(-1));
  return out;
}

export function deleteConfigRule(input: Cfg.DeleteConfigRuleCommandInput, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const name = input.ConfigRuleName as string;
  const rec = requireRule(cfg, name);
  if (ruleIsDeleting(rec)) throw new AwsError('ResourceInUseException', RULE_DELETING_MESSAGE);
  if (Object.hasOwn(cfg.remediationConfigurations, name)) {
    throw new AwsError(
      'ResourceInUseException',
      `The Config rule '${name}' has a remediation configuration; delete it (DeleteRemediationConfiguration) before deleting the rule.`
    );
  }
  const erase = (): void => {
    // Re-created meanwhile (cannot happen while DELETING, but a reset can): leave the new rule alone.
    if (cfg.rules[name] !== rec) return;
    delete cfg.rules[name];
    delete cfg.remediationExceptions?.[name];
    delete cfg.remediationExecutions?.[name];
  };
  const seconds = ruleDeleteSeconds(ctx.sim.options);
  if (seconds === 0) {
    erase();
    return {};
  }
  rec.rule.ConfigRuleState = 'DELETING';
  ctx.sim.schedule(seconds * 1000, erase);
  return {};
}
