/**
 * AWS Config calls of deploy-as: conformance-pack / organization-conformance-pack: read the packs, put and delete
 * them, wait (bounded, wait.ts) until AWS Config has finished, and read each pack's status and compliance.
 * AWS Config API Reference: PutConformancePack, DescribeConformancePackStatus, DeleteConformancePack,
 * GetConformancePackComplianceSummary, ListConformancePackComplianceScores, PutOrganizationConformancePack,
 * DescribeOrganizationConformancePackStatuses, GetOrganizationConformancePackDetailedStatus,
 * DeleteOrganizationConformancePack (https://docs.aws.amazon.com/config/latest/APIReference/).
 */
import {
  type ConfigServiceClient,
  DeleteConformancePackCommand,
  DeleteOrganizationConformancePackCommand,
  DescribeConformancePackStatusCommand,
  DescribeOrganizationConformancePackStatusesCommand,
  GetConformancePackComplianceSummaryCommand,
  PutConformancePackCommand,
  PutOrganizationConformancePackCommand,
  TagResourceCommand,
  paginateDescribeConformancePackCompliance,
  paginateDescribeConformancePacks,
  paginateDescribeOrganizationConformancePacks,
  paginateGetOrganizationConformancePackDetailedStatus,
  paginateListConformancePackComplianceScores,
  paginateListTagsForResource
} from '@aws-sdk/client-config-service';
import { awsErrorCode } from '../../aws/clients.js';
import { AwsCallError } from '../../errors.js';
import { MANAGED_TAG } from '../../desired/model.js';
import { chunk } from '../../util/concurrency.js';
import { pollUntil, type Poll, type WaitDeps } from '../wait.js';
import type { ActualPack, PackMode } from './plan.js';
import { packTags } from './plan.js';
import { TEMPLATE_BODY_MAX_BYTES, TEMPLATE_HASH_TAG, type DesiredPack } from './template.js';

export interface MemberStatus {
  accountId: string;
  status: string;
  errorCode?: string;
  errorMessage?: string;
}

async function tagsOf(config: ConfigServiceClient, arn: string): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  for await (const page of paginateListTagsForResource({ client: config }, { ResourceArn: arn })) {
    for (const t of page.Tags ?? []) if (t.Key) tags.set(t.Key, t.Value ?? '');
  }
  return tags;
}

function actualOf(
  name: string,
  arn: string,
  tags: Map<string, string>,
  params: { ParameterName?: string | undefined; ParameterValue?: string | undefined }[] | undefined
): ActualPack {
  const a: ActualPack = {
    name,
    arn,
    managed: tags.get(MANAGED_TAG.Key) === MANAGED_TAG.Value,
    parameters: Object.fromEntries((params ?? []).map(p => [p.ParameterName ?? '', p.ParameterValue ?? '']))
  };
  const hash = tags.get(TEMPLATE_HASH_TAG);
  if (hash !== undefined) a.hash = hash;
  return a;
}

/** The packs of the account and region (conformance packs) or of the organization (organization packs), with tags. */
export async function readPacks(config: ConfigServiceClient, mode: PackMode): Promise<Map<string, ActualPack>> {
  const packs = new Map<string, ActualPack>();
  if (mode === 'conformance-pack') {
    for await (const page of paginateDescribeConformancePacks({ client: config }, {})) {
      for (const p of page.ConformancePackDetails ?? []) {
        if (!p.ConformancePackName || !p.ConformancePackArn) continue;
        const tags = await tagsOf(config, p.ConformancePackArn);
        packs.set(
          p.ConformancePackName,
          actualOf(p.ConformancePackName, p.ConformancePackArn, tags, p.ConformancePackInputParameters)
        );
      }
    }
    for (const names of chunk([...packs.keys()], 25)) {
      const out = await config.send(new DescribeConformancePackStatusCommand({ ConformancePackNames: names }));
      for (const s of out.ConformancePackStatusDetails ?? []) {
        const a = s.ConformancePackName ? packs.get(s.ConformancePackName) : undefined;
        if (a && s.ConformancePackState) a.state = s.ConformancePackState;
      }
    }
    return packs;
  }
  for await (const page of paginateDescribeOrganizationConformancePacks({ client: config }, {})) {
    for (const p of page.OrganizationConformancePacks ?? []) {
      if (!p.OrganizationConformancePackName || !p.OrganizationConformancePackArn) continue;
      const tags = await tagsOf(config, p.OrganizationConformancePackArn);
      const a = actualOf(
        p.OrganizationConformancePackName,
        p.OrganizationConformancePackArn,
        tags,
        p.ConformancePackInputParameters
      );
      a.excludedAccounts = p.ExcludedAccounts ?? [];
      packs.set(p.OrganizationConformancePackName, a);
    }
  }
  return packs;
}

/**
 * The template argument of a put: TemplateBody up to AWS's 51,200 bytes. Past it AWS takes TemplateS3Uri, which needs
 * the template uploaded to S3 (s3:PutObject); this version does not upload, so it is an error naming the limit and
 * the template-s3-bucket input (fail closed: the pack is never deployed partially).
 */
