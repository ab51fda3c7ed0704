/**
 * Recorded resource configuration (BatchGetResourceConfig, SelectResourceConfig): what remediation reporting uses to
 * map a resource to its CloudFormation logical id.
 */
import { describe, expect, it } from '@jest/globals';
import { awsErrorCode, callHandler, ManualSim } from './support/config-context.js';
import { parseQuery, QueryError, recordedResources, selectRow } from '../src/services/config/resource-config.js';
import { freshState, loadScenario } from '../src/core/scenario.js';
import { configHandlers } from '../src/services/config/handlers/index.js';
import type { AccountState } from '../src/core/state.js';

const NOW = '2025-06-02T12:00:00.000Z';
const LOGICAL_ID = 'aws:cloudformation:logical-id';

async function seed(options: Record<string, unknown> = {}) {
  const state: AccountState = freshState(await loadScenario('seed'));
  state.resources.ebsVolumes['vol-1'] = { id: 'vol-1', encrypted: false, tags: { team: 'data' } };
  state.resources.rdsInstances['db-1'] = { id: 'db-1', storageEncrypted: true, kmsKeyId: 'key-1' };
  state.resources.vpcs['vpc-1'] = { id: 'vpc-1', flowLogsEnabled: false };
  state.resources.trails['main'] = { name: 'main', isLogging: true, s3BucketName: 'access-logs' };
  const sim = new ManualSim(NOW, options);
  const call = (op: string, input: Record<string, unknown> = {}) => callHandler(configHandlers, op, input, state, sim);
  const errorOf = (op: string, input: Record<string, unknown> = {}) => awsErrorCode(() => call(op, input));
  return { state, call, errorOf };
}

type Item = Record<string, unknown> & { configuration: string; supplementaryConfiguration: Record<string, string> };

describe('BatchGetResourceConfig', () => {
  it('returns the base configuration items of recorded resources, without tags; unknown ones are absent', async () => {
    const { call } = await seed();
    const out = call('BatchGetResourceConfig', {
      resourceKeys: [
        { resourceType: 'AWS::S3::Bucket', resourceId: 'claims-uploads' },
        { resourceType: 'AWS::S3::Bucket', resourceId: 'patient-records' },
        { resourceType: 'AWS::S3::Bucket', resourceId: 'deleted-bucket' },
        { resourceType: 'AWS::EC2::Volume', resourceId: 'vol-1' }
      ]
    });
    expect(out['unprocessedResourceKeys']).toEqual([]);
    const items = out['baseConfigurationItems'] as Item[];
    expect(items.map(i => [i['resourceType'], i['resourceId']])).toEqual([
      ['AWS::S3::Bucket', 'claims-uploads'],
      ['AWS::S3::Bucket', 'patient-records'],
      ['AWS::EC2::Volume', 'vol-1']
    ]);
    expect(items[0]).toMatchObject({
      accountId: '123456789012',
      arn: 'arn:aws:s3:::claims-uploads',
      resourceName: 'claims-uploads',
      awsRegion: 'us-east-1',
      configurationItemStatus: 'OK',
      configurationItemCaptureTime: new Date(NOW)
    });
    expect(items.every(i => !('tags' in i))).toBe(true);
    expect(JSON.parse(items[0]!.configuration)).toEqual({ name: 'claims-uploads', owner: { id: '123456789012' } });
    const supplementary = items[1]!.supplementaryConfiguration;
    expect(JSON.parse(supplementary['BucketLoggingConfiguration']!)).toEqual({
      destinationBucketName: 'access-logs',
      logFilePrefix: 'patient-records/'
    });
    expect(JSON.parse(supplementary['BucketVersioningConfiguration']!)).toEqual({
      status: 'Enabled',
      isMfaDeleteEnabled: false
    });
    expect(JSON.parse(items[2]!.configuration)).toMatchObject({ volumeId: 'vol-1', encrypted: false, state: 'in-use' });
    expect(items[2]!['arn']).toBe('arn:aws:ec2:us-east-1:123456789012:volume/vol-1');
    expect(items[0]!['configurationStateId']).not.toBe(items[1]!['configurationStateId']);
  });

  it('leaves keys beyond the scenario limit unprocessed', async () => {
    const { call } = await seed({ batchGetResourceConfigMaxKeys: 1 });
    const keys = ['access-logs', 'claims-uploads'].map(id => ({ resourceType: 'AWS::S3::Bucket', resourceId: id }));
    const out = call('BatchGetResourceConfig', { resourceKeys: keys });
    expect((out['baseConfigurationItems'] as Item[]).map(i => i['resourceId'])).toEqual(['access-logs']);
    expect(out['unprocessedResourceKeys']).toEqual([keys[1]]);
  });
});

