import { describe, expect, it } from '@jest/globals';
import { classify, type RuleState } from '../../../src/compliance/check.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const HOUR = 3600;

function state(complianceType: string | undefined, status: RuleState['status'], name = 'rule'): RuleState {
  return {
    name,
    ...(complianceType ? { compliance: { ConfigRuleName: name, Compliance: { ComplianceType: complianceType } } } : {}),
    ...(status ? { status } : {}),
    findings: []
  } as RuleState;
}

const evaluated = { FirstEvaluationStarted: true, LastSuccessfulEvaluationTime: new Date('2026-11-22T11:00:00Z') };

describe('classify', () => {
  it('a rule AWS Config evaluated recently is compliant or non-compliant as reported', () => {
    expect(classify(state('COMPLIANT', evaluated), NOW, 24 * HOUR).status).toBe('compliant');
    expect(classify(state('NON_COMPLIANT', evaluated), NOW, 24 * HOUR).status).toBe('noncompliant');
  });

  it('a rule just created (EVALUATING: no successful evaluation yet) is insufficient-data, never compliant', () => {
    // DescribeConfigRuleEvaluationStatus of a rule whose first evaluation has not finished.
    const fresh = { FirstEvaluationStarted: false, FirstActivatedTime: NOW };
    expect(classify(state('COMPLIANT', fresh), NOW, 24 * HOUR).status).toBe('insufficient-data');
    expect(classify(state('INSUFFICIENT_DATA', fresh), NOW, 24 * HOUR).status).toBe('insufficient-data');
    expect(classify(state(undefined, fresh), NOW, 24 * HOUR).status).toBe('insufficient-data');
    expect(classify(state('NOT_APPLICABLE', fresh), NOW, 24 * HOUR).status).toBe('insufficient-data');
  });

  it('FirstEvaluationStarted false wins over a LastSuccessfulEvaluationTime', () => {
    const odd = { FirstEvaluationStarted: false, LastSuccessfulEvaluationTime: new Date('2026-11-22T11:00:00Z') };
    expect(classify(state('COMPLIANT', odd), NOW, 24 * HOUR).status).toBe('insufficient-data');
  });

  it('a rule with compliance but no evaluation status is insufficient-data', () => {
    expect(classify(state('COMPLIANT', undefined), NOW, 24 * HOUR).status).toBe('insufficient-data');
  });

  it('an evaluated rule older than the maximum age is stale; an error stays an error', () => {
    expect(classify(state('COMPLIANT', evaluated), NOW, 30 * 60).status).toBe('stale');
    const s = { ...state('COMPLIANT', evaluated), error: { operation: 'op', code: 'X', message: 'm' } };
    expect(classify(s, NOW, 24 * HOUR)).toMatchObject({ status: 'error', error: { code: 'X' } });
  });
});
