/** AWS Config remediation of the simulated account, handler by handler on a manual clock. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { configState } from '../src/services/config/state.js';
import { awsErrorCode, callHandler, ManualSim } from './support/config-context.js';
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
const ACCOUNT_KEY = { resourceType: 'AWS::::Account', resourceId: ACCOUNT };
const bucketKey = (resourceId: string) => ({ resourceType: 'AWS::S3::Bucket', resourceId });

const runbook = (name: string): string =>
  readFileSync(new URL(`../../../examples/seed/runbooks/${name}`, import.meta.url), 'utf8');

/** Turns on access logging of the bucket it is given, into access-logs (or a bucket that does not exist). */
function loggingRunbook(targetBucket: string): string {
  return `schemaVersion: '0.3'
assumeRole: '{{AutomationAssumeRole}}'
parameters:
  BucketName:
    type: String
  AutomationAssumeRole:
    type: String
mainSteps:
  - name: EnableLogging
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: PutBucketLogging
      Bucket: '{{BucketName}}'
      BucketLoggingStatus:
        LoggingEnabled:
          TargetBucket: ${targetBucket}
          TargetPrefix: '{{BucketName}}/'
    isEnd: true
`;
}

async function seed(options: Record<string, unknown> = {}) {
  const state: AccountState = freshState(await loadScenario('seed'));
  // Remediation semantics, not IAM: the remediation role may do everything here (the seed's policies: iam-e2e.test.ts).
  delete state.roles[REMEDIATION_ROLE]!.policies;
  const sim = new ManualSim(NOW, options);
  const call = (op: string, input: Record<string, unknown> = {}) => callHandler(configHandlers, op, input, state, sim);
  const errorOf = (op: string, input: Record<string, unknown> = {}) => awsErrorCode(() => call(op, input));
  const createDocument = (name: string, content: string) =>
    callHandler(
      ssmHandlers,
      'CreateDocument',
      { Name: name, Content: content, DocumentType: 'Automation', DocumentFormat: 'YAML' },
      state,
      sim
    );
  createDocument('my-hipaa-alerting-runbook', runbook('my-hipaa-alerting-runbook.yaml'));
  createDocument('my-hipaa-remediation-runbook', runbook('my-hipaa-remediation-runbook.yaml'));
  createDocument('enable-bucket-logging', loggingRunbook('access-logs'));
  createDocument('broken-bucket-logging', loggingRunbook('no-such-bucket'));
  const compliance = (rule: string) =>
    (
      call('DescribeComplianceByConfigRule', { ConfigRuleNames: [rule] })['ComplianceByConfigRules'] as {
        Compliance: { ComplianceType: string };
      }[]
    )[0]!.Compliance.ComplianceType;
  const statuses = (rule: string, extra: Record<string, unknown> = {}) =>
    call('DescribeRemediationExecutionStatus', { ConfigRuleName: rule, ...extra })[
      'RemediationExecutionStatuses'
    ] as Status[];
  return { state, sim, call, errorOf, createDocument, compliance, statuses };
}

type Status = {
  ResourceKey: { resourceType: string; resourceId: string };
  State: string;
  StepDetails: { Name: string; State: string; ErrorMessage?: string; StartTime?: Date; StopTime?: Date }[];
  InvocationTime: Date;
  LastUpdatedTime: Date;
};

const alertConfig = (extra: Record<string, unknown> = {}) => ({
  ConfigRuleName: LOGGING_RULE,
  TargetType: 'SSM_DOCUMENT',
  TargetId: 'my-hipaa-alerting-runbook',
  Parameters: {
    Message: { ResourceValue: { Value: 'RESOURCE_ID' } },
    TopicArn: { StaticValue: { Values: [TOPIC] } },
    AutomationAssumeRole: { StaticValue: { Values: [ALERT_ROLE] } }
  },
  ...extra
});

