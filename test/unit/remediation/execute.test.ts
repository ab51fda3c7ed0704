import { describe, expect, it } from '@jest/globals';
import {
  MAX_MESSAGE,
  configFinalState,
  shortMessage,
  ssmFinalState,
  thresholdReached,
  waves
} from '../../../src/remediation/execute.js';
import { evaluatedSince, failedSince } from '../../../src/remediation/verify.js';
import { selectCandidates } from '../../../src/remediation/select.js';
import { bindings, plan, result } from './fixtures.js';

const t = (iso: string): Date => new Date(iso);

describe('waves', () => {
  it('starts each rule in waves of its concurrency percent, at least one target', () => {
    const planned = plan(selectCandidates(result(), bindings(), { rules: [], resources: [] })).planned;
    // EBS: 100 % of 1; S3: 50 % of 2 = 1 per wave
    expect(waves(planned).map(w => w.map(p => p.target.resourceId))).toEqual([
      ['123456789012'],
      ['access-logs'],
      ['claims-uploads']
    ]);
    const b = bindings();
    b[0]!.concurrencyPercent = 100;
    const together = plan(selectCandidates(result(), b, { rules: [], resources: [] })).planned;
    expect(waves(together).map(w => w.length)).toEqual([1, 2]);
    b[0]!.concurrencyPercent = 1;
    const single = plan(selectCandidates(result(), b, { rules: [], resources: [] })).planned;
    expect(waves(single).map(w => w.length)).toEqual([1, 1, 1]);
  });
});

describe('thresholdReached', () => {
  it('is reached once failures are errorPercent of the executions started, with at least one failure', () => {
    expect(thresholdReached(0, 0, 0)).toBe(false);
    expect(thresholdReached(0, 5, 0)).toBe(false);
    expect(thresholdReached(1, 5, 0)).toBe(true);
    expect(thresholdReached(1, 2, 50)).toBe(true);
    expect(thresholdReached(1, 3, 50)).toBe(false);
    expect(thresholdReached(2, 3, 100)).toBe(false);
    expect(thresholdReached(3, 3, 100)).toBe(true);
  });
});

describe('ssmFinalState', () => {
  it('is undefined while running, succeeded with its end time, failed with the failing step', () => {
    expect(ssmFinalState({ AutomationExecutionStatus: 'InProgress' })).toBeUndefined();
    expect(ssmFinalState({ AutomationExecutionStatus: 'Pending' })).toBeUndefined();
    expect(
      ssmFinalState({ AutomationExecutionStatus: 'Success', ExecutionEndTime: t('2026-01-01T00:00:05Z') })
    ).toEqual({ status: 'succeeded', finishedAt: '2026-01-01T00:00:05.000Z' });
    expect(
      ssmFinalState({
        AutomationExecutionStatus: 'Failed',
        FailureMessage: 'Step PublishAlert failed',
        StepExecutions: [
          { StepName: 'ModifyAccount', StepStatus: 'Success' },
          { StepName: 'PublishAlert', StepStatus: 'Failed', FailureMessage: 'Topic does not exist' }
        ]
      })
    ).toEqual({ status: 'failed', failedStep: 'PublishAlert', message: 'Failed: Topic does not exist' });
    expect(ssmFinalState({ AutomationExecutionStatus: 'Cancelled', CurrentStepName: 'Wait' })).toEqual({
      status: 'failed',
      failedStep: 'Wait',
      message: 'Cancelled: cancelled (stopped before it finished)'
    });
    expect(ssmFinalState({ AutomationExecutionStatus: 'TimedOut' })?.message).toBe('TimedOut: automation TimedOut');
  });
});

describe('configFinalState', () => {
  it('maps QUEUED / IN_PROGRESS / SUCCEEDED / FAILED, naming the failed step and the latest time', () => {
    expect(configFinalState({ State: 'QUEUED' })).toBeUndefined();
    expect(configFinalState({ State: 'IN_PROGRESS' })).toBeUndefined();
    expect(
      configFinalState({
        State: 'SUCCEEDED',
        LastUpdatedTime: t('2026-01-01T00:00:03Z'),
        StepDetails: [{ Name: 'A', State: 'SUCCEEDED', StopTime: t('2026-01-01T00:00:04Z') }]
      })
    ).toEqual({ status: 'succeeded', finishedAt: '2026-01-01T00:00:04.000Z' });
    expect(
      configFinalState({
        State: 'FAILED',
        StepDetails: [
          { Name: 'ModifyAccount', State: 'SUCCEEDED' },
          { Name: 'NotifyTopic', State: 'FAILED', ErrorMessage: 'Topic does not exist' }
        ]
      })
    ).toEqual({ status: 'failed', failedStep: 'NotifyTopic', message: 'Topic does not exist' });
    expect(configFinalState({ State: 'FAILED' })).toEqual({
      status: 'failed',
      message: 'the remediation execution failed'
    });
  });
});

describe('shortMessage', () => {
  it('caps long AWS messages and masks credentials in them', () => {
    expect(shortMessage('word '.repeat(1000))).toHaveLength(MAX_MESSAGE);
    expect(shortMessage('key AKIAIOSFODNN7EXAMPLE denied')).toBe('key *** denied');
  });
});

describe('verification conditions', () => {
  const after = Date.parse('2026-01-01T00:01:00Z');
  it('accepts only a successful evaluation that began after the fix', () => {
    expect(evaluatedSince(undefined, after)).toBe(false);
    expect(evaluatedSince({ LastSuccessfulEvaluationTime: t('2026-01-01T00:00:30Z') }, after)).toBe(false);
    expect(evaluatedSince({ LastSuccessfulEvaluationTime: t('2026-01-01T00:01:30Z') }, after)).toBe(true);
    // finished after the fix but began before it: it may not have seen the fix
    expect(
      evaluatedSince(
        {
          LastSuccessfulInvocationTime: t('2026-01-01T00:00:50Z'),
          LastSuccessfulEvaluationTime: t('2026-01-01T00:01:30Z')
        },
        after
      )
    ).toBe(false);
  });

  it('reports an evaluation that failed after the fix', () => {
    expect(failedSince({ LastFailedEvaluationTime: t('2026-01-01T00:00:10Z') }, after)).toBeUndefined();
    expect(
      failedSince(
        { LastFailedEvaluationTime: t('2026-01-01T00:02:00Z'), LastErrorCode: 'AccessDenied', LastErrorMessage: 'no' },
        after
      )
    ).toBe('the re-evaluation failed: AccessDenied: no');
    expect(
      failedSince(
        {
          LastFailedEvaluationTime: t('2026-01-01T00:02:00Z'),
          LastSuccessfulEvaluationTime: t('2026-01-01T00:03:00Z')
        },
        after
      )
    ).toBeUndefined();
  });
});
