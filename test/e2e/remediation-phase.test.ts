/**
 * The remediation phase end to end against the simulated account (seed: two buckets without access logging, EBS
 * default encryption off), with the blog's runbooks deployed: plan, apply through AWS Config and through SSM
 * directly, verification, oversight refusals, approval by plan hash and by approved plan file, step failure,
 * timeout, error threshold, the audit log (also when an AWS call fails midway) and credential leaks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { PutRemediationConfigurationsCommand, StartConfigRulesEvaluationCommand } from '@aws-sdk/client-config-service';
import { CreateDocumentCommand } from '@aws-sdk/client-ssm';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClients } from '../../src/aws/clients.js';
import { checkCompliance } from '../../src/compliance/check.js';
import type { ComplianceResult } from '../../src/compliance/types.js';
import type { RunInfo } from '../../src/run-context.js';
import { toRemediationConfiguration } from '../../src/deploy/apply.js';
import type { DesiredRemediation, DesiredState } from '../../src/desired/model.js';
import { AwsCallError, PolicyError } from '../../src/errors.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import type { AuditRecord } from '../../src/remediation/audit.js';
import { runRemediation, type RemediationOptions, type RemediationRunContext } from '../../src/remediation/phase.js';
import type { RemediationPlan } from '../../src/remediation/plan.js';
import type { RemediationPhaseResult } from '../../src/remediation/result.js';
import { SummaryBuilder } from '../../src/report/markdown/layout.js';
import { remediationSection } from '../../src/report/sections/remediation.js';
import { documentHash } from '../../src/runbooks/hash.js';
import type { Clock } from '../../src/util/clock.js';
import { REPO_ROOT } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
import { recordChanges } from '../helpers/sim-clock.js';
import { runbookChangesNothing } from '../../src/runbooks/effects.js';
import { loadRunbook } from '../../src/runbooks/load.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:my-sns-topic';
const ALERTING_ROLE = 'arn:aws:iam::123456789012:role/my-hipaa-alerting-role';
const REMEDIATION_ROLE = 'arn:aws:iam::123456789012:role/my-hipaa-remediation-role';
const S3_RULE = 's3-bucket-logging-enabled';
const EBS_RULE = 'ec2-ebs-encryption-by-default';
const RUNBOOKS = join(REPO_ROOT, 'examples', 'seed', 'runbooks');
const ALERTING = readFileSync(join(RUNBOOKS, 'my-hipaa-alerting-runbook.yaml'), 'utf8');
const REMEDIATION = readFileSync(join(RUNBOOKS, 'my-hipaa-remediation-runbook.yaml'), 'utf8');

const position = { file: 'compliance.yml', line: 1, col: 1 };

function binding(
  over: Partial<DesiredRemediation> & Pick<DesiredRemediation, 'ruleName' | 'targetId'>
): DesiredRemediation {
  return {
    parameters: {},
    automatic: false,
    maximumAutomaticAttempts: 5,
    retryAttemptSeconds: 60,
    concurrencyPercent: 10,
    errorPercent: 50,
    position,
    ...over
  };
}

function desiredState(): DesiredState {
  const doc = (name: string, content: string, parameters: string[]) => ({
    name,
    content,
    format: 'YAML' as const,
    hash: documentHash(content),
    parameters,
    policy: { policy: { Version: '2012-10-17', Statement: [] }, notes: [] },
    changesNothing: runbookChangesNothing(loadRunbook(content, `${name}.yaml`)),
    position
  });
  return {
    manifestFile: 'compliance.yml',
    rules: [],
    documents: [
      doc('my-hipaa-alerting-runbook', ALERTING, ['TopicArn', 'Message', 'AutomationAssumeRole']),
      doc('my-hipaa-remediation-runbook', REMEDIATION, ['AutomationAssumeRole', 'TopicArn'])
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

/**
 * A virtual clock that starts at the simulator's time: sleeping moves both forward (the simulator runs what became
 * due), so nothing waits for real and the clock only moves when slept.
 */
function simClock(sim: Simulator): Clock & { slept: number[] } {
  const slept: number[] = [];
  let t = sim.now().getTime();
  return {
    slept,
    now: () => new Date(t),
    sleep: async ms => {
      slept.push(ms);
      t += ms;
      sim.advanceClock(ms / 1000);
      await new Promise(resolve => setImmediate(resolve));
    }
  };
}

