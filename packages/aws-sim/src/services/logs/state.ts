/** CloudWatch Logs state of the simulated account (plain JSON, shown by GET /_sim/state). */
import type { AccountState } from '../../core/state.js';

export interface LogEventState {
  /** Epoch milliseconds, as sent. */
  timestamp: number;
  message: string;
  /** Epoch milliseconds: when the simulator accepted it. */
  ingestionTime: number;
  eventId: string;
}

export interface LogStreamState {
  logStreamName: string;
  creationTime: number;
  events: LogEventState[];
}

export interface LogGroupState {
  logGroupName: string;
  creationTime: number;
  /** Absent: never expire. */
  retentionInDays?: number;
  kmsKeyId?: string;
  tags?: Record<string, string>;
  streams: Record<string, LogStreamState>;
}

export interface LogsState {
  groups: Record<string, LogGroupState>;
}

export function logsState(state: AccountState): LogsState {
  state.logs ??= { groups: {} };
  return state.logs;
}
