import { describe, expect, it } from '@jest/globals';
import { checkRunbooksDeployed } from '../../../src/remediation/oversight.js';
import {
  buildPlan,
  canonicalJson,
  finalParameters,
  idempotencyToken,
  planHash,
  resourceIdParameterOf,
  sha256Hex
} from '../../../src/remediation/plan.js';
import { selectCandidates } from '../../../src/remediation/select.js';
import { bindings, plan, result, RUNBOOKS, S3_RULE, TOPIC } from './fixtures.js';

const noFilter = { rules: [], resources: [] };

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}'
    );
    expect(canonicalJson([undefined, null, 'x'])).toBe('[null,null,"x"]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });

  it('gives the same text for the same data built in another order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });
});

describe('planHash', () => {
  it('is the sha256 of the canonical account, region and targets', () => {
    const h = planHash({ accountId: '1', region: 'r', targets: [{ b: 1, a: 2 }] });
    expect(h).toBe(sha256Hex('{"accountId":"1","region":"r","targets":[{"a":2,"b":1}]}'));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(planHash({ accountId: '2', region: 'r', targets: [{ b: 1, a: 2 }] })).not.toBe(h);
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

describe('idempotencyToken', () => {
  it('is UUID-shaped (SSM ClientToken) and stable for the same parts', () => {
    const t = idempotencyToken('hash', 'run', '1', 'rule', 'id');
    expect(t).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(idempotencyToken('hash', 'run', '1', 'rule', 'id')).toBe(t);
    expect(idempotencyToken('hash', 'run', '2', 'rule', 'id')).not.toBe(t);
  });
});
