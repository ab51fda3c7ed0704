/**
 * The factory's error-mapping middleware, against the simulator: every failed call (a command, a paginator's page)
 * becomes one AwsCallError naming `service:Operation`, the code and the request id; an error that is already mapped
 * passes unchanged; the retries inside it still see the SDK's own errors.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeConfigRulesCommand, paginateDescribeComplianceByConfigRule } from '@aws-sdk/client-config-service';
import { DescribeDocumentCommand } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { PublishCommand } from '@aws-sdk/client-sns';
import {
  AwsClients,
  awsCallErrorOf,
  awsErrorCode,
  createWebIdentityStsClient,
  silenceSdkNodeVersionWarning
} from '../../../src/aws/clients.js';
import { AwsCallError, InputError } from '../../../src/errors.js';
import { startSimulator, type Simulator } from 'aws-sim';

let sim: Simulator;
let clients: AwsClients;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
  process.env.AWS_ENDPOINT_URL = sim.url;
  clients = new AwsClients({
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: () => Promise.resolve(sim.staticCredentials())
  });
});
afterAll(async () => {
  clients.destroy();
  await sim.close();
  delete process.env.AWS_ENDPOINT_URL;
});

async function rejection(p: Promise<unknown>): Promise<AwsCallError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(AwsCallError);
  return err as AwsCallError;
}

describe('AwsClients error mapping', () => {
  it('names the service and operation, the code and the request id of a failed command', async () => {
    const config = await clients.config();
    const err = await rejection(config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: ['no-such-rule'] })));
    expect(err.operation).toBe('config:DescribeConfigRules');
    expect(err.code).toBe('NoSuchConfigRuleException');
    expect(err.requestId).toMatch(/\S/);
    expect(err.userError).toBe(true);
    expect(err.message).toMatch(
      new RegExp(`^config:DescribeConfigRules failed: NoSuchConfigRuleException: .+ \\(request id ${err.requestId}\\)$`)
    );
    expect(awsErrorCode(err)).toBe('NoSuchConfigRuleException');
    expect(awsCallErrorOf(err)).toBe(err);
  });

  it('maps a paginator page like any other call', async () => {
    const config = await clients.config();
    const pages = async (): Promise<void> => {
      for await (const _ of paginateDescribeComplianceByConfigRule(
        { client: config },
        { ConfigRuleNames: ['no-such-rule'] }
      ));
    };
    const err = await rejection(pages());
    expect(err.operation).toBe('config:DescribeComplianceByConfigRule');
    expect(err.code).toBe('NoSuchConfigRuleException');
  });

  it('spells each service as IAM does (ssm, sns, sts)', async () => {
    const ssm = await clients.ssm();
    const doc = await rejection(ssm.send(new DescribeDocumentCommand({ Name: 'no-such-document' })));
    expect(doc.message).toMatch(/^ssm:DescribeDocument failed: InvalidDocument: /);

    const sns = await clients.sns();
    const topic = 'arn:aws:sns:us-east-1:123456789012:no-such-topic';
    const publish = await rejection(sns.send(new PublishCommand({ TopicArn: topic, Message: 'x' })));
    expect(publish.operation).toBe('sns:Publish');

    const web = createWebIdentityStsClient({ region: 'us-east-1', maxAttempts: 1 });
    try {
      // Unsigned: STS refuses GetCallerIdentity without credentials.
      const sts = await rejection(web.send(new GetCallerIdentityCommand({})));
      expect(sts.operation).toBe('sts:GetCallerIdentity');
    } finally {
      web.destroy();
    }
  });

  it('passes an error that is already mapped unchanged (a credential provider that failed its own call)', async () => {
    const mapped = new AwsCallError('sts:AssumeRole', 'AccessDenied', 'req-1', 'not allowed', true);
    const failing = new AwsClients({ region: 'us-east-1', maxAttempts: 1, credentials: () => Promise.reject(mapped) });
    try {
      const config = await failing.config();
      const err = await rejection(config.send(new DescribeConfigRulesCommand({})));
      expect(err).toBe(mapped);
    } finally {
      failing.destroy();
    }
  });

  it('passes a user error a credential provider raised unchanged (not a failure of the call)', async () => {
    const refusal = new InputError('role-to-assume', 'no OIDC token');
    const failing = new AwsClients({ region: 'us-east-1', maxAttempts: 1, credentials: () => Promise.reject(refusal) });
    try {
      const sts = await failing.sts();
      const err = await sts.send(new GetCallerIdentityCommand({})).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(err).toBe(refusal);
    } finally {
      failing.destroy();
    }
  });

  it('maps an error that is not an AWS answer too, naming the operation', async () => {
    const failing = new AwsClients({
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: () => Promise.reject(new Error('no credentials here'))
    });
    try {
      const ssm = await failing.ssm();
      const err = await rejection(ssm.send(new DescribeDocumentCommand({ Name: 'x' })));
      expect(err.message).toBe('ssm:DescribeDocument failed: Error: no credentials here');
      expect(err.userError).toBe(false);
    } finally {
      failing.destroy();
    }
  });

  it("the SDK's retries inside it still see the SDK's own error: one 5xx is retried, not mapped", async () => {
    const retrying = new AwsClients({
      region: 'us-east-1',
      maxAttempts: 2,
      credentials: () => Promise.resolve(sim.staticCredentials())
    });
    sim.setFaults({ serverErrorRate: 1, operations: ['config:DescribeConfigRules'], maxConsecutiveFaults: 1 });
    try {
      const config = await retrying.config();
      const out = await config.send(new DescribeConfigRulesCommand({}));
      expect(out.$metadata.attempts).toBe(2);
    } finally {
      sim.setFaults({});
      retrying.destroy();
    }
  });
});

describe('awsCallErrorOf', () => {
  it('rethrows what is not an AwsCallError (a defect, not an AWS answer)', () => {
    const bug = new TypeError('bug');
    expect(() => awsCallErrorOf(bug)).toThrow(bug);
  });
});

describe("the SDK's Node.js version warning", () => {
  it('is switched off through the documented variable, unless the user set it', () => {
    const env: NodeJS.ProcessEnv = {};
    silenceSdkNodeVersionWarning(env);
    expect(env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    const userSet: NodeJS.ProcessEnv = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' };
    silenceSdkNodeVersionWarning(userSet);
    expect(userSet.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
  });

  it('the factory sets it before the first client is built', () => {
    const saved = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    try {
      new AwsClients({ region: 'us-east-1', maxAttempts: 1 }).destroy();
      expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    } finally {
      if (saved === undefined) delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
      else process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = saved;
    }
  });
});
