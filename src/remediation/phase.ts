/**
 * The remediation phase: select the targets, read what will run (runbook versions, Config remediation
 * configurations), write the plan, then, in apply mode only and only past every oversight check, execute, verify,
 * alert, and audit every step. Returns data (RemediationPhaseResult); report/ renders it.
 *
 *   findings x bindings -> select.ts -> plan.ts (hash) -> plan-file.ts (remediation-plan.json)
 *   apply: oversight.ts (trusted event, approval by hash or approved plan file, max-remediations, runbooks deployed)
 *          -> execute/waves.ts (SSM | Config route) -> verify.ts
 *   alert.ts (SNS) and audit.ts (JSON Lines) throughout
 *
 * Refusals (PolicyError) and AWS errors do not throw: they are returned in `error` with everything known until then
 * (plan, outcomes, report), so the caller can report them and then fail the step.
 *
 * Cancellation (deps.signal aborts) does not throw either: nothing new starts, running SSM executions are stopped
 * (execute/waves.ts), verification stops waiting, no alert is sent, an audit record `cancelled` lists what was
 * stopped, what is still running (AWS Config executions cannot be stopped), what had finished and what never started
 * (cancel.ts), and the result carries `cancelled`.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { SNSClient } from '@aws-sdk/client-sns';
import { DescribeDocumentCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { join } from 'node:path';
import type { ComplianceResult } from '../compliance/types.js';
import { readRemediationConfigurations } from '../deploy/read-actual.js';
import type { DesiredState } from '../desired/model.js';
import { awsErrorCode } from '../aws/clients.js';
import { AwsCallError, PolicyError } from '../errors.js';
import type { Logger } from '../logging.js';
import { runUrlOf, type RunInfo } from '../run-context.js';
import { cancelReasonOf } from '../util/cancellation.js';
import type { Clock } from '../util/clock.js';
import { sanitizeForLog } from '../util/text.js';
import { sendAlert, type AlertOutcome, type AlertPolicy } from './alert.js';
import { AUDIT_FILE_NAME, AuditLog, auditContext, targetFields } from './audit.js';
import { auditStreamName, CloudWatchAuditTrail, type AuditTrailSettings } from './audit-cloudwatch.js';
import { noteFindings, notesOf, type SecurityHubResult } from './security-hub.js';
import { describeCancellation, type Cancellation } from './cancel.js';
import { executeTargets, type CancelledExecutions } from './execute/waves.js';
import { approve, checkContext, checkLimit, checkRunbooksDeployed, refusedOutcomes } from './oversight.js';
import { PLAN_FILE_NAME, readApprovedFile, writePlanFile, type ApprovedFile } from './plan-file.js';
import {
  buildPlan,
  compareTargets,
  describeTarget,
  PLAN_SCHEMA_VERSION,
  runbookKey,
  targetKey,
  type DeployedRemediationConfig,
  type PlannedTarget,
  type RemediationPlan
} from './plan.js';
import { countsOf, type RemediationPhaseResult, type RemediationReport } from './result.js';
import { recentlyRemediated, type AutomaticRemediation } from './recent.js';
import { selectCandidates } from './select.js';
import { verifyResults, type TargetOutcome } from './verify.js';
import { awsDocumentChangesNothing } from '../runbooks/effects.js';

export interface RemediationOptions {
  mode: 'plan' | 'apply';
  rules: string[];
  resources: string[];
  max: number;
  approvedPlanHash?: string;
  approvedPlanFile?: string;
  /** Events on which apply runs (the remediate-on input). */
  remediateOn: readonly string[];
  timeoutSeconds: number;
  errorPercent: number;
  alert: AlertPolicy;
  reportDir: string;
  /** The CloudWatch Logs audit trail; absent: the local file only. */
  auditTrail?: AuditTrailSettings;
  /** notes: outcomes and alerts as notes on AWS Config's Security Hub findings. */
  securityHub?: 'off' | 'notes';
}

