/**
 * Reads what is deployed, for the objects the plan compares: Config rules (paged, 25 a page), their tags where
 * ownership matters, remediation configurations (25 rule names a call), SSM documents (hash, versions, tags).
 */
import {
  type ConfigRule,
  type ConfigServiceClient,
  DescribeRemediationConfigurationsCommand,
  ListTagsForResourceCommand,
  type RemediationConfiguration,
  paginateDescribeConfigRules
} from '@aws-sdk/client-config-service';
import { DescribeDocumentCommand, type SSMClient, paginateListDocuments } from '@aws-sdk/client-ssm';
import { awsErrorCode } from '../aws/clients.js';
import { chunk, mapLimit } from '../util/concurrency.js';
import { MANAGED_TAG, type DesiredState, type RemediationParameterJson } from '../desired/model.js';
import type { ActualDocument, ActualRemediation, ActualRule, ActualState } from './plan.js';

export interface ReadActualOptions {
  /** Read ownership tags of rules and documents no longer in the manifest (prune) or of all (destroy). */
  ownership: 'none' | 'undeclared' | 'all';
  concurrency?: number;
}

function parseInputParameters(json: string | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return { '(unparsable InputParameters)': json };
  }
}

export function toActualRule(r: ConfigRule): ActualRule {
  const a: ActualRule = {
    name: r.ConfigRuleName ?? '',
    arn: r.ConfigRuleArn ?? '',
    owner: r.Source?.Owner ?? '',
    identifier: r.Source?.SourceIdentifier ?? '',
    inputParameters: parseInputParameters(r.InputParameters)
  };
  if (r.Scope?.ComplianceResourceTypes?.length) a.complianceResourceTypes = r.Scope.ComplianceResourceTypes;
  if (r.Scope?.TagKey) a.tagKey = r.Scope.TagKey;
  if (r.Scope?.TagValue) a.tagValue = r.Scope.TagValue;
  if (r.Scope?.ComplianceResourceId) a.complianceResourceId = r.Scope.ComplianceResourceId;
  if (r.MaximumExecutionFrequency) a.maximumExecutionFrequency = r.MaximumExecutionFrequency;
  if (r.Description !== undefined) a.description = r.Description;
  const modes = (r.EvaluationModes ?? []).map(m => m.Mode ?? '').filter(m => m !== '');
  if (modes.length > 0) a.evaluationModes = modes;
  return a;
}

export function toActualRemediation(r: RemediationConfiguration): ActualRemediation {
  const parameters: Record<string, RemediationParameterJson> = {};
  for (const [k, v] of Object.entries(r.Parameters ?? {})) {
    const p: RemediationParameterJson = {};
    if (v.ResourceValue?.Value) p.ResourceValue = { Value: 'RESOURCE_ID' };
    if (v.StaticValue?.Values) p.StaticValue = { Values: v.StaticValue.Values };
    parameters[k] = p;
  }
  const a: ActualRemediation = {
    ruleName: r.ConfigRuleName ?? '',
    targetId: r.TargetId ?? '',
    parameters,
    automatic: r.Automatic ?? false
  };
  if (r.TargetVersion) a.targetVersion = r.TargetVersion;
  if (r.ResourceType) a.resourceType = r.ResourceType;
  if (r.MaximumAutomaticAttempts !== undefined) a.maximumAutomaticAttempts = r.MaximumAutomaticAttempts;
  if (r.RetryAttemptSeconds !== undefined) a.retryAttemptSeconds = r.RetryAttemptSeconds;
  const ssm = r.ExecutionControls?.SsmControls;
  if (ssm?.ConcurrentExecutionRatePercentage !== undefined)
    a.concurrencyPercent = ssm.ConcurrentExecutionRatePercentage;
  if (ssm?.ErrorPercentage !== undefined) a.errorPercent = ssm.ErrorPercentage;
  return a;
}

const isManaged = (tags: { Key?: string | undefined; Value?: string | undefined }[] | undefined): boolean =>
  (tags ?? []).some(t => t.Key === MANAGED_TAG.Key && t.Value === MANAGED_TAG.Value);

