/**
 * Documents owned by AWS (`Owner: Amazon`) that exist in every simulated account, read-only. Their content is
 * written for the simulator in the shape AWS documents them (parameters, steps); it is not AWS's text.
 */
import { buildVersion } from './content.js';
import type { DocumentRecord } from './state.js';

/** AWS-PublishSNSNotification: publishes a message to an SNS topic (one aws:executeAwsApi sns Publish step). */
const PUBLISH_SNS_NOTIFICATION = `schemaVersion: '0.3'
description: Publish a message to an Amazon SNS topic.
assumeRole: '{{ AutomationAssumeRole }}'
parameters:
  TopicArn:
    type: String
    description: (Required) ARN of the SNS topic that receives the message.
    allowedPattern: '^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$'
  Message:
    type: String
    description: (Required) Text of the message to publish.
  AutomationAssumeRole:
    type: String
    description: (Optional) ARN of the role Automation assumes to run this document; empty to use the caller's permissions.
    default: ''
    allowedPattern: '^$|^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$'
mainSteps:
  - name: PublishSNSNotification
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      TopicArn: '{{ TopicArn }}'
      Message: '{{ Message }}'
    isEnd: true
`;

/**
 * AWS-ConfigureS3BucketLogging: turns on server access logging of a bucket, granting the grantee the given
 * permission on the logs. Parameters as AWS's runbook reference lists them
 * (https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-aws-configures3bucketlogging.html);
 * the grant is made by a branch on GranteeType (Group: URI, CanonicalUser: ID, AmazonCustomerByEmail: EmailAddress).
 */
const CONFIGURE_S3_BUCKET_LOGGING = `schemaVersion: '0.3'
description: Enables server access logging on an Amazon S3 bucket.
assumeRole: '{{ AutomationAssumeRole }}'
parameters:
  BucketName:
    type: String
    description: (Required) The name of the S3 bucket to configure logging for.
  GrantedPermission:
    type: String
    description: (Required) Logging permissions assigned to the grantee for the bucket.
    allowedValues: [FULL_CONTROL, READ, WRITE]
  GranteeType:
    type: String
    description: (Required) Type of grantee.
    allowedValues: [CanonicalUser, AmazonCustomerByEmail, Group]
  GranteeEmailAddress:
    type: String
    description: (Optional) Email address of the grantee.
    default: ''
  GranteeId:
    type: String
    description: (Optional) The canonical user ID of the grantee.
    default: ''
  GranteeUri:
    type: String
    description: (Optional) URI of the grantee group.
    default: ''
  TargetBucket:
    type: String
    description: (Required) The bucket that receives the server access logs.
  TargetPrefix:
    type: String
    description: (Optional) A prefix for the log object keys.
    default: /
  AutomationAssumeRole:
    type: String
    description: (Optional) ARN of the role Automation assumes to run this document; empty to use the caller's permissions.
    default: ''
    allowedPattern: '^$|^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$'
mainSteps:
  - name: ChooseGrantee
    action: aws:branch
    inputs:
      Choices:
        - NextStep: GrantToGroup
          Variable: '{{ GranteeType }}'
          StringEquals: Group
        - NextStep: GrantToCanonicalUser
          Variable: '{{ GranteeType }}'
          StringEquals: CanonicalUser
        - NextStep: GrantByEmail
          Variable: '{{ GranteeType }}'
          StringEquals: AmazonCustomerByEmail
  - name: GrantToGroup
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: PutBucketLogging
      Bucket: '{{ BucketName }}'
      BucketLoggingStatus:
        LoggingEnabled:
          TargetBucket: '{{ TargetBucket }}'
          TargetPrefix: '{{ TargetPrefix }}'
          TargetGrants:
            - Grantee:
                Type: Group
                URI: '{{ GranteeUri }}'
              Permission: '{{ GrantedPermission }}'
    isEnd: true
  - name: GrantToCanonicalUser
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: PutBucketLogging
      Bucket: '{{ BucketName }}'
      BucketLoggingStatus:
        LoggingEnabled:
          TargetBucket: '{{ TargetBucket }}'
          TargetPrefix: '{{ TargetPrefix }}'
          TargetGrants:
            - Grantee:
                Type: CanonicalUser
                ID: '{{ GranteeId }}'
              Permission: '{{ GrantedPermission }}'
    isEnd: true
  - name: GrantByEmail
    action: aws:executeAwsApi
    inputs:
      Service: s3
      Api: PutBucketLogging
      Bucket: '{{ BucketName }}'
      BucketLoggingStatus:
        LoggingEnabled:
          TargetBucket: '{{ TargetBucket }}'
          TargetPrefix: '{{ TargetPrefix }}'
          TargetGrants:
            - Grantee:
                Type: AmazonCustomerByEmail
                EmailAddress: '{{ GranteeEmailAddress }}'
              Permission: '{{ GrantedPermission }}'
    isEnd: true
`;

/** A fixed creation time for the built-in documents. */
const AWS_DOCUMENTS_CREATED = '2018-04-04T00:00:00.000Z';

function awsDocument(name: string, content: string): DocumentRecord {
  return {
    name,
    documentType: 'Automation',
    owner: 'Amazon',
    defaultVersion: '1',
    latestVersion: '1',
    versionCounter: 1,
    versions: { '1': buildVersion(content, 'YAML', 'Automation', '1', AWS_DOCUMENTS_CREATED) },
    tags: []
  };
}

let built: ReadonlyMap<string, DocumentRecord> | undefined;

/** The AWS-owned documents by name (built once; callers must not mutate them). */
export function awsDocuments(): ReadonlyMap<string, DocumentRecord> {
  built ??= new Map([
    ['AWS-PublishSNSNotification', awsDocument('AWS-PublishSNSNotification', PUBLISH_SNS_NOTIFICATION)],
    ['AWS-ConfigureS3BucketLogging', awsDocument('AWS-ConfigureS3BucketLogging', CONFIGURE_S3_BUCKET_LOGGING)]
  ]);
  return built;
}
