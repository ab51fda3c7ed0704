/**
 * Remediation semantics and evaluation status of the simulated account against the AWS Config API Reference:
 * StartRemediationExecution answers keys that are not NON_COMPLIANT results in FailedItems, MaximumAutomaticAttempts
 * counts failed attempts (not starts), and DescribeConfigRuleEvaluationStatus reports failed evaluations.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { configState } from '../src/services/config/state.js';
import { callHandler, ManualSim } from './support/config-context.js';
import { freshState, loadScenario } from '../src/core/scenario.js';
import { configHandlers } from '../src/services/config/handlers/index.js';
import { ssmHandlers } from '../src/services/ssm/handlers.js';
import type { AccountState } from '../src/core/state.js';

const NOW = '2025-06-02T12:00:00.000Z';
const ACCOUNT = '123456789012';
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:my-sns-topic`;
const ALERT_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-alerting-role`;
const REMEDIATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-remediation-role`;
const LOGGING_RULE = 's3-bucket-logging-enabled';
const EBS_RULE = 'ec2-ebs-encryption-by-default';
const bucketKey = (resourceId: string) => ({ resourceType: 'AWS::S3::Bucket', resourceId });

const runbook = (name: string): string =>
  readFileSync(new URL(`../../../examples/seed/runbooks/${name}`, import.meta.url), 'utf8');

async function seed() {
  const state: AccountState = freshState(await loadScenario('seed'));
  const sim = new ManualSim(NOW);
  const call = (op: string, input: Record<string, unknown> = {}) => callHandler(configHandlers, op, input, state, sim);
  for (const name of ['my-hipaa-alerting-runbook', 'my-hipaa-remediation-runbook']) {
    callHandler(
      ssmHandlers,
      'CreateDocument',
      { Name: name, Content: runbook(`${name}.yaml`), DocumentType: 'Automation', DocumentFormat: 'YAML' },
      state,
      sim
    );
  }
  const automations = () => Object.values((state.ssm as { executions: Record<string, { status: string }> }).executions);
  return { state, sim, call, automations };
}

const alertConfig = {
  ConfigRuleName: LOGGING_RULE,
  TargetType: 'SSM_DOCUMENT',
  TargetId: 'my-hipaa-alerting-runbook',
  Parameters: {
    Message: { ResourceValue: { Value: 'RESOURCE_ID' } },
    TopicArn: { StaticValue: { Values: [TOPIC] } },
    AutomationAssumeRole: { StaticValue: { Values: [ALERT_ROLE] } }
  }
};

describe('StartRemediationExecution: keys that are not NON_COMPLIANT results', () => {
  // API_StartRemediationExecution: FailedItems "For resources that have failed to start execution, the API returns a
  // resource key object"; FailureMessage "Returns a failure message. For example, the resource is already compliant."
  it('answers a COMPLIANT resource and one the rule never evaluated in FailedItems, and starts the NON_COMPLIANT one', async () => {
    const { call, automations } = await seed();
    call('PutRemediationConfigurations', { RemediationConfigurations: [alertConfig] });
    // Seed: claims-uploads is NON_COMPLIANT, patient-records COMPLIANT, no-such-bucket unknown to the rule.
    const out = call('StartRemediationExecution', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [bucketKey('patient-records'), bucketKey('claims-uploads'), bucketKey('no-such-bucket')]
    });
    expect(out['FailedItems']).toEqual([bucketKey('patient-records'), bucketKey('no-such-bucket')]);
    expect(out['FailureMessage']).toBe(
      'AWS::S3::Bucket patient-records: the resource is already compliant; ' +
        'AWS::S3::Bucket no-such-bucket: the rule has no evaluation result for the resource'
    );
    expect(automations()).toHaveLength(1);
    const statuses = call('DescribeRemediationExecutionStatus', { ConfigRuleName: LOGGING_RULE })[
      'RemediationExecutionStatuses'
    ] as { ResourceKey: { resourceId: string } }[];
    expect(statuses.map(s => s.ResourceKey.resourceId)).toEqual(['claims-uploads']);
  });
});

describe('MaximumAutomaticAttempts counts failed attempts within RetryAttemptSeconds', () => {
  // API_RemediationConfiguration: MaximumAutomaticAttempts is "The maximum number of failed attempts for
  // auto-remediation [...] Config will put a RemediationException on your behalf for the failing resource after the
  // 5th failed attempt within 50 seconds."
  it('does not count successful attempts: a resource fixed and broken again is remediated again', async () => {
    const { call, sim, state, automations } = await seed();
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    call('PutRemediationConfigurations', {
      RemediationConfigurations: [
        {
          ConfigRuleName: EBS_RULE,
          TargetType: 'SSM_DOCUMENT',
          TargetId: 'my-hipaa-remediation-runbook',
          Parameters: {
            TopicArn: { StaticValue: { Values: [TOPIC] } },
            AutomationAssumeRole: { StaticValue: { Values: [REMEDIATION_ROLE] } }
          },
          Automatic: true,
          MaximumAutomaticAttempts: 1,
          RetryAttemptSeconds: 600
        }
      ]
    });
    sim.advance(0);
    expect(automations().map(a => a.status)).toEqual(['Success']);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    // Someone turns it off again; the next evaluation finds it NON_COMPLIANT, inside the 600 s window.
    state.resources.ebsEncryptionByDefault['us-east-1'] = false;
    sim.advance(60_000);
    call('StartConfigRulesEvaluation', { ConfigRuleNames: [EBS_RULE] });
    sim.advance(0);
    expect(automations().map(a => a.status)).toEqual(['Success', 'Success']);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    expect(call('DescribeRemediationExceptions', { ConfigRuleName: EBS_RULE })['RemediationExceptions']).toEqual([]);
  });

  it('puts the remediation exception at the MaximumAutomaticAttempts-th failure, not before', async () => {
    const { call, sim, state } = await seed();
    call('PutRemediationConfigurations', {
      RemediationConfigurations: [
        {
          ConfigRuleName: EBS_RULE,
          TargetType: 'SSM_DOCUMENT',
          TargetId: 'my-hipaa-remediation-runbook',
          TargetVersion: '1',
          Parameters: {
            TopicArn: { StaticValue: { Values: [TOPIC] } },
            AutomationAssumeRole: { StaticValue: { Values: [REMEDIATION_ROLE] } }
          },
          Automatic: true,
          MaximumAutomaticAttempts: 2,
          RetryAttemptSeconds: 20
        }
      ]
    });
    // Every attempt fails to start (the runbook is gone); failures at 0 s and 10 s (retry every 20 / 2 s).
    callHandler(ssmHandlers, 'DeleteDocument', { Name: 'my-hipaa-remediation-runbook' }, state, sim);
    const exceptions = () =>
      call('DescribeRemediationExceptions', { ConfigRuleName: EBS_RULE })['RemediationExceptions'];
    sim.advance(0);
    expect(exceptions()).toEqual([]);
    sim.advance(10_000);
    expect(exceptions()).toEqual([
      expect.objectContaining({ Message: expect.stringMatching(/2 failed attempts within 20 seconds/) })
    ]);
    expect(sim.pending).toBe(1); // no retry left: only the periodic EBS rule's next run (recording.ts)
  });
});

describe('DescribeConfigRuleEvaluationStatus reports failed evaluations', () => {
  // API_ConfigRuleEvaluationStatus: LastFailedEvaluationTime "The time that Config last failed to evaluate your AWS
  // resources against the rule", LastErrorCode/LastErrorMessage "The error code/message that Config returned when
  // the rule last failed"; LastSuccessfulEvaluationTime stays at the last success.
  it('records the failure, keeps the last success and the results, and a later success is newer', async () => {
    const { call, sim, state } = await seed();
    const status = () =>
      (
        call('DescribeConfigRuleEvaluationStatus', { ConfigRuleNames: [LOGGING_RULE] })[
          'ConfigRulesEvaluationStatus'
        ] as Record<string, unknown>[]
      )[0]!;
    const before = status();
    expect(before['LastFailedEvaluationTime']).toBeUndefined();
    expect(before['LastErrorCode']).toBeUndefined();
    const results = structuredClone(configState(state, sim.now()).rules[LOGGING_RULE]!.results);

    configState(state, sim.now()).rules[LOGGING_RULE]!.failEvaluations = {
      code: 'InternalError',
      message: 'Config could not evaluate the rule.'
    };
    call('StartConfigRulesEvaluation', { ConfigRuleNames: [LOGGING_RULE] });
    sim.advance(0);
    const failed = status();
    expect(failed).toMatchObject({
      LastFailedInvocationTime: new Date(NOW),
      LastFailedEvaluationTime: new Date(NOW),
      LastErrorCode: 'InternalError',
      LastErrorMessage: 'Config could not evaluate the rule.',
      LastSuccessfulEvaluationTime: before['LastSuccessfulEvaluationTime']
    });
    expect(configState(state, sim.now()).rules[LOGGING_RULE]!.results).toEqual(results);

    delete configState(state, sim.now()).rules[LOGGING_RULE]!.failEvaluations;
    sim.advance(60_000);
    call('StartConfigRulesEvaluation', { ConfigRuleNames: [LOGGING_RULE] });
    sim.advance(0);
    const recovered = status();
    expect(recovered['LastSuccessfulEvaluationTime']).toEqual(new Date(Date.parse(NOW) + 60_000));
    expect(recovered['LastFailedEvaluationTime']).toEqual(new Date(NOW));
  });

  it('a scenario rule with failEvaluations fails its first evaluation: no success, the failure reported', async () => {
    const scenario = await loadScenario('seed');
    const rules = (scenario.state.config as { rules: Record<string, Record<string, unknown>> }).rules;
    rules[LOGGING_RULE]!['failEvaluations'] = { code: 'AccessDenied', message: 'denied' };
    const state = freshState(scenario);
    const sim = new ManualSim(NOW);
    const [st] = callHandler(
      configHandlers,
      'DescribeConfigRuleEvaluationStatus',
      { ConfigRuleNames: [LOGGING_RULE] },
      state,
      sim
    )['ConfigRulesEvaluationStatus'] as Record<string, unknown>[];
    expect(st).toMatchObject({
      FirstEvaluationStarted: true,
      LastErrorCode: 'AccessDenied',
      LastErrorMessage: 'denied'
    });
    expect(st!['LastSuccessfulEvaluationTime']).toBeUndefined();
    // evaluatedAgoSeconds 3600 in the seed: the failure is stamped then.
    expect(st!['LastFailedEvaluationTime']).toEqual(new Date(Date.parse(NOW) - 3600_000));
  });
});
