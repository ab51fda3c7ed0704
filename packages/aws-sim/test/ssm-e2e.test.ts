import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AddTagsToResourceCommand,
  CreateDocumentCommand,
  DeleteDocumentCommand,
  DescribeAutomationExecutionsCommand,
  DescribeDocumentCommand,
  GetAutomationExecutionCommand,
  GetDocumentCommand,
  ListTagsForResourceCommand,
  SSMClient,
  StartAutomationExecutionCommand,
  StopAutomationExecutionCommand,
  UpdateDocumentCommand,
  UpdateDocumentDefaultVersionCommand,
  paginateListDocuments,
  type AutomationExecution
} from '@aws-sdk/client-ssm';
import { startSimulator, type Simulator } from '../src/index.js';
import { setRolePolicy } from '../src/core/iam/authorize.js';
import { itWithReference, referenceRunbook } from './reference.js';
import { INSTANT_LIFECYCLES } from './support/instant.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const runbook = referenceRunbook;
const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

const ACCOUNT = '123456789012';
const REMEDIATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-remediation-role`;
const ALERT_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-alerting-role`;
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:my-sns-topic`;

let sim: Simulator;
let ssm: SSMClient;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed', options: { ...INSTANT_LIFECYCLES } });
  ssm = new SSMClient({ region: 'us-east-1', endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 });
});

afterAll(async () => {
  ssm.destroy();
  await sim.close();
});

beforeEach(() => {
  sim.reset();
});

async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}

/** Runs every task that is due now (0 ms step delays), then reads the execution. */
async function settle(id: string): Promise<AutomationExecution> {
  sim.advanceClock(0);
  const out = await ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }));
  return out.AutomationExecution!;
}

async function createRunbook(name: string, content: string): Promise<void> {
  await ssm.send(
    new CreateDocumentCommand({ Name: name, Content: content, DocumentType: 'Automation', DocumentFormat: 'YAML' })
  );
}

describe('SSM documents through @aws-sdk/client-ssm', () => {
  itWithReference('creates, describes, updates and reads documents', async () => {
    const content = runbook('EnableEbsEncryptionByDefault.yaml');
    const created = await ssm.send(
      new CreateDocumentCommand({
        Name: 'EnableEbsEncryptionByDefault',
        Content: content,
        DocumentType: 'Automation',
        DocumentFormat: 'YAML',
        Tags: [{ Key: 'managed-by', Value: 'compliance-gate' }]
      })
    );
    expect(created.DocumentDescription?.Hash).toBe(sha256(content));
    expect(created.DocumentDescription?.CreatedDate).toBeInstanceOf(Date);

    const described = await ssm.send(new DescribeDocumentCommand({ Name: 'EnableEbsEncryptionByDefault' }));
    expect(described.Document).toMatchObject({
      Hash: sha256(content),
      HashType: 'Sha256',
      Status: 'Active',
      DocumentVersion: '1',
      SchemaVersion: '0.3',
      Owner: ACCOUNT,
      Tags: [{ Key: 'managed-by', Value: 'compliance-gate' }]
    });
    expect(described.Document?.Parameters?.map(p => p.Name)).toEqual(['AutomationAssumeRole']);

    const v2 = content.replace('timeoutSeconds: 600', 'timeoutSeconds: 300');
    const updated = await ssm.send(
      new UpdateDocumentCommand({
        Name: 'EnableEbsEncryptionByDefault',
        Content: v2,
        DocumentFormat: 'YAML',
        DocumentVersion: '$LATEST'
      })
    );
    expect(updated.DocumentDescription?.DocumentVersion).toBe('2');
    const dup = await errorOf(
      ssm.send(new UpdateDocumentCommand({ Name: 'EnableEbsEncryptionByDefault', Content: v2, DocumentFormat: 'YAML' }))
    );
    expect(dup.name).toBe('DuplicateDocumentContent');

    await ssm.send(
      new UpdateDocumentDefaultVersionCommand({ Name: 'EnableEbsEncryptionByDefault', DocumentVersion: '2' })
    );
    const got = await ssm.send(new GetDocumentCommand({ Name: 'EnableEbsEncryptionByDefault' }));
    expect(got.Content).toBe(v2);
    expect(got.DocumentVersion).toBe('2');

    await ssm.send(
      new AddTagsToResourceCommand({
        ResourceType: 'Document',
        ResourceId: 'EnableEbsEncryptionByDefault',
        Tags: [{ Key: 'x', Value: 'y' }]
      })
    );
    const tags = await ssm.send(
      new ListTagsForResourceCommand({ ResourceType: 'Document', ResourceId: 'EnableEbsEncryptionByDefault' })
    );
    expect(tags.TagList?.map(t => t.Key)).toEqual(['managed-by', 'x']);

    await ssm.send(new DeleteDocumentCommand({ Name: 'EnableEbsEncryptionByDefault' }));
    const gone = await errorOf(ssm.send(new DescribeDocumentCommand({ Name: 'EnableEbsEncryptionByDefault' })));
    expect(gone.name).toBe('InvalidDocument');
  });

  itWithReference('answers the modelled errors', async () => {
    const reserved = await errorOf(
      ssm.send(
        new CreateDocumentCommand({
          Name: 'AWS-Mine',
          Content: runbook('EnableEbsEncryptionByDefault.yaml'),
          DocumentType: 'Automation',
          DocumentFormat: 'YAML'
        })
      )
    );
    expect(reserved.name).toBe('ValidationException');
    const invalid = await errorOf(
      ssm.send(
        new CreateDocumentCommand({
          Name: 'Broken',
          Content: 'schemaVersion: "0.3"',
          DocumentType: 'Automation',
          DocumentFormat: 'YAML'
        })
      )
    );
    expect(invalid.name).toBe('InvalidDocumentContent');
    expect(invalid.message).toMatch(/mainSteps/);
  });

  itWithReference('pages ListDocuments with the SDK paginator', async () => {
    for (const n of ['A1', 'A2', 'A3']) {
      await createRunbook(
        `Doc-${n}`,
        runbook('EnableEbsEncryptionByDefault.yaml').replace('timeoutSeconds: 600', `timeoutSeconds: 60${n[1]}`)
      );
    }
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListDocuments(
      { client: ssm, pageSize: 2 },
      { Filters: [{ Key: 'Owner', Values: ['Self'] }] }
    )) {
      pages += 1;
      names.push(...(page.DocumentIdentifiers ?? []).map(d => d.Name!));
    }
    expect(names).toEqual(['Doc-A1', 'Doc-A2', 'Doc-A3']);
    expect(pages).toBe(2);
  });
});

describe('Automation through @aws-sdk/client-ssm', () => {
  itWithReference('runs EnableEbsEncryptionByDefault to Success and changes the account', async () => {
    await createRunbook('EnableEbsEncryptionByDefault', runbook('EnableEbsEncryptionByDefault.yaml'));
    // The permissions the runbook's steps need (the seed's blog policy lacks ec2:GetEbsEncryptionByDefault).
    setRolePolicy(sim.state, 'my-hipaa-remediation-role', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ec2:EnableEbsEncryptionByDefault', 'ec2:GetEbsEncryptionByDefault'],
          Resource: '*'
        }
      ]
    });
    const { AutomationExecutionId: id } = await ssm.send(
      new StartAutomationExecutionCommand({
        DocumentName: 'EnableEbsEncryptionByDefault',
        Parameters: { AutomationAssumeRole: [REMEDIATION_ROLE] }
      })
    );
    const e = await settle(id!);
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(e.StepExecutions?.map(s => [s.StepName, s.StepStatus])).toEqual([
      ['ModifyAccount', 'Success'],
      ['VerifyEbsEncryptionByDefault', 'Success']
    ]);
    expect(e.ExecutionStartTime).toBeInstanceOf(Date);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);

    const listed = await ssm.send(
      new DescribeAutomationExecutionsCommand({ Filters: [{ Key: 'ExecutionId', Values: [id!] }] })
    );
    expect(listed.AutomationExecutionMetadataList?.[0]?.AutomationExecutionStatus).toBe('Success');
  });

  itWithReference('fails the DynamoDB runbook at its executeScript step', async () => {
    await createRunbook('ConfigureDynamoDBAutoScaling', runbook('ConfigureDynamoDBAutoScaling.yaml'));
    const { AutomationExecutionId: id } = await ssm.send(
      new StartAutomationExecutionCommand({
        DocumentName: 'ConfigureDynamoDBAutoScaling',
        Parameters: {
          TableId: ['orders'],
          MinProvisionedReadCapacity: ['5'],
          TargetReadUtilization: ['70'],
          MinProvisionedWriteCapacity: ['5'],
          TargetWriteUtilization: ['70'],
          AutomationAssumeRole: [REMEDIATION_ROLE]
        }
      })
    );
    const e = await settle(id!);
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/CalculateMaxCapacity.*aws:executeScript/);
    expect(e.StepExecutions?.[0]?.FailureDetails?.FailureType).toBe('UnsupportedAction');
  });

  it('runs AWS-PublishSNSNotification as the alerting role', async () => {
    const { AutomationExecutionId: id } = await ssm.send(
      new StartAutomationExecutionCommand({
        DocumentName: 'AWS-PublishSNSNotification',
        Parameters: { TopicArn: [TOPIC], Message: ['hello from automation'], AutomationAssumeRole: [ALERT_ROLE] }
      })
    );
    const e = await settle(id!);
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(sim.state.sns.messages.map(m => [m.topicArn, m.message])).toEqual([[TOPIC, 'hello from automation']]);
  });

  itWithReference('answers parameter and definition errors with the modelled exceptions', async () => {
    const notFound = await errorOf(
      ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'Nope', Parameters: { A: ['b'] } }))
    );
    expect(notFound.name).toBe('AutomationDefinitionNotFoundException');
    await createRunbook('EnableEbsEncryptionByDefault', runbook('EnableEbsEncryptionByDefault.yaml'));
    const bad = await errorOf(
      ssm.send(
        new StartAutomationExecutionCommand({
          DocumentName: 'EnableEbsEncryptionByDefault',
          Parameters: { AutomationAssumeRole: ['not-a-role'] }
        })
      )
    );
    expect(bad.name).toBe('InvalidAutomationExecutionParametersException');
    expect(bad.message).toMatch(/AutomationAssumeRole/);
    const missing = await errorOf(
      ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: '00000000-0000-4000-8000-000000000000' }))
    );
    expect(missing.name).toBe('AutomationExecutionNotFoundException');
  });

  it('stops a sleeping execution', async () => {
    await createRunbook(
      'Sleepy',
      `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs:
      Duration: PT30M
  - name: Enable
    action: aws:executeAwsApi
    inputs:
      Service: ec2
      Api: EnableEbsEncryptionByDefault
