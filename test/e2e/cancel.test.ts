/**
 * Cancelling the workflow stops remediation: nothing new starts, SSM executions this run started are stopped, AWS
 * Config executions are named as still running, an audit record `cancelled` lists what was stopped and what had
 * finished, and the summary and outputs are written (result=fail). In-process (the phase, then run()) with an abort
 * triggered from the test, and through the built dist/index.js with a real SIGINT.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { PutRemediationConfigurationsCommand } from '@aws-sdk/client-config-service';
import { CreateDocumentCommand } from '@aws-sdk/client-ssm';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AwsClients } from '../../src/aws/clients.js';
import { checkCompliance } from '../../src/compliance/check.js';
import { toRemediationConfiguration } from '../../src/deploy/apply.js';
import type { DesiredRemediation, DesiredState } from '../../src/desired/model.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import type { AuditRecord } from '../../src/remediation/audit.js';
import { runRemediation } from '../../src/remediation/phase.js';
import type { RemediationPhaseResult } from '../../src/remediation/result.js';
import { SummaryBuilder } from '../../src/report/markdown/layout.js';
import { remediationSection } from '../../src/report/sections/remediation.js';
import { documentHash } from '../../src/runbooks/hash.js';
import type { Clock } from '../../src/util/clock.js';
import { cleanup, REPO_ROOT, runInProcess, spawnDist, type ActionRunResult } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';

const ACCOUNT = '123456789012';
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:my-sns-topic`;
const ALERTING_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-alerting-role`;
const REMEDIATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-remediation-role`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/compliance-gate`;
const S3_RULE = 's3-bucket-logging-enabled';
const EBS_RULE = 'ec2-ebs-encryption-by-default';
const RUNBOOKS = join(REPO_ROOT, 'examples', 'seed', 'runbooks');
const ALERTING = readFileSync(join(RUNBOOKS, 'my-hipaa-alerting-runbook.yaml'), 'utf8');
const REMEDIATION = readFileSync(join(RUNBOOKS, 'my-hipaa-remediation-runbook.yaml'), 'utf8');

/** A runbook with a first step that sleeps (aws:sleep, PT60S) before the steps that change anything. */
function sleepy(runbook: string): string {
  return runbook.replace(
    'mainSteps:\n',
    'mainSteps:\n  - name: Wait\n    action: aws:sleep\n    inputs:\n      Duration: PT60S\n'
  );
}
const SLEEPY_REMEDIATION = sleepy(REMEDIATION);
const SLEEPY_ALERTING = sleepy(ALERTING);

type Executions = Record<string, { documentName: string; status: string }>;
const executions = (sim: Simulator): Executions => (sim.state.ssm as unknown as { executions: Executions }).executions;
const inProgress = (sim: Simulator): string[] =>
  Object.entries(executions(sim))
    .filter(([, e]) => e.status === 'InProgress')
    .map(([id]) => id);

function auditLines(file: string): AuditRecord[] {
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map(l => JSON.parse(l) as AuditRecord);
}

interface CancelDetails {
  signal: string;
  stopped: { resourceId: string; executionId?: string; route: string }[];
  stopFailed: unknown[];
  stillRunning: { resourceId: string; route: string }[];
  finished: { resourceId: string; status: string }[];
  notStarted: { resourceId: string }[];
}

const position = { file: 'compliance.yml', line: 1, col: 1 };
function binding(
  over: Partial<DesiredRemediation> & Pick<DesiredRemediation, 'ruleName' | 'targetId'>
): DesiredRemediation {
  return {
    parameters: {},
    automatic: false,
    maximumAutomaticAttempts: 5,
    retryAttemptSeconds: 60,
    concurrencyPercent: 100,
    errorPercent: 50,
    position,
    ...over
  };
}

