/**
 * A remediation binding's static values must be ones its runbook accepts (allowedPattern, allowedValues): SSM refuses
 * the execution otherwise, so the deploy refuses the binding first, at the binding's line.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDesiredState } from '../../../src/desired/build.js';
import { deploySources } from '../../../src/desired/load.js';
import { loadManifest } from '../../../src/manifest/load.js';
import { REPO_ROOT } from '../../helpers/action-env.js';

const sources = deploySources('us-east-1', '123456789012');
const GOOD_ROLE = 'arn:aws:iam::123456789012:role/my-hipaa-remediation-role';

/** The blog's example in a fresh directory (its workspace), with `edit` applied to compliance.yml and the runbook. */
async function seedWith(edit: { manifest?: (t: string) => string; runbook?: (t: string) => string }) {
  const dir = mkdtempSync(join(tmpdir(), 'binding-values-'));
  cpSync(join(REPO_ROOT, 'examples', 'seed'), dir, { recursive: true });
  const manifest = join(dir, 'compliance.yml');
  const runbook = join(dir, 'runbooks', 'my-hipaa-remediation-runbook.yaml');
  if (edit.manifest) writeFileSync(manifest, edit.manifest(readFileSync(manifest, 'utf8')));
  if (edit.runbook) writeFileSync(runbook, edit.runbook(readFileSync(runbook, 'utf8')));
  const { errors } = await buildDesiredState(loadManifest(manifest, '2026-12-03', dir), sources);
  return errors.map(e => `${e.file.split('/').pop()}:${e.line}: ${e.detail}`);
}

describe("a binding's static values against its runbook", () => {
  it('the blog as written has none out of pattern', async () => {
    expect(await seedWith({})).toEqual([]);
  });

  it('a role ARN the runbook pattern refuses is an error at the binding', async () => {
    const errors = await seedWith({ manifest: t => t.replace(GOOD_ROLE, 'not-a-role-arn') });
    expect(errors).toEqual([
      expect.stringMatching(
        /^compliance\.yml:\d+: remediation for 'ec2-ebs-encryption-by-default': runbook 'my-hipaa-remediation-runbook': parameter 'AutomationAssumeRole' value "not-a-role-arn" does not match its allowedPattern \^arn:aws/
      )
    ]);
  });

  it('a value outside allowedValues is an error; one inside is not', async () => {
    const withAllowed = (t: string): string =>
      t.replace(
        'description: ARN of the SNS topic that is told about the change.',
        'description: ARN of the SNS topic that is told about the change.\n    allowedValues: [arn:aws:sns:us-east-1:123456789012:my-sns-topic]'
      );
    expect(await seedWith({ runbook: withAllowed })).toEqual([]);
    const errors = await seedWith({
      runbook: withAllowed,
      manifest: t =>
        t.replace(
          /(runbook: my-hipaa-remediation-runbook[\s\S]*?TopicArn: )arn:aws:sns:us-east-1:123456789012:my-sns-topic/,
          '$1arn:aws:sns:us-east-1:123456789012:other-topic'
        )
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /parameter 'TopicArn' value "arn:aws:sns:us-east-1:123456789012:other-topic" is not one of its allowedValues/
      )
    ]);
  });

  it('a pattern the action cannot compile checks nothing (the runbook already warns)', async () => {
    const errors = await seedWith({
      runbook: t =>
        t.replace(
          "allowedPattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$'",
          "allowedPattern: '\\p{InGreek}'"
        ),
      manifest: t => t.replace(GOOD_ROLE, 'not-a-role-arn')
    });
    expect(errors).toEqual([]);
  });
});
