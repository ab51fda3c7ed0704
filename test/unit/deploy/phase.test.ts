import { describe, expect, it } from '@jest/globals';
import type { ActualRemediation, ActualState, PlanItem } from '../../../src/deploy/plan.js';
import { remediationsInAccount } from '../../../src/deploy/phase.js';

function actual(...remediations: string[]): ActualState {
  return {
    rules: new Map(),
    documents: new Map(),
    remediations: new Map(remediations.map(name => [name, {} as ActualRemediation]))
  };
}

const item = (object: PlanItem['object'], name: string, action: PlanItem['action']): PlanItem => ({
  object,
  name,
  action,
  changes: []
});

describe('remediationsInAccount', () => {
  it('is unknown when deploy did not read the account', () => {
    expect(remediationsInAccount({ warnings: [] })).toBeUndefined();
  });
  it('is what deploy read when nothing was applied', () => {
    expect([...(remediationsInAccount({ warnings: [], actual: actual('a') }) ?? [])]).toEqual(['a']);
    expect(remediationsInAccount({ warnings: [], actual: actual() })?.size).toBe(0);
  });
  it('adds remediations apply created or updated, not deleted ones nor other objects', () => {
    const got = remediationsInAccount({
      warnings: [],
      actual: actual('a'),
      applied: {
        done: [
          item('remediation', 'b', 'create'),
          item('remediation', 'a', 'update'),
          item('remediation', 'c', 'delete'),
          item('rule', 'd', 'create')
        ]
      }
    });
    expect([...(got ?? [])].sort()).toEqual(['a', 'b']);
  });
});
