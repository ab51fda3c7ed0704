import { describe, expect, it } from '@jest/globals';
import { configState } from '../src/services/config/state.js';
import { awsErrorCode, callHandler, ManualSim } from './support/config-context.js';
import { build as buildBlank } from '../src/scenarios/blank.js';
import { configHandlers } from '../src/services/config/handlers/index.js';
import type { AccountState } from '../src/core/state.js';

const START = '2025-06-02T12:00:00.000Z';

function setup(options: Record<string, unknown> = {}, state: AccountState = buildBlank().state) {
  const sim = new ManualSim(START, options);
  const call = (op: string, input: Record<string, unknown> = {}) => callHandler(configHandlers, op, input, state, sim);
  const errorOf = (op: string, input: Record<string, unknown> = {}) => awsErrorCode(() => call(op, input));
  return { state, sim, call, errorOf };
}

function managedRule(name: string, identifier: string, extra: Record<string, unknown> = {}) {
  return { ConfigRule: { ConfigRuleName: name, Source: { Owner: 'AWS', SourceIdentifier: identifier }, ...extra } };
}

const LOGGING = 'S3_BUCKET_LOGGING_ENABLED';
const s3Scope = { Scope: { ComplianceResourceTypes: ['AWS::S3::Bucket'] } };

type Rule = { ConfigRuleName: string; ConfigRuleArn: string; ConfigRuleId: string } & Record<string, unknown>;
type Result = {
  EvaluationResultIdentifier: { EvaluationResultQualifier: Record<string, string>; OrderingTimestamp: Date };
  ComplianceType: string;
  ResultRecordedTime: Date;
  ConfigRuleInvokedTime: Date;
  Annotation?: string;
};

function rulesOf(out: Record<string, unknown>): Rule[] {
  return out['ConfigRules'] as Rule[];
}

function resultsOf(out: Record<string, unknown>): Result[] {
  return out['EvaluationResults'] as Result[];
}

function addBuckets(state: AccountState, n: number, logged: (i: number) => boolean, prefix = 'bucket'): void {
  for (let i = 0; i < n; i++) {
    const name = `${prefix}-${String(i).padStart(4, '0')}`;
    state.resources.s3Buckets[name] = logged(i) ? { name, logging: { targetBucket: 'access-logs' } } : { name };
  }
}