const ebsConfig = (extra: Record<string, unknown> = {}) => ({
  ConfigRuleName: EBS_RULE,
  TargetType: 'SSM_DOCUMENT',
  TargetId: 'my-hipaa-remediation-runbook',
  Parameters: {
    TopicArn: { StaticValue: { Values: [TOPIC] } },
    AutomationAssumeRole: { StaticValue: { Values: [REMEDIATION_ROLE] } }
  },
  ...extra
});

const loggingConfig = (targetId: string, extra: Record<string, unknown> = {}) => ({
  ConfigRuleName: LOGGING_RULE,
  TargetType: 'SSM_DOCUMENT',
  TargetId: targetId,
  Parameters: {
    BucketName: { ResourceValue: { Value: 'RESOURCE_ID' } },
    AutomationAssumeRole: { StaticValue: { Values: [REMEDIATION_ROLE] } }
  },
  ...extra
});

type Batch = { FailureMessage: string; FailedItems: { ConfigRuleName: string }[] };

describe('remediation configurations', () => {
  it('stores, describes (absent rules left out), updates and deletes configurations', async () => {
    const { call, errorOf, state } = await seed();
    expect(call('PutRemediationConfigurations', { RemediationConfigurations: [alertConfig()] })).toEqual({
      FailedBatches: []
    });
    const described = call('DescribeRemediationConfigurations', { ConfigRuleNames: [LOGGING_RULE, EBS_RULE] })[
      'RemediationConfigurations'
    ] as Record<string, unknown>[];
    expect(described).toHaveLength(1);
    expect(described[0]).toMatchObject({ ...alertConfig(), Automatic: false });
    const arn = described[0]!['Arn'] as string;
    expect(arn).toMatch(
      /^arn:aws:config:us-east-1:123456789012:remediation-configuration\/s3-bucket-logging-enabled\//
    );
    call('PutRemediationConfigurations', {
      RemediationConfigurations: [alertConfig({ TargetVersion: '1', MaximumAutomaticAttempts: 3 })]
    });
    const updated = call('DescribeRemediationConfigurations', { ConfigRuleNames: [LOGGING_RULE] })[
      'RemediationConfigurations'
    ] as Record<string, unknown>[];
    expect(updated[0]).toMatchObject({ Arn: arn, TargetVersion: '1', MaximumAutomaticAttempts: 3 });
    expect(errorOf('DeleteConfigRule', { ConfigRuleName: LOGGING_RULE })).toBe('ResourceInUseException');
    expect(call('DeleteRemediationConfiguration', { ConfigRuleName: LOGGING_RULE })).toEqual({});
    expect(configState(state, new Date(NOW)).remediationConfigurations).toEqual({});
    expect(errorOf('DeleteRemediationConfiguration', { ConfigRuleName: LOGGING_RULE })).toBe(
      'NoSuchRemediationConfigurationException'
    );
    expect(call('DeleteConfigRule', { ConfigRuleName: LOGGING_RULE })).toEqual({});
  });

  it('answers FailedBatches for items it cannot store, and stores the rest', async () => {
    const { call, state } = await seed();
    call('PutConfigRule', {
      ConfigRule: {
        ConfigRuleName: 'pack-rule',
        Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_LOGGING_ENABLED' }
      }
    });
    configState(state, new Date(NOW)).rules['pack-rule']!.rule.CreatedBy = 'config-conforms.amazonaws.com';
    const bad = [
      alertConfig({ ConfigRuleName: 'no-such-rule' }),
      alertConfig({ TargetId: 'no-such-document' }),
      alertConfig({ TargetVersion: '7' }),
      alertConfig({ Parameters: { Subject: { StaticValue: { Values: ['x'] } } } }),
      alertConfig({
        Parameters: { Message: { ResourceValue: { Value: 'RESOURCE_ID' }, StaticValue: { Values: ['x'] } } }
      }),
      alertConfig({
        Parameters: {
          Message: { ResourceValue: { Value: 'RESOURCE_ID' } },
          TopicArn: { ResourceValue: { Value: 'RESOURCE_ID' } }
        }
      }),
      alertConfig({ Automatic: true, Parameters: { Message: { ResourceValue: { Value: 'RESOURCE_ID' } } } }),
      alertConfig({ ConfigRuleName: 'pack-rule' })
    ];
    const aws = {
      ConfigRuleName: EBS_RULE,
      TargetType: 'SSM_DOCUMENT',
      TargetId: 'AWS-PublishSNSNotification',
      Parameters: {
        TopicArn: { StaticValue: { Values: [TOPIC] } },
        Message: { StaticValue: { Values: ['EBS default encryption is off'] } }
      }
    };
    const out = call('PutRemediationConfigurations', { RemediationConfigurations: [...bad, aws] });
    const batches = out['FailedBatches'] as Batch[];
    expect(batches.map(b => b.FailureMessage)).toEqual([
      "The Config rule 'no-such-rule' does not exist in this account.",
      "The SSM document 'no-such-document' (TargetId of rule 's3-bucket-logging-enabled') does not exist.",
      "The SSM document 'my-hipaa-alerting-runbook' has no version 7.",
      "Parameter 'Subject' of rule 's3-bucket-logging-enabled' is not a parameter of the SSM document 'my-hipaa-alerting-runbook' (parameters: TopicArn, Message, AutomationAssumeRole).",
      "Parameter 'Message' of rule 's3-bucket-logging-enabled' must have either a ResourceValue or a StaticValue.",
      "Only one parameter of rule 's3-bucket-logging-enabled' may take the RESOURCE_ID value.",
      "Automatic remediation of rule 's3-bucket-logging-enabled' needs a static AutomationAssumeRole value.",
      "The Config rule 'pack-rule' is service-linked (created by config-conforms.amazonaws.com); it cannot have a remediation configuration."
    ]);
    expect(batches.map(b => b.FailedItems[0]!.ConfigRuleName)).toEqual([
      'no-such-rule',
      ...Array(6).fill(LOGGING_RULE),
      'pack-rule'
    ]);
    const stored = call('DescribeRemediationConfigurations', { ConfigRuleNames: [LOGGING_RULE, EBS_RULE] })[
      'RemediationConfigurations'
    ] as { ConfigRuleName: string; TargetId: string }[];
    expect(stored.map(c => [c.ConfigRuleName, c.TargetId])).toEqual([[EBS_RULE, 'AWS-PublishSNSNotification']]);
  });
});

