/**
 * Throttle-aware calls: a client-side token bucket and an adaptive limit on calls in flight, one pair per operation
 * (AWS throttles each API of each account separately: "AWS Config endpoints and quotas",
 * https://docs.aws.amazon.com/general/latest/gr/awsconfig.html, lists a requests-per-second rate per API).
 *
 * The rate is unknown until AWS says so: the gate starts unlimited at the highest concurrency. On a
 * ThrottlingException it halves the calls in flight and sets the bucket's rate below the rate that was just
 * answered (calls that succeeded in the last second); every success then raises the limit by 1/limit and the rate by
 * a few percent (additive increase, multiplicative decrease, as TCP and the SDK's own adaptive retry mode do), so it
 * stays near AWS's rate without retries dominating. The SDK's retries still handle each throttled call; the gate sees
 * every attempt (clients.ts adds it inside the retry middleware).
 *
 * Pure of I/O: time is the injected clock's (tests drive it; no timed unit tests).
 */
import type { Clock } from '../util/clock.js';

/** The error codes that mean "too fast" (awsJson: ThrottlingException; awsQuery: Throttling). */
const THROTTLE_CODES = new Set(['ThrottlingException', 'Throttling', 'ThrottledException', 'RequestLimitExceeded']);

export function isThrottle(code: string): boolean {
  return THROTTLE_CODES.has(code);
}

export interface GateSettings {
  /** Calls in flight at first and at most. */
  maxInFlight: number;
  /** The bucket's size once a rate is set: calls that may start at once after a pause. */
  burst: number;
  /** The rate never goes below this (calls per second). */
  minRate: number;
  /** After a throttle: the rate becomes this fraction of the rate just answered. */
  backoff: number;
  /** Per success: the rate grows by this fraction. */
  increase: number;
}

export const DEFAULT_GATE: GateSettings = { maxInFlight: 16, burst: 5, minRate: 1, backoff: 0.8, increase: 0.02 };

/** One operation's gate: acquire() before each attempt, release() with its outcome after. */
export class RateGate {
  /** Calls per second; Infinity until the first throttle. */
  private rate = Infinity;
  private tokens: number;
  private refilledAt: number;
  private limit: number;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Times (ms) of the successes of the last second: the rate AWS just answered. */
  private readonly answered: number[] = [];
  private throttles = 0;
  /** When the gate last backed off: calls started before it were sent at the old rate and do not count again. */
  private backedOffAt = -Infinity;

  constructor(
    private readonly clock: Pick<Clock, 'now' | 'sleep'>,
    private readonly settings: GateSettings = DEFAULT_GATE
  ) {
    this.limit = settings.maxInFlight;
    this.tokens = settings.burst;
    this.refilledAt = clock.now().getTime();
  }

  /** The gate's state, for the log and tests. */
  get state(): { rate: number; limit: number; inFlight: number; throttles: number } {
    return { rate: this.rate, limit: Math.floor(this.limit), inFlight: this.inFlight, throttles: this.throttles };
  }

  /** Waits for a slot among the calls in flight, then for a token; returns when the call starts (for release). */
  async acquire(): Promise<number> {
    while (this.inFlight >= Math.floor(this.limit)) await new Promise<void>(r => this.waiting.push(r));
    this.inFlight += 1;
    for (;;) {
      const wait = this.takeToken();
      if (wait === 0) return this.clock.now().getTime();
      await this.clock.sleep(wait);
    }
  }

  /**
   * The call that started at `startedAt` ended: throttled (AWS's throttle code), or anything else (a success for the
   * rate). A throttle backs off once per round: the other calls already in flight at the old rate are counted, not
   * acted on again (else one burst would drive the rate to its minimum).
   */
  release(throttled: boolean, startedAt: number): void {
    this.inFlight -= 1;
    const now = this.clock.now().getTime();
    if (throttled) {
      this.throttles += 1;
    }
    if (throttled && startedAt >= this.backedOffAt) {
      this.backedOffAt = now;
      this.forgetBefore(now - 1000);
      const answered = Math.max(this.answered.length, this.settings.minRate);
      this.rate = Math.max(this.settings.minRate, Math.min(this.rate, answered) * this.settings.backoff);
      this.limit = Math.max(1, this.limit / 2);
      this.tokens = Math.min(this.tokens, 0);
      this.refilledAt = now;
    } else if (!throttled) {
      this.answered.push(now);
      this.forgetBefore(now - 1000);
      this.limit = Math.min(this.settings.maxInFlight, this.limit + 1 / this.limit);
      if (this.rate !== Infinity) this.rate *= 1 + this.settings.increase;
    }
    this.wakeFree();
  }

  /** 0 when a token was taken; otherwise the milliseconds until the next one. */
  private takeToken(): number {
    if (this.rate === Infinity) return 0;
    const now = this.clock.now().getTime();
    this.tokens = Math.min(this.settings.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - this.tokens) / this.rate) * 1000));
  }

  private forgetBefore(t: number): void {
    while (this.answered.length > 0 && this.answered[0]! < t) this.answered.shift();
  }

  /** Wakes as many waiting callers as there are free slots; each re-checks the limit when it runs. */
  private wakeFree(): void {
    const free = Math.floor(this.limit) - this.inFlight;
    for (const next of this.waiting.splice(0, Math.max(0, free))) next();
  }
}

/** One gate per operation name, made on first use. */
export class RateGates {
  private readonly gates = new Map<string, RateGate>();

  constructor(
    private readonly clock: Pick<Clock, 'now' | 'sleep'>,
    private readonly settings: GateSettings = DEFAULT_GATE
  ) {}

  of(operation: string): RateGate {
    let gate = this.gates.get(operation);
    if (!gate) {
      gate = new RateGate(this.clock, this.settings);
      this.gates.set(operation, gate);
    }
    return gate;
  }

  /** Calls throttled per operation, for the log. */
  throttled(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [op, g] of this.gates) if (g.state.throttles > 0) out.set(op, g.state.throttles);
    return out;
  }
}
