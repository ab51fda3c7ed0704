/**
 * `{{ }}` references: each is well formed and names something the runbook declares (a parameter, a variable, a step
 * output) or a system variable SSM defines ("Variables" and "System variables" of the Automation runbook reference).
 */
import { AUTOMATION_ACTIONS, AUTOMATION_VARIABLES, GLOBAL_VARIABLES } from '../actions.js';
import type { RunbookStep, TemplateRef } from '../types.js';
import type { Check } from './context.js';

const MALFORMED: Readonly<Record<NonNullable<TemplateRef['error']>, string>> = {
  unterminated: "'{{' is not closed by '}}'",
  empty: 'nothing between the braces',
  nested: "'{{' inside a reference"
};

/** Why `expression` (a reference or a document output) does not resolve, or undefined when it does. */
export function resolveProblem(
  c: Check,
  expression: string,
  steps: ReadonlyMap<string, RunbookStep>
): string | undefined {
  const colon = expression.indexOf(':');
  if (colon > 0 && !expression.slice(0, colon).includes('.')) {
    const scope = expression.slice(0, colon);
    const name = expression.slice(colon + 1).trim();
    switch (scope) {
      case 'global':
        return GLOBAL_VARIABLES.has(name)
          ? undefined
          : `unknown system variable (known: ${[...GLOBAL_VARIABLES].map(v => `global:${v}`).join(', ')})`;
      case 'automation':
        return AUTOMATION_VARIABLES.has(name)
          ? undefined
          : `unknown automation variable (known: ${[...AUTOMATION_VARIABLES].map(v => `automation:${v}`).join(', ')})`;
      case 'ssm':
        return name === '' ? 'a Parameter Store reference needs a parameter name' : undefined;
      case 'variable':
        return c.variableNames.has(name) ? undefined : `no runbook variable '${name}' is declared under variables`;
      default:
        return `unknown prefix '${scope}:' (expected global:, automation:, ssm: or variable:)`;
    }
  }
  const dot = expression.indexOf('.');
  if (dot < 0) {
    if (c.parameterNames.has(expression)) return undefined;
    if (steps.has(expression)) return `'${expression}' is a step; reference one of its outputs as ${expression}.Name`;
    return `no parameter '${expression}' is declared`;
  }
  const stepName = expression.slice(0, dot);
  const output = expression.slice(dot + 1);
  const step = steps.get(stepName);
  if (!step) return `no step '${stepName}' (and no parameter '${expression}')`;
  const predefined = AUTOMATION_ACTIONS[step.action]?.outputs ?? [];
  if (predefined.includes(output) || step.outputs.some(o => o.name === output)) return undefined;
  const known = [...new Set([...predefined, ...step.outputs.map(o => o.name)])];
  return `step '${stepName}' has no output '${output}'${known.length ? ` (it has ${known.join(', ')})` : ' (it declares no outputs)'}`;
}

/** The document's references (assumeRole) and those of every step's inputs, in that order. */
export function checkReferences(
  c: Check,
  steps: readonly RunbookStep[],
  byName: ReadonlyMap<string, RunbookStep>
): void {
  const check = (ref: TemplateRef): void => {
    if (ref.error) {
      c.err(ref.pos, `malformed reference ${ref.raw}: ${MALFORMED[ref.error]}`);
      return;
    }
    const problem = resolveProblem(c, ref.expression, byName);
    if (problem) c.err(ref.pos, `${ref.raw} does not resolve: ${problem}`);
  };
  c.runbook.refs.forEach(check);
  for (const step of steps) step.refs.forEach(check);
}
