import { describe, it, expect, beforeEach } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAutomation, getAutomation, type AutomationExecutionView } from '../src/services/ssm/handlers.js';
import { FakeRuntime, TEST_PRINCIPAL, callSsm, fakeContext, type SsmOutputs } from './support/fake-runtime.js';
import { ssmState } from '../src/services/ssm/state.js';
import { freshState, loadScenario } from '../src/core/scenario.js';
import type { AccountState } from '../src/core/state.js';
import { AwsError } from '../src/core/types.js';
import { remediationServiceRole } from '../src/services/config/remediation.js';
import { describeWithReference, itWithReference, referenceRunbook } from './reference.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const readRunbook = referenceRunbook;

const ACCOUNT = '123456789012';
const ALERT_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-alerting-role`;
const REMEDIATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-remediation-role`;
const GATE_ROLE = `arn:aws:iam::${ACCOUNT}:role/compliance-gate`;
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:my-sns-topic`;

let state: AccountState;
let sim: FakeRuntime;

beforeEach(async () => {
  state = freshState(await loadScenario('seed'));
  // These tests are about runbook semantics: the remediation role may do everything here. The seed's policies (the
  // blog's) are exercised in iam-e2e.test.ts.
  delete state.roles[REMEDIATION_ROLE]!.policies;
  sim = new FakeRuntime();
});

function call<K extends keyof SsmOutputs>(op: K, input: Record<string, unknown>): SsmOutputs[K] {
  return callSsm(fakeContext(state, sim, op), op, input);
}

function expectError(fn: () => unknown, code: string, message?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(AwsError);
  expect((caught as AwsError).code).toBe(code);
  if (message) expect((caught as AwsError).message).toMatch(message);
}

function createDoc(name: string, content: string): void {
  call('CreateDocument', { Name: name, Content: content, DocumentType: 'Automation', DocumentFormat: 'YAML' });
}

function start(name: string, parameters: Record<string, string[]> = {}, extra: Record<string, unknown> = {}): string {
  return call('StartAutomationExecution', { DocumentName: name, Parameters: parameters, ...extra })
    .AutomationExecutionId as string;
}

function get(id: string): AutomationExecutionView {
  return call('GetAutomationExecution', { AutomationExecutionId: id }).AutomationExecution as AutomationExecutionView;
}

function run(name: string, parameters: Record<string, string[]> = {}): AutomationExecutionView {
  const id = start(name, parameters);
  sim.runAll();
  return get(id);
}

const stepNames = (e: AutomationExecutionView): string[] => e.StepExecutions.map(s => s.StepName);

describe('the reference runbooks', () => {
  itWithReference('EnableEbsEncryptionByDefault runs to Success and turns EBS default encryption on', () => {
    createDoc('EnableEbsEncryptionByDefault', readRunbook('EnableEbsEncryptionByDefault.yaml'));
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    const id = start('EnableEbsEncryptionByDefault', { AutomationAssumeRole: [REMEDIATION_ROLE] });
    const pending = get(id);
    expect(pending.AutomationExecutionStatus).toBe('Pending');
    expect(pending.StepExecutions).toEqual([]);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);

    sim.runAll();
    const done = get(id);
    expect(done.AutomationExecutionStatus).toBe('Success');
    expect(done.FailureMessage).toBeUndefined();
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    expect(stepNames(done)).toEqual(['ModifyAccount', 'VerifyEbsEncryptionByDefault']);
    expect(done.StepExecutions.map(s => s.StepStatus)).toEqual(['Success', 'Success']);
    expect(done.StepExecutions[0]!.Action).toBe('aws:executeAwsApi');
    expect(done.StepExecutions[1]!.Action).toBe('aws:assertAwsResourceProperty');
    const response = JSON.parse(done.StepExecutions[0]!.Outputs!.EnableEbsEncryptionByDefaultResponse![0]!);
    expect(response.EbsEncryptionByDefault).toBe(true);
    expect(Object.keys(done.Outputs!)).toEqual(['ModifyAccount.EnableEbsEncryptionByDefaultResponse']);
    expect(done.Parameters).toEqual({ AutomationAssumeRole: [REMEDIATION_ROLE] });
    expect(done.ExecutedBy).toBe(TEST_PRINCIPAL.arn);
    expect(done.ExecutionEndTime).toBeInstanceOf(Date);
    expect(done.DocumentVersion).toBe('1');
  });

  itWithReference('EnableDefaultEncryptionS3 branches to AES256 on the default KmsKeyAlias', () => {
    createDoc('EnableDefaultEncryptionS3', readRunbook('EnableDefaultEncryptionS3.yaml'));
    delete state.resources.s3Buckets['claims-uploads']!.encryption;
    const e = run('EnableDefaultEncryptionS3', {
      AutomationAssumeRole: [REMEDIATION_ROLE],
      BucketName: ['claims-uploads'],
      AccountId: [ACCOUNT]
    });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(stepNames(e)).toEqual(['ChooseEncryptionMethod', 'EncryptWithAES']);
    expect(state.resources.s3Buckets['claims-uploads']!.encryption).toEqual({ sseAlgorithm: 'AES256' });
    expect(e.Parameters.KmsKeyAlias).toEqual(['default-s3-encryption']);
  });

  itWithReference('EnableDefaultEncryptionS3 branches to KMS for another alias', () => {
    createDoc('EnableDefaultEncryptionS3', readRunbook('EnableDefaultEncryptionS3.yaml'));
    const e = run('EnableDefaultEncryptionS3', {
      AutomationAssumeRole: [REMEDIATION_ROLE],
      BucketName: ['claims-uploads'],
      AccountId: [ACCOUNT],
      KmsKeyAlias: ['alias/phi-key']
    });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(stepNames(e)).toEqual(['ChooseEncryptionMethod', 'EncryptWithCMK']);
    expect(state.resources.s3Buckets['claims-uploads']!.encryption).toEqual({
      sseAlgorithm: 'aws:kms',
      kmsKeyId: 'alias/phi-key'
    });
    expect(JSON.parse(e.StepExecutions[1]!.Inputs!.Bucket!)).toBe('claims-uploads');
  });

  itWithReference('EnableDefaultEncryptionS3 fails clearly for a bucket that does not exist', () => {
    createDoc('EnableDefaultEncryptionS3', readRunbook('EnableDefaultEncryptionS3.yaml'));
    const e = run('EnableDefaultEncryptionS3', {
      AutomationAssumeRole: [REMEDIATION_ROLE],
      BucketName: ['no-such-bucket'],
      AccountId: [ACCOUNT]
    });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(
      /Step EncryptWithAES \(aws:executeAwsApi\) failed: .*\(NoSuchBucket\).*PutBucketEncryption/
    );
    expect(e.StepExecutions[1]!.StepStatus).toBe('Failed');
  });

  itWithReference('EnableDefaultEncryptionS3 refuses a bucket name its allowedPattern rejects', () => {
    createDoc('EnableDefaultEncryptionS3', readRunbook('EnableDefaultEncryptionS3.yaml'));
    expectError(
      () =>
        start('EnableDefaultEncryptionS3', {
          AutomationAssumeRole: [REMEDIATION_ROLE],
          BucketName: ['Bad_Bucket'],
          AccountId: [ACCOUNT]
        }),
      'InvalidAutomationExecutionParametersException',
      /BucketName.*Bad_Bucket.*allowed pattern/
    );
  });

  itWithReference('ConfigureDynamoDBAutoScaling fails at its executeScript step, naming it', () => {
    createDoc('ConfigureDynamoDBAutoScaling', readRunbook('ConfigureDynamoDBAutoScaling.yaml'));
    const e = run('ConfigureDynamoDBAutoScaling', {
      TableId: ['orders'],
      MinProvisionedReadCapacity: ['5'],
      TargetReadUtilization: ['70'],
      MinProvisionedWriteCapacity: ['5'],
      TargetWriteUtilization: ['70'],
      AutomationAssumeRole: [REMEDIATION_ROLE]
    });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(stepNames(e)).toEqual(['CalculateMaxCapacity']);
    expect(e.StepExecutions[0]!.StepStatus).toBe('Failed');
    expect(e.StepExecutions[0]!.FailureMessage).toMatch(/aws:executeScript is not implemented/);
    expect(e.FailureMessage).toMatch(/^Step CalculateMaxCapacity \(aws:executeScript\) failed: /);
  });
});

const blogDir = path.join(repo, 'examples/seed/runbooks');
const blogAlerting = path.join(blogDir, 'my-hipaa-alerting-runbook.yaml');
const blogRemediation = path.join(blogDir, 'my-hipaa-remediation-runbook.yaml');
const haveBlog = existsSync(blogAlerting) && existsSync(blogRemediation);

(haveBlog ? describe : describe.skip)("the blog's runbooks (examples/seed/runbooks)", () => {
  it('the alerting runbook publishes the bucket alert as the alerting role', () => {
    createDoc('my-hipaa-alerting-runbook', readFileSync(blogAlerting, 'utf8'));
    const e = run('my-hipaa-alerting-runbook', {
      TopicArn: [TOPIC],
      Message: ['claims-uploads'],
      AutomationAssumeRole: [ALERT_ROLE]
    });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(state.sns.messages).toHaveLength(1);
    const msg = state.sns.messages[0]!;
    expect(msg.topicArn).toBe(TOPIC);
    expect(msg.message).toBe('S3 Bucket claims-uploads server access logging is disabled.');
    expect(msg.publishedBy).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/my-hipaa-alerting-role/${e.AutomationExecutionId}`
    );
    expect(msg.publishedAt).toBe(sim.now().toISOString());
  });

  it('the remediation runbook enables EBS default encryption and tells the topic', () => {
    createDoc('my-hipaa-remediation-runbook', readFileSync(blogRemediation, 'utf8'));
    const e = run('my-hipaa-remediation-runbook', { TopicArn: [TOPIC], AutomationAssumeRole: [REMEDIATION_ROLE] });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    expect(state.sns.messages.map(m => m.message)).toEqual(['EBS encryption is enabled in this account.']);
    expect(e.StepExecutions[0]!.Outputs).toEqual({ EbsEncryptionByDefault: ['true'] });
  });
});