describe('configurations bound to a resource type or a non-Automation document', () => {
  it('refuses other resource types and Command documents', async () => {
    const { call, errorOf, state, sim } = await seed();
    callHandler(
      ssmHandlers,
      'CreateDocument',
      {
        Name: 'run-shell',
        DocumentType: 'Command',
        DocumentFormat: 'JSON',
        Content: JSON.stringify({
          schemaVersion: '2.2',
          description: 'echo',
          mainSteps: [{ action: 'aws:runShellScript', name: 'echo', inputs: { runCommand: ['echo hi'] } }]
        })
      },
      state,
      sim
    );
    const out = call('PutRemediationConfigurations', {
      RemediationConfigurations: [
        alertConfig({ TargetId: 'run-shell' }),
        alertConfig({ ResourceType: 'AWS::S3::Bucket' })
      ]
    });
    expect((out['FailedBatches'] as Batch[]).map(b => b.FailureMessage)).toEqual([
      "The SSM document 'run-shell' is a Command document; remediation needs an Automation document."
    ]);
    const start = call('StartRemediationExecution', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [ACCOUNT_KEY, bucketKey('access-logs')]
    });
    expect(start).toEqual({
      FailedItems: [ACCOUNT_KEY],
      FailureMessage: 'AWS::::Account 123456789012: the remediation configuration is for AWS::S3::Bucket'
    });
    expect(
      errorOf('DeleteRemediationConfiguration', { ConfigRuleName: LOGGING_RULE, ResourceType: 'AWS::EC2::Volume' })
    ).toBe('NoSuchRemediationConfigurationException');
    sim.advance(0);
    expect(
      call('DeleteRemediationConfiguration', { ConfigRuleName: LOGGING_RULE, ResourceType: 'AWS::S3::Bucket' })
    ).toEqual({});
  });
});

