import { describe, expect, it } from '@jest/globals';
import { ruleCompliance } from '../src/services/config/engine.js';
import { configState } from '../src/services/config/state.js';
import { callHandler, ManualSim } from './support/config-context.js';
import { freshState, loadScenario } from '../src/core/scenario.js';
import { build as buildBlank } from '../src/scenarios/blank.js';
import {
  build as buildScale,
  expectedNonCompliantCounts,
  expectedScopeSizes,
  parseScaleParams,
  SCOPE_TAG_KEY
} from '../src/scenarios/scale.js';
import { configHandlers } from '../src/services/config/handlers/index.js';
import type { AccountState } from '../src/core/state.js';

const NOW = '2025-06-02T12:00:00.000Z';

function handlersOn(state: AccountState) {
  const sim = new ManualSim(NOW);
  return (op: string, input: Record<string, unknown> = {}) => callHandler(configHandlers, op, input, state, sim);
}

type RuleCompliance = {
  ConfigRuleName: string;
  Compliance: { ComplianceType: string; ComplianceContributorCount?: { CappedCount: number } };
};
type Result = {
  EvaluationResultIdentifier: { EvaluationResultQualifier: { ResourceType: string; ResourceId: string } };
  ResultRecordedTime: Date;
};

describe('seed scenario', () => {
  it('has two rules evaluated an hour before the simulator clock: 3 non-compliant resources in 2 rules', async () => {
    const scenario = await loadScenario('seed');
    const state = freshState(scenario);
    const call = handlersOn(state);
    const compliance = call('DescribeComplianceByConfigRule')['ComplianceByConfigRules'] as RuleCompliance[];
    expect(compliance).toEqual([
      {
        ConfigRuleName: 'ec2-ebs-encryption-by-default',
        Compliance: {
          ComplianceType: 'NON_COMPLIANT',
          ComplianceContributorCount: { CappedCount: 1, CapExceeded: false }
        }
      },
      {
        ConfigRuleName: 's3-bucket-logging-enabled',
        Compliance: {
          ComplianceType: 'NON_COMPLIANT',
          ComplianceContributorCount: { CappedCount: 2, CapExceeded: false }
        }
      }
    ]);
    const nonCompliant = (rule: string) =>
      (
        call('GetComplianceDetailsByConfigRule', { ConfigRuleName: rule, ComplianceTypes: ['NON_COMPLIANT'] })[
          'EvaluationResults'
        ] as Result[]
      ).map(r => {
        const q = r.EvaluationResultIdentifier.EvaluationResultQualifier;
        return `${q.ResourceType}/${q.ResourceId}`;
      });
    expect(nonCompliant('s3-bucket-logging-enabled')).toEqual([
      'AWS::S3::Bucket/access-logs',
      'AWS::S3::Bucket/claims-uploads'
    ]);
    expect(nonCompliant('ec2-ebs-encryption-by-default')).toEqual(['AWS::::Account/123456789012']);
    const all = call('GetComplianceDetailsByConfigRule', { ConfigRuleName: 's3-bucket-logging-enabled' })[
      'EvaluationResults'
    ] as (Result & { ComplianceType: string })[];
    expect(
      all.find(r => r.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId === 'patient-records')
        ?.ComplianceType
    ).toBe('COMPLIANT');
    expect(all[0]!.ResultRecordedTime).toEqual(new Date(Date.parse(NOW) - 3600_000));
    const [rule] = call('DescribeConfigRules', { ConfigRuleNames: ['s3-bucket-logging-enabled'] })['ConfigRules'] as {
      ConfigRuleArn: string;
    }[];
    expect(rule!.ConfigRuleArn).toBe('arn:aws:config:us-east-1:123456789012:config-rule/config-rule-q8x2lm');
    // The scenario object itself stays as written (reset starts from it again).
    expect(
      (scenario.state.config['rules'] as Record<string, { evaluatedAgoSeconds?: number }>)['s3-bucket-logging-enabled']
        ?.evaluatedAgoSeconds
    ).toBe(3600);
  });
});

describe('blank scenario', () => {
  it("has the seed's resources and no Config rules", async () => {
    const blank = buildBlank();
    const seed = await loadScenario('seed');
    expect(blank.name).toBe('blank');
    expect(blank.state.resources).toEqual(seed.state.resources);
    const call = handlersOn(blank.state);
    expect(call('DescribeConfigRules')).toEqual({ ConfigRules: [] });
    expect(call('DescribeComplianceByConfigRule')).toEqual({ ComplianceByConfigRules: [] });
    expect(() => buildBlank({ rules: '3' })).toThrow('scenario blank takes no parameters, got: rules');
  });
  it('loads by name through the scenario loader', async () => {
    const s = await loadScenario('blank');
    expect(Object.keys(configState(s.state, new Date(NOW)).rules)).toEqual([]);
  });
});

