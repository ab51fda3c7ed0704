/** Proactive evaluation of the seed account through the real SDK client, over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  GetResourceEvaluationSummaryCommand,
  paginateGetComplianceDetailsByResource,
  paginateListResourceEvaluations,
  PutConfigRuleCommand,
  StartResourceEvaluationCommand,
  type EvaluationResult
} from '@aws-sdk/client-config-service';
import { startSimulator, type Simulator } from '../src/index.js';

let sim: Simulator;
let client: ConfigServiceClient;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed', options: { evaluationDelayMs: 60_000 } });
  client = new ConfigServiceClient({
    region: 'us-east-1',
    endpoint: sim.url,
    credentials: sim.staticCredentials(),
    maxAttempts: 1
  });
});

afterAll(async () => {
  client.destroy();
  await sim.close();
});

async function evaluateBucket(properties: Record<string, unknown>, context: string): Promise<string> {
  const out = await client.send(
    new StartResourceEvaluationCommand({
      ResourceDetails: {
        ResourceId: 'PatientExportsBucket',
        ResourceType: 'AWS::S3::Bucket',
        ResourceConfiguration: JSON.stringify(properties),
        ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA'
      },
      EvaluationContext: { EvaluationContextIdentifier: context },
      EvaluationMode: 'PROACTIVE'
    })
  );
  return out.ResourceEvaluationId!;
}

async function resultsOf(id: string): Promise<EvaluationResult[]> {
  const results: EvaluationResult[] = [];
  for await (const page of paginateGetComplianceDetailsByResource({ client }, { ResourceEvaluationId: id })) {
    results.push(...(page.EvaluationResults ?? []));
  }
  return results;
}

describe('proactive evaluation through the SDK', () => {
  it('evaluates a planned bucket against the PROACTIVE rules that support it', async () => {
    await client.send(
      new PutConfigRuleCommand({
        ConfigRule: {
          ConfigRuleName: 's3-bucket-logging-enabled',
          Scope: { ComplianceResourceTypes: ['AWS::S3::Bucket'] },
          Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_LOGGING_ENABLED' },
          EvaluationModes: [{ Mode: 'DETECTIVE' }, { Mode: 'PROACTIVE' }]
        }
      })
    );
    await client.send(
      new PutConfigRuleCommand({
        ConfigRule: {
          ConfigRuleName: 's3-bucket-versioning-enabled',
          Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_VERSIONING_ENABLED' },
          EvaluationModes: [{ Mode: 'DETECTIVE' }, { Mode: 'PROACTIVE' }]
        }
      })
    );
    const rules = await client.send(new DescribeConfigRulesCommand({ Filters: { EvaluationMode: 'PROACTIVE' } }));
    expect(rules.ConfigRules?.map(r => [r.ConfigRuleName, r.EvaluationModes])).toEqual([
      ['s3-bucket-logging-enabled', [{ Mode: 'DETECTIVE' }, { Mode: 'PROACTIVE' }]],
      ['s3-bucket-versioning-enabled', [{ Mode: 'DETECTIVE' }, { Mode: 'PROACTIVE' }]]
    ]);

    const without = await evaluateBucket({ BucketName: 'patient-exports' }, 'pr-7');
    const pending = await client.send(new GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: without }));
    expect(pending.EvaluationStatus).toEqual({ Status: 'IN_PROGRESS' });
    expect(pending.Compliance).toBeUndefined();
    sim.advanceClock(60);
    const done = await client.send(new GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: without }));
    expect(done).toMatchObject({
      ResourceEvaluationId: without,
      EvaluationMode: 'PROACTIVE',
      EvaluationStatus: { Status: 'SUCCEEDED' },
      Compliance: 'NON_COMPLIANT',
      EvaluationContext: { EvaluationContextIdentifier: 'pr-7' },
      ResourceDetails: { ResourceId: 'PatientExportsBucket', ResourceType: 'AWS::S3::Bucket' }
    });
    expect(done.EvaluationStartTimestamp).toBeInstanceOf(Date);
    // The versioning rule has the PROACTIVE mode but its managed rule does not support it: not evaluated.
    const results = await resultsOf(without);
    expect(
      results.map(r => [
        r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName,
        r.EvaluationResultIdentifier?.EvaluationResultQualifier?.EvaluationMode,
        r.EvaluationResultIdentifier?.ResourceEvaluationId,
        r.ComplianceType
      ])
    ).toEqual([['s3-bucket-logging-enabled', 'PROACTIVE', without, 'NON_COMPLIANT']]);

    const withLogging = await evaluateBucket(
      {
        BucketName: 'patient-exports',
        LoggingConfiguration: { DestinationBucketName: 'access-logs', LogFilePrefix: 'patient-exports/' }
      },
      'pr-8'
    );
    sim.advanceClock(60);
    const logged = await client.send(new GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: withLogging }));
    expect(logged.Compliance).toBe('COMPLIANT');
    expect((await resultsOf(withLogging)).map(r => r.ComplianceType)).toEqual(['COMPLIANT']);

    const listed: string[] = [];
    for await (const page of paginateListResourceEvaluations({ client, pageSize: 1 }, {})) {
      listed.push(...(page.ResourceEvaluations ?? []).map(e => e.ResourceEvaluationId!));
    }
    expect(listed).toEqual([withLogging, without]);
    expect(sim.scheduledTaskErrors()).toEqual([]);
  });
});