describe('PutConfigRule and DescribeConfigRules', () => {
  it('creates a rule with an ARN and an id, EVALUATING until its first evaluation completes asynchronously', () => {
    const { call, sim } = setup();
    expect(call('PutConfigRule', managedRule('s3-bucket-logging-enabled', LOGGING, s3Scope))).toEqual({});
    const [rule] = rulesOf(call('DescribeConfigRules', { ConfigRuleNames: ['s3-bucket-logging-enabled'] }));
    expect(rule!.ConfigRuleArn).toMatch(/^arn:aws:config:us-east-1:123456789012:config-rule\/config-rule-[a-z0-9]{6}$/);
    expect(rule!.ConfigRuleArn.endsWith(`/${rule!.ConfigRuleId}`)).toBe(true);
    expect(rule).toMatchObject({
      ConfigRuleState: 'EVALUATING',
      Source: { Owner: 'AWS', SourceIdentifier: LOGGING },
      Scope: { ComplianceResourceTypes: ['AWS::S3::Bucket'] },
      EvaluationModes: [{ Mode: 'DETECTIVE' }]
    });
    // Nothing recorded until the scheduled evaluation runs.
    const details = { ConfigRuleName: 's3-bucket-logging-enabled' };
    expect(resultsOf(call('GetComplianceDetailsByConfigRule', details))).toEqual([]);
    expect(sim.runDue()).toBe(1);
    expect(rulesOf(call('DescribeConfigRules', { ConfigRuleNames: ['s3-bucket-logging-enabled'] }))[0]).toMatchObject({
      ConfigRuleState: 'ACTIVE'
    });
    const results = resultsOf(call('GetComplianceDetailsByConfigRule', details));
    expect(
      results.map(r => [r.EvaluationResultIdentifier.EvaluationResultQualifier['ResourceId'], r.ComplianceType])
    ).toEqual([
      ['access-logs', 'NON_COMPLIANT'],
      ['claims-uploads', 'NON_COMPLIANT'],
      ['patient-records', 'COMPLIANT']
    ]);
  });

  it('updates a rule by name or by ARN, keeping its ARN, id and tags, and re-evaluates it', () => {
    const { call, sim } = setup();
    call('PutConfigRule', { ...managedRule('logging', LOGGING), Tags: [{ Key: 'owner', Value: 'sec' }] });
    sim.runDue();
    const [before] = rulesOf(call('DescribeConfigRules', { ConfigRuleNames: ['logging'] }));
    call('PutConfigRule', {
      ...managedRule('logging', LOGGING, { InputParameters: '{"targetBucket":"elsewhere"}' }),
      Tags: [{ Key: 'ignored', Value: 'on update' }]
    });
    sim.runDue();
    const [after] = rulesOf(call('DescribeConfigRules', { ConfigRuleNames: ['logging'] }));
    expect(after).toMatchObject({
      ConfigRuleArn: before!.ConfigRuleArn,
      ConfigRuleId: before!.ConfigRuleId,
      InputParameters: '{"targetBucket":"elsewhere"}'
    });
    const compliance = call('DescribeComplianceByConfigRule', { ConfigRuleNames: ['logging'] });
    // patient-records logs to access-logs, not to "elsewhere": now all three buckets are non-compliant.
    expect(compliance['ComplianceByConfigRules']).toEqual([
      {
        ConfigRuleName: 'logging',
        Compliance: {
          ComplianceType: 'NON_COMPLIANT',
          ComplianceContributorCount: { CappedCount: 3, CapExceeded: false }
        }
      }
    ]);
    expect(call('ListTagsForResource', { ResourceArn: before!.ConfigRuleArn })['Tags']).toEqual([
      { Key: 'owner', Value: 'sec' }
    ]);
    call('PutConfigRule', {
      ConfigRule: { ConfigRuleArn: before!.ConfigRuleArn, Source: { Owner: 'AWS', SourceIdentifier: LOGGING } }
    });
    const [byArn] = rulesOf(call('DescribeConfigRules', { ConfigRuleNames: ['logging'] }));
    expect(byArn!.ConfigRuleId).toBe(before!.ConfigRuleId);
    expect(byArn!['InputParameters']).toBeUndefined();
  });

  it('refuses invalid rules with InvalidParameterValueException', () => {
    const { errorOf, call } = setup({ maxConfigRules: 1 });
    const invalid = 'InvalidParameterValueException';
    expect(errorOf('PutConfigRule', managedRule('r', LOGGING, { InputParameters: '{not json' }))).toBe(invalid);
    expect(errorOf('PutConfigRule', managedRule('r', LOGGING, { InputParameters: '{"bucket":"x"}' }))).toBe(invalid);
    expect(errorOf('PutConfigRule', { ConfigRule: { ConfigRuleName: 'r', Source: { Owner: 'AWS' } } })).toBe(invalid);
    expect(
      errorOf('PutConfigRule', managedRule('r', LOGGING, { Scope: { ComplianceResourceId: 'claims-uploads' } }))
    ).toBe(invalid);
    expect(errorOf('PutConfigRule', managedRule('r', LOGGING, { Scope: { TagValue: 'x' } }))).toBe(invalid);
    expect(errorOf('PutConfigRule', managedRule('r', LOGGING, { ConfigRuleId: 'config-rule-abcdef' }))).toBe(invalid);
    expect(errorOf('PutConfigRule', { ConfigRule: { Source: { Owner: 'AWS', SourceIdentifier: LOGGING } } })).toBe(
      invalid
    );
    expect(
      errorOf('PutConfigRule', {
        ConfigRule: { ConfigRuleName: 'l', Source: { Owner: 'CUSTOM_LAMBDA', SourceIdentifier: 'arn:aws:lambda:x' } }
      })
    ).toBe(invalid);
    expect(
      errorOf('PutConfigRule', { ...managedRule('r', LOGGING), Tags: [{ Key: 'aws:reserved', Value: 'x' }] })
    ).toBe(invalid);
    call('PutConfigRule', managedRule('first', LOGGING));
    expect(errorOf('PutConfigRule', managedRule('second', LOGGING))).toBe('MaxNumberOfConfigRulesExceededException');
    // Updating an existing rule is not adding one.
    expect(call('PutConfigRule', managedRule('first', LOGGING, { Description: 'updated' }))).toEqual({});
  });

  it('pages all rules 25 at a time in name order, and answers named rules in one page', () => {
    const { call, errorOf } = setup();
    const names = Array.from({ length: 60 }, (_, i) => `rule-${String(59 - i).padStart(2, '0')}`);
    for (const n of names) call('PutConfigRule', managedRule(n, 'DYNAMODB_PITR_ENABLED'));
    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const out = call('DescribeConfigRules', token ? { NextToken: token } : {});
      sizes.push(rulesOf(out).length);
      seen.push(...rulesOf(out).map(r => r.ConfigRuleName));
      token = out['NextToken'] as string | undefined;
    } while (token);
    expect(sizes).toEqual([25, 25, 10]);
    expect(seen).toEqual([...names].sort());
    const named = call('DescribeConfigRules', { ConfigRuleNames: names.slice(0, 25) });
    expect(rulesOf(named)).toHaveLength(25);
    expect(named['NextToken']).toBeUndefined();
    expect(errorOf('DescribeConfigRules', { ConfigRuleNames: ['rule-01', 'nope'] })).toBe('NoSuchConfigRuleException');
    expect(errorOf('DescribeConfigRules', { NextToken: 'garbage' })).toBe('InvalidNextTokenException');
    const statusToken = call('DescribeConfigRuleEvaluationStatus', { Limit: 5 })['NextToken'] as string;
    expect(errorOf('DescribeConfigRules', { NextToken: statusToken })).toBe('InvalidNextTokenException');
    expect(rulesOf(call('DescribeConfigRules', { Filters: { EvaluationMode: 'PROACTIVE' } }))).toEqual([]);
  });
});

