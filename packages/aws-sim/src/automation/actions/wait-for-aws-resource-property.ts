/**
 * aws:waitForAwsResourceProperty: calls one AWS API every `options.automationPollIntervalMs` (default 1000) of
 * simulator time until the selected property has a desired value, or times out after the step's timeoutSeconds
 * (default 3600).
 */
import { isTerminal, option, stepFailure, type Action } from '../step.js';
import { callFromInputs, desiredValues, propertyMatches } from './api-call.js';

export const waitForAwsResourceProperty: Action = ({ rec, step, se, ctx, inputs, done }) => {
  const started = ctx.now().getTime();
  const timeoutMs = (step.timeoutSeconds ?? 3600) * 1000;
  const interval = option(ctx, 'automationPollIntervalMs', 1000);
  const poll = (): void => {
    if (isTerminal(rec)) return;
    try {
      const { selector, desired } = desiredValues(inputs);
      const response = callFromInputs(rec, inputs, ['PropertySelector', 'DesiredValues'], se, ctx);
      const m = propertyMatches(response, selector, desired);
      if (m.ok) {
        done({ ok: true });
        return;
      }
      if (ctx.now().getTime() - started >= timeoutMs) {
        done({
          ok: false,
          status: 'TimedOut',
          message: `${selector} was still ${m.actual} after ${timeoutMs / 1000} seconds; expected one of [${desired.join(', ')}]`,
          failureType: 'Timeout'
        });
        return;
      }
    } catch (e) {
      done(stepFailure(e, step));
      return;
    }
    ctx.sim.schedule(Math.max(1, interval), poll);
  };
  poll();
};
