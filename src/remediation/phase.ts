/**
 * The remediation phase: select the targets, read what will run (runbook versions, Config remediation
 * configurations), write the plan, then, in apply mode only and only past every oversight check, execute, verify,
 * alert, and audit every step.
 *
 *   findings x bindings -> select.ts -> plan (hash) -> remediation-plan.json + summary
 *   apply: context check -> approval (hash or approved plan file) -> max -> execute.ts (waves) -> verify.ts
 *   alert.ts (SNS) and audit.ts (JSON Lines) throughout
 *
 * Refusals (PolicyError) and AWS errors do not throw: they are returned in `error` with everything known until then
 * (plan, outcomes, summary section), so the caller can report them and then fail the step.
 *
 * Cancellation (deps.signal aborts) does not throw either: nothing new starts, running SSM executions are stopped
 * (execute.ts), verification stops waiting, no alert is sent, an audit record `cancelled` lists what was stopped,
 * what is still running (AWS Config executions cannot be stopped), what had finished and what never started, and
 * the result carries `cancelled`.
 */
import {
  type ConfigServiceClient,
  DescribeRemediationConfigurationsCommand,
  type RemediationParameterValue
} from '@aws-sdk/client-config-service';
import type { SNSClient } from '@aws-sdk/client-sns';
import { DescribeDocumentCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComplianceResult } from '../compliance/types.js';
import type { RunInfo } from '../run-context.js';
import type { DesiredState, RemediationParameterJson } from '../desired/build.js';
import { awsErrorCode } from '../aws/clients.js';
import { AwsCallError, PolicyError, toAwsCallError } from '../errors.js';
import type { Logger } from '../logging.js';
import { sanitizeForLog, truncate } from '../util/text.js';
import type { SummarySection } from '../report/markdown/summary.js';
import { runUrlOf } from '../run-context.js';
import { chunk } from '../util/concurrency.js';
import type { Clock } from '../util/clock.js';
import { buildAlertMessage, decideAlert, publishAlert, type AlertPolicy } from './alert.js';
import { cancelReasonOf } from '../util/cancellation.js';
import { AUDIT_FILE_NAME, AuditLog, auditContext, targetFields } from './audit.js';
import { executeTargets, type CancelledExecutions } from './execute.js';
import { PLAN_FILE_NAME, buildPlanJson, countOutcomes, remediationSection } from '../report/sections/remediation.js';
import {
  buildPlan,
  checkContext,
  checkLimit,
  checkRunbooksDeployed,
  compareTargets,
  describeTarget,
  parsePlanJson,
  reconcileApproved,
  runbookKey,
  selectCandidates,
  type DeployedRemediationConfig,
  type PlannedTarget,
  type PlanTarget,
  type RemediationPlan
} from './select.js';
import { verifyResults, type TargetOutcome } from './verify.js';

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
}

export interface RemediationRunContext {
  run: RunInfo;
  roleSessionName: string;
  accountId: string;
  region: string;
  isFork: boolean;
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
}

export interface RemediationDeps {
  clock: Clock;
  logger: Logger;
  /** Aborts when the workflow is cancelled (SIGINT / SIGTERM). */
  signal?: AbortSignal;
}

export interface RemediationCounts {
  /** Targets in the plan. */
  planned: number;
  /** Executions started. */
  started: number;
  /** Runbook ran successfully (verified + succeeded-unverified). */
  remediated: number;
  verified: number;
  unverified: number;
  /** failed + timed-out. */
  failed: number;
  timedOut: number;
  skipped: number;
  /** Stopped, or left running, because the run was cancelled. */
  cancelled: number;
}

export interface RemediationPhaseResult {
  /** Absent only when no plan could be made (a refused filter, an AWS error while reading). */
  plan?: RemediationPlan;
  planFile?: string;
  planHash?: string;
  outcomes: TargetOutcome[];
  auditFile: string;
  section: SummarySection;
  counts: RemediationCounts;
  alert?: { sent: boolean; reason: string; messageId?: string };
  /** The refusal (PolicyError) or AWS error (AwsCallError) that stopped the run; the step should fail. */
  error?: PolicyError | AwsCallError;
  /** Set when the run was cancelled: the signal and what happened (for the summary and the failure message). */
  cancelled?: { reason: string; message: string };
}

/** DescribeRemediationConfigurations takes at most 25 rule names. */
const RULES_PER_DESCRIBE = 25;

