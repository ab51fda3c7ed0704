import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunInfo } from '../../../../src/run-context.js';
import { PolicyError } from '../../../../src/errors.js';
import { buildAlertMessage, decideAlert, MAX_LISTED } from '../../../../src/remediation/alert.js';
import { AuditLog, auditContext, auditLine, type AuditRecord } from '../../../../src/remediation/audit.js';
import {
  formatParameters,
  remediationHeading,
  remediationSection
} from '../../../../src/report/sections/remediation.js';
import { buildPlanJson } from '../../../../src/remediation/plan-file.js';
import type { PlanTarget } from '../../../../src/remediation/plan.js';
import { countOutcomes } from '../../../../src/remediation/result.js';
import { selectCandidates } from '../../../../src/remediation/select.js';
import type { TargetOutcome } from '../../../../src/remediation/verify.js';
import { SummaryBuilder } from '../../../../src/report/markdown/layout.js';
import { bindings, plan, result } from '../../remediation/fixtures.js';

const run: RunInfo = {
  repository: 'example-org/healthcare-infra',
  runId: '7',
  runAttempt: '2',
  workflow: 'remediate',
  eventName: 'workflow_dispatch',
  actor: 'alice',
  sha: 'abc',
  ref: 'refs/heads/main',
  serverUrl: 'https://github.com'
};

const thePlan = () => plan(selectCandidates(result(), bindings(), { rules: [], resources: [] }), 'apply').plan;

function outcomes(targets: readonly PlanTarget[]): TargetOutcome[] {
  return [
    {
      target: targets[0]!,
      status: 'verified',
      executionId: 'e-1',
      complianceBefore: 'NON_COMPLIANT',
      complianceAfter: 'COMPLIANT'
    },
    {
      target: targets[1]!,
      status: 'failed',
      executionId: 'e-2',
      failedStep: 'PublishAlert',
      message: 'Topic | does not exist',
      complianceBefore: 'NON_COMPLIANT'
    },
    { target: targets[2]!, status: 'skipped', message: 'error threshold reached', complianceBefore: 'NON_COMPLIANT' }
  ];
}

const render = (s: ReturnType<typeof remediationSection>): string => new SummaryBuilder().add(s).render().markdown;

describe('remediation-plan.json', () => {
  it('has the schema version, hash, mode and targets', () => {
    const p = thePlan();
    const json = buildPlanJson(p);
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'hash',
      'mode',
      'accountId',
      'region',
      'createdAt',
      'targets',
      'notes'
    ]);
    expect(json).toMatchObject({ schemaVersion: 1, hash: p.hash, mode: 'apply' });
    expect(json.targets).toEqual(p.targets);
  });
});

