/**
 * Facts about SSM Automation (schemaVersion 0.3) from the Systems Manager Automation actions reference: the actions,
 * the inputs each requires, the outputs each defines itself, the parameter/output types and the automation variables.
 */

interface ActionSpec {
  /** Required inputs; an inner list means "at least one of these". */
  required: readonly (string | readonly string[])[];
  /** Outputs the action defines itself (referable as `{{Step.Name}}` without declaring them). */
  outputs: readonly string[];
}

/** Every Automation action, by name. */
export const AUTOMATION_ACTIONS: Readonly<Record<string, ActionSpec>> = {
  'aws:approve': { required: ['Approvers'], outputs: ['ApprovalStatus', 'ApproverDecisions'] },
  'aws:assertAwsResourceProperty': {
    required: ['Service', 'Api', 'PropertySelector', 'DesiredValues'],
    outputs: []
  },
  'aws:branch': { required: ['Choices'], outputs: [] },
  'aws:changeInstanceState': { required: ['InstanceIds', 'DesiredState'], outputs: [] },
  'aws:copyImage': { required: ['SourceImageId', 'SourceRegion', 'ImageName'], outputs: ['ImageId', 'ImageState'] },
  'aws:createImage': { required: ['InstanceId', 'ImageName'], outputs: ['ImageId', 'ImageState'] },
  'aws:createStack': {
    required: ['StackName', ['TemplateBody', 'TemplateURL']],
    outputs: ['StackId', 'StackStatus', 'StackStatusReason']
  },
  'aws:createTags': { required: ['ResourceIds', 'Tags'], outputs: [] },
  'aws:deleteImage': { required: ['ImageId'], outputs: [] },
  'aws:deleteStack': { required: ['StackName'], outputs: [] },
  'aws:executeAutomation': { required: ['DocumentName'], outputs: ['Output', 'ExecutionId', 'Status'] },
  'aws:executeAwsApi': { required: ['Service', 'Api'], outputs: [] },
  'aws:executeScript': { required: ['Runtime', 'Handler'], outputs: ['OutputPayload'] },
  'aws:executeStateMachine': {
    required: ['stateMachineArn'],
    outputs: ['executionArn', 'input', 'name', 'output', 'startDate', 'stateMachineArn', 'status', 'stopDate']
  },
  'aws:invokeLambdaFunction': {
    required: ['FunctionName'],
    outputs: ['StatusCode', 'FunctionError', 'LogResult', 'Payload']
  },
  'aws:invokeWebhook': { required: ['IntegrationName'], outputs: ['Response', 'ResponseCode'] },
  'aws:loop': {
    required: ['Steps', ['Iterators', 'LoopCondition']],
    outputs: ['CurrentIteration', 'CurrentIteratorValue']
  },
  'aws:pause': { required: [], outputs: [] },
  'aws:runCommand': {
    required: ['DocumentName', ['InstanceIds', 'Targets']],
    outputs: ['CommandId', 'Status', 'ResponseCode', 'Output']
  },
  'aws:runInstances': { required: ['ImageId'], outputs: ['InstanceIds'] },
  'aws:sleep': { required: [['Duration', 'Timestamp']], outputs: [] },
  'aws:updateVariable': { required: ['Name', 'Value'], outputs: [] },
  'aws:waitForAwsResourceProperty': {
    required: ['Service', 'Api', 'PropertySelector', 'DesiredValues'],
    outputs: []
  }
};

/**
 * Actions that call the AWS API named by their `inputs.Service` and `inputs.Api` (aws:executeAwsApi, and the two that
 * read a property of that API's response).
 */
export const AWS_API_ACTIONS: ReadonlySet<string> = new Set([
  'aws:executeAwsApi',
  'aws:assertAwsResourceProperty',
  'aws:waitForAwsResourceProperty'
]);

/** Document parameter types (data types plus the resource types the console populates). */
export const PARAMETER_TYPES: ReadonlySet<string> = new Set([
  'String',
  'StringList',
  'Integer',
  'Boolean',
  'MapList',
  'StringMap',
  'AWS::EC2::Instance::Id',
  'List<AWS::EC2::Instance::Id>',
  'AWS::EC2::Image::Id',
  'List<AWS::EC2::Image::Id>',
  'AWS::S3::Bucket::Name',
  'List<AWS::S3::Bucket::Name>',
  'AWS::IAM::Role::Arn',
  'List<AWS::IAM::Role::Arn>'
]);

/** Types of step outputs and runbook variables. */
export const DATA_TYPES: ReadonlySet<string> = new Set([
  'String',
  'StringList',
  'Integer',
  'Boolean',
  'MapList',
  'StringMap'
]);

/** `{{global:NAME}}` system variables. */
export const GLOBAL_VARIABLES: ReadonlySet<string> = new Set([
  'ACCOUNT_ID',
  'REGION',
  'AWS_PARTITION',
  'DATE',
  'DATE_TIME',
  'URL_SUFFIX'
]);

/** `{{automation:NAME}}` automation variables. */
export const AUTOMATION_VARIABLES: ReadonlySet<string> = new Set(['EXECUTION_ID', 'DOCUMENT_NAME', 'DOCUMENT_VERSION']);

/** Operators of an aws:branch choice. */
export const BRANCH_OPERATORS: ReadonlySet<string> = new Set([
  'StringEquals',
  'EqualsIgnoreCase',
  'StartsWith',
  'EndsWith',
  'Contains',
  'NumericEquals',
  'NumericGreater',
  'NumericLesser',
  'NumericGreaterOrEquals',
  'NumericLesserOrEquals',
  'BooleanEquals'
]);

/** Combinators of an aws:branch choice. */
export const BRANCH_COMBINATORS: ReadonlySet<string> = new Set(['And', 'Or', 'Not']);

/** Top-level keys of an Automation document. */
export const DOCUMENT_KEYS: ReadonlySet<string> = new Set([
  'schemaVersion',
  'description',
  'assumeRole',
  'parameters',
  'variables',
  'mainSteps',
  'outputs',
  'files'
]);

/** Properties of a step. */
export const STEP_KEYS: ReadonlySet<string> = new Set([
  'name',
  'action',
  'description',
  'inputs',
  'outputs',
  'maxAttempts',
  'timeoutSeconds',
  'onFailure',
  'onCancel',
  'isEnd',
  'isCritical',
  'nextStep'
]);

/** Properties of a parameter definition. */
export const PARAMETER_KEYS: ReadonlySet<string> = new Set([
  'type',
  'description',
  'default',
  'allowedValues',
  'allowedPattern',
  'displayType',
  'minItems',
  'maxItems',
  'minChars',
  'maxChars'
]);

/** Properties of a variable definition. */
export const VARIABLE_KEYS: ReadonlySet<string> = new Set(['type', 'description', 'default']);

/** Parameter map of StartAutomationExecution: at most 200 entries, keys of 1 to 50 characters (ssm.json). */
export const MAX_PARAMETERS = 200;
export const MAX_PARAMETER_NAME_LENGTH = 50;

/** aws:loop runs at most 100 iterations. */
export const MAX_LOOP_ITERATIONS = 100;
