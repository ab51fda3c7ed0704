/**
 * No double remediation. A rule whose remediation configuration in AWS Config is `Automatic: true` is remediated by
 * Config itself; a target of such a rule with a recent execution for that resource is skipped, with the reason in the
 * plan, so the action does not run the runbook a second time beside Config.
 *
 * "Recent", from AWS Config's semantics (AWS Config API Reference, RemediationExecutionStatus and
 * RemediationConfiguration: https://docs.aws.amazon.com/config/latest/APIReference/API_RemediationExecutionStatus.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_RemediationConfiguration.html):
 * - State QUEUED or IN_PROGRESS: Config is remediating the resource now;
 * - SUCCEEDED or FAILED with LastUpdatedTime (else InvocationTime) within the configuration's RetryAttemptSeconds
 *   (default 60) of now: RetryAttemptSeconds is the window in which Config counts its automatic attempts and retries a
 *   failed one ("Config will run auto-remediations 5 times within 50 seconds before adding a remediation exception"),
 *   so inside it Config may still be acting on the resource, and a success may not be re-evaluated yet;
 * - any other State (or none): not known to be finished, so recent (fail closed).
 *
 * Fail closed when the status cannot be read (DescribeRemediationExecutionStatus fails after retries): the rule's
 * targets are skipped, not run blindly, with the error as the reason. Skipping rather than failing the run: nothing
 * acts on those resources (the safe side), Config's own automatic remediation still covers them, the other targets
 * still run, and the plan, summary and audit log name the reason; the findings stay counted by the gate.
 *
 * Calls: DescribeRemediationExecutionStatus once per automatic rule among the targets, paged (100 a page), without
 * ResourceKeys (its ResourceKey type takes only recorded resource types, not e.g. AWS::::Account); the statuses are
 * matched to the targets here.
 */
import {
  type ConfigServiceClient,
  type RemediationExecutionStatus,
  paginateDescribeRemediationExecutionStatus
} from '@aws-sdk/client-config-service';
import { awsCallErrorOf } from '../aws/clients.js';
import { mapLimit } from '../util/concurrency.js';
import { targetKey } from './plan.js';

/** RetryAttemptSeconds when the configuration leaves it out (RemediationConfiguration). */
export const DEFAULT_RETRY_ATTEMPT_SECONDS = 60;

const PAGE_SIZE = 100;

/** A target as far as this check goes. */
export interface RecentCheckTarget {
  rule: string;
  resourceType: string;
  resourceId: string;
}

/** What the check needs of a rule's remediation configuration in AWS Config. */
export interface AutomaticRemediation {
  automatic: boolean;
  retryAttemptSeconds?: number;
}

const keyOf = (t: { resourceType: string; resourceId: string }): string => `${t.resourceType}\u0000${t.resourceId}`;

/**
 * Pure: why a resource's latest remediation execution counts as recent (the target must not run), or undefined when
 * it does not. See the header for the definition.
 */
export function recentExecutionReason(
  status: RemediationExecutionStatus,
  retryAttemptSeconds: number,
  now: Date
): string | undefined {
  const state = status.State;
  if (state === 'QUEUED' || state === 'IN_PROGRESS') {
    return `AWS Config's automatic remediation of this resource is ${state} (invoked ${status.InvocationTime?.toISOString() ?? 'at an unknown time'})`;
  }
  if (state === 'SUCCEEDED' || state === 'FAILED') {
    const at = status.LastUpdatedTime ?? status.InvocationTime;
    if (at === undefined) return `AWS Config's remediation of this resource ${state} at an unknown time`;
    const ageMs = now.getTime() - at.getTime();
    if (ageMs > retryAttemptSeconds * 1000) return undefined;
    return `AWS Config's automatic remediation of this resource ${state} at ${at.toISOString()}, within its RetryAttemptSeconds (${retryAttemptSeconds} s)`;
  }
  return `AWS Config reports its remediation of this resource in state ${state ?? '(none)'}, not known to be finished`;
}

/**
 * The targets to skip, by plan.ts targetKey, with the reason: those of rules with automatic
 * remediation and a recent execution for the resource, and all targets of such a rule whose statuses cannot be read.
 */
export async function recentlyRemediated(
  config: ConfigServiceClient,
  targets: readonly RecentCheckTarget[],
  remediations: ReadonlyMap<string, AutomaticRemediation>,
  now: Date,
  concurrency = 4
): Promise<Map<string, string>> {
  const skip = new Map<string, string>();
  const byRule = new Map<string, RecentCheckTarget[]>();
  for (const t of targets) {
    if (remediations.get(t.rule)?.automatic !== true) continue;
    const list = byRule.get(t.rule) ?? [];
    list.push(t);
    byRule.set(t.rule, list);
  }
  await mapLimit([...byRule], concurrency, async ([rule, ruleTargets]) => {
    const retry = remediations.get(rule)?.retryAttemptSeconds ?? DEFAULT_RETRY_ATTEMPT_SECONDS;
    const wanted = new Set(ruleTargets.map(keyOf));
    const latest = new Map<string, RemediationExecutionStatus>();
    try {
      for await (const page of paginateDescribeRemediationExecutionStatus(
        { client: config, pageSize: PAGE_SIZE },
        { ConfigRuleName: rule }
      )) {
        for (const s of page.RemediationExecutionStatuses ?? []) {
          const k = s.ResourceKey;
          if (!k?.resourceType || !k.resourceId) continue;
          const key = keyOf({ resourceType: k.resourceType, resourceId: k.resourceId });
          if (wanted.has(key)) latest.set(key, s);
        }
      }
    } catch (err) {
      const e = awsCallErrorOf(err);
      const why = `rule ${rule} has automatic remediation and the status of its executions could not be read (${e.operation}: ${e.code}: ${e.message}); not run, to avoid remediating twice`;
      for (const t of ruleTargets) skip.set(targetKey(t), why);
      return;
    }
    for (const t of ruleTargets) {
      const s = latest.get(keyOf(t));
      const why = s ? recentExecutionReason(s, retry, now) : undefined;
      if (why !== undefined) skip.set(targetKey(t), `${why}; not run, to avoid remediating twice`);
    }
  });
  return skip;
}
