/**
 * Derives the least-privilege IAM policy a runbook's assume role needs, from its steps, so users stop hand-writing
 * policies. Pure and deterministic: statements are grouped by resource set, actions and resources sorted. What cannot
 * be derived (scripts, run-time values) is said in `notes` rather than guessed.
 */
import { AWS_API_ACTIONS } from './actions.js';
import { allSteps, scanTemplate } from './parse.js';
import type { DerivedPolicy, PolicyStatement, Runbook, RunbookStep } from './types.js';

/** Values for the runbook's parameters (as they would be passed to StartAutomationExecution). */
type ParameterValues = Readonly<Record<string, string | readonly string[]>>;

interface PolicyOptions {
  /** ARN partition for derived ARNs and `{{global:AWS_PARTITION}}`. Default `aws`. */
  partition?: string;
}

/** SSM/boto3 service names whose IAM prefix differs from the name. Others use the name itself. */
const IAM_PREFIX: Readonly<Record<string, string>> = {
  elb: 'elasticloadbalancing',
  elbv2: 'elasticloadbalancing',
  stepfunctions: 'states',
  opensearch: 'es',
  s3control: 's3',
  efs: 'elasticfilesystem',
  emr: 'elasticmapreduce',
  apigatewayv2: 'apigateway',
  sesv2: 'ses',
  docdb: 'rds',
  neptune: 'rds',
  resourcegroupstaggingapi: 'tag',
  opensearchserverless: 'aoss',
  'timestream-write': 'timestream',
  'timestream-query': 'timestream',
  'cognito-identity': 'cognito-identity',
  'cognito-idp': 'cognito-idp'
};

/** Services known to the mapping (no note when one of these is used). */
const KNOWN_SERVICES: ReadonlySet<string> = new Set([
  ...Object.keys(IAM_PREFIX),
  'acm',
  'apigateway',
  'application-autoscaling',
  'athena',
  'autoscaling',
  'backup',
  'cloudformation',
  'cloudfront',
  'cloudtrail',
  'cloudwatch',
  'codebuild',
  'config',
  'dax',
  'dynamodb',
  'ec2',
  'ecr',
  'ecs',
  'eks',
  'elasticache',
  'es',
  'events',
  'firehose',
  'glue',
  'guardduty',
  'iam',
  'kafka',
  'kinesis',
  'kms',
  'lambda',
  'logs',
  'mq',
  'network-firewall',
  'organizations',
  'rds',
  'redshift',
  'route53',
  's3',
  'sagemaker',
  'secretsmanager',
  'securityhub',
  'ses',
  'sns',
  'sqs',
  'ssm',
  'sts',
  'wafv2',
  'workspaces'
]);

/** API operations whose IAM action name differs from the operation name, by IAM prefix. */
const ACTION_EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  s3: {
    PutBucketEncryption: 'PutEncryptionConfiguration',
    GetBucketEncryption: 'GetEncryptionConfiguration',
    DeleteBucketEncryption: 'PutEncryptionConfiguration',
    PutBucketLogging: 'PutBucketLogging',
    GetBucketLogging: 'GetBucketLogging',
    PutPublicAccessBlock: 'PutBucketPublicAccessBlock',
    GetPublicAccessBlock: 'GetBucketPublicAccessBlock',
    DeletePublicAccessBlock: 'PutBucketPublicAccessBlock',
    PutBucketLifecycleConfiguration: 'PutLifecycleConfiguration',
    GetBucketLifecycleConfiguration: 'GetLifecycleConfiguration',
    DeleteBucketLifecycle: 'PutLifecycleConfiguration',
    PutBucketReplication: 'PutReplicationConfiguration',
    GetBucketReplication: 'GetReplicationConfiguration',
    DeleteBucketReplication: 'PutReplicationConfiguration',
    PutObjectLockConfiguration: 'PutBucketObjectLockConfiguration',
    GetObjectLockConfiguration: 'GetBucketObjectLockConfiguration',
    PutBucketNotificationConfiguration: 'PutBucketNotification',
    GetBucketNotificationConfiguration: 'GetBucketNotification',
    PutBucketAccelerateConfiguration: 'PutAccelerateConfiguration',
    GetBucketAccelerateConfiguration: 'GetAccelerateConfiguration',
    PutBucketCors: 'PutBucketCORS',
    GetBucketCors: 'GetBucketCORS',
    DeleteBucketCors: 'PutBucketCORS',
    PutBucketIntelligentTieringConfiguration: 'PutIntelligentTieringConfiguration',
    HeadBucket: 'ListBucket',
    ListObjects: 'ListBucket',
    ListObjectsV2: 'ListBucket',
    ListObjectVersions: 'ListBucketVersions',
    HeadObject: 'GetObject',
    ListBuckets: 'ListAllMyBuckets'
  },
  lambda: { Invoke: 'InvokeFunction' }
};

