import { describe, expect, it } from '@jest/globals';
import type { DesiredRemediation, DesiredRule, DesiredState } from '../../../src/desired/model.js';
import { buildPlan, type ActualState } from '../../../src/deploy/plan.js';
import { toConfigRule, toRemediationConfiguration } from '../../../src/deploy/apply.js';
import { toActualRemediation, toActualRule } from '../../../src/deploy/read-actual.js';

const pos = (line: number) => ({ file: 'compliance.yml', line, col: 5 });

const logging: DesiredRule = {
  name: 's3-bucket-logging-enabled',
  owner: 'AWS',
  identifier: 'S3_BUCKET_LOGGING_ENABLED',
  inputParameters: {},
  scope: { complianceResourceTypes: ['AWS::S3::Bucket'] },
  hipaaSections: ['164.312(b)'],
  origin: 'manifest',
  position: pos(4)
};
const ebs: DesiredRule = {
  name: 'ec2-ebs-encryption-by-default',
  owner: 'AWS',
  identifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT',
  inputParameters: {},
  maximumExecutionFrequency: 'TwentyFour_Hours',
  hipaaSections: [],
  origin: 'manifest',
  position: pos(8)
};
const remediation: DesiredRemediation = {
  ruleName: 'ec2-ebs-encryption-by-default',
  targetId: 'my-hipaa-remediation-runbook',
  resourceIdParameter: 'AccountId',
  parameters: {
    AccountId: { ResourceValue: { Value: 'RESOURCE_ID' } },
    TopicArn: { StaticValue: { Values: ['arn:aws:sns:us-east-1:123456789012:my-sns-topic'] } }
  },
  automatic: true,
  maximumAutomaticAttempts: 5,
  retryAttemptSeconds: 60,
  concurrencyPercent: 10,
  errorPercent: 10,
  position: pos(20)
};
const desired: DesiredState = {
  manifestFile: 'compliance.yml',
  rules: [logging, ebs],
  documents: [
    {
      name: 'my-hipaa-remediation-runbook',
      content: 'x',
      format: 'YAML',
      hash: 'h1',
      parameters: ['AccountId', 'TopicArn'],
      policy: { policy: { Version: '2012-10-17', Statement: [] }, notes: [] },
      position: pos(14)
    }
  ],
  remediations: [remediation],
  waivers: []
};

const empty = (): ActualState => ({ rules: new Map(), documents: new Map(), remediations: new Map() });

/** What AWS would hold after applying `desired` (built through the same converters apply and read use). */
function deployed(managed = true): ActualState {
  const a = empty();
  for (const r of desired.rules) {
    const rule = toActualRule({ ...toConfigRule(r), ConfigRuleArn: `arn:${r.name}` });
    rule.managed = managed;
    a.rules.set(r.name, rule);
  }
  a.documents.set('my-hipaa-remediation-runbook', {
    name: 'my-hipaa-remediation-runbook',
    hash: 'h1',
    defaultVersion: '1',
    latestVersion: '1',
    managed
  });
  a.remediations.set(remediation.ruleName, toActualRemediation(toRemediationConfiguration(remediation)));
  return a;
}

