/**
 * Carries out a plan. Creations and updates: runbooks, then rules, then remediation configurations (they refer to
 * both). Deletions: remediation configurations, then rules, then runbooks. Unchanged objects get no call at all.
 * The first failing call stops the apply; what was done until then is returned with the error.
 * AWS finishes some changes later (wait.ts): a runbook is used only once Active, a rule Config is still deleting is
 * retried, and deleted rules are waited for until gone; every wait is bounded and logged.
 */
import {
  type ConfigServiceClient,
  DeleteConfigRuleCommand,
  DeleteRemediationConfigurationCommand,
  DescribeConfigRulesCommand,
  PutConfigRuleCommand,
  PutRemediationConfigurationsCommand,
  type ConfigRule,
  type EvaluationMode,
  type MaximumExecutionFrequency,
  type Owner,
  type RemediationConfiguration
} from '@aws-sdk/client-config-service';
import {
  CreateDocumentCommand,
  DeleteDocumentCommand,
  DescribeDocumentCommand,
  paginateListDocumentVersions,
  type SSMClient,
  UpdateDocumentCommand,
  UpdateDocumentDefaultVersionCommand
} from '@aws-sdk/client-ssm';
import { awsErrorCode } from '../aws/clients.js';
import { AwsCallError } from '../errors.js';
import { chunk } from '../util/concurrency.js';
import {
  MANAGED_TAG,
  type DesiredDocument,
  type DesiredRemediation,
  type DesiredRule,
  type DesiredState
} from '../desired/model.js';
import type { Plan, PlanItem } from './plan.js';
import { pollUntil, type Poll, type WaitDeps } from './wait.js';

/** AWS accepts at most 25 remediation configurations per PutRemediationConfigurations call. */
const REMEDIATIONS_PER_CALL = 25;

export interface ApplyResult {
  done: PlanItem[];
  error?: AwsCallError;
}

export function toConfigRule(r: DesiredRule): ConfigRule {
  const rule: ConfigRule = {
    ConfigRuleName: r.name,
    Source: { Owner: r.owner as Owner, SourceIdentifier: r.identifier }
  };
  if (Object.keys(r.inputParameters).length > 0) rule.InputParameters = JSON.stringify(r.inputParameters);
  if (r.scope) {
    rule.Scope = {};
    if (r.scope.complianceResourceTypes) rule.Scope.ComplianceResourceTypes = r.scope.complianceResourceTypes;
    if (r.scope.tagKey) rule.Scope.TagKey = r.scope.tagKey;
    if (r.scope.tagValue) rule.Scope.TagValue = r.scope.tagValue;
    if (r.scope.complianceResourceId) rule.Scope.ComplianceResourceId = r.scope.complianceResourceId;
  }
  if (r.maximumExecutionFrequency) {
    rule.MaximumExecutionFrequency = r.maximumExecutionFrequency as MaximumExecutionFrequency;
  }
  if (r.description) rule.Description = r.description;
  if (r.evaluationModes) rule.EvaluationModes = r.evaluationModes.map(m => ({ Mode: m as EvaluationMode }));
  return rule;
}

export function toRemediationConfiguration(r: DesiredRemediation): RemediationConfiguration {
  const c: RemediationConfiguration = {
    ConfigRuleName: r.ruleName,
    TargetType: 'SSM_DOCUMENT',
    TargetId: r.targetId,
    Parameters: r.parameters,
    Automatic: r.automatic
  };
  if (r.maximumAutomaticAttempts !== undefined) c.MaximumAutomaticAttempts = r.maximumAutomaticAttempts;
  if (r.retryAttemptSeconds !== undefined) c.RetryAttemptSeconds = r.retryAttemptSeconds;
  if (r.concurrencyPercent !== undefined || r.errorPercent !== undefined) {
    const ssm: NonNullable<NonNullable<RemediationConfiguration['ExecutionControls']>['SsmControls']> = {};
    if (r.concurrencyPercent !== undefined) ssm.ConcurrentExecutionRatePercentage = r.concurrencyPercent;
    if (r.errorPercent !== undefined) ssm.ErrorPercentage = r.errorPercent;
    c.ExecutionControls = { SsmControls: ssm };
  }
  if (r.targetVersion) c.TargetVersion = r.targetVersion;
  if (r.resourceType) c.ResourceType = r.resourceType;
  return c;
}

