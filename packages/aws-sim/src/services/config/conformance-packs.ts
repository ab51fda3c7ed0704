/**
 * AWS Config conformance packs and organization conformance packs.
 *
 * PutConformancePack parses the template (conformance-template.ts) at once (a bad template is refused with
 * ConformancePackTemplateValidationException) and deploys its rules and remediation configurations into the account
 * and region through the same handlers as PutConfigRule / PutRemediationConfigurations, so they are evaluated by the
 * same engine. The pack reads CREATE_IN_PROGRESS for the scenario option `conformancePackSeconds` (default 0: complete
 * at once), then CREATE_COMPLETE, or CREATE_FAILED with the reason when a rule or remediation is refused (the pack's
 * rules are then removed, as CloudFormation rolls back).
 *
 * Rule names: Config deploys each template rule as `<ConfigRuleName>-conformance-pack-<suffix>`, the suffix being
 * fixed per pack (observed AWS behaviour: rules of a pack show in the console and DescribeConfigRules with that
 * suffix, CreatedBy config-conforms.amazonaws.com). Organization conformance packs deploy a pack named
 * `OrgConformsPack-<name>-<suffix>` in every ACTIVE account of the organization but the excluded ones, in the
 * caller's region; a member the scenario marks (world.organizationConformancePackFailures) fails with its error.
 */
import { createHash } from 'node:crypto';
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../core/types.js';
import { worldOf } from '../../core/world.js';
import { ruleCompliance } from './engine.js';
import { effectiveLimit, encodeToken, decodeToken } from './paging.js';
import { configState, type ConfigState } from './state.js';
import { putConfigRule } from './handlers/rules.js';
import { putRemediationConfigurations } from './handlers/remediation.js';
import { invalid } from './handlers/common.js';
import { parsePackTemplate, TemplateError, type ParsedPackTemplate } from './conformance-template.js';

/** "The structure containing the template body has a minimum length of 1 byte and a maximum length of 51,200 bytes." */
export const TEMPLATE_BODY_MAX_BYTES = 51_200;
const CONFORMS_SERVICE = 'config-conforms.amazonaws.com';
const MULTI_ACCOUNT_SERVICE = 'config-multiaccountsetup.amazonaws.com';
/** "Maximum number of conformance packs per account: 50" (AWS Config service quotas). */
const MAX_PACKS = 50;

type PackState = 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'CREATE_FAILED' | 'DELETE_IN_PROGRESS' | 'DELETE_FAILED';

interface StoredPack {
  ConformancePackName: string;
  ConformancePackArn: string;
  ConformancePackId: string;
  DeliveryS3Bucket?: string;
  DeliveryS3KeyPrefix?: string;
  ConformancePackInputParameters: { ParameterName: string; ParameterValue: string }[];
  CreatedBy?: string;
  /** ISO 8601. */
  LastUpdateRequestedTime: string;
  /** ISO 8601. */
  LastUpdateCompletedTime?: string;
  state: PackState;
  statusReason?: string;
  stackArn: string;
  suffix: string;
  /** Deployed rule names (with the suffix). */
  ruleNames: string[];
  /** TagResource on the pack's ARN (handlers/tags.ts); the model's PutConformancePack takes no Tags. */
  tags: Record<string, string>;
}

type MemberStatus =
  | 'CREATE_SUCCESSFUL'
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_FAILED'
  | 'UPDATE_SUCCESSFUL'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_FAILED';

interface StoredOrgPack {
  OrganizationConformancePackName: string;
  OrganizationConformancePackArn: string;
  DeliveryS3Bucket?: string;
  DeliveryS3KeyPrefix?: string;
  ConformancePackInputParameters: { ParameterName: string; ParameterValue: string }[];
  ExcludedAccounts: string[];
  /** ISO 8601. */
  LastUpdateTime: string;
  memberPackName: string;
  /** TagResource on the pack's ARN (handlers/tags.ts); the model's PutOrganizationConformancePack takes no Tags. */
  tags: Record<string, string>;
  members: Record<string, { status: MemberStatus; errorCode?: string; errorMessage?: string; lastUpdateTime: string }>;
}

interface PackConfig {
  conformancePacks?: Record<string, StoredPack>;
  organizationConformancePacks?: Record<string, StoredOrgPack>;
}

