import { describe, expect, it } from '@jest/globals';
import { PolicyError } from '../../../src/errors.js';
import { planHash } from '../../../src/remediation/hash.js';
import {
  buildPlan,
  checkContext,
  checkLimit,
  checkRunbooksDeployed,
  finalParameters,
  parsePlanJson,
  reconcileApproved,
  resourceIdParameterOf,
  selectCandidates
} from '../../../src/remediation/select.js';
import { bindings, EBS_RULE, plan, result, RUNBOOKS, S3_RULE, TOPIC } from './fixtures.js';

const noFilter = { rules: [], resources: [] };
const keys = (cs: ReturnType<typeof selectCandidates>): string[] =>
  cs.map(c => `${c.rule.ruleName} ${c.finding.resourceId}`);

describe('selectCandidates', () => {
  it('takes the unwaived non-compliant findings of rules with a binding, in a stable order', () => {
    expect(keys(selectCandidates(result(), bindings(), noFilter))).toEqual([
      `${EBS_RULE} 123456789012`,
      `${S3_RULE} access-logs`,
      `${S3_RULE} claims-uploads`
    ]);
  });

  it('gives the same order whatever the order of findings and bindings', () => {
    const r = result();
    r.rules.reverse();
    for (const rule of r.rules) rule.findings.reverse();
    expect(keys(selectCandidates(r, [...bindings()].reverse(), noFilter))).toEqual(
      keys(selectCandidates(result(), bindings(), noFilter))
    );
  });

  it('narrows by rule and by resource', () => {
    expect(keys(selectCandidates(result(), bindings(), { rules: [S3_RULE], resources: [] }))).toEqual([
      `${S3_RULE} access-logs`,
      `${S3_RULE} claims-uploads`
    ]);
    expect(keys(selectCandidates(result(), bindings(), { rules: [], resources: ['claims-uploads'] }))).toEqual([
      `${S3_RULE} claims-uploads`
    ]);
  });

  it('refuses rule names without a binding, listing them and the rules that have one', () => {
    const call = () => selectCandidates(result(), bindings(), { rules: ['cloudtrail-enabled', 'nope'], resources: [] });
    expect(call).toThrow(PolicyError);
    expect(call).toThrow(
      /cloudtrail-enabled, nope\. Rules with a binding: ec2-ebs-encryption-by-default, s3-bucket-logging-enabled/
    );
  });

  it('refuses unknown resources, saying which are waived', () => {
    const call = () =>
      selectCandidates(result(), bindings(), { rules: [], resources: ['legacy-exports', 'ghost', 'access-logs'] });
    expect(call).toThrow(/legacy-exports \(waived\), ghost\.$/);
  });

  it('accepts resources of an approved plan even when they are no longer non-compliant', () => {
    const cs = selectCandidates(result(), bindings(), {
      rules: [],
      resources: ['gone-bucket', 'access-logs'],
      alsoKnownResources: new Set(['gone-bucket'])
    });
    expect(keys(cs)).toEqual([`${S3_RULE} access-logs`]);
  });
});

describe('finalParameters', () => {
  it('gives static values and the resource id, by sorted name', () => {
    const p = bindings()[0]!.parameters;
    expect(finalParameters(p, 'claims-uploads')).toEqual({
      AutomationAssumeRole: ['arn:aws:iam::123456789012:role/my-hipaa-alerting-role'],
      Message: ['claims-uploads'],
      TopicArn: [TOPIC]
    });
    expect(Object.keys(finalParameters(p, 'x'))).toEqual(['AutomationAssumeRole', 'Message', 'TopicArn']);
    expect(resourceIdParameterOf(p)).toBe('Message');
    expect(resourceIdParameterOf(bindings()[1]!.parameters)).toBeUndefined();
  });
});