function toParameterJson(
  params: Record<string, RemediationParameterValue> | undefined
): Record<string, RemediationParameterJson> {
  const out: Record<string, RemediationParameterJson> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v.ResourceValue) out[k] = { ResourceValue: { Value: 'RESOURCE_ID' } };
    else if (v.StaticValue) out[k] = { StaticValue: { Values: [...(v.StaticValue.Values ?? [])] } };
  }
  return out;
}

/** The remediation configurations deployed for the given rules. */
export async function readRemediationConfigurations(
  config: ConfigServiceClient,
  rules: readonly string[]
): Promise<Map<string, DeployedRemediationConfig>> {
  const out = new Map<string, DeployedRemediationConfig>();
  for (const batch of chunk([...new Set(rules)].sort(), RULES_PER_DESCRIBE)) {
    let res;
    try {
      res = await config.send(new DescribeRemediationConfigurationsCommand({ ConfigRuleNames: batch }));
    } catch (err) {
      throw toAwsCallError('config:DescribeRemediationConfigurations', err);
    }
    for (const c of res.RemediationConfigurations ?? []) {
      if (!c.ConfigRuleName || !c.TargetId) continue;
      const d: DeployedRemediationConfig = { targetId: c.TargetId, parameters: toParameterJson(c.Parameters) };
      if (c.TargetVersion) d.targetVersion = c.TargetVersion;
      out.set(c.ConfigRuleName, d);
    }
  }
  return out;
}

const NOT_DEPLOYED = new Set(['InvalidDocument', 'InvalidDocumentVersion']);

/** Version and hash of each runbook (once per name and requested version); absent from the map: not deployed. */
export async function readRunbooks(
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
      throw toAwsCallError('ssm:DescribeDocument', err);
    }
  }
  return out;
}

function emptyCounts(): RemediationCounts {
  return {
    planned: 0,
    started: 0,
    remediated: 0,
    verified: 0,
    unverified: 0,
    failed: 0,
    timedOut: 0,
    skipped: 0,
    cancelled: 0
  };
}

function countsOf(planned: number, outcomes: readonly TargetOutcome[]): RemediationCounts {
  const c = countOutcomes(outcomes);
  return {
    planned,
    started: outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length,
    remediated: c.verified + c['succeeded-unverified'],
    verified: c.verified,
    unverified: c['succeeded-unverified'],
    failed: c.failed + c['timed-out'],
    timedOut: c['timed-out'],
    skipped: c.skipped,
    cancelled: c.cancelled
  };
}

interface ApprovedFile {
  plan?: RemediationPlan;
  problem?: string;
}

async function readApprovedFile(file: string | undefined): Promise<ApprovedFile> {
  if (file === undefined || file === '') return {};
  if (!existsSync(file)) return { problem: `the approved plan file ${file} does not exist` };
  try {
    return { plan: parsePlanJson(await readFile(file, 'utf8'), file) };
  } catch (err) {
    if (err instanceof PolicyError) return { problem: err.message.replace(/^Remediation refused: /, '') };
    throw err;
  }
}

