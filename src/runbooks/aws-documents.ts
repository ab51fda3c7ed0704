/**
 * The committed catalogue of AWS-owned Automation documents (Owner: Amazon) that remediation bindings may target:
 * facts only (document name, parameter names, whether each is required, its type), from AWS's Systems Manager
 * Automation runbook reference (https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/),
 * one page per document, cited on each entry. These are the documents AWS's sample conformance packs bind
 * (awslabs/aws-config-rules: Operational-Best-Practices-for-Amazon-S3-with-Remediation.yaml and
 * Operational-Best-Practices-for-Amazon-DynamoDB-with-Remediation.yaml) plus the ones the project's examples use.
 *
 * A binding to a catalogued document has its parameters checked (unknown names, missing required ones, value
 * types). An AWS-owned name that is not catalogued is accepted with a warning (AWS has hundreds; their parameters
 * are then not checked). Any other name must be a runbook of the manifest.
 */

/** SSM document parameter types (https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-syntax-data-elements-parameters.html). */
type AwsDocumentParameterType = 'String' | 'StringList' | 'Boolean' | 'Integer' | 'MapList' | 'StringMap';

interface AwsDocumentParameter {
  name: string;
  type: AwsDocumentParameterType;
  required: boolean;
}

export interface AwsDocument {
  name: string;
  parameters: readonly AwsDocumentParameter[];
  /** The runbook reference page the facts come from. */
  reference: string;
}

const REFERENCE = 'https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/';
const p = (name: string, type: AwsDocumentParameterType, required: boolean): AwsDocumentParameter => ({
  name,
  type,
  required
});
/** AutomationAssumeRole is optional in the AWS-* documents (the caller's permissions are used without it). */
const OPTIONAL_ROLE = p('AutomationAssumeRole', 'String', false);

const CATALOGUE: readonly AwsDocument[] = [
  {
    // Parameter names as issue 9 lists them and AWS's S3-with-Remediation sample pack binds them. The reference
    // page was not retrievable when this was written: the required flags follow AWS's page as remembered (the
    // sample pack gives all four) and should be checked against it.
    name: 'AWS-ConfigureS3BucketLogging',
    reference: `${REFERENCE}automation-aws-configures3bucketlogging.html`,
    parameters: [
      OPTIONAL_ROLE,
      p('BucketName', 'String', true),
      p('GrantedPermission', 'String', true),
      p('GranteeEmailAddress', 'String', false),
      p('GranteeId', 'String', false),
      p('GranteeType', 'String', true),
      p('GranteeUri', 'String', false),
      p('TargetBucket', 'String', true),
      p('TargetPrefix', 'String', false)
    ]
  },
  {
    name: 'AWS-DisableS3BucketPublicReadWrite',
    reference: `${REFERENCE}automation-aws-disables3bucketpublicreadwrite.html`,
    parameters: [OPTIONAL_ROLE, p('S3BucketName', 'String', true)]
  },
  {
    // As the sample pack binds it (page not retrieved: a KMS key parameter may exist and would be refused here).
    name: 'AWS-EnableS3BucketEncryption',
    reference: `${REFERENCE}automation-aws-enables3bucketencryption.html`,
    parameters: [OPTIONAL_ROLE, p('BucketName', 'String', true), p('SSEAlgorithm', 'String', false)]
  },
  {
    name: 'AWS-PublishSNSNotification',
    reference: `${REFERENCE}automation-aws-publishsnsnotification.html`,
    parameters: [OPTIONAL_ROLE, p('Message', 'String', true), p('TopicArn', 'String', true)]
  },
  {
    // The AWSConfigRemediation-* documents require AutomationAssumeRole.
    name: 'AWSConfigRemediation-EnableEbsEncryptionByDefault',
    reference: `${REFERENCE}automation-aws-enable-ebs-encryption-by-default.html`,
    parameters: [p('AutomationAssumeRole', 'String', true)]
  },
  {
    name: 'AWSConfigRemediation-ConfigureS3PublicAccessBlock',
    reference: `${REFERENCE}automation-aws-block-public-s3.html`,
    parameters: [
      p('AccountId', 'String', true),
      p('AutomationAssumeRole', 'String', true),
      p('BlockPublicAcls', 'Boolean', false),
      p('BlockPublicPolicy', 'Boolean', false),
      p('IgnorePublicAcls', 'Boolean', false),
      p('RestrictPublicBuckets', 'Boolean', false)
    ]
  },
  {
    name: 'AWSConfigRemediation-RestrictBucketSSLRequestsOnly',
    reference: `${REFERENCE}automation-aws-s3-deny-http.html`,
    parameters: [p('AutomationAssumeRole', 'String', true), p('BucketName', 'String', true)]
  }
];

const BY_NAME: ReadonlyMap<string, AwsDocument> = new Map(CATALOGUE.map(d => [d.name, d]));

/** Every catalogued document. */
export function awsDocuments(): readonly AwsDocument[] {
  return CATALOGUE;
}

/** The catalogued AWS-owned document of that name, if any. */
export function awsDocument(name: string): AwsDocument | undefined {
  return BY_NAME.get(name);
}

/**
 * Whether a name is one of AWS's own documents (AWS-*, AWSConfigRemediation-*, AWSSupport-*, AWSEC2-*, ...).
 * Account documents cannot take these names: SSM reserves the prefixes aws, amazon and amzn
 * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateDocument.html, Name).
 */
export function isAwsOwnedDocumentName(name: string): boolean {
  return /^AWS[A-Za-z0-9]*-./.test(name);
}

/**
 * Problems with the values given for one parameter of a catalogued document: a String, Boolean or Integer takes
 * one value, a Boolean true or false, an Integer a whole number.
 */
export function parameterValueProblem(param: AwsDocumentParameter, values: readonly string[]): string | undefined {
  if (param.type === 'StringList' || param.type === 'MapList') return undefined;
  if (values.length !== 1) return `takes one value (type ${param.type}), got ${values.length}`;
  const v = values[0]!;
  if (param.type === 'Boolean' && !/^(true|false)$/i.test(v)) return `must be true or false (type Boolean), got '${v}'`;
  if (param.type === 'Integer' && !/^-?\d+$/.test(v)) return `must be a whole number (type Integer), got '${v}'`;
  return undefined;
}
