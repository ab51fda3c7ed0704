/**
 * The simulator's time for in-process runs of the action: the seed account has AWS's delays (recorder lag, rule
 * deletion, document activation), and a test must not wait for them in real time.
 */
import type { Simulator } from 'aws-sim';
import type { Clock } from '../../src/util/clock.js';

/**
 * A Clock on the simulator's time: sleeping advances the simulator clock (running what became due) instead of
 * waiting, after letting pending I/O settle. `slept` lists every sleep, in ms.
 */
export function simClock(sim: Simulator): Clock & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => sim.now(),
    sleep: async ms => {
      slept.push(ms);
      await new Promise(r => setImmediate(r));
      sim.advanceClock(ms / 1000);
    }
  };
}

/** The scenario's recorder delay (`recorderDelaySeconds`; 0 when unset). */
export function recorderDelay(sim: Simulator): number {
  const v = sim.scenario.options?.['recorderDelaySeconds'];
  return typeof v === 'number' && v > 0 ? v : 0;
}

/** Lets the configuration recorder record what a test changed in `sim.state` (moves the clock by its delay). */
export function recordChanges(sim: Simulator): void {
  sim.advanceClock(recorderDelay(sim));
}
