import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseRunbook } from '../../../src/runbooks/parse.js';
import { iamActionFor, iamPrefix, leastPrivilegePolicy, pascalApi } from '../../../src/runbooks/policy.js';
import type { Runbook } from '../../../src/runbooks/types.js';
import { itWithReference } from '../../helpers/reference.js';

const REFERENCE = '../shared/reference/runbooks';
const EXAMPLES = 'examples/seed/runbooks';
const FIXTURES = 'test/fixtures/runbooks';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:hipaa-alerts';

function load(file: string): Runbook {
  return parseRunbook(readFileSync(file, 'utf8'), file);
}

describe('iamActionFor and friends', () => {
  it.each([
    ['ec2', 'EnableEbsEncryptionByDefault', 'ec2:EnableEbsEncryptionByDefault'],
    ['sns', 'Publish', 'sns:Publish'],
    ['s3', 'PutBucketEncryption', 's3:PutEncryptionConfiguration'],
    ['s3', 'GetBucketEncryption', 's3:GetEncryptionConfiguration'],
    ['s3', 'PutBucketLogging', 's3:PutBucketLogging'],
    ['s3', 'put_bucket_encryption', 's3:PutEncryptionConfiguration'],
    ['s3', 'PutPublicAccessBlock', 's3:PutBucketPublicAccessBlock'],
    ['s3control', 'PutPublicAccessBlock', 's3:PutAccountPublicAccessBlock'],
    ['application-autoscaling', 'RegisterScalableTarget', 'application-autoscaling:RegisterScalableTarget'],
    ['dynamodb', 'update_continuous_backups', 'dynamodb:UpdateContinuousBackups'],
    ['elbv2', 'ModifyLoadBalancerAttributes', 'elasticloadbalancing:ModifyLoadBalancerAttributes'],
    ['stepfunctions', 'StartExecution', 'states:StartExecution'],
    ['lambda', 'Invoke', 'lambda:InvokeFunction'],
    ['KMS', 'EnableKeyRotation', 'kms:EnableKeyRotation'],
    ['rds', 'modify_db_instance', 'rds:ModifyDbInstance'],
    ['cloudtrail', 'StartLogging', 'cloudtrail:StartLogging'],
    ['config', 'PutConfigurationRecorder', 'config:PutConfigurationRecorder'],
    ['iam', 'UpdateAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy']
  ])('%s %s -> %s', (service, api, action) => {
    expect(iamActionFor(service, api)).toBe(action);
  });

  it('maps service names to IAM prefixes and snake_case to PascalCase', () => {
    expect(iamPrefix('efs')).toBe('elasticfilesystem');
    expect(iamPrefix('ec2')).toBe('ec2');
    expect(pascalApi('describe_instances')).toBe('DescribeInstances');
    expect(pascalApi('DescribeInstances')).toBe('DescribeInstances');
    expect(pascalApi('get__weird_')).toBe('GetWeird');
  });
});

describe('leastPrivilegePolicy: the example runbooks', () => {
  it('alerting: sns:Publish on the given topic only', () => {
    const { policy, notes } = leastPrivilegePolicy(load(`${EXAMPLES}/my-hipaa-alerting-runbook.yaml`), {
      TopicArn: TOPIC,
      Message: 'my-bucket'
    });
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sns:Publish'], Resource: [TOPIC] }]
    });
    expect(notes).toEqual([]);
  });

  it('remediation: ec2:EnableEbsEncryptionByDefault on * plus sns:Publish on the topic', () => {
    const { policy, notes } = leastPrivilegePolicy(load(`${EXAMPLES}/my-hipaa-remediation-runbook.yaml`), {
      TopicArn: TOPIC
    });
    expect(policy.Statement).toEqual([
      { Effect: 'Allow', Action: ['ec2:EnableEbsEncryptionByDefault'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['sns:Publish'], Resource: [TOPIC] }
    ]);
    expect(notes).toEqual([]);
  });

  it('without a topic value: sns:Publish on * and a note naming the parameter', () => {
    const { policy, notes } = leastPrivilegePolicy(load(`${EXAMPLES}/my-hipaa-alerting-runbook.yaml`));
    expect(policy.Statement).toEqual([{ Effect: 'Allow', Action: ['sns:Publish'], Resource: ['*'] }]);
    expect(notes).toEqual([
      "step 'PublishAlert' (aws:executeAwsApi): sns:Publish on * because inputs.TopicArn cannot be resolved: " +
        'parameter TopicArn has no value (pass it in the parameter values)'
    ]);
  });
});