export async function runRemediation(
  clients: RemediationClients,
  input: RemediationInput,
  options: RemediationOptions,
  ctx: RemediationRunContext,
  deps: RemediationDeps
): Promise<RemediationPhaseResult> {
  const { clock, logger } = deps;
  const { result, desired } = input;
  const auditFile = join(options.reportDir, AUDIT_FILE_NAME);
  const planFile = join(options.reportDir, PLAN_FILE_NAME);
  const run: RunInfo = { ...ctx.run };
  const url = runUrlOf(run);
  if (url !== undefined) run.runUrl = url;
  const audit = new AuditLog(
    auditFile,
    auditContext(run, {
      roleSessionName: ctx.roleSessionName,
      accountId: ctx.accountId,
      region: ctx.region,
      mode: options.mode
    }),
    () => clock.now()
  );

  let plan: RemediationPlan | undefined;
  let outcomes: TargetOutcome[] = [];
  /** The refusal or AWS error that stopped the run (an object: set from within closures). */
  const stop: { error?: PolicyError | AwsCallError } = {};
  let approval: string | undefined;
  let cancelledExecutions: CancelledExecutions | undefined;

  const refuse = async (err: PolicyError | AwsCallError): Promise<void> => {
    stop.error = err;
    logger.warn(sanitizeForLog(err.message));
    await audit.record({
      event: err instanceof PolicyError ? 'refused' : 'run-failed',
      status: err instanceof PolicyError ? 'refused' : 'error',
      reason: err.message
    });
  };

  try {
    const approvedFile = options.mode === 'apply' ? await readApprovedFile(options.approvedPlanFile) : {};
    const candidates = selectCandidates(result, desired.remediations, {
      rules: options.rules,
      resources: options.resources,
      ...(approvedFile.plan ? { alsoKnownResources: new Set(approvedFile.plan.targets.map(t => t.resourceId)) } : {})
    });

    const configRules = [...new Set(candidates.map(c => c.binding.ruleName))].filter(r =>
      input.deployedRemediations.has(r)
    );
    const deployed =
      configRules.length > 0 ? await readRemediationConfigurations(await clients.config(), configRules) : new Map();
    const refs = candidates.map(c => {
      const d = deployed.get(c.binding.ruleName) as DeployedRemediationConfig | undefined;
      const version = d ? d.targetVersion : c.binding.targetVersion;
      return { name: d?.targetId ?? c.binding.targetId, ...(version ? { version } : {}) };
    });
    const runbooks = refs.length > 0 ? await readRunbooks(await clients.ssm(), refs) : new Map();
    const built = buildPlan({
      candidates,
      deployed,
      runbooks,
      manifestHashes: new Map(desired.documents.map(d => [d.name, d.hash.toLowerCase()])),
      mode: options.mode,
      accountId: ctx.accountId,
      region: ctx.region,
      createdAt: clock.now().toISOString()
    });
    plan = built.plan;
    audit.setPlanHash(plan.hash);
    await mkdir(options.reportDir, { recursive: true });
    await writeFile(planFile, JSON.stringify(buildPlanJson(plan), null, 2) + '\n', 'utf8');
    logger.info(
      `Remediation plan ${plan.hash}: ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} (${options.mode}); written to ${planFile}.`
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
        notes: plan.notes
      }
    });

    if (options.mode === 'plan') {
      checkLimit(plan.targets, options.max);
    } else {
      checkContext('apply', options.remediateOn, { eventName: run.eventName, isFork: ctx.isFork });
      let toRun: PlannedTarget[] = built.planned;
      const skipped: TargetOutcome[] = [];
      const wanted = options.approvedPlanHash;
      if (wanted !== undefined && wanted !== '') {
        if (wanted === plan.hash) {
          approval = `Approved plan ${wanted}: the current plan is the approved one.`;
          await audit.record({ event: 'approval-checked', status: 'approved', details: { approvedPlanHash: wanted } });
        } else if (approvedFile.plan && approvedFile.plan.hash === wanted) {
          const approved = approvedFile.plan;
          if (approved.accountId !== ctx.accountId || approved.region !== ctx.region) {
            throw new PolicyError(
              `Remediation refused: the approved plan is for account ${approved.accountId} in ${approved.region}, not ${ctx.accountId} in ${ctx.region}.`
            );
          }
          const sel = reconcileApproved(approved, built.planned, result);
          toRun = sel.run;
          for (const s of sel.skipped) {
            skipped.push({ target: s.target, status: 'skipped', message: s.reason, complianceBefore: 'NON_COMPLIANT' });
          }
          for (const t of sel.notApproved) {
            skipped.push({
              target: t,
              status: 'skipped',
              message: 'not in the approved plan',
              complianceBefore: 'NON_COMPLIANT'
            });
          }
          approval =
            `The plan changed since approval (approved ${wanted}, now ${plan.hash}): running the ${toRun.length} approved ` +
            `target${toRun.length === 1 ? '' : 's'} that are unchanged and still non-compliant; ${sel.skipped.length} approved ` +
            `target${sel.skipped.length === 1 ? '' : 's'} skipped, ${sel.notApproved.length} not approved.`;
          await audit.record({
            event: 'approval-checked',
            status: 'approved-subset',
            message: approval,
            details: { approvedPlanHash: wanted, approvedPlanFile: options.approvedPlanFile, run: toRun.length }
          });
          for (const s of skipped) {
            await audit.record({
              event: 'target-skipped',
              ...targetFields(s.target),
              status: 'skipped',
              reason: s.message ?? 'skipped',
              complianceBefore: 'NON_COMPLIANT',
              ...(s.message?.startsWith('compliant now') ? { complianceAfter: 'COMPLIANT' } : {})
            });
          }
        } else {
          const why =
            options.approvedPlanFile === undefined || options.approvedPlanFile === ''
              ? 'no approved plan file was given'
              : (approvedFile.problem ?? `the approved plan file's hash is ${approvedFile.plan?.hash ?? '?'}`);
          throw new PolicyError(
            `Remediation refused: the plan changed since approval (approved ${wanted}, current ${plan.hash}) and ${why}. Plan and approve again.`
          );
        }
      }
      checkLimit(
        toRun.map(p => p.target),
        options.max
      );
      checkRunbooksDeployed(toRun.map(p => p.target));

      const signal = deps.signal ? { signal: deps.signal } : {};
      const executed = await executeTargets(
        { config: () => clients.config(), ssm: () => clients.ssm(), clock, logger, audit, ...signal },
        toRun,
        {
          timeoutSeconds: options.timeoutSeconds,
          errorPercent: options.errorPercent,
          planHash: plan.hash,
          runId: run.runId,
          runAttempt: run.runAttempt
        }
      );
      const verifyDeadline = new Date(Math.max(executed.deadline.getTime(), clock.now().getTime() + 120_000));
      cancelledExecutions = executed.cancelled;
      const verified = await verifyResults(
        { config: () => clients.config(), clock, logger, audit, ...signal },
        executed.results,
        { deadline: verifyDeadline }
      );
      outcomes = [...verified.outcomes, ...skipped].sort((a, b) => compareTargets(a.target, b.target));
      const err = executed.error ?? verified.error;
      if (err) await refuse(err);
    }
  } catch (err) {
    if (!(err instanceof PolicyError) && !(err instanceof AwsCallError)) throw err;
    await refuse(err);
  }

  const error = stop.error;
  if (options.mode === 'apply' && plan !== undefined && outcomes.length === 0 && error !== undefined) {
    // Refused before anything ran: every planned target is skipped, with the reason.
    const why = truncate(error.message.replace(/^Remediation refused: /, 'refused: '), 300);
    outcomes = plan.targets.map(t => ({
      target: t,
      status: 'skipped',
      message: `not run: ${why}`,
      complianceBefore: 'NON_COMPLIANT'
    }));
  }

  const cancelReason = cancelReasonOf(deps.signal);
  const cancelled =
    cancelReason === undefined ? undefined : await recordCancelled(audit, cancelReason, outcomes, cancelledExecutions);
  if (cancelled) logger.warn(sanitizeForLog(`Remediation cancelled: ${cancelled.message}`));

  const alertInfo: { sent: boolean; reason: string; messageId?: string } = cancelled
    ? { sent: false, reason: 'the run was cancelled' }
    : await sendAlert(clients, {
        options,
        ctx,
        run,
        result,
        outcomes,
        planned: plan?.targets.length ?? 0,
        topic: desired.alertTopic,
        audit,
        logger,
        ...(error ? { problem: error.message } : {})
      }).catch((err: unknown) => {
        if (!(err instanceof AwsCallError)) throw err;
        stop.error ??= err;
        return { sent: false, reason: `sns:Publish failed: ${err.message}` };
      });

  const counts = plan ? countsOf(plan.targets.length, outcomes) : emptyCounts();
  const emptyPlan: RemediationPlan = {
    schemaVersion: 1,
    hash: '',
    mode: options.mode,
    accountId: ctx.accountId,
    region: ctx.region,
    createdAt: clock.now().toISOString(),
    targets: [],
    notes: ['No plan was made.']
  };
  const section = remediationSection({
    plan: plan ?? emptyPlan,
    mode: options.mode,
    planFile: plan ? planFile : '(not written)',
    auditFile,
    outcomes,
    max: options.max,
    ...(approval !== undefined ? { approval } : {}),
    ...(stop.error !== undefined ? { error: stop.error } : {}),
    ...(cancelled ? { cancelled: cancelled.message } : {}),
    alert: alertInfo.sent
      ? `Alert sent to ${desired.alertTopic ?? ''} (${alertInfo.reason}).`
      : `No alert: ${alertInfo.reason}.`
  });
  const out: RemediationPhaseResult = { outcomes, auditFile, section, counts, alert: alertInfo };
  if (plan) {
    out.plan = plan;
    out.planFile = planFile;
    out.planHash = plan.hash;
  }
  if (stop.error) out.error = stop.error;
  if (cancelled) out.cancelled = cancelled;
  return out;
}

