import { describe, expect, it } from '@jest/globals';
import { PolicyError } from '../../../src/errors.js';
import {
  approve,
  checkContext,
  checkLimit,
  reconcileApproved,
  refusedOutcomes,
  thresholdReached,
  type ApprovalInput
} from '../../../src/remediation/oversight.js';
import { selectCandidates } from '../../../src/remediation/select.js';
import { buildPlan, runbookKey, targetKey } from '../../../src/remediation/plan.js';
import { bindings, plan, result, S3_RULE } from './fixtures.js';

const noFilter = { rules: [], resources: [] };

describe('checkLimit', () => {
  it('refuses the whole run when there are more targets than max, listing them', () => {
    const targets = plan(selectCandidates(result(), bindings(), noFilter)).plan.targets;
    expect(() => checkLimit(targets, 3)).not.toThrow();
    expect(() => checkLimit(targets, 2)).toThrow(PolicyError);
    expect(() => checkLimit(targets, 2)).toThrow(
      /3 targets exceed max-remediations \(2\); nothing was run\..*ec2-ebs-encryption-by-default AWS::::Account\/123456789012, s3-bucket-logging-enabled AWS::S3::Bucket\/access-logs, s3-bucket-logging-enabled AWS::S3::Bucket\/claims-uploads\.$/
    );
  });
});

describe('checkContext', () => {
  const DEFAULT = ['workflow_dispatch', 'schedule'];
  const ctx = (eventName: string, isFork = false) => ({ eventName, isFork });
  const table: [string, string[], string | undefined][] = [
    ['workflow_dispatch', DEFAULT, undefined],
    ['schedule', DEFAULT, undefined],
    ['workflow_run', DEFAULT, "refused on event 'workflow_run': not in remediate-on (workflow_dispatch, schedule)"],
    ['issue_comment', DEFAULT, "refused on event 'issue_comment': not in remediate-on"],
    ['pull_request', DEFAULT, "refused on event 'pull_request': not in remediate-on"],
    ['pull_request_target', DEFAULT, "refused on event 'pull_request_target'"],
    ['merge_group', DEFAULT, "refused on event 'merge_group'"],
    ['push', DEFAULT, "refused on event 'push'"],
    ['', DEFAULT, "refused on event '(unknown: GITHUB_EVENT_NAME is not set)'"],
    ['push', ['push'], undefined],
    ['pull_request', ['pull_request'], undefined],
    ['workflow_run', ['workflow_run', 'schedule'], undefined]
  ];
  it.each(table)('apply on %s with remediate-on %j', (event, on, refusal) => {
    const call = () => checkContext('apply', on, ctx(event));
    if (refusal === undefined) expect(call).not.toThrow();
    else {
      expect(call).toThrow(PolicyError);
      expect(call).toThrow(refusal);
    }
  });
  it("a fork's pull request never applies, even when its event is listed", () => {
    expect(() => checkContext('apply', ['pull_request_target'], ctx('pull_request_target', true))).toThrow(
      /comes from a fork/
    );
  });
  it('plan (a dry run) runs on any event', () => {
    for (const event of ['pull_request', 'workflow_run', 'issue_comment', 'merge_group']) {
      expect(() => checkContext('plan', DEFAULT, ctx(event, true))).not.toThrow();
    }
  });
});

