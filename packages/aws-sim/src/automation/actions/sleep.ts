/**
 * aws:sleep: waits a Duration (ISO 8601) or until a Timestamp on the simulator clock, at most 7 days, and times out
 * when the step's timeoutSeconds is shorter.
 */
import { failed, type Action } from '../step.js';

/** ISO 8601 duration (PnDTnHnMnS, weeks too) in milliseconds. */
export function durationMs(text: string): number | undefined {
  const m =
    /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      text.trim()
    );
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [, w, d, h, min, s] = m.map(x => (x === undefined ? 0 : Number(x)));
  return ((((w! * 7 + d!) * 24 + h!) * 60 + min!) * 60 + s!) * 1000;
}

export const sleep: Action = ({ step, ctx, inputs, done }) => {
  let ms: number | undefined;
  if (typeof inputs.Duration === 'string') {
    ms = durationMs(inputs.Duration);
    if (ms === undefined) {
      done(failed(`Duration ${inputs.Duration} is not an ISO 8601 duration such as PT5S`, 'InvalidInput'));
      return;
    }
  } else if (typeof inputs.Timestamp === 'string' && !Number.isNaN(Date.parse(inputs.Timestamp))) {
    ms = Math.max(0, Date.parse(inputs.Timestamp) - ctx.now().getTime());
  } else {
    done(failed('aws:sleep needs a Duration (ISO 8601, e.g. PT5S) or a Timestamp (ISO 8601)', 'InvalidInput'));
    return;
  }
  if (ms > 7 * 24 * 3600 * 1000) {
    done(failed('aws:sleep cannot last more than 604800 seconds (7 days)', 'InvalidInput'));
    return;
  }
  const timeoutMs = step.timeoutSeconds !== undefined ? step.timeoutSeconds * 1000 : undefined;
  if (timeoutMs !== undefined && timeoutMs < ms) {
    ctx.sim.schedule(timeoutMs, () =>
      done({
        ok: false,
        status: 'TimedOut',
        message: `the sleep of ${ms / 1000} seconds exceeds timeoutSeconds ${step.timeoutSeconds}`,
        failureType: 'Timeout'
      })
    );
    return;
  }
  ctx.sim.schedule(ms, () => done({ ok: true }));
};
