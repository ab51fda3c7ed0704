/** aws:executeAwsApi: calls one AWS API and selects the step's outputs from the response. */
import { stepFailure, type Action } from '../step.js';
import { callFromInputs, selectOutputs } from './api-call.js';

export const executeAwsApi: Action = ({ rec, step, se, ctx, inputs, done }) => {
  try {
    const response = callFromInputs(rec, inputs, [], se, ctx);
    done({ ok: true, outputs: selectOutputs(step, response) });
  } catch (e) {
    done(stepFailure(e, step));
  }
};
