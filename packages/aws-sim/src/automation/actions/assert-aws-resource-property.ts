/** aws:assertAwsResourceProperty: calls one AWS API and fails unless the selected property has a desired value. */
import { failed, stepFailure, type Action } from '../step.js';
import { callFromInputs, desiredValues, propertyMatches } from './api-call.js';

export const assertAwsResourceProperty: Action = ({ rec, step, se, ctx, inputs, done }) => {
  try {
    const { selector, desired } = desiredValues(inputs);
    const response = callFromInputs(rec, inputs, ['PropertySelector', 'DesiredValues'], se, ctx);
    const m = propertyMatches(response, selector, desired);
    done(
      m.ok
        ? { ok: true }
        : failed(`Assertion failed: ${selector} is ${m.actual}; expected one of [${desired.join(', ')}]`)
    );
  } catch (e) {
    done(stepFailure(e, step));
  }
};
