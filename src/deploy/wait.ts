/**
 * Bounded waits of deploy, on the injected Clock: AWS finishes some changes asynchronously. A new or updated SSM
 * document is Creating/Updating until processed (SSM API Reference, DocumentDescription.Status:
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html); a deleted Config rule
 * is DELETING for a while, and Config answers PutConfigRule/DeleteConfigRule with ResourceInUseException meanwhile
 * (AWS Config API Reference, ConfigRule.ConfigRuleState and PutConfigRule Errors:
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html).
 */
import { AwsCallError } from '../errors.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../logging.js';

/** How long deploy waits for one asynchronous change before it gives up (fails closed). */
export const DEPLOY_WAIT_MS = 120_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10_000;
/** A clock that does not advance must not make a wait endless. */
const MAX_POLLS = 200;

export interface WaitDeps {
  clock: Clock;
  logger: Logger;
  signal?: AbortSignal;
  /** Default DEPLOY_WAIT_MS. */
  timeoutMs?: number;
}

/** Outcome of one poll: done with a value, or not yet (with what to log while waiting). */
export type Poll<T> = { done: true; value: T } | { done: false; waiting: string };

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10}s`;

/**
 * Calls poll until it is done, sleeping 1 s, 2 s, 4 s ... (at most 10 s) on the clock between calls, and logging
 * "<waiting>; retrying in Ns" before each sleep. Past the bound (or when cancelled) throws an AwsCallError of
 * `operation` with code WaitTimeout, naming `what`: an unfinished change is never taken as done.
 */
export async function pollUntil<T>(
  operation: string,
  what: string,
  poll: () => Promise<Poll<T>>,
  deps: WaitDeps
): Promise<T> {
  const timeoutMs = deps.timeoutMs ?? DEPLOY_WAIT_MS;
  const started = deps.clock.now().getTime();
  let delay = FIRST_DELAY_MS;
  for (let polls = 1; ; polls++) {
    const r = await poll();
    if (r.done) return r.value;
    const elapsed = deps.clock.now().getTime() - started;
    if (elapsed + delay > timeoutMs || polls >= MAX_POLLS || deps.signal?.aborted) {
      const why = deps.signal?.aborted ? 'the run was cancelled' : `gave up after ${seconds(elapsed)}`;
      throw new AwsCallError(
        operation,
        'WaitTimeout',
        undefined,
        `${what}: ${r.waiting}; ${why} (deploy waits at most ${seconds(timeoutMs)}).`
      );
    }
    deps.logger.info(`${r.waiting}; retrying in ${seconds(delay)}.`);
    await deps.clock.sleep(delay, deps.signal);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}
