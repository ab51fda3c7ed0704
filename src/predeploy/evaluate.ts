/**
 * Pre-deploy evaluation: the resources of CloudFormation templates are judged by AWS Config proactive evaluation
 * (StartResourceEvaluation, EvaluationMode PROACTIVE) before anything is deployed, with the same rules that judge the
 * live account. Rules that cannot judge a resource before deploy are reported as such, never passed.
 */
import {
  type ConfigServiceClient,
  DescribeConfigRulesCommand,
  GetResourceEvaluationSummaryCommand,
  StartResourceEvaluationCommand,
  paginateGetComplianceDetailsByResource
} from '@aws-sdk/client-config-service';
import { createHash } from 'node:crypto';
import { fingerprint } from '../compliance/fingerprint.js';
import { propertyPathFor, type SourceLocation } from '../locate/source-map.js';
import type { AccountRegion, ComplianceResult, Finding, RuleResult } from '../compliance/types.js';
import { knownResourceTypes } from '../conformance/managed-rules.js';
import type { DesiredRule } from '../desired/model.js';
import { awsCallErrorOf, awsErrorCode } from '../aws/clients.js';
import type { Logger } from '../logging.js';
import type { TemplateIndex, TemplateResource } from '../cfn/types.js';
import type { Clock } from '../util/clock.js';
import { chunk, mapLimit } from '../util/concurrency.js';

export interface PreDeployOptions {
  /** Templates to evaluate: those the pull request changed, or all. */
  files: ReadonlySet<string> | 'all';
  timeoutSeconds?: number;
  concurrency?: number;
}

export interface NotJudged {
  ruleName: string;
  reason: string;
}

/**
 * A template resource that would not comply. Its account, region and fingerprint are the run's, set when it is merged
 * into the result (mergePreDeploy): the template is evaluated by the run's own account and region.
 */
export interface PreDeployFinding extends Omit<Finding, keyof AccountRegion | 'fingerprint'> {
  location: SourceLocation;
  template: string;
  logicalId: string;
  /** The name the template gives the resource, when literal (a deployed one is then found by it). */
  physicalName?: string;
}

export interface PreDeployResult {
  /** Template resources sent to AWS Config. */
  evaluated: number;
  findings: PreDeployFinding[];
  notJudged: NotJudged[];
  /** Resources whose evaluation did not finish or failed, with why: each is an error in the gate. */
  failed: UnevaluatedResource[];
  /** Set when more templates were evaluated than asked for, and why (e.g. the PR's files could not be listed). */
  note?: string;
}

/** A template resource AWS Config could not judge before deploy (file:line for the gate and the summary). */
export interface UnevaluatedResource {
  template: string;
  /** The same as `template`: the gate names it file:line. */
  file: string;
  line: number;
  logicalId: string;
  reason: string;
}

/** The resource types a rule applies to: its scope, else the types AWS's packs use it for. */
function ruleTypes(rule: DesiredRule): readonly string[] {
  return rule.scope?.complianceResourceTypes?.length
    ? rule.scope.complianceResourceTypes
    : (knownResourceTypes(rule.identifier) ?? []);
}

/** Rules deployed in PROACTIVE mode, as AWS reports them (25 names a call). */
async function proactiveRules(config: ConfigServiceClient, names: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const batch of chunk(names, 25)) {
    let res;
    try {
      res = await config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: batch }));
    } catch (err) {
      if (awsErrorCode(err) !== 'NoSuchConfigRuleException') throw err;
      // One unknown name fails the whole call: halve the batch to find it; a single unknown rule is not proactive.
      if (batch.length > 1) {
        for (const n of await proactiveRules(config, batch.slice(0, Math.ceil(batch.length / 2)))) out.add(n);
        for (const n of await proactiveRules(config, batch.slice(Math.ceil(batch.length / 2)))) out.add(n);
      }
      continue;
    }
    for (const r of res.ConfigRules ?? []) {
      if (r.ConfigRuleName && (r.EvaluationModes ?? []).some(m => m.Mode === 'PROACTIVE')) out.add(r.ConfigRuleName);
    }
  }
  return out;
}

/**
 * Properties as AWS Config would see them once deployed, as far as the template alone tells: a `Ref` to another
 * resource of the same template becomes that resource's literal physical name (CloudFormation's Ref of a bucket is
 * its name). Other intrinsics stay as written; AWS Config then fails that evaluation and says so.
 */
function resolveLocalRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map(v => resolveLocalRefs(v, names));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const only = entries.length === 1 ? entries[0] : undefined;
    if (only && only[0] === 'Ref' && typeof only[1] === 'string' && names.has(only[1])) return names.get(only[1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, resolveLocalRefs(v, names)]));
  }
  return value;
}

function locate(resource: TemplateResource, rule: DesiredRule): SourceLocation {
  const path = propertyPathFor(rule.identifier, resource.type);
  const property = path ? resource.propertyPosition(path) : undefined;
  const p = property ?? resource.position;
  return { file: resource.file, line: p.line, col: p.col, kind: property ? 'property' : 'resource' };
}

export async function evaluateTemplates(
  deps: { config: ConfigServiceClient; clock: Clock; logger: Logger },
  index: TemplateIndex,
  rules: readonly DesiredRule[],
  options: PreDeployOptions
): Promise<PreDeployResult> {
  const { config, clock, logger } = deps;
  const resources = index.templates
    .filter(t => options.files === 'all' || options.files.has(t.file))
    .flatMap(t => t.resources);
  const result: PreDeployResult = { evaluated: 0, findings: [], notJudged: [], failed: [] };
  if (resources.length === 0) {
    logger.info('Pre-deploy: no template resources to evaluate.');
    return result;
  }
  const types = new Set(resources.map(r => r.type));
  const relevant = rules.filter(r => ruleTypes(r).some(t => types.has(t)));
  const proactive = await proactiveRules(
    config,
    relevant.map(r => r.name)
  );
  for (const r of relevant) {
    if (!proactive.has(r.name)) {
      result.notJudged.push({
        ruleName: r.name,
        reason: `not deployed in PROACTIVE evaluation mode (${r.identifier}); its resources are judged only after deploy`
      });
    }
  }
  const byName = new Map(relevant.filter(r => proactive.has(r.name)).map(r => [r.name, r]));
  const targets = resources.filter(res => [...byName.values()].some(r => ruleTypes(r).includes(res.type)));
  const deadline = clock.now().getTime() + (options.timeoutSeconds ?? 300) * 1000;

  const physicalNames = new Map<string, Map<string, string>>();
  for (const t of index.templates) {
    physicalNames.set(
      t.file,
      new Map(t.resources.filter(r => r.physicalName !== undefined).map(r => [r.logicalId, r.physicalName as string]))
    );
  }
  // A resource AWS Config could not judge is an error in the gate (never skipped): a call that failed for it, an
  // evaluation that FAILED (e.g. an intrinsic the template alone cannot resolve) or did not finish in time.
  const unevaluated = (res: TemplateResource, reason: string): void => {
    result.failed.push({
      template: res.file,
      file: res.file,
      line: res.position.line,
      logicalId: res.logicalId,
      reason
    });
  };
  // The AwsCallError's message names the operation, the code and the request id already.
  const callFailed = (err: unknown): string => awsCallErrorOf(err).message;
  await mapLimit(targets, options.concurrency ?? 4, async res => {
    const configuration = JSON.stringify(
      resolveLocalRefs(res.properties ?? {}, physicalNames.get(res.file) ?? new Map())
    );
    let id: string;
    try {
      const started = await config.send(
        new StartResourceEvaluationCommand({
          ResourceDetails: {
            ResourceId: res.logicalId,
            ResourceType: res.type,
            ResourceConfiguration: configuration,
            ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA'
          },
          EvaluationMode: 'PROACTIVE',
          EvaluationTimeout: options.timeoutSeconds ?? 300,
          ClientToken: createHash('sha256')
            .update(`${res.file}\u0000${res.logicalId}\u0000${configuration}`)
            .digest('hex')
            .slice(0, 64)
        })
      );
      id = started.ResourceEvaluationId ?? '';
    } catch (err) {
      unevaluated(res, callFailed(err));
      return;
    }
    result.evaluated += 1;
    let interval = 500;
    for (;;) {
      let status: string | undefined;
      let reason: string | undefined;
      try {
        const summary = await config.send(new GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: id }));
        status = summary.EvaluationStatus?.Status;
        reason = summary.EvaluationStatus?.FailureReason;
      } catch (err) {
        unevaluated(res, callFailed(err));
        return;
      }
      if (status === 'SUCCEEDED') break;
      if (status === 'FAILED' || clock.now().getTime() + interval > deadline) {
        unevaluated(
          res,
          status === 'FAILED'
            ? `evaluation failed: ${reason ?? 'no reason given'}`
            : `evaluation did not finish within ${options.timeoutSeconds ?? 300}s`
        );
        return;
      }
      await clock.sleep(interval);
      interval = Math.min(interval * 2, 5000);
    }
    const found: PreDeployFinding[] = [];
    try {
      for await (const page of paginateGetComplianceDetailsByResource(
        { client: config },
        { ResourceEvaluationId: id }
      )) {
        for (const e of page.EvaluationResults ?? []) {
          const ruleName = e.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName ?? '';
          const rule = byName.get(ruleName);
          if (!rule || e.ComplianceType !== 'NON_COMPLIANT') continue;
          const resourceId = `${res.file}#${res.logicalId}`;
          const finding: PreDeployFinding = {
            ruleName,
            resourceType: res.type,
            resourceId,
            location: locate(res, rule),
            template: res.file,
            logicalId: res.logicalId,
            ...(res.physicalName !== undefined ? { physicalName: res.physicalName } : {}),
            annotation: `before deploy: ${e.Annotation ?? `${res.logicalId} would not comply with ${ruleName}`}`
          };
          found.push(finding);
        }
      }
    } catch (err) {
      unevaluated(res, callFailed(err));
      return;
    }
    result.findings.push(...found);
  });
  result.findings.sort((a, b) => a.template.localeCompare(b.template) || a.location.line - b.location.line);
  result.failed.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  logger.info(
    `Pre-deploy: ${result.evaluated} template resource(s) evaluated, ${result.findings.length} would be non-compliant, ${result.failed.length} could not be evaluated, ${result.notJudged.length} rule(s) cannot judge before deploy.`
  );
  for (const f of result.failed)
    logger.warn(`Could not evaluate ${f.file}:${f.line} ${f.logicalId} before deploy: ${f.reason}`);
  return result;
}