export function templateArgument(pack: DesiredPack, templateS3Bucket: string | undefined): { TemplateBody: string } {
  if (pack.bytes <= TEMPLATE_BODY_MAX_BYTES) return { TemplateBody: pack.body };
  const why = `conformance pack ${pack.name} (${pack.origin}): its template is ${pack.bytes} bytes, over AWS Config's ${TEMPLATE_BODY_MAX_BYTES}-byte TemplateBody limit`;
  throw new AwsCallError(
    'config:PutConformancePack',
    'TemplateTooLarge',
    undefined,
    templateS3Bucket
      ? `${why}; uploading it to template-s3-bucket (${templateS3Bucket}) for TemplateS3Uri is not supported by this version: split the pack.`
      : `${why}; split the pack (input template-s3-bucket, for TemplateS3Uri, is not supported by this version).`,
    true
  );
}

export async function putPack(
  config: ConfigServiceClient,
  mode: PackMode,
  pack: DesiredPack,
  options: { templateS3Bucket?: string | undefined; excludedAccounts: readonly string[] }
): Promise<void> {
  const template = templateArgument(pack, options.templateS3Bucket);
  const out =
    mode === 'conformance-pack'
      ? await config.send(new PutConformancePackCommand({ ConformancePackName: pack.name, ...template }))
      : await config.send(
          new PutOrganizationConformancePackCommand({
            OrganizationConformancePackName: pack.name,
            ...template,
            ExcludedAccounts: [...options.excludedAccounts]
          })
        );
  // The AWS Config model this action is built against has no Tags on PutConformancePack /
  // PutOrganizationConformancePack, so the pack is tagged on its ARN: TagResource supports ConformancePack and
  // OrganizationConformancePack (https://docs.aws.amazon.com/config/latest/APIReference/API_TagResource.html).
  // Tagged after every put: the template hash changes with the template.
  const arn =
    'ConformancePackArn' in out
      ? out.ConformancePackArn
      : (out as { OrganizationConformancePackArn?: string }).OrganizationConformancePackArn;
  if (!arn) {
    throw new AwsCallError(
      mode === 'conformance-pack' ? 'config:PutConformancePack' : 'config:PutOrganizationConformancePack',
      'NoArn',
      out.$metadata.requestId,
      `${mode} ${pack.name}: AWS returned no ARN, so the pack could not be tagged with its template hash`
    );
  }
  await config.send(new TagResourceCommand({ ResourceArn: arn, Tags: packTags(pack.hash) }));
}

/**
 * Waits until a conformance pack is CREATE_COMPLETE; CREATE_FAILED is an error with AWS's reason
 * (ConformancePackStatusDetail.ConformancePackState / ConformancePackStatusReason).
 */
export async function waitPackCreated(config: ConfigServiceClient, name: string, deps: WaitDeps): Promise<void> {
  await pollUntil(
    'config:DescribeConformancePackStatus',
    `conformance pack ${name}`,
    async (): Promise<Poll<void>> => {
      const out = await config.send(new DescribeConformancePackStatusCommand({ ConformancePackNames: [name] }));
      const s = out.ConformancePackStatusDetails?.[0];
      if (s?.ConformancePackState === 'CREATE_COMPLETE') return { done: true, value: undefined };
      if (s?.ConformancePackState === 'CREATE_FAILED') {
        throw new AwsCallError(
          'config:DescribeConformancePackStatus',
          'CREATE_FAILED',
          out.$metadata.requestId,
          `conformance pack ${name} is CREATE_FAILED: ${s.ConformancePackStatusReason ?? 'AWS gave no reason'}`
        );
      }
      return {
        done: false,
        waiting: `conformance pack ${name} is ${s?.ConformancePackState ?? 'not listed yet'}, waiting until it is CREATE_COMPLETE`
      };
    },
    deps
  );
}

/** Waits until no member of an organization pack is in progress (OrganizationConformancePackStatus.Status). */
export async function waitOrgPackSettled(config: ConfigServiceClient, name: string, deps: WaitDeps): Promise<void> {
  await pollUntil(
    'config:DescribeOrganizationConformancePackStatuses',
    `organization conformance pack ${name}`,
    async (): Promise<Poll<void>> => {
      const out = await config.send(
        new DescribeOrganizationConformancePackStatusesCommand({ OrganizationConformancePackNames: [name] })
      );
      const status = out.OrganizationConformancePackStatuses?.[0]?.Status;
      if (status && !status.endsWith('_IN_PROGRESS')) return { done: true, value: undefined };
      return {
        done: false,
        waiting: `organization conformance pack ${name} is ${status ?? 'in no status'}, waiting until every member has finished`
      };
    },
    deps
  );
}