describe('reconcileApproved', () => {
  it('runs unchanged approved targets, skips fixed, changed and unselected ones, and never runs unapproved ones', () => {
    const approved = plan(selectCandidates(result(), bindings(), { rules: [S3_RULE], resources: [] })).plan;
    // now: claims-uploads is fixed, access-logs unchanged, EBS is new to the plan
    const now = result();
    now.rules[0]!.findings = now.rules[0]!.findings.filter(f => f.resourceId !== 'claims-uploads');
    const current = plan(selectCandidates(now, bindings(), noFilter)).planned;
    const sel = reconcileApproved(approved, current, now);
    expect(sel.run.map(p => p.target.resourceId)).toEqual(['access-logs']);
    expect(sel.skipped.map(s => `${s.target.resourceId}: ${s.reason}`)).toEqual([
      'claims-uploads: compliant now: no longer reported non-compliant'
    ]);
    expect(sel.notApproved.map(t => t.resourceId)).toEqual(['123456789012']);
  });

  it('an approved target the current plan leaves out (recent automatic remediation) is skipped with that reason', () => {
    const approved = plan(selectCandidates(result(), bindings(), noFilter)).plan;
    const candidates = selectCandidates(result(), bindings(), noFilter);
    const key = targetKey({ rule: S3_RULE, resourceType: 'AWS::S3::Bucket', resourceId: 'access-logs' });
    const reason =
      "AWS Config's automatic remediation of this resource is IN_PROGRESS; not run, to avoid remediating twice";
    const built = buildPlan({
      candidates,
      deployed: new Map(),
      runbooks: new Map(approved.targets.map(t => [runbookKey(t.runbook.name, undefined), t.runbook])),
      manifestHashes: new Map(),
      mode: 'apply',
      accountId: '123456789012',
      region: 'us-east-1',
      createdAt: '2026-01-01T00:00:00.000Z',
      skip: new Map([[key, reason]])
    });
    // Left out of the hashed targets, listed in skipped and the notes.
    expect(built.plan.targets.map(t => t.resourceId)).not.toContain('access-logs');
    expect(built.plan.skipped?.map(s => [s.target.resourceId, s.reason])).toEqual([['access-logs', reason]]);
    expect(built.plan.notes).toContain(`${S3_RULE} AWS::S3::Bucket/access-logs skipped: ${reason}.`);
    const sel = reconcileApproved(approved, built.planned, result(), new Map([[key, reason]]));
    expect(sel.skipped.map(s => `${s.target.resourceId}: ${s.reason}`)).toEqual([`access-logs: ${reason}`]);
    expect(sel.run.map(p => p.target.resourceId)).not.toContain('access-logs');
  });

  it('skips an approved target whose runbook or parameters changed since approval', () => {
    const approved = plan(selectCandidates(result(), bindings(), noFilter)).plan;
    const b = bindings();
    b[0]!.parameters['TopicArn'] = { StaticValue: { Values: ['arn:aws:sns:us-east-1:123456789012:other'] } };
    const current = plan(selectCandidates(result(), b, noFilter)).planned;
    const sel = reconcileApproved(approved, current, result());
    expect(sel.run.map(p => p.target.resourceId)).toEqual(['123456789012']);
    expect(sel.skipped[0]!.reason).toBe('changed since approval (parameters); plan and approve again');
  });

  it('tells waived and unselected targets apart', () => {
    const approved = plan(selectCandidates(result(), bindings(), noFilter)).plan;
    const now = result();
    now.rules[0]!.findings[0]!.waiver = {
      rule: S3_RULE,
      resourceId: 'claims-uploads',
      reason: 'vendor',
      owner: 'o',
      expires: '2099-01-01'
    };
    const current = plan(selectCandidates(now, bindings(), { rules: [S3_RULE], resources: [] })).planned;
    const reasons = reconcileApproved(approved, current, now).skipped.map(s => `${s.target.resourceId}: ${s.reason}`);
    expect(reasons).toEqual([
      '123456789012: not selected by remediate-rules / remediate-resources in this run',
      'claims-uploads: waived now (vendor)'
    ]);
  });
});

describe('thresholdReached', () => {
  it('is reached once failures are errorPercent of the executions started, with at least one failure', () => {
    expect(thresholdReached(0, 0, 0)).toBe(false);
    expect(thresholdReached(0, 5, 0)).toBe(false);
    expect(thresholdReached(1, 5, 0)).toBe(true);
    expect(thresholdReached(1, 2, 50)).toBe(true);
    expect(thresholdReached(1, 3, 50)).toBe(false);
    expect(thresholdReached(2, 3, 100)).toBe(false);
    expect(thresholdReached(3, 3, 100)).toBe(true);
  });
});

