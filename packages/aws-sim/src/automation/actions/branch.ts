/** aws:branch: the first matching choice's NextStep, else Default, else the next step. */
import { isRecord, stepFailure, type Action } from '../step.js';
import { ValueError, toText } from '../expressions.js';

export const branch: Action = ({ step, inputs, done }) => {
  try {
    const choices = inputs.Choices;
    if (!Array.isArray(choices)) throw new ValueError('input Choices must be a list');
    for (const choice of choices) {
      if (evaluateChoice(choice)) {
        const next = (choice as Record<string, unknown>).NextStep;
        if (typeof next !== 'string') throw new ValueError('a matching choice has no NextStep');
        done({ ok: true, next });
        return;
      }
    }
    const fallback = inputs.Default;
    done(typeof fallback === 'string' ? { ok: true, next: fallback } : { ok: true });
  } catch (e) {
    done(stepFailure(e, step));
  }
};

/** Evaluates one aws:branch choice (or a nested And/Or/Not operand). */
function evaluateChoice(choice: unknown): boolean {
  if (!isRecord(choice)) throw new ValueError(`a choice must be a mapping, got ${JSON.stringify(choice)}`);
  if (Array.isArray(choice.And)) return choice.And.every(evaluateChoice);
  if (Array.isArray(choice.Or)) return choice.Or.some(evaluateChoice);
  if (choice.Not !== undefined) return !evaluateChoice(choice.Not);
  if (!('Variable' in choice)) throw new ValueError('a choice needs a Variable (or And, Or, Not)');
  const value = choice.Variable;
  const text = toText(value);
  const ops = Object.keys(choice).filter(k => k !== 'Variable' && k !== 'NextStep');
  if (ops.length !== 1) throw new ValueError(`a choice needs exactly one operator, got ${ops.join(', ') || 'none'}`);
  const op = ops[0]!;
  const operand = choice[op];
  const num = (v: unknown, what: string): number => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (Number.isNaN(n)) throw new ValueError(`${op}: ${what} ${JSON.stringify(v)} is not a number`);
    return n;
  };
  switch (op) {
    case 'StringEquals':
      return text === toText(operand);
    case 'EqualsIgnoreCase':
      return text.toLowerCase() === toText(operand).toLowerCase();
    case 'StartsWith':
      return text.startsWith(toText(operand));
    case 'EndsWith':
      return text.endsWith(toText(operand));
    case 'Contains':
      return Array.isArray(value) ? value.map(toText).includes(toText(operand)) : text.includes(toText(operand));
    case 'NumericEquals':
      return num(value, 'Variable') === num(operand, 'operand');
    case 'NumericGreater':
      return num(value, 'Variable') > num(operand, 'operand');
    case 'NumericLesser':
      return num(value, 'Variable') < num(operand, 'operand');
    case 'NumericGreaterOrEquals':
      return num(value, 'Variable') >= num(operand, 'operand');
    case 'NumericLesserOrEquals':
      return num(value, 'Variable') <= num(operand, 'operand');
    case 'BooleanEquals': {
      const b = (v: unknown, what: string): boolean => {
        if (typeof v === 'boolean') return v;
        if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
        throw new ValueError(`BooleanEquals: ${what} ${JSON.stringify(v)} is not a boolean`);
      };
      return b(value, 'Variable') === b(operand, 'operand');
    }
    default:
      throw new ValueError(`unknown choice operator ${op}`);
  }
}