describe('SelectResourceConfig', () => {
  it('returns the tags of given resources in one request', async () => {
    const { call } = await seed();
    const out = call('SelectResourceConfig', {
      Expression:
        "SELECT resourceId, resourceType, tags WHERE resourceType = 'AWS::S3::Bucket' AND resourceId IN ('claims-uploads', 'patient-records', 'gone')"
    });
    expect(out['QueryInfo']).toEqual({
      SelectFields: [{ Name: 'resourceId' }, { Name: 'resourceType' }, { Name: 'tags' }]
    });
    expect((out['Results'] as string[]).map(r => JSON.parse(r) as unknown)).toEqual([
      {
        resourceId: 'claims-uploads',
        resourceType: 'AWS::S3::Bucket',
        tags: [{ key: LOGICAL_ID, value: 'ClaimsUploadsBucket' }]
      },
      {
        resourceId: 'patient-records',
        resourceType: 'AWS::S3::Bucket',
        tags: [{ key: LOGICAL_ID, value: 'PatientRecordsBucket' }]
      }
    ]);
    expect(out['NextToken']).toBeUndefined();
  });

  it('selects nested configuration, filters on tags and configuration, and pages', async () => {
    const { call } = await seed();
    const rows = (expression: string, extra: Record<string, unknown> = {}) => {
      const out = call('SelectResourceConfig', { Expression: expression, ...extra });
      return { rows: (out['Results'] as string[]).map(r => JSON.parse(r) as unknown), token: out['NextToken'] };
    };
    expect(
      rows('select resourceId, configuration.storageEncrypted where configuration.storageEncrypted = true').rows
    ).toEqual([{ resourceId: 'db-1', configuration: { storageEncrypted: true } }]);
    expect(rows(`SELECT arn WHERE tags.key = '${LOGICAL_ID}' AND tags.value = 'AccessLogsBucket'`).rows).toEqual([
      { arn: 'arn:aws:s3:::access-logs' }
    ]);
    expect(rows("SELECT resourceId WHERE tags.tag = 'team=data'").rows).toEqual([{ resourceId: 'vol-1' }]);
    expect(
      rows("SELECT resourceId, supplementaryConfiguration.TrailStatus WHERE resourceType = 'AWS::CloudTrail::Trail'")
        .rows
    ).toEqual([{ resourceId: 'main', supplementaryConfiguration: { TrailStatus: { isLogging: true } } }]);
    const all: unknown[] = [];
    let token: unknown;
    do {
      const page = rows("SELECT resourceId WHERE resourceType = 'AWS::S3::Bucket'", {
        Limit: 2,
        ...(token ? { NextToken: token } : {})
      });
      expect(page.rows.length).toBeLessThanOrEqual(2);
      all.push(...page.rows);
      token = page.token;
    } while (token);
    expect(all).toEqual([
      { resourceId: 'access-logs' },
      { resourceId: 'claims-uploads' },
      { resourceId: 'patient-records' }
    ]);
  });

  it('answers InvalidExpressionException for what the subset does not support, naming it', async () => {
    const { call, errorOf } = await seed();
    for (const expression of [
      "SELECT resourceId WHERE resourceType = 'AWS::S3::Bucket' OR resourceId = 'x'",
      'resourceId',
      'SELECT COUNT(*)',
      "SELECT resourceId WHERE resourceType LIKE 'AWS::S3::%'",
      "SELECT resourceId WHERE resourceType = 'unterminated",
      'SELECT owner',
      "SELECT resourceId WHERE resourceType = 'a' resourceId = 'b'",
      'SELECT resourceId WHERE resourceId IN (1 2)',
      'SELECT resourceId WHERE resourceId = ;'
    ]) {
      expect(errorOf('SelectResourceConfig', { Expression: expression })).toBe('InvalidExpressionException');
    }
    expect(() => call('SelectResourceConfig', { Expression: 'SELECT resourceId ORDER BY resourceId' })).toThrow(
      'ORDER is not supported by the simulated SelectResourceConfig.'
    );
    expect(errorOf('SelectResourceConfig', { Expression: 'SELECT resourceId', Limit: 101 })).toBe(
      'InvalidLimitException'
    );
  });

  it('parses quoted quotes, numbers and booleans', async () => {
    const { state } = await seed();
    expect(parseQuery("SELECT resourceId WHERE resourceName IN ('it''s', 3, false)")).toEqual({
      fields: ['resourceId'],
      conditions: [{ field: 'resourceName', values: ["it's", 3, false] }]
    });
    expect(() => parseQuery('SELECT resourceId WHERE resourceId = @')).toThrow(QueryError);
    const [bucket] = recordedResources(state);
    expect(selectRow(parseQuery("SELECT resourceId WHERE resourceId = 'nope'"), bucket!)).toBeUndefined();
  });
});
