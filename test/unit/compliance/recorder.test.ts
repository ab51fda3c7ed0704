import { describe, expect, it } from '@jest/globals';
import type { ConfigRule, ConfigurationRecorder } from '@aws-sdk/client-config-service';
import {
  isPeriodicOnly,
  recorderView,
  records,
  recordsEverything,
  uncoveredReason
} from '../../../src/compliance/recorder.js';

const all: ConfigurationRecorder = {
  name: 'default',
  recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] }
};

describe('recorderView (AWS Config API Reference: ConfigurationRecorderStatus)', () => {
  const running = { name: 'default', recording: true, lastStatus: 'Success' as const };
  it('is on when recording and not failing (Pending is fine)', () => {
    expect(recorderView([all], [running], 'us-east-1').kind).toBe('on');
    expect(recorderView([all], [{ ...running, lastStatus: 'Pending' }], 'us-east-1').kind).toBe('on');
  });
  it('is off when stopped, failing, absent or without a status, naming the recorder', () => {
    const msg = (v: ReturnType<typeof recorderView>) => (v.kind === 'on' ? 'on' : v.error.message);
    expect(msg(recorderView([all], [{ ...running, recording: false }], 'r'))).toBe(
      "configuration recorder 'default' is stopped: change-triggered results are not fresh"
    );
    expect(msg(recorderView([all], [{ ...running, lastStatus: 'Failure' }], 'r'))).toBe(
      "configuration recorder 'default' is failing (lastStatus Failure, no error message): change-triggered results are not fresh"
    );
    expect(msg(recorderView([], [], 'eu-west-1'))).toBe(
      'no configuration recorder in region eu-west-1: change-triggered results are not fresh'
    );
    expect(msg(recorderView([all], [], 'r'))).toBe(
      "configuration recorder 'default' reports no status: change-triggered results are not fresh"
    );
  });
  it('ignores service-linked recorders (they record for another service)', () => {
    const linked = { ...all, name: 'linked', servicePrincipal: 'config-conforms.amazonaws.com' };
    expect(recorderView([linked], [{ ...running, name: 'linked' }], 'r').kind).toBe('off');
  });
});

describe('recording groups (RecordingGroup, RecordingStrategy)', () => {
  it('records everything only with all supported and global types, or an empty exclusion list', () => {
    expect(recordsEverything(all)).toBe(true);
    expect(recordsEverything({ recordingGroup: { allSupported: true, includeGlobalResourceTypes: false } })).toBe(
      false
    );
    expect(recordsEverything({ recordingGroup: { allSupported: false, resourceTypes: ['AWS::S3::Bucket'] } })).toBe(
      false
    );
    expect(recordsEverything({})).toBe(false);
    const exclusion = (types: string[]): ConfigurationRecorder => ({
      recordingGroup: {
        recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
        exclusionByResourceTypes: { resourceTypes: types as never }
      }
    });
    expect(recordsEverything(exclusion([]))).toBe(true);
    expect(recordsEverything(exclusion(['AWS::S3::Bucket']))).toBe(false);
    expect(records(exclusion(['AWS::S3::Bucket']), 'AWS::S3::Bucket')).toBe(false);
    expect(records(exclusion(['AWS::S3::Bucket']), 'AWS::EC2::Volume')).toBe(true);
  });
  it('leaves out global types without includeGlobalResourceTypes, and unlisted types', () => {
    const noGlobal = { recordingGroup: { allSupported: true, includeGlobalResourceTypes: false } };
    expect(records(noGlobal, 'AWS::IAM::Role')).toBe(false);
    expect(records(noGlobal, 'AWS::S3::Bucket')).toBe(true);
    expect(records(all, 'AWS::IAM::Role')).toBe(true);
    const some = { recordingGroup: { allSupported: false, resourceTypes: ['AWS::S3::Bucket' as never] } };
    expect(records(some, 'AWS::S3::Bucket')).toBe(true);
    expect(records(some, 'AWS::EC2::Volume')).toBe(false);
  });
});

describe('trigger types (DescribeConfigRules; "List of AWS Config Managed Rules by Trigger Type")', () => {
  const managed = (extra: Partial<ConfigRule>): ConfigRule => ({
    ConfigRuleName: 'r',
    Source: { Owner: 'AWS', SourceIdentifier: 'X' },
    ...extra
  });
  it('a managed rule is periodic only with a frequency and no scope', () => {
    expect(isPeriodicOnly(managed({ MaximumExecutionFrequency: 'TwentyFour_Hours' }))).toBe(true);
    expect(isPeriodicOnly(managed({}))).toBe(false);
    expect(
      isPeriodicOnly(
        managed({ MaximumExecutionFrequency: 'One_Hour', Scope: { ComplianceResourceTypes: ['AWS::S3::Bucket'] } })
      )
    ).toBe(false);
    expect(isPeriodicOnly(managed({ MaximumExecutionFrequency: 'One_Hour', Scope: { TagKey: 'k' } }))).toBe(false);
  });
  it('a custom rule is periodic only when every trigger is scheduled; Guard rules never', () => {
    const custom = (types: string[]): ConfigRule => ({
      ConfigRuleName: 'c',
      Source: {
        Owner: 'CUSTOM_LAMBDA',
        SourceIdentifier: 'arn',
        SourceDetails: types.map(t => ({ EventSource: 'aws.config', MessageType: t as never }))
      }
    });
    expect(isPeriodicOnly(custom(['ScheduledNotification']))).toBe(true);
    expect(isPeriodicOnly(custom(['ScheduledNotification', 'ConfigurationItemChangeNotification']))).toBe(false);
    expect(isPeriodicOnly({ ConfigRuleName: 'g', Source: { Owner: 'CUSTOM_POLICY' } })).toBe(false);
  });
  it('names the type the recorder leaves out, or says the scope names none', () => {
    const s3Only: ConfigurationRecorder = {
      recordingGroup: { allSupported: false, resourceTypes: ['AWS::S3::Bucket'] }
    };
    const scoped = (t: string) => managed({ ConfigRuleName: 'x', Scope: { ComplianceResourceTypes: [t] } });
    expect(uncoveredReason(scoped('AWS::S3::Bucket'), 'default', s3Only)).toBeUndefined();
    expect(uncoveredReason(scoped('AWS::EC2::Volume'), 'default', s3Only)).toBe(
      "configuration recorder 'default' does not record AWS::EC2::Volume, which change-triggered rule x checks: its results are not fresh"
    );
    expect(uncoveredReason(managed({ ConfigRuleName: 'y' }), 'default', s3Only)).toMatch(
      /^configuration recorder 'default' does not record every resource type and change-triggered rule y names none/
    );
    expect(uncoveredReason(managed({ MaximumExecutionFrequency: 'One_Hour' }), 'default', s3Only)).toBeUndefined();
  });
});
