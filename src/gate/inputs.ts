/**
 * The inputs to the gate, derived from the phases' results: which rules the check reads and why checking none is by
 * design or a failure, the drift left after deploy, the new non-compliance against the baseline, the HIPAA sections
 * of each rule, and what a cancellation makes of the decision. Pure.
 */
import type { ComplianceResult, GateDecision } from '../compliance/types.js';
import type { GateScope } from './gate.js';

/** The deploy input's modes. */
export type DeployModeName = 'off' | 'plan' | 'apply' | 'destroy';

export interface RulesToCheck {
  /** Rule names to check, 'all' in the account, or 'none' (nothing to ask AWS Config). */
  rules: readonly string[] | 'all' | 'none';
  /** Why checking nothing is by design, or why nothing would have been checked: for the gate. */
  scope: Pick<GateScope, 'nothingByDesign' | 'nothingChecked'>;
  /** What to tell the user about the choice (logged by the caller). */
  note?: string;
}

export interface RulesToCheckInput {
  /** The 'rules' input. */
  rules: readonly string[];
  region: string;
  /** The manifest file (config input), for messages. */
  config: string;
  deploy: DeployModeName;
  /** The manifest's rules; absent when there is no manifest (deploy skipped). */
  declared: readonly string[] | undefined;
  /** Rules deployed in the account (what deploy read); absent when deploy did not read the account. */
  deployed: ReadonlySet<string> | undefined;
}

function someNames(names: readonly string[]): string {
  return `${names.slice(0, 10).join(', ')}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
}

/**
 * Which rules the check reads: the input, else the manifest's (deployed ones), else all in the account; and why a
 * check of no rules is by design (deploy: destroy; a deploy whose manifest declares no rules) or a failure.
 */
export function rulesToCheck(input: RulesToCheckInput): RulesToCheck {
  if (input.rules.length > 0) {
    return { rules: input.rules, scope: { nothingChecked: `no rule named in the 'rules' input was found` } };
  }
  if (input.declared === undefined) {
    return {
      rules: 'all',
      scope: { nothingChecked: `AWS Config has no rules in region ${input.region} of this account` }
    };
  }
  if (input.deploy === 'destroy') {
    const why = 'deploy: destroy removes the rules of the manifest, so there is nothing to check';
    return { rules: 'none', scope: { nothingByDesign: why }, note: `${why}.` };
  }
  const names = input.declared;
  if (names.length === 0) {
    // A manifest of runbooks only: deploying them is the point of a plan or apply run; anything else checks nothing.
    const why = `the manifest (${input.config}) declares no rules`;
    return input.deploy === 'plan' || input.deploy === 'apply'
      ? { rules: 'none', scope: { nothingByDesign: why } }
      : { rules: 'none', scope: { nothingChecked: why } };
  }
  const deployed = input.deployed;
  if (input.deploy === 'plan' && deployed) {
    const missing = names.filter(n => !deployed.has(n));
    const present = names.filter(n => deployed.has(n));
    return {
      rules: present,
      scope: {
        nothingChecked:
          `none of the ${names.length} rule(s) of the manifest is deployed in the account yet (deploy: plan creates ` +
          `nothing; deploy: apply does): ${someNames(missing)}`
      },
      ...(missing.length > 0
        ? { note: `${missing.length} declared rule(s) are not deployed yet, so not checked: ${someNames(missing)}` }
        : {})
    };
  }
  return { rules: names, scope: { nothingChecked: 'no rule of the manifest was found in the account' } };
}

/** What to ask AWS Config: the rule names or 'all'; undefined when there is nothing to ask ('none', no names). */
export function rulesToAsk(rules: RulesToCheck['rules']): readonly string[] | 'all' | undefined {
  return rules === 'none' || (rules !== 'all' && rules.length === 0) ? undefined : rules;
}

/**
 * The HIPAA sections of each checked rule: the manifest's (the rule's pack or declaration), else the built-in
 * mapping of its name (`fallback`).
 */
export function withHipaaSections(
  result: ComplianceResult,
  declared: readonly { name: string; hipaaSections: string[] }[] | undefined,
  fallback: (ruleName: string) => string[]
): ComplianceResult {
  const byName = new Map((declared ?? []).map(r => [r.name, r]));
  return {
    ...result,
    rules: result.rules.map(r => ({
      ...r,
      hipaaSections: byName.get(r.ruleName)?.hipaaSections ?? fallback(r.ruleName)
    }))
  };
}

/**
 * Differences between the manifest and the account left after this run: none known without a plan; all of them in
 * plan mode (nothing is changed); otherwise the plan's drift less the changes applied (an apply that stopped early
 * leaves the rest).
 */
export function remainingDrift(
  plan: { drift: number } | undefined,
  applied: { done: readonly { action: string }[] } | undefined,
  mode: DeployModeName
): number | undefined {
  if (plan === undefined) return undefined;
  if (mode === 'plan') return plan.drift;
  return plan.drift - (applied?.done.filter(i => i.action !== 'unchanged').length ?? 0);
}

/** Fingerprints of the findings remediation fixed and verified compliant in this run. */
export function verifiedFingerprints(
  outcomes: readonly { status: string; target: { fingerprint: string } }[] | undefined
): Set<string> {
  return new Set((outcomes ?? []).filter(o => o.status === 'verified').map(o => o.target.fingerprint));
}

/**
 * New non-compliance (with a baseline): counted findings the baseline did not have that remediation did not verify
 * fixed, plus every resource pre-deploy evaluation flagged. Unknown (undefined) without a baseline.
 */
export function newNoncompliantCount(
  comparison: { new: readonly { fingerprint: string }[] } | undefined,
  verified: ReadonlySet<string>,
  preDeployNew: number
): number | undefined {
  if (comparison === undefined) return undefined;
  return comparison.new.filter(f => !verified.has(f.fingerprint)).length + preDeployNew;
}

/** What the gate covers: the check's scope, and the template resources pre-deploy could not judge (if it ran). */
export function gateScope(
  scope: Pick<GateScope, 'nothingByDesign' | 'nothingChecked'>,
  unevaluated: GateScope['unevaluated'] | undefined
): GateScope {
  return { ...scope, ...(unevaluated !== undefined ? { unevaluated } : {}) };
}

/**
 * Why the run was cancelled, if it was: what remediation says it did about it, else the signal's reason (a cancel
 * after remediation, or without one).
 */
export function cancellationOf(
  remediationMessage: string | undefined,
  signalReason: string | undefined
): string | undefined {
  return remediationMessage ?? (signalReason !== undefined ? `cancelled (${signalReason})` : undefined);
}

/** A cancelled run fails, whatever the findings: the decision says why. */
export function cancelledGate(decided: GateDecision, cancelled: string | undefined): GateDecision {
  return cancelled === undefined ? decided : { ...decided, result: 'fail', reason: cancelled };
}