function desiredState(alerting: string, remediation: string): DesiredState {
  const doc = (name: string, content: string, parameters: string[]) => ({
    name,
    content,
    format: 'YAML' as const,
    hash: documentHash(content),
    parameters,
    policy: { policy: { Version: '2012-10-17', Statement: [] }, notes: [] },
    position
  });
  return {
    manifestFile: 'compliance.yml',
    rules: [],
    documents: [
      doc('my-hipaa-alerting-runbook', alerting, ['TopicArn', 'Message', 'AutomationAssumeRole']),
      doc('my-hipaa-remediation-runbook', remediation, ['AutomationAssumeRole', 'TopicArn'])
    ] as DesiredState['documents'],
    remediations: [
      binding({
        ruleName: S3_RULE,
        targetId: 'my-hipaa-alerting-runbook',
        resourceIdParameter: 'Message',
        parameters: {
          Message: { ResourceValue: { Value: 'RESOURCE_ID' } },
          TopicArn: { StaticValue: { Values: [TOPIC] } },
          AutomationAssumeRole: { StaticValue: { Values: [ALERTING_ROLE] } }
        }
      }),
      binding({
        ruleName: EBS_RULE,
        targetId: 'my-hipaa-remediation-runbook',
        parameters: {
          TopicArn: { StaticValue: { Values: [TOPIC] } },
          AutomationAssumeRole: { StaticValue: { Values: [REMEDIATION_ROLE] } }
        }
      })
    ],
    waivers: [],
    alertTopic: TOPIC
  };
}