describe('remediationSection', () => {
  it('shows the plan hash, the plan table and, in apply mode, the outcomes', () => {
    const p = thePlan();
    const md = render(
      remediationSection({
        plan: p,
        mode: 'apply',
        planFile: 'compliance-report/remediation-plan.json',
        auditFile: 'compliance-report/remediation-audit.jsonl',
        outcomes: outcomes(p.targets),
        max: 10,
        alert: 'Alert sent.'
      })
    );
    expect(md).toContain(`Plan hash \`${p.hash}\``);
    expect(md).toContain('| Rule | Resource | Runbook@version | Route | HIPAA sections |');
    expect(md).toContain(
      '| s3-bucket-logging-enabled | access-logs<br>AWS::S3::Bucket | my-hipaa-alerting-runbook@3 |'
    );
    // The parameters (long ARNs) are in their own collapsed table, so no table is wider than GitHub's page.
    expect(md).toContain('<details><summary>Runbook parameters (3 targets)</summary>');
    expect(md).toContain('Message=access-logs');
    expect(md).toContain('| SSM Automation |');
    expect(md).toContain('#### Outcomes');
    expect(md).toContain('| ec2-ebs-encryption-by-default | 123456789012 | ✅ verified | e-1 | - |');
    // AWS text is escaped: a | cannot split the cell
    expect(md).toContain('step PublishAlert: Topic \\| does not exist');
    expect(md).toContain('1 ✅ verified · 1 ❌ failed · 1 ⏭️ skipped');
    expect(md).toContain('Alert sent.');
  });

  it('in plan mode says nothing changed and shows no outcomes; a refusal is shown', () => {
    const p = thePlan();
    const md = render(
      remediationSection({
        plan: { ...p, mode: 'plan' },
        mode: 'plan',
        planFile: 'p.json',
        auditFile: 'a.jsonl',
        outcomes: [],
        max: 2,
        error: new PolicyError('Remediation refused: 3 targets exceed max-remediations (2)')
      })
    );
    expect(md).toContain('dry run, nothing changed');
    expect(md).not.toContain('#### Outcomes');
    expect(md).toContain('**Refused:** Remediation refused: 3 targets exceed max-remediations (2)');
    const stopped = render(
      remediationSection({
        plan: p,
        mode: 'apply',
        planFile: 'p',
        auditFile: 'a',
        outcomes: [],
        max: 1,
        error: new Error('boom')
      })
    );
    expect(stopped).toContain('**Stopped:** boom');
  });

  it('as the lead, names the act in an h2 first line: the plan awaiting approval, with its hash and how to approve', () => {
    const p = thePlan();
    const input = {
      plan: { ...p, mode: 'plan' as const },
      mode: 'plan' as const,
      planFile: 'compliance-report/remediation-plan.json',
      auditFile: 'a.jsonl',
      outcomes: [],
      max: 10
    };
    const s = remediationSection(input, { lead: true });
    const md = render(s);
    expect(md.split('\n')[0]).toBe('## 🛠️ Remediation plan awaiting approval: 3 targets');
    expect(remediationHeading(input)).toBe('## 🛠️ Remediation plan awaiting approval: 3 targets');
    expect(md).toContain(`\`approved-plan-hash: ${p.hash}\``);
    expect(md).toContain('`remediate: apply`');
    expect(md).toContain('Nothing was changed by this run.');
    // The plan is open (not collapsed) and carries the HIPAA sections of each target.
    expect(md).toContain('#### The plan');
    expect(md).not.toContain('<details><summary>The plan</summary>');
    for (const t of p.targets) expect(md).toContain(t.hipaaSections.join(', '));
    expect(s.order).toBeLessThan(0);
    // Not the lead: an h3 in its usual place.
    expect(render(remediationSection(input)).split('\n')[0]).toMatch(/^### /);
    expect(remediationHeading({ ...input, plan: { ...input.plan, targets: [] } })).toBe(
      '## 🛠️ Remediation plan: nothing to remediate'
    );
  });

  it('as the lead of an apply, says what was remediated and verified; a refusal or a cancel says so', () => {
    const p = thePlan();
    const base = { plan: p, mode: 'apply' as const, planFile: 'p', auditFile: 'a', max: 10 };
    const md = render(remediationSection({ ...base, outcomes: outcomes(p.targets) }, { lead: true }));
    expect(md.split('\n')[0]).toBe('## 🛠️ Remediated 1 of 3 targets: 1 ✅ verified · 1 ❌ failed · 1 ⏭️ skipped');
    // After an apply the outcomes come first and the plan is collapsed.
    expect(md.indexOf('#### Outcomes')).toBeLessThan(md.indexOf('<details><summary>The plan</summary>'));
    expect(remediationHeading({ ...base, outcomes: [], error: new PolicyError('plan hash differs') })).toBe(
      '## 🛠️ Remediation refused: plan hash differs'
    );
    expect(remediationHeading({ ...base, outcomes: [], error: new Error('boom\nmore') })).toBe(
      '## 🛠️ Remediation stopped: boom more'
    );
    expect(remediationHeading({ ...base, outcomes: outcomes(p.targets).slice(0, 1), cancelled: 'SIGINT' })).toBe(
      '## 🛠️ Remediation cancelled: 1 ✅ verified'
    );
    expect(remediationHeading({ ...base, plan: { ...p, targets: [] }, outcomes: [] })).toBe(
      '## 🛠️ Remediation: nothing to remediate'
    );
  });

  it('leaves out rows beyond the budget and says where the full list is', () => {
    const p = thePlan();
    const s = remediationSection({
      plan: p,
      mode: 'apply',
      planFile: 'p.json',
      auditFile: 'a.jsonl',
      outcomes: outcomes(p.targets),
      max: 10
    });
    const out = new SummaryBuilder(1400).add(s).render();
    expect(out.omittedRows).toBeGreaterThan(0);
    expect(out.markdown).toContain('left out to keep the job summary within its size limit');
    expect(out.markdown).toContain('`p.json`');
  });

  it('counts outcomes and formats parameters', () => {
    const p = thePlan();
    expect(countOutcomes(outcomes(p.targets))).toEqual({
      verified: 1,
      'succeeded-unverified': 0,
      alerted: 0,
      failed: 1,
      'timed-out': 0,
      skipped: 1,
      cancelled: 0
    });
    expect(formatParameters({ b: ['2'], a: ['1', 'x'] })).toBe('a=1, x; b=2');
    expect(formatParameters({})).toBe('-');
  });
});

describe('alert', () => {
  const base = { topic: 'arn:aws:sns:us-east-1:123456789012:t', result: result(), executionsStarted: 0 };
  const all = new Set(result().rules.flatMap(r => r.findings.map(f => f.fingerprint)));

  it('decides by policy, topic, remediations run and new findings', () => {
    expect(decideAlert({ ...base, policy: 'never', executionsStarted: 3 }).send).toBe(false);
    expect(decideAlert({ ...base, policy: 'always', topic: undefined }).send).toBe(false);
    expect(decideAlert({ ...base, policy: 'always', knownFingerprints: all }).send).toBe(true);
    expect(decideAlert({ ...base, policy: 'on-change', executionsStarted: 1, knownFingerprints: all })).toEqual({
      send: true,
      reason: '1 remediation(s) ran'
    });
    expect(decideAlert({ ...base, policy: 'on-change', knownFingerprints: all })).toEqual({
      send: false,
      reason: 'nothing changed (no new non-compliant finding, no remediation ran)'
    });
    // no baseline: every finding is new (the waived one does not count)
    expect(decideAlert({ ...base, policy: 'on-change' })).toEqual({
      send: true,
      reason: '4 new non-compliant findings'
    });
    const known = new Set([...all].slice(1));
    expect(decideAlert({ ...base, policy: 'on-change', knownFingerprints: known }).reason).toBe(
      '1 new non-compliant finding'
    );
  });

  it('says what is non-compliant, what was remediated and where the run is, in one message', () => {
    const p = thePlan();
    const m = buildAlertMessage({ result: result(), outcomes: outcomes(p.targets), run, mode: 'apply' });
    expect(m.subject).toBe('compliance-gate example-org/healthcare-infra: 2 remediation(s) ran, 1 failed');
    expect(m.message.split('\n')).toEqual([
      'compliance-gate: 4 non-compliant resources in 3 rules (account 123456789012, us-east-1).',
      '',
      'Non-compliant:',
      '- cloudtrail-enabled: 1',
      '- ec2-ebs-encryption-by-default: 1',
      '- s3-bucket-logging-enabled: 2',
      '',
      'Remediation: 2 ran; 1 failed, 1 verified, 1 skipped.',
      '- s3-bucket-logging-enabled AWS::S3::Bucket/access-logs: failed at step PublishAlert: Topic | does not exist',
      '- ec2-ebs-encryption-by-default AWS::::Account/123456789012: verified',
      '- s3-bucket-logging-enabled AWS::S3::Bucket/claims-uploads: skipped: error threshold reached',
      '',
      'Run: https://github.com/example-org/healthcare-infra/actions/runs/7/attempts/2'
    ]);
  });

  it('caps the list of targets, keeps the subject short ASCII, and reports a stop', () => {
    const p = thePlan();
    const many: TargetOutcome[] = Array.from({ length: MAX_LISTED + 5 }, () => ({
      target: p.targets[0]!,
      status: 'verified' as const,
      complianceBefore: 'NON_COMPLIANT'
    }));
    const m = buildAlertMessage({
      result: result(),
      outcomes: many,
      run: { ...run, repository: `ünïcode/${'r'.repeat(200)}` },
      mode: 'apply',
      problem: 'ssm:GetAutomationExecution failed'
    });
    expect(m.message).toContain('- ... and 5 more');
    expect(m.message).toContain('Stopped: ssm:GetAutomationExecution failed');
    expect(m.subject.length).toBeLessThanOrEqual(100);
    expect(m.subject).toMatch(/^[\x20-\x7e…]+$/);
    const dry = buildAlertMessage({ result: result(), outcomes: [], run, mode: 'plan', planned: 3 });
    expect(dry.message).toContain('Remediation plan (dry run): 3 target(s), nothing changed.');
    expect(dry.subject).toContain('4 non-compliant');
  });
});

describe('audit log', () => {
  const ctx = auditContext(
    { ...run, runUrl: 'https://github.com/x/y/actions/runs/7' },
    {
      roleSessionName: 'session',
      accountId: '123456789012',
      region: 'us-east-1',
      mode: 'apply'
    }
  );

  it('writes one JSON line per record with the run context, masking credentials in free text', () => {
    const line = auditLine({
      time: 't',
      event: 'refused',
      context: ctx,
      reason: 'denied for AKIAIOSFODNN7EXAMPLE',
      message: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toContain('\n');
    const rec = JSON.parse(line) as AuditRecord;
    expect(rec.reason).toBe('denied for ***');
    expect(rec.message).toBe('***');
    expect(rec.context).toMatchObject({
      repository: 'example-org/healthcare-infra',
      actor: 'alice',
      roleSessionName: 'session'
    });
  });

  it('appends each record at once, with the plan hash once known, and never truncates the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    try {
      const file = join(dir, 'nested', 'remediation-audit.jsonl');
      let n = 0;
      const log = new AuditLog(file, ctx, () => new Date(Date.UTC(2026, 0, 1, 0, 0, n++)));
      await log.record({ event: 'refused', reason: 'first' });
      expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(2);
      log.setPlanHash('h1');
      await log.record({ event: 'plan-computed' });
      const again = new AuditLog(file, ctx, () => new Date(0));
      await again.record({ event: 'run-failed' });
      const lines = readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map(l => JSON.parse(l) as AuditRecord);
      expect(lines.map(l => [l.event, l.planHash, l.time])).toEqual([
        ['refused', undefined, '2026-01-01T00:00:00.000Z'],
        ['plan-computed', 'h1', '2026-01-01T00:00:01.000Z'],
        ['run-failed', undefined, '1970-01-01T00:00:00.000Z']
      ]);
      expect(log.records()).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
