/**
 * Deploy as conformance packs (deploy-as: conformance-pack) or organization conformance packs (deploy-as:
 * organization-conformance-pack): desired packs -> read the packs AWS holds -> plan -> apply/destroy (never in plan
 * mode) -> status and compliance of each pack. A member account whose organization pack failed is a deployment
 * failure reported per member (not drift).
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { AwsCallError, InputError } from '../../errors.js';
import type { DesiredState } from '../../desired/model.js';
import type { ApplyResult } from '../apply.js';
import type { Plan, PlanItem } from '../plan.js';
import type { WaitDeps } from '../wait.js';
import {
  deletePack,
  memberStatuses,
  putPack,
  readPackCompliance,
  readPacks,
  waitOrgPackSettled,
  waitPackCreated,
  type MemberStatus
} from './aws.js';
import { buildPackPlan, type PackMode } from './plan.js';
import { desiredPacks, packsRefusal } from './template.js';

export interface PackReport {
  name: string;
  origin: string;
  /** Template bytes sent as TemplateBody. */
  templateBytes: number;
  rules: number;
  /** Compliance of the pack in the caller's account and region, when it is deployed there. */
  compliance?: string;
  score?: string;
  /** The name of the pack in the caller's account (organization packs: OrgConformsPack-NAME-SUFFIX). */
  deployedAs?: string;
  /** Organization packs: every member's status. */
  members?: MemberStatus[];
}

export interface PackRunResult {
  mode: PackMode;
  packs: PackReport[];
  /** Deployed rule names in the caller's account and region to check, with the HIPAA sections of their template rule. */
  checkRules: { name: string; hipaaSections: string[] }[];
  /** Members whose organization pack failed (CREATE_FAILED / UPDATE_FAILED). */
  failedMembers: (MemberStatus & { pack: string })[];
}

export interface PackDeployOptions {
  mode: PackMode;
  deploy: 'plan' | 'apply' | 'destroy';
  prune: boolean;
  templateS3Bucket?: string;
  excludedAccounts: readonly string[];
}

/** `X-conformance-pack-SUFFIX` is how AWS Config names template rule X in a pack; the template name, else the name. */
export function templateRuleName(deployed: string): string {
  return /^(.+)-conformance-pack-[a-z0-9]+$/.exec(deployed)?.[1] ?? deployed;
}

export async function runPackDeploy(
  config: ConfigServiceClient,
  desired: DesiredState,
  options: PackDeployOptions,
  deps: WaitDeps
): Promise<{ plan: Plan; applied?: ApplyResult; packs: PackRunResult }> {
  const { logger } = deps;
  const { mode } = options;
  const packs = desiredPacks(desired);
  const refusal = packsRefusal(desired, packs, mode);
  if (refusal) throw new InputError('deploy-as', refusal);
  for (const p of packs) {
    logger.info(`Conformance pack ${p.name} (${p.origin}): ${p.rules.length} rules, template ${p.bytes} bytes.`);
  }

  const actual = await readPacks(config, mode);
  const plan = buildPackPlan(packs, actual, mode, {
    mode: options.deploy === 'destroy' ? 'destroy' : 'apply',
    prune: options.prune,
    excludedAccounts: options.excludedAccounts
  });
  logger.info(
    `Plan (${mode}): ${plan.counts.create} to create, ${plan.counts.update} to update, ${plan.counts.delete} to delete, ${plan.counts.unchanged} unchanged.`
  );

  let applied: ApplyResult | undefined;
  if (options.deploy === 'apply' || options.deploy === 'destroy') {
    const done: PlanItem[] = [];
    try {
      for (const item of plan.items) {
        if (item.action === 'create' || item.action === 'update') {
          const pack = packs.find(p => p.name === item.name)!;
          await putPack(config, mode, pack, {
            templateS3Bucket: options.templateS3Bucket,
            excludedAccounts: options.excludedAccounts
          });
          if (mode === 'conformance-pack') await waitPackCreated(config, pack.name, deps);
          else await waitOrgPackSettled(config, pack.name, deps);
          logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} ${mode} ${item.name}.`);
          done.push(item);
        } else if (item.action === 'delete') {
          await deletePack(config, mode, item.name, deps);
          logger.info(`Deleted ${mode} ${item.name}.`);
          done.push(item);
        }
      }
      applied = { done };
    } catch (err) {
      if (!(err instanceof AwsCallError)) throw err;
      applied = { done, error: err };
    }
  }

  const result: PackRunResult = { mode, packs: [], checkRules: [], failedMembers: [] };
  const sections = new Map(desired.rules.map(r => [r.name, r.hipaaSections]));
  const present =
    options.deploy === 'destroy'
      ? new Set<string>()
      : await deployedNames(
          config,
          mode,
          packs.map(p => p.name)
        );
  const reports = new Map<string, PackReport>();
  for (const p of packs) {
    const report: PackReport = { name: p.name, origin: p.origin, templateBytes: p.bytes, rules: p.rules.length };
    reports.set(p.name, report);
    result.packs.push(report);
    if (!present.has(p.name)) continue;
    if (mode === 'organization-conformance-pack') {
      report.members = await memberStatuses(config, p.name);
      for (const m of report.members)
        if (m.status.endsWith('_FAILED')) result.failedMembers.push({ ...m, pack: p.name });
    }
  }
  // Compliance of the packs in the caller's own account and region (organization packs: the member pack there).
  const own = await ownPackNames(
    config,
    mode,
    packs.map(p => p.name),
    present
  );
  const compliance = await readPackCompliance(config, [...own.values()]);
  for (const [name, deployedAs] of own) {
    const c = compliance.get(deployedAs);
    const report = reports.get(name)!;
    report.deployedAs = deployedAs;
    if (c?.status) report.compliance = c.status;
    if (c?.score) report.score = c.score;
    for (const rule of c?.ruleNames ?? []) {
      result.checkRules.push({ name: rule, hipaaSections: sections.get(templateRuleName(rule)) ?? [] });
    }
  }
  return { plan, ...(applied ? { applied } : {}), packs: result };
}

/** Which desired packs exist now. */
async function deployedNames(
  config: ConfigServiceClient,
  mode: PackMode,
  names: readonly string[]
): Promise<Set<string>> {
  const now = await readPacks(config, mode);
  return new Set(names.filter(n => now.has(n)));
}

/**
 * The pack names in the caller's account and region: a conformance pack is its own name; an organization pack is
 * deployed as OrgConformsPack-NAME-SUFFIX in each member, the management account included when it is a member.
 */
async function ownPackNames(
  config: ConfigServiceClient,
  mode: PackMode,
  names: readonly string[],
  present: ReadonlySet<string>
): Promise<Map<string, string>> {
  const own = new Map<string, string>();
  if (mode === 'conformance-pack') {
    for (const n of names) if (present.has(n)) own.set(n, n);
    return own;
  }
  const local = await readPacks(config, 'conformance-pack');
  for (const n of names) {
    if (!present.has(n)) continue;
    const member = [...local.keys()].find(k => k.startsWith(`OrgConformsPack-${n}-`));
    if (member) own.set(n, member);
  }
  return own;
}
