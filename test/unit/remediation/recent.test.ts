/** "Recent" remediation executions (src/remediation/recent.ts), at the RetryAttemptSeconds boundary. */
import { describe, expect, it } from '@jest/globals';
import type { RemediationExecutionStatus } from '@aws-sdk/client-config-service';
import { recentExecutionReason } from '../../../src/remediation/recent.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const ago = (s: number): Date => new Date(NOW.getTime() - s * 1000);
const status = (State: string | undefined, updatedAgo?: number): RemediationExecutionStatus => ({
  ResourceKey: { resourceType: 'AWS::S3::Bucket', resourceId: 'b' },
  ...(State ? { State: State as RemediationExecutionStatus['State'] } : {}),
  InvocationTime: ago(3600),
  ...(updatedAgo !== undefined ? { LastUpdatedTime: ago(updatedAgo) } : {})
});

describe('recentExecutionReason', () => {
  it('QUEUED and IN_PROGRESS are recent however old', () => {
    expect(recentExecutionReason(status('QUEUED', 86_400), 60, NOW)).toMatch(/is QUEUED/);
    expect(recentExecutionReason(status('IN_PROGRESS', 86_400), 60, NOW)).toMatch(/is IN_PROGRESS/);
  });

  it('a finished execution is recent up to exactly RetryAttemptSeconds, not one second later', () => {
    for (const state of ['SUCCEEDED', 'FAILED']) {
      expect(recentExecutionReason(status(state, 60), 60, NOW)).toMatch(
        new RegExp(`${state} at .*, within its RetryAttemptSeconds \\(60 s\\)`)
      );
      expect(recentExecutionReason(status(state, 61), 60, NOW)).toBeUndefined();
    }
  });

  it('without LastUpdatedTime the invocation time counts; an unknown state is not known to be finished', () => {
    expect(recentExecutionReason(status('SUCCEEDED'), 3600, NOW)).toBeDefined();
    expect(recentExecutionReason(status('SUCCEEDED'), 3599, NOW)).toBeUndefined();
    expect(recentExecutionReason(status('UNKNOWN_STATE', 86_400), 60, NOW)).toMatch(/not known to be finished/);
    expect(recentExecutionReason(status(undefined, 86_400), 60, NOW)).toMatch(/in state \(none\)/);
  });
});
