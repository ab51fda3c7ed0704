/**
 * The plan a human approves: the targets (rule, resource, runbook version and hash, masked parameters, route) in a
 * stable order, and the hash over them. Pure: candidates and what was read from AWS in, a deterministic plan out.
 *
 * The plan is hashed in a canonical form (object keys sorted, no whitespace), so the same targets always give the
 * same hash, whatever order they were built in. Parameters are masked (mask.ts) before they reach the plan: the hash
 * covers the masked form, i.e. exactly what a reviewer sees and approves.
 */
import { createHash } from 'node:crypto';
import type { Finding, RuleResult } from '../compliance/types.js';
import type { DesiredRemediation, RemediationParameterJson } from '../desired/model.js';
import { maskParameters } from './mask.js';

export const PLAN_SCHEMA_VERSION = 1;

/** How a target is run: through its Config remediation configuration, or SSM Automation directly. */
export type Route = 'config' | 'ssm';

export type RemediationMode = 'plan' | 'apply';

/** The runbook a target runs, as deployed: the version that runs and its content hash (SSM `Hash`, sha256). */
export interface PlanRunbook {
  name: string;
  /** The document version that runs; 'not deployed' when the document does not exist. */
  version: string;
  /** sha256 of the document version's content; '' when not deployed. */
  hash: string;
}

/** One resource to remediate. Everything in it is covered by the plan hash. */
export interface PlanTarget {
  rule: string;
  hipaaSections: string[];
  resourceType: string;
  resourceId: string;
  fingerprint: string;
  runbook: PlanRunbook;
  /** The parameters the runbook gets (static values and the resource id), secret values masked. */
  parameters: Record<string, string[]>;
  route: Route;
}

export interface RemediationPlan {
  schemaVersion: number;
  /** sha256 (hex) of the canonical { accountId, region, targets }. */
  hash: string;
  mode: RemediationMode;
  accountId: string;
  region: string;
  /** ISO 8601; not hashed. */
  createdAt: string;
  targets: PlanTarget[];
  /** Things a reviewer should know (drift between manifest and account, runbooks not deployed); not hashed. */
  notes: string[];
  /**
   * Targets left out of this plan with the reason (a recent automatic remediation by AWS Config: recent.ts); not
   * hashed, not run. Absent when none.
   */
  skipped?: SkippedPlanTarget[];
}

/** A target the plan leaves out, and why. */
export interface SkippedPlanTarget {
  target: PlanTarget;
  reason: string;
}

/**
 * Resource types Config evaluates but StartRemediationExecution does not take (they are not in its ResourceType
 * enum): the account itself, for account-level rules such as ec2-ebs-encryption-by-default.
 */
const CONFIG_UNREMEDIABLE_TYPES: ReadonlySet<string> = new Set(['AWS::::Account']);

/** A non-compliant, unwaived finding of a rule that has a remediation binding (select.ts picks them). */
export interface Candidate {
  finding: Finding;
  rule: RuleResult;
  binding: DesiredRemediation;
}

/** A planned target with what is needed to run it (never written out: its parameters are not masked). */
export interface PlannedTarget {
  target: PlanTarget;
  binding: DesiredRemediation;
  /** Parameters for StartAutomationExecution (unmasked). */
  executionParameters: Record<string, string[]>;
  /** The document version to start (SSM route: pinned to the planned version). */
  documentVersion?: string;
}

/** A remediation configuration as deployed in AWS Config (DescribeRemediationConfigurations). */
export interface DeployedRemediationConfig {
  targetId: string;
  targetVersion?: string;
  parameters: Record<string, RemediationParameterJson>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Stable order of targets: rule, resource type, resource id. */
export function compareTargets(
  a: { rule: string; resourceType: string; resourceId: string },
  b: { rule: string; resourceType: string; resourceId: string }
): number {
  return cmp(a.rule, b.rule) || cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId);
}

/** Identifies a target across plans: rule, resource type and id. */
export function targetKey(t: { rule: string; resourceType: string; resourceId: string }): string {
  return `${t.rule}\u0000${t.resourceType}\u0000${t.resourceId}`;
}

/** `rule resourceType/resourceId`, for messages. */
export function describeTarget(t: { rule: string; resourceType: string; resourceId: string }): string {
  return `${t.rule} ${t.resourceType}/${t.resourceId}`;
}

