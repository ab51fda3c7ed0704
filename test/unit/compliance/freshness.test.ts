/**
 * Freshness by trigger type (src/compliance/freshness.ts), at its boundaries: exactly frequency + grace, one second
 * over, a failed evaluation newer / older than the last success, a change-triggered rule evaluated days ago, and the
 * max-result-age override.
 */
import { describe, expect, it } from '@jest/globals';
import type { ConfigRule, ConfigRuleEvaluationStatus } from '@aws-sdk/client-config-service';
import { classify, type RuleState } from '../../../src/compliance/check.js';
import {
  ALWAYS_FRESH_SECONDS,
  FRESHNESS_GRACE_SECONDS,
  needsTrigger,
  staleReason,
  triggerOf,
  type Trigger
} from '../../../src/compliance/freshness.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const HOUR = 3600;
const ago = (seconds: number): Date => new Date(NOW.getTime() - seconds * 1000);
const ok = (seconds: number): ConfigRuleEvaluationStatus => ({
  ConfigRuleName: 'rule',
  FirstEvaluationStarted: true,
  LastSuccessfulEvaluationTime: ago(seconds)
});
const DAILY: Trigger = { kind: 'periodic', frequency: 'TwentyFour_Hours', seconds: 24 * HOUR };
const CHANGE: Trigger = { kind: 'change' };

function state(status: ConfigRuleEvaluationStatus, trigger?: Trigger): RuleState {
  return {
    name: 'rule',
    compliance: { ConfigRuleName: 'rule', Compliance: { ComplianceType: 'COMPLIANT' } },
    status,
    findings: [],
    ...(trigger ? { trigger } : {})
  };
}

describe('periodic rules: frequency plus a one-hour grace', () => {
  it('is fresh at exactly frequency + grace and stale one second over', () => {
    expect(FRESHNESS_GRACE_SECONDS).toBe(HOUR);
    expect(staleReason(ok(25 * HOUR), NOW, undefined, DAILY)).toBeUndefined();
    expect(staleReason(ok(25 * HOUR + 1), NOW, undefined, DAILY)).toMatch(
      /^periodic rule \(TwentyFour_Hours\) last evaluated .*, more than 24 h \+ 1 h grace ago$/
    );
    const hourly: Trigger = { kind: 'periodic', frequency: 'One_Hour', seconds: HOUR };
    expect(staleReason(ok(2 * HOUR), NOW, undefined, hourly)).toBeUndefined();
    expect(staleReason(ok(2 * HOUR + 1), NOW, undefined, hourly)).toBeDefined();
  });

  it('classify: a daily rule 25 h + 1 s old is stale with the reason; 25 h old is judged', () => {
    expect(classify(state(ok(25 * HOUR), DAILY), NOW, undefined).status).toBe('compliant');
    const stale = classify(state(ok(25 * HOUR + 1), DAILY), NOW, undefined);
    expect(stale).toMatchObject({ status: 'stale', complianceType: 'COMPLIANT' });
    expect(stale.staleReason).toMatch(/periodic rule/);
  });
});

describe('change-triggered rules', () => {
  it('are not stale because nothing changed, even days later', () => {
    expect(staleReason(ok(5 * 24 * HOUR), NOW, undefined, CHANGE)).toBeUndefined();
    expect(classify(state(ok(5 * 24 * HOUR), CHANGE), NOW, undefined).status).toBe('compliant');
  });
});

describe('failed evaluations', () => {
  const failed = (successAgo: number, failedAgo: number): ConfigRuleEvaluationStatus => ({
    ...ok(successAgo),
    LastFailedEvaluationTime: ago(failedAgo),
    LastErrorCode: 'InternalError',
    LastErrorMessage: 'Config could not evaluate the rule'
  });

  it('a failure newer than the last success (or at the same time) is stale, whatever the trigger or age', () => {
    expect(staleReason(failed(600, 60), NOW, undefined, CHANGE)).toMatch(
      /^its last evaluation failed at .* \(InternalError: Config could not evaluate the rule\); the results are from /
    );
    expect(staleReason(failed(600, 600), NOW, undefined, CHANGE)).toBeDefined();
    expect(staleReason(failed(600, 60), NOW, 7 * 24 * HOUR, undefined)).toBeDefined();
    expect(classify(state(failed(600, 60)), NOW, undefined).status).toBe('stale');
  });

  it('a failure older than the last success does not make the result stale', () => {
    expect(staleReason(failed(60, 600), NOW, undefined, CHANGE)).toBeUndefined();
    expect(classify(state(failed(60, 600)), NOW, undefined).status).toBe('compliant');
  });
});

