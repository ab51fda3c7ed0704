/**
 * Cancellation: when the workflow is cancelled, the runner sends SIGINT, then SIGTERM about 7.5 s later, then kills
 * the process. An AbortSignal made here (index.ts, only while run() runs) is passed down through the phases; code
 * that waits or starts executions checks it. A later signal during the clean-up does not interrupt it; if the
 * clean-up is not done within `graceMs`, the process exits non-zero anyway.
 *
 * GitHub Docs, "Canceling a workflow": the runner sends SIGINT, waits up to 7500 ms, sends SIGTERM, waits up to
 * 2500 ms, then kills the process.
 */
import type { Clock } from './clock.js';

export type TerminationSignal = 'SIGINT' | 'SIGTERM';
const SIGNALS: readonly TerminationSignal[] = ['SIGINT', 'SIGTERM'];

/** The part of `process` used here (an EventEmitter in tests). */
export interface SignalSource {
  on(event: TerminationSignal, listener: () => void): unknown;
  off(event: TerminationSignal, listener: () => void): unknown;
}

export interface CancelOnSignalsOptions {
  /** After the first signal, call onGraceExpired if still running after this many ms. */
  graceMs: number;
  onGraceExpired: (signal: TerminationSignal) => void;
  /** Called on every signal (the first cancels; later ones are only logged). */
  onSignal?: (signal: TerminationSignal, first: boolean) => void;
  /** Timer (default setTimeout, unref'd so it never keeps the process alive). */
  setTimer?: (fn: () => void, ms: number) => { clear(): void };
}

export interface Cancellation {
  signal: AbortSignal;
  /** Removes the handlers and the grace timer. */
  dispose(): void;
}

const realTimer = (fn: () => void, ms: number): { clear(): void } => {
  const t = setTimeout(fn, ms);
  t.unref();
  return { clear: () => clearTimeout(t) };
};

/** Aborts the returned signal on the first SIGINT or SIGTERM (its reason is the signal's name). */
export function cancelOnSignals(source: SignalSource, options: CancelOnSignalsOptions): Cancellation {
  const controller = new AbortController();
  const setTimer = options.setTimer ?? realTimer;
  let timer: { clear(): void } | undefined;
  const handlers = SIGNALS.map(sig => {
    const handler = (): void => {
      const first = !controller.signal.aborted;
      options.onSignal?.(sig, first);
      if (!first) return;
      controller.abort(sig);
      timer = setTimer(() => options.onGraceExpired(sig), options.graceMs);
    };
    source.on(sig, handler);
    return { sig, handler };
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const { sig, handler } of handlers) source.off(sig, handler);
      timer?.clear();
    }
  };
}

/** Why the signal aborted (a signal name, or the abort reason's message); undefined while not aborted. */
export function cancelReasonOf(signal: AbortSignal | undefined): string | undefined {
  if (signal === undefined || !signal.aborted) return undefined;
  const r: unknown = signal.reason;
  if (typeof r === 'string') return r;
  if (r instanceof Error && r.name !== 'AbortError') return r.message;
  return 'cancelled';
}

/** clock.sleep that returns early once the signal aborts. */
export function sleepUnlessCancelled(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return clock.sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>(resolve => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    clock.sleep(ms, signal).then(done, done);
  });
}
