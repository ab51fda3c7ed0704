/** Bounded waits of deploy (wait.ts) on a virtual clock: backoff, the bound, a frozen clock, cancellation. */
import { describe, expect, it } from '@jest/globals';
import { AwsCallError } from '../../../src/errors.js';
import { DEPLOY_WAIT_MS, pollUntil, type Poll } from '../../../src/deploy/wait.js';
import type { Clock } from '../../../src/util/clock.js';
import { MemoryLogger } from '../../helpers/memory-logger.js';

function virtualClock(advance = true): Clock & { slept: number[] } {
  let t = Date.parse('2026-01-01T00:00:00Z');
  const slept: number[] = [];
  return {
    slept,
    now: () => new Date(t),
    sleep: ms => {
      slept.push(ms);
      if (advance) t += ms;
      return Promise.resolve();
    }
  };
}

const notYet = (): Promise<Poll<string>> => Promise.resolve({ done: false, waiting: 'thing is Creating' });

async function caught(p: Promise<unknown>): Promise<AwsCallError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AwsCallError);
    return e as AwsCallError;
  }
  throw new Error('expected a failure');
}

describe('pollUntil', () => {
  it('backs off 1, 2, 4, 8, 10, 10 ... s, logging each wait, and returns the value once done', async () => {
    const clock = virtualClock();
    const logger = new MemoryLogger();
    let polls = 0;
    const value = await pollUntil(
      'ssm:DescribeDocument',
      'runbook x',
      () =>
        Promise.resolve(++polls < 7 ? { done: false, waiting: 'runbook x is Creating' } : { done: true, value: 42 }),
      { clock, logger }
    );
    expect(value).toBe(42);
    expect(clock.slept).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
    expect(logger.lines[0]).toBe('info: runbook x is Creating; retrying in 1s.');
    expect(logger.lines[4]).toBe('info: runbook x is Creating; retrying in 10s.');
  });

  it('gives up past the bound with an error naming what it waited for (never taken as done)', async () => {
    const clock = virtualClock();
    const err = await caught(
      pollUntil('config:DescribeConfigRules', 'rule r', notYet, {
        clock,
        logger: new MemoryLogger(),
        timeoutMs: 30_000
      })
    );
    expect(err.code).toBe('WaitTimeout');
    expect(err.message).toBe(
      'config:DescribeConfigRules failed: WaitTimeout: rule r: thing is Creating; gave up after 25s (deploy waits at most 30s).'
    );
    // Never sleeps past the bound: 1+2+4+8 = 15 s, then 10 s more = 25 s; another 10 s would pass 30 s.
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000);
    expect(DEPLOY_WAIT_MS).toBe(120_000);
  });

  it('a clock that does not advance cannot make it endless', async () => {
    const clock = virtualClock(false);
    const err = await caught(pollUntil('op', 'x', notYet, { clock, logger: new MemoryLogger() }));
    expect(err.message).toContain('gave up after 0s');
    expect(clock.slept).toHaveLength(199);
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const clock = virtualClock();
    const err = await caught(
      pollUntil('op', 'runbook y', notYet, { clock, logger: new MemoryLogger(), signal: controller.signal })
    );
    expect(err.message).toContain('runbook y: thing is Creating; the run was cancelled');
    expect(clock.slept).toEqual([]);
  });
});
