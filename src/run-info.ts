import type { RunInfo } from './compliance/types.js';

/**
 * The workflow file of the run, repository-relative (from GITHUB_WORKFLOW_REF,
 * `owner/repo/.github/workflows/x.yml@refs/heads/main`): where the action's inputs are written.
 */
export function workflowFileFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const m = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '');
  return m?.[1];
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
