/** The action's outputs of a finished run (action.yml declares them; outputs.ts sets them). Pure. */
import path from 'node:path';
import type { GateDecision } from '../compliance/types.js';
import type { OutputValues } from '../outputs.js';

/** The step's working directory: GITHUB_WORKSPACE on GitHub (the runner starts an action's step there). */
export interface OutputPaths {
  cwd: string;
}

/**
 * A path output, relative to the step's working directory (the workspace) with `/` separators (`../` when the file
 * lies outside it), so every path output has one form whatever form the input had (`compliance-report/compliance.sarif`
 * also when report-dir was given as an absolute path), usable as is by later steps, which run in the workspace too,
 * and by actions such as upload-sarif and upload-artifact.
 */
export function workspacePath(file: string, where: OutputPaths): string {
  const rel = path.relative(path.resolve(where.cwd), path.resolve(where.cwd, file));
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

export interface RunOutcome {
  gate: GateDecision;
  /** The step's working directory (the workspace): path outputs are relative to it. */
  cwd: string;
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

/**
 * Every output of a finished run (aws-account-id is set once authenticated); absent facts set no output. Path outputs
 * are workspace-relative (workspacePath).
 */
export function outputsOf(o: RunOutcome): OutputValues {
  const r = o.remediation;
  const p = (file: string): string => workspacePath(file, o);
  return {
    result: o.applyFailed ? 'fail' : o.gate.result,
    'noncompliant-count': o.gate.noncompliantCount,
    'noncompliant-rules': o.gate.noncompliantRules.join(','),
    'checked-rules': o.checkedRules,
    'report-file': p(o.reportFile),
    'sarif-file': p(o.sarifFile),
    ...(o.newNoncompliant !== undefined ? { 'new-noncompliant-count': o.newNoncompliant } : {}),
    ...(o.checkRunUrl ? { 'check-run-url': o.checkRunUrl } : {}),
    ...(o.drift !== undefined ? { 'drift-count': o.drift } : {}),
    ...(o.planFile ? { 'plan-file': p(o.planFile) } : {}),
    ...(r
      ? {
          'audit-log-file': p(r.auditFile),
          'remediated-count': r.counts.remediated,
          'remediation-failed-count': r.counts.failed,
          ...(r.planHash ? { 'remediation-plan-hash': r.planHash } : {}),
          ...(r.planFile ? { 'remediation-plan-file': p(r.planFile) } : {})
        }
      : {})
  };
}
