import { describe, expect, it } from '@jest/globals';
import { evaluatedSince, failedSince } from '../../../src/remediation/verify.js';

const t = (iso: string): Date => new Date(iso);

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
