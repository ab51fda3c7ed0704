import { describe, expect, it } from '@jest/globals';
import { defaultSessionName, SESSION_NAME_MAX } from '../../../src/util/session-name.js';

const STS_SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

describe('default role session name (CloudTrail attribution)', () => {
  it('carries run id, attempt, actor and repository', () => {
    const name = defaultSessionName({
      GITHUB_RUN_ID: '1234567890',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_ACTOR: 'alice',
      GITHUB_REPOSITORY: 'example-org/healthcare-infra'
    });
    expect(name).toBe('gh-1234567890-2-alice@example-org.healthcare-infra');
    expect(name).toMatch(STS_SESSION_NAME);
  });

  it('sanitises a bot actor to what STS accepts', () => {
    expect(
      defaultSessionName({
        GITHUB_RUN_ID: '7',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_ACTOR: 'dependabot[bot]',
        GITHUB_REPOSITORY: 'o/r'
      })
    ).toBe('gh-7-1-dependabot-bot-@o.r');
  });

  it('cuts a long repository name at exactly 64 characters, keeping run, attempt and actor', () => {
    const env = {
      GITHUB_RUN_ID: '12345678901',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: 'alice',
      GITHUB_REPOSITORY: 'example-org/a-very-long-repository-name-that-goes-on-and-on-for-a-while'
    };
    const name = defaultSessionName(env);
    expect(name).toBe('gh-12345678901-1-alice@example-org.a-very-long-repository-name-t');
    expect(name).toHaveLength(SESSION_NAME_MAX);
    expect(name).toMatch(STS_SESSION_NAME);
    // One character shorter fits whole: the boundary.
    const fits = { ...env, GITHUB_REPOSITORY: 'example-org/a-very-long-repository-name-' };
    expect(defaultSessionName(fits)).toBe('gh-12345678901-1-alice@example-org.a-very-long-repository-name-');
    expect(defaultSessionName(fits)).toHaveLength(63);
    expect(defaultSessionName({ ...fits, GITHUB_REPOSITORY: `${fits.GITHUB_REPOSITORY}x` })).toHaveLength(64);
    expect(defaultSessionName({ ...fits, GITHUB_REPOSITORY: `${fits.GITHUB_REPOSITORY}xy` })).toHaveLength(64);
  });

  it('omits what the environment does not give', () => {
    expect(defaultSessionName({ GITHUB_RUN_ID: '5', GITHUB_RUN_ATTEMPT: '1', GITHUB_ACTOR: 'bob' })).toBe('gh-5-1-bob');
    expect(defaultSessionName({ GITHUB_REPOSITORY: 'o/r' })).toBe('gh-local-1@o.r');
  });
});
