/**
 * README's IAM section is generated from iam/*.json (npm run iam-tables): this fails when README is out of date, as
 * action-yml.test.ts does for the inputs. Also the placeholder substitution the e2e proof (iam-files.test.ts) uses.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  IAM_END,
  IAM_START,
  PLACEHOLDERS,
  POLICY_FILES,
  policyTable,
  substitute,
  TRUST_POLICY_FILE,
  withIamSection
} from '../../scripts/lib/iam-tables.js';
import { REPO_ROOT } from '../helpers/action-env.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

describe("README's IAM section", () => {
  it('is what npm run iam-tables generates from iam/*.json (run it after changing a policy file)', () => {
    expect(readme).toBe(withIamSection(readme, REPO_ROOT));
  });

  it('shows every policy file and the trust policy, and no hand-written permission list is left', () => {
    const section = readme.slice(readme.indexOf(IAM_START), readme.indexOf(IAM_END));
    for (const p of POLICY_FILES) expect(section).toContain(`(${p.file})`);
    expect(section).toContain(`(${TRUST_POLICY_FILE})`);
    expect(section).toContain('token.actions.githubusercontent.com:sub');
    const outside = readme.replace(section, '');
    expect(outside).not.toMatch(/"config:DescribeComplianceByConfigRule"/);
  });

  it('fails clearly without its markers', () => {
    expect(() => withIamSection('# no markers', REPO_ROOT)).toThrow(
      'README.md: markers <!-- iam:start --> ... <!-- iam:end --> not found'
    );
  });

  it('renders one row per statement with actions, resources and conditions', () => {
    expect(
      policyTable({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Pass',
            Effect: 'Allow',
            Action: 'iam:PassRole',
            Resource: ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'],
            Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } }
          }
        ]
      })
    ).toBe(
      [
        '| Statement | Actions | Resource | Condition |',
        '| --- | --- | --- | --- |',
        '| Pass | `iam:PassRole` | `arn:aws:iam::1:role/a`, `arn:aws:iam::1:role/b` | StringEquals `iam:PassedToService` = `ssm.amazonaws.com` |'
      ].join('\n')
    );
  });
});

describe('placeholders', () => {
  it('are replaced as whole words everywhere, and every placeholder the files use is documented', () => {
    expect(
      substitute(
        { a: 'arn:aws:sns:REGION:ACCOUNT_ID:SNS_TOPIC', b: ['REGIONAL', 'repo:OWNER/REPO:*'] },
        {
          REGION: 'us-east-1',
          ACCOUNT_ID: '123456789012',
          SNS_TOPIC: 'my-sns-topic',
          'OWNER/REPO': 'example-org/infra'
        }
      )
    ).toEqual({ a: 'arn:aws:sns:us-east-1:123456789012:my-sns-topic', b: ['REGIONAL', 'repo:example-org/infra:*'] });
    expect(() => substitute({}, { ACCOUNT: '1' })).toThrow('unknown placeholder ACCOUNT');
    const all = [...POLICY_FILES.map(p => p.file), TRUST_POLICY_FILE]
      .map(f => readFileSync(join(REPO_ROOT, f), 'utf8'))
      .join('\n');
    for (const name of Object.keys(PLACEHOLDERS)) expect(all).toContain(name);
    // Nothing upper-case-with-underscores in an ARN that is not a documented placeholder.
    for (const arn of all.match(/arn:[^"]+/g) ?? []) {
      for (const word of arn.match(/\b[A-Z][A-Z_]{2,}\b/g) ?? []) expect(Object.keys(PLACEHOLDERS)).toContain(word);
    }
  });
});
