/**
 * Report paths end to end against the simulator: sarif-file defaults to compliance.sarif in report-dir, and every
 * path output is workspace-relative (the step's working directory), also when report-dir is given as an absolute
 * path; each names a file that exists.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { cleanup, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const PATH_OUTPUTS = ['report-file', 'sarif-file'] as const;

describe('report paths', () => {
  let sim: Simulator;
  const results: ActionRunResult[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    for (const r of results.splice(0)) cleanup(r);
  });

  const action = async (inputs: Record<string, string>): Promise<ActionRunResult> => {
    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'never', ...inputs },
      env: sim.env('main')
    });
    results.push(r);
    return r;
  };

  it('sarif-file defaults to compliance.sarif in report-dir', async () => {
    const r = await action({ 'report-dir': 'out/reports' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['sarif-file']).toBe('out/reports/compliance.sarif');
    expect(r.outputs['report-file']).toBe('out/reports/compliance-report.json');
    expect(existsSync(join(r.dir, 'out/reports/compliance.sarif'))).toBe(true);
    // Not the old fixed default.
    expect(existsSync(join(r.dir, 'compliance-report'))).toBe(false);
  });

  it('gives every path output relative to the workspace, also for an absolute report-dir', async () => {
    const probe = await action({});
    expect(probe.outputs['sarif-file']).toBe('compliance-report/compliance.sarif');
    const outside = mkdtempSync(join(tmpdir(), 'reports-'));
    const r = await action({ 'report-dir': outside, 'sarif-file': join(outside, 'x.sarif') });
    expect(r.exitCode).toBe(0);
    for (const name of PATH_OUTPUTS) {
      const value = r.outputs[name]!;
      expect(isAbsolute(value)).toBe(false);
      expect(value.startsWith('../')).toBe(true);
      expect(existsSync(resolve(r.dir, value))).toBe(true);
    }
    expect(resolve(r.dir, r.outputs['sarif-file']!)).toBe(join(outside, 'x.sarif'));
  });
});
