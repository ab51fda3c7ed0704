/**
 * SNS of the simulated account: Publish (recorded in state.sns.messages with the publisher), GetTopicAttributes,
 * ListTopics, and topic tagging (TagResource / UntagResource / ListTagsForResource). The one Publish: SDK clients
 * reach it over HTTP, runbook steps (aws:executeAwsApi) through the same registry (automation/aws-api.ts).
 */
import type * as Sns from '@aws-sdk/client-sns';
import { randomUUID } from 'node:crypto';
import type { AccountState, SnsMessage, SnsTopicState } from '../../core/state.js';
import { AwsError, type RequestContext, typedHandlers } from '../../core/types.js';

const MAX_MESSAGE_BYTES = 256 * 1024;
const MAX_SUBJECT_CHARS = 100;
const LIST_TOPICS_PAGE = 100;
const MAX_TAGS = 50;

function findTopic(state: AccountState, arn: string | undefined): SnsTopicState | undefined {
  if (arn === undefined) return undefined;
  return state.resources.snsTopics[arn] ?? Object.values(state.resources.snsTopics).find(t => t.arn === arn);
}

function topicNotFound(): AwsError {
  return new AwsError('NotFound', 'Topic does not exist', 404);
}

function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameter', message, 400);
}

function publish(input: Sns.PublishCommandInput, ctx: RequestContext): unknown {
  const topicArn = input.TopicArn ?? input.TargetArn;
  if (topicArn === undefined) {
    if (input.PhoneNumber !== undefined) {
      throw invalidParameter('Invalid parameter: PhoneNumber Reason: the simulator only publishes to topics');
    }
    throw invalidParameter('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
  }
  const topic = findTopic(ctx.state, topicArn);
  if (!topic) throw topicNotFound();
  const message = input.Message as string;
  // https://docs.aws.amazon.com/sns/latest/api/API_Publish.html: Message is required, at most 256 KB; Subject is at
  // most 100 characters. SNS refuses an empty message and an empty subject with InvalidParameter.
  if (message === '') throw invalidParameter('Invalid parameter: Empty message');
  if (Buffer.byteLength(message, 'utf8') > MAX_MESSAGE_BYTES) {
    throw invalidParameter('Invalid parameter: Message too long');
  }
  const subject = input.Subject;
  if (subject !== undefined && (subject.length > MAX_SUBJECT_CHARS || subject === '')) {
    throw invalidParameter('Invalid parameter: Subject');
  }
  if (input.MessageStructure === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      throw invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
    }
    if (typeof parsed !== 'object' || parsed === null || !('default' in parsed)) {
      throw invalidParameter('Invalid parameter: Message Structure - No default entry in JSON message body');
    }
  }
  const record: SnsMessage = {
    messageId: randomUUID(),
    topicArn: topic.arn,
    message,
    publishedAt: ctx.now().toISOString()
  };
  if (subject !== undefined) record.subject = subject;
  if (ctx.principal) record.publishedBy = ctx.principal.arn;
  const attrs = input.MessageAttributes as
    Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }> | undefined;
  if (attrs && Object.keys(attrs).length > 0) {
    record.attributes = {};
    for (const [name, v] of Object.entries(attrs)) {
      const a: { dataType: string; stringValue?: string; binaryValue?: string } = { dataType: v.DataType };
      if (v.StringValue !== undefined) a.stringValue = v.StringValue;
      if (v.BinaryValue !== undefined) a.binaryValue = Buffer.from(v.BinaryValue).toString('base64');
      record.attributes[name] = a;
    }
  }
  ctx.state.sns.messages.push(record);
  return { MessageId: record.messageId };
}

function getTopicAttributes(input: Sns.GetTopicAttributesCommandInput, ctx: RequestContext): unknown {
  const topic = findTopic(ctx.state, input.TopicArn);
  if (!topic) throw topicNotFound();
  const owner = topic.arn.split(':')[4] ?? ctx.state.accountId;
  const policy = {
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['SNS:Publish', 'SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:Subscribe'],
        Resource: topic.arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': owner } }
      }
    ]
  };
  return {
    Attributes: {
      TopicArn: topic.arn,
      Owner: owner,
      DisplayName: '',
      Policy: JSON.stringify(policy),
      SubscriptionsConfirmed: '0',
      SubscriptionsPending: '0',
      SubscriptionsDeleted: '0',
      ...(topic.attributes ?? {})
    }
  };
}

function listTopics(input: Sns.ListTopicsCommandInput, ctx: RequestContext): unknown {
  const arns = Object.values(ctx.state.resources.snsTopics)
    .map(t => t.arn)
    .sort();
  const token = input.NextToken;
  const start = token === undefined ? 0 : Number(token);
  if (!Number.isInteger(start) || start < 0 || start > arns.length) {
    throw invalidParameter('Invalid parameter: NextToken');
  }
  const page = arns.slice(start, start + LIST_TOPICS_PAGE);
  const next = start + LIST_TOPICS_PAGE < arns.length ? String(start + LIST_TOPICS_PAGE) : undefined;
  return { Topics: page.map(TopicArn => ({ TopicArn })), ...(next !== undefined ? { NextToken: next } : {}) };
}

function taggedTopic(input: { ResourceArn?: string | undefined }, ctx: RequestContext): SnsTopicState {
  const topic = findTopic(ctx.state, input.ResourceArn);
  if (!topic) throw new AwsError('ResourceNotFound', 'Resource does not exist', 404);
  return topic;
}

function tagResource(input: Sns.TagResourceCommandInput, ctx: RequestContext): unknown {
  const topic = taggedTopic(input, ctx);
  const tags = { ...(topic.tags ?? {}) };
  for (const t of input.Tags ?? []) tags[t.Key!] = t.Value!;
  if (Object.keys(tags).length > MAX_TAGS) {
    throw new AwsError('TagLimitExceeded', `Could not complete request: tag quota of per resource exceeded`, 400);
  }
  topic.tags = tags;
  return {};
}

function untagResource(input: Sns.UntagResourceCommandInput, ctx: RequestContext): unknown {
  const topic = taggedTopic(input, ctx);
  for (const k of input.TagKeys ?? []) delete topic.tags?.[k];
  return {};
}

function listTagsForResource(input: Sns.ListTagsForResourceCommandInput, ctx: RequestContext): unknown {
  const topic = taggedTopic(input, ctx);
  return { Tags: Object.entries(topic.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) };
}

/** The SDK's input type of each operation. */
type SnsInputs = {
  Publish: Sns.PublishCommandInput;
  GetTopicAttributes: Sns.GetTopicAttributesCommandInput;
  ListTopics: Sns.ListTopicsCommandInput;
  TagResource: Sns.TagResourceCommandInput;
  UntagResource: Sns.UntagResourceCommandInput;
  ListTagsForResource: Sns.ListTagsForResourceCommandInput;
};

/** sns operations of the simulated account. */
export const snsHandlers = typedHandlers<SnsInputs>({
  Publish: publish,
  GetTopicAttributes: getTopicAttributes,
  ListTopics: listTopics,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource
});