/** The version of a document whose content has this hash (newest first). */
async function versionWithHash(ssm: SSMClient, name: string, hash: string): Promise<string> {
  const versions: string[] = [];
  for await (const page of paginateListDocumentVersions({ client: ssm }, { Name: name })) {
    for (const v of page.DocumentVersions ?? []) if (v.DocumentVersion) versions.push(v.DocumentVersion);
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const out = await ssm.send(new DescribeDocumentCommand({ Name: name, DocumentVersion: version }));
    if (out.Document?.Hash === hash) return version;
  }
  throw new AwsCallError(
    'ssm:UpdateDocument',
    'DuplicateDocumentContent',
    undefined,
    `${name}: SSM says a version already has this content, but none of its ${versions.length} versions has hash ${hash}`
  );
}

/**
 * Waits until a document version is Active (SSM API Reference, DocumentDescription.Status: Creating | Updating until
 * processed, Failed with StatusInformation: https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html).
 * Failed is an error naming the runbook and AWS's StatusInformation.
 */
async function waitActive(ssm: SSMClient, name: string, version: string | undefined, deps: WaitDeps): Promise<void> {
  await pollUntil(
    'ssm:DescribeDocument',
    `runbook ${name}`,
    async (): Promise<Poll<void>> => {
      const out = await ssm.send(
        new DescribeDocumentCommand({ Name: name, ...(version !== undefined ? { DocumentVersion: version } : {}) })
      );
      const status = out.Document?.Status;
      if (status === 'Active') return { done: true, value: undefined };
      if (status === 'Failed') {
        throw new AwsCallError(
          'ssm:DescribeDocument',
          'DocumentFailed',
          out.$metadata.requestId,
          `runbook ${name} version ${out.Document?.DocumentVersion ?? version ?? '?'} is Failed: ${out.Document?.StatusInformation ?? 'AWS gave no StatusInformation'}`
        );
      }
      return { done: false, waiting: `runbook ${name} is ${status ?? 'in no status'}, waiting until it is Active` };
    },
    deps
  );
}

async function putDocument(ssm: SSMClient, d: DesiredDocument, create: boolean, deps: WaitDeps): Promise<void> {
  if (create) {
    const out = await ssm.send(
      new CreateDocumentCommand({
        Name: d.name,
        Content: d.content,
        DocumentType: 'Automation',
        DocumentFormat: d.format,
        Tags: [{ ...MANAGED_TAG }]
      })
    );
    await waitActive(ssm, d.name, out.DocumentDescription?.DocumentVersion, deps);
    return;
  }
  let version: string | undefined;
  try {
    const out = await ssm.send(
      new UpdateDocumentCommand({
        Name: d.name,
        Content: d.content,
        DocumentVersion: '$LATEST',
        DocumentFormat: d.format
      })
    );
    version = out.DocumentDescription?.DocumentVersion;
  } catch (err) {
    // A version with this content exists already (e.g. the manifest reverted a change): make it the default.
    if (awsErrorCode(err) !== 'DuplicateDocumentContent') throw err;
    version = await versionWithHash(ssm, d.name, d.hash);
    deps.logger.info(`${d.name}: version ${version} already has this content; making it the default.`);
  }
  // The new version becomes the default only once it is Active.
  await waitActive(ssm, d.name, version, deps);
  await ssm.send(new UpdateDocumentDefaultVersionCommand({ Name: d.name, DocumentVersion: version }));
}

/**
 * Config answers ResourceInUseException while it is deleting the rule (AWS Config API Reference, PutConfigRule
 * Errors: https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html); retried, bounded.
 */
const RULE_DELETING = /Config is deleting this rule/;

async function retryWhileDeleting<T>(
  operation: string,
  rule: string,
  call: () => Promise<T>,
  deps: WaitDeps
): Promise<T> {
  return pollUntil(
    operation,
    `rule ${rule}`,
    async (): Promise<Poll<T>> => {
      try {
        return { done: true, value: await call() };
      } catch (err) {
        if (awsErrorCode(err) !== 'ResourceInUseException' || !RULE_DELETING.test((err as Error).message)) throw err;
        return { done: false, waiting: `rule ${rule} is being deleted by AWS Config` };
      }
    },
    deps
  );
}

