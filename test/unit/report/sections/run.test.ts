import { describe, expect, it } from '@jest/globals';
import type { BaselineComparison } from '../../../../src/baseline/compare.js';
import type { Plan } from '../../../../src/deploy/plan.js';
import type { DesiredState } from '../../../../src/desired/model.js';
import type { PreDeployResult } from '../../../../src/predeploy/evaluate.js';
import { runSections } from '../../../../src/report/sections/run.js';
import { sampleResult } from '../../../fixtures/report/sample.js';

const comparison: BaselineComparison = {
  new: [],
  existing: [],
  fixed: [],
  waived: 0,
  unknown: [],
  warnings: [],
  baseline: { file: 'base.json', generatedAt: '2025-01-01T00:00:00Z', sha: '' }
};
const pre: PreDeployResult = { evaluated: 0, findings: [], notJudged: [], failed: [] };
const plan: Plan = {
  mode: 'apply',
  prune: false,
  items: [],
  counts: { create: 0, update: 0, delete: 0, unchanged: 0 },
  drift: 0
};
const desired = (documents: number): DesiredState =>
  ({ rules: [], documents: Array.from({ length: documents }, () => ({})) }) as unknown as DesiredState;

describe('runSections', () => {
  it('adds nothing when no phase has anything to say', () => {
    expect(runSections({ result: sampleResult() })).toEqual([]);
    expect(runSections({ result: sampleResult(), waivers: { proposed: [] } })).toEqual([]);
  });

  it("adds each phase's section from its data, in the order the summary breaks ties by", () => {
    const ids = runSections({
      result: sampleResult(),
      comparison,
      preDeploy: pre,
      deploy: { plan, mode: 'plan', desired: desired(1) }
    }).map(s => s.id);
    expect(ids).toEqual(['baseline', 'pre-deploy', 'deploy', 'runbook-policies']);
  });

  it('adds the runbook policies only when the manifest has runbooks', () => {
    const ids = runSections({ result: sampleResult(), deploy: { plan, mode: 'apply', desired: desired(0) } }).map(
      s => s.id
    );
    expect(ids).toEqual(['deploy']);
  });
});