describe('StartRemediationExecution and DescribeRemediationExecutionStatus', () => {
  it('runs the alerting runbook per bucket: queued, then succeeded with step details and SNS messages', async () => {
    const { call, sim, state, statuses, errorOf } = await seed();
    expect(errorOf('StartRemediationExecution', { ConfigRuleName: LOGGING_RULE, ResourceKeys: [bucketKey('x')] })).toBe(
      'NoSuchRemediationConfigurationException'
    );
    call('PutRemediationConfigurations', { RemediationConfigurations: [alertConfig()] });
    const keys = [bucketKey('claims-uploads'), bucketKey('access-logs'), bucketKey('claims-uploads')];
    expect(call('StartRemediationExecution', { ConfigRuleName: LOGGING_RULE, ResourceKeys: keys })).toEqual({
      FailedItems: []
    });
    expect(statuses(LOGGING_RULE).map(s => [s.ResourceKey.resourceId, s.State])).toEqual([
      ['access-logs', 'QUEUED'],
      ['claims-uploads', 'QUEUED']
    ]);
    const again = call('StartRemediationExecution', { ConfigRuleName: LOGGING_RULE, ResourceKeys: [keys[0]] });
    expect(again).toEqual({
      FailedItems: [bucketKey('claims-uploads')],
      FailureMessage: 'AWS::S3::Bucket claims-uploads: a remediation of the resource is already in progress'
    });
    sim.advance(0);
    const done = statuses(LOGGING_RULE);
    expect(done.map(s => s.State)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(done[0]!.StepDetails).toEqual([
      { Name: 'PublishAlert', State: 'SUCCEEDED', StartTime: new Date(NOW), StopTime: new Date(NOW) }
    ]);
    expect(done[0]!.InvocationTime).toEqual(new Date(NOW));
    expect(done[0]!.LastUpdatedTime).toEqual(new Date(NOW));
    expect(state.sns.messages.map(m => [m.topicArn, m.message]).sort()).toEqual([
      [TOPIC, 'S3 Bucket access-logs server access logging is disabled.'],
      [TOPIC, 'S3 Bucket claims-uploads server access logging is disabled.']
    ]);
    // The alert changes nothing: no re-evaluation, the rule stays NON_COMPLIANT.
    expect(sim.pending).toBe(1); // only the periodic EBS rule's next run (recording.ts)
  });

  it('remediates EBS default encryption on demand; the periodic rule sees the change once evaluated', async () => {
    const { call, sim, state, statuses, compliance } = await seed();
    call('PutRemediationConfigurations', { RemediationConfigurations: [ebsConfig()] });
    expect(call('StartRemediationExecution', { ConfigRuleName: EBS_RULE, ResourceKeys: [ACCOUNT_KEY] })).toEqual({
      FailedItems: []
    });
    expect(compliance(EBS_RULE)).toBe('NON_COMPLIANT');
    sim.advance(0);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    expect(state.sns.messages.map(m => m.message)).toEqual(['EBS encryption is enabled in this account.']);
    const [status] = statuses(EBS_RULE);
    expect(status!.State).toBe('SUCCEEDED');
    expect(status!.StepDetails.map(s => [s.Name, s.State])).toEqual([
      ['ModifyAccount', 'SUCCEEDED'],
      ['NotifyTopic', 'SUCCEEDED']
    ]);
    // ec2-ebs-encryption-by-default is periodic and AWS::::Account is not recorded: the change triggers no
    // evaluation ("List of AWS Config Managed Rules by Trigger Type"); a started evaluation sees it.
    expect(compliance(EBS_RULE)).toBe('NON_COMPLIANT');
    call('StartConfigRulesEvaluation', { ConfigRuleNames: [EBS_RULE] });
    sim.advance(0);
    expect(compliance(EBS_RULE)).toBe('COMPLIANT');
    expect(compliance(LOGGING_RULE)).toBe('NON_COMPLIANT');
  });

  it('reports a failing runbook as FAILED with the step error, and start errors as FailedItems', async () => {
    const { call, sim, statuses, state } = await seed({ automationStepDelayMs: 1000 });
    call('PutRemediationConfigurations', { RemediationConfigurations: [loggingConfig('broken-bucket-logging')] });
    call('StartRemediationExecution', { ConfigRuleName: LOGGING_RULE, ResourceKeys: [bucketKey('claims-uploads')] });
    expect(statuses(LOGGING_RULE)[0]!.State).toBe('QUEUED');
    sim.advance(1000);
    const [failed] = statuses(LOGGING_RULE);
    expect(failed!.State).toBe('FAILED');
    expect(failed!.StepDetails).toHaveLength(1);
    expect(failed!.StepDetails[0]).toMatchObject({ Name: 'EnableLogging', State: 'FAILED' });
    expect(failed!.StepDetails[0]!.ErrorMessage).toMatch(/InvalidTargetBucketForLogging/);
    expect(failed!.LastUpdatedTime.getTime()).toBe(new Date(NOW).getTime() + 1000);
    expect(state.resources.s3Buckets['claims-uploads']!.logging).toBeUndefined();

    // A configuration that misses a required parameter cannot start the automation.
    call('PutRemediationConfigurations', {
      RemediationConfigurations: [alertConfig({ Parameters: { Message: { ResourceValue: { Value: 'RESOURCE_ID' } } } })]
    });
    const out = call('StartRemediationExecution', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [bucketKey('access-logs')]
    });
    expect(out['FailedItems']).toEqual([bucketKey('access-logs')]);
    expect(out['FailureMessage']).toMatch(
      /^AWS::S3::Bucket access-logs: InvalidAutomationExecutionParametersException: Missing required parameters: TopicArn, AutomationAssumeRole/
    );
  });

  it('is IN_PROGRESS between the steps of a runbook', async () => {
    const { call, sim, statuses, compliance } = await seed({ automationStepDelayMs: 1000, evaluationDelayMs: 500 });
    call('PutRemediationConfigurations', { RemediationConfigurations: [ebsConfig()] });
    call('StartRemediationExecution', { ConfigRuleName: EBS_RULE, ResourceKeys: [ACCOUNT_KEY] });
    sim.advance(1000);
    const [running] = statuses(EBS_RULE);
    expect(running!.State).toBe('IN_PROGRESS');
    expect(running!.StepDetails.map(s => [s.Name, s.State])).toEqual([['ModifyAccount', 'SUCCEEDED']]);
    sim.advance(1000);
    expect(statuses(EBS_RULE)[0]!.State).toBe('SUCCEEDED');
    // A periodic rule is not re-evaluated on a change; a started evaluation reports after the evaluation delay.
    sim.advance(500);
    expect(compliance(EBS_RULE)).toBe('NON_COMPLIANT');
    call('StartConfigRulesEvaluation', { ConfigRuleNames: [EBS_RULE] });
    sim.advance(499);
    expect(compliance(EBS_RULE)).toBe('NON_COMPLIANT');
    sim.advance(1);
    expect(compliance(EBS_RULE)).toBe('COMPLIANT');
  });

  it('refuses to delete a configuration while one of its remediations runs', async () => {
    const { call, sim, errorOf } = await seed({ automationStepDelayMs: 5000 });
    call('PutRemediationConfigurations', { RemediationConfigurations: [alertConfig()] });
    call('StartRemediationExecution', { ConfigRuleName: LOGGING_RULE, ResourceKeys: [bucketKey('access-logs')] });
    expect(errorOf('DeleteRemediationConfiguration', { ConfigRuleName: LOGGING_RULE })).toBe(
      'RemediationInProgressException'
    );
    sim.advance(10_000);
    expect(call('DeleteRemediationConfiguration', { ConfigRuleName: LOGGING_RULE })).toEqual({});
  });

  it('pages statuses and filters them by resource key', async () => {
    const { call, sim, statuses } = await seed();
    call('PutRemediationConfigurations', { RemediationConfigurations: [alertConfig()] });
    // The seed's two NON_COMPLIANT buckets (patient-records is COMPLIANT: it would be a FailedItem).
    const ids = ['access-logs', 'claims-uploads'];
    call('StartRemediationExecution', { ConfigRuleName: LOGGING_RULE, ResourceKeys: ids.map(bucketKey) });
    sim.advance(0);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const out = call('DescribeRemediationExecutionStatus', {
        ConfigRuleName: LOGGING_RULE,
        Limit: 1,
        ...(token ? { NextToken: token } : {})
      });
      const page = out['RemediationExecutionStatuses'] as Status[];
      expect(page.length).toBeLessThanOrEqual(1);
      seen.push(...page.map(s => s.ResourceKey.resourceId));
      token = out['NextToken'] as string | undefined;
    } while (token);
    expect(seen).toEqual(ids);
    expect(
      statuses(LOGGING_RULE, { ResourceKeys: [bucketKey('claims-uploads'), bucketKey('nope')] }).map(
        s => s.ResourceKey.resourceId
      )
    ).toEqual(['claims-uploads']);
  });
});

