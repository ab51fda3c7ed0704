/**
 * Throttle-aware reads (issue 15): against the simulator's token-bucket throttle on GetComplianceDetailsByConfigRule,
 * the check's rate gates (src/aws/rate.ts) find the rate: the check completes with every finding and few throttled
 * calls. Real time (the gate waits on the run's clock), about 2 s.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedNonCompliantCounts } from 'aws-sim/scenarios/scale';
import { startSimulator, type Simulator } from 'aws-sim';
import { cleanup, runInProcess } from '../helpers/action-env.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const RATE = 20;

describe('a rate-capped account', () => {
  const params = { rules: '40', resources: '8000', 'noncompliant-ratio': '0.3' };
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'scale',
      params,
      faults: { throttle: { 'config:GetComplianceDetailsByConfigRule': { rate: RATE, burst: 5 } } }
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('reads every finding at the throttle rate with few throttled calls', async () => {
    const expected = expectedNonCompliantCounts(params);
    const findings = Object.values(expected).reduce((a, b) => a + b, 0);
    const detailPages = Object.values(expected).reduce((n, c) => n + Math.ceil(c / 100), 0);
    expect(detailPages).toBeGreaterThan(2 * RATE); // enough pages that 16 calls in flight would hit the cap

    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'never' },
      env: sim.env('main')
    });
    try {
      expect(r.exitCode).toBe(0);
      expect(r.outputs['noncompliant-count']).toBe(String(findings));
      const json = JSON.parse(readFileSync(join(r.dir, r.outputs['report-file']!), 'utf8')) as {
        rules: { status: string }[];
      };
      expect(json.rules.filter(x => x.status === 'error')).toEqual([]);
      const calls = sim.calls();
      const throttled = calls.faulted['config:GetComplianceDetailsByConfigRule'] ?? 0;
      // Each throttled call is retried: the details calls are the pages plus the throttled ones.
      expect(calls.byOperation['config:GetComplianceDetailsByConfigRule']).toBe(detailPages + throttled);
      // The first round starts 16 calls against a bucket of 5 (start high); after it, at most a tenth of the pages.
      expect(throttled).toBeLessThanOrEqual(16 - 5 + Math.ceil(detailPages / 10));
    } finally {
      cleanup(r);
    }
  }, 60_000);
});