interface CancelledItem {
  rule: string;
  resourceType: string;
  resourceId: string;
  executionId?: string;
  status: string;
  route: string;
}

function cancelledItem(o: { target: PlanTarget; executionId?: string; status: string }): CancelledItem {
  const t = o.target;
  return {
    rule: t.rule,
    resourceType: t.resourceType,
    resourceId: t.resourceId,
    ...(o.executionId ? { executionId: o.executionId } : {}),
    status: o.status,
    route: t.route
  };
}

function listOf(items: readonly CancelledItem[]): string {
  const shown = items
    .slice(0, 10)
    .map(i => `${describeTarget(i)}${i.executionId ? ` (${i.executionId})` : ''}`)
    .join(', ');
  return items.length > 10 ? `${shown}, ... (${items.length - 10} more)` : shown;
}

/** The audit record of a cancellation, and its one-paragraph description. */
async function recordCancelled(
  audit: AuditLog,
  reason: string,
  outcomes: readonly TargetOutcome[],
  executions: CancelledExecutions | undefined
): Promise<{ reason: string; message: string }> {
  const ids = (rs: readonly { executionId?: string; target: PlanTarget }[]): Set<PlanTarget> =>
    new Set(rs.map(r => r.target));
  const stoppedSet = ids(executions?.stopped ?? []);
  const stopFailedSet = ids(executions?.stopFailed ?? []);
  const stillSet = ids(executions?.stillRunning ?? []);
  const stopped = outcomes.filter(o => stoppedSet.has(o.target)).map(cancelledItem);
  const stopFailed = outcomes.filter(o => stopFailedSet.has(o.target)).map(cancelledItem);
  const stillRunning = outcomes.filter(o => stillSet.has(o.target)).map(cancelledItem);
  const finished = outcomes
    .filter(o => o.status !== 'skipped' && o.status !== 'cancelled' && o.startedAt !== undefined)
    .map(cancelledItem);
  const notStarted = outcomes.filter(o => o.status === 'skipped').map(cancelledItem);
  const parts = [
    `stopped ${stopped.length} SSM execution${stopped.length === 1 ? '' : 's'}${stopped.length > 0 ? `: ${listOf(stopped)}` : ''}`,
    `${finished.length} had finished${finished.length > 0 ? `: ${listOf(finished)}` : ''}`,
    `${notStarted.length} not started`
  ];
  if (stopFailed.length > 0) parts.push(`could not stop (may still be running): ${listOf(stopFailed)}`);
  if (stillRunning.length > 0) {
    parts.push(
      `AWS Config has no API to stop a remediation execution, so these may still be running: ${listOf(stillRunning)}`
    );
  }
  const message = `cancelled (${reason}): ${parts.join('; ')}.`;
  await audit.record({
    event: 'cancelled',
    status: 'cancelled',
    reason: message,
    details: { signal: reason, stopped, stopFailed, stillRunning, finished, notStarted }
  });
  return { reason, message };
}

