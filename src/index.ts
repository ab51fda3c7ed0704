/**
 * The entry point GitHub runs. While run() runs, SIGINT and SIGTERM (the runner cancelling the workflow) abort the
 * signal passed to run(): remediation stops what it started and the reports and outputs are still written. If that
 * clean-up is not done within CANCEL_GRACE_MS the process exits anyway; either way it exits non-zero.
 */
import * as core from '@actions/core';
import { cancelOnSignals } from './util/cancellation.js';
import { run } from './main.js';

/** The promise: exit within 5 s of the signal (the runner sends SIGTERM after 7.5 s). */
const CANCEL_GRACE_MS = 4_500;

const cancellation = cancelOnSignals(process, {
  graceMs: CANCEL_GRACE_MS,
  onSignal: (signal, first) => {
    if (first) core.warning(`${signal} received: the run is cancelled; stopping what it started.`);
    else core.info(`${signal} received again: still cleaning up after the cancellation.`);
  },
  onGraceExpired: signal => {
    core.setFailed(`Cancelled (${signal}): the clean-up did not finish within ${CANCEL_GRACE_MS / 1000} s.`);
    process.exit(1);
  }
});
try {
  await run({ signal: cancellation.signal });
} finally {
  cancellation.dispose();
}
if (cancellation.signal.aborted) {
  // Do not wait for anything still pending (sockets, timers): the job is being cancelled.
  process.exit(typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : 1);
}
