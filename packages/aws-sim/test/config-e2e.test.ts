/** AWS Config of the simulated account through the real SDK client, over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DeleteConfigRuleCommand,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRuleEvaluationStatusCommand,
  ListTagsForResourceCommand,
  paginateDescribeComplianceByConfigRule,
  paginateDescribeConfigRules,
  paginateGetComplianceDetailsByConfigRule,
  PutConfigRuleCommand,
  StartConfigRulesEvaluationCommand,
  type ComplianceByConfigRule,
  type EvaluationResult
} from '@aws-sdk/client-config-service';
import { startSimulator, type Simulator } from '../src/index.js';
import { configState } from '../src/services/config/state.js';
import { expectedNonCompliantCounts } from '../src/scenarios/scale.js';
import { INSTANT_LIFECYCLES } from './support/instant.js';

function clientFor(sim: Simulator): ConfigServiceClient {
  // One attempt: the SDK treats LimitExceededException as throttling and would retry it with backoff.
  return new ConfigServiceClient({
    region: 'us-east-1',
    endpoint: sim.url,
    credentials: sim.staticCredentials(),
    maxAttempts: 1
  });
}

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as Error).name;
  }
  throw new Error('expected the call to fail');
}

describe('seed scenario through the SDK', () => {
  let sim: Simulator;
  let client: ConfigServiceClient;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed', options: { ...INSTANT_LIFECYCLES } });
    client = clientFor(sim);
  });
  afterAll(async () => {
    client.destroy();
    await sim.close();
  });

  it('reports 3 non-compliant resources in 2 rules', async () => {
    const out = await client.send(new DescribeComplianceByConfigRuleCommand({ ComplianceTypes: ['NON_COMPLIANT'] }));
    const rules = out.ComplianceByConfigRules ?? [];
    expect(rules.map(r => r.ConfigRuleName)).toEqual(['ec2-ebs-encryption-by-default', 's3-bucket-logging-enabled']);
    const total = rules.reduce((n, r) => n + (r.Compliance?.ComplianceContributorCount?.CappedCount ?? 0), 0);
    expect(total).toBe(3);
    const results: EvaluationResult[] = [];
    for await (const page of paginateGetComplianceDetailsByConfigRule(
      { client, pageSize: 1 },
      { ConfigRuleName: 's3-bucket-logging-enabled', ComplianceTypes: ['NON_COMPLIANT'] }
    )) {
      results.push(...(page.EvaluationResults ?? []));
    }
    expect(results.map(r => r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId)).toEqual([
      'access-logs',
      'claims-uploads'
    ]);
    const recorded = results[0]!.ResultRecordedTime!;
    expect(recorded).toBeInstanceOf(Date);
    expect(sim.now().getTime() - recorded.getTime()).toBeGreaterThanOrEqual(3600_000);
    expect(sim.now().getTime() - recorded.getTime()).toBeLessThan(3600_000 + 60_000);
  });

  it('creates, evaluates, re-starts (once a minute) and deletes a rule', async () => {
    await client.send(
      new PutConfigRuleCommand({
        ConfigRule: {
          ConfigRuleName: 's3-bucket-versioning-enabled',
          Scope: { ComplianceResourceTypes: ['AWS::S3::Bucket'] },
          Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_VERSIONING_ENABLED' }
        },
        Tags: [{ Key: 'pack', Value: 'hipaa' }]
      })
    );
    sim.advanceClock(0);
    const compliance = await client.send(
      new DescribeComplianceByConfigRuleCommand({ ConfigRuleNames: ['s3-bucket-versioning-enabled'] })
    );
    expect(compliance.ComplianceByConfigRules?.[0]?.Compliance).toEqual({
      ComplianceType: 'NON_COMPLIANT',
      ComplianceContributorCount: { CappedCount: 2, CapExceeded: false }
    });
    const status = await client.send(
      new DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: ['s3-bucket-versioning-enabled'] })
    );
    expect(status.ConfigRulesEvaluationStatus?.[0]?.LastSuccessfulEvaluationTime).toBeInstanceOf(Date);
    const names: string[] = [];
    for await (const page of paginateDescribeConfigRules({ client }, {})) {
      names.push(...(page.ConfigRules ?? []).map(r => r.ConfigRuleName!));
    }
    expect(names).toEqual([
      'ec2-ebs-encryption-by-default',
      's3-bucket-logging-enabled',
      's3-bucket-versioning-enabled'
    ]);

    const start = () =>
      client.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: ['s3-bucket-versioning-enabled'] }));
    await start();
    sim.advanceClock(0);
    expect(await errorName(start())).toBe('LimitExceededException');
    sim.advanceClock(61);
    await expect(start()).resolves.toBeDefined();
    expect(await errorName(client.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: ['nope'] })))).toBe(
      'NoSuchConfigRuleException'
    );
    const tooMany = Array.from({ length: 26 }, (_, i) => `rule-${i}`);
    expect(await errorName(client.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: tooMany })))).toBe(
      'ValidationException'
    );

    const arn = configState(sim.state, sim.now()).rules['s3-bucket-versioning-enabled']!.rule.ConfigRuleArn;
    const tags = await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
    expect(tags.Tags).toEqual([{ Key: 'pack', Value: 'hipaa' }]);
    await client.send(new DeleteConfigRuleCommand({ ConfigRuleName: 's3-bucket-versioning-enabled' }));
    expect(
      await errorName(client.send(new DeleteConfigRuleCommand({ ConfigRuleName: 's3-bucket-versioning-enabled' })))
    ).toBe('NoSuchConfigRuleException');
  });
});

describe('scale scenario through the SDK', () => {
  const params = { rules: '30', resources: '5000' };
  let sim: Simulator;
  let client: ConfigServiceClient;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'scale', params });
    client = clientFor(sim);
  });
  afterAll(async () => {
    client.destroy();
    await sim.close();
  });

  it('pages rules and results to the exact expected counts', async () => {
    const expected = expectedNonCompliantCounts(params);
    const all: ComplianceByConfigRule[] = [];
    let pages = 0;
    for await (const page of paginateDescribeComplianceByConfigRule({ client }, {})) {
      all.push(...(page.ComplianceByConfigRules ?? []));
      pages++;
    }
    expect(pages).toBe(2);
    expect(all).toHaveLength(30);
    for (const c of all) {
      const n = expected[c.ConfigRuleName!]!;
      const count = c.Compliance?.ComplianceContributorCount;
      expect([c.ConfigRuleName, count?.CappedCount ?? 0, count?.CapExceeded ?? false]).toEqual([
        c.ConfigRuleName,
        Math.min(n, 100),
        n > 100
      ]);
    }
    const [biggest, count] = Object.entries(expected).sort((a, b) => b[1] - a[1])[0]!;
    expect(count).toBeGreaterThan(250);
    let seen = 0;
    for await (const page of paginateGetComplianceDetailsByConfigRule(
      { client, pageSize: 100 },
      { ConfigRuleName: biggest, ComplianceTypes: ['NON_COMPLIANT'] }
    )) {
      seen += page.EvaluationResults?.length ?? 0;
    }
    expect(seen).toBe(count);
  });
});