const TWO_STEPS = (onFailure: string, extra = ''): string => `schemaVersion: '0.3'
parameters:
  Bucket:
    type: String
mainSteps:
  - name: CheckLogging
    action: aws:assertAwsResourceProperty
    onFailure: ${onFailure}
${extra}    inputs:
      Service: s3
      Api: GetBucketLogging
      Bucket: '{{ Bucket }}'
      PropertySelector: $.LoggingEnabled.TargetBucket
      DesiredValues: [access-logs]
  - name: EnableVersioning
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: PutBucketVersioning
      Bucket: '{{ Bucket }}'
      VersioningConfiguration:
        Status: Enabled
  - name: Cleanup
    action: aws:executeAwsApi
    inputs:
      Service: ec2
      Api: GetEbsEncryptionByDefault
`;

describe('failures', () => {
  it('a failing step fails the execution with the step name and message', () => {
    createDoc('Check', TWO_STEPS('Abort'));
    const e = run('Check', { Bucket: ['claims-uploads'] });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(stepNames(e)).toEqual(['CheckLogging']);
    expect(e.StepExecutions[0]!.FailureMessage).toMatch(/Assertion failed: \$\.LoggingEnabled\.TargetBucket/);
    expect(e.FailureMessage).toMatch(/Step CheckLogging \(aws:assertAwsResourceProperty\) failed: Assertion failed/);
    expect(state.resources.s3Buckets['claims-uploads']!.versioning).toBeUndefined();
  });

  it('onFailure Continue goes on to the next step and the execution succeeds (step not critical)', () => {
    createDoc('Check', TWO_STEPS('Continue'));
    const e = run('Check', { Bucket: ['claims-uploads'] });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(e.StepExecutions.map(s => [s.StepName, s.StepStatus])).toEqual([
      ['CheckLogging', 'Failed'],
      ['EnableVersioning', 'Success'],
      ['Cleanup', 'Success']
    ]);
    expect(e.StepExecutions[0]!.IsCritical).toBe(false);
    expect(state.resources.s3Buckets['claims-uploads']!.versioning).toBe('Enabled');
  });

  it('onFailure Continue on a critical step goes on but ends Failed', () => {
    createDoc('Check', TWO_STEPS('Continue', '    isCritical: true\n'));
    const e = run('Check', { Bucket: ['claims-uploads'] });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(stepNames(e)).toEqual(['CheckLogging', 'EnableVersioning', 'Cleanup']);
    expect(e.FailureMessage).toMatch(/Step CheckLogging/);
    expect(state.resources.s3Buckets['claims-uploads']!.versioning).toBe('Enabled');
  });

  it('onFailure step:NAME jumps to that step', () => {
    createDoc('Check', TWO_STEPS('step:Cleanup'));
    const e = run('Check', { Bucket: ['claims-uploads'] });
    expect(stepNames(e)).toEqual(['CheckLogging', 'Cleanup']);
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(state.resources.s3Buckets['claims-uploads']!.versioning).toBeUndefined();
  });

  it('an assertion compares the Python text of the value with DesiredValues', () => {
    createDoc(
      'AssertEbs',
      `schemaVersion: '0.3'
mainSteps:
  - name: Verify
    action: aws:assertAwsResourceProperty
    inputs:
      Service: ec2
      Api: GetEbsEncryptionByDefault
      PropertySelector: $.EbsEncryptionByDefault
      DesiredValues: ['True']
`
    );
    const off = run('AssertEbs');
    expect(off.AutomationExecutionStatus).toBe('Failed');
    expect(off.FailureMessage).toMatch(
      /Assertion failed: \$\.EbsEncryptionByDefault is False; expected one of \[True\]/
    );
    state.resources.ebsEncryptionByDefault['us-east-1'] = true;
    expect(run('AssertEbs').AutomationExecutionStatus).toBe('Success');
  });

  it('a passing assertion lets the execution go on', () => {
    createDoc('Check', TWO_STEPS('Abort'));
    const e = run('Check', { Bucket: ['patient-records'] });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(stepNames(e)).toEqual(['CheckLogging', 'EnableVersioning', 'Cleanup']);
  });

  it('retries a step up to maxAttempts', () => {
    createDoc('Check', TWO_STEPS('Abort', '    maxAttempts: 3\n'));
    const e = run('Check', { Bucket: ['claims-uploads'] });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.StepExecutions[0]!.MaxAttempts).toBe(3);
    expect(ssmState(state).executions[e.AutomationExecutionId]!.steps[0]!.attempts).toBe(3);
  });

  it('a retried step can succeed on a later attempt', () => {
    createDoc('Check', TWO_STEPS('Abort', '    maxAttempts: 2\n'));
    const ctx = fakeContext(state, sim);
    const id = startAutomation(ctx, { documentName: 'Check', parameters: { Bucket: ['claims-uploads'] } });
    sim.step(); // begin + first attempt fails
    expect(ssmState(state).executions[id]!.steps[0]!.attempts).toBe(1);
    state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs', targetPrefix: 'c/' };
    sim.runAll();
    expect(getAutomation(ctx, id).AutomationExecutionStatus).toBe('Success');
  });

  it('an API the engine does not implement fails the step, naming the API', () => {
    createDoc(
      'Scale',
      `schemaVersion: '0.3'
mainSteps:
  - name: Register
    action: aws:executeAwsApi
    inputs:
      Service: application-autoscaling
      Api: RegisterScalableTarget
      ResourceId: table/orders
`
    );
    const e = run('Scale');
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(
      /Step Register \(aws:executeAwsApi\) failed: .*application-autoscaling API RegisterScalableTarget/
    );
    expect(e.StepExecutions[0]!.FailureDetails?.FailureType).toBe('UnsupportedApi');
  });

  it('checks API parameters like the SDK does', () => {
    createDoc(
      'BadParams',
      `schemaVersion: '0.3'
mainSteps:
  - name: Log
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: PutBucketLogging
      Bucket: claims-uploads
      Colour: blue
      BucketLoggingStatus:
        LoggingEnabled:
          TargetBucket: access-logs
`
    );
    const e = run('BadParams');
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/Unknown parameter in input: "Colour"/);
    expect(e.FailureMessage).toMatch(
      /Missing required parameter in input: "BucketLoggingStatus.LoggingEnabled.TargetPrefix"/
    );
    expect(state.resources.s3Buckets['claims-uploads']!.logging).toBeUndefined();
  });

  it('fails when a reference cannot be resolved', () => {
    createDoc(
      'Dangling',
      `schemaVersion: '0.3'
mainSteps:
  - name: Publish
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      TopicArn: ${TOPIC}
      Message: '{{ Missing.Output }}'
`
    );
    const e = run('Dangling');
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/Missing\.Output/);
    expect(state.sns.messages).toEqual([]);
  });

  it('publishing to a topic that does not exist fails', () => {
    const e = run('AWS-PublishSNSNotification', {
      TopicArn: [`arn:aws:sns:us-east-1:${ACCOUNT}:nope`],
      Message: ['hi']
    });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/\(NotFound\) when calling the Publish operation: Topic does not exist/);
  });
});