describe('leastPrivilegePolicy: the reference runbooks', () => {
  itWithReference('EnableEbsEncryptionByDefault.yaml: both account-level EC2 actions on *', () => {
    const { policy, notes } = leastPrivilegePolicy(load(`${REFERENCE}/EnableEbsEncryptionByDefault.yaml`));
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['ec2:EnableEbsEncryptionByDefault', 'ec2:GetEbsEncryptionByDefault'],
        Resource: ['*']
      }
    ]);
    expect(notes).toEqual([]);
  });

  itWithReference(
    'EnableDefaultEncryptionS3.yaml: s3:PutEncryptionConfiguration on the bucket, once for both branches',
    () => {
      const runbook = load(`${REFERENCE}/EnableDefaultEncryptionS3.yaml`);
      const { policy, notes } = leastPrivilegePolicy(runbook, { BucketName: 'phi-records', AccountId: '123456789012' });
      expect(policy.Statement).toEqual([
        { Effect: 'Allow', Action: ['s3:PutEncryptionConfiguration'], Resource: ['arn:aws:s3:::phi-records'] }
      ]);
      expect(notes).toEqual([]);
      const gov = leastPrivilegePolicy(runbook, { BucketName: 'phi-records' }, { partition: 'aws-us-gov' });
      expect(gov.policy.Statement[0]?.Resource).toEqual(['arn:aws-us-gov:s3:::phi-records']);
      const unknown = leastPrivilegePolicy(runbook);
      expect(unknown.policy.Statement[0]?.Resource).toEqual(['*']);
      expect(unknown.notes).toEqual([
        expect.stringContaining(
          "step 'EncryptWithAES' (aws:executeAwsApi): s3:PutEncryptionConfiguration on * because inputs.Bucket"
        ),
        expect.stringContaining("step 'EncryptWithCMK'")
      ]);
    }
  );

  itWithReference('ConfigureDynamoDBAutoScaling.yaml: application-autoscaling actions, notes for the scripts', () => {
    const { policy, notes } = leastPrivilegePolicy(load(`${REFERENCE}/ConfigureDynamoDBAutoScaling.yaml`), {
      TableId: 'patients'
    });
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['application-autoscaling:PutScalingPolicy', 'application-autoscaling:RegisterScalableTarget'],
        Resource: ['*']
      }
    ]);
    const scriptNotes = notes.filter(n => n.includes('aws:executeScript'));
    expect(scriptNotes).toEqual([
      "step 'CalculateMaxCapacity' (aws:executeScript): the permissions for AWS calls made by the script cannot be derived from the document; add them by hand",
      "step 'StringParamsToInt' (aws:executeScript): the permissions for AWS calls made by the script cannot be derived from the document; add them by hand"
    ]);
    expect(notes.filter(n => n.startsWith('Application Auto Scaling also needs'))).toHaveLength(1);
  });
});

