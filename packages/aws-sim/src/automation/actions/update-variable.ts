/** aws:updateVariable: sets a variable the document declares, converted to its type. */
import { convertToType } from '../expressions.js';
import { failed, stepFailure, type Action } from '../step.js';

export const updateVariable: Action = ({ rec, step, doc, inputs, done }) => {
  const name = inputs.Name;
  if (typeof name !== 'string' || !name.startsWith('variable:') || !(name.slice(9) in doc.variables)) {
    done(
      failed(`Name ${JSON.stringify(name)} must be variable:NAME of a variable the document declares`, 'InvalidInput')
    );
    return;
  }
  const variable = name.slice(9);
  try {
    rec.variables[variable] = convertToType(inputs.Value, doc.variables[variable]!.type, `variable ${variable}`);
    done({ ok: true });
  } catch (e) {
    done(stepFailure(e, step));
  }
};
