/**
 * The SSM route: the runbook runs through SSM Automation directly, one StartAutomationExecution per target, pinned
 * to the planned document version, with an idempotency token per plan, run attempt and target. Polled with
 * GetAutomationExecution; stopped with StopAutomationExecution (Type Cancel).
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartAutomationExecution.html
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StopAutomationExecution.html
 */
import {
  type AutomationExecution,
  GetAutomationExecutionCommand,
  type SSMClient,
  StartAutomationExecutionCommand,
  StopAutomationExecutionCommand
} from '@aws-sdk/client-ssm';
import { MANAGED_TAG } from '../../desired/model.js';
import { awsCallErrorOf } from '../../aws/clients.js';
import { sanitizeForLog } from '../../util/text.js';
import { targetFields } from '../audit.js';
import { shortMessage } from '../mask.js';
import { describeTarget, idempotencyToken, type PlannedTarget } from '../plan.js';
import type { ExecutionResult, ExecutionRoute, FinalState, RouteDeps, Running } from './route.js';

const SSM_SUCCESS = new Set(['Success', 'CompletedWithSuccess']);
const SSM_FAILURE = new Set([
  'Failed',
  'TimedOut',
  'Cancelled',
  'Rejected',
  'CompletedWithFailure',
  'Exited',
  'ChangeCalendarOverrideRejected'
]);

/** Final state of an SSM automation execution, with the failing step; undefined while it runs. */
export function ssmFinalState(e: AutomationExecution): FinalState | undefined {
  const status = e.AutomationExecutionStatus ?? '';
  const finishedAt = e.ExecutionEndTime?.toISOString();
  if (SSM_SUCCESS.has(status)) return { status: 'succeeded', ...(finishedAt ? { finishedAt } : {}) };
  if (!SSM_FAILURE.has(status)) return undefined;
  const step =
    (e.StepExecutions ?? []).find(s => s.StepStatus !== undefined && SSM_FAILURE.has(s.StepStatus)) ??
    (e.StepExecutions ?? []).find(s => s.FailureMessage !== undefined);
  const stepName = step?.StepName ?? e.CurrentStepName;
  const message =
    status === 'Cancelled'
      ? `cancelled (stopped before it finished)${e.FailureMessage ? `: ${e.FailureMessage}` : ''}`
      : (step?.FailureMessage ?? e.FailureMessage ?? `automation ${status}`);
  return {
    status: 'failed',
    message: `${status}: ${message}`,
    ...(stepName ? { failedStep: stepName } : {}),
    ...(finishedAt ? { finishedAt } : {})
  };
}

/** What makes the idempotency tokens of a run attempt. */
interface SsmRunIds {
  planHash: string;
  runId: string;
  runAttempt: string;
}

type SsmDeps = RouteDeps & { ssm: () => Promise<SSMClient> };

export function ssmRoute(deps: SsmDeps, ids: SsmRunIds): ExecutionRoute {
  return {
    route: 'ssm',
    batchSize: 1,
    start: async batch => {
      const out: Running[] = [];
      for (const p of batch) out.push(await startOne(deps, p, ids));
      return out;
    },
    poll: pending => poll(deps, pending),
    stop: {
      api: 'StopAutomationExecution',
      call: async (result: ExecutionResult, signal?: AbortSignal) => {
        const ssm = await deps.ssm();
        const command = new StopAutomationExecutionCommand({
          AutomationExecutionId: result.executionId,
          Type: 'Cancel'
        });
        await (signal ? ssm.send(command, { abortSignal: signal }) : ssm.send(command));
      }
    }
  };
}

async function startOne(deps: SsmDeps, p: PlannedTarget, ids: SsmRunIds): Promise<Running> {
  const { clock, logger, audit } = deps;
  const t = p.target;
  const now = clock.now();
  const result: ExecutionResult = { target: t, status: 'failed', startedAt: now.toISOString() };
  const running: Running = { planned: p, result, startedAtMs: now.getTime() };
  try {
    const ssm = await deps.ssm();
    const out = await ssm.send(
      new StartAutomationExecutionCommand({
        DocumentName: t.runbook.name,
        ...(p.documentVersion ? { DocumentVersion: p.documentVersion } : {}),
        ...(Object.keys(p.executionParameters).length > 0 ? { Parameters: p.executionParameters } : {}),
        ClientToken: idempotencyToken(ids.planHash, ids.runId, ids.runAttempt, t.rule, t.resourceType, t.resourceId),
        Tags: [{ ...MANAGED_TAG }]
      })
    );
    if (out.AutomationExecutionId) result.executionId = out.AutomationExecutionId;
    else result.message = 'ssm:StartAutomationExecution returned no AutomationExecutionId';
  } catch (err) {
    result.message = shortMessage(awsCallErrorOf(err).message);
  }
  if (result.executionId === undefined) {
    logger.warn(sanitizeForLog(`Remediation of ${describeTarget(t)} did not start: ${result.message}`));
    await audit.record({
      event: 'execution-started',
      ...targetFields(t),
      status: 'start-failed',
      message: result.message ?? 'not started'
    });
    return running;
  }
  logger.info(
    sanitizeForLog(`Started ${t.runbook.name} v${t.runbook.version} for ${describeTarget(t)}: ${result.executionId}`)
  );
  await audit.record({
    event: 'execution-started',
    ...targetFields(t),
    executionId: result.executionId,
    status: 'started',
    complianceBefore: 'NON_COMPLIANT'
  });
  result.status = 'running';
  return running;
}

async function poll(deps: SsmDeps, pending: readonly Running[]): Promise<void> {
  if (pending.length === 0) return;
  const ssm = await deps.ssm();
  for (const r of pending) {
    const out = await ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: r.result.executionId }));
    const e = out.AutomationExecution;
    const final = e ? ssmFinalState(e) : undefined;
    if (!final) continue;
    Object.assign(r.result, final);
    if (r.result.message !== undefined) r.result.message = shortMessage(r.result.message);
    r.result.finishedAt ??= deps.clock.now().toISOString();
  }
}