describe('approve', () => {
  const ACCOUNT = '123456789012';
  const current = () => plan(selectCandidates(result(), bindings(), noFilter), 'apply');
  const input = (over: Partial<ApprovalInput> = {}): ApprovalInput => {
    const c = current();
    return {
      approvedFile: {},
      plan: c.plan,
      planned: c.planned,
      result: result(),
      accountId: ACCOUNT,
      region: 'us-east-1',
      ...over
    };
  };
  const ids = (a: { run: { target: { resourceId: string } }[] }): string[] => a.run.map(p => p.target.resourceId);

  it('without approved-plan-hash runs the whole plan and records nothing', () => {
    for (const approvedPlanHash of [undefined, '']) {
      const a = approve(input(approvedPlanHash === undefined ? {} : { approvedPlanHash }));
      expect(ids(a)).toEqual(['123456789012', 'access-logs', 'claims-uploads']);
      expect(a.skipped).toEqual([]);
      expect(a.records).toEqual([]);
      expect(a.message).toBeUndefined();
    }
  });

  it('the current plan hash approves the whole plan', () => {
    const hash = current().plan.hash;
    const a = approve(input({ approvedPlanHash: hash }));
    expect(ids(a)).toHaveLength(3);
    expect(a.message).toBe(`Approved plan ${hash}: the current plan is the approved one.`);
    expect(a.records).toEqual([{ event: 'approval-checked', status: 'approved', details: { approvedPlanHash: hash } }]);
  });

  it('another hash without an approved plan file is refused', () => {
    const call = () => approve(input({ approvedPlanHash: 'f'.repeat(64) }));
    expect(call).toThrow(PolicyError);
    expect(call).toThrow(
      /the plan changed since approval \(approved f{64}, current [0-9a-f]{64}\) and no approved plan file was given\. Plan and approve again\.$/
    );
  });

  it('refuses when the approved plan file is unusable or has another hash, saying which', () => {
    const approvedPlanFile = 'plan.json';
    expect(() =>
      approve(
        input({
          approvedPlanHash: 'f'.repeat(64),
          approvedPlanFile,
          approvedFile: { problem: 'the approved plan file plan.json does not exist' }
        })
      )
    ).toThrow(/and the approved plan file plan\.json does not exist\./);
    const other = plan(selectCandidates(result(), bindings(), { rules: [S3_RULE], resources: [] }), 'apply').plan;
    expect(() =>
      approve(input({ approvedPlanHash: 'f'.repeat(64), approvedPlanFile, approvedFile: { plan: other } }))
    ).toThrow(`the approved plan file's hash is ${other.hash}`);
  });

  it('refuses an approved plan for another account or region', () => {
    const approved = { ...current().plan, accountId: '210987654321', hash: 'e'.repeat(64) };
    expect(() =>
      approve(input({ approvedPlanHash: approved.hash, approvedPlanFile: 'p.json', approvedFile: { plan: approved } }))
    ).toThrow(
      'Remediation refused: the approved plan is for account 210987654321 in us-east-1, not 123456789012 in us-east-1.'
    );
    const elsewhere = { ...current().plan, region: 'eu-west-1', hash: 'd'.repeat(64) };
    expect(() =>
      approve(
        input({ approvedPlanHash: elsewhere.hash, approvedPlanFile: 'p.json', approvedFile: { plan: elsewhere } })
      )
    ).toThrow(/is for account 123456789012 in eu-west-1/);
  });

  it('a changed plan runs the unchanged approved targets and records every skipped one', () => {
    const approved = plan(selectCandidates(result(), bindings(), { rules: [S3_RULE], resources: [] }), 'apply').plan;
    const now = result();
    now.rules[0]!.findings = now.rules[0]!.findings.filter(f => f.resourceId !== 'claims-uploads');
    const c = plan(selectCandidates(now, bindings(), noFilter), 'apply');
    const a = approve(
      input({
        approvedPlanHash: approved.hash,
        approvedPlanFile: 'p.json',
        approvedFile: { plan: approved },
        plan: c.plan,
        planned: c.planned,
        result: now
      })
    );
    expect(ids(a)).toEqual(['access-logs']);
    expect(a.skipped.map(o => `${o.target.resourceId} ${o.status}: ${o.message ?? ''}`)).toEqual([
      'claims-uploads skipped: compliant now: no longer reported non-compliant',
      '123456789012 skipped: not in the approved plan'
    ]);
    expect(a.message).toBe(
      `The plan changed since approval (approved ${approved.hash}, now ${c.plan.hash}): running the 1 approved target ` +
        'that are unchanged and still non-compliant; 1 approved target skipped, 1 not approved.'
    );
    expect(a.records.map(r => `${r.event} ${r.status ?? ''} ${r.resourceId ?? ''} ${r.complianceAfter ?? ''}`)).toEqual(
      [
        'approval-checked approved-subset  ',
        'target-skipped skipped claims-uploads COMPLIANT',
        'target-skipped skipped 123456789012 '
      ]
    );
    expect(a.records[0]!.details).toEqual({ approvedPlanHash: approved.hash, approvedPlanFile: 'p.json', run: 1 });
  });
});

describe('refusedOutcomes', () => {
  it('skips every planned target with the refusal, shortened', () => {
    const p = plan(selectCandidates(result(), bindings(), noFilter), 'apply').plan;
    const out = refusedOutcomes(p, new PolicyError('Remediation refused: 3 targets exceed max-remediations (2).'));
    expect(out.map(o => o.target.resourceId)).toEqual(p.targets.map(t => t.resourceId));
    expect(new Set(out.map(o => `${o.status} ${o.complianceBefore} ${o.message ?? ''}`))).toEqual(
      new Set(['skipped NON_COMPLIANT not run: refused: 3 targets exceed max-remediations (2).'])
    );
    const long = refusedOutcomes(p, new Error('x'.repeat(1000)))[0]!.message ?? '';
    expect(long.length).toBeLessThanOrEqual('not run: '.length + 300);
  });
});