describe('buildPlan', () => {
  it('creates everything on an empty account', () => {
    const plan = buildPlan(desired, empty(), { mode: 'apply', prune: false });
    expect(plan.items.map(i => `${i.action} ${i.object} ${i.name}`)).toEqual([
      'create runbook my-hipaa-remediation-runbook',
      'create rule s3-bucket-logging-enabled',
      'create rule ec2-ebs-encryption-by-default',
      'create remediation ec2-ebs-encryption-by-default'
    ]);
    expect(plan.counts).toEqual({ create: 4, update: 0, delete: 0, unchanged: 0 });
    expect(plan.drift).toBe(4);
    expect(plan.items[1]!.position).toEqual(pos(4));
  });

  it('finds nothing to do when AWS holds what the manifest says', () => {
    const plan = buildPlan(desired, deployed(), { mode: 'apply', prune: true });
    expect(plan.counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 4 });
    expect(plan.drift).toBe(0);
  });

  it('names the fields that differ', () => {
    const actual = deployed();
    actual.rules.get('s3-bucket-logging-enabled')!.inputParameters = { targetBucket: 'logs' };
    actual.rules.get('ec2-ebs-encryption-by-default')!.maximumExecutionFrequency = 'One_Hour';
    actual.documents.get('my-hipaa-remediation-runbook')!.hash = 'h0';
    actual.remediations.get('ec2-ebs-encryption-by-default')!.automatic = false;
    const plan = buildPlan(desired, actual, { mode: 'apply', prune: false });
    const changes = Object.fromEntries(
      plan.items.map(i => [`${i.object} ${i.name}`, i.changes.map(c => `${c.field}: ${c.from} -> ${c.to}`)])
    );
    expect(changes).toEqual({
      'runbook my-hipaa-remediation-runbook': ['Content (sha256): h0 -> h1'],
      'rule s3-bucket-logging-enabled': ['InputParameters: {"targetBucket":"logs"} -> {}'],
      'rule ec2-ebs-encryption-by-default': ['MaximumExecutionFrequency: One_Hour -> TwentyFour_Hours'],
      'remediation ec2-ebs-encryption-by-default': ['Automatic: false -> true']
    });
    expect(plan.drift).toBe(4);
  });

  it('ignores a frequency AWS filled in when the manifest sets none', () => {
    const actual = deployed();
    actual.rules.get('s3-bucket-logging-enabled')!.maximumExecutionFrequency = 'TwentyFour_Hours';
    expect(buildPlan(desired, actual, { mode: 'apply', prune: false }).drift).toBe(0);
  });

  it('prunes only managed objects no longer declared, and only with prune', () => {
    const actual = deployed();
    actual.rules.set('old-rule', {
      ...toActualRule({
        ConfigRuleName: 'old-rule',
        ConfigRuleArn: 'arn:old',
        Source: { Owner: 'AWS', SourceIdentifier: 'X' }
      }),
      managed: true
    });
    actual.remediations.set('old-rule', { ruleName: 'old-rule', targetId: 'x', parameters: {}, automatic: false });
    actual.rules.set('someone-elses', {
      ...toActualRule({
        ConfigRuleName: 'someone-elses',
        ConfigRuleArn: 'arn:x',
        Source: { Owner: 'AWS', SourceIdentifier: 'X' }
      }),
      managed: false
    });
    actual.documents.set('old-doc', {
      name: 'old-doc',
      hash: '',
      defaultVersion: '1',
      latestVersion: '1',
      managed: true
    });
    expect(buildPlan(desired, actual, { mode: 'apply', prune: false }).drift).toBe(0);
    const plan = buildPlan(desired, actual, { mode: 'apply', prune: true });
    expect(plan.items.filter(i => i.action === 'delete').map(i => `${i.object} ${i.name}`)).toEqual([
      'remediation old-rule',
      'rule old-rule',
      'runbook old-doc'
    ]);
  });

  it('destroy deletes remediations, then rules, then runbooks, leaving unmanaged objects alone', () => {
    const plan = buildPlan(desired, deployed(), { mode: 'destroy', prune: false });
    expect(plan.items.map(i => `${i.action} ${i.object} ${i.name}`)).toEqual([
      'delete remediation ec2-ebs-encryption-by-default',
      'delete rule s3-bucket-logging-enabled',
      'delete rule ec2-ebs-encryption-by-default',
      'delete runbook my-hipaa-remediation-runbook'
    ]);
    const unmanaged = buildPlan(desired, deployed(false), { mode: 'destroy', prune: false });
    expect(unmanaged.counts.delete).toBe(0);
    expect(unmanaged.items.every(i => i.note !== undefined)).toBe(true);
  });
});

describe('plan reports', () => {
  it('show the runbooks least-privilege policies, escaped, and the plan table with HIPAA sections', async () => {
    const { policySection, planSection } = await import('../../../src/report/sections/deploy-plan.js');
    const { buildPlanJson } = await import('../../../src/deploy/plan-file.js');
    const { SummaryBuilder } = await import('../../../src/report/markdown/layout.js');
    const withPolicy: DesiredState = {
      ...desired,
      documents: desired.documents.map(d => ({
        ...d,
        policy: {
          policy: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['sns:Publish'], Resource: ['arn:aws:sns:us-east-1:123456789012:<t>'] }
            ]
          },
          notes: ['aws:executeScript cannot be derived']
        }
      }))
    };
    const builder = new SummaryBuilder(100_000);
    const plan = buildPlan(withPolicy, empty(), { mode: 'apply', prune: false });
    builder.add(planSection(plan, 'plan', withPolicy));
    builder.add(policySection(withPolicy));
    const { markdown } = builder.render();
    expect(markdown).toContain('Deploy plan (nothing changed): 4 differences from the manifest');
    expect(markdown).toContain(
      '| +&nbsp;create&nbsp;rule | s3-bucket-logging-enabled | - | 164.312(b) | compliance.yml:4 |'
    );
    expect(markdown).toContain('sns:Publish');
    expect(markdown).toContain('&lt;t&gt;');
    expect(markdown).not.toContain('<t>');
    expect(markdown).toContain('aws:executeScript cannot be derived');
    const json = buildPlanJson(plan, 'plan', withPolicy);
    expect(json.runbooks[0]).toMatchObject({
      name: 'my-hipaa-remediation-runbook',
      notes: ['aws:executeScript cannot be derived']
    });
    expect(json.items[0]!.declaredAt).toBe('compliance.yml:14:5');
  });
});
