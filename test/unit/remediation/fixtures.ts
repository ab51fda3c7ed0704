/** Small inputs for the remediation unit tests: a compliance result, bindings, a plan. */
import type { ComplianceResult, Finding, RuleResult } from '../../../src/compliance/types.js';
import { fingerprint } from '../../../src/compliance/fingerprint.js';
import type { DesiredRemediation } from '../../../src/desired/model.js';
import { buildPlan, type Candidate, type RemediationPlan, type PlannedTarget } from '../../../src/remediation/plan.js';

export const TOPIC = 'arn:aws:sns:us-east-1:123456789012:my-sns-topic';
export const S3_RULE = 's3-bucket-logging-enabled';
export const EBS_RULE = 'ec2-ebs-encryption-by-default';

export function finding(rule: string, resourceType: string, resourceId: string, extra: Partial<Finding> = {}): Finding {
  return {
    accountId: '123456789012',
    region: 'us-east-1',
    ruleName: rule,
    resourceType,
    resourceId,
    fingerprint: fingerprint('123456789012', 'us-east-1', rule, resourceType, resourceId),
    ...extra
  };
}

export function result(): ComplianceResult {
  const rules: RuleResult[] = [
    {
      accountId: '123456789012',
      region: 'us-east-1',
      ruleName: S3_RULE,
      status: 'noncompliant',
      hipaaSections: ['164.312(b)'],
      findings: [
        finding(S3_RULE, 'AWS::S3::Bucket', 'claims-uploads'),
        finding(S3_RULE, 'AWS::S3::Bucket', 'access-logs'),
        finding(S3_RULE, 'AWS::S3::Bucket', 'legacy-exports', {
          waiver: {
            rule: S3_RULE,
            resourceId: 'legacy-exports',
            reason: 'decommissioning',
            owner: 'ops',
            expires: '2099-01-01'
          }
        })
      ]
    },
    {
      accountId: '123456789012',
      region: 'us-east-1',
      ruleName: EBS_RULE,
      status: 'noncompliant',
      hipaaSections: ['164.312(a)(2)(iv)'],
      findings: [finding(EBS_RULE, 'AWS::::Account', '123456789012')]
    },
    {
      accountId: '123456789012',
      region: 'us-east-1',
      ruleName: 'cloudtrail-enabled',
      status: 'noncompliant',
      findings: [finding('cloudtrail-enabled', 'AWS::::Account', '123456789012')]
    }
  ];
  return {
    checkedAt: '2026-01-01T00:00:00.000Z',
    accountId: '123456789012',
    region: 'us-east-1',
    rules,
    accounts: [{ accountId: '123456789012', regions: [{ region: 'us-east-1', status: 'checked' }] }]
  };
}

const position = { file: 'compliance.yml', line: 10, col: 3 };

export function bindings(): DesiredRemediation[] {
  return [
    {
      ruleName: S3_RULE,
      targetId: 'my-hipaa-alerting-runbook',
      resourceIdParameter: 'Message',
      parameters: {
        Message: { ResourceValue: { Value: 'RESOURCE_ID' } },
        TopicArn: { StaticValue: { Values: [TOPIC] } },
        AutomationAssumeRole: { StaticValue: { Values: ['arn:aws:iam::123456789012:role/my-hipaa-alerting-role'] } }
      },
      automatic: false,
      maximumAutomaticAttempts: 5,
      retryAttemptSeconds: 60,
      concurrencyPercent: 50,
      errorPercent: 50,
      position
    },
    {
      ruleName: EBS_RULE,
      targetId: 'my-hipaa-remediation-runbook',
      parameters: {
        TopicArn: { StaticValue: { Values: [TOPIC] } },
        AutomationAssumeRole: { StaticValue: { Values: ['arn:aws:iam::123456789012:role/my-hipaa-remediation-role'] } }
      },
      automatic: false,
      maximumAutomaticAttempts: 5,
      retryAttemptSeconds: 60,
      concurrencyPercent: 100,
      errorPercent: 50,
      position
    }
  ];
}

export const RUNBOOKS = new Map([
  ['my-hipaa-alerting-runbook@$DEFAULT', { version: '3', hash: 'a'.repeat(64) }],
  ['my-hipaa-remediation-runbook@$DEFAULT', { version: '1', hash: 'b'.repeat(64) }]
]);

export function plan(
  candidates: readonly Candidate[],
  mode: 'plan' | 'apply' = 'plan'
): {
  plan: RemediationPlan;
  planned: PlannedTarget[];
} {
  return buildPlan({
    candidates,
    deployed: new Map(),
    runbooks: RUNBOOKS,
    manifestHashes: new Map(),
    mode,
    accountId: '123456789012',
    region: 'us-east-1',
    createdAt: '2026-01-01T00:00:00.000Z'
  });
}
