/** The action's outputs of a finished run (action.yml declares them; outputs.ts sets them). Pure. */
import type { GateDecision } from '../compliance/types.js';
import type { OutputValues } from '../outputs.js';

export interface RunOutcome {
  gate: GateDecision;
  checkedRules: number;
  /** Deploy stopped on an AWS error: the run fails whatever the gate says. */
  applyFailed: boolean;
  reportFile: string;
  sarifFile: string;
  /** With a baseline. */
  newNoncompliant?: number | undefined;
  checkRunUrl?: string | undefined;
  /** With a deploy plan: its drift. */
  drift?: number | undefined;
  planFile?: string | undefined;
  remediation?:
    | {
        auditFile: string;
        counts: { remediated: number; failed: number };
        planHash?: string | undefined;
        planFile?: string | undefined;
      }
    | undefined;
}

/** Every output of a finished run (aws-account-id is set once authenticated); absent facts set no output. */
export function outputsOf(o: RunOutcome): OutputValues {
  const r = o.remediation;
  return {
    result: o.applyFailed ? 'fail' : o.gate.result,
    'noncompliant-count': o.gate.noncompliantCount,
    'noncompliant-rules': o.gate.noncompliantRules.join(','),
    'checked-rules': o.checkedRules,
    'report-file': o.reportFile,
    'sarif-file': o.sarifFile,
    ...(o.newNoncompliant !== undefined ? { 'new-noncompliant-count': o.newNoncompliant } : {}),
    ...(o.checkRunUrl ? { 'check-run-url': o.checkRunUrl } : {}),
    ...(o.drift !== undefined ? { 'drift-count': o.drift } : {}),
    ...(o.planFile ? { 'plan-file': o.planFile } : {}),
    ...(r
      ? {
          'audit-log-file': r.auditFile,
          'remediated-count': r.counts.remediated,
          'remediation-failed-count': r.counts.failed,
          ...(r.planHash ? { 'remediation-plan-hash': r.planHash } : {}),
          ...(r.planFile ? { 'remediation-plan-file': r.planFile } : {})
        }
      : {})
  };
}