describe('DeleteConfigRule', () => {
  it('is refused while a remediation configuration exists for the rule', () => {
    const { call, errorOf, state, sim } = setup();
    call('PutConfigRule', managedRule('logging', LOGGING));
    sim.runDue();
    const cfg = configState(state, sim.now());
    cfg.remediationConfigurations['logging'] = {
      ConfigRuleName: 'logging',
      TargetType: 'SSM_DOCUMENT',
      TargetId: 'AWS-ConfigureS3BucketLogging'
    };
    expect(errorOf('DeleteConfigRule', { ConfigRuleName: 'logging' })).toBe('ResourceInUseException');
    expect(rulesOf(call('DescribeConfigRules'))).toHaveLength(1);
    delete cfg.remediationConfigurations['logging'];
    expect(call('DeleteConfigRule', { ConfigRuleName: 'logging' })).toEqual({});
    expect(errorOf('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging' })).toBe(
      'NoSuchConfigRuleException'
    );
    expect(errorOf('DeleteConfigRule', { ConfigRuleName: 'logging' })).toBe('NoSuchConfigRuleException');
  });

  it('drops an evaluation that completes after the rule was deleted and re-created', () => {
    const { call, sim } = setup({ evaluationDelayMs: 10_000 });
    call('PutConfigRule', managedRule('logging', LOGGING));
    call('DeleteConfigRule', { ConfigRuleName: 'logging' });
    call('PutConfigRule', managedRule('logging', 'DYNAMODB_PITR_ENABLED'));
    sim.advance(10_000);
    expect(resultsOf(call('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging' }))).toEqual([]);
  });
});

