/**
 * Verification under recorder lag, against the simulated seed account (recorderDelaySeconds 2 unless a test sets
 * more). A change-triggered rule judges the recorded configuration item, and StartConfigRulesEvaluation "re-runs an
 * evaluation against the last known state of your resources" (AWS Config API Reference), so verify.ts waits for an
 * item recorded after the runbook ended before it starts the evaluation. Periodic rules and account-level
 * resources (not recorded) are evaluated at once. The runbook's change is made here by editing the account, as the
 * runbook would; every wait runs on the simulator's clock.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from 'aws-sim';
import { AwsClients } from '../../src/aws/clients.js';
import { AuditLog } from '../../src/remediation/audit.js';
import type { ExecutionResult } from '../../src/remediation/execute/route.js';
import type { PlanTarget } from '../../src/remediation/plan.js';
import { verifyResults, type TargetOutcome } from '../../src/remediation/verify.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import { simClock } from '../helpers/sim-clock.js';

const LOGGING_RULE = 's3-bucket-logging-enabled';
const EBS_RULE = 'ec2-ebs-encryption-by-default';
const ACCOUNT = '123456789012';

let sim: Simulator | undefined;
let clients: AwsClients | undefined;
const dirs: string[] = [];

afterEach(async () => {
  clients?.destroy();
  await sim?.close();
  delete process.env.AWS_ENDPOINT_URL;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(options: Record<string, unknown> = {}): Promise<Simulator> {
  sim = await startSimulator({ scenario: 'seed', options });
  process.env.AWS_ENDPOINT_URL = sim.url;
  const s = sim;
  clients = new AwsClients({
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: () => Promise.resolve(s.staticCredentials())
  });
  return s;
}

function target(rule: string, resourceType: string, resourceId: string, runbook: string): PlanTarget {
  return {
    rule,
    hipaaSections: [],
    resourceType,
    resourceId,
    fingerprint: `${rule}/${resourceId}`,
    runbook: { name: runbook, version: '1', hash: '' },
    parameters: {},
    route: 'config'
  };
}

/** verify.ts over one succeeded execution that ended now, with `timeoutSeconds` to go. */
async function verify(
  s: Simulator,
  t: PlanTarget,
  timeoutSeconds: number,
  alertOnly?: (name: string) => boolean
): Promise<{ outcome: TargetOutcome; logger: MemoryLogger; slept: number[] }> {
  const clock = simClock(s);
  const logger = new MemoryLogger();
  const dir = mkdtempSync(join(tmpdir(), 'verify-lag-'));
  dirs.push(dir);
  const audit = new AuditLog(join(dir, 'audit.jsonl'), {} as never, () => s.now());
  const ended = s.now().toISOString();
  const result: ExecutionResult = { target: t, status: 'succeeded', startedAt: ended, finishedAt: ended };
  const c = clients!;
  const out = await verifyResults(
    { config: () => c.config(), clock, logger, audit, ...(alertOnly ? { alertOnly } : {}) },
    [result],
    { deadline: new Date(s.now().getTime() + timeoutSeconds * 1000) }
  );
  expect(out.error).toBeUndefined();
  return { outcome: out.outcomes[0]!, logger, slept: clock.slept };
}

