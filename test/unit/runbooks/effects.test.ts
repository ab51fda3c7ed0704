import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { awsDocumentChangesNothing, runbookChangesNothing } from '../../../src/runbooks/effects.js';
import { parseRunbook } from '../../../src/runbooks/parse.js';

const SEED = new URL('../../../examples/seed/runbooks/', import.meta.url);

function runbook(steps: string): ReturnType<typeof parseRunbook> {
  return parseRunbook(`schemaVersion: '0.3'\nparameters:\n  Topic:\n    type: String\nmainSteps:\n${steps}`, 'r.yaml');
}

describe('runbookChangesNothing', () => {
  it("the blog's alerting runbook only publishes; the remediation runbook changes the account", () => {
    const read = (f: string) => parseRunbook(readFileSync(new URL(f, SEED), 'utf8'), f);
    expect(runbookChangesNothing(read('my-hipaa-alerting-runbook.yaml'))).toBe(true);
    expect(runbookChangesNothing(read('my-hipaa-remediation-runbook.yaml'))).toBe(false);
  });

  it('reads, waits and branches change nothing', () => {
    const r = runbook(
      [
        '  - name: Look',
        '    action: aws:executeAwsApi',
        '    inputs: { Service: s3, Api: GetBucketLogging, Bucket: b }',
        '  - name: Nap',
        '    action: aws:sleep',
        '    inputs: { Duration: PT1S }',
        '  - name: Tell',
        '    action: aws:executeAwsApi',
        "    inputs: { Service: sns, Api: Publish, TopicArn: '{{Topic}}', Message: m }"
      ].join('\n')
    );
    expect(runbookChangesNothing(r)).toBe(true);
  });

  it('fails closed: another API, an API named by a parameter, a script, or no steps may change something', () => {
    const api = (service: string, name: string) =>
      runbook(`  - name: S\n    action: aws:executeAwsApi\n    inputs: { Service: ${service}, Api: '${name}' }\n`);
    expect(runbookChangesNothing(api('s3', 'PutBucketLogging'))).toBe(false);
    expect(runbookChangesNothing(api('ec2', 'EnableEbsEncryptionByDefault'))).toBe(false);
    expect(runbookChangesNothing(api('sns', '{{Topic}}'))).toBe(false);
    expect(runbookChangesNothing(api('sqs', 'Publish'))).toBe(false);
    expect(runbookChangesNothing(api('s3', 'Getaway'))).toBe(false);
    const script = runbook(
      "  - name: S\n    action: aws:executeScript\n    inputs: { Runtime: python3.11, Handler: h, Script: 'x' }\n"
    );
    expect(runbookChangesNothing(script)).toBe(false);
    expect(runbookChangesNothing({ steps: [] })).toBe(false);
  });

  it('knows the AWS-owned alerting document, and no other', () => {
    expect(awsDocumentChangesNothing('AWS-PublishSNSNotification')).toBe(true);
    expect(awsDocumentChangesNothing('AWS-ConfigureS3BucketLogging')).toBe(false);
  });
});
