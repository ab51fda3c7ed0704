/** AWS Config remediation of the seed account through the real SDK clients, over HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  DeleteRemediationExceptionsCommand,
  DescribeComplianceByConfigRuleCommand,
  DescribeRemediationConfigurationsCommand,
  DescribeRemediationExceptionsCommand,
  paginateDescribeRemediationExecutionStatus,
  paginateSelectResourceConfig,
  PutRemediationConfigurationsCommand,
  PutRemediationExceptionsCommand,
  StartConfigRulesEvaluationCommand,
  StartRemediationExecutionCommand,
  type RemediationConfiguration,
  type RemediationExecutionStatus
} from '@aws-sdk/client-config-service';
import { CreateDocumentCommand, SSMClient } from '@aws-sdk/client-ssm';
import { startSimulator, type Simulator } from '../src/index.js';
import { INSTANT_LIFECYCLES } from './support/instant.js';

const ACCOUNT = '123456789012';
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:my-sns-topic`;
const LOGGING_RULE = 's3-bucket-logging-enabled';
const EBS_RULE = 'ec2-ebs-encryption-by-default';

const runbook = (name: string): string =>
  readFileSync(new URL(`../../../examples/seed/runbooks/${name}`, import.meta.url), 'utf8');

const alerting: RemediationConfiguration = {
  ConfigRuleName: LOGGING_RULE,
  TargetType: 'SSM_DOCUMENT',
  TargetId: 'my-hipaa-alerting-runbook',
  Parameters: {
    Message: { ResourceValue: { Value: 'RESOURCE_ID' } },
    TopicArn: { StaticValue: { Values: [TOPIC] } },
    AutomationAssumeRole: { StaticValue: { Values: [`arn:aws:iam::${ACCOUNT}:role/my-hipaa-alerting-role`] } }
  }
};

const ebsAutomatic: RemediationConfiguration = {
  ConfigRuleName: EBS_RULE,
  TargetType: 'SSM_DOCUMENT',
  TargetId: 'my-hipaa-remediation-runbook',
  Automatic: true,
  MaximumAutomaticAttempts: 5,
  RetryAttemptSeconds: 60,
  Parameters: {
    TopicArn: { StaticValue: { Values: [TOPIC] } },
    AutomationAssumeRole: { StaticValue: { Values: [`arn:aws:iam::${ACCOUNT}:role/my-hipaa-remediation-role`] } }
  }
};

const bucketKey = (resourceId: string) => ({ resourceType: 'AWS::S3::Bucket' as const, resourceId });

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as Error).name;
  }
  throw new Error('expected the call to fail');
}

let sim: Simulator;
let config: ConfigServiceClient;
let ssm: SSMClient;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed', options: { ...INSTANT_LIFECYCLES } });
  const options = { region: 'us-east-1', endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 };
  config = new ConfigServiceClient(options);
  ssm = new SSMClient(options);
});

afterAll(async () => {
  config.destroy();
  ssm.destroy();
  await sim.close();
});

beforeEach(async () => {
  sim.reset();
  for (const name of ['my-hipaa-alerting-runbook', 'my-hipaa-remediation-runbook']) {
    await ssm.send(
      new CreateDocumentCommand({
        Name: name,
        Content: runbook(`${name}.yaml`),
        DocumentType: 'Automation',
        DocumentFormat: 'YAML'
      })
    );
  }
});

async function complianceOf(rule: string): Promise<string | undefined> {
  const out = await config.send(new DescribeComplianceByConfigRuleCommand({ ConfigRuleNames: [rule] }));
  return out.ComplianceByConfigRules?.[0]?.Compliance?.ComplianceType;
}

describe('remediation of the seed account through the SDK', () => {
  it('stores configurations (FailedBatches for a missing rule) and remediates on demand', async () => {
    const put = await config.send(
      new PutRemediationConfigurationsCommand({
        RemediationConfigurations: [alerting, { ...alerting, ConfigRuleName: 'no-such-rule' }]
      })
    );
    expect(put.FailedBatches?.map(b => [b.FailureMessage, b.FailedItems?.[0]?.ConfigRuleName])).toEqual([
      ["The Config rule 'no-such-rule' does not exist in this account.", 'no-such-rule']
    ]);
    const described = await config.send(
      new DescribeRemediationConfigurationsCommand({ ConfigRuleNames: [LOGGING_RULE, EBS_RULE] })
    );
    expect(described.RemediationConfigurations?.map(c => [c.ConfigRuleName, c.TargetId, c.Automatic])).toEqual([
      [LOGGING_RULE, 'my-hipaa-alerting-runbook', false]
    ]);

    const started = await config.send(
      new StartRemediationExecutionCommand({
        ConfigRuleName: LOGGING_RULE,
        ResourceKeys: [bucketKey('claims-uploads'), bucketKey('access-logs')]
      })
    );
    expect(started.FailedItems).toEqual([]);
    sim.advanceClock(0);
    const statuses: RemediationExecutionStatus[] = [];
    for await (const page of paginateDescribeRemediationExecutionStatus(
      { client: config, pageSize: 1 },
      { ConfigRuleName: LOGGING_RULE }
    )) {
      statuses.push(...(page.RemediationExecutionStatuses ?? []));
    }
    expect(statuses.map(s => [s.ResourceKey?.resourceId, s.State, s.StepDetails?.map(d => [d.Name, d.State])])).toEqual(
      [
        ['access-logs', 'SUCCEEDED', [['PublishAlert', 'SUCCEEDED']]],
        ['claims-uploads', 'SUCCEEDED', [['PublishAlert', 'SUCCEEDED']]]
      ]
    );
    expect(statuses[0]!.StepDetails![0]!.StartTime).toBeInstanceOf(Date);
    expect(statuses[0]!.InvocationTime).toBeInstanceOf(Date);
    expect(sim.state.sns.messages.map(m => m.message).sort()).toEqual([
      'S3 Bucket access-logs server access logging is disabled.',
      'S3 Bucket claims-uploads server access logging is disabled.'
    ]);
    expect(sim.scheduledTaskErrors()).toEqual([]);
  });

  it('rejects more than 100 resource keys by model validation', async () => {
    await config.send(new PutRemediationConfigurationsCommand({ RemediationConfigurations: [alerting] }));
    const keys = Array.from({ length: 101 }, (_, i) => bucketKey(`bucket-${i}`));
    expect(
      await errorName(
        config.send(new StartRemediationExecutionCommand({ ConfigRuleName: LOGGING_RULE, ResourceKeys: keys }))
      )
    ).toBe('ValidationException');
    expect(
      await errorName(
        config.send(new StartRemediationExecutionCommand({ ConfigRuleName: EBS_RULE, ResourceKeys: [bucketKey('x')] }))
      )
    ).toBe('NoSuchRemediationConfigurationException');
  });

  it('remediates EBS default encryption automatically after an evaluation, without StartRemediationExecution', async () => {
    await config.send(new PutRemediationConfigurationsCommand({ RemediationConfigurations: [ebsAutomatic] }));
    sim.advanceClock(0);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    // Periodic rule: the fix is not evaluated on the change ("List of AWS Config Managed Rules by Trigger Type").
    expect(await complianceOf(EBS_RULE)).toBe('NON_COMPLIANT');

    sim.resetCalls();
    sim.state.resources.ebsEncryptionByDefault['us-east-1'] = false;
    await config.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: [EBS_RULE] }));
    sim.advanceClock(0);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    // Judged before the remediation ran; the next periodic run (or started evaluation) sees the fix.
    expect(await complianceOf(EBS_RULE)).toBe('NON_COMPLIANT');
    expect(sim.calls().byOperation['config:StartConfigRulesEvaluation']).toBe(1);
    expect(sim.calls().byOperation['config:StartRemediationExecution']).toBeUndefined();
    expect(sim.state.sns.messages.map(m => m.message)).toEqual([
      'EBS encryption is enabled in this account.',
      'EBS encryption is enabled in this account.'
    ]);
    expect(sim.scheduledTaskErrors()).toEqual([]);
  });

  it('skips resources with a remediation exception', async () => {
    const put = await config.send(
      new PutRemediationExceptionsCommand({
        ConfigRuleName: LOGGING_RULE,
        ResourceKeys: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'claims-uploads' }],
        Message: 'accepted risk',
        ExpirationTime: new Date(sim.now().getTime() + 86_400_000)
      })
    );
    expect(put.FailedBatches).toEqual([]);
    const exceptions = await config.send(new DescribeRemediationExceptionsCommand({ ConfigRuleName: LOGGING_RULE }));
    expect(exceptions.RemediationExceptions?.map(e => [e.ResourceId, e.Message])).toEqual([
      ['claims-uploads', 'accepted risk']
    ]);
    expect(exceptions.RemediationExceptions?.[0]?.ExpirationTime).toBeInstanceOf(Date);
    await config.send(
      new PutRemediationConfigurationsCommand({ RemediationConfigurations: [{ ...alerting, Automatic: true }] })
    );
    sim.advanceClock(0);
    expect(sim.state.sns.messages.map(m => m.message)).toEqual([
      'S3 Bucket access-logs server access logging is disabled.'
    ]);
    const manual = await config.send(
      new StartRemediationExecutionCommand({
        ConfigRuleName: LOGGING_RULE,
        ResourceKeys: [bucketKey('claims-uploads')]
      })
    );
    expect(manual.FailedItems).toEqual([bucketKey('claims-uploads')]);
    expect(manual.FailureMessage).toContain('remediation exception');
    const deleted = await config.send(
      new DeleteRemediationExceptionsCommand({
        ConfigRuleName: LOGGING_RULE,
        ResourceKeys: [{ ResourceType: 'AWS::S3::Bucket', ResourceId: 'claims-uploads' }]
      })
    );
    expect(deleted.FailedBatches).toEqual([]);
  });

  it('maps buckets to CloudFormation logical ids with one SelectResourceConfig request', async () => {
    sim.resetCalls();
    const rows: unknown[] = [];
    for await (const page of paginateSelectResourceConfig(
      { client: config },
      {
        Expression:
          "SELECT resourceId, tags WHERE resourceType = 'AWS::S3::Bucket' AND resourceId IN ('access-logs', 'claims-uploads')"
      }
    )) {
      rows.push(...(page.Results ?? []).map(r => JSON.parse(r) as unknown));
    }
    expect(rows).toEqual([
      { resourceId: 'access-logs', tags: [{ key: 'aws:cloudformation:logical-id', value: 'AccessLogsBucket' }] },
      { resourceId: 'claims-uploads', tags: [{ key: 'aws:cloudformation:logical-id', value: 'ClaimsUploadsBucket' }] }
    ]);
    expect(sim.calls().byOperation['config:SelectResourceConfig']).toBe(1);
    const batch = await config.send(
      new BatchGetResourceConfigCommand({ resourceKeys: [bucketKey('access-logs'), bucketKey('nope')] })
    );
    expect(batch.baseConfigurationItems?.map(i => [i.resourceId, i.arn])).toEqual([
      ['access-logs', 'arn:aws:s3:::access-logs']
    ]);
    expect(batch.unprocessedResourceKeys).toEqual([]);
  });
});