describe('leastPrivilegePolicy: every action it knows', () => {
  const runbook = load(`${FIXTURES}/policy-actions.yaml`);

  it('derives the actions of each Automation action', () => {
    const { policy } = leastPrivilegePolicy(runbook, { InstanceId: 'i-0123456789abcdef0', State: 'stopped' });
    const actions = policy.Statement.flatMap(s => s.Action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'ssm:SendCommand',
        'ec2:StopInstances',
        'ec2:CreateImage',
        'ec2:CopyImage',
        'ec2:DeregisterImage',
        'ec2:CreateTags',
        'ssm:AddTagsToResource',
        'ec2:RunInstances',
        'cloudformation:CreateStack',
        'cloudformation:DeleteStack',
        'ssm:GetParameter',
        'states:StartExecution',
        'states:DescribeExecution',
        'ssm:StartAutomationExecution',
        's3:GetObject',
        's3:PutAccountPublicAccessBlock',
        'elasticloadbalancing:ModifyLoadBalancerAttributes',
        'sns:ListTopics',
        'braket:SearchDevices',
        'ec2:DescribeRegions',
        'sns:Publish'
      ])
    );
    // A known DesiredState grants one change only: State resolved to 'stopped'.
    expect(actions).not.toContain('ec2:TerminateInstances');
    expect(policy.Statement.find(s => s.Action.includes('states:StartExecution'))?.Resource).toEqual([
      'arn:aws:states:us-east-1:123456789012:stateMachine:review'
    ]);
  });

  it('expands a StringList parameter into one resource per value (object ARNs for object APIs)', () => {
    const { policy } = leastPrivilegePolicy(runbook, { Buckets: ['b1', 'b2'] });
    expect(policy.Statement.find(s => s.Action.includes('s3:GetObject'))).toEqual({
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::b1/reports/latest.json', 'arn:aws:s3:::b2/reports/latest.json']
    });
  });

  it('says what it could not derive or narrow', () => {
    const { notes } = leastPrivilegePolicy(runbook);
    expect(notes).toEqual(
      expect.arrayContaining([
        "step 'RunShell' (aws:runCommand): ssm:SendCommand on * (narrow to the document and instance ARNs by hand)",
        "step 'SetState' (aws:changeInstanceState): DesiredState has no known value; start, stop and terminate are all granted",
        "step 'Launch' (aws:runInstances): launching with an instance profile also needs iam:PassRole on its role",
        "step 'Child' (aws:executeAutomation): my-child-runbook runs with its own permissions; derive its policy too",
        "step 'Quantum' (aws:executeAwsApi): service 'braket' is not in the IAM prefix table; assumed prefix 'braket'",
        "step 'Opaque' (aws:executeAwsApi): Service and Api must resolve to one value each to derive a permission; add it by hand",
        expect.stringContaining(
          "step 'PublishToOutput' (aws:executeAwsApi): sns:Publish on * because inputs.TopicArn cannot be resolved: {{ Child.Output }} is a step output"
        ),
        expect.stringContaining(
          "step 'Balancers' (aws:executeAwsApi): elasticloadbalancing:ModifyLoadBalancerAttributes on * (no resource narrowing"
        )
      ])
    );
    // Account-level and Describe/List APIs on * are least privilege already: no note.
    expect(
      notes.some(
        n => n.includes('ListTopics') || n.includes('DescribeRegions') || n.includes('PutAccountPublicAccessBlock')
      )
    ).toBe(false);
    expect(notes.filter(n => n.startsWith("step 'Child'"))).toHaveLength(1);
  });

  it('derives resources from parameters, defaults and globals in valid-full.yaml', () => {
    const { policy, notes } = leastPrivilegePolicy(load(`${FIXTURES}/valid-full.yaml`), {}, { partition: 'aws-cn' });
    const resources = (action: string): string[] | undefined =>
      policy.Statement.find(s => s.Action.includes(action))?.Resource;
    // Parameter defaults resolve; snake_case Api maps to the IAM action.
    expect(resources('s3:GetEncryptionConfiguration')).toEqual(['arn:aws-cn:s3:::audit-logs-bucket']);
    expect(resources('dynamodb:DescribeTable')).toEqual(['arn:aws-cn:dynamodb:*:*:table/patients']);
    expect(resources('lambda:InvokeFunction')).toEqual(['arn:aws-cn:lambda:*:*:function:compliance-check']);
    // Globals become wildcards (partition from the options); a literal ARN stays as is.
    expect(resources('sns:Publish')).toEqual([
      'arn:aws-cn:sns:*:*:approvals',
      'arn:aws:sns:us-east-1:123456789012:compliance'
    ]);
    expect(resources('ec2:StopInstances')).toEqual(['*']);
    expect(notes).toEqual([expect.stringContaining("step 'Summarise' (aws:executeScript)")]);
  });
});