describe('tags', () => {
  it('tags, untags and lists the tags of a rule by ARN', () => {
    const { call, errorOf } = setup();
    call('PutConfigRule', managedRule('logging', LOGGING));
    const arn = rulesOf(call('DescribeConfigRules'))[0]!.ConfigRuleArn;
    call('TagResource', {
      ResourceArn: arn,
      Tags: [
        { Key: 'b', Value: '2' },
        { Key: 'a', Value: '1' },
        { Key: 'c', Value: '3' }
      ]
    });
    call('UntagResource', { ResourceArn: arn, TagKeys: ['c'] });
    expect(call('ListTagsForResource', { ResourceArn: arn })).toEqual({
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' }
      ]
    });
    const first = call('ListTagsForResource', { ResourceArn: arn, Limit: 1 });
    expect(first['Tags']).toEqual([{ Key: 'a', Value: '1' }]);
    const second = call('ListTagsForResource', { ResourceArn: arn, Limit: 1, NextToken: first['NextToken'] });
    expect(second).toEqual({ Tags: [{ Key: 'b', Value: '2' }] });
    const missing = `${arn.slice(0, -6)}zzzzzz`;
    expect(errorOf('ListTagsForResource', { ResourceArn: missing })).toBe('ResourceNotFoundException');
    expect(errorOf('TagResource', { ResourceArn: missing, Tags: [{ Key: 'k', Value: 'v' }] })).toBe(
      'ResourceNotFoundException'
    );
    expect(errorOf('TagResource', { ResourceArn: arn, Tags: [{ Key: 'aws:x', Value: 'v' }] })).toBe(
      'ValidationException'
    );
    const many = Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(errorOf('TagResource', { ResourceArn: arn, Tags: many })).toBe('TooManyTagsException');
    expect(errorOf('ListTagsForResource', { ResourceArn: arn, Limit: 51 })).toBe('InvalidLimitException');
  });
});

describe('StartConfigRulesEvaluation', () => {
  it('refuses a second start within 60 s of simulator time and allows it after 61 s', () => {
    const { call, errorOf, sim } = setup();
    call('PutConfigRule', managedRule('logging', LOGGING));
    sim.runDue();
    expect(call('StartConfigRulesEvaluation', { ConfigRuleNames: ['logging'] })).toEqual({});
    const state = () => rulesOf(call('DescribeConfigRules', { ConfigRuleNames: ['logging'] }))[0]!.ConfigRuleState;
    expect(state()).toBe('EVALUATING');
    sim.runDue();
    expect(state()).toBe('ACTIVE');
    sim.advance(30_000);
    expect(errorOf('StartConfigRulesEvaluation', { ConfigRuleNames: ['logging'] })).toBe('LimitExceededException');
    sim.advance(31_000);
    expect(call('StartConfigRulesEvaluation', { ConfigRuleNames: ['logging'] })).toEqual({});
    expect(errorOf('StartConfigRulesEvaluation', { ConfigRuleNames: ['nope'] })).toBe('NoSuchConfigRuleException');
  });

  it('starts none of the rules when one of them is limited', () => {
    const { call, errorOf, sim } = setup();
    call('PutConfigRule', managedRule('a', LOGGING));
    call('PutConfigRule', managedRule('b', LOGGING));
    sim.runDue();
    call('StartConfigRulesEvaluation', { ConfigRuleNames: ['b'] });
    sim.runDue();
    expect(errorOf('StartConfigRulesEvaluation', { ConfigRuleNames: ['a', 'b'] })).toBe('LimitExceededException');
    expect(sim.pending).toBe(0);
    expect(call('StartConfigRulesEvaluation', { ConfigRuleNames: ['a'] })).toEqual({});
    expect(sim.pending).toBe(1);
  });

  it('records results after the evaluation delay, over the resources as they are then', () => {
    const { call, errorOf, sim, state } = setup({ evaluationDelayMs: 120_000 });
    call('PutConfigRule', managedRule('logging', LOGGING));
    sim.advance(120_000);
    const claims = () =>
      resultsOf(call('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging' })).find(
        r => r.EvaluationResultIdentifier.EvaluationResultQualifier['ResourceId'] === 'claims-uploads'
      )!;
    expect(claims().ComplianceType).toBe('NON_COMPLIANT');
    state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs' };
    const startedAt = sim.now();
    call('StartConfigRulesEvaluation', { ConfigRuleNames: ['logging'] });
    sim.advance(61_000);
    expect(claims().ComplianceType).toBe('NON_COMPLIANT');
    // Still in progress after a minute: another start is refused.
    expect(errorOf('StartConfigRulesEvaluation', { ConfigRuleNames: ['logging'] })).toBe('LimitExceededException');
    sim.advance(59_000);
    const after = claims();
    expect(after.ComplianceType).toBe('COMPLIANT');
    expect(after.ConfigRuleInvokedTime).toEqual(startedAt);
    expect(after.ResultRecordedTime).toEqual(new Date(startedAt.getTime() + 120_000));
    expect(call('StartConfigRulesEvaluation', { ConfigRuleNames: ['logging'] })).toEqual({});
  });
});

