/** The rate gate (src/aws/rate.ts) on a clock the test drives: no real time passes. */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_GATE, isThrottle, RateGate, RateGates } from '../../../src/aws/rate.js';

/** A clock whose sleep advances its own time at once. */
function manualClock(start = 0) {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    advance: (ms: number) => void (t += ms),
    now: () => new Date(t),
    sleep: (ms: number) => {
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    }
  };
}

describe('RateGate', () => {
  it('starts unlimited: up to maxInFlight calls start at once, without waiting', async () => {
    const clock = manualClock();
    const gate = new RateGate(clock, { ...DEFAULT_GATE, maxInFlight: 3 });
    await gate.acquire();
    await gate.acquire();
    await gate.acquire();
    expect(gate.state).toMatchObject({ inFlight: 3, limit: 3, rate: Infinity });
    let fourth = false;
    const p = gate.acquire().then(() => (fourth = true));
    await Promise.resolve();
    expect(fourth).toBe(false);
    gate.release(false, 0);
    await p;
    expect(fourth).toBe(true);
    expect(clock.slept).toEqual([]);
  });

  it('a throttle halves the calls in flight and sets the rate below what AWS just answered', async () => {
    const clock = manualClock();
    const gate = new RateGate(clock, { ...DEFAULT_GATE, maxInFlight: 16 });
    // 10 successes within the last second, then a throttle.
    for (let i = 0; i < 10; i++) {
      await gate.acquire();
      clock.advance(50);
      gate.release(false, 0);
    }
    await gate.acquire();
    gate.release(true, clock.now().getTime());
    expect(gate.state.limit).toBe(8);
    expect(gate.state.rate).toBeCloseTo(10 * DEFAULT_GATE.backoff, 5);
    expect(gate.state.throttles).toBe(1);
  });

  it('after a throttle the bucket spaces calls at the rate (waits on the clock, never above it)', async () => {
    const clock = manualClock(1_000_000);
    const gate = new RateGate(clock, { ...DEFAULT_GATE, burst: 1, increase: 0 });
    for (let i = 0; i < 5; i++) {
      await gate.acquire();
      gate.release(false, 0);
    }
    await gate.acquire();
    gate.release(true, clock.now().getTime()); // rate: 5 answered * 0.8 = 4/s
    const start = clock.now().getTime();
    for (let i = 0; i < 8; i++) {
      await gate.acquire();
      gate.release(false, 0);
    }
    // 8 calls at 4/s from an empty bucket: the 8th starts 2 s later.
    expect(clock.now().getTime() - start).toBe(2000);
  });

  it('recovers: successes raise the limit and the rate again, up to maxInFlight', async () => {
    const clock = manualClock();
    const gate = new RateGate(clock, { ...DEFAULT_GATE, maxInFlight: 4 });
    await gate.acquire();
    gate.release(true, clock.now().getTime());
    expect(gate.state.limit).toBe(2);
    const rate = gate.state.rate;
    for (let i = 0; i < 50; i++) {
      await gate.acquire();
      gate.release(false, 0);
    }
    expect(gate.state.limit).toBe(4);
    expect(gate.state.rate).toBeGreaterThan(rate);
  });

  it('backs off once per round: throttles of calls started before the back-off are counted, not acted on', async () => {
    const clock = manualClock();
    const gate = new RateGate(clock, { ...DEFAULT_GATE, maxInFlight: 16 });
    const started = await Promise.all(Array.from({ length: 10 }, () => gate.acquire()));
    clock.advance(10);
    for (const t of started) gate.release(true, t);
    expect(gate.state).toMatchObject({ limit: 8, rate: 1, throttles: 10 });
  });

  it('never goes below one call in flight and the minimum rate', async () => {
    const clock = manualClock();
    const gate = new RateGate(clock, { ...DEFAULT_GATE, minRate: 1 });
    for (let i = 0; i < 20; i++) {
      const t = await gate.acquire();
      clock.advance(1);
      gate.release(true, t);
    }
    expect(gate.state.limit).toBe(1);
    expect(gate.state.rate).toBe(1);
  });
});

describe('RateGates', () => {
  it('one gate per operation: a throttle on one leaves the others unlimited', async () => {
    const gates = new RateGates(manualClock());
    const details = gates.of('GetComplianceDetailsByConfigRule');
    await details.acquire();
    details.release(true, 0);
    expect(gates.of('GetComplianceDetailsByConfigRule')).toBe(details);
    expect(gates.of('DescribeConfigRules').state.rate).toBe(Infinity);
    expect(gates.throttled()).toEqual(new Map([['GetComplianceDetailsByConfigRule', 1]]));
  });

  it('knows the throttle codes of both protocols', () => {
    expect(isThrottle('ThrottlingException')).toBe(true);
    expect(isThrottle('Throttling')).toBe(true);
    expect(isThrottle('LimitExceededException')).toBe(false);
    expect(isThrottle('AccessDeniedException')).toBe(false);
  });
});