describe('leastPrivilegePolicy: deterministic output', () => {
  it('groups by resource set, sorts actions, resources and statements; repeated calls are equal', () => {
    const runbook = load(`${FIXTURES}/policy-actions.yaml`);
    const first = leastPrivilegePolicy(runbook, { Buckets: ['z', 'a'] });
    expect(leastPrivilegePolicy(runbook, { Buckets: ['z', 'a'] })).toEqual(first);
    for (const s of first.policy.Statement) {
      expect(s.Action).toEqual([...s.Action].sort());
      expect(s.Resource).toEqual([...s.Resource].sort());
    }
    const firsts = first.policy.Statement.map(s => s.Action[0] ?? '');
    expect(firsts).toEqual([...firsts].sort());
    const keys = first.policy.Statement.map(s => JSON.stringify(s.Resource));
    expect(new Set(keys).size).toBe(keys.length);
    expect(JSON.stringify(first.policy)).toBe(
      JSON.stringify(leastPrivilegePolicy(runbook, { Buckets: ['a', 'z'] }).policy)
    );
  });

  it('uses StringList defaults and narrows Lambda functions called through executeAwsApi', () => {
    const text = [
      "schemaVersion: '0.3'",
      'parameters:',
      '  Tables: { type: StringList, default: [t1, t2] }',
      '  Fn: { type: String, default: arn:aws:lambda:us-east-1:123456789012:function:f }',
      'mainSteps:',
      '  - name: Backups',
      '    action: aws:executeAwsApi',
      "    inputs: { Service: dynamodb, Api: UpdateContinuousBackups, TableName: '{{ Tables }}' }",
      '  - name: Config',
      '    action: aws:executeAwsApi',
      "    inputs: { Service: lambda, Api: GetFunctionConfiguration, FunctionName: '{{ Fn }}' }",
      '  - name: Named',
      '    action: aws:executeAwsApi',
      '    inputs: { Service: lambda, Api: get_function, FunctionName: checker }',
      ''
    ].join('\n');
    const { policy, notes } = leastPrivilegePolicy(parseRunbook(text, 'defaults.yaml'));
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:UpdateContinuousBackups'],
        Resource: ['arn:aws:dynamodb:*:*:table/t1', 'arn:aws:dynamodb:*:*:table/t2']
      },
      { Effect: 'Allow', Action: ['lambda:GetFunction'], Resource: ['arn:aws:lambda:*:*:function:checker'] },
      {
        Effect: 'Allow',
        Action: ['lambda:GetFunctionConfiguration'],
        Resource: ['arn:aws:lambda:us-east-1:123456789012:function:f']
      }
    ]);
    expect(notes).toEqual([]);
  });

  it('a resource of * absorbs narrower resources of the same action', () => {
    const text = [
      "schemaVersion: '0.3'",
      'parameters:',
      '  Topic: { type: String }',
      'mainSteps:',
      '  - name: Known',
      '    action: aws:executeAwsApi',
      `    inputs: { Service: sns, Api: Publish, TopicArn: '${TOPIC}', Message: x }`,
      '  - name: Unknown',
      '    action: aws:executeAwsApi',
      "    inputs: { Service: sns, Api: Publish, TopicArn: '{{ Topic }}', Message: x }",
      ''
    ].join('\n');
    const { policy } = leastPrivilegePolicy(parseRunbook(text, 'two.yaml'));
    expect(policy.Statement).toEqual([{ Effect: 'Allow', Action: ['sns:Publish'], Resource: ['*'] }]);
    const both = leastPrivilegePolicy(parseRunbook(text, 'two.yaml'), { Topic: `${TOPIC}-2` });
    expect(both.policy.Statement[0]?.Resource).toEqual([TOPIC, `${TOPIC}-2`]);
  });
});
