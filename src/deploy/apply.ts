/**
 * Carries out a plan. Creations and updates: runbooks, then rules, then remediation configurations (they refer to
 * both). Deletions: remediation configurations, then rules, then runbooks. Unchanged objects get no call at all.
 * The first failing call stops the apply; what was done until then is returned with the error.
 */
import {
  type ConfigServiceClient,
  DeleteConfigRuleCommand,
  DeleteRemediationConfigurationCommand,
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
import type { Logger } from '../logging.js';
import { chunk } from '../util/concurrency.js';
import {
  MANAGED_TAG,
  type DesiredDocument,
  type DesiredRemediation,
  type DesiredRule,
  type DesiredState
} from '../desired/model.js';
import type { Plan, PlanItem } from './plan.js';

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

async function putDocument(ssm: SSMClient, d: DesiredDocument, create: boolean, logger: Logger): Promise<void> {
  if (create) {
    await ssm.send(
      new CreateDocumentCommand({
        Name: d.name,
        Content: d.content,
        DocumentType: 'Automation',
        DocumentFormat: d.format,
        Tags: [{ ...MANAGED_TAG }]
      })
    );
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
    logger.info(`${d.name}: version ${version} already has this content; making it the default.`);
  }
  await ssm.send(new UpdateDocumentDefaultVersionCommand({ Name: d.name, DocumentVersion: version }));
}

export async function applyPlan(
  clients: { config: ConfigServiceClient; ssm: SSMClient },
  plan: Plan,
  desired: DesiredState,
  logger: Logger
): Promise<ApplyResult> {
  const { config, ssm } = clients;
  const done: PlanItem[] = [];
  const docs = new Map(desired.documents.map(d => [d.name, d]));
  const rules = new Map(desired.rules.map(r => [r.name, r]));
  const remediations = new Map(desired.remediations.map(r => [r.ruleName, r]));
  const pending = (object: PlanItem['object'], actions: PlanItem['action'][]): PlanItem[] =>
    plan.items.filter(i => i.object === object && actions.includes(i.action));

  try {
    for (const item of pending('runbook', ['create', 'update'])) {
      await putDocument(ssm, docs.get(item.name)!, item.action === 'create', logger);
      logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} runbook ${item.name}.`);
      done.push(item);
    }
    for (const item of pending('rule', ['create', 'update'])) {
      await config.send(
        new PutConfigRuleCommand({ ConfigRule: toConfigRule(rules.get(item.name)!), Tags: [{ ...MANAGED_TAG }] })
      );
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
    for (const item of pending('rule', ['delete'])) {
      await config.send(new DeleteConfigRuleCommand({ ConfigRuleName: item.name }));
      logger.info(`Deleted rule ${item.name}.`);
      done.push(item);
    }
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