const run: RunInfo = {
  repository: 'example-org/healthcare-infra',
  runId: '4242',
  runAttempt: '1',
  workflow: 'remediate',
  eventName: 'workflow_dispatch',
  actor: 'alice',
  sha: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/heads/main',
  serverUrl: 'https://github.com'
};

function context(over: Partial<RemediationRunContext> = {}): RemediationRunContext {
  return {
    run,
    roleSessionName: 'compliance-gate-4242',
    accountId: '123456789012',
    region: 'us-east-1',
    isFork: false,
    ...over
  };
}

let dirs: string[] = [];
function options(over: Partial<RemediationOptions> = {}): RemediationOptions {
  const reportDir = mkdtempSync(join(tmpdir(), 'remediation-e2e-'));
  dirs.push(reportDir);
  return {
    mode: 'plan',
    rules: [],
    resources: [],
    max: 10,
    remediateOn: ['workflow_dispatch', 'schedule'],
    timeoutSeconds: 900,
    errorPercent: 50,
    alert: 'never',
    reportDir,
    ...over
  };
}

function auditOf(r: RemediationPhaseResult): AuditRecord[] {
  return readFileSync(r.auditFile, 'utf8')
    .trimEnd()
    .split('\n')
    .map(line => JSON.parse(line) as AuditRecord);
}

function markdown(r: RemediationPhaseResult): string {
  return new SummaryBuilder().add(remediationSection(r.report)).render().markdown;
}

function byResource(r: RemediationPhaseResult): Record<string, string> {
  return Object.fromEntries(r.outcomes.map(o => [o.target.resourceId, o.status]));
}

function runbookMessages(sim: Simulator): string[] {
  return sim.state.sns.messages.filter(m => !m.message.startsWith('compliance-gate')).map(m => m.message);
}

