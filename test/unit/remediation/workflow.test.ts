/** examples/workflows/remediate.yml: plan, human approval in a protected environment, apply exactly that plan. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../helpers/action-env.js';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  environment?: string;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { workflow_dispatch: { inputs: Record<string, { type?: string; default?: unknown }> } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(join(REPO_ROOT, 'examples/workflows/remediate.yml'), 'utf8')) as Workflow;
const actionInputs = Object.keys(
  (parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs
);
const gateStep = (job: Job): Step => job.steps.find(s => s.uses?.includes('compliance-gate'))!;

describe('examples/workflows/remediate.yml', () => {
  it('is started by hand with rules, resources and dry-run (default on)', () => {
    const inputs = workflow.on.workflow_dispatch.inputs;
    expect(Object.keys(inputs).sort()).toEqual(['dry-run', 'resources', 'rules']);
    expect(inputs['dry-run']).toMatchObject({ type: 'boolean', default: true });
  });

  it('has only the permissions OIDC needs, and never runs two remediations at once', () => {
    expect(workflow.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    expect(workflow.concurrency.group).not.toMatch(/github\.(ref|run_id|sha)/);
  });

  it('plans, uploads the plan and exposes its hash', () => {
    const plan = workflow.jobs['plan']!;
    expect(gateStep(plan).with).toMatchObject({ remediate: 'plan' });
    expect(plan.outputs?.['plan-hash']).toBe('${{ steps.plan.outputs.remediation-plan-hash }}');
    const upload = plan.steps.find(s => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.with?.['path']).toBe('${{ steps.plan.outputs.remediation-plan-file }}');
  });

  it('applies in the protected production environment, exactly the approved plan', () => {
    const apply = workflow.jobs['apply']!;
    expect(apply.needs).toBe('plan');
    expect(apply.environment).toBe('production');
    expect(apply.if).toContain('!inputs.dry-run');
    const download = apply.steps.find(s => s.uses?.startsWith('actions/download-artifact'))!;
    expect(download.with).toMatchObject({ name: 'remediation-plan', path: 'approved' });
    expect(gateStep(apply).with).toMatchObject({
      remediate: 'apply',
      'approved-plan-hash': '${{ needs.plan.outputs.plan-hash }}',
      'approved-plan-file': 'approved/remediation-plan.json'
    });
  });

  it('uses only inputs the action declares', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const key of Object.keys(gateStep(job).with ?? {})) expect(actionInputs).toContain(key);
    }
  });
});