export interface RemediationRunContext {
  run: RunInfo;
  roleSessionName: string;
  accountId: string;
  region: string;
  isFork: boolean;
  /** The job (GITHUB_JOB), for the audit log stream name. */
  job?: string;
  /** fingerprints known before this run (from a baseline), to tell new non-compliance; absent: every finding counts as new */
  knownFingerprints?: Set<string>;
}

export interface RemediationInput {
  result: ComplianceResult;
  desired: DesiredState;
  /** Rules with a Config remediation configuration in AWS. */
  deployedRemediations: Set<string>;
}

export interface RemediationClients {
  config(): Promise<ConfigServiceClient>;
  ssm(): Promise<SSMClient>;
  sns(): Promise<SNSClient>;
  logs(): Promise<CloudWatchLogsClient>;
  securityHub(): Promise<SecurityHubClient>;
}

export interface RemediationDeps {
  clock: Clock;
  logger: Logger;
  /** Aborts when the workflow is cancelled (SIGINT / SIGTERM). */
  signal?: AbortSignal;
}

/** The refusal or AWS error that stopped a run. */
type Stop = PolicyError | AwsCallError;

/** How far a run got: what the plan and apply steps produced, and what stopped them. */
interface Progress {
  plan?: RemediationPlan;
  outcomes: TargetOutcome[];
  /** The approval used (apply with approved-plan-hash). */
  approval?: string;
  /** What cancellation did to running executions (from the executor). */
  executions?: CancelledExecutions;
  error?: Stop;
}

/** Everything a step needs; built once per run. */
interface Run {
  clients: RemediationClients;
  input: RemediationInput;
  options: RemediationOptions;
  ctx: RemediationRunContext;
  deps: RemediationDeps;
  /** The run with its URL. */
  info: RunInfo;
  audit: AuditLog;
  planFile: string;
}

export async function runRemediation(
  clients: RemediationClients,
  input: RemediationInput,
  options: RemediationOptions,
  ctx: RemediationRunContext,
  deps: RemediationDeps
): Promise<RemediationPhaseResult> {
  const r = startRun(clients, input, options, ctx, deps);
  const progress = await planAndApply(r);
  if (progress.error) await recordStop(r, progress.error);
  const outcomes =
    options.mode === 'apply' && progress.plan && progress.outcomes.length === 0 && progress.error
      ? refusedOutcomes(progress.plan, progress.error)
      : progress.outcomes;
  const cancelled = await recordCancellation(r, outcomes, progress.executions);
  const alerted = cancelled
    ? { alert: { sent: false, reason: 'the run was cancelled' } }
    : await alert(r, outcomes, progress.plan, progress.error);
  const hub = cancelled ? undefined : await securityHubNotes(r, outcomes, alerted.alert);
  const result = resultOf(r, { ...progress, outcomes }, alerted.alert, progress.error ?? alerted.error, cancelled);
  result.report.trail = trailLines(r, hub);
  if (hub) result.securityHub = hub;
  return result;
}

function startRun(
  clients: RemediationClients,
  input: RemediationInput,
  options: RemediationOptions,
  ctx: RemediationRunContext,
  deps: RemediationDeps
): Run {
  const info: RunInfo = { ...ctx.run };
  const url = runUrlOf(info);
  if (url !== undefined) info.runUrl = url;
  const { roleSessionName, accountId, region } = ctx;
  const trail = options.auditTrail
    ? new CloudWatchAuditTrail(
        () => clients.logs(),
        options.auditTrail,
        auditStreamName(info.repository, info.runId, info.runAttempt, ctx.job ?? ''),
        deps.logger
      )
    : undefined;
  const audit = new AuditLog(
    join(options.reportDir, AUDIT_FILE_NAME),
    auditContext(info, { roleSessionName, accountId, region, mode: options.mode }),
    () => deps.clock.now(),
    undefined,
    trail
  );
  return { clients, input, options, ctx, deps, info, audit, planFile: join(options.reportDir, PLAN_FILE_NAME) };
}