describe('scale scenario', () => {
  const defaults = buildScale();
  const cfg = configState(defaults.state, new Date(NOW));

  it('is deterministic for the same parameters', () => {
    const again = buildScale({ seed: '1' });
    expect(JSON.stringify(again.state.resources)).toBe(JSON.stringify(defaults.state.resources));
    const rules = again.state.config['rules'] as Record<string, { rule: unknown }>;
    expect(Object.values(rules).map(r => r.rule)).toEqual(Object.values(cfg.rules).map(r => r.rule));
    const small = { rules: '9', resources: '500', 'noncompliant-ratio': '0.4', seed: '5' };
    expect(JSON.stringify(buildScale(small))).toBe(JSON.stringify(buildScale(small)));
    expect(expectedNonCompliantCounts(small)).toEqual(expectedNonCompliantCounts(small));
    const other = buildScale({ ...small, seed: '6' });
    expect(Object.keys(other.state.resources.s3Buckets)).not.toEqual(
      Object.keys(buildScale(small).state.resources.s3Buckets)
    );
  });

  it('has the requested numbers of valid, unique bucket names up to 63 characters', () => {
    const names = Object.keys(defaults.state.resources.s3Buckets);
    expect(names).toHaveLength(20000);
    expect(Object.keys(cfg.rules)).toHaveLength(130);
    expect(names.every(n => /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(n) && !n.includes('--'))).toBe(true);
    expect(Math.max(...names.map(n => n.length))).toBe(63);
    expect(names.filter(n => n.length > 50).length).toBeGreaterThan(1000);
  });

  it('matches the exact expected non-compliant count of every rule', () => {
    const expected = expectedNonCompliantCounts();
    const scope = expectedScopeSizes();
    expect(Object.keys(expected)).toHaveLength(130);
    for (const [name, rec] of Object.entries(cfg.rules)) {
      expect([name, ruleCompliance(rec).nonCompliantCount]).toEqual([name, expected[name]]);
      expect([name, rec.results.length]).toEqual([name, scope[name]]);
    }
  });

  it('is skewed: several rules page past 250 non-compliant resources, many have few or none', () => {
    const counts = Object.values(expectedNonCompliantCounts());
    expect(counts.filter(c => c > 250).length).toBeGreaterThanOrEqual(5);
    expect(counts.filter(c => c <= 5).length).toBeGreaterThanOrEqual(30);
    expect(counts.filter(c => c === 0).length).toBeGreaterThan(0);
  });

  it('evaluates every bucket with some rule and keeps the overall non-compliant share at the ratio', () => {
    const evaluated = new Set<string>();
    let total = 0;
    let nonCompliant = 0;
    for (const rec of Object.values(cfg.rules)) {
      for (const r of rec.results) {
        evaluated.add(r.resourceId);
        total++;
        if (r.complianceType === 'NON_COMPLIANT') nonCompliant++;
      }
    }
    expect(evaluated.size).toBe(20000);
    expect(Math.abs(nonCompliant / total - 0.3)).toBeLessThan(0.01);
    const half = buildScale({ rules: '12', resources: '3000', 'noncompliant-ratio': '0.5', seed: '7' });
    const halfCfg = configState(half.state, new Date(NOW));
    const results = Object.values(halfCfg.rules).flatMap(r => r.results);
    const share = results.filter(r => r.complianceType === 'NON_COMPLIANT').length / results.length;
    expect(Math.abs(share - 0.5)).toBeLessThan(0.03);
  });

  it('scopes each rule to one team by tag', () => {
    const rec = cfg.rules['s3-bucket-logging-enabled-team-003']!;
    expect(rec.rule.Scope).toEqual({
      ComplianceResourceTypes: ['AWS::S3::Bucket'],
      TagKey: SCOPE_TAG_KEY,
      TagValue: 'team-003'
    });
    expect(
      rec.results.every(r => defaults.state.resources.s3Buckets[r.resourceId]!.tags![SCOPE_TAG_KEY] === 'team-003')
    ).toBe(true);
  });

  it('pages the non-compliant results of a large rule through the API', () => {
    const small = { rules: '10', resources: '4000' };
    const scenario = buildScale(small);
    const call = handlersOn(scenario.state);
    const expected = expectedNonCompliantCounts(small);
    const [biggest, count] = Object.entries(expected).sort((a, b) => b[1] - a[1])[0]!;
    expect(count).toBeGreaterThan(250);
    let seen = 0;
    let token: unknown;
    do {
      const out = call('GetComplianceDetailsByConfigRule', {
        ConfigRuleName: biggest,
        ComplianceTypes: ['NON_COMPLIANT'],
        Limit: 100,
        ...(token ? { NextToken: token } : {})
      });
      seen += (out['EvaluationResults'] as unknown[]).length;
      token = out['NextToken'];
    } while (token);
    expect(seen).toBe(count);
  });

  it('parses parameters strictly', () => {
    expect(parseScaleParams({})).toEqual({ rules: 130, resources: 20000, noncompliantRatio: 0.3, seed: 1 });
    expect(parseScaleParams({ rules: '7', 'noncompliant-ratio': '0.25' })).toMatchObject({
      rules: 7,
      noncompliantRatio: 0.25
    });
    expect(() => parseScaleParams({ rules: 'abc' })).toThrow("rules must be an integer from 0 to 1000, got 'abc'");
    expect(() => parseScaleParams({ 'noncompliant-ratio': '1.5' })).toThrow(/noncompliant-ratio must be a number/);
    expect(() => parseScaleParams({ buckets: '5' })).toThrow(/unknown parameter 'buckets'/);
  });
});