describe('remediation exceptions', () => {
  it('puts, describes, skips and deletes exceptions; refuses compliant resources, unknown rules and past expiry', async () => {
    const { call, sim, errorOf } = await seed();
    call('PutRemediationConfigurations', { RemediationConfigurations: [alertConfig()] });
    const later = new Date(Date.parse(NOW) + 3600_000);
    const out = call('PutRemediationExceptions', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [
        { ResourceType: 'AWS::S3::Bucket', ResourceId: 'claims-uploads' },
        { ResourceType: 'AWS::S3::Bucket', ResourceId: 'patient-records' },
        { ResourceType: 'AWS::S3::Bucket' }
      ],
      Message: 'logging handled by the data platform team',
      ExpirationTime: later
    });
    expect((out['FailedBatches'] as Batch[]).map(b => [b.FailureMessage, b.FailedItems.length])).toEqual([
      [
        'A remediation exception can only be placed on a NON_COMPLIANT resource; AWS::S3::Bucket patient-records is COMPLIANT.',
        1
      ],
      ['Each resource key needs a ResourceType and a ResourceId.', 1]
    ]);
    const unknown = call('PutRemediationExceptions', {
      ConfigRuleName: 'nope',
      ResourceKeys: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'x' }]
    });
    expect((unknown['FailedBatches'] as Batch[])[0]!.FailureMessage).toBe(
      "The Config rule 'nope' does not exist in this account."
    );
    const past = call('PutRemediationExceptions', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'access-logs' }],
      ExpirationTime: new Date(Date.parse(NOW) - 1000)
    });
    expect((past['FailedBatches'] as Batch[])[0]!.FailureMessage).toMatch(/is not in the future/);

    expect(call('DescribeRemediationExceptions', { ConfigRuleName: LOGGING_RULE })).toEqual({
      RemediationExceptions: [
        {
          ConfigRuleName: LOGGING_RULE,
          ResourceType: 'AWS::S3::Bucket',
          ResourceId: 'claims-uploads',
          Message: 'logging handled by the data platform team',
          ExpirationTime: later
        }
      ]
    });
    const start = call('StartRemediationExecution', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [bucketKey('claims-uploads'), bucketKey('access-logs')]
    });
    expect(start).toEqual({
      FailedItems: [bucketKey('claims-uploads')],
      FailureMessage: 'AWS::S3::Bucket claims-uploads: the resource has a remediation exception'
    });
    // Once expired, the exception is gone and no longer blocks.
    sim.advance(3600_000);
    expect(call('DescribeRemediationExceptions', { ConfigRuleName: LOGGING_RULE })).toEqual({
      RemediationExceptions: []
    });
    expect(
      call('StartRemediationExecution', { ConfigRuleName: LOGGING_RULE, ResourceKeys: [bucketKey('claims-uploads')] })
    ).toEqual({ FailedItems: [] });

    call('PutRemediationExceptions', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'access-logs' }]
    });
    const deleted = call('DeleteRemediationExceptions', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [
        { ResourceType: 'AWS::S3::Bucket', ResourceId: 'access-logs' },
        { ResourceType: 'AWS::S3::Bucket', ResourceId: 'claims-uploads' }
      ]
    });
    expect(deleted['FailedBatches']).toEqual([
      {
        FailureMessage: "No remediation exception exists for these resource keys of rule 's3-bucket-logging-enabled'.",
        FailedItems: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'claims-uploads' }]
      }
    ]);
    expect(
      errorOf('DeleteRemediationExceptions', {
        ConfigRuleName: LOGGING_RULE,
        ResourceKeys: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'access-logs' }]
      })
    ).toBe('NoSuchRemediationExceptionException');
  });

  it('pages exceptions and filters them by key', async () => {
    const { call, state, sim } = await seed();
    for (const name of ['b1', 'b2', 'b3']) state.resources.s3Buckets[name] = { name };
    call('StartConfigRulesEvaluation', { ConfigRuleNames: [LOGGING_RULE] });
    sim.advance(0);
    call('PutRemediationExceptions', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: ['b3', 'b1', 'b2'].map(id => ({ ResourceType: 'AWS::S3::Bucket', ResourceId: id }))
    });
    const first = call('DescribeRemediationExceptions', { ConfigRuleName: LOGGING_RULE, Limit: 2 });
    const ids = (out: Record<string, unknown>) =>
      (out['RemediationExceptions'] as { ResourceId: string }[]).map(e => e.ResourceId);
    expect(ids(first)).toEqual(['b1', 'b2']);
    const second = call('DescribeRemediationExceptions', {
      ConfigRuleName: LOGGING_RULE,
      Limit: 2,
      NextToken: first['NextToken']
    });
    expect(ids(second)).toEqual(['b3']);
    expect(second['NextToken']).toBeUndefined();
    const filtered = call('DescribeRemediationExceptions', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'b2' }]
    });
    expect(ids(filtered)).toEqual(['b2']);
  });
});