describe('AWS-ConfigureS3BucketLogging', () => {
  const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

  it('turns on server access logging of the bucket, to the target bucket and prefix', () => {
    expect(state.resources.s3Buckets['claims-uploads']!.logging).toBeUndefined();
    const e = run('AWS-ConfigureS3BucketLogging', {
      BucketName: ['claims-uploads'],
      TargetBucket: ['access-logs'],
      TargetPrefix: ['claims/'],
      GrantedPermission: ['FULL_CONTROL'],
      GranteeType: ['Group'],
      GranteeUri: [LOG_DELIVERY],
      AutomationAssumeRole: [REMEDIATION_ROLE]
    });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(stepNames(e)).toEqual(['ChooseGrantee', 'GrantToGroup']);
    expect(state.resources.s3Buckets['claims-uploads']!.logging).toEqual({
      targetBucket: 'access-logs',
      targetPrefix: 'claims/'
    });
  });

  it('fails, changing nothing, when the target bucket does not exist or a required parameter is missing', () => {
    const e = run('AWS-ConfigureS3BucketLogging', {
      BucketName: ['claims-uploads'],
      TargetBucket: ['no-such-bucket'],
      GrantedPermission: ['READ'],
      GranteeType: ['CanonicalUser'],
      GranteeId: ['abc']
    });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/InvalidTargetBucketForLogging/);
    expect(() => start('AWS-ConfigureS3BucketLogging', { BucketName: ['claims-uploads'] })).toThrow(
      /TargetBucket|GrantedPermission|GranteeType/
    );
    expect(state.resources.s3Buckets['claims-uploads']!.logging).toBeUndefined();
  });
});

