import { describe, expect, it } from '@jest/globals';
import { OUTPUTS } from '../../../src/outputs.js';
import { outputsOf, type RunOutcome } from '../../../src/report/outputs.js';
import { sampleGate } from '../../fixtures/report/sample.js';

const minimal: RunOutcome = {
  gate: sampleGate(),
  checkedRules: 4,
  applyFailed: false,
  reportFile: 'compliance-report/compliance-report.json',
  sarifFile: 'compliance-report/compliance.sarif'
};

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
