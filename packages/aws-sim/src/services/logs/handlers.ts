/**
 * CloudWatch Logs of the simulated account (awsJson1_1, X-Amz-Target Logs_20140328.*): log groups with retention and
 * KMS key, streams, PutLogEvents with its documented limits and ordering rules, FilterLogEvents (paged).
 *
 * Rules followed (CloudWatch Logs API Reference):
 * - CreateLogGroup: an existing name is ResourceAlreadyExistsException
 *   (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html).
 * - PutRetentionPolicy: retentionInDays is one of the listed values, else InvalidParameterException
 *   (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html).
 * - PutLogEvents (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html):
 *   at most 10,000 events and 1,048,576 bytes per call, the size being the sum of the UTF-8 messages plus 26 bytes
 *   per event; the events must be in chronological order by timestamp; a batch cannot span more than 24 hours; events
 *   more than 2 hours in the future are rejected (tooNewLogEventStartIndex), events older than 14 days or than the
 *   group's retention are rejected (tooOldLogEventEndIndex / expiredLogEventEndIndex): the call succeeds and names
 *   them in rejectedLogEventsInfo. A missing group or stream is ResourceNotFoundException. The sequence token is
 *   ignored.
 * - FilterLogEvents: events of the group (optionally some streams) between startTime and endTime, by timestamp, at
 *   most `limit` (default and maximum 10,000) per page, with nextToken
 *   (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html). The simulator
 *   supports an empty filter pattern and a single quoted term (`"text"`, the events containing it); any other pattern
 *   is refused (NotImplemented) rather than answered wrongly.
 */
import type * as Logs from '@aws-sdk/client-cloudwatch-logs';
import { randomUUID } from 'node:crypto';
import { AwsError, type RequestContext, typedHandlers } from '../../core/types.js';
import { logsState, type LogGroupState, type LogStreamState } from './state.js';

export const MAX_BATCH_EVENTS = 10_000;
export const MAX_BATCH_BYTES = 1_048_576;
export const EVENT_OVERHEAD_BYTES = 26;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const RETENTION_DAYS = new Set([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653
]);
const DESCRIBE_PAGE = 50;

const invalidParameter = (message: string): AwsError => new AwsError('InvalidParameterException', message);
const notFound = (message: string): AwsError => new AwsError('ResourceNotFoundException', message);

function group(ctx: RequestContext, name: string | undefined): LogGroupState {
  const g = name === undefined ? undefined : logsState(ctx.state).groups[name];
  if (!g) throw notFound('The specified log group does not exist.');
  return g;
}

function groupArn(ctx: RequestContext, name: string): string {
  return `arn:aws:logs:${ctx.state.region}:${ctx.state.accountId}:log-group:${name}`;
}

function pageStart(token: string | undefined, length: number): number {
  if (token === undefined) return 0;
  const n = Number(token);
  if (!Number.isInteger(n) || n < 0 || n > length) throw invalidParameter('The specified nextToken is invalid.');
  return n;
}

function createLogGroup(input: Logs.CreateLogGroupCommandInput, ctx: RequestContext): unknown {
  const name = input.logGroupName!;
  const groups = logsState(ctx.state).groups;
  if (groups[name]) throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
  const g: LogGroupState = { logGroupName: name, creationTime: ctx.now().getTime(), streams: {} };
  if (input.kmsKeyId !== undefined) g.kmsKeyId = input.kmsKeyId;
  if (input.tags) g.tags = { ...input.tags };
  groups[name] = g;
  return {};
}

function putRetentionPolicy(input: Logs.PutRetentionPolicyCommandInput, ctx: RequestContext): unknown {
  const g = group(ctx, input.logGroupName);
  const days = input.retentionInDays!;
  if (!RETENTION_DAYS.has(days)) {
    throw invalidParameter(
      `1 validation error detected: Value '${days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${[...RETENTION_DAYS].join(', ')}]`
    );
  }
  g.retentionInDays = days;
  return {};
}