describe('assume role', () => {
  itWithReference('fails the execution when the role does not exist', () => {
    createDoc('Ebs', readRunbook('EnableEbsEncryptionByDefault.yaml'));
    const e = run('Ebs', { AutomationAssumeRole: [`arn:aws:iam::${ACCOUNT}:role/ghost`] });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/assume role .*role\/ghost does not exist/);
    expect(e.StepExecutions).toEqual([]);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
  });

  itWithReference('fails the execution when the role does not trust Automation', () => {
    createDoc('Ebs', readRunbook('EnableEbsEncryptionByDefault.yaml'));
    const e = run('Ebs', { AutomationAssumeRole: [GATE_ROLE] });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/compliance-gate does not trust Systems Manager Automation/);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
  });

  it('runs as the caller when the document declares an empty assume role', () => {
    const e = run('AWS-PublishSNSNotification', { TopicArn: [TOPIC], Message: ['hello'] });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(state.sns.messages[0]).toMatchObject({ message: 'hello', publishedBy: TEST_PRINCIPAL.arn });
    expect(e.Parameters.AutomationAssumeRole).toEqual(['']);
  });

  it('runs AWS-PublishSNSNotification as the given role', () => {
    const e = run('AWS-PublishSNSNotification', {
      TopicArn: [TOPIC],
      Message: ['hello'],
      AutomationAssumeRole: [ALERT_ROLE]
    });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(state.sns.messages[0]!.publishedBy).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/my-hipaa-alerting-role/${e.AutomationExecutionId}`
    );
  });
});

describeWithReference('StartAutomationExecution checks', () => {
  beforeEach(() => {
    createDoc('Ebs', readRunbook('EnableEbsEncryptionByDefault.yaml'));
    createDoc(
      'Typed',
      `schemaVersion: '0.3'
parameters:
  Count:
    type: Integer
  Enabled:
    type: Boolean
    default: false
  Names:
    type: StringList
    minItems: 1
  Colour:
    type: String
    allowedValues: [red, green]
    default: red
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs:
      Duration: PT1S
`
    );
  });

  it('refuses unknown documents and versions', () => {
    expectError(() => start('Nope'), 'AutomationDefinitionNotFoundException', /Nope/);
    expectError(
      () => start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] }, { DocumentVersion: '9' }),
      'AutomationDefinitionVersionNotFoundException'
    );
    call('CreateDocument', { Name: 'Cmd', Content: JSON.stringify({ schemaVersion: '2.2', mainSteps: [] }) });
    expectError(() => start('Cmd'), 'AutomationDefinitionNotFoundException', /Command document/);
  });

  it('refuses missing, unknown and malformed parameters', () => {
    expectError(
      () => start('Ebs'),
      'InvalidAutomationExecutionParametersException',
      /Missing required parameter: AutomationAssumeRole/
    );
    expectError(
      () => start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE], Extra: ['x'] }),
      'InvalidAutomationExecutionParametersException',
      /"Extra" is not defined/
    );
    expectError(
      () => start('Ebs', { AutomationAssumeRole: ['not-an-arn'] }),
      'InvalidAutomationExecutionParametersException',
      /does not match the allowed pattern/
    );
    expectError(
      () => start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE, REMEDIATION_ROLE] }),
      'InvalidAutomationExecutionParametersException',
      /exactly one value/
    );
    expectError(
      () => start('Typed', { Count: ['x'], Names: ['a'] }),
      'InvalidAutomationExecutionParametersException',
      /not an integer/
    );
    expectError(
      () => start('Typed', { Count: ['1'], Names: [] }),
      'InvalidAutomationExecutionParametersException',
      /at least 1/
    );
    expectError(
      () => start('Typed', { Count: ['1'], Names: ['a'], Colour: ['blue'] }),
      'InvalidAutomationExecutionParametersException',
      /allowed values: red, green/
    );
    expectError(
      () => start('Typed', { Count: ['1'], Names: ['a'], Enabled: ['maybe'] }),
      'InvalidAutomationExecutionParametersException',
      /not true or false/
    );
    expect(Object.keys(ssmState(state).executions)).toEqual([]);
  });

  it('refuses multi-target and interactive executions', () => {
    expectError(
      () => start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] }, { MaxConcurrency: '10' }),
      'InvalidAutomationExecutionParametersException',
      /MaxConcurrency/
    );
    expectError(
      () => start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] }, { Mode: 'Interactive' }),
      'InvalidAutomationExecutionParametersException',
      /Interactive/
    );
  });

  it('answers the same execution for the same ClientToken', () => {
    const a = start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] }, { ClientToken: 'tok-1' });
    const b = start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] }, { ClientToken: 'tok-1' });
    expect(b).toBe(a);
    expectError(
      () => start('Ebs', { AutomationAssumeRole: [ALERT_ROLE] }, { ClientToken: 'tok-1' }),
      'IdempotentParameterMismatch'
    );
  });

  itWithReference('runs a chosen version', () => {
    const v2 = readRunbook('EnableEbsEncryptionByDefault.yaml').replace('timeoutSeconds: 600', 'timeoutSeconds: 300');
    call('UpdateDocument', { Name: 'Ebs', Content: v2, DocumentFormat: 'YAML' });
    const id = start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] }, { DocumentVersion: '$LATEST' });
    sim.runAll();
    const e = get(id);
    expect(e.DocumentVersion).toBe('2');
    expect(e.StepExecutions[0]!.TimeoutSeconds).toBe(300);
  });

  it('GetAutomationExecution refuses unknown ids', () => {
    expectError(() => get('00000000-0000-4000-8000-000000000000'), 'AutomationExecutionNotFoundException');
  });
});

describe('StopAutomationExecution', () => {
  const SLOW = `schemaVersion: '0.3'
mainSteps:
  - name: Wait
    action: aws:sleep
    inputs:
      Duration: PT1H
  - name: Enable
    action: aws:executeAwsApi
    inputs:
      Service: ec2
      Api: EnableEbsEncryptionByDefault
`;

  it('cancels a running execution; later steps never run', () => {
    createDoc('Slow', SLOW);
    const id = start('Slow');
    sim.step();
    expect(get(id).AutomationExecutionStatus).toBe('InProgress');
    expect(get(id).CurrentStepName).toBe('Wait');
    call('StopAutomationExecution', { AutomationExecutionId: id });
    const stopped = get(id);
    expect(stopped.AutomationExecutionStatus).toBe('Cancelled');
    expect(stopped.StepExecutions[0]!.StepStatus).toBe('Cancelled');
    sim.runAll();
    expect(get(id).AutomationExecutionStatus).toBe('Cancelled');
    expect(stepNames(get(id))).toEqual(['Wait']);
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    expectError(
      () => call('StopAutomationExecution', { AutomationExecutionId: id }),
      'InvalidAutomationStatusUpdateException',
      /Cancelled/
    );
  });

  it('cancels a pending execution before any step', () => {
    createDoc('Slow', SLOW);
    const id = start('Slow');
    call('StopAutomationExecution', { AutomationExecutionId: id });
    sim.runAll();
    expect(get(id).AutomationExecutionStatus).toBe('Cancelled');
    expect(get(id).StepExecutions).toEqual([]);
  });

  it('refuses unknown executions', () => {
    expectError(
      () => call('StopAutomationExecution', { AutomationExecutionId: '00000000-0000-4000-8000-000000000000' }),
      'AutomationExecutionNotFoundException'
    );
  });
});

describe('timing on the simulator clock', () => {
  it('aws:sleep waits its Duration on the clock', () => {
    createDoc(
      'Nap',
      `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs:
      Duration: PT5S
`
    );
    const t0 = sim.now().getTime();
    const e = run('Nap');
    expect(e.AutomationExecutionStatus).toBe('Success');
    const s = e.StepExecutions[0]!;
    expect(s.ExecutionEndTime!.getTime() - s.ExecutionStartTime!.getTime()).toBe(5000);
    expect(e.ExecutionEndTime!.getTime() - t0).toBe(5000);
  });

  it('a sleep longer than timeoutSeconds times the execution out', () => {
    createDoc(
      'Nap',
      `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    timeoutSeconds: 2
    inputs:
      Duration: PT10S
`
    );
    const e = run('Nap');
    expect(e.AutomationExecutionStatus).toBe('TimedOut');
    expect(e.StepExecutions[0]!.StepStatus).toBe('TimedOut');
    expect(e.FailureMessage).toMatch(/Step Nap \(aws:sleep\) timed out/);
  });

  const WAIT = (timeout: number): string => `schemaVersion: '0.3'
mainSteps:
  - name: WaitForLogging
    action: aws:waitForAwsResourceProperty
    timeoutSeconds: ${timeout}
    inputs:
      Service: s3
      Api: GetBucketLogging
      Bucket: claims-uploads
      PropertySelector: $.LoggingEnabled.TargetBucket
      DesiredValues:
        - access-logs
`;

  it('aws:waitForAwsResourceProperty polls until the property has a desired value', () => {
    createDoc('Wait', WAIT(60));
    const id = start('Wait');
    sim.advance(10_000);
    expect(get(id).AutomationExecutionStatus).toBe('InProgress');
    state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs', targetPrefix: 'x/' };
    sim.runAll();
    const e = get(id);
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(e.StepExecutions[0]!.ExecutionEndTime!.getTime() - e.StepExecutions[0]!.ExecutionStartTime!.getTime()).toBe(
      11_000
    );
  });

  it('aws:waitForAwsResourceProperty times out', () => {
    createDoc('Wait', WAIT(30));
    const e = run('Wait');
    expect(e.AutomationExecutionStatus).toBe('TimedOut');
    expect(e.FailureMessage).toMatch(/WaitForLogging.*timed out.*after 30 seconds/);
  });

  itWithReference('spaces steps by automationStepDelayMs', () => {
    sim = new FakeRuntime({ automationStepDelayMs: 250 });
    createDoc('Ebs', readRunbook('EnableEbsEncryptionByDefault.yaml'));
    const t0 = sim.now().getTime();
    const e = run('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(sim.scheduledDelays).toEqual([250, 250]);
    expect(e.StepExecutions[0]!.ExecutionStartTime!.getTime() - t0).toBe(250);
    expect(e.StepExecutions[1]!.ExecutionStartTime!.getTime() - t0).toBe(500);
  });

  it('aws:sleep waits until a Timestamp', () => {
    const until = new Date(sim.now().getTime() + 42_000).toISOString();
    createDoc(
      'Until',
      `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs:
      Timestamp: '${until}'
`
    );
    const e = run('Until');
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(e.ExecutionEndTime!.toISOString()).toBe(until);
  });

  it.each([
    ['Duration: soon', /Duration soon is not an ISO 8601 duration/],
    ['Duration: P8D', /more than 604800 seconds/],
    ['Seconds: 5', /needs a Duration/]
  ])('aws:sleep with %s fails the step', (input, message) => {
    createDoc(
      'BadNap',
      `schemaVersion: '0.3'\nmainSteps:\n  - name: Nap\n    action: aws:sleep\n    inputs:\n      ${input}\n`
    );
    const e = run('BadNap');
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(message);
  });

  itWithReference('refuses a malformed step delay option', () => {
    sim = new FakeRuntime({ automationStepDelayMs: 'soon' });
    createDoc('Ebs', readRunbook('EnableEbsEncryptionByDefault.yaml'));
    expect(() => start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] })).toThrow(/automationStepDelayMs/);
  });
});

describe('values, branches and outputs', () => {
  it('substitutes parameters, step outputs and global and automation variables', () => {
    createDoc(
      'Vars',
      `schemaVersion: '0.3'
parameters:
  Topic:
    type: String
  Buckets:
    type: StringList
    default: [a, b]
outputs:
  - Read.Flag
mainSteps:
  - name: Read
    action: aws:executeAwsApi
    inputs:
      Service: ec2
      Api: GetEbsEncryptionByDefault
    outputs:
      - Name: Flag
        Selector: $.EbsEncryptionByDefault
        Type: Boolean
      - Name: Raw
        Selector: $
        Type: StringMap
  - name: Tell
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      TopicArn: '{{ Topic }}'
      Subject: 'run {{automation:EXECUTION_ID}}'
      Message: '{{ global:ACCOUNT_ID }}/{{ global:REGION }} flag={{ Read.Flag }} buckets={{ Buckets }}'
`
    );
    const e = run('Vars', { Topic: [TOPIC] });
    expect(e.AutomationExecutionStatus).toBe('Success');
    const msg = state.sns.messages[0]!;
    expect(msg.message).toBe(`${ACCOUNT}/us-east-1 flag=false buckets=["a","b"]`);
    expect(msg.subject).toBe(`run ${e.AutomationExecutionId}`);
    expect(e.Outputs).toEqual({ 'Read.Flag': ['false'] });
    expect(e.Parameters.Buckets).toEqual(['a', 'b']);
    expect(e.StepExecutions[0]!.Outputs!.Flag).toEqual(['false']);
    expect(JSON.parse(e.StepExecutions[1]!.Response!).MessageId).toBe(msg.messageId);
  });

  it('evaluates And, Or, Not, numeric and boolean choices, and falls through without a Default', () => {
    const doc = (variable: string): string => `schemaVersion: '0.3'
parameters:
  N:
    type: Integer
  Flag:
    type: Boolean
mainSteps:
  - name: Choose
    action: aws:branch
    inputs:
      Choices:
        - NextStep: Big
          And:
            - Variable: '{{ N }}'
              NumericGreater: 10
            - Not:
                Variable: '{{ Flag }}'
                BooleanEquals: true
        - NextStep: Exact
          Or:
            - Variable: '{{ N }}'
              NumericEquals: 5
            - Variable: '${variable}'
              StartsWith: zzz
  - name: Fallthrough
    action: aws:sleep
    isEnd: true
    inputs:
      Duration: PT1S
  - name: Big
    action: aws:sleep
    isEnd: true
    inputs:
      Duration: PT1S
  - name: Exact
    action: aws:sleep
    isEnd: true
    inputs:
      Duration: PT1S
`;
    createDoc('Branchy', doc('{{ global:REGION }}'));
    expect(stepNames(run('Branchy', { N: ['11'], Flag: ['false'] }))).toEqual(['Choose', 'Big']);
    expect(stepNames(run('Branchy', { N: ['11'], Flag: ['true'] }))).toEqual(['Choose', 'Fallthrough']);
    expect(stepNames(run('Branchy', { N: ['5'], Flag: ['true'] }))).toEqual(['Choose', 'Exact']);
    expect(stepNames(run('Branchy', { N: ['1'], Flag: ['true'] }))).toEqual(['Choose', 'Fallthrough']);
  });

  it('fails a branch whose choice compares a non-number numerically', () => {
    createDoc(
      'BadBranch',
      `schemaVersion: '0.3'
parameters:
  S:
    type: String
mainSteps:
  - name: Choose
    action: aws:branch
    inputs:
      Choices:
        - NextStep: Done
          Variable: '{{ S }}'
          NumericEquals: 1
  - name: Done
    action: aws:sleep
    inputs:
      Duration: PT1S
`
    );
    const e = run('BadBranch', { S: ['abc'] });
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/NumericEquals.*"abc" is not a number/);
  });

  it('updates variables with aws:updateVariable', () => {
    createDoc(
      'Vars2',
      `schemaVersion: '0.3'
variables:
  Count:
    type: Integer
    default: 1
mainSteps:
  - name: Bump
    action: aws:updateVariable
    inputs:
      Name: variable:Count
      Value: 7
  - name: Tell
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      TopicArn: ${TOPIC}
      Message: 'count={{ variable:Count }}'
`
    );
    const e = run('Vars2');
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(state.sns.messages[0]!.message).toBe('count=7');
    expect(e.Variables).toEqual({ Count: ['7'] });
  });

  it('fails aws:updateVariable on an undeclared variable', () => {
    createDoc(
      'Undeclared',
      `schemaVersion: '0.3'
mainSteps:
  - name: Bump
    action: aws:updateVariable
    inputs:
      Name: variable:Nope
      Value: 1
`
    );
    const e = run('Undeclared');
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/Step Bump \(aws:updateVariable\) failed: Name "variable:Nope"/);
  });

  it('fails an execution whose assume role cannot be resolved', () => {
    createDoc(
      'RoleRef',
      `schemaVersion: '0.3'
assumeRole: '{{ MissingRole }}'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs:
      Duration: PT1S
`
    );
    const e = run('RoleRef');
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/assume role .*cannot be resolved.*MissingRole/);
  });

  it('fails an output whose value does not fit its type', () => {
    createDoc(
      'BadOutput',
      `schemaVersion: '0.3'
mainSteps:
  - name: Read
    action: aws:executeAwsApi
    inputs:
      Service: ec2
      Api: GetEbsEncryptionByDefault
    outputs:
      - Name: Flag
        Selector: $.EbsEncryptionByDefault
        Type: Integer
`
    );
    const e = run('BadOutput');
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.FailureMessage).toMatch(/output Flag .*cannot be converted to Integer/);
  });

  it('changes S3 logging and versioning through executeAwsApi', () => {
    createDoc(
      'S3Ops',
      `schemaVersion: '0.3'
mainSteps:
  - name: Log
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: PutBucketLogging
      Bucket: claims-uploads
      BucketLoggingStatus:
        LoggingEnabled:
          TargetBucket: access-logs
          TargetPrefix: claims-uploads/
  - name: Check
    action: aws:assertAwsResourceProperty
    inputs:
      Service: s3
      Api: GetBucketLogging
      Bucket: claims-uploads
      PropertySelector: $.LoggingEnabled.TargetPrefix
      DesiredValues: [claims-uploads/]
  - name: Version
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: put_bucket_versioning
      Bucket: claims-uploads
      VersioningConfiguration: { Status: Suspended }
  - name: Encryption
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: GetBucketEncryption
      Bucket: claims-uploads
    outputs:
      - Name: Algorithm
        Selector: $.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm
        Type: String
`
    );
    const e = run('S3Ops');
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(state.resources.s3Buckets['claims-uploads']).toMatchObject({
      logging: { targetBucket: 'access-logs', targetPrefix: 'claims-uploads/' },
      versioning: 'Suspended'
    });
    expect(e.StepExecutions[3]!.Outputs).toEqual({ Algorithm: ['AES256'] });
  });
});

describeWithReference('DescribeAutomationExecutions and step executions', () => {
  beforeEach(() => {
    createDoc('Ebs', readRunbook('EnableEbsEncryptionByDefault.yaml'));
  });

  it('filters by document name prefix, status and id, newest first', () => {
    const ok = start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] });
    sim.runAll();
    sim.advance(1000);
    const failed = start('Ebs', { AutomationAssumeRole: [GATE_ROLE] });
    sim.runAll();
    sim.advance(1000);
    const sns = start('AWS-PublishSNSNotification', { TopicArn: [TOPIC], Message: ['m'] });
    const list = (filters: unknown[]): string[] =>
      (
        call('DescribeAutomationExecutions', { Filters: filters }).AutomationExecutionMetadataList as {
          AutomationExecutionId: string;
        }[]
      ).map(m => m.AutomationExecutionId);
    expect(list([])).toEqual([sns, failed, ok]);
    expect(list([{ Key: 'DocumentNamePrefix', Values: ['Eb'] }])).toEqual([failed, ok]);
    expect(list([{ Key: 'ExecutionStatus', Values: ['Failed'] }])).toEqual([failed]);
    expect(list([{ Key: 'ExecutionStatus', Values: ['Pending'] }])).toEqual([sns]);
    expect(list([{ Key: 'ExecutionId', Values: [ok] }])).toEqual([ok]);
    const meta = (
      call('DescribeAutomationExecutions', { Filters: [{ Key: 'ExecutionId', Values: [failed] }] })
        .AutomationExecutionMetadataList as Record<string, unknown>[]
    )[0]!;
    expect(meta).toMatchObject({
      DocumentName: 'Ebs',
      AutomationExecutionStatus: 'Failed',
      Mode: 'Auto',
      AutomationType: 'Local'
    });
    expect(meta.FailureMessage).toMatch(/compliance-gate/);
    const page1 = call('DescribeAutomationExecutions', { MaxResults: 2 });
    expect(page1.AutomationExecutionMetadataList).toHaveLength(2);
    const page2 = call('DescribeAutomationExecutions', { MaxResults: 2, NextToken: page1.NextToken });
    expect(page2.AutomationExecutionMetadataList).toHaveLength(1);
  });

  it('refuses bad filters', () => {
    expectError(
      () => call('DescribeAutomationExecutions', { Filters: [{ Key: 'ExecutionStatus', Values: ['Sleeping'] }] }),
      'InvalidFilterValue'
    );
    expectError(
      () => call('DescribeAutomationExecutions', { Filters: [{ Key: 'OpsItemId', Values: ['oi-1'] }] }),
      'InvalidFilterKey'
    );
  });

  it('describes step executions with filters', () => {
    const id = start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] });
    sim.runAll();
    const all = call('DescribeAutomationStepExecutions', { AutomationExecutionId: id }).StepExecutions as {
      StepName: string;
    }[];
    expect(all.map(s => s.StepName)).toEqual(['ModifyAccount', 'VerifyEbsEncryptionByDefault']);
    const one = call('DescribeAutomationStepExecutions', {
      AutomationExecutionId: id,
      Filters: [{ Key: 'Action', Values: ['aws:assertAwsResourceProperty'] }]
    }).StepExecutions as { StepName: string }[];
    expect(one.map(s => s.StepName)).toEqual(['VerifyEbsEncryptionByDefault']);
    const reversed = call('DescribeAutomationStepExecutions', { AutomationExecutionId: id, ReverseOrder: true })
      .StepExecutions as { StepName: string }[];
    expect(reversed.map(s => s.StepName)).toEqual(['VerifyEbsEncryptionByDefault', 'ModifyAccount']);
  });

  it('tags executions', () => {
    const id = start('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] }, { Tags: [{ Key: 'rule', Value: 'ebs' }] });
    call('AddTagsToResource', { ResourceType: 'Automation', ResourceId: id, Tags: [{ Key: 'run', Value: '1' }] });
    expect(call('ListTagsForResource', { ResourceType: 'Automation', ResourceId: id }).TagList).toEqual([
      { Key: 'rule', Value: 'ebs' },
      { Key: 'run', Value: '1' }
    ]);
    const tagged = call('DescribeAutomationExecutions', { Filters: [{ Key: 'TagKey', Values: ['rule'] }] })
      .AutomationExecutionMetadataList as unknown[];
    expect(tagged).toHaveLength(1);
  });
});

describe('startAutomation / getAutomation (for the Config remediation engine)', () => {
  itWithReference('starts an execution, reports it and calls onFinish once at the end', () => {
    createDoc('Ebs', readRunbook('EnableEbsEncryptionByDefault.yaml'));
    const ctx = { ...fakeContext(state, sim), service: 'config' as const };
    const finished: AutomationExecutionView[] = [];
    const id = startAutomation(ctx, {
      documentName: 'Ebs',
      parameters: { AutomationAssumeRole: [REMEDIATION_ROLE] },
      executedBy: remediationServiceRole(ACCOUNT),
      onFinish: e => finished.push(e)
    });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(getAutomation(ctx, id).AutomationExecutionStatus).toBe('Pending');
    sim.runAll();
    expect(finished).toHaveLength(1);
    expect(finished[0]!.AutomationExecutionStatus).toBe('Success');
    expect(getAutomation(ctx, id).ExecutedBy).toBe(remediationServiceRole(ACCOUNT));
    expect(state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
  });

  it('throws the modelled errors', () => {
    const ctx = fakeContext(state, sim);
    expectError(
      () => startAutomation(ctx, { documentName: 'Missing', parameters: {} }),
      'AutomationDefinitionNotFoundException'
    );
    expectError(() => getAutomation(ctx, 'nope'), 'AutomationExecutionNotFoundException');
  });

  itWithReference('keeps the state JSON-serialisable', () => {
    createDoc('Ebs', readRunbook('EnableEbsEncryptionByDefault.yaml'));
    run('Ebs', { AutomationAssumeRole: [REMEDIATION_ROLE] });
    const copy = JSON.parse(JSON.stringify(state.ssm)) as typeof state.ssm;
    expect(copy).toEqual(state.ssm);
  });
});

describe("AWS's Java allowedPattern and $-less selectors", () => {
  const DOC = `schemaVersion: '0.3'
parameters:
  Expected:
    type: String
    allowedPattern: '^(?i:true|false)$'
mainSteps:
  - name: Read
    action: aws:executeAwsApi
    inputs:
      Service: ec2
      Api: GetEbsEncryptionByDefault
    outputs:
      - Name: Enabled
        Selector: EbsEncryptionByDefault
        Type: Boolean
  - name: Verify
    action: aws:assertAwsResourceProperty
    inputs:
      Service: ec2
      Api: GetEbsEncryptionByDefault
      PropertySelector: EbsEncryptionByDefault
      DesiredValues: ['{{ Expected }}']
`;

  it('accepts (?i:...) at creation, checks values with it, and reads selectors without $', () => {
    createDoc('JavaStyle', DOC);
    state.resources.ebsEncryptionByDefault['us-east-1'] = true;
    const e = run('JavaStyle', { Expected: ['True'] });
    expect(e.AutomationExecutionStatus).toBe('Success');
    expect(e.StepExecutions[0]!.Outputs).toEqual({ Enabled: ['true'] });
    expectError(
      () => start('JavaStyle', { Expected: ['yes'] }),
      'InvalidAutomationExecutionParametersException',
      /does not match the allowed pattern/
    );
  });
});