describe('remediation phase against the simulated account', () => {
  let sim: Simulator;
  let clients: AwsClients;
  let clock: ReturnType<typeof simClock>;

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
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    dirs = [];
  });

  /** Deploys the blog's runbooks (and, with viaConfig, the remediation configurations) and checks compliance. */
  async function seed(viaConfig: boolean): Promise<{ result: ComplianceResult; deployed: Set<string> }> {
    sim.reset();
    clock = simClock(sim);
    const ssm = await clients.ssm();
    for (const [name, content] of [
      ['my-hipaa-alerting-runbook', ALERTING],
      ['my-hipaa-remediation-runbook', REMEDIATION]
    ] as const) {
      await ssm.send(
        new CreateDocumentCommand({ Name: name, Content: content, DocumentType: 'Automation', DocumentFormat: 'YAML' })
      );
    }
    // A new document is Creating until documentActivationSeconds pass (seed: 1), as on AWS.
    await clock.sleep(1000);
    clock.slept.length = 0;
    const deployed = new Set<string>();
    if (viaConfig) {
      const out = await (
        await clients.config()
      ).send(
        new PutRemediationConfigurationsCommand({
          RemediationConfigurations: desiredState().remediations.map(toRemediationConfiguration)
        })
      );
      expect(out.FailedBatches ?? []).toEqual([]);
      deployed.add(S3_RULE).add(EBS_RULE);
    }
    return { result: await check(), deployed };
  }

  async function check(evaluate = false): Promise<ComplianceResult> {
    const result = await checkCompliance(
      { config: await clients.config(), clock, logger: new MemoryLogger() },
      { rules: 'all', evaluate, evaluationTimeoutSeconds: 120, maxResultAgeSeconds: 86_400 },
      { accountId: '123456789012', region: 'us-east-1' }
    );
    return {
      ...result,
      rules: result.rules.map(r => ({
        ...r,
        hipaaSections: r.ruleName === S3_RULE ? ['164.312(b)'] : ['164.312(a)(2)(iv)']
      }))
    };
  }

  async function remediate(
    seeded: { result: ComplianceResult; deployed: Set<string> },
    opts: Partial<RemediationOptions> = {},
    ctx: Partial<RemediationRunContext> = {},
    over: { clients?: AwsClients; desired?: DesiredState; clock?: Clock } = {}
  ): Promise<RemediationPhaseResult> {
    return runRemediation(
      over.clients ?? clients,
      { result: seeded.result, desired: over.desired ?? desiredState(), deployedRemediations: seeded.deployed },
      options(opts),
      context(ctx),
      { clock: over.clock ?? clock, logger: new MemoryLogger() }
    );
  }

  const automationCount = (): number =>
    Object.keys((sim.state.ssm as { executions?: Record<string, unknown> }).executions ?? {}).length;

  it('plan lists 3 targets (2 buckets with the alerting runbook, the account with the EBS runbook) and changes nothing', async () => {
    const seeded = await seed(true);
    sim.resetCalls();
    const r = await remediate(seeded, { mode: 'plan' });
    expect(r.error).toBeUndefined();
    expect(
      r.plan?.targets.map(
        t => `${t.rule} ${t.resourceType} ${t.resourceId} ${t.runbook.name}@${t.runbook.version} ${t.route}`
      )
    ).toEqual([
      'ec2-ebs-encryption-by-default AWS::::Account 123456789012 my-hipaa-remediation-runbook@1 ssm',
      's3-bucket-logging-enabled AWS::S3::Bucket access-logs my-hipaa-alerting-runbook@1 config',
      's3-bucket-logging-enabled AWS::S3::Bucket claims-uploads my-hipaa-alerting-runbook@1 config'
    ]);
    const bucket = r.plan!.targets[2]!;
    expect(bucket.parameters).toEqual({
      AutomationAssumeRole: [ALERTING_ROLE],
      Message: ['claims-uploads'],
      TopicArn: [TOPIC]
    });
    expect(bucket.runbook.hash).toBe(documentHash(ALERTING));
    expect(bucket.hipaaSections).toEqual(['164.312(b)']);
    // nothing changed: no execution, no message, EBS still off
    expect(automationCount()).toBe(0);
    expect(sim.state.sns.messages).toEqual([]);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    const calls = sim.calls().byOperation;
    expect(Object.keys(calls).filter(op => /Start|Stop|Publish|Put/.test(op))).toEqual([]);
    expect(calls['ssm:DescribeDocument']).toBe(2); // once per runbook
    // the plan file is the plan, with its hash; the summary shows it
    const file = JSON.parse(readFileSync(r.planFile!, 'utf8')) as RemediationPlan;
    expect(file).toMatchObject({ schemaVersion: 1, hash: r.planHash, mode: 'plan' });
    expect(file.targets).toEqual(r.plan!.targets);
    expect(r.planHash).toMatch(/^[0-9a-f]{64}$/);
    const md = markdown(r);
    expect(md).toContain(r.planHash!);
    expect(md).toContain('dry run');
    expect(md).toContain('| my-hipaa-alerting-runbook@1 |');
    expect(auditOf(r).map(a => a.event)).toEqual(['plan-computed']);
    // the same account gives the same plan and hash
    const again = await remediate(seeded, { mode: 'plan' });
    expect(again.planHash).toBe(r.planHash);
  });

  it('apply through AWS Config runs the approved plan: SNS messages, EBS encryption on, EBS verified, buckets alerted', async () => {
    const seeded = await seed(true);
    const planned = await remediate(seeded, { mode: 'plan' });
    sim.resetCalls();
    const r = await remediate(seeded, { mode: 'apply', approvedPlanHash: planned.planHash!, alert: 'on-change' });
    expect(r.error).toBeUndefined();
    expect(r.planHash).toBe(planned.planHash);
    expect(runbookMessages(sim).sort()).toEqual([
      'EBS encryption is enabled in this account.',
      'S3 Bucket access-logs server access logging is disabled.',
      'S3 Bucket claims-uploads server access logging is disabled.'
    ]);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(true);
    // The alerting runbook only publishes: not awaited, the findings stay open.
    expect(byResource(r)).toEqual({
      '123456789012': 'verified',
      'access-logs': 'alerted',
      'claims-uploads': 'alerted'
    });
    const accessLogs = r.outcomes.find(o => o.target.resourceId === 'access-logs')!;
    expect(accessLogs).toMatchObject({ complianceBefore: 'NON_COMPLIANT' });
    expect(accessLogs.complianceAfter).toBeUndefined();
    expect(accessLogs.message).toContain('only alerts');
    expect(r.counts).toMatchObject({
      planned: 3,
      started: 3,
      remediated: 3,
      verified: 1,
      unverified: 0,
      alerted: 2,
      failed: 0
    });
    const calls = sim.calls().byOperation;
    expect(calls['config:StartRemediationExecution']).toBe(2); // S3 in waves of 1 (10 % of 2)
    // StartRemediationExecution does not take AWS::::Account: the account-level target runs through SSM directly
    expect(calls['ssm:StartAutomationExecution']).toBe(1);
    expect(calls['config:StartConfigRulesEvaluation']).toBe(1); // the EBS rule only: alerts are not re-evaluated
    // polling goes through the injected clock, starting at 2 s
    expect(clock.slept[0]).toBe(2000);
    // the audit log: one start and one finish per execution, one verification per succeeded execution
    const audit = auditOf(r);
    const count = (e: string): number => audit.filter(a => a.event === e).length;
    expect(count('execution-started')).toBe(3);
    expect(count('execution-finished')).toBe(3);
    expect(count('verified')).toBe(3);
    expect(audit[0]!.event).toBe('plan-computed');
    expect(audit.find(a => a.event === 'approval-checked')?.status).toBe('approved');
    const ebs = audit.find(a => a.event === 'verified' && a.rule === EBS_RULE)!;
    expect(ebs).toMatchObject({
      resourceType: 'AWS::::Account',
      resourceId: '123456789012',
      runbook: 'my-hipaa-remediation-runbook',
      runbookVersion: '1',
      runbookHash: documentHash(REMEDIATION),
      hipaaSections: ['164.312(a)(2)(iv)'],
      complianceBefore: 'NON_COMPLIANT',
      complianceAfter: 'COMPLIANT',
      status: 'verified',
      planHash: planned.planHash,
      context: {
        repository: 'example-org/healthcare-infra',
        workflow: 'remediate',
        runUrl: 'https://github.com/example-org/healthcare-infra/actions/runs/4242/attempts/1',
        actor: 'alice',
        eventName: 'workflow_dispatch',
        roleSessionName: 'compliance-gate-4242'
      }
    });
    // the alert: one message naming non-compliance, outcomes and the run
    const alerts = sim.state.sns.messages.filter(m => m.message.startsWith('compliance-gate'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain('3 non-compliant resources in 2 rules');
    expect(alerts[0]!.message).toContain('1 verified');
    expect(alerts[0]!.message).toContain('https://github.com/example-org/healthcare-infra/actions/runs/4242');
    expect(audit.at(-1)).toMatchObject({ event: 'alert-published' });
    const md = markdown(r);
    expect(md).toContain('#### Outcomes');
    expect(md).toContain('verified');
  });

  it('apply without a Config remediation configuration runs the runbooks through SSM directly, pinned to the planned version', async () => {
    const seeded = await seed(false);
    sim.resetCalls();
    const r = await remediate(seeded, { mode: 'apply' });
    expect(r.error).toBeUndefined();
    expect(r.plan!.targets.every(t => t.route === 'ssm')).toBe(true);
    expect(sim.calls().byOperation['ssm:StartAutomationExecution']).toBe(3);
    expect(sim.calls().byOperation['config:StartRemediationExecution']).toBeUndefined();
    expect(byResource(r)).toEqual({
      '123456789012': 'verified',
      'access-logs': 'alerted',
      'claims-uploads': 'alerted'
    });
    expect(runbookMessages(sim)).toHaveLength(3);
    expect(r.outcomes.every(o => /^[0-9a-f-]{36}$|^\w/.test(o.executionId ?? ''))).toBe(true);
    const executions = (
      sim.state.ssm as { executions: Record<string, { documentVersion: string; parameters: unknown }> }
    ).executions;
    const ids = r.outcomes.map(o => o.executionId!);
    expect(ids.map(id => executions[id]!.documentVersion)).toEqual(['1', '1', '1']);
    expect(executions[ids[2]!]!.parameters).toMatchObject({ Message: ['claims-uploads'] });
    expect(
      auditOf(r)
        .filter(a => a.event === 'execution-started')
        .map(a => a.executionId)
    ).toEqual(ids);
  });

  it('refuses more targets than max-remediations, listing them, and runs nothing', async () => {
    const seeded = await seed(true);
    const r = await remediate(seeded, { mode: 'apply', max: 2 });
    expect(r.error).toBeInstanceOf(PolicyError);
    expect(r.error!.message).toContain('3 targets exceed max-remediations (2)');
    expect(r.error!.message).toContain('s3-bucket-logging-enabled AWS::S3::Bucket/claims-uploads');
    expect(automationCount()).toBe(0);
    expect(existsSync(r.planFile!)).toBe(true);
    expect(r.outcomes.map(o => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(auditOf(r).map(a => a.event)).toEqual(['plan-computed', 'refused']);
    expect(markdown(r)).toContain('**Refused:**');
  });

  it('refuses apply on an event not in remediate-on, and for a fork', async () => {
    const seeded = await seed(true);
    const pr = await remediate(seeded, { mode: 'apply' }, { run: { ...run, eventName: 'pull_request' } });
    expect(pr.error).toBeInstanceOf(PolicyError);
    expect(pr.error!.message).toContain("refused on event 'pull_request': not in remediate-on");
    const fork = await remediate(seeded, { mode: 'apply' }, { isFork: true });
    expect(fork.error!.message).toMatch(/fork/);
    expect(automationCount()).toBe(0);
    // plan is fine in a pull request: it changes nothing
    const plan = await remediate(seeded, { mode: 'plan' }, { run: { ...run, eventName: 'pull_request' } });
    expect(plan.error).toBeUndefined();
  });

  it('refuses a wrong approved hash: the plan changed since approval', async () => {
    const seeded = await seed(true);
    const r = await remediate(seeded, { mode: 'apply', approvedPlanHash: 'f'.repeat(64) });
    expect(r.error).toBeInstanceOf(PolicyError);
    expect(r.error!.message).toContain('the plan changed since approval');
    expect(r.error!.message).toContain(r.planHash!);
    expect(automationCount()).toBe(0);
    expect(auditOf(r).find(a => a.event === 'refused')?.reason).toContain('changed since approval');
  });

  it('with an approved plan file, runs only the approved targets that are still non-compliant', async () => {
    const seeded = await seed(true);
    // approved: the two buckets only
    const approved = await remediate(seeded, { mode: 'plan', rules: [S3_RULE] });
    const approvedFile = join(options().reportDir, 'approved-plan.json');
    copyFileSync(approved.planFile!, approvedFile);
    // meanwhile, someone turns on logging for claims-uploads (and the recorder records it)
    sim.state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs' };
    recordChanges(sim);
    const now = { result: await check(true), deployed: seeded.deployed };
    const r = await remediate(now, {
      mode: 'apply',
      approvedPlanHash: approved.planHash!,
      approvedPlanFile: approvedFile
    });
    expect(r.error).toBeUndefined();
    expect(r.planHash).not.toBe(approved.planHash);
    expect(byResource(r)).toEqual({
      '123456789012': 'skipped',
      'access-logs': 'alerted',
      'claims-uploads': 'skipped'
    });
    const reason = (id: string): string | undefined => r.outcomes.find(o => o.target.resourceId === id)?.message;
    expect(reason('claims-uploads')).toMatch(/^compliant now/);
    expect(reason('123456789012')).toBe('not in the approved plan');
    expect(runbookMessages(sim)).toEqual(['S3 Bucket access-logs server access logging is disabled.']);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    const skippedRecords = auditOf(r).filter(a => a.event === 'target-skipped');
    expect(skippedRecords.map(a => a.resourceId).sort()).toEqual(['123456789012', 'claims-uploads']);
  });

  it('refuses an approved plan file that was edited after approval', async () => {
    const seeded = await seed(true);
    const approved = await remediate(seeded, { mode: 'plan' });
    const file = join(options().reportDir, 'edited.json');
    const edited = JSON.parse(readFileSync(approved.planFile!, 'utf8')) as RemediationPlan;
    edited.targets[1]!.parameters['TopicArn'] = ['arn:aws:sns:us-east-1:123456789012:attacker'];
    writeFileSync(file, JSON.stringify(edited));
    sim.state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs' };
    recordChanges(sim);
    const now = { result: await check(true), deployed: seeded.deployed };
    const r = await remediate(now, { mode: 'apply', approvedPlanHash: approved.planHash!, approvedPlanFile: file });
    expect(r.error).toBeInstanceOf(PolicyError);
    expect(r.error!.message).toContain('was modified');
    expect(automationCount()).toBe(0);
  });

  it('a runbook step failure is failed, naming the step', async () => {
    const seeded = await seed(true);
    delete sim.state.resources.snsTopics[TOPIC];
    const r = await remediate(seeded, { mode: 'apply', resources: ['claims-uploads'] });
    expect(r.error).toBeUndefined();
    expect(r.outcomes).toHaveLength(1);
    expect(r.outcomes[0]).toMatchObject({ status: 'failed', failedStep: 'PublishAlert' });
    expect(r.outcomes[0]!.message).toMatch(/Topic does not exist|NotFound/);
    expect(r.counts.failed).toBe(1);
    const finished = auditOf(r).find(a => a.event === 'execution-finished')!;
    expect(finished).toMatchObject({ status: 'failed', failedStep: 'PublishAlert', resourceId: 'claims-uploads' });
    expect(markdown(r)).toContain('step PublishAlert');
  });

  it('the error threshold stops new executions', async () => {
    const seeded = await seed(false);
    delete sim.state.resources.snsTopics[TOPIC];
    sim.resetCalls();
    const r = await remediate(seeded, { mode: 'apply', rules: [S3_RULE], errorPercent: 50 });
    expect(r.error).toBeUndefined();
    expect(r.outcomes.map(o => `${o.target.resourceId} ${o.status}`)).toEqual([
      'access-logs failed',
      'claims-uploads skipped'
    ]);
    expect(r.outcomes[0]).toMatchObject({ failedStep: 'PublishAlert' }); // SSM route: the step is named too
    expect(r.outcomes[1]!.message).toMatch(/^error threshold reached/);
    expect(sim.calls().byOperation['ssm:StartAutomationExecution']).toBe(1);
    expect(auditOf(r).filter(a => a.event === 'target-skipped')).toHaveLength(1);
  });

  it('the audit log is complete up to an AWS call that fails midway', async () => {
    const seeded = await seed(false);
    const fragile = new AwsClients({
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: () => Promise.resolve(sim.staticCredentials())
    });
    sim.setFaults({ serverErrorRate: 1, operations: ['ssm:GetAutomationExecution'], maxConsecutiveFaults: 1000 });
    try {
      const r = await remediate(seeded, { mode: 'apply' }, {}, { clients: fragile });
      expect(r.error).toBeInstanceOf(AwsCallError);
      expect(r.error!.message).toContain('ssm:GetAutomationExecution');
      const audit = auditOf(r); // every line is complete JSON
      expect(audit.map(a => `${a.event}${a.status ? ` ${a.status}` : ''}`)).toEqual([
        'plan-computed planned',
        'execution-started started',
        'execution-finished unknown',
        'target-skipped skipped',
        'target-skipped skipped',
        'run-failed error'
      ]);
      expect(audit[1]!.executionId).toBe(r.outcomes[0]!.executionId);
      expect(r.outcomes.map(o => o.status)).toEqual(['failed', 'skipped', 'skipped']);
      expect(r.outcomes[1]!.message).toContain('the run stopped after an error');
      expect(markdown(r)).toContain('**Stopped:**');
    } finally {
      sim.setFaults({});
      fragile.destroy();
    }
  });

  it('verification waits out an evaluation started less than a minute ago (LimitExceededException)', async () => {
    const seeded = await seed(false);
    // someone started an evaluation of the EBS rule just now: AWS refuses another one within the minute
    await (await clients.config()).send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: [EBS_RULE] }));
    sim.resetCalls();
    const r = await remediate(seeded, { mode: 'apply', rules: [EBS_RULE] });
    expect(r.error).toBeUndefined();
    expect(byResource(r)).toEqual({ '123456789012': 'verified' });
    // refused once, started again once the minute had passed
    expect(sim.calls().byOperation['config:StartConfigRulesEvaluation']).toBe(2);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60_000);
  });

  it('leaks no credential into the audit log, the plan, the summary or the alert', async () => {
    const seeded = await seed(true);
    const r = await remediate(seeded, { mode: 'apply', alert: 'always' });
    expect(r.error).toBeUndefined();
    const texts = [readFileSync(r.auditFile, 'utf8'), readFileSync(r.planFile!, 'utf8'), markdown(r)];
    texts.push(...sim.state.sns.messages.map(m => m.message));
    const secrets = sim.secrets();
    expect(secrets.length).toBeGreaterThan(0);
    for (const text of texts) for (const s of secrets) expect(text).not.toContain(s);
  });
});