/** Plan; in apply mode, the oversight checks, execution and verification. A refusal or AWS error ends it. */
async function planAndApply(r: Run): Promise<Progress> {
  const { options, ctx, audit } = r;
  let plan: RemediationPlan | undefined;
  let approval: string | undefined;
  try {
    const approvedFile = options.mode === 'apply' ? await readApprovedFile(options.approvedPlanFile) : {};
    const built = await makePlan(r, approvedFile);
    plan = built.plan;
    await recordPlan(r, plan);
    requireAuditTrail(r, 'no remediation runs');
    if (options.mode === 'plan') {
      checkLimit(plan.targets, options.max);
      return { plan, outcomes: [] };
    }
    checkContext('apply', options.remediateOn, { eventName: r.info.eventName, isFork: ctx.isFork });
    const approved = approve({
      ...(options.approvedPlanHash !== undefined ? { approvedPlanHash: options.approvedPlanHash } : {}),
      ...(options.approvedPlanFile !== undefined ? { approvedPlanFile: options.approvedPlanFile } : {}),
      approvedFile,
      plan,
      planned: built.planned,
      result: r.input.result,
      accountId: ctx.accountId,
      region: ctx.region
    });
    approval = approved.message;
    for (const record of approved.records) await audit.record(record);
    const toRun = approved.run.map(p => p.target);
    checkLimit(toRun, options.max);
    checkRunbooksDeployed(toRun);
    requireAuditTrail(r, 'no remediation runs');
    const applied = await executeAndVerify(r, approved.run, plan.hash);
    const recent = await recentSkips(r, plan, approved.skipped);
    const trailFailure = r.audit.remoteFailure();
    const error: Stop | undefined =
      applied.error ??
      (trailFailure !== undefined
        ? new PolicyError(`No audit, no action: ${trailFailure}; no further remediation started.`)
        : undefined);
    return {
      plan,
      outcomes: [...applied.outcomes, ...approved.skipped, ...recent].sort((a, b) =>
        compareTargets(a.target, b.target)
      ),
      ...(approval !== undefined ? { approval } : {}),
      ...(applied.executions ? { executions: applied.executions } : {}),
      ...(error ? { error } : {})
    };
  } catch (err) {
    if (!(err instanceof PolicyError) && !(err instanceof AwsCallError)) throw err;
    return { ...(plan ? { plan } : {}), outcomes: [], ...(approval !== undefined ? { approval } : {}), error: err };
  }
}

/** No audit, no action: refuses (PolicyError) once the CloudWatch Logs trail could not be written. */
function requireAuditTrail(r: Run, consequence: string): void {
  const failure = r.audit.remoteFailure();
  if (failure !== undefined) throw new PolicyError(`No audit, no action: ${failure}; ${consequence}.`);
}

/** With security-hub: notes, the run's outcomes and alerted findings as notes on AWS Config's findings. */
async function securityHubNotes(
  r: Run,
  outcomes: readonly TargetOutcome[],
  alert: AlertOutcome
): Promise<SecurityHubResult | undefined> {
  if (r.options.securityHub !== 'notes') return undefined;
  const alerted = alert.sent
    ? r.input.result.rules.flatMap(rule => rule.findings.filter(f => f.waiver === undefined))
    : [];
  const hub = await noteFindings(
    () => r.clients.securityHub(),
    notesOf(outcomes, alerted, r.info.runUrl),
    { accountId: r.ctx.accountId, region: r.ctx.region },
    r.deps.logger
  );
  await r.audit.record({
    event: 'security-hub-updated',
    status: hub.error !== undefined ? 'error' : 'done',
    ...(hub.error !== undefined ? { reason: hub.error } : {}),
    details: { updated: hub.updated, notFound: hub.notFound }
  });
  return hub;
}