async function sendAlert(
  clients: RemediationClients,
  a: {
    options: RemediationOptions;
    ctx: RemediationRunContext;
    run: RunInfo;
    result: ComplianceResult;
    outcomes: TargetOutcome[];
    planned: number;
    topic: string | undefined;
    audit: AuditLog;
    logger: Logger;
    problem?: string;
  }
): Promise<{ sent: boolean; reason: string; messageId?: string }> {
  const started = a.outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length;
  const decision = decideAlert({
    policy: a.options.alert,
    topic: a.topic,
    result: a.result,
    executionsStarted: a.options.mode === 'apply' ? started : 0,
    ...(a.ctx.knownFingerprints ? { knownFingerprints: a.ctx.knownFingerprints } : {})
  });
  if (!decision.send || a.topic === undefined) {
    a.logger.info(`Remediation alert not sent: ${decision.reason}.`);
    return { sent: false, reason: decision.reason };
  }
  const message = buildAlertMessage({
    result: a.result,
    outcomes: a.outcomes,
    run: a.run,
    mode: a.options.mode,
    planned: a.planned,
    ...(a.problem !== undefined ? { problem: a.problem } : {})
  });
  const published = await publishAlert(await clients.sns(), a.topic, message);
  if (published.error) {
    await a.audit.record({
      event: 'alert-failed',
      status: 'error',
      reason: published.error.message,
      details: { topic: a.topic, why: decision.reason }
    });
    throw published.error;
  }
  a.logger.info(`Remediation alert published to ${a.topic} (${decision.reason}).`);
  await a.audit.record({
    event: 'alert-published',
    status: 'published',
    details: { topic: a.topic, messageId: published.messageId, why: decision.reason, subject: message.subject }
  });
  return { sent: true, reason: decision.reason, ...(published.messageId ? { messageId: published.messageId } : {}) };
}