/** s3control operations (account-level public access block) and their IAM actions. */
const S3CONTROL_ACTIONS: Readonly<Record<string, string>> = {
  PutPublicAccessBlock: 'PutAccountPublicAccessBlock',
  GetPublicAccessBlock: 'GetAccountPublicAccessBlock',
  DeletePublicAccessBlock: 'PutAccountPublicAccessBlock'
};

/** IAM actions that only apply to the whole account/Region: `*` is their least privilege. */
const ACCOUNT_LEVEL_ACTIONS: ReadonlySet<string> = new Set([
  'ec2:EnableEbsEncryptionByDefault',
  'ec2:DisableEbsEncryptionByDefault',
  'ec2:GetEbsEncryptionByDefault',
  'ec2:GetEbsDefaultKmsKeyId',
  'ec2:ModifyEbsDefaultKmsKeyId',
  'ec2:ResetEbsDefaultKmsKeyId',
  'ec2:EnableSnapshotBlockPublicAccess',
  'ec2:GetSnapshotBlockPublicAccessState',
  'ec2:EnableImageBlockPublicAccess',
  's3:ListAllMyBuckets',
  's3:PutAccountPublicAccessBlock',
  's3:GetAccountPublicAccessBlock',
  'sts:GetCallerIdentity',
  'securityhub:BatchUpdateFindings',
  'config:PutConfigurationRecorder',
  'config:StartConfigurationRecorder',
  'config:PutDeliveryChannel',
  'iam:UpdateAccountPasswordPolicy',
  'iam:GetAccountPasswordPolicy'
]);

/** Prefixes whose actions do not take resource ARNs in practice (Application Auto Scaling). */
const STAR_ONLY_PREFIXES: ReadonlySet<string> = new Set(['application-autoscaling']);

/** S3 operations on objects (resource `bucket/key`) rather than on buckets. */
const S3_OBJECT_APIS: ReadonlySet<string> = new Set([
  'GetObject',
  'PutObject',
  'DeleteObject',
  'HeadObject',
  'GetObjectAcl',
  'PutObjectAcl',
  'GetObjectTagging',
  'PutObjectTagging',
  'DeleteObjectTagging'
]);

/** Extra permissions a service needs from the caller beyond the API itself, said as a note. */
const COMPANION_NOTES: Readonly<Record<string, string>> = {
  'application-autoscaling':
    'Application Auto Scaling also needs permissions on the scaled service for the caller ' +
    '(for DynamoDB: dynamodb:DescribeTable, dynamodb:UpdateTable, cloudwatch:PutMetricAlarm, ' +
    'cloudwatch:DescribeAlarms, cloudwatch:DeleteAlarms) and the service-linked role; review them'
};

/** The IAM prefix for an SSM/boto3 service name (`elbv2` -> `elasticloadbalancing`). */
export function iamPrefix(service: string): string {
  const s = service.toLowerCase();
  return IAM_PREFIX[s] ?? s;
}