/**
 * Adds pre-deploy findings to their rules (a rule with only pre-deploy findings becomes non-compliant). A resource
 * that is already deployed and already found non-compliant by the same rule (by its physical name) is not added
 * twice. Returns the findings actually added.
 */
export function mergePreDeploy(
  result: ComplianceResult,
  pre: PreDeployResult,
  sections: (name: string) => string[]
): { result: ComplianceResult; added: Array<PreDeployFinding & { fingerprint: string }> } {
  const rules = result.rules.map(r => ({ ...r, findings: [...r.findings] }));
  const where = { accountId: result.accountId, region: result.region };
  // Rules of the run's own account and region only: a multi-account result holds the same rule name once per
  // account-region.
  const byName = new Map(
    rules.filter(r => r.accountId === where.accountId && r.region === where.region).map(r => [r.ruleName, r])
  );
  const added: Array<PreDeployFinding & { fingerprint: string }> = [];
  for (const f of pre.findings) {
    const { location: _l, template: _t, logicalId: _i, physicalName, ...rest } = f;
    const fp = fingerprint(where.accountId, where.region, f.ruleName, f.resourceType, f.resourceId);
    const finding: Finding = { ...where, ...rest, fingerprint: fp };
    const live = byName
      .get(f.ruleName)
      ?.findings.some(
        x => physicalName !== undefined && x.resourceType === f.resourceType && x.resourceId === physicalName
      );
    if (live) continue;
    added.push({ ...f, fingerprint: fp });
    let rule = byName.get(f.ruleName);
    if (!rule) {
      rule = {
        ...where,
        ruleName: f.ruleName,
        status: 'noncompliant',
        complianceType: 'NON_COMPLIANT',
        findings: [],
        hipaaSections: sections(f.ruleName)
      } satisfies RuleResult;
      rules.push(rule);
      byName.set(f.ruleName, rule);
    }
    if (rule.status === 'compliant') rule.status = 'noncompliant';
    rule.complianceType = 'NON_COMPLIANT';
    rule.findings.push(finding);
  }
  return { result: added.length === 0 ? result : { ...result, rules }, added };
}