/** A virtual clock on the simulator's time that calls `onSleep` first (the test's way to cancel mid-run). */
function simClock(sim: Simulator, onSleep: () => void): Clock {
  let t = sim.now().getTime();
  return {
    now: () => new Date(t),
    sleep: async ms => {
      onSleep();
      t += ms;
      sim.advanceClock(ms / 1000);
      await new Promise(resolve => setImmediate(resolve));
    }
  };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('cancelling the remediation phase (in-process, against the simulator)', () => {
  let sim: Simulator;
  let clients: AwsClients;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
    process.env.AWS_ENDPOINT_URL = sim.url;
    clients = new AwsClients({
      region: 'us-east-1',
      maxAttempts: 3,
      credentials: () => Promise.resolve(sim.staticCredentials())
    });
  });
  afterAll(async () => {
    clients.destroy();
    await sim.close();
    delete process.env.AWS_ENDPOINT_URL;
  });
  beforeEach(() => sim.reset());

  async function setUp(desired: DesiredState, viaConfig: readonly string[]) {
    const ssm = await clients.ssm();
    for (const d of desired.documents) {
      await ssm.send(
        new CreateDocumentCommand({
          Name: d.name,
          Content: d.content,
          DocumentType: 'Automation',
          DocumentFormat: 'YAML'
        })
      );
    }
    sim.advanceClock(1); // documents are Creating until documentActivationSeconds (seed: 1) pass
    if (viaConfig.length > 0) {
      await (
        await clients.config()
      ).send(
        new PutRemediationConfigurationsCommand({
          RemediationConfigurations: desired.remediations
            .filter(r => viaConfig.includes(r.ruleName))
            .map(toRemediationConfiguration)
        })
      );
    }
    const clock: Clock = { now: () => sim.now(), sleep: () => Promise.resolve() };
    const result = await checkCompliance(
      { config: await clients.config(), clock, logger: new MemoryLogger() },
      { rules: 'all', evaluate: false, evaluationTimeoutSeconds: 60, maxResultAgeSeconds: 86_400 },
      { accountId: ACCOUNT, region: 'us-east-1' }
    );
    return result;
  }

  async function remediate(
    desired: DesiredState,
    viaConfig: readonly string[],
    cancelWhen: (logger: MemoryLogger) => boolean,
    abortBefore?: string
  ): Promise<{ r: RemediationPhaseResult; logger: MemoryLogger }> {
    const result = await setUp(desired, viaConfig);
    sim.resetCalls();
    const controller = new AbortController();
    if (abortBefore !== undefined) controller.abort(abortBefore);
    const logger = new MemoryLogger();
    const clock = simClock(sim, () => {
      if (cancelWhen(logger)) controller.abort('SIGINT');
    });
    const reportDir = mkdtempSync(join(tmpdir(), 'cancel-e2e-'));
    dirs.push(reportDir);
    const r = await runRemediation(
      clients,
      { result, desired, deployedRemediations: new Set(viaConfig) },
      {
        mode: 'apply',
        rules: [],
        resources: [],
        max: 10,
        remediateOn: ['workflow_dispatch'],
        timeoutSeconds: 900,
        errorPercent: 50,
        alert: 'always',
        reportDir
      },
      {
        run: {
          repository: 'example-org/healthcare-infra',
          runId: '77',
          runAttempt: '1',
          workflow: 'remediate',
          eventName: 'workflow_dispatch',
          actor: 'alice',
          sha: '0123456789abcdef0123456789abcdef01234567',
          ref: 'refs/heads/main',
          serverUrl: 'https://github.com'
        },
        roleSessionName: 'compliance-gate-77',
        accountId: ACCOUNT,
        region: 'us-east-1',
        isFork: false
      },
      { clock, logger, signal: controller.signal }
    );
    return { r, logger };
  }

  it('stops the started SSM execution, starts nothing more, and records the cancellation', async () => {
    // Plan order: the EBS rule (SSM, sleeps) first, then the buckets. Cancel once the EBS runbook is running.
    const { r } = await remediate(desiredState(ALERTING, SLEEPY_REMEDIATION), [], () => inProgress(sim).length > 0);
    expect(r.error).toBeUndefined();
    expect(r.cancelled?.reason).toBe('SIGINT');
    const ebs = r.outcomes.find(o => o.target.rule === EBS_RULE)!;
    expect(ebs).toMatchObject({ status: 'cancelled', message: 'cancelled: stopped (StopAutomationExecution)' });
    expect(executions(sim)[ebs.executionId!]!.status).toBe('Cancelled');
    // the change step never ran; the buckets were never started; no alert went out
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    const calls = sim.calls().byOperation;
    expect(calls['ssm:StartAutomationExecution']).toBe(1);
    expect(calls['ssm:StopAutomationExecution']).toBe(1);
    expect(calls['config:StartConfigRulesEvaluation']).toBeUndefined();
    expect(calls['sns:Publish']).toBeUndefined();
    expect(r.outcomes.filter(o => o.target.rule === S3_RULE).map(o => o.status)).toEqual(['skipped', 'skipped']);
    expect(r.outcomes.find(o => o.target.rule === S3_RULE)?.message).toBe(
      'not started: the run was cancelled (SIGINT)'
    );
    expect(r.counts).toMatchObject({ started: 1, cancelled: 1, failed: 0, skipped: 2 });
    const audit = auditLines(r.auditFile);
    const last = audit.at(-1)!;
    expect(last).toMatchObject({ event: 'cancelled', status: 'cancelled' });
    const details = last.details as unknown as CancelDetails;
    expect(details.signal).toBe('SIGINT');
    expect(details.stopped).toEqual([expect.objectContaining({ resourceId: ACCOUNT, executionId: ebs.executionId })]);
    expect(details.finished).toEqual([]);
    expect(details.stillRunning).toEqual([]);
    expect(details.notStarted.map(n => n.resourceId).sort()).toEqual(['access-logs', 'claims-uploads']);
    expect(last.reason).toMatch(/^cancelled \(SIGINT\): stopped 1 SSM execution: ec2-ebs-encryption-by-default/);
    expect(audit.find(a => a.event === 'execution-finished')).toMatchObject({
      status: 'cancelled',
      executionId: ebs.executionId
    });
    const md = new SummaryBuilder().add(remediationSection(r.report)).render().markdown;
    expect(md).toContain('**Cancelled:** cancelled (SIGINT): stopped 1 SSM execution');
    expect(md).toContain('🛑 cancelled');
    expect(md).toContain('No alert: the run was cancelled');
  });

  it('names the AWS Config executions it cannot stop, and lists what had finished', async () => {
    // EBS (SSM, quick) finishes first; the buckets run through Config with a sleeping runbook: cancel once started.
    const { r } = await remediate(desiredState(SLEEPY_ALERTING, REMEDIATION), [S3_RULE], logger =>
      logger.lines.some(l => l.includes('Started Config remediation'))
    );
    expect(r.cancelled).toBeDefined();
    expect(r.outcomes.map(o => `${o.target.resourceId} ${o.status}`)).toEqual([
      `${ACCOUNT} succeeded-unverified`,
      'access-logs cancelled',
      'claims-uploads cancelled'
    ]);
    // cancelled before verification: the EBS runbook ran, its rule is not re-evaluated
    expect(r.outcomes[0]!.message).toBe('not verified: the run was cancelled (SIGINT)');
    expect(sim.calls().byOperation['config:StartConfigRulesEvaluation']).toBeUndefined();
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    expect(r.outcomes[1]!.message).toContain('AWS Config has no API to stop a remediation execution');
    expect(sim.calls().byOperation['ssm:StopAutomationExecution']).toBeUndefined();
    const details = auditLines(r.auditFile).at(-1)!.details as unknown as CancelDetails;
    expect(details.stillRunning.map(s => `${s.resourceId} ${s.route}`)).toEqual([
      'access-logs config',
      'claims-uploads config'
    ]);
    expect(details.finished).toEqual([
      expect.objectContaining({ resourceId: ACCOUNT, status: 'succeeded-unverified' })
    ]);
    expect(details.stopped).toEqual([]);
    expect(r.cancelled!.message).toContain(
      'AWS Config has no API to stop a remediation execution, so these may still be running: s3-bucket-logging-enabled AWS::S3::Bucket/access-logs'
    );
  });

  it('cancelled before the first start (SIGTERM): the plan is written, nothing starts, every target is not started', async () => {
    const { r } = await remediate(desiredState(ALERTING, SLEEPY_REMEDIATION), [], () => false, 'SIGTERM');
    expect(r.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(sim.calls().byOperation).filter(op => /Start|Stop|Publish/.test(op))).toEqual([]);
    expect(r.outcomes.map(o => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(r.counts).toMatchObject({ started: 0, cancelled: 0, skipped: 3 });
    const last = auditLines(r.auditFile).at(-1)!;
    expect(last.event).toBe('cancelled');
    expect((last.details as unknown as CancelDetails).notStarted).toHaveLength(3);
    expect(r.cancelled!.message).toBe('cancelled (SIGTERM): stopped 0 SSM executions; 0 had finished; 3 not started.');
  });
});

/** examples/seed with automatic remediation off and a remediation runbook that sleeps 60 s before it changes EBS. */
function sleepySeed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-sleepy-'));
  dirs.push(dir);
  cpSync(join(REPO_ROOT, 'examples', 'seed'), dir, { recursive: true });
  const file = join(dir, 'compliance.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/automatic: true/g, 'automatic: false'));
  const runbook = join(dir, 'runbooks', 'my-hipaa-remediation-runbook.yaml');
  writeFileSync(runbook, sleepy(readFileSync(runbook, 'utf8')));
  return file;
}

describe('cancelling the action', () => {
  let sim: Simulator;
  let manifest: string;
  const results: ActionRunResult[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
    manifest = sleepySeed();
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    for (const r of results.splice(0)) cleanup(r);
  });
  /** The copied example is the repository: the files its manifest references must be inside the workspace. */
  const env = (): Record<string, string> => ({
    ...sim.env('main'),
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_WORKSPACE: dirname(manifest)
  });
  beforeEach(async () => {
    sim.reset();
    const deployed = await runInProcess({
      inputs: {
        'aws-region': 'us-east-1',
        'role-to-assume': ROLE,
        config: manifest,
        deploy: 'apply',
        'fail-on': 'never'
      },
      env: env(),
      deps: { clock: { now: () => new Date(), sleep: ms => new Promise(r => setTimeout(r, Math.min(ms, 50))) } }
    });
    results.push(deployed);
    expect(deployed.exitCode).toBe(0);
  });

  const inputs = {
    'aws-region': 'us-east-1',
    'role-to-assume': ROLE,
    remediate: 'apply',
    'remediate-rules': EBS_RULE,
    'fail-on': 'never',
    alert: 'never',
    checks: 'off'
  };

  function audit(r: ActionRunResult): AuditRecord[] {
    const file = join(r.dir, r.outputs['audit-log-file']!);
    expect(existsSync(file)).toBe(true);
    return auditLines(file);
  }

  it('run() in-process: an abort mid-remediation stops the execution and still writes outputs and summary', async () => {
    const controller = new AbortController();
    const clock: Clock = {
      now: () => new Date(),
      sleep: ms => {
        if (inProgress(sim).length > 0) controller.abort('SIGINT');
        return new Promise(r => setTimeout(r, Math.min(ms, 2)));
      }
    };
    const r = await runInProcess({
      inputs: { ...inputs, config: manifest },
      env: env(),
      deps: { clock, signal: controller.signal }
    });
    results.push(r);
    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('fail');
    expect(r.outputs['remediated-count']).toBe('0');
    expect(r.stdout).toMatch(/::error::Run cancelled \(SIGINT\): stopped 1 SSM execution/);
    expect(r.summary).toContain('**Cancelled:** cancelled (SIGINT)');
    const records = audit(r);
    const cancelled = records.find(a => a.event === 'cancelled')!;
    const details = cancelled.details as unknown as CancelDetails;
    expect(details.stopped).toHaveLength(1);
    expect(executions(sim)[details.stopped[0]!.executionId!]!.status).toBe('Cancelled');
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    const report = JSON.parse(readFileSync(join(r.dir, r.outputs['report-file']!), 'utf8')) as {
      gate: { result: string; reason: string };
    };
    expect(report.gate).toMatchObject({ result: 'fail' });
    expect(report.gate.reason).toMatch(/^cancelled \(SIGINT\)/);
  });

  it('run() cancelled before deploy changes nothing and fails', async () => {
    const controller = new AbortController();
    controller.abort('SIGTERM');
    sim.resetCalls();
    const r = await runInProcess({
      inputs: { ...inputs, config: manifest, deploy: 'apply', prune: 'true' },
      env: env(),
      deps: { signal: controller.signal }
    });
    results.push(r);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('::error::Run cancelled (SIGTERM) before deploy: nothing was changed.');
    expect(Object.keys(sim.calls().byOperation).filter(op => !op.startsWith('sts:'))).toEqual([]);
  });

  const dist = join(REPO_ROOT, 'dist', 'index.js');
  it('dist/index.js: SIGINT while a runbook sleeps stops it, writes the audit record, summary and outputs, exits non-zero within 5 s', async () => {
    expect(existsSync(dist)).toBe(true);
    const { child, done } = spawnDist({
      inputs: { ...inputs, config: manifest },
      env: env()
    });
    let exited = false;
    void done.then(() => (exited = true));
    const waitUntil = Date.now() + 30_000;
    while (inProgress(sim).length === 0 && !exited && Date.now() < waitUntil) {
      await new Promise(res => setTimeout(res, 50));
    }
    const [id] = inProgress(sim);
    expect(id).toBeDefined();
    // The clean-up's StopAutomationExecution answers after 1 s: the SIGTERM below is sent once that call is
    // received, so it surely comes during the clean-up (a fixed delay after SIGINT raced its end under load).
    sim.setFaults({ latencyByOperation: { 'ssm:StopAutomationExecution': 1_000 } });
    const stops = (): number => sim.calls().byOperation['ssm:StopAutomationExecution'] ?? 0;
    const signalledAt = Date.now();
    child.kill('SIGINT');
    // The runner's SIGTERM comes later; one during the clean-up must not interrupt it.
    while (stops() === 0 && !exited && Date.now() < signalledAt + 5_000) {
      await new Promise(res => setTimeout(res, 10));
    }
    expect(exited).toBe(false);
    child.kill('SIGTERM');
    const r = await done;
    const elapsed = Date.now() - signalledAt;
    results.push(r);
    expect(elapsed).toBeLessThan(5_000);
    expect(r.exitCode).not.toBe(0);
    expect(executions(sim)[id!]!.status).toBe('Cancelled');
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    const cancelled = audit(r).find(a => a.event === 'cancelled');
    expect(cancelled).toBeDefined();
    expect((cancelled!.details as unknown as CancelDetails).stopped.map(s => s.executionId)).toEqual([id]);
    expect(r.outputs['result']).toBe('fail');
    expect(r.summary).toContain('**Cancelled:** cancelled (SIGINT)');
    expect(r.stdout).toContain('SIGINT received: the run is cancelled');
    expect(r.stdout).toContain('SIGTERM received again: still cleaning up');
    expect(r.stdout).toMatch(/::error::Run cancelled \(SIGINT\)/);
  }, 60_000);
});
