/**
 * Asynchronous states through the real SDK: a deleted Config rule stays DELETING for `ruleDeleteSeconds`
 * (ResourceInUseException meanwhile), a new or updated SSM document is Creating/Updating for
 * `documentActivationSeconds` (and Failed when the scenario says so). The delays are long in real time (30 s) and
 * passed with advanceClock, so nothing here waits.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DeleteConfigRuleCommand,
  DescribeConfigRulesCommand,
  PutConfigRuleCommand,
  PutRemediationConfigurationsCommand
} from '@aws-sdk/client-config-service';
import {
  CreateDocumentCommand,
  DescribeDocumentCommand,
  ListDocumentVersionsCommand,
  SSMClient,
  StartAutomationExecutionCommand,
  UpdateDocumentCommand
} from '@aws-sdk/client-ssm';
import { startSimulator, type Simulator } from '../src/index.js';

const RULE = 's3-bucket-logging-enabled';
const DELETING_MESSAGE = 'Config is deleting this rule. Try your request again later.';
const RUNBOOK = `schemaVersion: '0.3'
assumeRole: arn:aws:iam::123456789012:role/my-hipaa-alerting-role
parameters:
  Message:
    type: String
mainSteps:
  - name: publish
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      TopicArn: arn:aws:sns:us-east-1:123456789012:my-sns-topic
      Message: '{{ Message }}'
`;

async function failure(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return { name: (err as Error).name, message: (err as Error).message };
  }
  throw new Error('expected the call to fail');
}

let sim: Simulator;
let config: ConfigServiceClient;
let ssm: SSMClient;

beforeAll(async () => {
  sim = await startSimulator({
    scenario: 'seed',
    options: {
      ruleDeleteSeconds: 30,
      documentActivationSeconds: 30,
      documentActivationFailures: { Broken: 'step publish: unsupported action' }
    }
  });
  const common = { region: 'us-east-1', endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 };
  config = new ConfigServiceClient(common);
  ssm = new SSMClient(common);
});
beforeEach(() => sim.reset());
afterAll(async () => {
  config.destroy();
  ssm.destroy();
  await sim.close();
});

const ruleState = async (name: string): Promise<string | undefined> =>
  (await config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: [name] }))).ConfigRules?.[0]?.ConfigRuleState;

describe('DeleteConfigRule: DELETING, then gone', () => {
  // https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html (ConfigRuleState DELETING) and
  // API_PutConfigRule.html / API_DeleteConfigRule.html (ResourceInUseException).
  it('stays DELETING for ruleDeleteSeconds, refusing Put and Delete with ResourceInUseException', async () => {
    const before = (await config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: [RULE] }))).ConfigRules![0]!;
    await config.send(new DeleteConfigRuleCommand({ ConfigRuleName: RULE }));
    expect(await ruleState(RULE)).toBe('DELETING');

    expect(await failure(config.send(new DeleteConfigRuleCommand({ ConfigRuleName: RULE })))).toEqual({
      name: 'ResourceInUseException',
      message: DELETING_MESSAGE
    });
    const put = new PutConfigRuleCommand({
      ConfigRule: { ConfigRuleName: RULE, Source: before.Source!, InputParameters: before.InputParameters }
    });
    expect(await failure(config.send(put))).toEqual({ name: 'ResourceInUseException', message: DELETING_MESSAGE });
    const remediation = await config.send(
      new PutRemediationConfigurationsCommand({
        RemediationConfigurations: [
          { ConfigRuleName: RULE, TargetType: 'SSM_DOCUMENT', TargetId: 'AWS-PublishSNSNotification' }
        ]
      })
    );
    expect(remediation.FailedBatches?.[0]?.FailureMessage).toBe(`${RULE}: ${DELETING_MESSAGE}`);

    sim.advanceClock(29);
    expect(await ruleState(RULE)).toBe('DELETING');
    sim.advanceClock(1);
    expect(await failure(config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: [RULE] })))).toMatchObject({
      name: 'NoSuchConfigRuleException'
    });
    // Gone: the name is free again.
    await config.send(put);
    expect(await ruleState(RULE)).toMatch(/^(EVALUATING|ACTIVE)$/);
  });
});

describe('SSM documents: Creating / Updating, then Active', () => {
  const describeStatus = async (
    version?: string
  ): Promise<{ Status: string | undefined; StatusInformation: string | undefined }> => {
    const d = (await ssm.send(new DescribeDocumentCommand({ Name: 'Alert', DocumentVersion: version }))).Document!;
    return { Status: d.Status, StatusInformation: d.StatusInformation };
  };
  const create = (name = 'Alert') =>
    ssm.send(
      new CreateDocumentCommand({ Name: name, Content: RUNBOOK, DocumentType: 'Automation', DocumentFormat: 'YAML' })
    );
  const start = () =>
    ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'Alert', Parameters: { Message: ['hi'] } }));

  // https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html (Status)
  it('CreateDocument answers Creating; the document cannot run until Active', async () => {
    expect((await create()).DocumentDescription?.Status).toBe('Creating');
    expect(await describeStatus()).toEqual({ Status: 'Creating', StatusInformation: undefined });
    expect(await failure(start())).toEqual({
      name: 'AutomationDefinitionNotFoundException',
      message: 'Automation definition Alert version 1 is Creating, not Active.'
    });
    const update = new UpdateDocumentCommand({
      Name: 'Alert',
      Content: RUNBOOK.replace('hi', 'x') + '\n',
      DocumentVersion: '$LATEST',
      DocumentFormat: 'YAML'
    });
    expect(await failure(ssm.send(update))).toEqual({
      name: 'InvalidDocumentOperation',
      message: 'Document Alert version 1 is Creating; update it once it is Active.'
    });
    sim.advanceClock(29);
    expect((await describeStatus()).Status).toBe('Creating');
    sim.advanceClock(1);
    expect((await describeStatus()).Status).toBe('Active');
    expect((await start()).AutomationExecutionId).toBeTruthy();

    // UpdateDocument: the new version is Updating, the default one stays Active.
    expect((await ssm.send(update)).DocumentDescription?.Status).toBe('Updating');
    expect((await describeStatus('2')).Status).toBe('Updating');
    expect((await describeStatus('1')).Status).toBe('Active');
    const versions = await ssm.send(new ListDocumentVersionsCommand({ Name: 'Alert' }));
    expect(versions.DocumentVersions?.map(v => [v.DocumentVersion, v.Status])).toEqual(
      expect.arrayContaining([
        ['1', 'Active'],
        ['2', 'Updating']
      ])
    );
    sim.advanceClock(30);
    expect((await describeStatus('2')).Status).toBe('Active');
  });

  it('a document the scenario makes fail ends Failed with StatusInformation', async () => {
    await create('Broken');
    sim.advanceClock(30);
    const d = (await ssm.send(new DescribeDocumentCommand({ Name: 'Broken' }))).Document!;
    expect([d.Status, d.StatusInformation]).toEqual(['Failed', 'step publish: unsupported action']);
  });
});