/** The tags of the conformance pack or organization conformance pack with this ARN in ctx's account and region. */
export function packTagsByArn(cfg: ConfigState, arn: string): { tags: Record<string, string> } | undefined {
  const c = cfg as unknown as PackConfig;
  return (
    Object.values(c.conformancePacks ?? {}).find(p => p.ConformancePackArn === arn) ??
    Object.values(c.organizationConformancePacks ?? {}).find(p => p.OrganizationConformancePackArn === arn)
  );
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function packsOf(ctx: RequestContext): { cfg: ConfigState; packs: Record<string, StoredPack> } {
  const cfg = configState(ctx.state, ctx.now());
  return { cfg, packs: ((cfg as unknown as PackConfig).conformancePacks ??= {}) };
}

function orgPacksOf(ctx: RequestContext): Record<string, StoredOrgPack> {
  const cfg = configState(ctx.state, ctx.now());
  return ((cfg as unknown as PackConfig).organizationConformancePacks ??= {});
}

function noSuchPack(name: string): AwsError {
  return new AwsError(
    'NoSuchConformancePackException',
    `Conformance pack ${name} does not exist in this account and region.`
  );
}

function packDelaySeconds(ctx: RequestContext): number {
  const v = ctx.sim.options['conformancePackSeconds'];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

/** The template text of a request: TemplateBody (at most 51,200 bytes) or an object the world holds at TemplateS3Uri. */
function templateText(
  input: {
    TemplateBody?: string | undefined;
    TemplateS3Uri?: string | undefined;
    TemplateSSMDocumentDetails?: unknown;
  },
  ctx: RequestContext,
  validationCode: string
): string {
  const given = [input.TemplateBody, input.TemplateS3Uri, input.TemplateSSMDocumentDetails].filter(
    v => v !== undefined
  );
  // "You must specify only one of the follow parameters: TemplateS3Uri, TemplateBody or TemplateSSMDocumentDetails."
  if (given.length !== 1) {
    throw invalid('Specify exactly one of TemplateBody, TemplateS3Uri or TemplateSSMDocumentDetails.');
  }
  if (input.TemplateSSMDocumentDetails !== undefined) {
    throw invalid('TemplateSSMDocumentDetails is not supported by the simulator.');
  }
  if (input.TemplateBody !== undefined) {
    const bytes = Buffer.byteLength(input.TemplateBody, 'utf8');
    if (bytes > TEMPLATE_BODY_MAX_BYTES) {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${TEMPLATE_BODY_MAX_BYTES} (got ${bytes} bytes)`
      );
    }
    return input.TemplateBody;
  }
  const uri = input.TemplateS3Uri as string;
  const body = worldOf(ctx).s3Objects[uri];
  if (body === undefined) {
    throw new AwsError(validationCode, `Config could not read the template at ${uri}: no such object.`);
  }
  return body;
}

function parseOrRefuse(
  text: string,
  ctx: RequestContext,
  params: { ParameterName: string; ParameterValue: string }[],
  code: string
): ParsedPackTemplate {
  try {
    return parsePackTemplate(text, {
      accountId: ctx.state.accountId,
      region: ctx.state.region,
      parameters: Object.fromEntries(params.map(p => [p.ParameterName, p.ParameterValue]))
    });
  } catch (e) {
    if (e instanceof TemplateError)
      throw new AwsError(code, `You have specified a template that is not valid or supported: ${e.message}`);
    throw e;
  }
}

function removeRules(cfg: ConfigState, names: readonly string[]): void {
  for (const n of names) {
    delete cfg.rules[n];
    delete cfg.remediationConfigurations[n];
    delete cfg.remediationExceptions?.[n];
    delete cfg.remediationExecutions?.[n];
  }
}

/** Deploys the template's rules and remediations into ctx's account and region; the failure reason, if any. */
function deploy(
  ctx: RequestContext,
  pack: StoredPack,
  parsed: ParsedPackTemplate,
  createdBy: string
): string | undefined {
  const cfg = configState(ctx.state, ctx.now());
  const nameOf = new Map(parsed.rules.map(r => [r.templateName, `${r.templateName}-conformance-pack-${pack.suffix}`]));
  const wanted = [...nameOf.values()];
  for (const n of wanted) {
    if (n.length > 128) return `The Config rule name ${n} is longer than 128 characters.`;
    const rec = cfg.rules[n];
    if (rec && !pack.ruleNames.includes(n))
      return `The Config rule ${n} already exists and does not belong to this conformance pack.`;
  }
  removeRules(
    cfg,
    pack.ruleNames.filter(n => !wanted.includes(n))
  );
  pack.ruleNames = wanted;
  try {
    for (const r of parsed.rules) {
      const name = nameOf.get(r.templateName)!;
      putConfigRule({ ConfigRule: { ...r.rule, ConfigRuleName: name } as never }, ctx);
      // The pack's own remediations are put by the pack (PutRemediationConfigurations refuses them on a rule
      // created by a service), so the rule reads as created by the service only once they are in place.
      delete cfg.rules[name]!.rule.CreatedBy;
    }
    const confs = parsed.remediations.map(r => ({
      ...r.configuration,
      ConfigRuleName: nameOf.get(r.templateRuleName)!
    }));
    if (confs.length > 0) {
      const out = putRemediationConfigurations({ RemediationConfigurations: confs as never }, ctx) as {
        FailedBatches: { FailureMessage: string }[];
      };
      if (out.FailedBatches.length > 0) return out.FailedBatches.map(f => f.FailureMessage).join('; ');
    }
  } catch (e) {
    if (e instanceof AwsError) return `${e.code}: ${e.message}`;
    throw e;
  } finally {
    for (const n of wanted) if (cfg.rules[n]) cfg.rules[n].rule.CreatedBy = createdBy;
  }
  return undefined;
}

function finish(ctx: RequestContext, pack: StoredPack, reason: string | undefined): void {
  const cfg = configState(ctx.state, ctx.now());
  pack.LastUpdateCompletedTime = ctx.now().toISOString();
  if (reason === undefined) {
    pack.state = 'CREATE_COMPLETE';
    delete pack.statusReason;
    return;
  }
  removeRules(cfg, pack.ruleNames);
  pack.ruleNames = [];
  pack.state = 'CREATE_FAILED';
  pack.statusReason = reason;
}

/** Creates or updates a pack in ctx's account and region; `done` hears the outcome (undefined: success). */
function createOrUpdatePack(
  ctx: RequestContext,
  name: string,
  parsed: ParsedPackTemplate,
  details: Pick<StoredPack, 'ConformancePackInputParameters'> & {
    DeliveryS3Bucket?: string | undefined;
    DeliveryS3KeyPrefix?: string | undefined;
  },
  createdBy: string | undefined,
  done?: (reason: string | undefined) => void
): StoredPack {
  const { packs } = packsOf(ctx);
  const existing = Object.hasOwn(packs, name) ? packs[name] : undefined;
  if (existing && (existing.state === 'CREATE_IN_PROGRESS' || existing.state === 'DELETE_IN_PROGRESS')) {
    throw new AwsError(
      'ResourceInUseException',
      `The conformance pack ${name} is being created or deleted; try again later.`
    );
  }
  if (!existing && Object.keys(packs).length >= MAX_PACKS) {
    throw new AwsError(
      'MaxNumberOfConformancePacksExceededException',
      `The account already has ${MAX_PACKS} conformance packs.`
    );
  }
  const h = hash(`${ctx.state.accountId}:${ctx.state.region}:${name}`);
  const id = existing?.ConformancePackId ?? `conformance-pack-${h.slice(0, 12)}`;
  const pack: StoredPack = {
    ConformancePackName: name,
    ConformancePackArn: `arn:aws:config:${ctx.state.region}:${ctx.state.accountId}:conformance-pack/${name}/${id}`,
    ConformancePackId: id,
    ConformancePackInputParameters: structuredClone(details.ConformancePackInputParameters),
    LastUpdateRequestedTime: ctx.now().toISOString(),
    state: 'CREATE_IN_PROGRESS',
    stackArn: `arn:aws:cloudformation:${ctx.state.region}:${ctx.state.accountId}:stack/awsconfigconforms-${name}-${h.slice(12, 20)}/${h.slice(20, 28)}-${h.slice(28, 32)}-${h.slice(32, 36)}-${h.slice(36, 40)}-${h.slice(40, 52)}`,
    suffix:
      existing?.suffix ??
      BigInt(`0x${h.slice(52, 64)}`)
        .toString(36)
        .slice(0, 9)
        .padStart(9, '0'),
    ruleNames: existing?.ruleNames ?? [],
    tags: { ...(existing?.tags ?? {}) }
  };
  if (details.DeliveryS3Bucket !== undefined) pack.DeliveryS3Bucket = details.DeliveryS3Bucket;
  if (details.DeliveryS3KeyPrefix !== undefined) pack.DeliveryS3KeyPrefix = details.DeliveryS3KeyPrefix;
  if (createdBy !== undefined) pack.CreatedBy = createdBy;
  packs[name] = pack;
  const complete = (): void => {
    if (packs[name] !== pack) return;
    const reason = deploy(ctx, pack, parsed, createdBy ?? CONFORMS_SERVICE);
    finish(ctx, pack, reason);
    done?.(reason);
  };
  const delay = packDelaySeconds(ctx);
  if (delay === 0) complete();
  else ctx.sim.schedule(delay * 1000, complete);
  return pack;
}

export function putConformancePack(input: Cfg.PutConformancePackCommandInput, ctx: RequestContext): unknown {
  const name = input.ConformancePackName as string;
  const params = input.ConformancePackInputParameters ?? [];
  const text = templateText(input, ctx, 'ConformancePackTemplateValidationException');
  const parsed = parseOrRefuse(text, ctx, params as never, 'ConformancePackTemplateValidationException');
  const details = {
    ConformancePackInputParameters: params as StoredPack['ConformancePackInputParameters'],
    DeliveryS3Bucket: input.DeliveryS3Bucket,
    DeliveryS3KeyPrefix: input.DeliveryS3KeyPrefix
  };
  const pack = createOrUpdatePack(ctx, name, parsed, details, undefined);
  return { ConformancePackArn: pack.ConformancePackArn };
}

function packDetail(p: StoredPack): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ConformancePackName: p.ConformancePackName,
    ConformancePackArn: p.ConformancePackArn,
    ConformancePackId: p.ConformancePackId,
    ConformancePackInputParameters: structuredClone(p.ConformancePackInputParameters),
    LastUpdateRequestedTime: new Date(p.LastUpdateRequestedTime)
  };
  if (p.DeliveryS3Bucket !== undefined) out['DeliveryS3Bucket'] = p.DeliveryS3Bucket;
  if (p.DeliveryS3KeyPrefix !== undefined) out['DeliveryS3KeyPrefix'] = p.DeliveryS3KeyPrefix;
  if (p.CreatedBy !== undefined) out['CreatedBy'] = p.CreatedBy;
  return out;
}

/** A page of names sorted; NextToken resumes after the last name. */
function pageNames(
  names: string[],
  token: string | undefined,
  op: string,
  limit: number
): { page: string[]; next?: string } {
  const sorted = [...names].sort();
  const after = token === undefined ? undefined : decodeToken(token, op, '');
  if (after !== undefined && typeof after !== 'string')
    throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
  const rest = after === undefined ? sorted : sorted.filter(n => n > after);
  const page = rest.slice(0, limit);
  return rest.length > limit ? { page, next: encodeToken(op, '', page.at(-1)) } : { page };
}

export function describeConformancePacks(
  input: Cfg.DescribeConformancePacksCommandInput,
  ctx: RequestContext
): unknown {
  const { packs } = packsOf(ctx);
  const requested = input.ConformancePackNames ?? [];
  if (requested.length > 0) {
    return {
      ConformancePackDetails: requested.map(n => {
        if (!Object.hasOwn(packs, n)) throw noSuchPack(n);
        return packDetail(packs[n]!);
      })
    };
  }
  const limit = effectiveLimit(input.Limit, 20, 20, 'InvalidLimitException');
  const { page, next } = pageNames(Object.keys(packs), input.NextToken, 'DescribeConformancePacks', limit);
  return { ConformancePackDetails: page.map(n => packDetail(packs[n]!)), ...(next ? { NextToken: next } : {}) };
}

function statusDetail(p: StoredPack): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ConformancePackName: p.ConformancePackName,
    ConformancePackId: p.ConformancePackId,
    ConformancePackArn: p.ConformancePackArn,
    ConformancePackState: p.state,
    StackArn: p.stackArn,
    LastUpdateRequestedTime: new Date(p.LastUpdateRequestedTime)
  };
  if (p.statusReason !== undefined) out['ConformancePackStatusReason'] = p.statusReason;
  if (p.LastUpdateCompletedTime !== undefined) out['LastUpdateCompletedTime'] = new Date(p.LastUpdateCompletedTime);
  return out;
}

export function describeConformancePackStatus(
  input: Cfg.DescribeConformancePackStatusCommandInput,
  ctx: RequestContext
): unknown {
  const { packs } = packsOf(ctx);
  const requested = input.ConformancePackNames ?? [];
  if (requested.length > 0) {
    // The operation declares no NoSuchConformancePackException: unknown names are left out.
    return {
      ConformancePackStatusDetails: requested.filter(n => Object.hasOwn(packs, n)).map(n => statusDetail(packs[n]!))
    };
  }
  const limit = effectiveLimit(input.Limit, 20, 20, 'InvalidLimitException');
  const { page, next } = pageNames(Object.keys(packs), input.NextToken, 'DescribeConformancePackStatus', limit);
  return { ConformancePackStatusDetails: page.map(n => statusDetail(packs[n]!)), ...(next ? { NextToken: next } : {}) };
}

function deletePackIn(ctx: RequestContext, name: string): void {
  const { cfg, packs } = packsOf(ctx);
  const pack = Object.hasOwn(packs, name) ? packs[name] : undefined;
  if (!pack) throw noSuchPack(name);
  if (pack.state === 'CREATE_IN_PROGRESS' || pack.state === 'DELETE_IN_PROGRESS') {
    throw new AwsError(
      'ResourceInUseException',
      `The conformance pack ${name} is being created or deleted; try again later.`
    );
  }
  removeRules(cfg, pack.ruleNames);
  delete packs[name];
}

export function deleteConformancePack(input: Cfg.DeleteConformancePackCommandInput, ctx: RequestContext): unknown {
  deletePackIn(ctx, input.ConformancePackName as string);
  return {};
}

type PackCompliance = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA';

function requirePack(ctx: RequestContext, name: string): { cfg: ConfigState; pack: StoredPack } {
  const { cfg, packs } = packsOf(ctx);
  if (!Object.hasOwn(packs, name)) throw noSuchPack(name);
  return { cfg, pack: packs[name]! };
}

function ruleStatus(cfg: ConfigState, name: string): PackCompliance {
  const rec = cfg.rules[name];
  return rec ? ruleCompliance(rec).complianceType : 'INSUFFICIENT_DATA';
}

export function describeConformancePackCompliance(
  input: Cfg.DescribeConformancePackComplianceCommandInput,
  ctx: RequestContext
): unknown {
  const name = input.ConformancePackName as string;
  const { cfg, pack } = requirePack(ctx, name);
  const wanted = input.Filters?.ConfigRuleNames ?? [];
  for (const n of wanted) {
    if (!pack.ruleNames.includes(n)) {
      throw new AwsError(
        'NoSuchConfigRuleInConformancePackException',
        `Config rule ${n} is not in conformance pack ${name}.`
      );
    }
  }
  const type = input.Filters?.ComplianceType;
  const rules = pack.ruleNames.filter(
    n => (wanted.length === 0 || wanted.includes(n)) && (type === undefined || ruleStatus(cfg, n) === type)
  );
  const limit = effectiveLimit(input.Limit, 1000, 1000, 'InvalidLimitException');
  const { page, next } = pageNames(rules, input.NextToken, `DescribeConformancePackCompliance:${name}`, limit);
  return {
    ConformancePackName: name,
    ConformancePackRuleComplianceList: page.map(n => ({
      ConfigRuleName: n,
      ComplianceType: ruleStatus(cfg, n),
      Controls: []
    })),
    ...(next ? { NextToken: next } : {})
  };
}

/** NON_COMPLIANT if a rule is, COMPLIANT if every rule is, else INSUFFICIENT_DATA. */
function packCompliance(cfg: ConfigState, pack: StoredPack): PackCompliance {
  const statuses = pack.ruleNames.map(n => ruleStatus(cfg, n));
  if (statuses.includes('NON_COMPLIANT')) return 'NON_COMPLIANT';
  return statuses.length > 0 && statuses.every(s => s === 'COMPLIANT') ? 'COMPLIANT' : 'INSUFFICIENT_DATA';
}

export function getConformancePackComplianceSummary(
  input: Cfg.GetConformancePackComplianceSummaryCommandInput,
  ctx: RequestContext
): unknown {
  const names = input.ConformancePackNames ?? [];
  return {
    ConformancePackComplianceSummaryList: names.map(n => {
      const { cfg, pack } = requirePack(ctx, n);
      return { ConformancePackName: n, ConformancePackComplianceStatus: packCompliance(cfg, pack) };
    })
  };
}

/**
 * "The compliance score is the percentage of the number of compliant rule-resource combinations in a conformance pack
 * compared to the number of total possible rule-resource combinations in the conformance pack." Packs without
 * evaluation results score INSUFFICIENT_DATA. (AWS Config API Reference, ConformancePackComplianceScore.)
 */
function packScore(cfg: ConfigState, pack: StoredPack): string {
  let compliant = 0;
  let total = 0;
  for (const n of pack.ruleNames) {
    for (const r of cfg.rules[n]?.results ?? []) {
      if (r.complianceType === 'COMPLIANT') compliant++;
      if (r.complianceType !== 'NOT_APPLICABLE') total++;
    }
  }
  return total === 0 ? 'INSUFFICIENT_DATA' : ((compliant / total) * 100).toFixed(2);
}

export function listConformancePackComplianceScores(
  input: Cfg.ListConformancePackComplianceScoresCommandInput,
  ctx: RequestContext
): unknown {
  const { cfg, packs } = packsOf(ctx);
  const filter = input.Filters?.ConformancePackNames;
  const scores = Object.values(packs)
    .filter(p => !filter || filter.includes(p.ConformancePackName))
    .map(p => ({
      name: p.ConformancePackName,
      score: packScore(cfg, p),
      at: p.LastUpdateCompletedTime ?? p.LastUpdateRequestedTime
    }));
  // "By default, conformance pack compliance scores are sorted in alphabetical order by name of the conformance pack."
  const numeric = (s: string): number => (s === 'INSUFFICIENT_DATA' ? -1 : Number(s));
  scores.sort((a, b) =>
    input.SortBy === 'SCORE'
      ? numeric(a.score) - numeric(b.score) || a.name.localeCompare(b.name)
      : a.name.localeCompare(b.name)
  );
  if (input.SortOrder === 'DESCENDING') scores.reverse();
  const limit = effectiveLimit(input.Limit, 20, 20, 'InvalidLimitException');
  const op = 'ListConformancePackComplianceScores';
  const scope = JSON.stringify([filter ?? [], input.SortBy ?? '', input.SortOrder ?? '']);
  let start = 0;
  if (input.NextToken !== undefined) {
    const at = decodeToken(input.NextToken, op, scope);
    if (typeof at !== 'number') throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
    start = at;
  }
  const page = scores.slice(start, start + limit);
  return {
    ConformancePackComplianceScores: page.map(s => ({
      Score: s.score,
      ConformancePackName: s.name,
      LastUpdatedTime: new Date(s.at)
    })),
    ...(start + limit < scores.length ? { NextToken: encodeToken(op, scope, start + limit) } : {})
  };
}

// ------------------------------------------------------------------------------------------ organization packs

/** The caller must be the organization's management account (the simulator has no delegated administrators). */
function requireManagement(ctx: RequestContext): void {
  const world = worldOf(ctx);
  const org = world.organization;
  // NoAvailableOrganizationException: "Organization is no longer available."
  if (!org || !world.orgAccount(ctx.state.accountId)) {
    throw new AwsError('NoAvailableOrganizationException', 'Organization is no longer available.');
  }
  // OrganizationAccessDeniedException: "For PutOrganizationConformancePack, this API is only available to the
  // management account or a delegated administrator of the organization."
  if (org.managementAccountId !== ctx.state.accountId) {
    throw new AwsError(
      'OrganizationAccessDeniedException',
      'You are not authorized to perform this operation: only the management account or a delegated administrator of the organization may.'
    );
  }
}

function noSuchOrgPack(name: string): AwsError {
  return new AwsError(
    'NoSuchOrganizationConformancePackException',
    `Organization conformance pack ${name} does not exist.`
  );
}

function memberContext(ctx: RequestContext, accountId: string): RequestContext {
  const state = worldOf(ctx).ensure(accountId, ctx.state.region);
  if (!state) throw new Error(`organization account ${accountId} is not in the simulated world`);
  const { principal: _p, ...rest } = ctx;
  return { ...rest, state };
}

export function putOrganizationConformancePack(
  input: Cfg.PutOrganizationConformancePackCommandInput,
  ctx: RequestContext
): unknown {
  requireManagement(ctx);
  const world = worldOf(ctx);
  const org = world.organization!;
  if (org.featureSet !== 'ALL') {
    throw new AwsError(
      'OrganizationAllFeaturesNotEnabledException',
      'Config resource cannot be created because your organization does not have all features enabled.'
    );
  }
  const name = input.OrganizationConformancePackName as string;
  const params = (input.ConformancePackInputParameters ?? []) as StoredPack['ConformancePackInputParameters'];
  const code = 'OrganizationConformancePackTemplateValidationException';
  const text = templateText(input, ctx, code);
  const parsed = parseOrRefuse(text, ctx, params, code);
  const orgPacks = orgPacksOf(ctx);
  const existing = Object.hasOwn(orgPacks, name) ? orgPacks[name] : undefined;
  if (existing && Object.values(existing.members).some(m => m.status.endsWith('_IN_PROGRESS'))) {
    throw new AwsError(
      'ResourceInUseException',
      `The organization conformance pack ${name} is being deployed; try again later.`
    );
  }
  const excluded = [...new Set(input.ExcludedAccounts ?? [])];
  const h = hash(`${org.id}:${ctx.state.region}:${name}`);
  const now = ctx.now().toISOString();
  const pack: StoredOrgPack = {
    OrganizationConformancePackName: name,
    OrganizationConformancePackArn:
      existing?.OrganizationConformancePackArn ??
      `arn:aws:config:${ctx.state.region}:${ctx.state.accountId}:organization-conformance-pack/${name}-${h.slice(0, 8)}`,
    ConformancePackInputParameters: structuredClone(params),
    ExcludedAccounts: excluded,
    LastUpdateTime: now,
    memberPackName: existing?.memberPackName ?? `OrgConformsPack-${name}-${h.slice(8, 16)}`,
    tags: { ...(existing?.tags ?? {}) },
    members: {}
  };
  if (input.DeliveryS3Bucket !== undefined) pack.DeliveryS3Bucket = input.DeliveryS3Bucket;
  if (input.DeliveryS3KeyPrefix !== undefined) pack.DeliveryS3KeyPrefix = input.DeliveryS3KeyPrefix;
  orgPacks[name] = pack;
  const targets = org.accounts.filter(a => a.status === 'ACTIVE' && !excluded.includes(a.id)).map(a => a.id);
  // Accounts excluded now lose the pack they had.
  for (const accountId of Object.keys(existing?.members ?? {})) {
    if (targets.includes(accountId)) continue;
    const mctx = memberContext(ctx, accountId);
    if (Object.hasOwn(packsOf(mctx).packs, pack.memberPackName)) deletePackIn(mctx, pack.memberPackName);
  }
  for (const accountId of targets) {
    const updating = existing?.members[accountId] !== undefined;
    const verb = updating ? 'UPDATE' : 'CREATE';
    const member: StoredOrgPack['members'][string] = { status: `${verb}_IN_PROGRESS`, lastUpdateTime: now };
    pack.members[accountId] = member;
    const failure = world.organizationConformancePackFailures[accountId];
    const settle = (reason: string | undefined, errorCode?: string): void => {
      member.lastUpdateTime = ctx.now().toISOString();
      if (reason === undefined) {
        member.status = `${verb}_SUCCESSFUL`;
      } else {
        member.status = `${verb}_FAILED`;
        member.errorCode = errorCode ?? 'ConformancePackDeploymentFailed';
        member.errorMessage = reason;
      }
    };
    if (failure) {
      const delay = packDelaySeconds(ctx);
      const fail = (): void => settle(failure.errorMessage, failure.errorCode);
      if (delay === 0) fail();
      else ctx.sim.schedule(delay * 1000, fail);
      continue;
    }
    const details = {
      ConformancePackInputParameters: params,
      DeliveryS3Bucket: input.DeliveryS3Bucket,
      DeliveryS3KeyPrefix: input.DeliveryS3KeyPrefix
    };
    createOrUpdatePack(
      memberContext(ctx, accountId),
      pack.memberPackName,
      parsed,
      details,
      MULTI_ACCOUNT_SERVICE,
      reason => settle(reason)
    );
  }
  return { OrganizationConformancePackArn: pack.OrganizationConformancePackArn };
}

function requireOrgPacks(ctx: RequestContext, names: readonly string[]): string[] {
  requireManagement(ctx);
  const all = orgPacksOf(ctx);
  for (const n of names) if (!Object.hasOwn(all, n)) throw noSuchOrgPack(n);
  return names.length > 0 ? [...names] : Object.keys(all);
}

export function describeOrganizationConformancePacks(
  input: Cfg.DescribeOrganizationConformancePacksCommandInput,
  ctx: RequestContext
): unknown {
  const names = requireOrgPacks(ctx, input.OrganizationConformancePackNames ?? []);
  const all = orgPacksOf(ctx);
  const limit = effectiveLimit(input.Limit, 100, 100, 'InvalidLimitException');
  const { page, next } = pageNames(names, input.NextToken, 'DescribeOrganizationConformancePacks', limit);
  return {
    OrganizationConformancePacks: page.map(n => {
      const p = all[n]!;
      const out: Record<string, unknown> = {
        OrganizationConformancePackName: p.OrganizationConformancePackName,
        OrganizationConformancePackArn: p.OrganizationConformancePackArn,
        ConformancePackInputParameters: structuredClone(p.ConformancePackInputParameters),
        ExcludedAccounts: [...p.ExcludedAccounts],
        LastUpdateTime: new Date(p.LastUpdateTime)
      };
      if (p.DeliveryS3Bucket !== undefined) out['DeliveryS3Bucket'] = p.DeliveryS3Bucket;
      if (p.DeliveryS3KeyPrefix !== undefined) out['DeliveryS3KeyPrefix'] = p.DeliveryS3KeyPrefix;
      return out;
    }),
    ...(next ? { NextToken: next } : {})
  };
}

/**
 * The pack's status over its members: "CREATE_FAILED when an organization conformance pack creation failed in one or
 * more member accounts within that organization" (OrganizationConformancePackStatus.Status); in progress while any
 * member is; successful when all are.
 */
function overallStatus(p: StoredOrgPack): { status: string; errorCode?: string; errorMessage?: string } {
  const members = Object.values(p.members);
  const verb = members.some(m => m.status.startsWith('UPDATE')) ? 'UPDATE' : 'CREATE';
  if (members.some(m => m.status.endsWith('_IN_PROGRESS'))) return { status: `${verb}_IN_PROGRESS` };
  const failed = Object.entries(p.members).filter(([, m]) => m.status.endsWith('_FAILED'));
  if (failed.length > 0) {
    return {
      status: `${verb}_FAILED`,
      errorCode: 'OrganizationConformancePackDeploymentFailed',
      errorMessage: `Deployment failed in ${failed.length} member account(s): ${failed.map(([a]) => a).join(', ')}`
    };
  }
  return { status: `${verb}_SUCCESSFUL` };
}

export function describeOrganizationConformancePackStatuses(
  input: Cfg.DescribeOrganizationConformancePackStatusesCommandInput,
  ctx: RequestContext
): unknown {
  const names = requireOrgPacks(ctx, input.OrganizationConformancePackNames ?? []);
  const all = orgPacksOf(ctx);
  const limit = effectiveLimit(input.Limit, 100, 100, 'InvalidLimitException');
  const { page, next } = pageNames(names, input.NextToken, 'DescribeOrganizationConformancePackStatuses', limit);
  return {
    OrganizationConformancePackStatuses: page.map(n => {
      const p = all[n]!;
      const s = overallStatus(p);
      return {
        OrganizationConformancePackName: n,
        Status: s.status,
        ...(s.errorCode ? { ErrorCode: s.errorCode, ErrorMessage: s.errorMessage } : {}),
        LastUpdateTime: new Date(p.LastUpdateTime)
      };
    }),
    ...(next ? { NextToken: next } : {})
  };
}

export function getOrganizationConformancePackDetailedStatus(
  input: Cfg.GetOrganizationConformancePackDetailedStatusCommandInput,
  ctx: RequestContext
): unknown {
  const name = input.OrganizationConformancePackName as string;
  requireOrgPacks(ctx, [name]);
  const p = orgPacksOf(ctx)[name]!;
  const f = input.Filters ?? {};
  const accounts = Object.keys(p.members)
    .sort()
    .filter(
      a =>
        (f.AccountId === undefined || a === f.AccountId) &&
        (f.Status === undefined || p.members[a]!.status === f.Status)
    );
  const limit = effectiveLimit(input.Limit, 100, 100, 'InvalidLimitException');
  const { page, next } = pageNames(
    accounts,
    input.NextToken,
    `GetOrganizationConformancePackDetailedStatus:${name}:${f.AccountId ?? ''}:${f.Status ?? ''}`,
    limit
  );
  return {
    OrganizationConformancePackDetailedStatuses: page.map(a => {
      const m = p.members[a]!;
      const out: Record<string, unknown> = {
        AccountId: a,
        ConformancePackName: p.memberPackName,
        Status: m.status,
        LastUpdateTime: new Date(m.lastUpdateTime)
      };
      if (m.errorCode !== undefined) out['ErrorCode'] = m.errorCode;
      if (m.errorMessage !== undefined) out['ErrorMessage'] = m.errorMessage;
      return out;
    }),
    ...(next ? { NextToken: next } : {})
  };
}

export function deleteOrganizationConformancePack(
  input: Cfg.DeleteOrganizationConformancePackCommandInput,
  ctx: RequestContext
): unknown {
  const name = input.OrganizationConformancePackName as string;
  requireOrgPacks(ctx, [name]);
  const all = orgPacksOf(ctx);
  const p = all[name]!;
  if (overallStatus(p).status.endsWith('_IN_PROGRESS')) {
    throw new AwsError(
      'ResourceInUseException',
      `The organization conformance pack ${name} is being deployed; try again later.`
    );
  }
  for (const accountId of Object.keys(p.members)) {
    const mctx = memberContext(ctx, accountId);
    if (Object.hasOwn(packsOf(mctx).packs, p.memberPackName)) deletePackIn(mctx, p.memberPackName);
  }
  delete all[name];
  return {};
}
