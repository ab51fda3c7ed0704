/**
 * The remediation effectiveness review end to end: audit records of several runs across simulated days in the audit
 * log group, read back by run() with review-days, give the expected counts, times and repeat offenders in the job
 * summary ("Remediation effectiveness") and the JSON report.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand
} from '@aws-sdk/client-cloudwatch-logs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from 'aws-sim';
import type { AuditRecord } from '../../src/remediation/audit.js';
import type { EffectivenessReview } from '../../src/remediation/review.js';
import type { Clock } from '../../src/util/clock.js';
import { cleanup, runInProcess } from '../helpers/action-env.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const GROUP = '/compliance-gate/audit';
const EBS = 'ec2-ebs-encryption-by-default';
const S3 = 's3-bucket-logging-enabled';
const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 5)) };
const MIN = 60_000;
const DAY = 86_400_000;

function context(runId: string): AuditRecord['context'] {
  return {
    repository: 'example-org/healthcare-infra',
    workflow: 'remediate',
    runId,
    runAttempt: '1',
    actor: 'alice',
    eventName: 'schedule',
    sha: '0'.repeat(40),
    ref: 'refs/heads/main',
    roleSessionName: 's',
    accountId: '123456789012',
    region: 'us-east-1',
    mode: 'apply'
  };
}

interface Target {
  rule: string;
  resourceType: string;
  resourceId: string;
  runbook: string;
  hipaa: string;
}
const ACCOUNT: Target = {
  rule: EBS,
  resourceType: 'AWS::::Account',
  resourceId: '123456789012',
  runbook: 'my-hipaa-remediation-runbook',
  hipaa: '164.312(a)(2)(iv)'
};
const BUCKET: Target = {
  rule: S3,
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'claims-uploads',
  runbook: 'my-hipaa-alerting-runbook',
  hipaa: '164.312(b)'
};

/** One run's records: plan (with detection time), approval, start, finish, and verified (or failed). */
function runRecords(
  runId: string,
  t: Target,
  start: number,
  detectedBefore: number,
  outcome: 'verified' | 'failed'
): AuditRecord[] {
  const at = (ms: number) => new Date(start + ms).toISOString();
  const fields = {
    rule: t.rule,
    hipaaSections: [t.hipaa],
    resourceType: t.resourceType,
    resourceId: t.resourceId,
    runbook: t.runbook,
    runbookVersion: '1',
    runbookHash: 'h',
    parameters: {},
    route: 'ssm' as const
  };
  const ctx = context(runId);
  const out: AuditRecord[] = [
    {
      time: at(0),
      event: 'plan-computed',
      context: ctx,
      status: 'planned',
      details: { detectedAt: { [`${t.rule}\n${t.resourceType}\n${t.resourceId}`]: at(-detectedBefore) } }
    },
    { time: at(1), event: 'approval-checked', context: ctx, status: 'approved' },
    { time: at(2), event: 'execution-started', context: ctx, ...fields, executionId: `e-${runId}`, status: 'started' }
  ];
  if (outcome === 'verified') {
    out.push({ time: at(3), event: 'execution-finished', context: ctx, ...fields, status: 'succeeded' });
    out.push({ time: at(10 * MIN), event: 'verified', context: ctx, ...fields, status: 'verified' });
  } else {
    out.push({ time: at(5 * MIN), event: 'execution-finished', context: ctx, ...fields, status: 'failed' });
  }
  return out;
}