function describeLogGroups(input: Logs.DescribeLogGroupsCommandInput, ctx: RequestContext): unknown {
  const prefix = input.logGroupNamePrefix ?? '';
  const all = Object.values(logsState(ctx.state).groups)
    .filter(g => g.logGroupName.startsWith(prefix))
    .sort((a, b) => a.logGroupName.localeCompare(b.logGroupName));
  const limit = input.limit ?? DESCRIBE_PAGE;
  const start = pageStart(input.nextToken, all.length);
  const page = all.slice(start, start + limit);
  return {
    logGroups: page.map(g => ({
      logGroupName: g.logGroupName,
      creationTime: g.creationTime,
      ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
      ...(g.kmsKeyId !== undefined ? { kmsKeyId: g.kmsKeyId } : {}),
      metricFilterCount: 0,
      arn: `${groupArn(ctx, g.logGroupName)}:*`,
      storedBytes: 0
    })),
    ...(start + limit < all.length ? { nextToken: String(start + limit) } : {})
  };
}

function createLogStream(input: Logs.CreateLogStreamCommandInput, ctx: RequestContext): unknown {
  const g = group(ctx, input.logGroupName);
  const name = input.logStreamName!;
  if (g.streams[name]) throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
  g.streams[name] = { logStreamName: name, creationTime: ctx.now().getTime(), events: [] };
  return {};
}

function describeLogStreams(input: Logs.DescribeLogStreamsCommandInput, ctx: RequestContext): unknown {
  const g = group(ctx, input.logGroupName ?? input.logGroupIdentifier);
  const prefix = input.logStreamNamePrefix ?? '';
  const all = Object.values(g.streams)
    .filter(s => s.logStreamName.startsWith(prefix))
    .sort((a, b) => a.logStreamName.localeCompare(b.logStreamName));
  const limit = input.limit ?? DESCRIBE_PAGE;
  const start = pageStart(input.nextToken, all.length);
  return {
    logStreams: all.slice(start, start + limit).map(s => ({
      logStreamName: s.logStreamName,
      creationTime: s.creationTime,
      ...(s.events.length > 0
        ? {
            firstEventTimestamp: s.events[0]!.timestamp,
            lastEventTimestamp: s.events[s.events.length - 1]!.timestamp,
            lastIngestionTime: s.events[s.events.length - 1]!.ingestionTime
          }
        : {}),
      arn: `${groupArn(ctx, g.logGroupName)}:log-stream:${s.logStreamName}`,
      storedBytes: 0
    })),
    ...(start + limit < all.length ? { nextToken: String(start + limit) } : {})
  };
}

/** The batch size as PutLogEvents counts it: UTF-8 bytes of every message plus 26 bytes per event. */
export function batchBytes(events: readonly { message?: string | undefined }[]): number {
  return events.reduce((n, e) => n + Buffer.byteLength(e.message ?? '', 'utf8') + EVENT_OVERHEAD_BYTES, 0);
}

