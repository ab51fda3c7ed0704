/**
 * AWS Config remediation: configurations, executions and exceptions.
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../../core/types.js';
import { compareResourceKeys } from '../items.js';
import { effectiveLimit, encodeToken, pageAfter } from '../paging.js';
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
  startRemediation,
  type ResourceKey
} from '../remediation.js';
import {
  type ConfigState,
  type StoredEvaluation,
  type StoredRemediationConfiguration,
  type StoredRemediationException
} from '../state.js';
import { cfgOf, names, resourceKeyAfter, compareToResourceKey, resourceKeysOf } from './common.js';

/** Page sizes AWS uses when the caller gives no Limit. */
const EXECUTION_STATUS_PAGE_SIZE = 100;
const EXCEPTIONS_PAGE_SIZE = 25;

function remediationView(conf: StoredRemediationConfiguration): Record<string, unknown> {
  return { ...structuredClone(conf), Automatic: conf.Automatic ?? false };
}

export function putRemediationConfigurations(
  input: Cfg.PutRemediationConfigurationsCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const items = (input.RemediationConfigurations as StoredRemediationConfiguration[] | undefined) ?? [];
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

export function describeRemediationConfigurations(
  input: Cfg.DescribeRemediationConfigurationsCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  return {
    RemediationConfigurations: names(input.ConfigRuleNames)
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

export function deleteRemediationConfiguration(
  input: Cfg.DeleteRemediationConfigurationCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const name = input.ConfigRuleName as string;
  const conf = requireRemediationConfiguration(cfg, name);
  const type = input.ResourceType;
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

/**
 * Why a resource key may not be remediated because the rule does not report it NON_COMPLIANT, or undefined when it
 * does. AWS Config answers such keys in FailedItems, not with an error: StartRemediationExecution's FailedItems are
 * "For resources that have failed to start execution, the API returns a resource key object", with FailureMessage
 * "Returns a failure message. For example, the resource is already compliant."
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_StartRemediationExecution.html).
 */
function nonCompliantProblem(results: readonly StoredEvaluation[], key: ResourceKey): string | undefined {
  const result = results.find(r => r.resourceType === key.resourceType && r.resourceId === key.resourceId);
  if (!result) return 'the rule has no evaluation result for the resource';
  if (result.complianceType === 'COMPLIANT') return 'the resource is already compliant';
  if (result.complianceType !== 'NON_COMPLIANT') return `the resource is ${result.complianceType}, not NON_COMPLIANT`;
  return undefined;
}

export function startRemediationExecution(
  input: Cfg.StartRemediationExecutionCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const name = input.ConfigRuleName as string;
  const conf = requireRemediationConfiguration(cfg, name);
  const exceptions = liveExceptions(cfg, name, ctx.now());
  const executions = remediationExecutions(cfg, name);
  const results = Object.hasOwn(cfg.rules, name) ? cfg.rules[name]!.results : [];
  const failed: { key: ResourceKey; message: string }[] = [];
  for (const key of resourceKeysOf(input.ResourceKeys)) {
    const k = resourceKeyOf(key);
    const notNonCompliant = nonCompliantProblem(results, key);
    if (conf.ResourceType !== undefined && key.resourceType !== conf.ResourceType) {
      failed.push({ key, message: `the remediation configuration is for ${conf.ResourceType}` });
    } else if (notNonCompliant !== undefined) {
      failed.push({ key, message: notNonCompliant });
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

export function describeRemediationExecutionStatus(
  input: Cfg.DescribeRemediationExecutionStatusCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const name = input.ConfigRuleName as string;
  requireRemediationConfiguration(cfg, name);
  const op = 'DescribeRemediationExecutionStatus';
  const limit = effectiveLimit(input.Limit, EXECUTION_STATUS_PAGE_SIZE, 100);
  const wanted =
    input.ResourceKeys === undefined ? undefined : new Set(resourceKeysOf(input.ResourceKeys).map(resourceKeyOf));
  const all = Object.values(remediationExecutions(cfg, name))
    .filter(e => !wanted || wanted.has(resourceKeyOf(e)))
    .sort(compareResourceKeys);
  const scope = `${name}|${wanted ? [...wanted].sort().join(',') : ''}`;
  const after = resourceKeyAfter(input.NextToken, op, scope);
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

export function putRemediationExceptions(
  input: Cfg.PutRemediationExceptionsCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const name = input.ConfigRuleName as string;
  const message = input.Message;
  const expiration = input.ExpirationTime;
  const byMessage = new Map<string, Record<string, unknown>[]>();
  const fail = (why: string, item: Record<string, unknown>): void => {
    const list = byMessage.get(why) ?? [];
    list.push(item);
    byMessage.set(why, list);
  };
  const rec = Object.hasOwn(cfg.rules, name) ? cfg.rules[name] : undefined;
  for (const k of exceptionKeys(input.ResourceKeys)) {
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

export function describeRemediationExceptions(
  input: Cfg.DescribeRemediationExceptionsCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const name = input.ConfigRuleName as string;
  const op = 'DescribeRemediationExceptions';
  const limit = effectiveLimit(input.Limit, EXCEPTIONS_PAGE_SIZE, 100);
  const keys = exceptionKeys(input.ResourceKeys);
  const wanted =
    keys.length > 0
      ? new Set(keys.map(k => resourceKeyOf({ resourceType: k.ResourceType ?? '', resourceId: k.ResourceId ?? '' })))
      : undefined;
  const all = Object.values(liveExceptions(cfg, name, ctx.now()))
    .map(e => ({ resourceType: e.ResourceType, resourceId: e.ResourceId, e }))
    .filter(x => !wanted || wanted.has(resourceKeyOf(x)))
    .sort(compareResourceKeys);
  const scope = `${name}|${wanted ? [...wanted].sort().join(',') : ''}`;
  const after = resourceKeyAfter(input.NextToken, op, scope);
  const page = pageAfter(all, compareToResourceKey, after, limit);
  const out: Record<string, unknown> = { RemediationExceptions: page.items.map(x => exceptionView(x.e)) };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, scope, [last.resourceType, last.resourceId]);
  return out;
}

export function deleteRemediationExceptions(
  input: Cfg.DeleteRemediationExceptionsCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  const name = input.ConfigRuleName as string;
  const existing = liveExceptions(cfg, name, ctx.now());
  const keys = exceptionKeys(input.ResourceKeys);
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