/** Every member's status (GetOrganizationConformancePackDetailedStatus, paged). */
export async function memberStatuses(config: ConfigServiceClient, name: string): Promise<MemberStatus[]> {
  const members: MemberStatus[] = [];
  for await (const page of paginateGetOrganizationConformancePackDetailedStatus(
    { client: config },
    { OrganizationConformancePackName: name }
  )) {
    for (const s of page.OrganizationConformancePackDetailedStatuses ?? []) {
      const m: MemberStatus = { accountId: s.AccountId ?? '?', status: s.Status ?? 'UNKNOWN' };
      if (s.ErrorCode) m.errorCode = s.ErrorCode;
      if (s.ErrorMessage) m.errorMessage = s.ErrorMessage;
      members.push(m);
    }
  }
  return members.sort((a, b) => a.accountId.localeCompare(b.accountId));
}

/** Deletes a pack and waits until AWS Config no longer lists it. */
export async function deletePack(
  config: ConfigServiceClient,
  mode: PackMode,
  name: string,
  deps: WaitDeps
): Promise<void> {
  if (mode === 'conformance-pack') {
    await config.send(new DeleteConformancePackCommand({ ConformancePackName: name }));
    await pollUntil(
      'config:DescribeConformancePackStatus',
      `conformance pack ${name}`,
      async (): Promise<Poll<void>> => {
        const out = await config.send(new DescribeConformancePackStatusCommand({ ConformancePackNames: [name] }));
        const s = out.ConformancePackStatusDetails?.[0];
        if (!s) return { done: true, value: undefined };
        if (s.ConformancePackState === 'DELETE_FAILED') {
          throw new AwsCallError(
            'config:DeleteConformancePack',
            'DELETE_FAILED',
            out.$metadata.requestId,
            `conformance pack ${name} is DELETE_FAILED: ${s.ConformancePackStatusReason ?? 'AWS gave no reason'}`
          );
        }
        return {
          done: false,
          waiting: `conformance pack ${name} is ${s.ConformancePackState ?? 'in no state'}, waiting until it is gone`
        };
      },
      deps
    );
    return;
  }
  await config.send(new DeleteOrganizationConformancePackCommand({ OrganizationConformancePackName: name }));
  await pollUntil(
    'config:DescribeOrganizationConformancePackStatuses',
    `organization conformance pack ${name}`,
    async (): Promise<Poll<void>> => {
      try {
        const out = await config.send(
          new DescribeOrganizationConformancePackStatusesCommand({ OrganizationConformancePackNames: [name] })
        );
        const status = out.OrganizationConformancePackStatuses?.[0]?.Status;
        if (!status) return { done: true, value: undefined };
        if (status === 'DELETE_FAILED') {
          throw new AwsCallError(
            'config:DeleteOrganizationConformancePack',
            'DELETE_FAILED',
            out.$metadata.requestId,
            `organization conformance pack ${name} is DELETE_FAILED: ${out.OrganizationConformancePackStatuses?.[0]?.ErrorMessage ?? 'AWS gave no reason'}`
          );
        }
        return { done: false, waiting: `organization conformance pack ${name} is ${status}, waiting until it is gone` };
      } catch (err) {
        if (awsErrorCode(err) === 'NoSuchOrganizationConformancePackException') return { done: true, value: undefined };
        throw err;
      }
    },
    deps
  );
}

export interface PackCompliance {
  /** COMPLIANT | NON_COMPLIANT | INSUFFICIENT_DATA (GetConformancePackComplianceSummary). */
  status?: string;
  /** ListConformancePackComplianceScores: a percentage with two decimals, or INSUFFICIENT_DATA. */
  score?: string;
  /** The pack's deployed rule names (DescribeConformancePackCompliance). */
  ruleNames: string[];
}

/** Compliance of packs deployed in the caller's account and region, by pack name. */
export async function readPackCompliance(
  config: ConfigServiceClient,
  names: readonly string[]
): Promise<Map<string, PackCompliance>> {
  const out = new Map<string, PackCompliance>(names.map(n => [n, { ruleNames: [] }]));
  if (names.length === 0) return out;
  // GetConformancePackComplianceSummary takes 1 to 5 names a call (ConformancePackNames).
  for (const batch of chunk([...names], 5)) {
    const r = await config.send(new GetConformancePackComplianceSummaryCommand({ ConformancePackNames: batch }));
    for (const s of r.ConformancePackComplianceSummaryList ?? []) {
      const c = s.ConformancePackName ? out.get(s.ConformancePackName) : undefined;
      if (c && s.ConformancePackComplianceStatus) c.status = s.ConformancePackComplianceStatus;
    }
  }
  // Filters.ConformancePackNames: 0 to 25 names.
  for (const batch of chunk([...names], 25)) {
    for await (const page of paginateListConformancePackComplianceScores(
      { client: config },
      { Filters: { ConformancePackNames: batch } }
    )) {
      for (const s of page.ConformancePackComplianceScores ?? []) {
        const c = s.ConformancePackName ? out.get(s.ConformancePackName) : undefined;
        if (c && s.Score) c.score = s.Score;
      }
    }
  }
  for (const name of names) {
    for await (const page of paginateDescribeConformancePackCompliance(
      { client: config },
      { ConformancePackName: name }
    )) {
      for (const r of page.ConformancePackRuleComplianceList ?? [])
        if (r.ConfigRuleName) out.get(name)!.ruleNames.push(r.ConfigRuleName);
    }
  }
  return out;
}
