/**
 * Which resources a remediation run acts on, and the plan a human approves. Pure: findings, bindings and what was
 * read from AWS in, a deterministic plan (stable order, canonical hash) out. Oversight rules that refuse a run
 * (unknown names, more targets than allowed, a pull-request context, a plan changed since approval) live here too,
 * as PolicyErrors that say why.
 */
import type { ComplianceResult, Finding, RuleResult } from '../compliance/types.js';
import type { DesiredRemediation, RemediationParameterJson } from '../desired/model.js';
import { PolicyError } from '../errors.js';
import { applyRefusal } from '../run-context.js';
import { canonicalJson, maskParameters, planHash } from './hash.js';

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
}

/**
 * Resource types Config evaluates but StartRemediationExecution does not take (they are not in its ResourceType
 * enum): the account itself, for account-level rules such as ec2-ebs-encryption-by-default.
 */
export const CONFIG_UNREMEDIABLE_TYPES: ReadonlySet<string> = new Set(['AWS::::Account']);

/** A non-compliant, unwaived finding of a rule that has a remediation binding. */
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

export interface SelectFilters {
  /** Rule names to remediate (empty: every rule with a binding). */
  rules: readonly string[];
  /** Resource ids to remediate (empty: every non-compliant resource). */
  resources: readonly string[];
  /** Resource ids also accepted in `resources` (those of an approved plan, which may be compliant by now). */
  alsoKnownResources?: ReadonlySet<string>;
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

function listed(items: readonly string[], max = 20): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, ... (${items.length - max} more)` : shown;
}

/**
 * The default targets (non-compliant, unwaived findings of rules with a remediation binding), narrowed by the
 * rule and resource filters. Names in the filters that match nothing refuse the run, with the list.
 */
export function selectCandidates(
  result: ComplianceResult,
  remediations: readonly DesiredRemediation[],
  filters: SelectFilters
): Candidate[] {
  const bindings = new Map(remediations.map(r => [r.ruleName, r]));
  const unknownRules = [...new Set(filters.rules)].filter(r => !bindings.has(r));
  if (unknownRules.length > 0) {
    const known = [...bindings.keys()].sort();
    throw new PolicyError(
      `Remediation refused: remediate-rules names ${unknownRules.length === 1 ? 'a rule' : 'rules'} without a remediation binding in the manifest: ${listed(unknownRules)}. ` +
        `Rules with a binding: ${known.length > 0 ? listed(known) : 'none'}.`
    );
  }
  const all: Candidate[] = [];
  const waived = new Set<string>();
  for (const rule of result.rules) {
    const binding = bindings.get(rule.ruleName);
    if (!binding) continue;
    for (const finding of rule.findings) {
      if (finding.waiver !== undefined) waived.add(finding.resourceId);
      else all.push({ finding, rule, binding });
    }
  }
  const present = new Set(all.map(c => c.finding.resourceId));
  const unknownResources = [...new Set(filters.resources)].filter(
    r => !present.has(r) && !filters.alsoKnownResources?.has(r)
  );
  if (unknownResources.length > 0) {
    const why = unknownResources.map(r => (waived.has(r) ? `${r} (waived)` : r));
    throw new PolicyError(
      `Remediation refused: remediate-resources names ${unknownResources.length === 1 ? 'a resource that is' : 'resources that are'} not non-compliant under a rule with a remediation binding: ${listed(why)}.`
    );
  }
  const ruleSet = new Set(filters.rules);
  const resourceSet = new Set(filters.resources);
  return all
    .filter(c => ruleSet.size === 0 || ruleSet.has(c.rule.ruleName))
    .filter(c => resourceSet.size === 0 || resourceSet.has(c.finding.resourceId))
    .sort((a, b) =>
      compareTargets(
        { rule: a.rule.ruleName, resourceType: a.finding.resourceType, resourceId: a.finding.resourceId },
        { rule: b.rule.ruleName, resourceType: b.finding.resourceType, resourceId: b.finding.resourceId }
      )
    );
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
  const targets = planned.map(p => p.target);
  const plan: RemediationPlan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    hash: planHash({ accountId: input.accountId, region: input.region, targets }),
    mode: input.mode,
    accountId: input.accountId,
    region: input.region,
    createdAt: input.createdAt,
    targets,
    notes: [...notes]
  };
  return { plan, planned };
}

/** More targets than `max` refuses the whole run (nothing is done), listing the targets. */
export function checkLimit(targets: readonly PlanTarget[], max: number): void {
  if (targets.length <= max) return;
  throw new PolicyError(
    `Remediation refused: ${targets.length} targets exceed max-remediations (${max}); nothing was run. ` +
      `Narrow the run with remediate-rules / remediate-resources or raise max-remediations. Targets: ${listed(targets.map(describeTarget))}.`
  );
}

export interface OversightContext {
  eventName: string;
  isFork: boolean;
}

/**
 * apply runs only on the events named in remediate-on, and never for a fork's pull request (see run-context.ts).
 * plan (a dry run) runs on any event.
 */
export function checkContext(mode: RemediationMode, remediateOn: readonly string[], ctx: OversightContext): void {
  if (mode !== 'apply') return;
  const why = applyRefusal(ctx, remediateOn);
  if (why === undefined) return;
  throw new PolicyError(
    `Remediation refused: ${why}. Code that is not yet reviewed and merged must not change the account: run ` +
      'remediation from workflow_dispatch or schedule on a protected branch or environment.'
  );
}

/** Targets in apply mode that cannot run because their runbook is not deployed. */
export function checkRunbooksDeployed(targets: readonly PlanTarget[]): void {
  const missing = [...new Set(targets.filter(t => t.runbook.hash === '').map(t => t.runbook.name))];
  if (missing.length === 0) return;
  throw new PolicyError(
    `Remediation refused: runbook${missing.length === 1 ? '' : 's'} ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not deployed in the account (deploy them first).`
  );
}

export interface SkippedTarget {
  target: PlanTarget;
  reason: string;
}

export interface ApprovedSelection {
  /** The approved targets that run now (unchanged since approval and still non-compliant). */
  run: PlannedTarget[];
  /** Approved targets that do not run, with why. */
  skipped: SkippedTarget[];
  /** Current targets that were not in the approved plan (never run). */
  notApproved: PlanTarget[];
}

/**
 * Reconciles an approved plan with the current one: an approved target runs only if the current plan has it
 * unchanged. One that is no longer non-compliant is skipped as compliant now; one that changed (runbook version,
 * parameters, route) is skipped as changed; current targets absent from the approved plan are not run.
 */
export function reconcileApproved(
  approved: RemediationPlan,
  current: readonly PlannedTarget[],
  result: ComplianceResult
): ApprovedSelection {
  const byKey = new Map(current.map(p => [targetKey(p.target), p]));
  const approvedKeys = new Set(approved.targets.map(targetKey));
  const nonCompliant = new Map<string, Finding>();
  for (const rule of result.rules) {
    for (const f of rule.findings) nonCompliant.set(targetKey({ rule: rule.ruleName, ...f }), f);
  }
  const out: ApprovedSelection = { run: [], skipped: [], notApproved: [] };
  for (const t of approved.targets) {
    const key = targetKey(t);
    const now = byKey.get(key);
    const finding = nonCompliant.get(key);
    if (now && canonicalJson(now.target) === canonicalJson(t)) {
      out.run.push(now);
    } else if (now) {
      out.skipped.push({
        target: t,
        reason: `changed since approval (${changedFields(t, now.target).join(', ')}); plan and approve again`
      });
    } else if (finding?.waiver !== undefined) {
      out.skipped.push({ target: t, reason: `waived now (${finding.waiver.reason})` });
    } else if (finding) {
      out.skipped.push({ target: t, reason: 'not selected by remediate-rules / remediate-resources in this run' });
    } else {
      out.skipped.push({ target: t, reason: 'compliant now: no longer reported non-compliant' });
    }
  }
  for (const p of current) if (!approvedKeys.has(targetKey(p.target))) out.notApproved.push(p.target);
  return out;
}

function changedFields(a: PlanTarget, b: PlanTarget): string[] {
  const fields = (Object.keys(a) as (keyof PlanTarget)[]).filter(k => canonicalJson(a[k]) !== canonicalJson(b[k]));
  return fields.length > 0 ? fields : ['target'];
}

/** Checks a plan read from a file (the approved plan): shape, and that its hash is the hash of its content. */
export function parsePlanJson(text: string, file: string): RemediationPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PolicyError(`Remediation refused: the approved plan file ${file} is not JSON: ${(err as Error).message}`);
  }
  const bad = (what: string): PolicyError =>
    new PolicyError(`Remediation refused: the approved plan file ${file} is not a remediation plan: ${what}.`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('not an object');
  const o = raw as Record<string, unknown>;
  if (o['schemaVersion'] !== PLAN_SCHEMA_VERSION) throw bad(`schemaVersion is not ${PLAN_SCHEMA_VERSION}`);
  for (const k of ['hash', 'accountId', 'region'] as const) {
    if (typeof o[k] !== 'string') throw bad(`${k} is not a string`);
  }
  if (!Array.isArray(o['targets'])) throw bad('targets is not a list');
  const targets = o['targets'] as unknown[];
  targets.forEach((t, i) => {
    if (!isPlanTarget(t)) throw bad(`targets[${i}] lacks a field of a target`);
  });
  const plan = raw as RemediationPlan;
  const recomputed = planHash(plan);
  if (recomputed !== plan.hash) {
    throw new PolicyError(
      `Remediation refused: the approved plan file ${file} was modified: its content hashes to ${recomputed}, not to the hash it states (${plan.hash}).`
    );
  }
  return plan;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(x => typeof x === 'string');
}

function isPlanTarget(v: unknown): v is PlanTarget {
  if (!v || typeof v !== 'object') return false;
  const t = v as Record<string, unknown>;
  const rb = t['runbook'] as Record<string, unknown> | undefined;
  const params = t['parameters'];
  return (
    typeof t['rule'] === 'string' &&
    isStringList(t['hipaaSections']) &&
    typeof t['resourceType'] === 'string' &&
    typeof t['resourceId'] === 'string' &&
    typeof t['fingerprint'] === 'string' &&
    !!rb &&
    typeof rb['name'] === 'string' &&
    typeof rb['version'] === 'string' &&
    typeof rb['hash'] === 'string' &&
    !!params &&
    typeof params === 'object' &&
    Object.values(params).every(isStringList) &&
    (t['route'] === 'config' || t['route'] === 'ssm')
  );
}