describe('DescribeConfigRuleEvaluationStatus', () => {
  it('reports activation, invocation and evaluation times', () => {
    const { call, sim, errorOf } = setup({ evaluationDelayMs: 5_000 });
    call('PutConfigRule', managedRule('logging', LOGGING));
    const status = () =>
      (
        call('DescribeConfigRuleEvaluationStatus', { ConfigRuleNames: ['logging'] })[
          'ConfigRulesEvaluationStatus'
        ] as Record<string, unknown>[]
      )[0]!;
    expect(status()).toMatchObject({
      ConfigRuleName: 'logging',
      FirstActivatedTime: new Date(START),
      // "false - Config has not finished evaluating your AWS resources against the rule at least once."
      FirstEvaluationStarted: false
    });
    expect(status()['LastSuccessfulEvaluationTime']).toBeUndefined();
    sim.advance(5_000);
    expect(status()).toMatchObject({
      FirstEvaluationStarted: true,
      LastSuccessfulInvocationTime: new Date(START),
      LastSuccessfulEvaluationTime: new Date(Date.parse(START) + 5_000)
    });
    expect(errorOf('DescribeConfigRuleEvaluationStatus', { ConfigRuleNames: ['nope'] })).toBe(
      'NoSuchConfigRuleException'
    );
  });

  it('pages with Limit (default and maximum 50)', () => {
    const { call, errorOf } = setup();
    for (let i = 0; i < 60; i++)
      call('PutConfigRule', managedRule(`r${String(i).padStart(2, '0')}`, 'DYNAMODB_PITR_ENABLED'));
    const page = (input: Record<string, unknown>) => {
      const out = call('DescribeConfigRuleEvaluationStatus', input);
      return {
        n: (out['ConfigRulesEvaluationStatus'] as unknown[]).length,
        token: out['NextToken'] as string | undefined
      };
    };
    const first = page({});
    expect(first.n).toBe(50);
    expect(page({ NextToken: first.token })).toEqual({ n: 10, token: undefined });
    const small = page({ Limit: 20 });
    expect(small.n).toBe(20);
    expect(page({ Limit: 20, NextToken: small.token }).n).toBe(20);
    expect(errorOf('DescribeConfigRuleEvaluationStatus', { Limit: 51 })).toBe('InvalidParameterValueException');
  });
});