describe('verification of a change-triggered rule under recorder lag', () => {
  it('waits for the configuration item recorded after the runbook ended, then verifies', async () => {
    const s = await start();
    // The runbook's fix: logging on for claims-uploads. Recorded 2 s (simulator time) later.
    s.state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs' };
    s.resetCalls();
    const { outcome, logger, slept } = await verify(
      s,
      target(LOGGING_RULE, 'AWS::S3::Bucket', 'claims-uploads', 'my-hipaa-remediation-runbook'),
      120
    );
    expect(outcome).toMatchObject({ status: 'verified', complianceAfter: 'COMPLIANT' });
    const calls = s.calls().byOperation;
    // Not recorded at the first look: the history was read again after a sleep, and only then was the rule started.
    expect(calls['config:GetResourceConfigHistory']).toBeGreaterThanOrEqual(2);
    expect(slept.length).toBeGreaterThanOrEqual(1);
    expect(calls['config:StartConfigRulesEvaluation']).toBe(1);
    expect(logger.lines.join('\n')).toMatch(
      /Waiting for AWS Config to record .*s3-bucket-logging-enabled.*remediation-timeout/
    );
  });

  it('is succeeded-unverified, naming recorder lag, when no item is recorded before remediation-timeout', async () => {
    const s = await start({ recorderDelaySeconds: 600 });
    s.state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs' };
    s.resetCalls();
    const { outcome, slept } = await verify(
      s,
      target(LOGGING_RULE, 'AWS::S3::Bucket', 'claims-uploads', 'my-hipaa-remediation-runbook'),
      60
    );
    expect(outcome.status).toBe('succeeded-unverified');
    expect(outcome.message).toContain(
      'AWS Config recorded no configuration item of AWS::S3::Bucket claims-uploads after the runbook ended'
    );
    expect(outcome.message).toContain('recorder lag');
    // Never evaluated against the stale recorded state, and the waits add up to the timeout, no more.
    expect(s.calls().byOperation['config:StartConfigRulesEvaluation']).toBeUndefined();
    const total = slept.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(60_000);
    expect(total).toBeGreaterThan(59_000);
  });

  it('a stopped recorder records nothing: unverified, never judged on the old item', async () => {
    const s = await start();
    const recorders = (s.state.config as { configurationRecorders?: Record<string, { recording: boolean }> })
      .configurationRecorders;
    if (recorders) for (const r of Object.values(recorders)) r.recording = false;
    s.state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs' };
    const { outcome } = await verify(
      s,
      target(LOGGING_RULE, 'AWS::S3::Bucket', 'claims-uploads', 'my-hipaa-remediation-runbook'),
      30
    );
    expect(outcome.status).toBe('succeeded-unverified');
    expect(outcome.message).toContain('recorder lag');
  });
});

describe('rules that need no configuration item', () => {
  it('a periodic rule is evaluated at once and verified', async () => {
    const s = await start();
    const rules = (s.state.config as { rules: Record<string, { rule: Record<string, unknown> }> }).rules;
    rules[EBS_RULE]!.rule['MaximumExecutionFrequency'] = 'TwentyFour_Hours';
    s.state.resources.ebsEncryptionByDefault['us-east-1'] = true;
    s.resetCalls();
    const { outcome } = await verify(
      s,
      target(EBS_RULE, 'AWS::::Account', ACCOUNT, 'my-hipaa-remediation-runbook'),
      120
    );
    expect(outcome).toMatchObject({ status: 'verified', complianceAfter: 'COMPLIANT' });
    expect(s.calls().byOperation['config:GetResourceConfigHistory']).toBeUndefined();
    expect(s.calls().byOperation['config:StartConfigRulesEvaluation']).toBe(1);
  });

  it('an account-level resource (not recorded) is evaluated at once, and the log says why', async () => {
    const s = await start();
    s.state.resources.ebsEncryptionByDefault['us-east-1'] = true;
    s.resetCalls();
    const { outcome, logger } = await verify(
      s,
      target(EBS_RULE, 'AWS::::Account', ACCOUNT, 'my-hipaa-remediation-runbook'),
      120
    );
    expect(outcome).toMatchObject({ status: 'verified', complianceAfter: 'COMPLIANT' });
    expect(s.calls().byOperation['config:GetResourceConfigHistory']).toBeUndefined();
    expect(logger.lines.join('\n')).toContain('AWS Config records no configuration item for AWS::::Account');
  });

  it('an alert-only runbook is alerted: not awaited, the finding stays open', async () => {
    const s = await start();
    s.resetCalls();
    const { outcome } = await verify(
      s,
      target(LOGGING_RULE, 'AWS::S3::Bucket', 'claims-uploads', 'my-hipaa-alerting-runbook'),
      120,
      name => name === 'my-hipaa-alerting-runbook'
    );
    expect(outcome.status).toBe('alerted');
    expect(outcome.complianceAfter).toBeUndefined();
    expect(outcome.message).toContain('only alerts');
    expect(s.calls().total).toBe(0);
  });
});
