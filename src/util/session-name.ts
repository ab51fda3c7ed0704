/**
 * The default role session name: it ties every CloudTrail entry of the run to its repository, run and actor.
 *
 * Session tags cannot do it: AssumeRoleWithWebIdentity has no Tags parameter (its parameters are RoleArn,
 * RoleSessionName, WebIdentityToken, DurationSeconds, Policy, PolicyArns, ProviderId); its session tags come only from
 * the token's `https://aws.amazon.com/tags` claim, which GitHub's tokens do not carry. The session name, however,
 * is part of the assumed-role ARN that CloudTrail records as `userIdentity.arn` for every call made with the
 * session. STS API Reference, AssumeRoleWithWebIdentity: RoleSessionName is 2 to 64 characters of
 * `[\w+=,.@-]*`. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 *
 * Shape: `gh-RUN_ID-RUN_ATTEMPT-ACTOR@OWNER.REPO`, e.g. `gh-1234567890-1-alice@example-org.healthcare-infra`.
 * It is parseable (a run id and an attempt are digits; a GitHub login and an owner hold no `@` or `.`) and is cut at
 * 64 characters from the end: a long repository name is shortened first, then the actor; the run id and attempt
 * always remain (the token's `sub`, with the full repository, is in the AssumeRoleWithWebIdentity event itself).
 */

export const SESSION_NAME_MAX = 64;

/** Replaces characters STS rejects in a role session name and fits it into 2..64 characters. */
export function sanitizeSessionName(name: string): string {
  let s = name.replace(/[^\w+=,.@-]/g, '-').slice(0, SESSION_NAME_MAX);
  while (s.length < 2) s += '-';
  return s;
}

/** The default session name from GitHub's run variables (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_ACTOR, GITHUB_REPOSITORY). */
export function defaultSessionName(env: NodeJS.ProcessEnv): string {
  const runId = env.GITHUB_RUN_ID || 'local';
  const attempt = env.GITHUB_RUN_ATTEMPT || '1';
  let name = `gh-${runId}-${attempt}`;
  if (env.GITHUB_ACTOR) name += `-${env.GITHUB_ACTOR}`;
  if (env.GITHUB_REPOSITORY) name += `@${env.GITHUB_REPOSITORY.replace('/', '.')}`;
  return sanitizeSessionName(name);
}
