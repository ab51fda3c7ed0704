import { describe, expect, it } from '@jest/globals';
import { waves } from '../../../../src/remediation/execute/waves.js';
import { selectCandidates } from '../../../../src/remediation/select.js';
import { bindings, plan, result } from '../fixtures.js';

describe('waves', () => {
  it('starts each rule in waves of its concurrency percent, at least one target', () => {
    const planned = plan(selectCandidates(result(), bindings(), { rules: [], resources: [] })).planned;
    // EBS: 100 % of 1; S3: 50 % of 2 = 1 per wave
    expect(waves(planned).map(w => w.map(p => p.target.resourceId))).toEqual([
      ['123456789012'],
      ['access-logs'],
      ['claims-uploads']
    ]);
    const b = bindings();
    b[0]!.concurrencyPercent = 100;
    const together = plan(selectCandidates(result(), b, { rules: [], resources: [] })).planned;
    expect(waves(together).map(w => w.length)).toEqual([1, 2]);
    b[0]!.concurrencyPercent = 1;
    const single = plan(selectCandidates(result(), b, { rules: [], resources: [] })).planned;
    expect(waves(single).map(w => w.length)).toEqual([1, 1, 1]);
  });
});