/** At most `max` items, comma-separated, then how many more (for messages). */
export function listed(items: readonly string[], max = 20): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, ... (${items.length - max} more)` : shown;
}

/** The parameters a runbook gets for a resource: static values as given, RESOURCE_ID parameters the resource id. */
export function finalParameters(
  parameters: Readonly<Record<string, RemediationParameterJson>>,
  resourceId: string
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(parameters).sort(cmp)) {
    const p = parameters[name];
    if (p?.ResourceValue) out[name] = [resourceId];
    else if (p?.StaticValue) out[name] = [...p.StaticValue.Values];
  }
  return out;
}

/** The name of the parameter that receives the resource id, if any. */
export function resourceIdParameterOf(
  parameters: Readonly<Record<string, RemediationParameterJson>>
): string | undefined {
  return Object.keys(parameters).find(k => parameters[k]?.ResourceValue !== undefined);
}

/** Key of a runbook version read from SSM: name and requested version ('$DEFAULT' when none). */
export function runbookKey(name: string, version: string | undefined): string {
  return `${name}@${version ?? '$DEFAULT'}`;
}

export interface BuildPlanInput {
  candidates: readonly Candidate[];
  /** Remediation configurations deployed in AWS Config, by rule: these rules run through Config. */
  deployed: ReadonlyMap<string, DeployedRemediationConfig>;
  /** Runbooks as read from SSM, by runbookKey(); absent: not deployed. */
  runbooks: ReadonlyMap<string, { version: string; hash: string }>;
  /** Hash of each runbook the manifest declares, to tell when the deployed one differs. */
  manifestHashes: ReadonlyMap<string, string>;
  mode: RemediationMode;
  accountId: string;
  region: string;
  createdAt: string;
  /** Targets to leave out (by targetKey), with the reason: listed in `skipped` and the notes, not run, not hashed. */
  skip?: ReadonlyMap<string, string>;
}

/** The plan: targets with runbook version, final parameters and route; the hash over them. */
export function buildPlan(input: BuildPlanInput): { plan: RemediationPlan; planned: PlannedTarget[] } {
  const notes = new Set<string>();
  const planned = input.candidates.map(c => {
    const deployed = input.deployed.get(c.binding.ruleName);
    const targetId = deployed?.targetId ?? c.binding.targetId;
    const targetVersion = deployed ? deployed.targetVersion : c.binding.targetVersion;
    const parameters = deployed?.parameters ?? c.binding.parameters;
    if (deployed) {
      const same =
        deployed.targetId === c.binding.targetId &&
        (deployed.targetVersion ?? '') === (c.binding.targetVersion ?? '') &&
        canonicalJson(deployed.parameters) === canonicalJson(c.binding.parameters);
      if (!same) {
        notes.add(
          `${c.binding.ruleName}: the remediation configuration in AWS Config differs from the manifest's binding; the plan shows what Config will run (deploy to update it).`
        );
      }
    }
    const read = input.runbooks.get(runbookKey(targetId, targetVersion));
    const runbook: PlanRunbook = read
      ? { name: targetId, version: read.version, hash: read.hash }
      : { name: targetId, version: 'not deployed', hash: '' };
    if (!read) notes.add(`Runbook ${targetId} is not deployed in the account: the targets that use it cannot run.`);
    const manifestHash = input.manifestHashes.get(targetId);
    if (read && manifestHash !== undefined && manifestHash !== read.hash.toLowerCase()) {
      notes.add(
        `Runbook ${targetId} version ${read.version} in the account differs from the manifest's file; the plan shows the deployed version.`
      );
    }
    const executionParameters = finalParameters(parameters, c.finding.resourceId);
    const route: Route = deployed && !CONFIG_UNREMEDIABLE_TYPES.has(c.finding.resourceType) ? 'config' : 'ssm';
    if (deployed && route === 'ssm') {
      notes.add(
        `${c.binding.ruleName}: ${c.finding.resourceType} targets run through SSM Automation directly, with the parameters of the remediation configuration (StartRemediationExecution does not take that resource type).`
      );
    }
    const target: PlanTarget = {
      rule: c.rule.ruleName,
      hipaaSections: [...(c.rule.hipaaSections ?? [])],
      resourceType: c.finding.resourceType,
      resourceId: c.finding.resourceId,
      fingerprint: c.finding.fingerprint,
      runbook,
      parameters: maskParameters(executionParameters, resourceIdParameterOf(parameters)),
      route
    };
    const p: PlannedTarget = { target, binding: c.binding, executionParameters };
    if (route === 'ssm' && read) p.documentVersion = read.version;
    return p;
  });
  planned.sort((a, b) => compareTargets(a.target, b.target));
  const skipped: SkippedPlanTarget[] = [];
  const kept = planned.filter(p => {
    const reason = input.skip?.get(targetKey(p.target));
    if (reason === undefined) return true;
    skipped.push({ target: p.target, reason });
    notes.add(`${describeTarget(p.target)} skipped: ${reason}.`);
    return false;
  });
  const targets = kept.map(p => p.target);
  const plan: RemediationPlan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    hash: planHash({ accountId: input.accountId, region: input.region, targets }),
    mode: input.mode,
    accountId: input.accountId,
    region: input.region,
    createdAt: input.createdAt,
    targets,
    notes: [...notes],
    ...(skipped.length > 0 ? { skipped } : {})
  };
  return { plan, planned: kept };
}

/** JSON with object keys sorted at every level and no whitespace; `undefined` members are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(v => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the plan hash covers: the account, the region and the targets (in their stable order). */
interface HashedPlan {
  accountId: string;
  region: string;
  targets: readonly unknown[];
}

/** sha256 (hex) of the canonical account, region and targets. */
export function planHash(plan: HashedPlan): string {
  return sha256Hex(canonicalJson({ accountId: plan.accountId, region: plan.region, targets: plan.targets }));
}

/** A UUID-shaped idempotency token derived from the given parts (the same parts give the same token). */
export function idempotencyToken(...parts: string[]): string {
  const h = sha256Hex(parts.join('\u0000'));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