describe('automatic remediation', () => {
  it('fixes EBS default encryption when turned on, and again after each NON_COMPLIANT evaluation', async () => {
    const { call, sim, state, compliance, statuses } = await seed();
    call('PutRemediationConfigurations', { RemediationConfigurations: [ebsConfig({ Automatic: true })] });
    sim.advance(0);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    // Periodic: the fix shows at the next evaluation, not on the change (not self-healing at once, as on AWS).
    expect(compliance(EBS_RULE)).toBe('NON_COMPLIANT');
    call('StartConfigRulesEvaluation', { ConfigRuleNames: [EBS_RULE] });
    sim.advance(0);
    expect(compliance(EBS_RULE)).toBe('COMPLIANT');

    state.resources.ebsEncryptionByDefault['us-east-1'] = false;
    sim.advance(61_000);
    call('StartConfigRulesEvaluation', { ConfigRuleNames: [EBS_RULE] });
    sim.advance(0);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    expect(compliance(EBS_RULE)).toBe('NON_COMPLIANT');
    expect(state.sns.messages).toHaveLength(2);
    expect(statuses(EBS_RULE).map(s => s.State)).toEqual(['SUCCEEDED']);
  });

  it('skips resources with a remediation exception', async () => {
    const { call, sim, state, compliance } = await seed();
    call('PutRemediationExceptions', {
      ConfigRuleName: LOGGING_RULE,
      ResourceKeys: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'claims-uploads' }]
    });
    call('PutRemediationConfigurations', {
      RemediationConfigurations: [loggingConfig('enable-bucket-logging', { Automatic: true })]
    });
    sim.advance(0);
    expect(state.resources.s3Buckets['access-logs']!.logging).toEqual({
      targetBucket: 'access-logs',
      targetPrefix: 'access-logs/'
    });
    expect(state.resources.s3Buckets['claims-uploads']!.logging).toBeUndefined();
    const results = call('GetComplianceDetailsByConfigRule', { ConfigRuleName: LOGGING_RULE })['EvaluationResults'] as {
      EvaluationResultIdentifier: { EvaluationResultQualifier: { ResourceId: string } };
      ComplianceType: string;
    }[];
    expect(
      results.map(r => [r.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId, r.ComplianceType])
    ).toEqual([
      ['access-logs', 'COMPLIANT'],
      ['claims-uploads', 'NON_COMPLIANT'],
      ['patient-records', 'COMPLIANT']
    ]);
    expect(compliance(LOGGING_RULE)).toBe('NON_COMPLIANT');
  });

  it('retries a failing remediation, then stops with a remediation exception after MaximumAutomaticAttempts', async () => {
    const { call, sim, state } = await seed();
    call('PutRemediationConfigurations', {
      RemediationConfigurations: [
        loggingConfig('broken-bucket-logging', {
          Automatic: true,
          MaximumAutomaticAttempts: 3,
          RetryAttemptSeconds: 30
        })
      ]
    });
    sim.advance(0);
    const automations = () =>
      Object.values(
        (state.ssm as { executions: Record<string, { status: string; parameters: Record<string, string[]> }> })
          .executions
      );
    // Both NON_COMPLIANT buckets get a first attempt; each failure is retried every 30 / 3 = 10 seconds.
    expect(automations()).toHaveLength(2);
    sim.advance(10_000);
    expect(automations()).toHaveLength(4);
    sim.advance(120_000);
    expect(automations()).toHaveLength(6);
    expect(automations().every(a => a.status === 'Failed')).toBe(true);
    const exceptions = call('DescribeRemediationExceptions', { ConfigRuleName: LOGGING_RULE })[
      'RemediationExceptions'
    ] as { ResourceId: string; Message: string }[];
    expect(exceptions.map(e => e.ResourceId)).toEqual(['access-logs', 'claims-uploads']);
    expect(exceptions[0]!.Message).toMatch(/stopped automatic remediation: 3 failed attempts within 30 seconds/);
    expect(sim.pending).toBe(1); // only the periodic EBS rule's next run (recording.ts)
  });

  it('counts attempts that cannot start and stops the same way', async () => {
    const { call, sim, state } = await seed();
    state.resources.ebsEncryptionByDefault['us-east-1'] = false;
    call('PutRemediationConfigurations', {
      RemediationConfigurations: [ebsConfig({ Automatic: true, MaximumAutomaticAttempts: 2, TargetVersion: '1' })]
    });
    // The runbook disappears before Config gets to run it: every attempt fails to start.
    callHandler(ssmHandlers, 'DeleteDocument', { Name: 'my-hipaa-remediation-runbook' }, state, sim);
    sim.advance(120_000);
    const [status] = call('DescribeRemediationExecutionStatus', { ConfigRuleName: EBS_RULE })[
      'RemediationExecutionStatuses'
    ] as Status[];
    expect(status!.State).toBe('FAILED');
    expect(status!.StepDetails[0]!.ErrorMessage).toMatch(/^AutomationDefinitionNotFoundException/);
    const exceptions = call('DescribeRemediationExceptions', { ConfigRuleName: EBS_RULE })['RemediationExceptions'];
    expect(exceptions).toHaveLength(1);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
  });
});
