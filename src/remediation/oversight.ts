/**
 * Oversight: the rules that decide whether a remediation run may act, and on what. Pure functions; each refusal is
 * a PolicyError that says why and what to do.
 *
 * - Trusted events: apply runs only on the events named in remediate-on, never for a pull request's or a fork's code
 *   (run-context.ts holds the one pull-request event list). plan, a dry run, runs on any event.
 * - Approval: with approved-plan-hash, apply runs the current plan only if it is the approved one; when the plan
 *   changed, it runs the approved targets that are unchanged and still non-compliant, given the approved plan file
 *   (approved-plan-file) whose content hashes to the approved hash, for this account and region. Anything else is
 *   refused.
 * - Limits: more targets than max-remediations refuses the whole run; runbooks not deployed refuse it; no new wave
 *   starts once failures reach error-percent of the executions started.
 */
import type { ComplianceResult, Finding } from '../compliance/types.js';
import { PolicyError } from '../errors.js';
import { applyRefusal } from '../run-context.js';
import { truncate } from '../util/text.js';
import { targetFields, type AuditEntry } from './audit.js';
import type { ApprovedFile } from './plan-file.js';
import {
  canonicalJson,
  describeTarget,
  listed,
  targetKey,
  type PlannedTarget,
  type PlanTarget,
  type RemediationMode,
  type RemediationPlan
} from './plan.js';
import type { TargetOutcome } from './verify.js';

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

/** True once failures reach errorPercent of the executions started (and there is at least one failure). */
export function thresholdReached(failures: number, started: number, errorPercent: number): boolean {
  return failures > 0 && started > 0 && failures * 100 >= errorPercent * started;
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
  result: ComplianceResult,
  /** Targets the current plan leaves out (recent automatic remediation), by targetKey, with the reason. */
  leftOut: ReadonlyMap<string, string> = new Map()
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
    const reason = leftOut.get(key);
    if (now && canonicalJson(now.target) === canonicalJson(t)) {
      out.run.push(now);
    } else if (reason !== undefined) {
      out.skipped.push({ target: t, reason });
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

export interface ApprovalInput {
  /** The approved-plan-hash input; absent or '': no approval asked for. */
  approvedPlanHash?: string;
  /** The approved-plan-file input, as given. */
  approvedPlanFile?: string;
  /** That file as read. */
  approvedFile: ApprovedFile;
  /** The current plan and its targets. */
  plan: RemediationPlan;
  planned: readonly PlannedTarget[];
  result: ComplianceResult;
  accountId: string;
  region: string;
}

/** What apply may run under the approval, and what it records. */
export interface Approval {
  /** The targets that run. */
  run: PlannedTarget[];
  /** Approved targets that do not run, and current ones not approved: skipped, with why. */
  skipped: TargetOutcome[];
  /** What the summary says about the approval; absent when no approval was asked for. */
  message?: string;
  /** Audit entries, in order: the approval check, then one per skipped target. */
  records: AuditEntry[];
}

/**
 * The approval check of apply mode. No approved-plan-hash: the whole current plan. The current plan's hash: the
 * whole plan. Another hash: the approved plan file must have that hash and be for this account and region; then the
 * approved targets that are unchanged and still non-compliant run, the others are skipped. Otherwise refused.
 */
export function approve(input: ApprovalInput): Approval {
  const { plan, approvedFile } = input;
  const wanted = input.approvedPlanHash;
  if (wanted === undefined || wanted === '') return { run: [...input.planned], skipped: [], records: [] };
  if (wanted === plan.hash) {
    return {
      run: [...input.planned],
      skipped: [],
      message: `Approved plan ${wanted}: the current plan is the approved one.`,
      records: [{ event: 'approval-checked', status: 'approved', details: { approvedPlanHash: wanted } }]
    };
  }
  const approved = approvedFile.plan;
  if (approved?.hash !== wanted) {
    const why =
      input.approvedPlanFile === undefined || input.approvedPlanFile === ''
        ? 'no approved plan file was given'
        : (approvedFile.problem ?? `the approved plan file's hash is ${approved?.hash ?? '?'}`);
    throw new PolicyError(
      `Remediation refused: the plan changed since approval (approved ${wanted}, current ${plan.hash}) and ${why}. Plan and approve again.`
    );
  }
  if (approved.accountId !== input.accountId || approved.region !== input.region) {
    throw new PolicyError(
      `Remediation refused: the approved plan is for account ${approved.accountId} in ${approved.region}, not ${input.accountId} in ${input.region}.`
    );
  }
  const leftOut = new Map((plan.skipped ?? []).map(s => [targetKey(s.target), s.reason]));
  const sel = reconcileApproved(approved, input.planned, input.result, leftOut);
  const skipped: TargetOutcome[] = [
    ...sel.skipped.map(s => skippedOutcome(s.target, s.reason)),
    ...sel.notApproved.map(t => skippedOutcome(t, 'not in the approved plan'))
  ];
  const n = sel.run.length;
  const k = sel.skipped.length;
  const message =
    `The plan changed since approval (approved ${wanted}, now ${plan.hash}): running the ${n} approved ` +
    `target${n === 1 ? '' : 's'} that are unchanged and still non-compliant; ${k} approved ` +
    `target${k === 1 ? '' : 's'} skipped, ${sel.notApproved.length} not approved.`;
  const records: AuditEntry[] = [
    {
      event: 'approval-checked',
      status: 'approved-subset',
      message,
      details: { approvedPlanHash: wanted, approvedPlanFile: input.approvedPlanFile, run: n }
    },
    ...skipped.map((s): AuditEntry => ({
      event: 'target-skipped',
      ...targetFields(s.target),
      status: 'skipped',
      reason: s.message ?? 'skipped',
      complianceBefore: 'NON_COMPLIANT',
      ...(s.message?.startsWith('compliant now') ? { complianceAfter: 'COMPLIANT' } : {})
    }))
  ];
  return { run: sel.run, skipped, message, records };
}

function skippedOutcome(target: PlanTarget, message: string): TargetOutcome {
  return { target, status: 'skipped', message, complianceBefore: 'NON_COMPLIANT' };
}

/** A run refused before anything ran: every planned target is skipped, with the reason. */
export function refusedOutcomes(plan: RemediationPlan, error: Error): TargetOutcome[] {
  const why = truncate(error.message.replace(/^Remediation refused: /, 'refused: '), 300);
  return plan.targets.map(t => skippedOutcome(t, `not run: ${why}`));
}
