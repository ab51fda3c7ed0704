/**
 * Tags given to a creating call are authorized as the tagging action too ("tag on create"; e.g. the EC2 User Guide,
 * "Grant permission to tag resources during creation": "If tags are specified in the resource-creating action, AWS
 * performs additional authorization on the [tagging] action"): SSM CreateDocument / StartAutomationExecution need
 * ssm:AddTagsToResource, Config PutConfigRule needs config:TagResource; without tags they do not. Config's
 * TagResource / ListTagsForResource are authorized on the ResourceArn they name.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  ListTagsForResourceCommand,
  PutConfigRuleCommand
} from '@aws-sdk/client-config-service';
import { CreateDocumentCommand, SSMClient, StartAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { setActionRolePolicy, startSimulator, type PolicyDocument, type Simulator } from '../src/index.js';
import { INSTANT_LIFECYCLES } from './support/instant.js';

const ACCOUNT = '123456789012';
const region = 'us-east-1';
const GATE_ROLE = `arn:aws:iam::${ACCOUNT}:role/compliance-gate`;
const TAGS = [{ Key: 'managed-by', Value: 'compliance-gate' }];
const DOC = JSON.stringify({
  schemaVersion: '0.3',
  mainSteps: [{ name: 'Wait', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }]
});

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to be rejected');
}

const allowAllBut = (...actions: string[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', NotAction: actions, Resource: '*' }]
});

describe('tag on create', () => {
  let sim: Simulator;
  let config: ConfigServiceClient;
  let ssm: SSMClient;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed', options: { ...INSTANT_LIFECYCLES } });
  });
  afterAll(async () => {
    await sim.close();
  });
  // reset() ends the sessions too: a fresh session per test.
  beforeEach(async () => {
    sim.reset();
    const env = sim.env();
    const res = await fetch(`${env['ACTIONS_ID_TOKEN_REQUEST_URL']}&audience=sts.amazonaws.com`, {
      headers: { authorization: `Bearer ${env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']}` }
    });
    const token = ((await res.json()) as { value: string }).value;
    const sts = new STSClient({ region, endpoint: sim.url, maxAttempts: 1 });
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: GATE_ROLE, RoleSessionName: 'tags', WebIdentityToken: token })
    );
    const credentials = {
      accessKeyId: out.Credentials!.AccessKeyId!,
      secretAccessKey: out.Credentials!.SecretAccessKey!,
      sessionToken: out.Credentials!.SessionToken!
    };
    config = new ConfigServiceClient({ region, endpoint: sim.url, credentials, maxAttempts: 1 });
    ssm = new SSMClient({ region, endpoint: sim.url, credentials, maxAttempts: 1 });
  });

  it('ssm:CreateDocument with tags needs ssm:AddTagsToResource on the document; without tags it does not', async () => {
    setActionRolePolicy(sim.state, allowAllBut('ssm:AddTagsToResource'));
    const e = await rejection(
      ssm.send(new CreateDocumentCommand({ Name: 'tagged', Content: DOC, DocumentType: 'Automation', Tags: TAGS }))
    );
    expect(e.name).toBe('AccessDeniedException');
    expect(e.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/compliance-gate/tags is not authorized to perform: ssm:AddTagsToResource on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:document/tagged because no identity-based policy allows the ssm:AddTagsToResource action`
    );
    await ssm.send(new CreateDocumentCommand({ Name: 'untagged', Content: DOC, DocumentType: 'Automation' }));
  });

  it('ssm:StartAutomationExecution with tags needs ssm:AddTagsToResource on automation-execution/*', async () => {
    await ssm.send(new CreateDocumentCommand({ Name: 'doc', Content: DOC, DocumentType: 'Automation' }));
    setActionRolePolicy(sim.state, {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: 'ssm:AddTagsToResource', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'ssm:AddTagsToResource',
          Resource: `arn:aws:ssm:${region}:${ACCOUNT}:document/*`
        }
      ]
    });
    const e = await rejection(ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'doc', Tags: TAGS })));
    expect(e.message).toContain(
      `not authorized to perform: ssm:AddTagsToResource on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:automation-execution/*`
    );
    const started = await ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'doc' }));
    expect(started.AutomationExecutionId).toBeDefined();
  });

  it('config:PutConfigRule with tags needs config:TagResource; Config tagging is authorized on the rule ARN', async () => {
    const rule = {
      ConfigRuleName: 'tagged-rule',
      Source: { Owner: 'AWS' as const, SourceIdentifier: 'S3_BUCKET_LOGGING_ENABLED' },
      Scope: { ComplianceResourceTypes: ['AWS::S3::Bucket'] }
    };
    setActionRolePolicy(sim.state, allowAllBut('config:TagResource'));
    const e = await rejection(config.send(new PutConfigRuleCommand({ ConfigRule: rule, Tags: TAGS })));
    expect(e.message).toContain(
      `not authorized to perform: config:TagResource on resource: arn:aws:config:us-east-1:${ACCOUNT}:config-rule/*`
    );
    await config.send(new PutConfigRuleCommand({ ConfigRule: rule }));
    const arn = (await config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: ['tagged-rule'] })))
      .ConfigRules![0]!.ConfigRuleArn!;
    setActionRolePolicy(sim.state, {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: 'config:ListTagsForResource', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'config:ListTagsForResource',
          Resource: 'arn:aws:config:us-east-1:*:config-rule/other'
        }
      ]
    });
    const denied = await rejection(config.send(new ListTagsForResourceCommand({ ResourceArn: arn })));
    expect(denied.message).toContain(`not authorized to perform: config:ListTagsForResource on resource: ${arn}`);
    setActionRolePolicy(sim.state, {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'config:ListTagsForResource', Resource: arn }]
    });
    await config.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
  });
});
