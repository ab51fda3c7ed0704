import { describe, expect, it } from '@jest/globals';
import { PolicyError } from '../../../src/errors.js';
import { selectCandidates } from '../../../src/remediation/select.js';
import { bindings, EBS_RULE, result, S3_RULE } from './fixtures.js';

const noFilter = { rules: [], resources: [] };
const keys = (cs: ReturnType<typeof selectCandidates>): string[] =>
  cs.map(c => `${c.rule.ruleName} ${c.finding.resourceId}`);

describe('selectCandidates', () => {
  it('takes the unwaived non-compliant findings of rules with a binding, in a stable order', () => {
    expect(keys(selectCandidates(result(), bindings(), noFilter))).toEqual([
      `${EBS_RULE} 123456789012`,
      `${S3_RULE} access-logs`,
      `${S3_RULE} claims-uploads`
    ]);
  });

  it('gives the same order whatever the order of findings and bindings', () => {
    const r = result();
    r.rules.reverse();
    for (const rule of r.rules) rule.findings.reverse();
    expect(keys(selectCandidates(r, [...bindings()].reverse(), noFilter))).toEqual(
      keys(selectCandidates(result(), bindings(), noFilter))
    );
  });

  it('narrows by rule and by resource', () => {
    expect(keys(selectCandidates(result(), bindings(), { rules: [S3_RULE], resources: [] }))).toEqual([
      `${S3_RULE} access-logs`,
      `${S3_RULE} claims-uploads`
    ]);
    expect(keys(selectCandidates(result(), bindings(), { rules: [], resources: ['claims-uploads'] }))).toEqual([
      `${S3_RULE} claims-uploads`
    ]);
  });

  it('refuses rule names without a binding, listing them and the rules that have one', () => {
    const call = () => selectCandidates(result(), bindings(), { rules: ['cloudtrail-enabled', 'nope'], resources: [] });
    expect(call).toThrow(PolicyError);
    expect(call).toThrow(
      /cloudtrail-enabled, nope\. Rules with a binding: ec2-ebs-encryption-by-default, s3-bucket-logging-enabled/
    );
  });

  it('refuses unknown resources, saying which are waived', () => {
    const call = () =>
      selectCandidates(result(), bindings(), { rules: [], resources: ['legacy-exports', 'ghost', 'access-logs'] });
    expect(call).toThrow(/legacy-exports \(waived\), ghost\.$/);
  });

  it('accepts resources of an approved plan even when they are no longer non-compliant', () => {
    const cs = selectCandidates(result(), bindings(), {
      rules: [],
      resources: ['gone-bucket', 'access-logs'],
      alsoKnownResources: new Set(['gone-bucket'])
    });
    expect(keys(cs)).toEqual([`${S3_RULE} access-logs`]);
  });
});
