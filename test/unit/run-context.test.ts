import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  hasPullRequestPayload,
  isPullRequestEvent,
  PULL_REQUEST_EVENTS,
  PULL_REQUEST_PAYLOAD_EVENTS,
  runsUntrustedCode,
  untrustedRemediateOnWarning,
  WORKFLOW_EVENTS
} from '../../src/run-context.js';
import { REPO_ROOT } from '../helpers/action-env.js';

describe('pull-request events', () => {
  it('the payload events carry pull_request; merge_group counts for trust only', () => {
    expect([...PULL_REQUEST_PAYLOAD_EVENTS].sort()).toEqual([
      'pull_request',
      'pull_request_review',
      'pull_request_review_comment',
      'pull_request_target'
    ]);
    expect([...PULL_REQUEST_EVENTS].sort()).toEqual([...PULL_REQUEST_PAYLOAD_EVENTS, 'merge_group'].sort());
    expect(isPullRequestEvent('merge_group')).toBe(true);
    expect(hasPullRequestPayload('merge_group')).toBe(false);
    expect(isPullRequestEvent('pull_request_review_comment')).toBe(true);
    for (const e of ['push', 'schedule', 'workflow_dispatch', 'workflow_run', 'issue_comment', '']) {
      expect(isPullRequestEvent(e)).toBe(false);
    }
    for (const e of PULL_REQUEST_EVENTS) expect(WORKFLOW_EVENTS.has(e)).toBe(true);
  });

  it('workflow_run and pull-request events run untrusted code; the warning names them', () => {
    expect(runsUntrustedCode('workflow_run')).toBe(true);
    expect(runsUntrustedCode('merge_group')).toBe(true);
    expect(runsUntrustedCode('schedule')).toBe(false);
    expect(untrustedRemediateOnWarning(['workflow_dispatch', 'schedule'])).toBeUndefined();
    expect(untrustedRemediateOnWarning(['schedule', 'workflow_run', 'pull_request_target'])).toMatch(
      /^remediate-on names workflow_run, pull_request_target: these events run code from pull requests.*untrusted code/
    );
  });
});

/** Distinct pull-request payload event names a source text has as string literals. */
function prEventLiterals(text: string): string[] {
  return [...PULL_REQUEST_PAYLOAD_EVENTS].filter(e => new RegExp(`['"]${e}['"]`).test(text));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|js|mjs)$/.test(name) ? [p] : [];
  });
}

describe('one list of pull-request events in the code', () => {
  it('the detector finds a literal list (such as the copies this replaced)', () => {
    expect(prEventLiterals("['pull_request', 'pull_request_target', 'pull_request_review']")).toHaveLength(3);
    expect(prEventLiterals("event !== 'pull_request_target'")).toHaveLength(1);
  });

  it('no file in src/ other than src/run-context.ts names two pull-request events as literals', () => {
    const offenders = sourceFiles(join(REPO_ROOT, 'src'))
      .filter(f => !f.endsWith(join('src', 'run-context.ts')))
      .map(f => ({ file: relative(REPO_ROOT, f), events: prEventLiterals(readFileSync(f, 'utf8')) }))
      .filter(x => x.events.length >= 2);
    expect(offenders).toEqual([]);
  });
});