/**
 * Remediation configurations of the given rules; rules without one are absent. The one reader: deploy and the
 * remediation phase both use it. DescribeRemediationConfigurations takes at most 25 rule names a call (ConfigRuleNames,
 * length 0-25: https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeRemediationConfigurations.html).
 */
export async function readRemediationConfigurations(
  config: ConfigServiceClient,
  ruleNames: readonly string[],
  concurrency = 4
): Promise<Map<string, ActualRemediation>> {
  const remediations = new Map<string, ActualRemediation>();
  await mapLimit(chunk(ruleNames, 25), concurrency, async names => {
    const out = await config.send(new DescribeRemediationConfigurationsCommand({ ConfigRuleNames: names }));
    for (const r of out.RemediationConfigurations ?? []) {
      if (r.ConfigRuleName) remediations.set(r.ConfigRuleName, toActualRemediation(r));
    }
  });
  return remediations;
}

export async function readActual(
  clients: { config: ConfigServiceClient; ssm: SSMClient },
  desired: DesiredState,
  options: ReadActualOptions
): Promise<ActualState> {
  const concurrency = options.concurrency ?? 4;
  const { config, ssm } = clients;
  const desiredRules = new Set(desired.rules.map(r => r.name));
  const desiredDocs = new Set(desired.documents.map(d => d.name));

  const rules = new Map<string, ActualRule>();
  for await (const page of paginateDescribeConfigRules({ client: config }, {})) {
    for (const r of page.ConfigRules ?? []) {
      // A rule Config is deleting is as good as gone (ConfigRule.ConfigRuleState DELETING: "After Config deletes the
      // rule, the rule and all of its evaluations are erased"): the plan creates it again (apply retries meanwhile).
      // https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html
      if (r.ConfigRuleState === 'DELETING') continue;
      if (r.ConfigRuleName) rules.set(r.ConfigRuleName, toActualRule(r));
    }
  }

  if (options.ownership !== 'none') {
    const needTags = [...rules.values()].filter(r => options.ownership === 'all' || !desiredRules.has(r.name));
    await mapLimit(needTags, concurrency, async r => {
      const out = await config.send(new ListTagsForResourceCommand({ ResourceArn: r.arn }));
      r.managed = isManaged(out.Tags);
    });
  }

  const withRemediation = [...rules.keys()].filter(n => desiredRules.has(n) || rules.get(n)?.managed);
  const remediations = await readRemediationConfigurations(config, withRemediation, concurrency);

  const documents = new Map<string, ActualDocument>();
  await mapLimit([...desiredDocs], concurrency, async name => {
    let out;
    try {
      out = await ssm.send(new DescribeDocumentCommand({ Name: name }));
    } catch (err) {
      if (awsErrorCode(err) === 'InvalidDocument') return; // not deployed
      throw err;
    }
    const d = out.Document;
    documents.set(name, {
      name,
      hash: d?.Hash ?? '',
      defaultVersion: d?.DefaultVersion ?? '',
      latestVersion: d?.LatestVersion ?? '',
      managed: isManaged(d?.Tags)
    });
  });
  if (options.ownership !== 'none') {
    for await (const page of paginateListDocuments(
      { client: ssm },
      {
        Filters: [
          { Key: 'Owner', Values: ['Self'] },
          { Key: `tag:${MANAGED_TAG.Key}`, Values: [MANAGED_TAG.Value] }
        ]
      }
    )) {
      for (const d of page.DocumentIdentifiers ?? []) {
        if (!d.Name) continue;
        const known = documents.get(d.Name);
        if (known) known.managed = true;
        else
          documents.set(d.Name, {
            name: d.Name,
            hash: '',
            defaultVersion: '',
            latestVersion: d.DocumentVersion ?? '',
            managed: true
          });
      }
    }
    for (const d of documents.values()) d.managed ??= false;
  }
  return { rules, documents, remediations };
}
