/**
 * The account's configuration recorder (AWS Config API Reference: ConfigurationRecorder, ConfigurationRecorderStatus,
 * RecordingGroup; https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationRecorder.html).
 *
 * Scenario data: `state.config.configurationRecorders`, by name. Left out, the account has the recorder `default`,
 * recording all supported resource types (global ones included), running, `lastStatus: Success`. `{}` means no
 * recorder. A scenario may set any status field, e.g. `{"recording": true, "lastStatus": "Failure", "lastErrorCode":
 * "AccessDenied", ...}`.
 *
 * A recorder that is stopped or whose last recording failed records nothing, and neither does one whose recording
 * group leaves a type out: such changes produce no configuration item, so change-triggered rules get no new result
 * ("AWS Config evaluates the rule when ... a configuration item is recorded"; AWS Config Developer Guide, "Trigger
 * types for AWS Config rules").
 */
export type RecorderLastStatus = 'Pending' | 'Success' | 'Failure' | 'NotApplicable';

export interface StoredRecordingGroup {
  allSupported?: boolean;
  includeGlobalResourceTypes?: boolean;
  resourceTypes?: string[];
  exclusionByResourceTypes?: { resourceTypes?: string[] };
  recordingStrategy?: {
    useOnly?: 'ALL_SUPPORTED_RESOURCE_TYPES' | 'INCLUSION_BY_RESOURCE_TYPES' | 'EXCLUSION_BY_RESOURCE_TYPES';
  };
}

/** One recorder and its status (timestamps ISO 8601). */
export interface StoredRecorder {
  name: string;
  roleARN?: string;
  recordingGroup: StoredRecordingGroup;
  recording: boolean;
  lastStatus?: RecorderLastStatus;
  lastStartTime?: string;
  lastStopTime?: string;
  lastErrorCode?: string;
  lastErrorMessage?: string;
  lastStatusChangeTime?: string;
}

/** Global resource types: recorded only with includeGlobalResourceTypes (RecordingGroup.includeGlobalResourceTypes). */
const GLOBAL_TYPES = new Set(['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy']);

/** The default recorder of a simulated account with AWS Config set up, started `at`. */
export function defaultRecorder(accountId: string, at: Date): StoredRecorder {
  const t = at.toISOString();
  return {
    name: 'default',
    roleARN: `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
    recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] },
    recording: true,
    lastStatus: 'Success',
    lastStartTime: t,
    lastStatusChangeTime: t
  };
}

/** Whether the recording group covers a resource type (RecordingGroup; RecordingStrategy). */
export function groupRecords(group: StoredRecordingGroup, resourceType: string): boolean {
  const strategy = group.recordingStrategy?.useOnly;
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
    return !(group.exclusionByResourceTypes?.resourceTypes ?? []).includes(resourceType);
  }
  if (strategy === 'INCLUSION_BY_RESOURCE_TYPES' || group.allSupported !== true) {
    return (group.resourceTypes ?? []).includes(resourceType);
  }
  return !GLOBAL_TYPES.has(resourceType) || group.includeGlobalResourceTypes === true;
}

/** Whether a change of `resourceType` is recorded now by some recorder (running, not failing, type covered). */
export function isRecorded(recorders: Record<string, StoredRecorder>, resourceType: string): boolean {
  return Object.values(recorders).some(
    r => r.recording && r.lastStatus !== 'Failure' && groupRecords(r.recordingGroup, resourceType)
  );
}
