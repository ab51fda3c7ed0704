/**
 * SNS of the simulated account through the real SDK client: Publish is recorded with its publisher and message
 * attributes (an awsQuery map), tags round-trip (awsQuery lists in and out), topic attributes come back as a map.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  PublishCommand,
  SNSClient,
  TagResourceCommand,
  UntagResourceCommand
} from '@aws-sdk/client-sns';
import { startSimulator, type Simulator } from '../src/index.js';

const region = 'us-east-1';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:my-sns-topic';
type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to be rejected');
}

describe('SNS', () => {
  let sim: Simulator;
  let sns: SNSClient;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
    sns = new SNSClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 });
  });
  afterAll(async () => {
    sns.destroy();
    await sim.close();
  });
  afterEach(() => {
    sim.reset();
  });

  it('records a published message with subject, publisher and attributes', async () => {
    const out = await sns.send(
      new PublishCommand({
        TopicArn: TOPIC,
        Subject: 'HIPAA gate: 2 non-compliant',
        Message: 'claims-uploads: s3-bucket-logging-enabled <NON_COMPLIANT> & more',
        MessageAttributes: {
          severity: { DataType: 'String', StringValue: 'high' },
          count: { DataType: 'Number', StringValue: '2' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 3]) }
        }
      })
    );
    expect(out.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.state.sns.messages).toEqual([
      {
        messageId: out.MessageId,
        topicArn: TOPIC,
        subject: 'HIPAA gate: 2 non-compliant',
        message: 'claims-uploads: s3-bucket-logging-enabled <NON_COMPLIANT> & more',
        publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        publishedBy: 'arn:aws:iam::123456789012:user/compliance-gate-sim',
        attributes: {
          severity: { dataType: 'String', stringValue: 'high' },
          count: { dataType: 'Number', stringValue: '2' },
          blob: { dataType: 'Binary', binaryValue: Buffer.from([1, 2, 3]).toString('base64') }
        }
      }
    ]);
    expect(Date.parse(sim.state.sns.messages[0]!.publishedAt)).toBeLessThanOrEqual(sim.now().getTime());
    expect(sim.calls().byOperation['sns:Publish']).toBe(1);
  });

  it('refuses unknown topics, missing messages and bad JSON message structures', async () => {
    const missing = await rejection(sns.send(new PublishCommand({ TopicArn: `${TOPIC}-nope`, Message: 'x' })));
    expect(missing.name).toBe('NotFoundException');
    expect(missing.message).toBe('Topic does not exist');
    expect(missing.$metadata?.httpStatusCode).toBe(404);

    const noMessage = await rejection(sns.send(new PublishCommand({ TopicArn: TOPIC } as never)));
    expect(noMessage.name).toBe('ValidationError');
    expect(noMessage.message).toBe(
      "1 validation error detected: Value null at 'message' failed to satisfy constraint: Member must not be null"
    );

    const noTarget = await rejection(sns.send(new PublishCommand({ Message: 'x' })));
    expect(noTarget.name).toBe('InvalidParameterException');

    // The checks a runbook step's Publish meets too (one handler, services/sns/handlers.ts).
    const empty = await rejection(sns.send(new PublishCommand({ TopicArn: TOPIC, Message: '' })));
    expect([empty.name, empty.message]).toEqual(['InvalidParameterException', 'Invalid parameter: Empty message']);
    const longSubject = await rejection(
      sns.send(new PublishCommand({ TopicArn: TOPIC, Message: 'x', Subject: 's'.repeat(101) }))
    );
    expect([longSubject.name, longSubject.message]).toEqual([
      'InvalidParameterException',
      'Invalid parameter: Subject'
    ]);
    await expect(
      sns.send(new PublishCommand({ TopicArn: TOPIC, Message: 'x', Subject: 's'.repeat(100) }))
    ).resolves.toBeDefined();
    sim.state.sns.messages.length = 0;

    const badJson = await rejection(
      sns.send(new PublishCommand({ TopicArn: TOPIC, Message: '{"email":"x"}', MessageStructure: 'json' }))
    );
    expect(badJson.message).toMatch(/No default entry in JSON message body/);
    await expect(
      sns.send(new PublishCommand({ TopicArn: TOPIC, Message: '{"default":"x"}', MessageStructure: 'json' }))
    ).resolves.toBeDefined();
    expect(sim.state.sns.messages).toHaveLength(1);
  });

  it('returns topic attributes as a map and lists topics', async () => {
    const attrs = await sns.send(new GetTopicAttributesCommand({ TopicArn: TOPIC }));
    expect(attrs.Attributes).toMatchObject({ TopicArn: TOPIC, Owner: '123456789012', SubscriptionsConfirmed: '0' });
    expect(JSON.parse(attrs.Attributes!['Policy']!)).toMatchObject({ Version: '2008-10-17' });
    const err = await rejection(sns.send(new GetTopicAttributesCommand({ TopicArn: `${TOPIC}-2` })));
    expect(err.name).toBe('NotFoundException');

    for (let i = 0; i < 120; i++) {
      const arn = `arn:aws:sns:us-east-1:123456789012:t-${String(i).padStart(3, '0')}`;
      sim.state.resources.snsTopics[arn] = { arn };
    }
    const first = await sns.send(new ListTopicsCommand({}));
    expect(first.Topics).toHaveLength(100);
    expect(first.NextToken).toBeDefined();
    const second = await sns.send(new ListTopicsCommand({ NextToken: first.NextToken! }));
    expect(second.Topics).toHaveLength(21);
    expect(second.NextToken).toBeUndefined();
    expect(new Set([...first.Topics!, ...second.Topics!].map(t => t.TopicArn)).size).toBe(121);
  });

  it('round-trips awsQuery lists in both directions (tags)', async () => {
    await sns.send(
      new TagResourceCommand({
        ResourceArn: TOPIC,
        Tags: [
          { Key: 'owner', Value: 'security' },
          { Key: 'data-class', Value: 'phi' },
          { Key: 'empty', Value: '' }
        ]
      })
    );
    await sns.send(new UntagResourceCommand({ ResourceArn: TOPIC, TagKeys: ['empty'] }));
    const tags = await sns.send(new ListTagsForResourceCommand({ ResourceArn: TOPIC }));
    expect(tags.Tags).toEqual([
      { Key: 'owner', Value: 'security' },
      { Key: 'data-class', Value: 'phi' }
    ]);
    expect(sim.state.resources.snsTopics[TOPIC]!.tags).toEqual({ owner: 'security', 'data-class': 'phi' });
    const err = await rejection(sns.send(new ListTagsForResourceCommand({ ResourceArn: `${TOPIC}-x` })));
    expect(err.name).toBe('ResourceNotFoundException');
  });
});
