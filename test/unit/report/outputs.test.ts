import { describe, expect, it } from '@jest/globals';
import { OUTPUTS } from '../../../src/outputs.js';
import { outputsOf, workspacePath, type RunOutcome } from '../../../src/report/outputs.js';
import { sampleGate } from '../../fixtures/report/sample.js';

const CWD = '/home/runner/work/repo/repo';
const minimal: RunOutcome = {
  gate: sampleGate(),
  cwd: CWD,
  checkedRules: 4,
  applyFailed: false,
  reportFile: 'compliance-report/compliance-report.json',
  sarifFile: 'compliance-report/compliance.sarif'
};

describe('workspacePath', () => {
  it("gives every path relative to the workspace (the step's working directory), with / separators", () => {
    expect(workspacePath('compliance-report/compliance.sarif', { cwd: CWD })).toBe(
      'compliance-report/compliance.sarif'
    );
    expect(workspacePath(`${CWD}/out/plan.json`, { cwd: CWD })).toBe('out/plan.json');
    expect(workspacePath('./out/../r.json', { cwd: CWD })).toBe('r.json');
    expect(workspacePath('/tmp/reports/r.json', { cwd: CWD })).toBe('../../../../../tmp/reports/r.json');
    expect(workspacePath(CWD, { cwd: CWD })).toBe('.');
  });

  it('turns absolute path outputs into workspace-relative ones, all of them', () => {
    const out = outputsOf({
      ...minimal,
      reportFile: `${CWD}/r/compliance-report.json`,
      sarifFile: `${CWD}/r/compliance.sarif`,
      planFile: `${CWD}/r/plan.json`,
      remediation: {
        auditFile: `${CWD}/r/remediation-audit.jsonl`,
        counts: { remediated: 0, failed: 0 },
        planFile: `${CWD}/r/remediation-plan.json`
      }
    });
    for (const k of ['report-file', 'sarif-file', 'plan-file', 'audit-log-file', 'remediation-plan-file'] as const) {
      expect(out[k]).toMatch(/^r\/[a-z-]+\.(json|sarif|jsonl)$/);
    }
  });
});

describe('outputsOf', () => {
  it('sets the gate, the counts and the report files; nothing for facts the run does not have', () => {
    const gate = sampleGate();
    expect(outputsOf(minimal)).toEqual({
      result: gate.result,
      'noncompliant-count': gate.noncompliantCount,
      'noncompliant-rules': gate.noncompliantRules.join(','),
      'checked-rules': 4,
      'report-file': 'compliance-report/compliance-report.json',
      'sarif-file': 'compliance-report/compliance.sarif'
    });
  });

  it('fails the result when deploy stopped, whatever the gate says', () => {
    const passed = { ...sampleGate(), result: 'pass' as const };
    expect(outputsOf({ ...minimal, gate: passed }).result).toBe('pass');
    expect(outputsOf({ ...minimal, gate: passed, applyFailed: true }).result).toBe('fail');
  });

  it('sets zero counts (zero new findings, zero drift) rather than leaving them out', () => {
    const out = outputsOf({ ...minimal, newNoncompliant: 0, drift: 0 });
    expect(out['new-noncompliant-count']).toBe(0);
    expect(out['drift-count']).toBe(0);
  });

  it('sets the deploy, check-run and remediation outputs when they exist', () => {
    const out = outputsOf({
      ...minimal,
      newNoncompliant: 2,
      checkRunUrl: 'https://github.com/o/r/runs/1',
      drift: 3,
      planFile: 'compliance-report/plan.json',
      remediation: {
        auditFile: 'compliance-report/remediation-audit.jsonl',
        counts: { remediated: 1, failed: 0 },
        planHash: 'sha256:abc',
        planFile: 'compliance-report/remediation-plan.json'
      }
    });
    expect(out).toMatchObject({
      'new-noncompliant-count': 2,
      'check-run-url': 'https://github.com/o/r/runs/1',
      'drift-count': 3,
      'plan-file': 'compliance-report/plan.json',
      'audit-log-file': 'compliance-report/remediation-audit.jsonl',
      'remediated-count': 1,
      'remediation-failed-count': 0,
      'remediation-plan-hash': 'sha256:abc',
      'remediation-plan-file': 'compliance-report/remediation-plan.json'
    });
    // Every output but aws-account-id (set once authenticated) comes from here.
    expect(Object.keys(out).sort()).toEqual(
      Object.keys(OUTPUTS)
        .filter(k => k !== 'aws-account-id')
        .sort()
    );
  });

  it('leaves out the remediation plan outputs when no plan was made', () => {
    const out = outputsOf({ ...minimal, remediation: { auditFile: 'a.jsonl', counts: { remediated: 0, failed: 0 } } });
    expect(out['audit-log-file']).toBe('a.jsonl');
    expect(out).not.toHaveProperty('remediation-plan-hash');
    expect(out).not.toHaveProperty('remediation-plan-file');
  });
});