/** An API name in PascalCase: boto3 snake_case (`put_bucket_encryption`) becomes `PutBucketEncryption`. */
export function pascalApi(api: string): string {
  if (!api.includes('_') && /^[A-Z]/.test(api)) return api;
  return api
    .split('_')
    .filter(part => part !== '')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The IAM action (`prefix:Action`) that authorises `Api` of `Service`. IAM matches action names case-insensitively. */
export function iamActionFor(service: string, api: string): string {
  const svc = service.toLowerCase();
  const name = pascalApi(api);
  if (svc === 's3control') return `s3:${S3CONTROL_ACTIONS[name] ?? name}`;
  const prefix = iamPrefix(svc);
  return `${prefix}:${ACTION_EXCEPTIONS[prefix]?.[name] ?? name}`;
}

interface Grant {
  actions: string[];
  resources: string[];
}

type Resolved = { values: string[] } | { unresolved: string };

interface Ctx {
  runbook: Runbook;
  values: ParameterValues;
  partition: string;
  notes: string[];
  grants: Grant[];
}

function note(ctx: Ctx, text: string): void {
  if (!ctx.notes.includes(text)) ctx.notes.push(text);
}

/** Resolves a step input to concrete strings: parameters from the given values or defaults, globals to `*`. */
function resolve(value: unknown, ctx: Ctx): Resolved {
  if (typeof value !== 'string') return { unresolved: 'it is not a string' };
  const matches = scanTemplate(value);
  let results = [''];
  let last = 0;
  for (const m of matches) {
    if (m.error) return { unresolved: `malformed reference ${m.raw}` };
    const literal = value.slice(last, m.index);
    last = m.index + m.raw.length;
    const options = refValues(m.expression, ctx);
    if ('unresolved' in options) return options;
    results = results.flatMap(r => options.values.map(v => r + literal + v));
  }
  const tail = value.slice(last);
  return { values: [...new Set(results.map(r => r + tail))] };
}

function refValues(expression: string, ctx: Ctx): Resolved {
  if (expression === 'global:AWS_PARTITION') return { values: [ctx.partition] };
  if (expression.startsWith('global:') || expression.startsWith('automation:')) return { values: ['*'] };
  if (expression.includes(':')) return { unresolved: `{{ ${expression} }} is known only at run time` };
  if (expression.includes('.')) return { unresolved: `{{ ${expression} }} is a step output, known only at run time` };
  const given = ctx.values[expression];
  if (given !== undefined) return { values: typeof given === 'string' ? [given] : [...given] };
  const param = ctx.runbook.parameters.find(p => p.name === expression);
  const fallback = param?.default;
  if (typeof fallback === 'string' && fallback !== '' && !fallback.includes('{{')) return { values: [fallback] };
  if (Array.isArray(fallback) && fallback.length > 0 && fallback.every(v => typeof v === 'string' && v !== '')) {
    return { values: fallback as string[] };
  }
  return { unresolved: `parameter ${expression} has no value (pass it in the parameter values)` };
}

/** The one concrete value an input resolves to (a literal, or a parameter with a value), else undefined. */
function single(value: unknown, ctx: Ctx): string | undefined {
  const r = resolve(value, ctx);
  if ('unresolved' in r || r.values.length !== 1) return undefined;
  const [only] = r.values;
  return only === undefined || only.includes('*') || only === '' ? undefined : only;
}

function label(step: RunbookStep): string {
  return `step '${step.name}' (${step.action})`;
}

/** Resource ARNs from a step input, or `*` with a note naming why. */
function resourcesFrom(
  ctx: Ctx,
  step: RunbookStep,
  action: string,
  input: string,
  toArn: (value: string) => string
): string[] {
  const r = resolve(step.inputs[input], ctx);
  if ('unresolved' in r) {
    note(ctx, `${label(step)}: ${action} on * because inputs.${input} cannot be resolved: ${r.unresolved}`);
    return ['*'];
  }
  return r.values.map(toArn);
}

function apiResources(ctx: Ctx, step: RunbookStep, service: string, api: string, action: string): string[] {
  const p = ctx.partition;
  const svc = service.toLowerCase();
  const inputs = step.inputs;
  if (ACCOUNT_LEVEL_ACTIONS.has(action)) return ['*'];
  const prefix = action.slice(0, action.indexOf(':'));
  if (STAR_ONLY_PREFIXES.has(prefix)) return ['*'];
  if (svc === 's3' && 'Bucket' in inputs) {
    if (S3_OBJECT_APIS.has(api)) {
      const keys = 'Key' in inputs ? resolve(inputs.Key, ctx) : { values: ['*'] };
      const keyList = 'values' in keys ? keys.values : ['*'];
      return resourcesFrom(ctx, step, action, 'Bucket', b => b).flatMap(b =>
        b === '*' ? ['*'] : keyList.map(k => `arn:${p}:s3:::${b}/${k}`)
      );
    }
    return resourcesFrom(ctx, step, action, 'Bucket', b => (b === '*' ? '*' : `arn:${p}:s3:::${b}`));
  }
  if (svc === 'sns') {
    if ('TopicArn' in inputs) return resourcesFrom(ctx, step, action, 'TopicArn', v => v);
    if ('TargetArn' in inputs) return resourcesFrom(ctx, step, action, 'TargetArn', v => v);
  }
  if (svc === 'dynamodb' && 'TableName' in inputs) {
    return resourcesFrom(ctx, step, action, 'TableName', v =>
      v.startsWith('arn:') ? v : `arn:${p}:dynamodb:*:*:table/${v}`
    );
  }
  if (svc === 'lambda' && 'FunctionName' in inputs) {
    return resourcesFrom(ctx, step, action, 'FunctionName', v =>
      v.startsWith('arn:') ? v : `arn:${p}:lambda:*:*:function:${v}`
    );
  }
  if (/^(Describe|List)/.test(api)) return ['*'];
  note(
    ctx,
    `${label(step)}: ${action} on * (no resource narrowing is known for this API; narrow it by hand if it supports resource ARNs)`
  );
  return ['*'];
}

function grant(ctx: Ctx, actions: string[], resources: string[]): void {
  ctx.grants.push({ actions, resources });
}

function deriveStep(ctx: Ctx, step: RunbookStep): void {
  const inputs = step.inputs;
  const p = ctx.partition;
  if (AWS_API_ACTIONS.has(step.action)) {
    const service = single(inputs.Service, ctx);
    const api = single(inputs.Api, ctx);
    if (service === undefined || api === undefined) {
      note(
        ctx,
        `${label(step)}: Service and Api must resolve to one value each to derive a permission; add it by hand`
      );
      return;
    }
    if (!KNOWN_SERVICES.has(service.toLowerCase())) {
      note(
        ctx,
        `${label(step)}: service '${service}' is not in the IAM prefix table; assumed prefix '${iamPrefix(service)}'`
      );
    }
    const action = iamActionFor(service, api);
    grant(ctx, [action], apiResources(ctx, step, service, pascalApi(api), action));
    const companion = COMPANION_NOTES[iamPrefix(service)];
    if (companion) note(ctx, companion);
    return;
  }
  switch (step.action) {
    case 'aws:executeScript':
      note(
        ctx,
        `${label(step)}: the permissions for AWS calls made by the script cannot be derived from the document; add them by hand`
      );
      return;
    case 'aws:executeAutomation': {
      grant(ctx, ['ssm:GetAutomationExecution', 'ssm:StartAutomationExecution'], ['*']);
      const doc = typeof inputs.DocumentName === 'string' ? inputs.DocumentName : 'the child runbook';
      note(ctx, `${label(step)}: ${doc} runs with its own permissions; derive its policy too`);
      return;
    }
    case 'aws:invokeLambdaFunction':
      grant(
        ctx,
        ['lambda:InvokeFunction'],
        resourcesFrom(ctx, step, 'lambda:InvokeFunction', 'FunctionName', v =>
          v.startsWith('arn:') ? v : `arn:${p}:lambda:*:*:function:${v}`
        )
      );
      return;
    case 'aws:executeStateMachine':
      grant(
        ctx,
        ['states:StartExecution'],
        resourcesFrom(ctx, step, 'states:StartExecution', 'stateMachineArn', v => v)
      );
      grant(ctx, ['states:DescribeExecution', 'states:StopExecution'], ['*']);
      return;
    case 'aws:approve':
      if ('NotificationArn' in inputs) {
        grant(
          ctx,
          ['sns:Publish'],
          resourcesFrom(ctx, step, 'sns:Publish', 'NotificationArn', v => v)
        );
      }
      return;
    case 'aws:runCommand':
      grant(ctx, ['ssm:ListCommandInvocations', 'ssm:ListCommands', 'ssm:SendCommand'], ['*']);
      note(ctx, `${label(step)}: ssm:SendCommand on * (narrow to the document and instance ARNs by hand)`);
      return;
    case 'aws:changeInstanceState': {
      const byState: Record<string, string> = {
        running: 'ec2:StartInstances',
        stopped: 'ec2:StopInstances',
        terminated: 'ec2:TerminateInstances'
      };
      const desired = single(inputs.DesiredState, ctx);
      const known = desired === undefined ? undefined : byState[desired];
      const checkOnly = inputs.CheckStateOnly === true || inputs.CheckStateOnly === 'true';
      const change = checkOnly ? [] : known ? [known] : Object.values(byState);
      if (!checkOnly && !known) {
        note(ctx, `${label(step)}: DesiredState has no known value; start, stop and terminate are all granted`);
      }
      grant(ctx, ['ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', ...change], ['*']);
      return;
    }
    case 'aws:createImage':
      grant(ctx, ['ec2:CreateImage', 'ec2:DescribeImages'], ['*']);
      return;
    case 'aws:copyImage':
      grant(ctx, ['ec2:CopyImage', 'ec2:DescribeImages'], ['*']);
      return;
    case 'aws:deleteImage':
      grant(ctx, ['ec2:DeleteSnapshot', 'ec2:DeregisterImage', 'ec2:DescribeImages', 'ec2:DescribeSnapshots'], ['*']);
      return;
    case 'aws:createTags': {
      const type = inputs.ResourceType;
      grant(ctx, [type === undefined || type === 'EC2' ? 'ec2:CreateTags' : 'ssm:AddTagsToResource'], ['*']);
      return;
    }
    case 'aws:runInstances':
      grant(ctx, ['ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', 'ec2:RunInstances'], ['*']);
      if ('IamInstanceProfileName' in inputs || 'IamInstanceProfileArn' in inputs) {
        note(ctx, `${label(step)}: launching with an instance profile also needs iam:PassRole on its role`);
      }
      return;
    case 'aws:createStack':
      grant(ctx, ['cloudformation:CreateStack', 'cloudformation:DescribeStacks'], ['*']);
      note(ctx, `${label(step)}: the stack's resources need their own permissions (or a RoleARN with iam:PassRole)`);
      return;
    case 'aws:deleteStack':
      grant(ctx, ['cloudformation:DeleteStack', 'cloudformation:DescribeStacks'], ['*']);
      note(ctx, `${label(step)}: deleting the stack's resources needs their own permissions`);
      return;
    case 'aws:invokeWebhook':
      grant(ctx, ['ssm:GetParameter'], ['*']);
      note(ctx, `${label(step)}: add kms:Decrypt if the integration's parameter uses a customer managed key`);
      return;
    default:
      // aws:branch, aws:sleep, aws:pause, aws:loop (its steps are derived on their own), aws:updateVariable.
      return;
  }
}

/**
 * The least-privilege policy for the runbook's assume role. `parameterValues` resolve `{{ Parameter }}` references in
 * resource inputs (TopicArn, Bucket, ...); parameter defaults are used when no value is given; anything still unknown
 * becomes `*` with a note.
 */
export function leastPrivilegePolicy(
  runbook: Runbook,
  parameterValues: ParameterValues = {},
  options: PolicyOptions = {}
): DerivedPolicy {
  const ctx: Ctx = { runbook, values: parameterValues, partition: options.partition ?? 'aws', notes: [], grants: [] };
  for (const step of allSteps(runbook.steps)) deriveStep(ctx, step);

  // Union the resources per action; `*` absorbs everything else.
  const byAction = new Map<string, Set<string>>();
  for (const g of ctx.grants) {
    for (const action of g.actions) {
      const set = byAction.get(action) ?? new Set<string>();
      for (const r of g.resources) set.add(r);
      byAction.set(action, set);
    }
  }
  // Group actions that share the same resource set into one statement.
  const byResources = new Map<string, { resources: string[]; actions: string[] }>();
  for (const [action, set] of byAction) {
    const resources = set.has('*') ? ['*'] : [...set].sort();
    const key = JSON.stringify(resources);
    const entry = byResources.get(key) ?? { resources, actions: [] };
    entry.actions.push(action);
    byResources.set(key, entry);
  }
  const Statement: PolicyStatement[] = [...byResources.values()]
    .map(e => ({ Effect: 'Allow' as const, Action: e.actions.sort(), Resource: e.resources }))
    .sort((a, b) => ((a.Action[0] ?? '') < (b.Action[0] ?? '') ? -1 : 1));
  return { policy: { Version: '2012-10-17', Statement }, notes: ctx.notes };
}
