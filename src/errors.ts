/**
 * Error types. User errors (bad input, bad file, access denied) are reported with their message only;
 * anything else also logs its stack at debug level (see main.ts).
 */

/** An action input is missing or invalid. The message names the input and the value. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message);
  }
}

/** A problem in a user file (manifest, pack template, runbook). Carries file:line:col. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly detail: string
  ) {
    super(`${file}:${line}:${col}: ${detail}`);
  }
}

/** Several problems found at once (all errors reported, not the first only). */
export class SourceErrors extends Error {
  override readonly name = 'SourceErrors';
  constructor(readonly errors: readonly SourceError[]) {
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} found:\n` +
        errors.map(e => `  ${e.message}`).join('\n')
    );
  }
}

/** An AWS API call failed: names the operation, the error code and the request id. */
export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';
  constructor(
    readonly operation: string,
    readonly code: string,
    readonly requestId: string | undefined,
    detail: string,
    /** A user error (access denied, bad parameter) rather than a defect or outage. */
    readonly userError = false
  ) {
    super(`${operation} failed: ${code}: ${detail}${requestId ? ` (request id ${requestId})` : ''}`);
  }
}

/** A refusal by policy (oversight): the run stops on purpose, with the reason. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

/**
 * Errors whose message is enough for the user; others also get their stack logged at debug. A GitHub API error
 * (src/github/client.ts) is recognised by shape, so this module does not load the GitHub client.
 */
export function isUserError(err: unknown): boolean {
  const github = err as { name?: string; userError?: unknown } | undefined;
  return (
    (github?.name === 'GitHubApiError' && github.userError === true) ||
    err instanceof InputError ||
    err instanceof SourceError ||
    err instanceof SourceErrors ||
    err instanceof PolicyError ||
    (err instanceof AwsCallError && err.userError)
  );
}

interface SdkLikeError {
  name?: string;
  message?: string;
  $metadata?: { requestId?: string; httpStatusCode?: number };
  Code?: string;
}

const USER_ERROR_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'ValidationException',
  'ValidationError',
  'InvalidParameterValueException',
  'InvalidParameterException',
  'InvalidIdentityToken',
  'ExpiredTokenException',
  'NoSuchConfigRuleException',
  'InvalidDocument',
  'InvalidDocumentContent'
]);

/** Wraps an SDK error into an AwsCallError naming the operation, code and request id. */
export function toAwsCallError(operation: string, err: unknown): AwsCallError {
  if (err instanceof AwsCallError) return err;
  const e = (err ?? {}) as SdkLikeError;
  const code = e.Code ?? e.name ?? 'UnknownError';
  const message = e.message ?? String(err);
  return new AwsCallError(operation, code, e.$metadata?.requestId, message, USER_ERROR_CODES.has(code));
}
