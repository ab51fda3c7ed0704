import { describe, expect, it } from '@jest/globals';
import { PolicyError } from '../../../src/errors.js';
import { checkContext, checkLimit, reconcileApproved, thresholdReached } from '../../../src/remediation/oversight.js';
import { selectCandidates } from '../../../src/remediation/select.js';
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
