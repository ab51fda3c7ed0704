/**
 * The one remediation-configuration reader (deploy/read-actual.ts), used by deploy and by the remediation phase:
 * DescribeRemediationConfigurations takes at most 25 rule names a call, so 30 rules take two calls, and each
 * configuration is converted once (RESOURCE_ID parameters, static values, target and version).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DescribeRemediationConfigurationsCommand,
  paginateDescribeConfigRules,
  PutRemediationConfigurationsCommand
} from '@aws-sdk/client-config-service';
import { CreateDocumentCommand } from '@aws-sdk/client-ssm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsClients } from '../../src/aws/clients.js';
import { readRemediationConfigurations } from '../../src/deploy/read-actual.js';
import { toAwsCallError } from '../../src/errors.js';
import { chunk } from '../../src/util/concurrency.js';
import { REPO_ROOT } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';

const ACCOUNT = '123456789012';
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:my-sns-topic`;
const ALERTING_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-alerting-role`;
const RUNBOOK = 'my-hipaa-alerting-runbook';
const OPERATION = 'config:DescribeRemediationConfigurations';

describe('readRemediationConfigurations (against the simulator)', () => {
  let sim: Simulator;
  let clients: AwsClients;
  let rules: string[];
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'scale', params: { rules: '30', resources: '10' } });
    process.env.AWS_ENDPOINT_URL = sim.url;
    clients = new AwsClients({
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: () => Promise.resolve(sim.staticCredentials())
    });
    const config = await clients.config();
    rules = [];
    for await (const page of paginateDescribeConfigRules({ client: config }, {})) {
      for (const r of page.ConfigRules ?? []) if (r.ConfigRuleName) rules.push(r.ConfigRuleName);
    }
    await (
      await clients.ssm()
    ).send(
      new CreateDocumentCommand({
        Name: RUNBOOK,
        Content: readFileSync(join(REPO_ROOT, 'examples', 'seed', 'runbooks', `${RUNBOOK}.yaml`), 'utf8'),
        DocumentType: 'Automation',
        DocumentFormat: 'YAML'
      })
    );
    for (const batch of chunk(rules, 25)) {
      await config.send(
        new PutRemediationConfigurationsCommand({
          RemediationConfigurations: batch.map(rule => ({
            ConfigRuleName: rule,
            TargetType: 'SSM_DOCUMENT',
            TargetId: RUNBOOK,
            TargetVersion: '1',
            Parameters: {
              Message: { ResourceValue: { Value: 'RESOURCE_ID' } },
              TopicArn: { StaticValue: { Values: [TOPIC] } },
              AutomationAssumeRole: { StaticValue: { Values: [ALERTING_ROLE] } }
            }
          }))
        })
      );
    }
  });
  afterAll(async () => {
    clients.destroy();
    await sim.close();
    delete process.env.AWS_ENDPOINT_URL;
  });

  it('AWS refuses more than 25 rule names in one call', async () => {
    expect(rules).toHaveLength(30);
    const config = await clients.config();
    const err = await config
      .send(new DescribeRemediationConfigurationsCommand({ ConfigRuleNames: rules.slice(0, 26) }))
      .then(
        () => undefined,
        (e: unknown) => toAwsCallError(OPERATION, e)
      );
    expect(err?.code).toBe('ValidationException');
  });

  it('reads 30 rules in two calls and converts each configuration', async () => {
    sim.resetCalls();
    const read = await readRemediationConfigurations(await clients.config(), [...rules, 'no-such-rule']);
    expect(sim.calls().byOperation[OPERATION]).toBe(2);
    expect([...read.keys()].sort()).toEqual([...rules].sort());
    expect(read.get(rules[0]!)).toMatchObject({
      ruleName: rules[0],
      targetId: RUNBOOK,
      targetVersion: '1',
      parameters: {
        Message: { ResourceValue: { Value: 'RESOURCE_ID' } },
        TopicArn: { StaticValue: { Values: [TOPIC] } },
        AutomationAssumeRole: { StaticValue: { Values: [ALERTING_ROLE] } }
      }
    });
  });
});