describe('DescribeComplianceByConfigRule', () => {
  it('summarises rules, with INSUFFICIENT_DATA before any result, and filters by compliance type', () => {
    const { call, sim, errorOf } = setup();
    call('PutConfigRule', managedRule('logging', LOGGING));
    call(
      'PutConfigRule',
      managedRule('versioning', 'S3_BUCKET_VERSIONING_ENABLED', {
        Scope: { ComplianceResourceId: 'patient-records', ComplianceResourceTypes: ['AWS::S3::Bucket'] }
      })
    );
    call('PutConfigRule', managedRule('unknown', 'DYNAMODB_PITR_ENABLED'));
    const all = { ConfigRuleNames: ['logging', 'versioning', 'unknown'] };
    const types = () =>
      (
        call('DescribeComplianceByConfigRule', all)['ComplianceByConfigRules'] as {
          Compliance: { ComplianceType: string };
        }[]
      ).map(c => c.Compliance.ComplianceType);
    expect(types()).toEqual(['INSUFFICIENT_DATA', 'INSUFFICIENT_DATA', 'INSUFFICIENT_DATA']);
    sim.runDue();
    expect(types()).toEqual(['NON_COMPLIANT', 'COMPLIANT', 'INSUFFICIENT_DATA']);
    const nonCompliant = call('DescribeComplianceByConfigRule', { ...all, ComplianceTypes: ['NON_COMPLIANT'] });
    expect(nonCompliant).toEqual({
      ComplianceByConfigRules: [
        {
          ConfigRuleName: 'logging',
          Compliance: {
            ComplianceType: 'NON_COMPLIANT',
            ComplianceContributorCount: { CappedCount: 2, CapExceeded: false }
          }
        }
      ]
    });
    expect(errorOf('DescribeComplianceByConfigRule', { ConfigRuleNames: ['nope'] })).toBe('NoSuchConfigRuleException');
    expect(errorOf('DescribeComplianceByConfigRule', { ComplianceTypes: ['NOT_APPLICABLE'] })).toBe(
      'InvalidParameterValueException'
    );
  });

  it('caps the contributor count at 100', () => {
    const { call, sim, state } = setup();
    addBuckets(state, 150, () => false);
    call('PutConfigRule', managedRule('logging', LOGGING));
    call('PutConfigRule', managedRule('tagged', LOGGING, { Scope: { TagKey: 'few' } }));
    for (let i = 0; i < 99; i++)
      state.resources.s3Buckets[`bucket-${String(i).padStart(4, '0')}`]!.tags = { few: 'yes' };
    sim.runDue();
    const out = call('DescribeComplianceByConfigRule', { ConfigRuleNames: ['logging', 'tagged'] });
    expect(out['ComplianceByConfigRules']).toEqual([
      {
        ConfigRuleName: 'logging',
        Compliance: {
          ComplianceType: 'NON_COMPLIANT',
          ComplianceContributorCount: { CappedCount: 100, CapExceeded: true }
        }
      },
      {
        ConfigRuleName: 'tagged',
        Compliance: {
          ComplianceType: 'NON_COMPLIANT',
          ComplianceContributorCount: { CappedCount: 99, CapExceeded: false }
        }
      }
    ]);
  });

  it('pages all rules 25 at a time, applying the filter before paging', () => {
    const { call, sim } = setup();
    for (let i = 0; i < 40; i++) {
      const id = i % 2 === 0 ? LOGGING : 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED';
      call('PutConfigRule', managedRule(`r${String(i).padStart(2, '0')}`, id));
    }
    sim.runDue();
    const collect = (input: Record<string, unknown>) => {
      const sizes: number[] = [];
      let token: string | undefined;
      do {
        const out = call('DescribeComplianceByConfigRule', token ? { ...input, NextToken: token } : input);
        sizes.push((out['ComplianceByConfigRules'] as unknown[]).length);
        token = out['NextToken'] as string | undefined;
      } while (token);
      return sizes;
    };
    expect(collect({})).toEqual([25, 15]);
    expect(collect({ ComplianceTypes: ['COMPLIANT'] })).toEqual([20]);
  });
});

