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
    ['AWS-PublishSNSNotification', awsDocument('AWS-PublishSNSNotification', PUBLISH_SNS_NOTIFICATION)]
  ]);
  return built;
}
