/**
 * Test equipment for calling Config handlers directly: a simulator runtime with a manual clock and a scheduler
 * that runs work only when a test lets time pass, and a RequestContext built around it.
 */
import type { AccountState, IssuedCredential } from '../../src/core/state.js';
import { AwsError, type RequestContext, type ServiceHandlers, type SimRuntime } from '../../src/core/types.js';
import { observeResourceChanges } from '../../src/services/config/recording.js';

interface Job {
  at: number;
  seq: number;
  fn: () => void;
}

export class ManualSim implements SimRuntime {
  readonly url = 'http://127.0.0.1:0';
  private time: number;
  private seq = 0;
  private jobs: Job[] = [];
  /** The account the configuration recorder watches (set by callHandler, as the server watches its state). */
  watched: AccountState | undefined;

  constructor(
    start: Date | string = '2025-06-02T12:00:00.000Z',
    readonly options: Record<string, unknown> = {}
  ) {
    this.time = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  schedule(ms: number, fn: () => void): void {
    this.jobs.push({ at: this.time + Math.max(0, ms), seq: this.seq++, fn });
  }

  /** Scheduled jobs not run yet. */
  get pending(): number {
    return this.jobs.length;
  }

  /** Runs the jobs due at the current time (those scheduled with 0 ms included); returns how many ran. */
  runDue(): number {
    return this.advance(0);
  }

  /** Moves the clock forward, running due jobs in time order with the clock at each job's time. */
  advance(ms: number): number {
    const end = this.time + ms;
    let ran = 0;
    for (;;) {
      const due = this.jobs.filter(j => j.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.jobs = this.jobs.filter(j => j !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
      this.observe();
      ran++;
    }
    this.time = end;
    return ran;
  }

  /** The recorder notices changes (recording.ts), as the server has it after every request and task. */
  observe(): void {
    if (this.watched) observeResourceChanges(this.watched, () => this.now(), this);
  }

  verifyOidcToken(): Promise<Record<string, unknown>> {
    return Promise.reject(new AwsError('InvalidIdentityToken', 'not available in handler tests'));
  }

  issueSessionCredential(): IssuedCredential {
    throw new Error('issueSessionCredential is not available in handler tests');
  }
}

export function makeContext(state: AccountState, sim: ManualSim, operation = 'Test'): RequestContext {
  return {
    service: 'config',
    operation,
    requestId: `req-${operation}`,
    state,
    now: () => sim.now(),
    sim
  };
}

/** Calls one handler of `handlers` the way the server would (minus the model validation). */
export function callHandler(
  handlers: ServiceHandlers,
  operation: string,
  input: Record<string, unknown>,
  state: AccountState,
  sim: ManualSim
): Record<string, unknown> {
  const handler = handlers[operation];
  if (!handler) throw new Error(`no handler for ${operation}`);
  if (sim.watched !== state) {
    sim.watched = state;
    sim.observe();
  }
  try {
    return handler(input, makeContext(state, sim, operation)) as Record<string, unknown>;
  } finally {
    sim.observe();
  }
}

/** The AwsError code a call throws (fails the test when it does not throw one). */
export function awsErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err.code;
    throw err;
  }
  throw new Error('expected an AwsError, but the call succeeded');
}