describe('GetComplianceDetailsByConfigRule', () => {
  function withBuckets() {
    const env = setup();
    addBuckets(env.state, 150, i => i % 3 === 0);
    env.call('PutConfigRule', managedRule('logging', LOGGING));
    env.sim.runDue();
    return env;
  }

  const ids = (results: Result[]) =>
    results.map(r => r.EvaluationResultIdentifier.EvaluationResultQualifier['ResourceId']!);

  it('pages 10 results by default in a stable order, with the documented fields', () => {
    const { call } = withBuckets();
    const seen: string[] = [];
    let pages = 0;
    let token: string | undefined;
    do {
      const out = call('GetComplianceDetailsByConfigRule', {
        ConfigRuleName: 'logging',
        ...(token ? { NextToken: token } : {})
      });
      const page = resultsOf(out);
      expect(page.length).toBeLessThanOrEqual(10);
      seen.push(...ids(page));
      token = out['NextToken'] as string | undefined;
      pages++;
    } while (token);
    expect(pages).toBe(16);
    expect(seen).toHaveLength(153);
    expect(new Set(seen).size).toBe(153);
    expect(seen).toEqual([...seen].sort());
    const [first] = resultsOf(call('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging', Limit: 1 }));
    expect(first).toEqual({
      EvaluationResultIdentifier: {
        EvaluationResultQualifier: {
          ConfigRuleName: 'logging',
          ResourceType: 'AWS::S3::Bucket',
          ResourceId: 'access-logs',
          EvaluationMode: 'DETECTIVE'
        },
        OrderingTimestamp: new Date(START)
      },
      ComplianceType: 'NON_COMPLIANT',
      ResultRecordedTime: new Date(START),
      ConfigRuleInvokedTime: new Date(START),
      Annotation: 'Server access logging is not enabled for this bucket.'
    });
  });

  it('filters by compliance type and pages up to 100', () => {
    const { call } = withBuckets();
    const first = call('GetComplianceDetailsByConfigRule', {
      ConfigRuleName: 'logging',
      ComplianceTypes: ['NON_COMPLIANT'],
      Limit: 100
    });
    expect(resultsOf(first)).toHaveLength(100);
    expect(resultsOf(first).every(r => r.ComplianceType === 'NON_COMPLIANT')).toBe(true);
    const second = call('GetComplianceDetailsByConfigRule', {
      ConfigRuleName: 'logging',
      ComplianceTypes: ['NON_COMPLIANT'],
      Limit: 100,
      NextToken: first['NextToken']
    });
    // 100 of 150 generated buckets plus access-logs and claims-uploads are non-compliant.
    expect(resultsOf(second)).toHaveLength(2);
    expect(second['NextToken']).toBeUndefined();
  });

  it('rejects bad tokens, tokens of another request and the INSUFFICIENT_DATA filter', () => {
    const { call, errorOf } = withBuckets();
    const token = call('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging' })['NextToken'];
    expect(errorOf('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging', NextToken: 'x' })).toBe(
      'InvalidNextTokenException'
    );
    expect(
      errorOf('GetComplianceDetailsByConfigRule', {
        ConfigRuleName: 'logging',
        ComplianceTypes: ['COMPLIANT'],
        NextToken: token
      })
    ).toBe('InvalidNextTokenException');
    expect(
      errorOf('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging', ComplianceTypes: ['INSUFFICIENT_DATA'] })
    ).toBe('InvalidParameterValueException');
    expect(errorOf('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'nope' })).toBe('NoSuchConfigRuleException');
  });

  it('continues after the last resource returned when results change between pages', () => {
    const { call, state, sim } = withBuckets();
    const first = call('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging' });
    const firstIds = ids(resultsOf(first));
    // A new bucket sorting before the page boundary appears and the rule is re-evaluated.
    state.resources.s3Buckets['aaa-new'] = { name: 'aaa-new' };
    call('StartConfigRulesEvaluation', { ConfigRuleNames: ['logging'] });
    sim.runDue();
    const second = ids(
      resultsOf(call('GetComplianceDetailsByConfigRule', { ConfigRuleName: 'logging', NextToken: first['NextToken'] }))
    );
    expect(second[0]! > firstIds.at(-1)!).toBe(true);
    expect(second.some(id => firstIds.includes(id))).toBe(false);
  });
});