/** One sentence each about the CloudWatch Logs trail and the Security Hub notes (for the summary). */
function trailLines(r: Run, hub: SecurityHubResult | undefined): string[] {
  const lines: string[] = [];
  const remote = r.audit.remote;
  if (remote) {
    const failure = r.audit.remoteFailure();
    lines.push(
      failure !== undefined
        ? `Audit trail failed: ${failure}.`
        : `Audit trail: ${remote.count()} record(s) in CloudWatch Logs ${remote.settings.logGroup}, stream ${remote.stream}${remote.note() !== undefined ? ` (${remote.note()})` : ''}.`
    );
  }
  if (hub) {
    const missing = hub.notFound.length > 0 ? `; no finding for ${hub.notFound.join('; ')}` : '';
    lines.push(
      hub.error !== undefined
        ? `Security Hub notes failed after ${hub.updated} finding(s): ${hub.error}${missing}.`
        : `Security Hub: ${hub.updated} finding(s) noted${missing}.`
    );
  }
  return lines;
}

/** Selects the targets, reads what will run (Config remediation configurations, runbook versions), builds the plan. */
async function makePlan(
  r: Run,
  approvedFile: ApprovedFile
): Promise<{ plan: RemediationPlan; planned: PlannedTarget[] }> {
  const { clients, input, options, ctx } = r;
  const candidates = selectCandidates(input.result, input.desired.remediations, {
    rules: options.rules,
    resources: options.resources,
    ...(approvedFile.plan ? { alsoKnownResources: new Set(approvedFile.plan.targets.map(t => t.resourceId)) } : {})
  });
  const configRules = [...new Set(candidates.map(c => c.binding.ruleName))].filter(rule =>
    input.deployedRemediations.has(rule)
  );
  const deployed: ReadonlyMap<string, DeployedRemediationConfig & AutomaticRemediation> =
    configRules.length > 0 ? await readRemediationConfigurations(await clients.config(), configRules) : new Map();
  const refs = candidates.map(c => {
    const d = deployed.get(c.binding.ruleName);
    const version = d ? d.targetVersion : c.binding.targetVersion;
    return { name: d?.targetId ?? c.binding.targetId, ...(version ? { version } : {}) };
  });
  const runbooks = refs.length > 0 ? await readRunbooks(await clients.ssm(), refs) : new Map();
  // No double remediation: targets of rules that AWS Config remediates automatically, with a recent execution for the
  // resource (or whose execution status cannot be read), are left out with the reason (recent.ts).
  const targets = candidates.map(c => ({
    rule: c.rule.ruleName,
    resourceType: c.finding.resourceType,
    resourceId: c.finding.resourceId
  }));
  const automatic = [...deployed.values()].some(d => d.automatic);
  const skip = automatic
    ? await recentlyRemediated(await clients.config(), targets, deployed, r.deps.clock.now())
    : new Map<string, string>();
  return buildPlan({
    skip,
    candidates,
    deployed,
    runbooks,
    manifestHashes: new Map(input.desired.documents.map(d => [d.name, d.hash.toLowerCase()])),
    mode: options.mode,
    accountId: ctx.accountId,
    region: ctx.region,
    createdAt: r.deps.clock.now().toISOString()
  });
}

const NOT_DEPLOYED = new Set(['InvalidDocument', 'InvalidDocumentVersion']);

/** Version and hash of each runbook (once per name and requested version); absent from the map: not deployed. */
async function readRunbooks(
  ssm: SSMClient,
  refs: readonly { name: string; version?: string }[]
): Promise<Map<string, { version: string; hash: string }>> {
  const out = new Map<string, { version: string; hash: string }>();
  const seen = new Set<string>();
  for (const ref of refs) {
    const key = runbookKey(ref.name, ref.version);
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      const res = await ssm.send(
        new DescribeDocumentCommand({ Name: ref.name, ...(ref.version ? { DocumentVersion: ref.version } : {}) })
      );
      const d = res.Document;
      if (d?.DocumentVersion && d.Hash) out.set(key, { version: d.DocumentVersion, hash: d.Hash.toLowerCase() });
    } catch (err) {
      if (NOT_DEPLOYED.has(awsErrorCode(err))) continue;
      throw err;
    }
  }
  return out;
}

