/**
 * The configuration recorder of the simulated account through the real SDK, over HTTP (AWS Config API Reference:
 * DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus, StartConfigurationRecorder,
 * StopConfigurationRecorder), and "a stopped recorder records nothing": a resource change then triggers no
 * evaluation of the change-triggered rules (AWS Config Developer Guide, "Trigger types for AWS Config rules").
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  StartConfigurationRecorderCommand,
  StopConfigurationRecorderCommand
} from '@aws-sdk/client-config-service';
import { SSMClient } from '@aws-sdk/client-ssm';
import { loadScenario, startSimulator, type Simulator } from '../src/index.js';
import { groupRecords } from '../src/services/config/recorder.js';
import { INSTANT_LIFECYCLES } from './support/instant.js';

const ACCOUNT = '123456789012';

let sim: Simulator;
let config: ConfigServiceClient;
let ssm: SSMClient;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed', options: { ...INSTANT_LIFECYCLES } });
  const options = { region: 'us-east-1', endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 };
  config = new ConfigServiceClient(options);
  ssm = new SSMClient(options);
});

afterAll(async () => {
  config.destroy();
  ssm.destroy();
  await sim.close();
});

beforeEach(() => {
  sim.reset();
});

async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return { name: (err as Error).name, message: (err as Error).message };
  }
  throw new Error('expected the call to fail');
}

const status = async () =>
  (await config.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus ?? [];

describe('the recorder operations', () => {
  it("seed has the recorder 'default', recording all supported types, running, lastStatus Success", async () => {
    const described = await config.send(new DescribeConfigurationRecordersCommand({}));
    expect(described.ConfigurationRecorders).toEqual([
      {
        name: 'default',
        roleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] }
      }
    ]);
    const [st] = await status();
    expect(st).toMatchObject({ name: 'default', recording: true, lastStatus: 'Success' });
    expect(st?.lastStartTime).toBeInstanceOf(Date);
    expect(st?.lastStopTime).toBeUndefined();
    const named = await config.send(
      new DescribeConfigurationRecorderStatusCommand({ ConfigurationRecorderNames: ['default'] })
    );
    expect(named.ConfigurationRecordersStatus?.map(s => s.name)).toEqual(['default']);
  });

  it('answers NoSuchConfigurationRecorderException for an unknown name, in every operation', async () => {
    const calls = [
      config.send(new DescribeConfigurationRecordersCommand({ ConfigurationRecorderNames: ['nope'] })),
      config.send(new DescribeConfigurationRecorderStatusCommand({ ConfigurationRecorderNames: ['default', 'nope'] })),
      config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'nope' })),
      config.send(new StopConfigurationRecorderCommand({ ConfigurationRecorderName: 'nope' }))
    ];
    for (const call of calls) {
      expect(await errorOf(call)).toEqual({
        name: 'NoSuchConfigurationRecorderException',
        message: "Cannot find configuration recorder with the specified name 'nope'."
      });
    }
  });

  it('stops and starts the recorder, stamping lastStopTime and lastStartTime', async () => {
    sim.advanceClock(3600);
    const beforeStop = sim.now().getTime();
    await config.send(new StopConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    const [stopped] = await status();
    expect(stopped).toMatchObject({ recording: false, lastStatus: 'Success' });
    expect(stopped?.lastStopTime?.getTime()).toBeGreaterThanOrEqual(beforeStop);
    expect(stopped?.lastStopTime?.getTime()).toBeLessThanOrEqual(sim.now().getTime());
    sim.advanceClock(3600);
    const beforeStart = sim.now().getTime();
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    const [started] = await status();
    expect(started?.recording).toBe(true);
    expect(started?.lastStartTime?.getTime()).toBeGreaterThanOrEqual(beforeStart);
    expect(started?.lastStopTime?.toISOString()).toBe(stopped?.lastStopTime?.toISOString());
  });

  it('refuses a request without the required recorder name (model validation)', async () => {
    const err = await errorOf(
      config.send(new StopConfigurationRecorderCommand({} as { ConfigurationRecorderName: string }))
    );
    expect(err.name).toBe('ValidationException');
  });
});

describe('scenario data', () => {
  it('sets a failing recorder, and `{}` means no recorder', async () => {
    const scenario = await loadScenario('seed');
    const cfg = scenario.state.config;
    cfg['configurationRecorders'] = {
      default: {
        recording: true,
        lastStatus: 'Failure',
        lastErrorCode: 'AccessDenied',
        lastErrorMessage: 'The role may not read resources.'
      }
    };
    const failing = await startSimulator({ scenario });
    const none = await startSimulator({
      scenario: { ...scenario, state: { ...scenario.state, config: { ...cfg, configurationRecorders: {} } } }
    });
    const client = (s: Simulator) =>
      new ConfigServiceClient({
        region: 'us-east-1',
        endpoint: s.url,
        credentials: s.staticCredentials(),
        maxAttempts: 1
      });
    const [a, b] = [client(failing), client(none)];
    try {
      const out = await a.send(new DescribeConfigurationRecorderStatusCommand({}));
      expect(out.ConfigurationRecordersStatus).toEqual([
        {
          name: 'default',
          recording: true,
          lastStatus: 'Failure',
          lastErrorCode: 'AccessDenied',
          lastErrorMessage: 'The role may not read resources.'
        }
      ]);
      expect((await b.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders).toEqual([]);
    } finally {
      a.destroy();
      b.destroy();
      await failing.close();
      await none.close();
    }
  });
});

describe('recording groups (RecordingGroup, RecordingStrategy)', () => {
  it('records what the group covers', () => {
    expect(groupRecords({ allSupported: true, includeGlobalResourceTypes: false }, 'AWS::S3::Bucket')).toBe(true);
    expect(groupRecords({ allSupported: true, includeGlobalResourceTypes: false }, 'AWS::IAM::Role')).toBe(false);
    expect(groupRecords({ allSupported: true, includeGlobalResourceTypes: true }, 'AWS::IAM::Role')).toBe(true);
    expect(groupRecords({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'] }, 'AWS::S3::Bucket')).toBe(true);
    expect(groupRecords({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'] }, 'AWS::EC2::Volume')).toBe(false);
    const exclusion = {
      recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' as const },
      exclusionByResourceTypes: { resourceTypes: ['AWS::S3::Bucket'] }
    };
    expect(groupRecords(exclusion, 'AWS::S3::Bucket')).toBe(false);
    expect(groupRecords(exclusion, 'AWS::EC2::Volume')).toBe(true);
  });
});

describe('a stopped recorder records nothing', () => {
  const LOGGING_RULE = 's3-bucket-logging-enabled';

  /** Turns logging on for every bucket (a change of recorded resources), lets the recorder run, reads the rule. */
  async function fixBuckets(): Promise<string | undefined> {
    for (const b of Object.values(sim.state.resources.s3Buckets)) b.logging ??= { targetBucket: 'access-logs' };
    sim.advanceClock(0);
    const out = await config.send(new DescribeComplianceByConfigRuleCommand({ ConfigRuleNames: [LOGGING_RULE] }));
    return out.ComplianceByConfigRules?.[0]?.Compliance?.ComplianceType;
  }

  it('running: the change is recorded and the change-triggered rule re-evaluated (COMPLIANT)', async () => {
    expect(await fixBuckets()).toBe('COMPLIANT');
  });

  it('stopped: the same change triggers no evaluation, the rule keeps its old result', async () => {
    // "the configuration recorder ... stops recording configuration changes" (API Reference,
    // StopConfigurationRecorder): no configuration item, so no change-triggered evaluation.
    await config.send(new StopConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    expect(await fixBuckets()).toBe('NON_COMPLIANT');
    expect(sim.scheduledTaskErrors()).toEqual([]);
  });
});