describe('compliance by resource', () => {
  function evaluated() {
    const env = setup();
    env.call('PutConfigRule', managedRule('logging', LOGGING));
    env.call('PutConfigRule', managedRule('sse', 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED'));
    env.call('PutConfigRule', managedRule('ebs', 'EC2_EBS_ENCRYPTION_BY_DEFAULT'));
    env.sim.runDue();
    return env;
  }

  it('GetComplianceDetailsByResource lists the results of every rule for one resource', () => {
    const { call, errorOf } = evaluated();
    const out = call('GetComplianceDetailsByResource', {
      ResourceType: 'AWS::S3::Bucket',
      ResourceId: 'claims-uploads'
    });
    expect(
      resultsOf(out).map(r => [
        r.EvaluationResultIdentifier.EvaluationResultQualifier['ConfigRuleName'],
        r.ComplianceType
      ])
    ).toEqual([
      ['logging', 'NON_COMPLIANT'],
      ['sse', 'COMPLIANT']
    ]);
    const nc = call('GetComplianceDetailsByResource', {
      ResourceType: 'AWS::::Account',
      ResourceId: '123456789012',
      ComplianceTypes: ['NON_COMPLIANT']
    });
    expect(resultsOf(nc).map(r => r.Annotation)).toEqual([
      'EBS encryption by default is disabled in region us-east-1.'
    ]);
    expect(errorOf('GetComplianceDetailsByResource', { ResourceType: 'AWS::S3::Bucket' })).toBe(
      'InvalidParameterValueException'
    );
    expect(errorOf('GetComplianceDetailsByResource', { ResourceEvaluationId: 'x' })).toBe(
      'InvalidParameterValueException'
    );
  });

  it('DescribeComplianceByResource aggregates over rules', () => {
    const { call, errorOf } = evaluated();
    const out = call('DescribeComplianceByResource', { ResourceType: 'AWS::S3::Bucket' });
    expect(out['ComplianceByResources']).toEqual([
      {
        ResourceType: 'AWS::S3::Bucket',
        ResourceId: 'access-logs',
        Compliance: {
          ComplianceType: 'NON_COMPLIANT',
          ComplianceContributorCount: { CappedCount: 1, CapExceeded: false }
        }
      },
      {
        ResourceType: 'AWS::S3::Bucket',
        ResourceId: 'claims-uploads',
        Compliance: {
          ComplianceType: 'NON_COMPLIANT',
          ComplianceContributorCount: { CappedCount: 1, CapExceeded: false }
        }
      },
      { ResourceType: 'AWS::S3::Bucket', ResourceId: 'patient-records', Compliance: { ComplianceType: 'COMPLIANT' } }
    ]);
    const page = call('DescribeComplianceByResource', { ComplianceTypes: ['NON_COMPLIANT'], Limit: 2 });
    expect((page['ComplianceByResources'] as { ResourceId: string }[]).map(c => c.ResourceId)).toEqual([
      '123456789012',
      'access-logs'
    ]);
    const rest = call('DescribeComplianceByResource', {
      ComplianceTypes: ['NON_COMPLIANT'],
      Limit: 2,
      NextToken: page['NextToken']
    });
    expect((rest['ComplianceByResources'] as { ResourceId: string }[]).map(c => c.ResourceId)).toEqual([
      'claims-uploads'
    ]);
    expect(call('DescribeComplianceByResource', { ResourceType: 'AWS::EC2::Volume', ResourceId: 'vol-9' })).toEqual({
      ComplianceByResources: [
        { ResourceType: 'AWS::EC2::Volume', ResourceId: 'vol-9', Compliance: { ComplianceType: 'INSUFFICIENT_DATA' } }
      ]
    });
    expect(errorOf('DescribeComplianceByResource', { ResourceId: 'x' })).toBe('InvalidParameterValueException');
  });
});
