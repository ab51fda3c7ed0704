import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AwsCallError,
  InputError,
  isUserError,
  PolicyError,
  SourceError,
  SourceErrors,
  toAwsCallError,
  UserError
} from '../../src/errors.js';
import { fail } from '../../src/main.js';
import { MemoryLogger } from '../helpers/memory-logger.js';

describe('errors', () => {
  it('AwsCallError names the operation, the code and the request id', () => {
    const e = toAwsCallError('config:DescribeConfigRules', {
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $metadata: { requestId: 'req-1' }
    });
    expect(e.message).toBe('config:DescribeConfigRules failed: ThrottlingException: Rate exceeded (request id req-1)');
    expect(e.userError).toBe(false);
    expect(toAwsCallError('sts:GetCallerIdentity', { name: 'AccessDenied', message: 'no' }).userError).toBe(true);
    // SNS denies with AuthorizationError (query protocol); the SDK names it AuthorizationErrorException.
    expect(toAwsCallError('sns:Publish', { name: 'AuthorizationErrorException', message: 'no' }).userError).toBe(true);
    expect(toAwsCallError('sns:Publish', { name: 'InternalErrorException', message: 'no' }).userError).toBe(false);
    expect(toAwsCallError('x', e)).toBe(e);
    expect(toAwsCallError('x', undefined).code).toBe('UnknownError');
  });

  it('SourceError and SourceErrors carry file:line:col', () => {
    const a = new SourceError('compliance.yml', 3, 5, 'unknown rule');
    expect(a.message).toBe('compliance.yml:3:5: unknown rule');
    const all = new SourceErrors([a, new SourceError('pack.yaml', 10, 1, 'bad')]);
    expect(all.message).toContain('2 problems found');
    expect(all.message).toContain('pack.yaml:10:1: bad');
  });

  it('classifies user errors', () => {
    expect(isUserError(new InputError('x', 'bad'))).toBe(true);
    expect(isUserError(new PolicyError('refused'))).toBe(true);
    expect(isUserError(new AwsCallError('op', 'AccessDenied', undefined, 'm', true))).toBe(true);
    expect(isUserError(new AwsCallError('op', 'InternalFailure', undefined, 'm'))).toBe(false);
    expect(isUserError(new TypeError('boom'))).toBe(false);
  });

  it('every user error is a UserError; an AWS call error is not, whoever is at fault', () => {
    const source = SourceError.at({ file: 'pack.yaml', line: 4, col: 2 }, 'bad');
    expect(source.message).toBe('pack.yaml:4:2: bad');
    for (const e of [new InputError('x', 'bad'), source, new SourceErrors([source]), new PolicyError('no')]) {
      expect(e).toBeInstanceOf(UserError);
      expect(isUserError(e)).toBe(true);
    }
    expect(new AwsCallError('op', 'AccessDenied', undefined, 'm', true)).not.toBeInstanceOf(UserError);
    expect(isUserError(new UserError('plain user error'))).toBe(true);
  });
});

describe('error mapping', () => {
  let savedExitCode: typeof process.exitCode;
  beforeEach(() => {
    savedExitCode = process.exitCode;
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = savedExitCode;
  });
  it('sets a non-zero exit code itself, also when setFailed is a stub (@github/local-action)', () => {
    fail(new InputError('aws-region', 'bad'), new MemoryLogger(), () => undefined);
    expect(process.exitCode).toBe(1);
  });
  it('a user error fails with its message only', () => {
    const logger = new MemoryLogger();
    const failed: string[] = [];
    fail(new InputError('aws-region', "Input 'aws-region' is required"), logger, m => failed.push(m));
    expect(failed).toEqual(["Input 'aws-region' is required"]);
    expect(logger.lines.filter(l => l.startsWith('debug'))).toEqual([]);
  });
  it('an unexpected error also logs its stack at debug', () => {
    const logger = new MemoryLogger();
    const failed: string[] = [];
    fail(new TypeError('cannot read x'), logger, m => failed.push(m));
    expect(failed).toEqual(['cannot read x']);
    expect(logger.lines.some(l => l.startsWith('debug: TypeError: cannot read x'))).toBe(true);
  });
  it('a non-Error value is stringified', () => {
    const failed: string[] = [];
    fail('plain', new MemoryLogger(), m => failed.push(m));
    expect(failed).toEqual(['plain']);
  });
});

describe('GitHub API errors', () => {
  it('a permission or token problem is a user error; an outage is not', async () => {
    const { GitHubApiError } = await import('../../src/github/client.js');
    expect(isUserError(new GitHubApiError('POST', '/repos/o/r/check-runs', 403, 'Resource not accessible'))).toBe(true);
    expect(isUserError(new GitHubApiError('POST', '/repos/o/r/check-runs', 502, 'Bad gateway'))).toBe(false);
  });
});
