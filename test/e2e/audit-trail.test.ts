/**
 * The audit trail in CloudWatch Logs and the Security Hub notes, end to end against the simulated account (seed):
 * the same records in the file and the log group (six-year retention, KMS key, a stream per run and job), no audit
 * no action (PutLogEvents failing or denied before any execution refuses remediation), and notes on AWS Config's
 * findings with the run URL and the workflow status.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutRemediationConfigurationsCommand } from '@aws-sdk/client-config-service';
import { CreateDocumentCommand } from '@aws-sdk/client-ssm';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClients } from '../../src/aws/clients.js';
import { checkCompliance } from '../../src/compliance/check.js';
import type { ComplianceResult } from '../../src/compliance/types.js';
import type { RunInfo } from '../../src/run-context.js';
import { toRemediationConfiguration } from '../../src/deploy/apply.js';
import type { DesiredRemediation, DesiredState } from '../../src/desired/model.js';
import { PolicyError } from '../../src/errors.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import type { AuditRecord } from '../../src/remediation/audit.js';
import { runRemediation, type RemediationOptions, type RemediationRunContext } from '../../src/remediation/phase.js';
import type { RemediationPhaseResult } from '../../src/remediation/result.js';
import { SummaryBuilder } from '../../src/report/markdown/layout.js';
import { remediationSection } from '../../src/report/sections/remediation.js';
import { documentHash } from '../../src/runbooks/hash.js';
import type { Clock } from '../../src/util/clock.js';
import { REPO_ROOT } from '../helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
import { simClock } from '../helpers/sim-clock.js';

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

  const GROUP = '/compliance-gate/audit';
  const KMS = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const STREAM = 'example-org/healthcare-infra/4242-1/remediate';
  const trail = { auditTrail: { logGroup: GROUP, retentionDays: 2192, kmsKeyId: KMS } };

  function logGroup(): {
    retentionInDays?: number;
    kmsKeyId?: string;
    streams: Record<string, { events: { message: string }[] }>;
  } {
    return (sim.state as unknown as { logs: { groups: Record<string, ReturnType<typeof logGroup>> } }).logs.groups[
      GROUP
    ]!;
  }

  it('apply writes the same records to the file and to the log group (created with 2192-day retention and the KMS key)', async () => {
    const seeded = await seed(false);
    const r = await remediate(seeded, { mode: 'apply', rules: [EBS_RULE], ...trail }, { job: 'remediate' });
    expect(r.error).toBeUndefined();
    expect(byResource(r)).toEqual({ '123456789012': 'verified' });
    const g = logGroup();
    expect(g.retentionInDays).toBe(2192);
    expect(g.kmsKeyId).toBe(KMS);
    expect(Object.keys(g.streams)).toEqual([STREAM]);
    const remote = g.streams[STREAM]!.events.map(e => JSON.parse(e.message) as AuditRecord);
    const local = auditOf(r);
    expect(remote).toEqual(local);
    expect(local.map(a => a.event)).toEqual(
      expect.arrayContaining(['plan-computed', 'execution-started', 'execution-finished', 'verified'])
    );
    expect(r.report.trail?.[0]).toBe(
      `Audit trail: ${local.length} record(s) in CloudWatch Logs ${GROUP}, stream ${STREAM}.`
    );
    // a second job of the same run reuses the stream and appends
    const again = await remediate(seeded, { mode: 'plan', rules: [EBS_RULE], ...trail }, { job: 'remediate' });
    expect(again.error).toBeUndefined();
    expect(logGroup().streams[STREAM]!.events).toHaveLength(local.length + auditOf(again).length);
  });

  it('no audit, no action: PutLogEvents failing before the first execution refuses remediation, nothing runs', async () => {
    const seeded = await seed(false);
    sim.setFaults({ serverErrorRate: 1, maxConsecutiveFaults: 1000, operations: ['logs:PutLogEvents'] });
    try {
      const r = await remediate(seeded, { mode: 'apply', rules: [EBS_RULE], ...trail }, { job: 'remediate' });
      expect(r.error).toBeInstanceOf(PolicyError);
      expect(r.error!.message).toMatch(
        /^No audit, no action: audit records could not be written to CloudWatch Logs \/compliance-gate\/audit/
      );
      expect(automationCount()).toBe(0);
      expect(sim.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
      const local = auditOf(r).map(a => a.event);
      expect(local).toContain('audit-trail-failed');
      expect(local).not.toContain('execution-started');
      expect(markdown(r)).toContain('Audit trail failed');
    } finally {
      sim.setFaults({});
    }
  });

  it('throttled PutLogEvents calls are retried and every record still arrives', async () => {
    const seeded = await seed(false);
    sim.setFaults({ throttleRate: 1, maxConsecutiveFaults: 1, operations: ['logs:PutLogEvents'] });
    try {
      const r = await remediate(seeded, { mode: 'apply', rules: [EBS_RULE], ...trail }, { job: 'remediate' });
      expect(r.error).toBeUndefined();
      expect(sim.calls().faulted['logs:PutLogEvents']).toBeGreaterThan(0);
      const remote = logGroup().streams[STREAM]!.events.map(e => JSON.parse(e.message) as AuditRecord);
      expect(remote).toEqual(auditOf(r));
    } finally {
      sim.setFaults({});
    }
  });

  it('a log group that cannot be created (denied) refuses remediation with the reason', async () => {
    const seeded = await seed(false);
    sim.setFaults({ serverErrorRate: 1, maxConsecutiveFaults: 1000, operations: ['logs:CreateLogGroup'] });
    try {
      const r = await remediate(seeded, { mode: 'apply', rules: [EBS_RULE], ...trail });
      expect(r.error).toBeInstanceOf(PolicyError);
      expect(r.error!.message).toContain('logs:CreateLogGroup');
      expect(automationCount()).toBe(0);
    } finally {
      sim.setFaults({});
    }
  });

  it('security-hub: notes puts a note with the run URL on the Config findings of each outcome', async () => {
    const seeded = await seed(true);
    const r = await remediate(seeded, { mode: 'apply', securityHub: 'notes' });
    expect(r.error).toBeUndefined();
    expect(r.securityHub).toMatchObject({ updated: 3, notFound: [] });
    const findings = sim.state.securityHub!.findings.filter(f => f.Note !== undefined);
    const byResourceId = Object.fromEntries(findings.map(f => [f.Resources[0]!.Id, f]));
    expect(Object.keys(byResourceId).sort()).toEqual([
      'AWS::::Account:123456789012',
      'arn:aws:s3:::access-logs',
      'arn:aws:s3:::claims-uploads'
    ]);
    const account = byResourceId['AWS::::Account:123456789012']!;
    expect(account.Title).toBe(EBS_RULE);
    expect(account.Workflow.Status).toBe('RESOLVED');
    expect(account.Note!.UpdatedBy).toBe('compliance-gate');
    expect(account.Note!.Text).toContain('remediated and verified compliant');
    expect(account.Note!.Text).toContain('my-hipaa-remediation-runbook version 1');
    expect(account.Note!.Text).toContain(
      'https://github.com/example-org/healthcare-infra/actions/runs/4242/attempts/1'
    );
    expect(account.Note!.Text.length).toBeLessThanOrEqual(512);
    expect(byResourceId['arn:aws:s3:::claims-uploads']!.Workflow.Status).toBe('NOTIFIED');
    expect(markdown(r)).toContain('Security Hub: 3 finding(s) noted.');
  });

  it('a Security Hub that answers an error is reported, and remediation is not stopped', async () => {
    const seeded = await seed(false);
    sim.state.securityHub!.enabled = false;
    const r = await remediate(seeded, { mode: 'apply', rules: [EBS_RULE], securityHub: 'notes' });
    expect(r.error).toBeUndefined();
    expect(byResource(r)).toEqual({ '123456789012': 'verified' });
    expect(r.securityHub?.updated).toBe(0);
    expect(r.securityHub?.error).toMatch(/^securityhub:GetFindings failed: InvalidAccessException/);
    expect(markdown(r)).toContain('Security Hub notes failed after 0 finding(s)');
    expect(auditOf(r).find(a => a.event === 'security-hub-updated')).toMatchObject({ status: 'error' });
  });

  it('a finding that is not there is listed as not found', async () => {
    const seeded = await seed(false);
    // An archived finding (the resource left the rule's scope) is not the current one.
    for (const f of sim.state.securityHub!.findings) f.RecordState = 'ARCHIVED';
    const r = await remediate(seeded, { mode: 'plan', rules: [EBS_RULE], securityHub: 'notes', alert: 'always' });
    // plan mode: no outcomes; the alert named every non-compliant finding, each looked up
    expect(r.report.alert).toMatch(/^Alert sent/);
    expect(r.securityHub?.notFound).toEqual([
      `${EBS_RULE} AWS::::Account 123456789012`,
      `${S3_RULE} AWS::S3::Bucket access-logs`,
      `${S3_RULE} AWS::S3::Bucket claims-uploads`
    ]);
  });
});
