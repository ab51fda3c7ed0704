/**
 * The summary leads with what the run did (an h2 naming the act), rules fixed in this run move to their own list,
 * and no count contradicts another.
 */
import { describe, expect, it } from '@jest/globals';
import type { ComplianceResult, GateDecision } from '../../../src/compliance/types.js';
import type { Plan } from '../../../src/deploy/plan.js';
import type { DesiredState } from '../../../src/desired/model.js';
import { applyRemediationOutcomes } from '../../../src/gate/gate.js';
import { runSections } from '../../../src/report/sections/run.js';
import { buildSummary } from '../../../src/report/summary.js';
import { finding, run, sampleGate } from '../../fixtures/report/sample.js';

const plan = (drift: number): Plan => ({
  mode: 'apply',
  prune: false,
  items: [],
  counts: { create: drift, update: 0, delete: 0, unchanged: 0 },
  drift
});
const desired = { rules: [], documents: [], remediations: [] } as unknown as DesiredState;

/** Two rules: EBS (one finding, fixed and verified in this run) and S3 (two findings, one verified). */
function remediated(): ComplianceResult {
  const before: ComplianceResult = {
    accountId: '123456789012',
    region: 'us-east-1',
    accounts: [{ accountId: '123456789012', regions: [{ region: 'us-east-1', status: 'checked' }] }],
    checkedAt: '2025-03-01T10:00:00Z',
    rules: [
      {
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: 'ec2-ebs-encryption-by-default',
        status: 'noncompliant',
        complianceType: 'NON_COMPLIANT',
        findings: [finding('ec2-ebs-encryption-by-default', 'AWS::::Account', '123456789012', { annotation: 'off' })]
      },
      {
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: 's3-bucket-logging-enabled',
        status: 'noncompliant',
        complianceType: 'NON_COMPLIANT',
        findings: [
          finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'claims-uploads', { annotation: 'logging off' }),
          finding('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 'fixed-bucket', { annotation: 'old annotation' })
        ]
      }
    ]
  };
  const fp = (rule: number, i: number): string => before.rules[rule]!.findings[i]!.fingerprint;
  return applyRemediationOutcomes(before, [
    { fingerprint: fp(0, 0), outcome: 'verified', executionId: 'exec-ebs' },
    { fingerprint: fp(1, 0), outcome: 'succeeded-unverified' },
    { fingerprint: fp(1, 1), outcome: 'verified', executionId: 'exec-s3' }
  ]);
}

const gate1: GateDecision = {
  ...sampleGate(),
  result: 'fail',
  reason: '1 non-compliant resource in 1 rule',
  noncompliantCount: 1,
  noncompliantRules: ['s3-bucket-logging-enabled'],
  waivedCount: 0
};

const summarize = (result: ComplianceResult, gate: GateDecision, sections = runSections({ result })) =>
  buildSummary({ result, gate, run, sections }).markdown;