/** Writes remediation-plan.json, logs the plan and records it. */
async function recordPlan(r: Run, plan: RemediationPlan): Promise<void> {
  const { options, audit } = r;
  const { logger } = r.deps;
  audit.setPlanHash(plan.hash);
  await writePlanFile(r.planFile, plan);
  logger.info(
    `Remediation plan ${plan.hash}: ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} (${options.mode}); written to ${r.planFile}.`
  );
  for (const t of plan.targets) {
    logger.info(sanitizeForLog(`  ${describeTarget(t)} -> ${t.runbook.name}@${t.runbook.version} via ${t.route}`));
  }
  for (const note of plan.notes) logger.warn(sanitizeForLog(note));
  await audit.record({
    event: 'plan-computed',
    status: 'planned',
    details: {
      targets: plan.targets.map(describeTarget),
      count: plan.targets.length,
      max: options.max,
      filters: { rules: options.rules, resources: options.resources },
      notes: plan.notes,
      detectedAt: detectionTimes(r, plan)
    }
  });
}

/**
 * The plan's targets left out for a recent automatic remediation, as skipped outcomes (apply mode), recorded in the
 * audit log; those the approval already reports as skipped are not repeated.
 */
async function recentSkips(r: Run, plan: RemediationPlan, already: readonly TargetOutcome[]): Promise<TargetOutcome[]> {
  const seen = new Set(already.map(o => targetKey(o.target)));
  const out: TargetOutcome[] = [];
  for (const s of plan.skipped ?? []) {
    if (seen.has(targetKey(s.target))) continue;
    out.push({ target: s.target, status: 'skipped', message: s.reason, complianceBefore: 'NON_COMPLIANT' });
    await r.audit.record({
      event: 'target-skipped',
      ...targetFields(s.target),
      status: 'skipped',
      reason: s.reason,
      complianceBefore: 'NON_COMPLIANT'
    });
  }
  return out;
}

/** When Config recorded each target's non-compliance (for the effectiveness review), by rule, type and resource. */
function detectionTimes(r: Run, plan: RemediationPlan): Record<string, string> {
  const out: Record<string, string> = {};
  const wanted = new Set(plan.targets.map(t => t.fingerprint));
  for (const rule of r.input.result.rules) {
    for (const f of rule.findings) {
      if (wanted.has(f.fingerprint) && f.recordedTime !== undefined) {
        out[`${f.ruleName}\n${f.resourceType}\n${f.resourceId}`] = f.recordedTime;
      }
    }
  }
  return out;
}

/** Runs the targets in waves, then verifies them (until the run's deadline, at least two minutes). */
async function executeAndVerify(
  r: Run,
  toRun: readonly PlannedTarget[],
  planHash: string
): Promise<{ outcomes: TargetOutcome[]; executions?: CancelledExecutions; error?: AwsCallError }> {
  const { clients, options, audit } = r;
  const { clock, logger } = r.deps;
  const signal = r.deps.signal ? { signal: r.deps.signal } : {};
  const executed = await executeTargets(
    { config: () => clients.config(), ssm: () => clients.ssm(), clock, logger, audit, ...signal },
    toRun,
    {
      timeoutSeconds: options.timeoutSeconds,
      errorPercent: options.errorPercent,
      planHash,
      runId: r.info.runId,
      runAttempt: r.info.runAttempt
    }
  );
  const verifyDeadline = new Date(Math.max(executed.deadline.getTime(), clock.now().getTime() + 120_000));
  // A runbook of the manifest only alerts when its validated steps change nothing; an AWS-owned one when it is
  // known to (runbooks/effects.ts); any other document may change things and is verified.
  const documents = new Map(r.input.desired.documents.map(d => [d.name, d]));
  const alertOnly = (name: string): boolean => {
    const d = documents.get(name);
    return d ? d.changesNothing === true : awsDocumentChangesNothing(name);
  };
  const verified = await verifyResults(
    { config: () => clients.config(), clock, logger, audit, alertOnly, ...signal },
    executed.results,
    { deadline: verifyDeadline }
  );
  const error = executed.error ?? verified.error;
  return {
    outcomes: verified.outcomes,
    ...(executed.cancelled ? { executions: executed.cancelled } : {}),
    ...(error ? { error } : {})
  };
}

