/**
 * The audit trail in CloudWatch Logs: every audit record that goes to the local JSON Lines file also goes, as it is
 * made and as the same JSON, to a log stream per run and job (`OWNER/REPO/RUN_ID-ATTEMPT/JOB`) in the audit log
 * group. The group is created when missing, with the configured retention (default 2192 days: six years, HIPAA's
 * documentation retention, 45 CFR 164.316(b)(2)(i)) and KMS key; an existing stream of the same name is reused (the
 * plan and apply jobs of one run may share it).
 *
 * PutLogEvents limits (CloudWatch Logs API Reference, PutLogEvents,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html): at most 10,000
 * events and 1,048,576 bytes per call, counted as the UTF-8 messages plus 26 bytes per event; events in chronological
 * order; one call spans at most 24 hours. One event is at most 256 KB (CloudWatch Logs quotas,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html). Throttling is retried by the
 * client's retry strategy (aws/clients.ts). Events the service rejects (rejectedLogEventsInfo) are a failure: an
 * audit record that did not reach the group is never reported as written.
 */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  type CloudWatchLogsClient
} from '@aws-sdk/client-cloudwatch-logs';
import { awsErrorCode } from '../aws/clients.js';
import type { Logger } from '../logging.js';
import { sanitizeForLog } from '../util/text.js';

export const MAX_BATCH_EVENTS = 10_000;
export const MAX_BATCH_BYTES = 1_048_576;
export const EVENT_OVERHEAD_BYTES = 26;
export const MAX_EVENT_BYTES = 256 * 1024;
const MAX_SPAN_MS = 24 * 3_600_000;
/** The values PutRetentionPolicy accepts (API Reference, PutRetentionPolicy, retentionInDays). */
export const RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653
];

export interface AuditTrailSettings {
  logGroup: string;
  retentionDays: number;
  kmsKeyId?: string;
}

export interface LogEvent {
  timestamp: number;
  message: string;
}

/**
 * Splits events (already in chronological order) into PutLogEvents calls: each at most 10,000 events, at most
 * 1,048,576 bytes (messages plus 26 bytes per event) and spanning at most 24 hours. Throws on an event larger than one
 * event may be, or out of order.
 */
export function batchLogEvents(events: readonly LogEvent[]): LogEvent[][] {
  const batches: LogEvent[][] = [];
  let current: LogEvent[] = [];
  let bytes = 0;
  for (const e of events) {
    const size = Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD_BYTES;
    if (size > MAX_EVENT_BYTES) {
      throw new Error(`an audit record of ${size} bytes exceeds the CloudWatch Logs event limit (${MAX_EVENT_BYTES})`);
    }
    const last = current[current.length - 1];
    if (last && e.timestamp < last.timestamp) throw new Error('audit records are not in chronological order');
    const first = current[0];
    if (
      current.length === MAX_BATCH_EVENTS ||
      bytes + size > MAX_BATCH_BYTES ||
      (first && e.timestamp - first.timestamp > MAX_SPAN_MS)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The stream of a run's job: OWNER/REPO/RUN_ID-ATTEMPT/JOB (':' and '*', which stream names cannot hold, as '-'). */
export function auditStreamName(repository: string, runId: string, runAttempt: string, job: string): string {
  return `${repository}/${runId}-${runAttempt}/${job || 'job'}`.replace(/[:*]/g, '-').slice(0, 512);
}

/** Writes audit records to one log stream; the group and stream are made ready on the first write. */
export class CloudWatchAuditTrail {
  private ready: Promise<void> | undefined;
  private written = 0;
  private warning: string | undefined;

  constructor(
    private readonly logs: () => Promise<CloudWatchLogsClient>,
    readonly settings: AuditTrailSettings,
    readonly stream: string,
    private readonly logger: Logger
  ) {}

  /** Records written to the group so far. */
  count(): number {
    return this.written;
  }

  /** A note about the group found (retention shorter than configured), if any. */
  note(): string | undefined {
    return this.warning;
  }

  /** Writes the events (in order); throws the AWS error or the rejection when any did not reach the stream. */
  async write(events: readonly LogEvent[]): Promise<void> {
    const client = await this.logs();
    this.ready ??= this.prepare(client);
    await this.ready;
    for (const batch of batchLogEvents(events)) {
      const res = await client.send(
        new PutLogEventsCommand({ logGroupName: this.settings.logGroup, logStreamName: this.stream, logEvents: batch })
      );
      const rejected = res.rejectedLogEventsInfo;
      if (
        rejected &&
        (rejected.tooNewLogEventStartIndex !== undefined ||
          rejected.tooOldLogEventEndIndex !== undefined ||
          rejected.expiredLogEventEndIndex !== undefined)
      ) {
        throw new Error(`logs:PutLogEvents rejected audit records (${JSON.stringify(rejected)})`);
      }
      this.written += batch.length;
    }
  }

  private async prepare(client: CloudWatchLogsClient): Promise<void> {
    const { logGroup, retentionDays, kmsKeyId } = this.settings;
    const found = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroup, limit: 50 }));
    const group = found.logGroups?.find(g => g.logGroupName === logGroup);
    if (!group) {
      try {
        await client.send(
          new CreateLogGroupCommand({ logGroupName: logGroup, ...(kmsKeyId !== undefined ? { kmsKeyId } : {}) })
        );
        this.logger.info(sanitizeForLog(`Audit log group ${logGroup} created.`));
      } catch (err) {
        if (awsErrorCode(err) !== 'ResourceAlreadyExistsException') throw err;
      }
      await client.send(new PutRetentionPolicyCommand({ logGroupName: logGroup, retentionInDays: retentionDays }));
    } else if (group.retentionInDays !== undefined && group.retentionInDays < retentionDays) {
      this.warning = `the audit log group ${logGroup} keeps events ${group.retentionInDays} days, less than the ${retentionDays} configured (left unchanged)`;
      this.logger.warn(sanitizeForLog(`Audit trail: ${this.warning}.`));
    }
    try {
      await client.send(new CreateLogStreamCommand({ logGroupName: logGroup, logStreamName: this.stream }));
    } catch (err) {
      if (awsErrorCode(err) !== 'ResourceAlreadyExistsException') throw err;
    }
  }
}
