/**
 * The configuration recorder's lag and the rules' trigger types, through the real SDK. Every delay is passed with
 * advanceClock, so nothing here waits.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRulesCommand,
  GetResourceConfigHistoryCommand,
  PutConfigRuleCommand,
  SelectResourceConfigCommand,
  StartConfigRulesEvaluationCommand,
  StartConfigurationRecorderCommand,
  StopConfigurationRecorderCommand
} from '@aws-sdk/client-config-service';
import { startSimulator, type Simulator } from '../src/index.js';

const LOGGING_RULE = 's3-bucket-logging-enabled';
const EBS_RULE = 'ec2-ebs-encryption-by-default';

let sim: Simulator | undefined;
let config: ConfigServiceClient | undefined;

afterEach(async () => {
  config?.destroy();
  await sim?.close();
  sim = undefined;
});

async function start(options: Record<string, unknown> = {}): Promise<{ sim: Simulator; config: ConfigServiceClient }> {
  sim = await startSimulator({ scenario: 'seed', options });
  config = new ConfigServiceClient({
    region: 'us-east-1',
    endpoint: sim.url,
    credentials: sim.staticCredentials(),
    maxAttempts: 1
  });
  return { sim, config };
}

async function compliance(c: ConfigServiceClient, rule: string): Promise<string | undefined> {
  const out = await c.send(new DescribeComplianceByConfigRuleCommand({ ConfigRuleNames: [rule] }));
  return out.ComplianceByConfigRules?.[0]?.Compliance?.ComplianceType;
}

async function history(c: ConfigServiceClient, id: string, earlierTime?: Date) {
  const out = await c.send(
    new GetResourceConfigHistoryCommand({
      resourceType: 'AWS::S3::Bucket',
      resourceId: id,
      ...(earlierTime ? { earlierTime } : {})
    })
  );
  return out.configurationItems ?? [];
}

function fixLogging(s: Simulator): void {
  for (const b of Object.values(s.state.resources.s3Buckets)) b.logging ??= { targetBucket: 'access-logs' };
}

describe('configuration items are recorded after recorderDelaySeconds', () => {
  it('records the initial resources at start; a change shows only after the delay, in every read API', async () => {
    const { sim: s, config: c } = await start(); // seed: recorderDelaySeconds 2
    const initial = await history(c, 'claims-uploads');
    expect(initial.map(i => i.configurationItemStatus)).toEqual(['ResourceDiscovered']);
    const changedAt = s.now();
    s.state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs' };
    s.advanceClock(1.9);
    // Not yet recorded: BatchGetResourceConfig, SelectResourceConfig and the history show the old item.
    const batch = await c.send(
      new BatchGetResourceConfigCommand({
        resourceKeys: [{ resourceType: 'AWS::S3::Bucket', resourceId: 'claims-uploads' }]
      })
    );
    const supplementary = batch.baseConfigurationItems?.[0]?.supplementaryConfiguration ?? {};
    expect(JSON.parse(supplementary['BucketLoggingConfiguration']!)).toEqual({
      destinationBucketName: null,
      logFilePrefix: null
    });
    const select = await c.send(
      new SelectResourceConfigCommand({
        Expression: "SELECT supplementaryConfiguration.BucketLoggingConfiguration WHERE resourceId = 'claims-uploads'"
      })
    );
    expect(select.Results?.[0]).toContain('"destinationBucketName":null');
    expect(await history(c, 'claims-uploads', changedAt)).toEqual([]);
    s.advanceClock(0.1);
    const after = await history(c, 'claims-uploads', changedAt);
    expect(after.map(i => i.configurationItemStatus)).toEqual(['OK']);
    expect(after[0]!.configurationItemCaptureTime!.getTime()).toBeGreaterThanOrEqual(changedAt.getTime() + 2000);
    expect(JSON.parse(after[0]!.supplementaryConfiguration!['BucketLoggingConfiguration']!)).toMatchObject({
      destinationBucketName: 'access-logs'
    });
    // Newest first by default (API Reference: chronologicalOrder "The default is Reverse").
    expect((await history(c, 'claims-uploads')).map(i => i.configurationItemStatus)).toEqual([
      'OK',
      'ResourceDiscovered'
    ]);
  });

  it('answers ResourceNotDiscoveredException for a resource never recorded, InvalidTimeRangeException for a reversed range', async () => {
    const { config: c } = await start();
    await expect(history(c, 'no-such-bucket')).rejects.toMatchObject({ name: 'ResourceNotDiscoveredException' });
    await expect(
      c.send(
        new GetResourceConfigHistoryCommand({
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'claims-uploads',
          earlierTime: new Date('2030-01-02T00:00:00Z'),
          laterTime: new Date('2030-01-01T00:00:00Z')
        })
      )
    ).rejects.toMatchObject({ name: 'InvalidTimeRangeException' });
  });

  it('a change-triggered rule is evaluated when the item is recorded, not on the change itself', async () => {
    // "Configuration changes: AWS Config runs evaluations for the rule when certain types of resources are
    // created, changed, or deleted" (Developer Guide, Trigger types): the recorded item is what it judges.
    const { sim: s, config: c } = await start();
    fixLogging(s);
    s.advanceClock(1);
    expect(await compliance(c, LOGGING_RULE)).toBe('NON_COMPLIANT');
    s.advanceClock(1);
    expect(await compliance(c, LOGGING_RULE)).toBe('COMPLIANT');
  });

  it('StartConfigRulesEvaluation re-runs against the last known (recorded) state, without recording', async () => {
    // API Reference, StartConfigRulesEvaluation: "re-runs an evaluation against the last known state of your
    // resources".
    const { sim: s, config: c } = await start({ recorderDelaySeconds: 600 });
    fixLogging(s);
    await c.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: [LOGGING_RULE] }));
    s.advanceClock(0);
    expect(await compliance(c, LOGGING_RULE)).toBe('NON_COMPLIANT');
    s.advanceClock(600);
    expect(await compliance(c, LOGGING_RULE)).toBe('COMPLIANT');
  });

  it('a stopped recorder records nothing; the change is recorded once it runs again', async () => {
    const { sim: s, config: c } = await start();
    await c.send(new StopConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    const stoppedAt = s.now();
    fixLogging(s);
    s.advanceClock(10);
    expect(await history(c, 'claims-uploads', stoppedAt)).toEqual([]);
    expect(await compliance(c, LOGGING_RULE)).toBe('NON_COMPLIANT');
    await c.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    s.advanceClock(2);
    expect((await history(c, 'claims-uploads', stoppedAt)).map(i => i.configurationItemStatus)).toEqual(['OK']);
    expect(await compliance(c, LOGGING_RULE)).toBe('COMPLIANT');
  });
});

describe('trigger types ("List of AWS Config Managed Rules by Trigger Type")', () => {
  it('account-level resources are not recorded, and a periodic rule is not evaluated on a change', async () => {
    const { sim: s, config: c } = await start({ recorderDelaySeconds: 0 });
    s.state.resources.ebsEncryptionByDefault['us-east-1'] = true;
    s.advanceClock(5);
    // No configuration item of the account exists (AWS::::Account is not a Config resource type).
    const recorded = (s.state.config as { recording?: { history: Record<string, unknown> } }).recording;
    expect(Object.keys(recorded?.history ?? {}).filter(k => k.startsWith('AWS::::Account'))).toEqual([]);
    expect(Object.keys(recorded?.history ?? {})).toContain('AWS::S3::Bucket/claims-uploads');
    expect(await compliance(c, EBS_RULE)).toBe('NON_COMPLIANT');
    // A started evaluation of the periodic rule reads the account as it is.
    await c.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: [EBS_RULE] }));
    s.advanceClock(0);
    expect(await compliance(c, EBS_RULE)).toBe('COMPLIANT');
  });

  it('a periodic rule runs every MaximumExecutionFrequency divided by timeScale', async () => {
    // timeScale 3600: One_Hour becomes one simulator second.
    const { sim: s, config: c } = await start({ timeScale: 3600 });
    await c.send(
      new PutConfigRuleCommand({
        ConfigRule: {
          ConfigRuleName: 'ebs-hourly',
          Source: { Owner: 'AWS', SourceIdentifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT' },
          MaximumExecutionFrequency: 'One_Hour'
        }
      })
    );
    s.advanceClock(0);
    expect(await compliance(c, 'ebs-hourly')).toBe('NON_COMPLIANT');
    const rule = (await c.send(new DescribeConfigRulesCommand({ ConfigRuleNames: ['ebs-hourly'] }))).ConfigRules?.[0];
    expect(rule?.ConfigRuleState).toBe('ACTIVE');
    s.state.resources.ebsEncryptionByDefault['us-east-1'] = true;
    s.advanceClock(0.5);
    expect(await compliance(c, 'ebs-hourly')).toBe('NON_COMPLIANT');
    s.advanceClock(0.5);
    expect(await compliance(c, 'ebs-hourly')).toBe('COMPLIANT');
  });
});
