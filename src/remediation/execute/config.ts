/**
 * The Config route: a target whose rule has a remediation configuration in AWS Config runs through it
 * (StartRemediationExecution, one rule and at most 100 resource keys a call), polled with
 * DescribeRemediationExecutionStatus (at most 100 resource keys a call). AWS Config has no API to stop a remediation
 * execution: one still running at the deadline or on cancellation may still change the resource.
 * https://docs.aws.amazon.com/config/latest/APIReference/API_StartRemediationExecution.html
 * https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeRemediationExecutionStatus.html
 */
import {
  type ConfigServiceClient,
  paginateDescribeRemediationExecutionStatus,
  type RemediationExecutionStatus,
  type ResourceType,
  StartRemediationExecutionCommand
} from '@aws-sdk/client-config-service';
import { awsCallErrorOf } from '../../aws/clients.js';
import { chunk } from '../../util/concurrency.js';
import { sanitizeForLog } from '../../util/text.js';
import { targetFields } from '../audit.js';
import { shortMessage } from '../mask.js';
import { describeTarget, type PlannedTarget } from '../plan.js';
import type { ExecutionRoute, FinalState, RouteDeps, Running } from './route.js';

/** StartRemediationExecution and DescribeRemediationExecutionStatus take at most 100 resource keys. */
const RESOURCE_KEYS_PER_CALL = 100;

/** Config InvocationTime may be this much earlier than our clock at start (clock skew) and still be ours. */
const INVOCATION_SKEW_MS = 5_000;

/** Final state of a Config remediation execution; undefined while queued or running. */
export function configFinalState(s: RemediationExecutionStatus): FinalState | undefined {
  const stops = (s.StepDetails ?? []).map(d => d.StopTime?.getTime() ?? 0);
  const last = Math.max(s.LastUpdatedTime?.getTime() ?? 0, ...stops);
  const finishedAt = last > 0 ? { finishedAt: new Date(last).toISOString() } : {};
  if (s.State === 'SUCCEEDED') return { status: 'succeeded', ...finishedAt };
  if (s.State !== 'FAILED') return undefined;
  const step = (s.StepDetails ?? []).find(d => d.State === 'FAILED');
  return {
    status: 'failed',
    message: step?.ErrorMessage ?? 'the remediation execution failed',
    ...(step?.Name ? { failedStep: step.Name } : {}),
    ...finishedAt
  };
}

type ConfigDeps = RouteDeps & { config: () => Promise<ConfigServiceClient> };

export function configRoute(deps: ConfigDeps): ExecutionRoute {
  return {
    route: 'config',
    batchSize: RESOURCE_KEYS_PER_CALL,
    start: batch => start(deps, batch),
    poll: pending => poll(deps, pending),
    leftRunning: {
      timedOut: '; AWS Config has no API to stop a remediation execution, it may still finish',
      cancelled:
        'cancelled, still running: AWS Config has no API to stop a remediation execution; it may still change the resource'
    }
  };
}

const keyOf = (resourceType: string, resourceId: string): string => `${resourceType}\u0000${resourceId}`;

async function start(deps: ConfigDeps, batch: readonly PlannedTarget[]): Promise<Running[]> {
  const { clock, logger, audit } = deps;
  const rule = batch[0]?.target.rule ?? '';
  const now = clock.now();
  const out: Running[] = batch.map(p => ({
    planned: p,
    result: { target: p.target, status: 'running', startedAt: now.toISOString() },
    startedAtMs: now.getTime()
  }));
  let failedKeys = new Set<string>();
  let failureMessage = '';
  try {
    const config = await deps.config();
    const res = await config.send(
      new StartRemediationExecutionCommand({
        ConfigRuleName: rule,
        ResourceKeys: batch.map(p => ({
          resourceType: p.target.resourceType as ResourceType,
          resourceId: p.target.resourceId
        }))
      })
    );
    failedKeys = new Set((res.FailedItems ?? []).map(k => keyOf(k.resourceType ?? '', k.resourceId ?? '')));
    failureMessage = `config:StartRemediationExecution did not start it: ${res.FailureMessage ?? 'no message'}`;
  } catch (err) {
    failureMessage = awsCallErrorOf(err).message;
    failedKeys = new Set(batch.map(p => keyOf(p.target.resourceType, p.target.resourceId)));
  }
  for (const r of out) {
    const t = r.planned.target;
    if (failedKeys.has(keyOf(t.resourceType, t.resourceId))) {
      r.result.status = 'failed';
      r.result.message = shortMessage(failureMessage);
      logger.warn(sanitizeForLog(`Remediation of ${describeTarget(t)} did not start: ${r.result.message}`));
      await audit.record({
        event: 'execution-started',
        ...targetFields(t),
        status: 'start-failed',
        message: r.result.message
      });
    } else {
      logger.info(sanitizeForLog(`Started Config remediation (${t.runbook.name}) for ${describeTarget(t)}.`));
      await audit.record({
        event: 'execution-started',
        ...targetFields(t),
        status: 'started',
        complianceBefore: 'NON_COMPLIANT'
      });
    }
  }
  return out;
}

async function poll(deps: ConfigDeps, pending: readonly Running[]): Promise<void> {
  if (pending.length === 0) return;
  const config = await deps.config();
  const byRule = new Map<string, Running[]>();
  for (const r of pending) {
    const list = byRule.get(r.planned.target.rule) ?? [];
    list.push(r);
    byRule.set(r.planned.target.rule, list);
  }
  for (const [rule, list] of byRule) {
    for (const batch of chunk(list, RESOURCE_KEYS_PER_CALL)) {
      const byKey = new Map(batch.map(r => [keyOf(r.planned.target.resourceType, r.planned.target.resourceId), r]));
      for await (const page of paginateDescribeRemediationExecutionStatus(
        { client: config },
        {
          ConfigRuleName: rule,
          ResourceKeys: batch.map(r => ({
            resourceType: r.planned.target.resourceType as ResourceType,
            resourceId: r.planned.target.resourceId
          }))
        }
      )) {
        for (const s of page.RemediationExecutionStatuses ?? []) {
          const r = byKey.get(keyOf(s.ResourceKey?.resourceType ?? '', s.ResourceKey?.resourceId ?? ''));
          if (!r) continue;
          // An earlier execution's status: ours has not been picked up yet.
          if (s.InvocationTime && s.InvocationTime.getTime() < r.startedAtMs - INVOCATION_SKEW_MS) continue;
          const final = configFinalState(s);
          if (!final) continue;
          Object.assign(r.result, final);
          if (r.result.message !== undefined) r.result.message = shortMessage(r.result.message);
          r.result.finishedAt ??= deps.clock.now().toISOString();
        }
      }
    }
  }
}