`
    );
    const { AutomationExecutionId: id } = await ssm.send(
      new StartAutomationExecutionCommand({ DocumentName: 'Sleepy' })
    );
    expect((await settle(id!)).AutomationExecutionStatus).toBe('InProgress');
    await ssm.send(new StopAutomationExecutionCommand({ AutomationExecutionId: id }));
    sim.advanceClock(3600);
    const e = await settle(id!);
    expect(e.AutomationExecutionStatus).toBe('Cancelled');
    expect(e.StepExecutions?.map(s => s.StepName)).toEqual(['Nap']);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    expect(sim.scheduledTaskErrors()).toEqual([]);
  });

  const blog = path.join(repo, 'examples/seed/runbooks/my-hipaa-alerting-runbook.yaml');
  (existsSync(blog) ? it : it.skip)("runs the blog's alerting runbook end to end", async () => {
    await createRunbook('my-hipaa-alerting-runbook', readFileSync(blog, 'utf8'));
    const { AutomationExecutionId: id } = await ssm.send(
      new StartAutomationExecutionCommand({
        DocumentName: 'my-hipaa-alerting-runbook',
        Parameters: { TopicArn: [TOPIC], Message: ['claims-uploads'], AutomationAssumeRole: [ALERT_ROLE] }
      })
    );
    const e = await settle(id!);
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(sim.state.sns.messages.map(m => m.message)).toEqual([
      'S3 Bucket claims-uploads server access logging is disabled.'
    ]);
  });
});