describe('remediation timeout', () => {
  let sim: Simulator;
  let clients: AwsClients;
  beforeAll(async () => {
    // Each runbook step waits an hour of simulator time: nothing finishes within the timeout.
    sim = await startSimulator({ scenario: 'seed', options: { automationStepDelayMs: 3_600_000 } });
    process.env.AWS_ENDPOINT_URL = sim.url;
    clients = new AwsClients({
      region: 'us-east-1',
      maxAttempts: 3,
      credentials: () => Promise.resolve(sim.staticCredentials())
    });
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    clients.destroy();
    await sim.close();
    delete process.env.AWS_ENDPOINT_URL;
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    dirs = [];
  });

  it('reports timed-out, stops the SSM execution and stops polling at the deadline', async () => {
    const clock = simClock(sim);
    const ssm = await clients.ssm();
    await ssm.send(
      new CreateDocumentCommand({
        Name: 'my-hipaa-remediation-runbook',
        Content: REMEDIATION,
        DocumentType: 'Automation',
        DocumentFormat: 'YAML'
      })
    );
    sim.advanceClock(1); // Creating until documentActivationSeconds (seed: 1) pass
    const result = await checkCompliance(
      { config: await clients.config(), clock, logger: new MemoryLogger() },
      { rules: [EBS_RULE], evaluate: false, evaluationTimeoutSeconds: 60, maxResultAgeSeconds: 86_400 },
      { accountId: '123456789012', region: 'us-east-1' }
    );
    const desired = desiredState();
    desired.documents = desired.documents.filter(d => d.name === 'my-hipaa-remediation-runbook');
    desired.remediations = desired.remediations.filter(b => b.ruleName === EBS_RULE);
    sim.resetCalls();
    const r = await runRemediation(
      clients,
      { result, desired, deployedRemediations: new Set() },
      options({ mode: 'apply', timeoutSeconds: 60 }),
      context(),
      { clock, logger: new MemoryLogger() }
    );
    expect(r.error).toBeUndefined();
    expect(r.outcomes).toHaveLength(1);
    expect(r.outcomes[0]).toMatchObject({ status: 'timed-out' });
    expect(r.outcomes[0]!.message).toContain('stopped (StopAutomationExecution)');
    const calls = sim.calls().byOperation;
    expect(calls['ssm:StopAutomationExecution']).toBe(1);
    // polls: one per sleep, and the sleeps add up to the timeout, no more
    expect(calls['ssm:GetAutomationExecution']).toBe(clock.slept.length);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(clock.slept).toEqual([2000, 4000, 8000, 15000, 15000, 15000, 1000]);
    const executions = (sim.state.ssm as { executions: Record<string, { status: string }> }).executions;
    expect(executions[r.outcomes[0]!.executionId!]!.status).toMatch(/^Cancell/);
    expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    expect(auditOf(r).find(a => a.event === 'execution-finished')?.status).toBe('timed-out');
  });

  it('a Config remediation still running at the deadline is timed-out (Config cannot stop it)', async () => {
    const clock = simClock(sim);
    await (
      await clients.ssm()
    ).send(
      new CreateDocumentCommand({
        Name: 'my-hipaa-alerting-runbook',
        Content: ALERTING,
        DocumentType: 'Automation',
        DocumentFormat: 'YAML'
      })
    );
    sim.advanceClock(1); // Creating until documentActivationSeconds (seed: 1) pass
    const desired = desiredState();
    desired.remediations = desired.remediations.filter(b => b.ruleName === S3_RULE);
    await (
      await clients.config()
    ).send(
      new PutRemediationConfigurationsCommand({
        RemediationConfigurations: desired.remediations.map(toRemediationConfiguration)
      })
    );
    const result = await checkCompliance(
      { config: await clients.config(), clock, logger: new MemoryLogger() },
      { rules: [S3_RULE], evaluate: false, evaluationTimeoutSeconds: 60, maxResultAgeSeconds: 86_400 },
      { accountId: '123456789012', region: 'us-east-1' }
    );
    sim.resetCalls();
    const r = await runRemediation(
      clients,
      { result, desired, deployedRemediations: new Set([S3_RULE]) },
      options({ mode: 'apply', timeoutSeconds: 30, resources: ['claims-uploads'] }),
      context(),
      { clock, logger: new MemoryLogger() }
    );
    expect(r.outcomes.map(o => o.status)).toEqual(['timed-out']);
    expect(r.outcomes[0]!.message).toContain('AWS Config has no API to stop a remediation execution');
    expect(sim.calls().byOperation['config:DescribeRemediationExecutionStatus']).toBe(clock.slept.length);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect(sim.state.sns.messages).toEqual([]);
  });
});