/** Logs and records the refusal or error that stopped the run. */
async function recordStop(r: Run, err: Stop): Promise<void> {
  r.deps.logger.warn(sanitizeForLog(err.message));
  await r.audit.record({
    event: err instanceof PolicyError ? 'refused' : 'run-failed',
    status: err instanceof PolicyError ? 'refused' : 'error',
    reason: err.message
  });
}

/** When the run was cancelled: what cancellation did, logged and recorded. */
async function recordCancellation(
  r: Run,
  outcomes: readonly TargetOutcome[],
  executions: CancelledExecutions | undefined
): Promise<Cancellation | undefined> {
  const reason = cancelReasonOf(r.deps.signal);
  if (reason === undefined) return undefined;
  const cancelled = describeCancellation(reason, outcomes, executions);
  await r.audit.record(cancelled.record);
  r.deps.logger.warn(sanitizeForLog(`Remediation cancelled: ${cancelled.message}`));
  return cancelled;
}

/** The run's alert; a failed publish is returned as the run's error if nothing else stopped it. */
async function alert(
  r: Run,
  outcomes: TargetOutcome[],
  plan: RemediationPlan | undefined,
  problem: Stop | undefined
): Promise<{ alert: AlertOutcome; error?: AwsCallError }> {
  const { options, ctx, input } = r;
  try {
    const alert = await sendAlert(
      () => r.clients.sns(),
      {
        policy: options.alert,
        mode: options.mode,
        topic: input.desired.alertTopic,
        result: input.result,
        outcomes,
        run: r.info,
        planned: plan?.targets.length ?? 0,
        ...(ctx.knownFingerprints ? { knownFingerprints: ctx.knownFingerprints } : {}),
        ...(problem ? { problem: problem.message } : {})
      },
      { audit: r.audit, logger: r.deps.logger }
    );
    return { alert };
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
    return { alert: { sent: false, reason: `sns:Publish failed: ${err.message}` }, error: err };
  }
}

function resultOf(
  r: Run,
  progress: Progress,
  alert: AlertOutcome,
  error: Stop | undefined,
  cancelled: Cancellation | undefined
): RemediationPhaseResult {
  const { options, ctx } = r;
  const { plan, outcomes } = progress;
  const report: RemediationReport = {
    plan: plan ?? {
      schemaVersion: PLAN_SCHEMA_VERSION,
      hash: '',
      mode: options.mode,
      accountId: ctx.accountId,
      region: ctx.region,
      createdAt: r.deps.clock.now().toISOString(),
      targets: [],
      notes: ['No plan was made.']
    },
    mode: options.mode,
    planFile: plan ? r.planFile : '(not written)',
    auditFile: r.audit.file,
    outcomes,
    max: options.max,
    ...(progress.approval !== undefined ? { approval: progress.approval } : {}),
    ...(error !== undefined ? { error } : {}),
    ...(cancelled ? { cancelled: cancelled.message } : {}),
    alert: alert.sent
      ? `Alert sent to ${r.input.desired.alertTopic ?? ''} (${alert.reason}).`
      : `No alert: ${alert.reason}.`
  };
  const out: RemediationPhaseResult = {
    outcomes,
    auditFile: r.audit.file,
    report,
    counts: countsOf(plan?.targets.length ?? 0, outcomes),
    alert
  };
  if (plan) {
    out.plan = plan;
    out.planFile = r.planFile;
    out.planHash = plan.hash;
  }
  if (error) out.error = error;
  if (cancelled) out.cancelled = { reason: cancelled.reason, message: cancelled.message };
  return out;
}
