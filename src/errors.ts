/**
 * Error types. User errors (bad input, bad file, refusal by policy, a GitHub permission problem, an AWS access
 * denial) are reported with their message only; anything else also logs its stack at debug level (see main.ts).
 */
import type { SourcePosition } from './source/position.js';

/**
 * The base of every error the user can fix from its message alone. A subclass whose instances are only sometimes
 * the user's fault (GitHubApiError: a 403 is, a 502 is not) overrides `userError`.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  get userError(): boolean {
    return true;
  }
}

/** An action input is missing or invalid. The message names the input and the value. */
export class InputError extends UserError {
  override readonly name = 'InputError';
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message);
  }
}

/** A problem in a user file (manifest, pack template, runbook). Carries file:line:col. */
export class SourceError extends UserError {
  override readonly name = 'SourceError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly detail: string
  ) {
    super(`${file}:${line}:${col}: ${detail}`);
  }

  /** The error at a position. */
  static at(position: SourcePosition, detail: string): SourceError {
    return new SourceError(position.file, position.line, position.col, detail);
  }
}

/** Several problems found at once (all errors reported, not the first only). */
export class SourceErrors extends UserError {
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
    /** AWS's own message, without the operation and code this error's message adds. */
    readonly detail: string,
    /** A user error (access denied, bad parameter) rather than a defect or outage. */
    readonly userError = false
  ) {
    super(`${operation} failed: ${code}: ${detail}${requestId ? ` (request id ${requestId})` : ''}`);
  }
}

/** A refusal by policy (oversight): the run stops on purpose, with the reason. */
export class PolicyError extends UserError {
  override readonly name = 'PolicyError';
}

/**
 * Errors whose message is enough for the user; others also get their stack logged at debug. An AWS error is the
 * user's when its code says so (access denied, bad parameter: USER_ERROR_CODES below).
 */
export function isUserError(err: unknown): boolean {
  if (err instanceof UserError) return err.userError;
  return err instanceof AwsCallError && err.userError;
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
  // SNS answers a denial with AuthorizationError; the SDK names the exception AuthorizationErrorException.
  'AuthorizationError',
  'AuthorizationErrorException',
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
