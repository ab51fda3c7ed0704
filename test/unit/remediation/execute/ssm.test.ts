import { describe, expect, it } from '@jest/globals';
import { ssmFinalState } from '../../../../src/remediation/execute/ssm.js';

const t = (iso: string): Date => new Date(iso);

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