describe('the trigger is read only when needed, and an unknown one is not fresh', () => {
  it('needsTrigger: only past ALWAYS_FRESH_SECONDS, without an override, and not already stale by a failure', () => {
    expect(ALWAYS_FRESH_SECONDS).toBe(2 * HOUR);
    expect(needsTrigger(ok(2 * HOUR), NOW, undefined)).toBe(false);
    expect(needsTrigger(ok(2 * HOUR + 1), NOW, undefined)).toBe(true);
    expect(needsTrigger(ok(2 * HOUR + 1), NOW, 24 * HOUR)).toBe(false);
    expect(needsTrigger({ ...ok(3 * HOUR), LastFailedEvaluationTime: ago(60) }, NOW, undefined)).toBe(false);
    expect(needsTrigger({ ConfigRuleName: 'rule', FirstEvaluationStarted: false }, NOW, undefined)).toBe(false);
  });

  it('within ALWAYS_FRESH_SECONDS a rule is fresh without its trigger; past it, an unknown trigger is stale', () => {
    expect(staleReason(ok(2 * HOUR), NOW, undefined, undefined)).toBeUndefined();
    expect(
      staleReason(ok(2 * HOUR + 1), NOW, undefined, { kind: 'unknown', why: 'AccessDeniedException: no' })
    ).toMatch(/trigger type is unknown \(AccessDeniedException: no\): not known to be fresh/);
    expect(classify(state(ok(3 * HOUR)), NOW, undefined).status).toBe('stale');
  });
});

describe('max-result-age overrides the trigger', () => {
  it('stale past the override even for a change-triggered rule; fresh at exactly the override', () => {
    expect(staleReason(ok(30 * 60), NOW, 30 * 60, CHANGE)).toBeUndefined();
    expect(staleReason(ok(30 * 60 + 1), NOW, 30 * 60, CHANGE)).toMatch(/more than max-result-age \(1800 s\) ago/);
    // A daily rule 30 h old is fresh when the override says 7 days.
    expect(staleReason(ok(30 * HOUR), NOW, 7 * 24 * HOUR, DAILY)).toBeUndefined();
  });
});

describe('triggerOf (DescribeConfigRules)', () => {
  const managed = (extra: Partial<ConfigRule>): ConfigRule => ({
    Source: { Owner: 'AWS', SourceIdentifier: 'X' },
    ...extra
  });
  it('managed rules: frequency -> periodic; Scope only -> change; neither -> periodic at 24 h (fail closed)', () => {
    expect(triggerOf(managed({ MaximumExecutionFrequency: 'Six_Hours' }))).toEqual({
      kind: 'periodic',
      frequency: 'Six_Hours',
      seconds: 6 * HOUR
    });
    expect(triggerOf(managed({ Scope: { ComplianceResourceTypes: ['AWS::S3::Bucket'] } }))).toEqual(CHANGE);
    expect(triggerOf(managed({}))).toEqual(DAILY);
    // Both ways: periodic runs are due whatever changes.
    expect(
      triggerOf(
        managed({ Scope: { ComplianceResourceTypes: ['AWS::S3::Bucket'] }, MaximumExecutionFrequency: 'One_Hour' })
      )
    ).toMatchObject({ kind: 'periodic', seconds: HOUR });
  });

  it('custom rules: any ScheduledNotification -> periodic at the shortest frequency; change notifications only -> change', () => {
    const custom = (details: NonNullable<ConfigRule['Source']>['SourceDetails'], extra: Partial<ConfigRule> = {}) =>
      triggerOf({ Source: { Owner: 'CUSTOM_LAMBDA', SourceIdentifier: 'arn', SourceDetails: details }, ...extra });
    expect(custom([{ EventSource: 'aws.config', MessageType: 'ConfigurationItemChangeNotification' }])).toEqual(CHANGE);
    expect(
      custom([
        { MessageType: 'ScheduledNotification', MaximumExecutionFrequency: 'Twelve_Hours' },
        { MessageType: 'ScheduledNotification', MaximumExecutionFrequency: 'Three_Hours' },
        { MessageType: 'ConfigurationItemChangeNotification' }
      ])
    ).toMatchObject({ frequency: 'Three_Hours', seconds: 3 * HOUR });
    expect(custom([{ MessageType: 'ScheduledNotification' }], { MaximumExecutionFrequency: 'One_Hour' })).toMatchObject(
      {
        frequency: 'One_Hour'
      }
    );
    expect(custom([{ MessageType: 'ScheduledNotification' }])).toEqual(DAILY);
  });
});
