import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { cancelOnSignals, cancelReasonOf, sleepUnlessCancelled } from '../../../src/util/cancellation.js';
import { systemClock, type Clock } from '../../../src/util/clock.js';

function fakeTimers() {
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  return {
    timers,
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return { clear: () => (t.cleared = true) };
    }
  };
}

describe('cancelOnSignals', () => {
  it('the first SIGINT aborts with its name and arms the grace timer; later signals do not interrupt', () => {
    const proc = new EventEmitter();
    const seen: string[] = [];
    const expired: string[] = [];
    const { timers, setTimer } = fakeTimers();
    const c = cancelOnSignals(proc, {
      graceMs: 4500,
      onGraceExpired: s => expired.push(s),
      onSignal: (s, first) => seen.push(`${s}:${first}`),
      setTimer
    });
    expect(proc.listenerCount('SIGINT')).toBe(1);
    expect(proc.listenerCount('SIGTERM')).toBe(1);
    expect(c.signal.aborted).toBe(false);
    expect(cancelReasonOf(c.signal)).toBeUndefined();
    proc.emit('SIGINT');
    expect(c.signal.aborted).toBe(true);
    expect(cancelReasonOf(c.signal)).toBe('SIGINT');
    proc.emit('SIGTERM');
    expect(cancelReasonOf(c.signal)).toBe('SIGINT');
    expect(seen).toEqual(['SIGINT:true', 'SIGTERM:false']);
    expect(timers.map(t => t.ms)).toEqual([4500]);
    timers[0]!.fn();
    expect(expired).toEqual(['SIGINT']);
    c.dispose();
    expect(timers[0]!.cleared).toBe(true);
    expect(proc.listenerCount('SIGINT')).toBe(0);
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('SIGTERM alone cancels too; dispose without a signal leaves no handler and no timer', () => {
    const proc = new EventEmitter();
    const { timers, setTimer } = fakeTimers();
    const c = cancelOnSignals(proc, { graceMs: 10, onGraceExpired: () => undefined, setTimer });
    proc.emit('SIGTERM');
    expect(cancelReasonOf(c.signal)).toBe('SIGTERM');
    c.dispose();
    const d = cancelOnSignals(proc, { graceMs: 10, onGraceExpired: () => undefined, setTimer });
    d.dispose();
    expect(d.signal.aborted).toBe(false);
    expect(timers).toHaveLength(1);
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM')).toBe(0);
  });
});

describe('cancelReasonOf', () => {
  it('names the reason: a string, an error message, or just cancelled', () => {
    const a = new AbortController();
    a.abort(new Error('stop now'));
    expect(cancelReasonOf(a.signal)).toBe('stop now');
    const b = new AbortController();
    b.abort();
    expect(cancelReasonOf(b.signal)).toBe('cancelled');
    expect(cancelReasonOf(undefined)).toBeUndefined();
  });
});

describe('sleepUnlessCancelled', () => {
  const never: Clock = { now: () => new Date(0), sleep: () => new Promise<void>(() => undefined) };

  it('returns when the signal aborts, even if the clock never wakes', async () => {
    const c = new AbortController();
    const p = sleepUnlessCancelled(never, 60_000, c.signal);
    c.abort('SIGINT');
    await expect(p).resolves.toBeUndefined();
    // already aborted: does not sleep at all
    await expect(sleepUnlessCancelled(never, 60_000, c.signal)).resolves.toBeUndefined();
  });

  it('without a signal it is the clock’s sleep', async () => {
    const slept: number[] = [];
    const clock: Clock = { now: () => new Date(0), sleep: ms => (slept.push(ms), Promise.resolve()) };
    await sleepUnlessCancelled(clock, 5, undefined);
    expect(slept).toEqual([5]);
  });

  it('systemClock.sleep ends early on abort (no timer left behind)', async () => {
    const c = new AbortController();
    const p = systemClock.sleep(3_600_000, c.signal);
    c.abort();
    await expect(p).resolves.toBeUndefined();
    await expect(systemClock.sleep(3_600_000, c.signal)).resolves.toBeUndefined();
  });
});
