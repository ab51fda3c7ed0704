import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError, SourceErrors } from '../../../src/errors.js';
import { loadManifest, parseManifest } from '../../../src/manifest/load.js';
import { manifestSchema } from '../../../src/manifest/schema.js';
import { REPO_ROOT } from '../../helpers/action-env.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'manifest');
const file = join(FIXTURES, 'inline.yml');

function problems(text: string, today = '2026-11-22'): string[] {
  try {
    parseManifest(text, file, today);
  } catch (err) {
    if (err instanceof SourceErrors) return err.errors.map(e => e.message.replace(FIXTURES + '/', ''));
    throw err;
  }
  throw new Error('expected errors');
}

describe('parseManifest', () => {
  it('reads a complete manifest with positions', () => {
    const m = loadManifest(join(FIXTURES, 'valid.yml'), '2026-11-22');
    expect(m.packs).toHaveLength(1);
    expect(m.packs[0]).toMatchObject({
      builtin: 'hipaa-security',
      parameters: { IamPasswordPolicyParamMinimumPasswordLength: '16' },
      exclude: ['annual-risk-assessment-performed']
    });
    expect(m.rules.map(r => [r.name, r.position.line])).toEqual([
      ['s3-bucket-logging-enabled', 9],
      ['ec2-ebs-encryption-by-default', 12]
    ]);
    expect(m.rules[0]!.resourceTypes).toEqual(['AWS::S3::Bucket']);
    expect(m.runbooks[0]!.path).toBe(join(FIXTURES, 'runbook.yaml'));
    expect(m.remediations[0]).toMatchObject({
      rule: 'ec2-ebs-encryption-by-default',
      automatic: true,
      maximumAttempts: 5,
      retrySeconds: 60,
      parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:my-sns-topic', Tags: ['a', 'b'] }
    });
    expect(m.alerts?.snsTopic).toBe('arn:aws:sns:us-east-1:123456789012:my-sns-topic');
    expect(m.waivers[0]).toMatchObject({ resourceId: 'access-logs', expires: '2027-06-30' });
    expect(m.waivers[0]!.source).toMatch(/valid\.yml:28$/);
  });

  it('reports invalid YAML with its line and column', () => {
    const errs = problems('version: 1\nrules:\n  - name: [unclosed\n');
    expect(errs[0]).toMatch(/^inline\.yml:\d+:\d+: invalid YAML/);
  });

  it('reports every schema problem at once, each at its line', () => {
    const errs = problems(
      [
        'version: 1',
        'rules:',
        '  - name: ok-rule',
        '    identifier: lower_case',
        '  - identifier: S3_BUCKET_LOGGING_ENABLED',
        'runbooks:',
        '  - path: runbook.yaml',
        '    colour: blue',
        'alerts:',
        '  sns-topic: not-an-arn'
      ].join('\n')
    );
    expect(errs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^inline\.yml:4:17: 'rules\.0\.identifier' must match pattern/),
        expect.stringMatching(/^inline\.yml:5:5: 'rules\.1' is missing 'name'/),
        expect.stringMatching(/^inline\.yml:8:5: 'runbooks\.0' has an unknown key 'colour'/),
        expect.stringMatching(/^inline\.yml:10:14: 'alerts\.sns-topic' must match pattern/)
      ])
    );
    expect(errs).toHaveLength(4);
  });

  it('requires exactly one of builtin and template', () => {
    expect(problems('version: 1\npacks:\n  - parameters: {}\n')).toEqual([
      expect.stringMatching(/^inline\.yml:3:5: 'packs\.0' must have exactly one/)
    ]);
  });

  it('rejects a wrong version, duplicate rules and bindings, missing files', () => {
    expect(problems('version: 2\n')[0]).toMatch(/^inline\.yml:1:10: 'version' must be 1/);
    const errs = problems(
      [
        'version: 1',
        'packs:',
        '  - template: missing-pack.yaml',
        'rules:',
        '  - {name: a, identifier: A}',
        '  - {name: a, identifier: B}',
        'runbooks:',
        '  - path: missing.yaml',
        'remediations:',
        '  - {rule: a, runbook: abc, resource-id-parameter: X}',
        '  - {rule: a, runbook: abc, resource-id-parameter: X}'
      ].join('\n')
    );
    expect(errs).toEqual([
      expect.stringMatching(/^inline\.yml:3:15: template file not found: missing-pack\.yaml/),
      expect.stringMatching(/^inline\.yml:6:\d+: rule 'a' is declared twice \(first at line 5\)/),
      expect.stringMatching(/^inline\.yml:8:11: runbook file not found: missing\.yaml/),
      expect.stringMatching(/^inline\.yml:11:\d+: rule 'a' has more than one remediation/)
    ]);
  });

  it('an expired waiver is an error naming its line', () => {
    const text = readFileSync(join(FIXTURES, 'valid.yml'), 'utf8');
    const errs = problems(text, '2027-07-01');
    expect(errs).toEqual([
      expect.stringMatching(
        /^inline\.yml:32:14: waiver for s3-bucket-logging-enabled \/ access-logs .* expired on 2027-06-30/
      )
    ]);
  });

  it('an unreadable file is a SourceError naming it', () => {
    expect(() => loadManifest(join(FIXTURES, 'nope.yml'), '2026-11-22')).toThrow(SourceError);
  });

  it('the published schema file equals the schema in code', () => {
    const published = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'compliance.schema.json'), 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(manifestSchema)));
  });
});
