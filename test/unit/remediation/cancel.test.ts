import { describe, expect, it } from '@jest/globals';
import { describeCancellation } from '../../../src/remediation/cancel.js';
import type { ExecutionResult } from '../../../src/remediation/execute/route.js';
import type { PlanTarget } from '../../../src/remediation/plan.js';
import type { TargetOutcome } from '../../../src/remediation/verify.js';

function target(resourceId: string, route: 'ssm' | 'config' = 'ssm'): PlanTarget {
  return {
    rule: 'r',
    hipaaSections: [],
    resourceType: 'AWS::S3::Bucket',
    resourceId,
    fingerprint: resourceId,
    runbook: { name: 'rb', version: '1', hash: 'h' },
    parameters: {},
    route
  };
}

const outcome = (
  t: PlanTarget,
  status: TargetOutcome['status'],
  extra: Partial<TargetOutcome> = {}
): TargetOutcome => ({
  target: t,
  status,
  complianceBefore: 'NON_COMPLIANT',
  ...extra
});
const execution = (t: PlanTarget): ExecutionResult => ({ target: t, status: 'cancelled' });

describe('describeCancellation', () => {
  it('says what was stopped, what may still run, what had finished and how many never started', () => {
    const stopped = target('a');
    const stopFailed = target('b');
    const config = target('c', 'config');
    const done = target('d');
    const never = target('e');
    const outcomes = [
      outcome(stopped, 'cancelled', { executionId: 'x-1', startedAt: 't' }),
      outcome(stopFailed, 'cancelled', { executionId: 'x-2', startedAt: 't' }),
      outcome(config, 'cancelled', { startedAt: 't' }),
      outcome(done, 'verified', { executionId: 'x-3', startedAt: 't' }),
      outcome(never, 'skipped')
    ];
    const c = describeCancellation('SIGINT', outcomes, {
      reason: 'SIGINT',
      stopped: [execution(stopped)],
      stopFailed: [execution(stopFailed)],
      stillRunning: [execution(config)]
    });
    expect(c.reason).toBe('SIGINT');
    expect(c.message).toBe(
      'cancelled (SIGINT): stopped 1 SSM execution: r AWS::S3::Bucket/a (x-1); 1 had finished: r AWS::S3::Bucket/d (x-3); ' +
        '1 not started; could not stop (may still be running): r AWS::S3::Bucket/b (x-2); AWS Config has no API to stop ' +
        'a remediation execution, so these may still be running: r AWS::S3::Bucket/c.'
    );
    expect(c.record).toMatchObject({ event: 'cancelled', status: 'cancelled', reason: c.message });
    expect(c.record.details).toMatchObject({
      signal: 'SIGINT',
      stopped: [{ resourceId: 'a', executionId: 'x-1', route: 'ssm', status: 'cancelled' }],
      stillRunning: [{ resourceId: 'c', route: 'config' }],
      finished: [{ resourceId: 'd', status: 'verified' }],
      notStarted: [{ resourceId: 'e' }]
    });
  });

  it('lists at most ten targets of a kind, then counts the rest; nothing running: only counts', () => {
    const ts = Array.from({ length: 12 }, (_, i) => target(`b${String(i).padStart(2, '0')}`));
    const c = describeCancellation(
      'SIGTERM',
      ts.map(t => outcome(t, 'cancelled', { startedAt: 't' })),
      { reason: 'SIGTERM', stopped: ts.map(execution), stopFailed: [], stillRunning: [] }
    );
    expect(c.message).toMatch(
      /^cancelled \(SIGTERM\): stopped 12 SSM executions: .*b09, \.\.\. \(2 more\); 0 had finished; 0 not started\.$/
    );
    expect(describeCancellation('SIGINT', [], undefined).message).toBe(
      'cancelled (SIGINT): stopped 0 SSM executions; 0 had finished; 0 not started.'
    );
  });
});