/** Waits until a deleted rule is gone: DescribeConfigRules answers NoSuchConfigRuleException for it. */
async function waitRuleGone(config: ConfigServiceClient, rule: string, deps: WaitDeps): Promise<void> {
  await pollUntil(
    'config:DescribeConfigRules',
    `rule ${rule}`,
    async (): Promise<Poll<void>> => {
      try {
        const out = await config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: [rule] }));
        if ((out.ConfigRules ?? []).length === 0) return { done: true, value: undefined };
        const state = out.ConfigRules?.[0]?.ConfigRuleState ?? 'in no state';
        return { done: false, waiting: `rule ${rule} is ${state}, waiting until AWS Config has deleted it` };
      } catch (err) {
        if (awsErrorCode(err) === 'NoSuchConfigRuleException') return { done: true, value: undefined };
        throw err;
      }
    },
    deps
  );
}

export async function applyPlan(
  clients: { config: ConfigServiceClient; ssm: SSMClient },
  plan: Plan,
  desired: DesiredState,
  deps: WaitDeps
): Promise<ApplyResult> {
  const { config, ssm } = clients;
  const { logger } = deps;
  const done: PlanItem[] = [];
  const docs = new Map(desired.documents.map(d => [d.name, d]));
  const rules = new Map(desired.rules.map(r => [r.name, r]));
  const remediations = new Map(desired.remediations.map(r => [r.ruleName, r]));
  const pending = (object: PlanItem['object'], actions: PlanItem['action'][]): PlanItem[] =>
    plan.items.filter(i => i.object === object && actions.includes(i.action));

  try {
    for (const item of pending('runbook', ['create', 'update'])) {
      await putDocument(ssm, docs.get(item.name)!, item.action === 'create', deps);
      logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} runbook ${item.name}.`);
      done.push(item);
    }
    for (const item of pending('rule', ['create', 'update'])) {
      const put = new PutConfigRuleCommand({
        ConfigRule: toConfigRule(rules.get(item.name)!),
        Tags: [{ ...MANAGED_TAG }]
      });
      await retryWhileDeleting('config:PutConfigRule', item.name, () => config.send(put), deps);
      logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} rule ${item.name}.`);
      done.push(item);
    }
    for (const batch of chunk(pending('remediation', ['create', 'update']), REMEDIATIONS_PER_CALL)) {
      const out = await config.send(
        new PutRemediationConfigurationsCommand({
          RemediationConfigurations: batch.map(i => toRemediationConfiguration(remediations.get(i.name)!))
        })
      );
      const failed = out.FailedBatches ?? [];
      if (failed.length > 0) {
        const names = failed.flatMap(f => (f.FailedItems ?? []).map(c => c.ConfigRuleName ?? '?'));
        const ok = batch.filter(i => !names.includes(i.name));
        done.push(...ok);
        throw new AwsCallError(
          'config:PutRemediationConfigurations',
          'FailedBatches',
          out.$metadata.requestId,
          `${names.length} remediation configuration(s) were not saved (${names.join(', ')}): ${failed.map(f => f.FailureMessage ?? 'no message').join('; ')}`
        );
      }
      for (const i of batch) logger.info(`${i.action === 'create' ? 'Created' : 'Updated'} remediation for ${i.name}.`);
      done.push(...batch);
    }
    for (const item of pending('remediation', ['delete'])) {
      await config.send(new DeleteRemediationConfigurationCommand({ ConfigRuleName: item.name }));
      logger.info(`Deleted remediation for ${item.name}.`);
      done.push(item);
    }
    const deletedRules = pending('rule', ['delete']);
    for (const item of deletedRules) {
      await config.send(new DeleteConfigRuleCommand({ ConfigRuleName: item.name }));
      logger.info(`Deleted rule ${item.name}.`);
      done.push(item);
    }
    // AWS Config keeps a deleted rule DELETING for a while (ConfigRule.ConfigRuleState); deploy ends when it is gone.
    for (const item of deletedRules) await waitRuleGone(config, item.name, deps);
    for (const item of pending('runbook', ['delete'])) {
      await ssm.send(new DeleteDocumentCommand({ Name: item.name }));
      logger.info(`Deleted runbook ${item.name}.`);
      done.push(item);
    }
  } catch (err) {
    if (err instanceof AwsCallError) return { done, error: err };
    throw err;
  }
  return { done };
}