describe('buildPlan', () => {
  const candidates = () => selectCandidates(result(), bindings(), noFilter);

  it('records runbook version and hash, parameters, HIPAA sections and the SSM route', () => {
    const { plan: p, planned } = plan(candidates());
    expect(p.targets).toHaveLength(3);
    expect(p.targets[1]).toEqual({
      rule: S3_RULE,
      hipaaSections: ['164.312(b)'],
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'access-logs',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      runbook: { name: 'my-hipaa-alerting-runbook', version: '3', hash: 'a'.repeat(64) },
      parameters: {
        AutomationAssumeRole: ['arn:aws:iam::123456789012:role/my-hipaa-alerting-role'],
        Message: ['access-logs'],
        TopicArn: [TOPIC]
      },
      route: 'ssm'
    });
    // SSM-direct executions are pinned to the planned version
    expect(planned[1]!.documentVersion).toBe('3');
    expect(p.hash).toBe(planHash(p));
    expect(p.notes).toEqual([]);
  });

  it('hashes deterministically and changes the hash when a target changes', () => {
    const a = plan(candidates()).plan;
    const b = plan([...candidates()].reverse()).plan;
    expect(b.hash).toBe(a.hash);
    const other = bindings();
    other[0]!.parameters['TopicArn'] = { StaticValue: { Values: ['arn:aws:sns:us-east-1:123456789012:other'] } };
    expect(plan(selectCandidates(result(), other, noFilter)).plan.hash).not.toBe(a.hash);
  });

  it('routes through Config when a remediation configuration is deployed, except account-level targets', () => {
    const deployed = new Map(
      bindings().map(b => [b.ruleName, { targetId: b.targetId, parameters: b.parameters }] as const)
    );
    const { plan: p, planned } = buildPlan({
      candidates: candidates(),
      deployed,
      runbooks: RUNBOOKS,
      manifestHashes: new Map([['my-hipaa-alerting-runbook', 'c'.repeat(64)]]),
      mode: 'apply',
      accountId: '123456789012',
      region: 'us-east-1',
      createdAt: 'x'
    });
    expect(p.targets.map(t => t.route)).toEqual(['ssm', 'config', 'config']);
    expect(planned[1]!.documentVersion).toBeUndefined();
    expect(p.notes.join('\n')).toMatch(/AWS::::Account targets run through SSM Automation directly/);
    expect(p.notes.join('\n')).toMatch(/my-hipaa-alerting-runbook version 3 in the account differs from the manifest/);
  });

  it('shows what Config will run when its configuration differs from the manifest', () => {
    const deployed = new Map([
      [
        S3_RULE,
        {
          targetId: 'AWS-PublishSNSNotification',
          parameters: { Message: { ResourceValue: { Value: 'RESOURCE_ID' as const } } }
        }
      ]
    ]);
    const { plan: p } = buildPlan({
      candidates: selectCandidates(result(), bindings(), { rules: [S3_RULE], resources: [] }),
      deployed,
      runbooks: new Map([['AWS-PublishSNSNotification@$DEFAULT', { version: '1', hash: 'd'.repeat(64) }]]),
      manifestHashes: new Map(),
      mode: 'plan',
      accountId: '1',
      region: 'r',
      createdAt: 'x'
    });
    expect(p.targets[0]!.runbook.name).toBe('AWS-PublishSNSNotification');
    expect(p.targets[0]!.parameters).toEqual({ Message: ['access-logs'] });
    expect(p.notes[0]).toMatch(/differs from the manifest's binding/);
  });

  it('marks runbooks that are not deployed, and apply refuses them', () => {
    const { plan: p } = buildPlan({
      candidates: candidates(),
      deployed: new Map(),
      runbooks: new Map(),
      manifestHashes: new Map(),
      mode: 'plan',
      accountId: '1',
      region: 'r',
      createdAt: 'x'
    });
    expect(p.targets[0]!.runbook).toEqual({ name: 'my-hipaa-remediation-runbook', version: 'not deployed', hash: '' });
    expect(() => checkRunbooksDeployed(p.targets)).toThrow(
      /runbooks my-hipaa-remediation-runbook, my-hipaa-alerting-runbook are not deployed/
    );
    expect(() => checkRunbooksDeployed(plan(candidates()).plan.targets)).not.toThrow();
  });

  it('masks secret parameters in the plan but runs with the real values', () => {
    const b = bindings();
    b[1]!.parameters['ApiToken'] = { StaticValue: { Values: ['s3cr3t-value'] } };
    const { plan: p, planned } = plan(selectCandidates(result(), b, noFilter));
    expect(p.targets[0]!.parameters['ApiToken']).toEqual(['***']);
    expect(planned[0]!.executionParameters['ApiToken']).toEqual(['s3cr3t-value']);
    expect(JSON.stringify(p)).not.toContain('s3cr3t-value');
  });
});

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

describe('parsePlanJson', () => {
  const good = plan(selectCandidates(result(), bindings(), noFilter)).plan;

  it('reads a plan whose hash matches its content', () => {
    expect(parsePlanJson(JSON.stringify(good), 'p.json')).toEqual(good);
  });

  it('refuses a plan edited after it was hashed', () => {
    const edited = structuredClone(good);
    edited.targets[0]!.parameters['TopicArn'] = ['arn:aws:sns:us-east-1:123456789012:attacker'];
    expect(() => parsePlanJson(JSON.stringify(edited), 'p.json')).toThrow(
      /p\.json was modified: its content hashes to/
    );
  });

  it('refuses what is not a plan, naming the file and the problem', () => {
    expect(() => parsePlanJson('{', 'p.json')).toThrow(/p\.json is not JSON/);
    expect(() => parsePlanJson('[]', 'p.json')).toThrow(/not an object/);
    expect(() => parsePlanJson(JSON.stringify({ ...good, schemaVersion: 2 }), 'p.json')).toThrow(
      /schemaVersion is not 1/
    );
    expect(() => parsePlanJson(JSON.stringify({ ...good, hash: 1 }), 'p.json')).toThrow(/hash is not a string/);
    expect(() => parsePlanJson(JSON.stringify({ ...good, targets: {} }), 'p.json')).toThrow(/targets is not a list/);
    const bad = structuredClone(good) as unknown as { targets: Record<string, unknown>[] };
    bad.targets[1]!['route'] = 'lambda';
    expect(() => parsePlanJson(JSON.stringify(bad), 'p.json')).toThrow(/targets\[1\] lacks a field/);
  });
});