function putLogEvents(input: Logs.PutLogEventsCommandInput, ctx: RequestContext): unknown {
  const g = group(ctx, input.logGroupName);
  const stream: LogStreamState | undefined = g.streams[input.logStreamName!];
  if (!stream) throw notFound('The specified log stream does not exist.');
  const events = input.logEvents ?? [];
  if (events.length === 0) throw invalidParameter('Log events cannot be empty.');
  if (events.length > MAX_BATCH_EVENTS) {
    throw invalidParameter(`Log event batch contains more than ${MAX_BATCH_EVENTS} events.`);
  }
  if (batchBytes(events) > MAX_BATCH_BYTES) {
    throw invalidParameter(`Upload too large: ${batchBytes(events)} bytes exceeds ${MAX_BATCH_BYTES} bytes.`);
  }
  const times = events.map(e => Number(e.timestamp));
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < times[i - 1]!) {
      throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
    }
  }
  if (times[times.length - 1]! - times[0]! > DAY_MS) {
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }
  const now = ctx.now().getTime();
  const tooNew = times.findIndex(t => t > now + 2 * HOUR_MS);
  let tooOldEnd = -1;
  let expiredEnd = -1;
  times.forEach((t, i) => {
    if (t < now - 14 * DAY_MS) tooOldEnd = i;
    if (g.retentionInDays !== undefined && t < now - g.retentionInDays * DAY_MS) expiredEnd = i;
  });
  events.forEach((e, i) => {
    if (tooNew >= 0 && i >= tooNew) return;
    if (i <= tooOldEnd || i <= expiredEnd) return;
    stream.events.push({ timestamp: times[i]!, message: e.message!, ingestionTime: now, eventId: randomUUID() });
  });
  const rejected: Record<string, number> = {};
  if (tooNew >= 0) rejected.tooNewLogEventStartIndex = tooNew;
  if (tooOldEnd >= 0) rejected.tooOldLogEventEndIndex = tooOldEnd + 1;
  if (expiredEnd >= 0) rejected.expiredLogEventEndIndex = expiredEnd + 1;
  return Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {};
}

function matches(pattern: string | undefined, message: string): boolean {
  const p = (pattern ?? '').trim();
  if (p === '') return true;
  const quoted = /^"([^"]*)"$/.exec(p);
  if (quoted) return message.includes(quoted[1]!);
  throw new AwsError('NotImplemented', `The simulator supports only empty or "quoted" filter patterns, got '${p}'`);
}

function filterLogEvents(input: Logs.FilterLogEventsCommandInput, ctx: RequestContext): unknown {
  const g = group(ctx, input.logGroupName ?? input.logGroupIdentifier);
  const names = input.logStreamNames;
  const prefix = input.logStreamNamePrefix;
  if (names && prefix !== undefined) {
    throw invalidParameter('You cannot specify both LogStreamNames and LogStreamNamePrefix.');
  }
  const start = input.startTime === undefined ? -Infinity : Number(input.startTime);
  const end = input.endTime === undefined ? Infinity : Number(input.endTime);
  const all = Object.values(g.streams)
    .filter(s => (names ? names.includes(s.logStreamName) : s.logStreamName.startsWith(prefix ?? '')))
    .flatMap(s => s.events.map(e => ({ ...e, logStreamName: s.logStreamName })))
    .filter(e => e.timestamp >= start && e.timestamp <= end && matches(input.filterPattern, e.message))
    .sort((a, b) => a.timestamp - b.timestamp || a.ingestionTime - b.ingestionTime);
  const limit = input.limit ?? MAX_BATCH_EVENTS;
  const from = pageStart(input.nextToken, all.length);
  return {
    events: all.slice(from, from + limit).map(e => ({
      logStreamName: e.logStreamName,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingestionTime,
      eventId: e.eventId
    })),
    ...(from + limit < all.length ? { nextToken: String(from + limit) } : {})
  };
}

type LogsInputs = {
  CreateLogGroup: Logs.CreateLogGroupCommandInput;
  PutRetentionPolicy: Logs.PutRetentionPolicyCommandInput;
  DescribeLogGroups: Logs.DescribeLogGroupsCommandInput;
  CreateLogStream: Logs.CreateLogStreamCommandInput;
  DescribeLogStreams: Logs.DescribeLogStreamsCommandInput;
  PutLogEvents: Logs.PutLogEventsCommandInput;
  FilterLogEvents: Logs.FilterLogEventsCommandInput;
};

/** logs operations of the simulated account. */
export const logsHandlers = typedHandlers<LogsInputs>({
  CreateLogGroup: createLogGroup,
  PutRetentionPolicy: putRetentionPolicy,
  DescribeLogGroups: describeLogGroups,
  CreateLogStream: createLogStream,
  DescribeLogStreams: describeLogStreams,
  PutLogEvents: putLogEvents,
  FilterLogEvents: filterLogEvents
});
