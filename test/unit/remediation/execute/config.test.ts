import { describe, expect, it } from '@jest/globals';
import { configFinalState } from '../../../../src/remediation/execute/config.js';

const t = (iso: string): Date => new Date(iso);

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