/** The lines of a Markdown section, from its heading to the next heading of the same or higher level. */
function sectionOf(md: string, heading: string): string {
  const start = md.indexOf(heading);
  if (start < 0) return '';
  const rest = md.slice(start + heading.length);
  const next = rest.search(/\n#{2,3} /);
  return next < 0 ? rest : rest.slice(0, next);
}

describe("the first line names the run's main act", () => {
  it('a check: the gate verdict', () => {
    const md = summarize(remediated(), gate1);
    expect(md.split('\n')[0]).toBe('## ❌ Compliance gate failed: 1 non-compliant resource in 1 rule');
  });

  it('remediate: plan: the plan awaiting approval, then the verdict as an h3', () => {
    const result = remediated();
    const remediation = {
      plan: {
        schemaVersion: 1,
        hash: 'a'.repeat(64),
        mode: 'plan' as const,
        accountId: '1',
        region: 'r',
        createdAt: '',
        targets: [],
        notes: []
      },
      mode: 'plan' as const,
      planFile: 'p.json',
      auditFile: 'a.jsonl',
      outcomes: [],
      max: 10
    };
    const md = summarize(result, gate1, runSections({ result, remediation }));
    expect(md.split('\n')[0]).toBe('## 🛠️ Remediation plan: nothing to remediate');
    expect(md).toContain('\n### ❌ Compliance gate failed: 1 non-compliant resource in 1 rule');
    expect(md.match(/^## /gm)).toHaveLength(1);
  });

  it('deploy: plan in a pull request: the deploy plan; on a push or schedule the verdict leads', () => {
    const result = remediated();
    const deploy = { plan: plan(6), mode: 'plan' as const, desired };
    const pr = summarize(result, gate1, runSections({ result, deploy, eventName: 'pull_request' }));
    expect(pr.split('\n')[0]).toBe('## 📋 Deploy plan: 6 changes to the account after merge');
    expect(pr).toContain('\n### ❌ Compliance gate failed');
    const same = summarize(
      result,
      gate1,
      runSections({ result, deploy: { ...deploy, plan: plan(0) }, eventName: 'merge_group' })
    );
    expect(same.split('\n')[0]).toBe('## 📋 Deploy plan: the account matches the manifest');
    const pushed = summarize(result, gate1, runSections({ result, deploy, eventName: 'push' }));
    expect(pushed.split('\n')[0]).toMatch(/^## ❌ Compliance gate failed/);
    const applied = summarize(
      result,
      gate1,
      runSections({ result, deploy: { ...deploy, mode: 'apply' }, eventName: 'pull_request' })
    );
    expect(applied.split('\n')[0]).toMatch(/^## ❌ Compliance gate failed/);
  });
});

describe('fixed in this run', () => {
  it('moves a rule fixed and verified in this run out of the rule table and the resource lists', () => {
    const md = summarize(remediated(), gate1);
    const rules = sectionOf(md, '### Rules');
    expect(rules).not.toContain('ec2-ebs-encryption-by-default');
    expect(rules).toContain('| s3-bucket-logging-enabled | ❌ non-compliant | 1 |');
    const fixed = sectionOf(md, '### ✅ Fixed in this run');
    expect(fixed).toContain('**ec2-ebs-encryption-by-default**: 1 resource fixed and verified, compliant now');
    expect(fixed).toContain('AWS::::Account 123456789012 (execution exec-ebs)');
    // A partly fixed rule: the fixed resource is listed as fixed, the rule stays in the table for the other.
    expect(fixed).toContain('**s3-bucket-logging-enabled**: 1 resource fixed and verified, still non-compliant');
    expect(fixed).toContain('fixed-bucket (execution exec-s3)');
    const open = sectionOf(md, '### Non-compliant resources');
    expect(open).toContain('claims-uploads');
    expect(open).not.toContain('fixed-bucket');
    expect(open).not.toContain('old annotation');
    expect(open).not.toContain('ec2-ebs-encryption-by-default');
  });

  it('has no such list when nothing was verified fixed', () => {
    const r = remediated();
    const none: ComplianceResult = {
      ...r,
      rules: r.rules.map(x => ({ ...x, findings: x.findings.map(({ remediation: _, ...f }) => f) }))
    };
    expect(summarize(none, gate1)).not.toContain('Fixed in this run');
  });
});

describe('counts never contradict each other', () => {
  it('the verdict tally, the rule table and the resource lists agree', () => {
    const md = summarize(remediated(), gate1);
    expect(md).toContain('2 rules: 1 non-compliant, 1 fixed in this run · 1 non-compliant resource');
    // Every rule in the table with status non-compliant counts at least one resource.
    for (const line of sectionOf(md, '### Rules')
      .split('\n')
      .filter(l => l.includes('❌ non-compliant'))) {
      expect(line).not.toMatch(/❌ non-compliant \| (0|-) \|/);
    }
    // Each rule's resource list says the number it lists.
    expect(md).toContain('<summary>s3-bucket-logging-enabled (1 non-compliant)</summary>');
  });

  it('a check of no rules says so instead of an empty table', () => {
    const empty = {
      accountId: '1',
      region: 'r',
      checkedAt: '2025-03-01T10:00:00Z',
      rules: [],
      accounts: []
    } as unknown as ComplianceResult;
    const md = summarize(empty, {
      ...gate1,
      reason: 'no rules were checked',
      noncompliantCount: 0,
      noncompliantRules: []
    });
    expect(md).toContain('No rule was checked');
    expect(md).not.toContain('| Rule | Status |');
  });
});
