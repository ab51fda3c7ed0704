/**
 * Which GitHub events run code under review, and which events may run `remediate: apply`. The one list of
 * pull-request events in the code: every other module asks isPullRequestEvent() / hasPullRequestPayload().
 *
 * Source: GitHub Docs, "Events that trigger workflows"
 * (https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows)
 * and "Webhook events and payloads".
 * - pull_request, pull_request_target, pull_request_review and pull_request_review_comment: the payload carries
 *   `pull_request` (head and base). pull_request_target runs in the base repository with its secrets, which is why
 *   it is the classic way untrusted code reaches privileged credentials.
 * - merge_group: the payload carries `merge_group` (head_sha, base_sha, base_ref), no `pull_request`; its head is
 *   pull requests that are not merged yet, so for trust it is a pull-request event.
 * - workflow_run: runs with the base repository's secrets after another workflow, possibly one a fork's pull
 *   request triggered; not a pull-request event, but it can carry untrusted code (its artifacts, its head SHA).
 */

/** Events whose payload carries `pull_request` (GitHub's webhook payloads for these four). */
export const PULL_REQUEST_PAYLOAD_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
]);

/** Events that run code from a pull request (for trust): the four above and the merge queue. */
export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([...PULL_REQUEST_PAYLOAD_EVENTS, 'merge_group']);

/** True for events that run code under review (pull requests and the merge queue). */
export function isPullRequestEvent(eventName: string): boolean {
  return PULL_REQUEST_EVENTS.has(eventName);
}

/** True for events whose payload has a `pull_request` object (merge_group has `merge_group` instead). */
export function hasPullRequestPayload(eventName: string): boolean {
  return PULL_REQUEST_PAYLOAD_EVENTS.has(eventName);
}

/** Events that may run untrusted code with the repository's credentials: warned about when named in remediate-on. */
export function runsUntrustedCode(eventName: string): boolean {
  return isPullRequestEvent(eventName) || eventName === 'workflow_run';
}

/**
 * Every event a workflow can be triggered by (GitHub Docs, "Events that trigger workflows"), so a misspelt name in
 * remediate-on is an error rather than a silent refusal.
 */
export const WORKFLOW_EVENTS: ReadonlySet<string> = new Set([
  'branch_protection_rule',
  'check_run',
  'check_suite',
  'create',
  'delete',
  'deployment',
  'deployment_status',
  'discussion',
  'discussion_comment',
  'fork',
  'gollum',
  'image_version',
  'issue_comment',
  'issues',
  'label',
  'merge_group',
  'milestone',
  'page_build',
  'public',
  ...PULL_REQUEST_PAYLOAD_EVENTS,
  'push',
  'registry_package',
  'release',
  'repository_dispatch',
  'schedule',
  'status',
  'watch',
  'workflow_call',
  'workflow_dispatch',
  'workflow_run'
]);

/** The warning for a remediate-on list that names events running untrusted code; undefined when it names none. */
export function untrustedRemediateOnWarning(remediateOn: readonly string[]): string | undefined {
  const untrusted = remediateOn.filter(runsUntrustedCode);
  if (untrusted.length === 0) return undefined;
  return (
    `remediate-on names ${untrusted.join(', ')}: ${untrusted.length === 1 ? 'this event runs' : 'these events run'} ` +
    'code from pull requests (possibly from forks) with this workflow’s AWS role, so untrusted code could change ' +
    'the account. Prefer workflow_dispatch or schedule on a protected branch or environment.'
  );
}

/**
 * Why `remediate: apply` may not run in this context, or undefined when it may. Only events named in remediate-on
 * run it, and never a fork's pull request (its code is untrusted whatever the event).
 */
export function applyRefusal(
  ctx: { eventName: string; isFork: boolean },
  remediateOn: readonly string[]
): string | undefined {
  const event = ctx.eventName === '' ? '(unknown: GITHUB_EVENT_NAME is not set)' : ctx.eventName;
  if (!remediateOn.includes(ctx.eventName)) {
    return `remediate: apply refused on event '${event}': not in remediate-on (${remediateOn.join(', ')})`;
  }
  if (ctx.isFork) {
    return `remediate: apply refused on event '${event}': the pull request comes from a fork, whose code is never trusted to change the account`;
  }
  return undefined;
}

/**
 * The workflow file of the run, repository-relative (from GITHUB_WORKFLOW_REF,
 * `owner/repo/.github/workflows/x.yml@refs/heads/main`): where the action's inputs are written.
 */
export function workflowFileFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const m = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '');
  return m?.[1];
}

/** Metadata of the run for reports. */
export interface RunInfo {
  repository: string;
  runId: string;
  runAttempt: string;
  workflow: string;
  eventName: string;
  actor: string;
  sha: string;
  ref: string;
  serverUrl: string;
  /** URL of the run, when known. */
  runUrl?: string;
}

/** The run's metadata, from the variables GitHub sets on every runner. */
export function runInfoFromEnv(env: NodeJS.ProcessEnv): RunInfo {
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  const info: RunInfo = {
    repository,
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    workflow: env.GITHUB_WORKFLOW ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    serverUrl
  };
  if (repository && runId) info.runUrl = `${serverUrl}/${repository}/actions/runs/${runId}`;
  return info;
}

/** The run's URL: RunInfo.runUrl or built from server, repository, run id and attempt. */
export function runUrlOf(run: RunInfo): string | undefined {
  if (run.runUrl !== undefined && run.runUrl !== '') return run.runUrl;
  if (run.serverUrl === '' || run.repository === '' || run.runId === '') return undefined;
  const attempt = run.runAttempt !== '' ? `/attempts/${encodeURIComponent(run.runAttempt)}` : '';
  return `${run.serverUrl.replace(/\/+$/, '')}/${run.repository}/actions/runs/${encodeURIComponent(run.runId)}${attempt}`;
}