describe('review-days over the audit log group', () => {
  let sim: Simulator;
  let logs: CloudWatchLogsClient;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
    logs = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: sim.url, credentials: sim.staticCredentials() });
  });
  afterAll(async () => {
    logs.destroy();
    await sim.close();
  });

  it('counts executions per rule and runbook, times detection to verified, names repeat offenders', async () => {
    const now = sim.now().getTime();
    await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    const runs: AuditRecord[][] = [
      // verified 1 h after detection (50 min before the run + 10 min to verify)
      runRecords('101', ACCOUNT, now - 9 * DAY, 50 * MIN, 'verified'),
      // the same resource again: failed
      runRecords('102', ACCOUNT, now - 6 * DAY, 5 * MIN, 'failed'),
      // verified 30 min after detection
      runRecords('103', BUCKET, now - 2 * DAY, 20 * MIN, 'verified'),
      // verified 2 h after detection; the account a third time
      runRecords('104', ACCOUNT, now - 1 * DAY, 110 * MIN, 'verified')
    ];
    for (const [i, records] of runs.entries()) {
      const stream = `example-org/healthcare-infra/${101 + i}-1/remediate`;
      await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: stream }));
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: GROUP,
          logStreamName: stream,
          logEvents: records.map(r => ({ timestamp: Date.parse(r.time), message: JSON.stringify(r) }))
        })
      );
    }
    // a run older than the window is not counted
    const old = runRecords('100', BUCKET, now - 12 * DAY, MIN, 'failed');
    await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'old' }));
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: 'old',
        logEvents: old.map(r => ({ timestamp: Date.parse(r.time), message: JSON.stringify(r) }))
      })
    );
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: 'old',
        logEvents: [{ timestamp: now - 1000, message: 'not an audit record' }]
      })
    );

    const r = await runInProcess({
      inputs: {
        'aws-region': 'us-east-1',
        'role-to-assume': ROLE,
        'review-days': '10',
        'audit-log-group': GROUP,
        'fail-on': 'never'
      },
      env: sim.env('main'),
      deps: { clock: fastClock }
    });
    try {
      expect(r.exitCode).toBe(0);
      const report = JSON.parse(readFileSync(join(r.dir, r.outputs['report-file']!), 'utf8')) as {
        effectiveness: EffectivenessReview;
      };
      const e = report.effectiveness;
      expect(e.unreadable).toBe(1);
      expect(e.total).toEqual({ started: 4, succeeded: 3, verified: 3, failed: 1, cancelled: 0 });
      expect(e.byRule).toEqual([
        {
          rule: EBS,
          hipaaSections: ['164.312(a)(2)(iv)'],
          started: 3,
          succeeded: 2,
          verified: 2,
          failed: 1,
          cancelled: 0
        },
        { rule: S3, hipaaSections: ['164.312(b)'], started: 1, succeeded: 1, verified: 1, failed: 0, cancelled: 0 }
      ]);
      expect(e.byRunbook.map(b => [b.runbook, b.started, b.verified])).toEqual([
        ['my-hipaa-alerting-runbook', 1, 1],
        ['my-hipaa-remediation-runbook', 3, 2]
      ]);
      expect(e.detectionToVerified).toEqual({ count: 3, medianSeconds: 3600, p90Seconds: 7200 });
      expect(e.repeatOffenders).toEqual([
        { rule: EBS, resourceType: 'AWS::::Account', resourceId: '123456789012', executions: 3 }
      ]);
      expect(e.approvals).toBe(4);
      expect(e.refusals).toBe(0);
      expect(e.weeks.reduce((n, w) => n + w.verified, 0)).toBe(3);
      expect(e.weeks.reduce((n, w) => n + w.failed, 0)).toBe(1);
      expect(r.summary).toContain('### 📈 Remediation effectiveness (last 10 days)');
      expect(r.summary).toContain('Detection to verified (3): median 1h, 90th percentile 2h.');
      expect(r.summary).toContain('```mermaid');
      expect(r.summary).toContain('| ec2-ebs-encryption-by-default | 164.312(a)(2)(iv) | 3 | 2 | 2 | 1 | 0 |');
    } finally {
      cleanup(r);
    }
  });

  it('review-days without an audit log group is an input error', async () => {
    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'review-days': '30' },
      env: sim.env('main'),
      deps: { clock: fastClock }
    });
    try {
      expect(r.exitCode).not.toBe(0);
      expect(r.stdout).toContain("Input 'review-days' reads the audit trail");
    } finally {
      cleanup(r);
    }
  });
});
