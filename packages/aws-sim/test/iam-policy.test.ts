/**
 * The IAM policy evaluator (core/iam/policy.ts) and the authorization table (core/iam/authorize.ts), against the IAM
 * User Guide's "Policy evaluation logic" and "IAM JSON policy elements reference".
 */
import { describe, expect, it } from '@jest/globals';
import { evaluate, parsePolicy, validatePolicy, wildcardMatch, type PolicyDocument } from '../src/core/iam/policy.js';
import {
  actionOf,
  deniedError,
  deniedMessage,
  policiesOf,
  setActionRolePolicy,
  setRolePolicy
} from '../src/core/iam/authorize.js';
import { freshState, loadScenario, normalizeScenario } from '../src/core/scenario.js';

const ALLOW_ALL_DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:my-sns-topic';
const doc = (...Statement: PolicyDocument['Statement'][]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: Statement.flat()
});

describe('evaluate', () => {
  it('denies implicitly when nothing allows', () => {
    expect(evaluate([], { action: 'config:PutConfigRule', resource: '*' })).toBe('implicitDeny');
    const p = doc({ Effect: 'Allow', Action: 'config:Describe*', Resource: '*' });
    expect(evaluate([p], { action: 'config:PutConfigRule', resource: '*' })).toBe('implicitDeny');
    expect(evaluate([p], { action: 'config:DescribeConfigRules', resource: '*' })).toBe('allow');
  });

  it('lets an explicit Deny win over any Allow, in the same or another policy', () => {
    const allow = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const deny = doc({ Effect: 'Deny', Action: 'sns:Publish', Resource: TOPIC });
    expect(evaluate([allow, deny], { action: 'sns:Publish', resource: TOPIC })).toBe('explicitDeny');
    expect(evaluate([deny, allow], { action: 'sns:Publish', resource: TOPIC })).toBe('explicitDeny');
    expect(evaluate([allow, deny], { action: 'sns:Publish', resource: `${TOPIC}-2` })).toBe('allow');
  });

  it('matches actions case-insensitively with * and ? wildcards', () => {
    const p = doc({ Effect: 'Allow', Action: ['SSM:get*', 'ec2:?etEbsEncryptionByDefault'], Resource: '*' });
    expect(evaluate([p], { action: 'ssm:GetAutomationExecution', resource: '*' })).toBe('allow');
    expect(evaluate([p], { action: 'ec2:GetEbsEncryptionByDefault', resource: '*' })).toBe('allow');
    expect(evaluate([p], { action: 'ec2:EnableEbsEncryptionByDefault', resource: '*' })).toBe('implicitDeny');
    expect(evaluate([p], { action: 'ssm:StartAutomationExecution', resource: '*' })).toBe('implicitDeny');
  });

  it('NotAction allows everything but the listed actions (and denies everything but them with Deny)', () => {
    const p = doc({ Effect: 'Allow', NotAction: 'config:Delete*', Resource: '*' });
    expect(evaluate([p], { action: 'config:PutConfigRule', resource: '*' })).toBe('allow');
    expect(evaluate([p], { action: 'config:DeleteConfigRule', resource: '*' })).toBe('implicitDeny');
    const d = doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', NotAction: 'sts:*', Resource: '*' }
    );
    expect(evaluate([d], { action: 'sts:AssumeRole', resource: '*' })).toBe('allow');
    expect(evaluate([d], { action: 'sns:Publish', resource: TOPIC })).toBe('explicitDeny');
  });

  it('matches resources case-sensitively with wildcards; a specific ARN never matches a request on *', () => {
    const p = doc({ Effect: 'Allow', Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:123456789012:my-*' });
    expect(evaluate([p], { action: 'sns:Publish', resource: TOPIC })).toBe('allow');
    expect(evaluate([p], { action: 'sns:Publish', resource: TOPIC.toUpperCase() })).toBe('implicitDeny');
    expect(evaluate([p], { action: 'sns:Publish', resource: 'arn:aws:sns:us-east-1:123456789012:other' })).toBe(
      'implicitDeny'
    );
    const ebs = doc({ Effect: 'Allow', Action: 'ec2:EnableEbsEncryptionByDefault', Resource: 'arn:aws:ec2:*' });
    expect(evaluate([ebs], { action: 'ec2:EnableEbsEncryptionByDefault', resource: '*' })).toBe('implicitDeny');
  });

  it('NotResource allows every resource but the listed ones', () => {
    const p = doc({ Effect: 'Allow', Action: 'sns:Publish', NotResource: TOPIC });
    expect(evaluate([p], { action: 'sns:Publish', resource: TOPIC })).toBe('implicitDeny');
    expect(evaluate([p], { action: 'sns:Publish', resource: `${TOPIC}-2` })).toBe('allow');
  });

  it('evaluates string conditions on the keys the request supplies, and fails closed on other operators', () => {
    const pass = doc({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: '*',
      Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } }
    });
    const req = { action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/r' };
    expect(evaluate([pass], { ...req, context: { 'iam:PassedToService': 'ssm.amazonaws.com' } })).toBe('allow');
    expect(evaluate([pass], { ...req, context: { 'iam:PassedToService': 'ec2.amazonaws.com' } })).toBe('implicitDeny');
    expect(evaluate([pass], req)).toBe('implicitDeny');
    const notLike = doc({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringNotLike: { 'iam:PassedToService': 'ssm.*' } }
    });
    expect(evaluate([notLike], req)).toBe('explicitDeny');
    expect(evaluate([notLike], { ...req, context: { 'iam:passedtoservice': 'ssm.amazonaws.com' } })).toBe(
      'implicitDeny'
    );
    const ip = { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } };
    expect(evaluate([doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: ip })], req)).toBe('implicitDeny');
    const all = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    expect(evaluate([all, doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition: ip })], req)).toBe(
      'explicitDeny'
    );
  });

  it('wildcardMatch: * any run, ? one character, the rest literal', () => {
    expect(wildcardMatch('a*c', 'abbbc')).toBe(true);
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
    expect(wildcardMatch('a?c', 'ac')).toBe(false);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
  });
});

describe('policy documents', () => {
  it('accepts a single statement object and both versions', () => {
    expect(() =>
      parsePolicy('{"Version":"2008-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}')
    ).not.toThrow();
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['[]', 'must be a JSON object'],
    ['{"Version":"2012-10-17"}', 'has no Statement'],
    ['{"Version":"2020-01-01","Statement":[]}', 'Version must be'],
    ['{"Statement":[]}', 'Statement must not be empty'],
    ['{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}', 'Statement[0].Effect must be "Allow" or "Deny"'],
    ['{"Statement":[{"Effect":"Allow","Resource":"*"}]}', 'exactly one of Action and NotAction'],
    ['{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"*","Resource":"*"}]}', 'exactly one of Action'],
    ['{"Statement":[{"Effect":"Allow","Action":"*"}]}', 'exactly one of Resource and NotResource'],
    [
      '{"Statement":[{"Effect":"Allow","Action":"Publish","Resource":"*"}]}',
      "'Publish' is not '*' or 'service:action'"
    ],
    ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"my-topic"}]}', "'my-topic' is not '*' or an ARN"],
    ['{"Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}', 'non-empty'],
    ['{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}', 'prohibited field Principal'],
    ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Foo":1}]}', "unknown element 'Foo'"],
    ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":[]}]}', 'Condition must be'],
    ['{"Statemnt":[]}', "unknown policy element 'Statemnt'"]
  ])('refuses %s', (text, message) => {
    expect(() => parsePolicy(text)).toThrow(message);
  });
});

describe('scenario role policies', () => {
  it('refuses a scenario whose role policy IAM would refuse, naming the role and the element', () => {
    const roles = (policies: unknown) => ({
      state: { roles: { 'arn:aws:iam::123456789012:role/r': { arn: 'arn:aws:iam::123456789012:role/r', policies } } }
    });
    expect(() =>
      normalizeScenario(roles([{ Statement: [{ Effect: 'Allow', Action: '*' }] }]) as never, 's.json')
    ).toThrow(
      's.json: state.roles.arn:aws:iam::123456789012:role/r.policies[0]: Statement[0] must have exactly one of Resource and NotResource'
    );
    expect(() => normalizeScenario(roles({}) as never, 's.json')).toThrow(
      'policies must be a list of policy documents'
    );
    expect(() => normalizeScenario(roles([ALLOW_ALL_DOC]) as never, 's.json')).not.toThrow();
  });
});

describe('who holds which policies', () => {
  it('seed: the blog policies on the runbook roles, everything for the action role and the static user', async () => {
    const state = freshState(await loadScenario('seed'));
    const session = (role: string) => `arn:aws:sts::123456789012:assumed-role/${role}/s`;
    const can = (who: string, action: string, resource: string) =>
      evaluate(policiesOf(state, who), { action, resource });
    expect(can(session('my-hipaa-alerting-role'), 'sns:Publish', TOPIC)).toBe('allow');
    expect(can(session('my-hipaa-alerting-role'), 'sns:Publish', `${TOPIC}-2`)).toBe('implicitDeny');
    expect(can(session('my-hipaa-alerting-role'), 'ec2:EnableEbsEncryptionByDefault', '*')).toBe('implicitDeny');
    expect(can(session('my-hipaa-remediation-role'), 'ec2:EnableEbsEncryptionByDefault', '*')).toBe('allow');
    expect(can(session('my-hipaa-remediation-role'), 'sns:Publish', TOPIC)).toBe('allow');
    expect(can(session('my-hipaa-remediation-role'), 'ec2:GetEbsEncryptionByDefault', '*')).toBe('implicitDeny');
    expect(can(session('compliance-gate'), 'config:PutConfigRule', '*')).toBe('allow');
    expect(can('arn:aws:iam::123456789012:user/compliance-gate-sim', 'iam:PassRole', '*')).toBe('allow');
    expect(can(session('ghost'), 'sns:Publish', TOPIC)).toBe('implicitDeny');
    expect(can('arn:aws:sts::999999999999:assumed-role/compliance-gate/s', 'sns:Publish', TOPIC)).toBe('implicitDeny');
    expect(can('arn:aws:iam::999999999999:user/u', 'sns:Publish', TOPIC)).toBe('implicitDeny');
  });

  it('setRolePolicy replaces a role policy (validated); setActionRolePolicy targets the OIDC role', async () => {
    const state = freshState(await loadScenario('seed'));
    const only = doc({ Effect: 'Allow', Action: 'config:Describe*', Resource: '*' });
    expect(setActionRolePolicy(state, only).arn).toBe('arn:aws:iam::123456789012:role/compliance-gate');
    expect(state.roles['arn:aws:iam::123456789012:role/compliance-gate']!.policies).toEqual([only]);
    expect(() => setRolePolicy(state, 'nobody', only)).toThrow(/no role 'nobody' in account 123456789012 \(roles: /);
    expect(() => setRolePolicy(state, 'compliance-gate', { Statement: 'x' })).toThrow(
      /Statement must be a JSON object/
    );
    delete state.roles['arn:aws:iam::123456789012:role/compliance-gate']!.oidcTrust;
    expect(() => setActionRolePolicy(state, only)).toThrow(/exactly one role with OIDC trust.*it has 0/);
    expect(validatePolicy(only)).toBe(only);
  });
});

describe('actions, resources and denials', () => {
  it('names the IAM action and the resource ARN of an operation', async () => {
    const state = freshState(await loadScenario('seed'));
    expect(actionOf('sns', 'Publish', { TopicArn: TOPIC }, state)).toEqual({ action: 'sns:Publish', resource: TOPIC });
    expect(actionOf('s3', 'PutBucketEncryption', { Bucket: 'b' }, state)).toEqual({
      action: 's3:PutEncryptionConfiguration',
      resource: 'arn:aws:s3:::b'
    });
    expect(actionOf('ssm', 'StartAutomationExecution', { DocumentName: 'D' }, state).resource).toBe(
      'arn:aws:ssm:us-east-1:123456789012:automation-definition/D:$DEFAULT'
    );
    expect(actionOf('ssm', 'GetDocument', { Name: 'D' }, state).resource).toBe(
      'arn:aws:ssm:us-east-1:123456789012:document/D'
    );
    expect(actionOf('config', 'PutConfigRule', { ConfigRule: { ConfigRuleName: 'new' } }, state).resource).toBe(
      'arn:aws:config:us-east-1:123456789012:config-rule/*'
    );
    expect(actionOf('ec2', 'EnableEbsEncryptionByDefault', {}, state)).toEqual({
      action: 'ec2:EnableEbsEncryptionByDefault',
      resource: '*'
    });
  });

  it("words denials as AWS does, with each protocol's code and status", () => {
    const who = 'arn:aws:sts::123456789012:assumed-role/r/s';
    expect(deniedMessage(who, 'config:PutConfigRule', 'arn:x', 'implicitDeny')).toBe(
      `User: ${who} is not authorized to perform: config:PutConfigRule on resource: arn:x because no identity-based policy allows the config:PutConfigRule action`
    );
    expect(deniedMessage(who, 'config:PutConfigRule', '*', 'explicitDeny')).toBe(
      `User: ${who} is not authorized to perform: config:PutConfigRule with an explicit deny in an identity-based policy`
    );
    expect(deniedMessage(who, 'sns:Publish', TOPIC, 'implicitDeny')).toMatch(/perform: SNS:Publish on resource/);
    const codes = ['config', 'ssm', 'logs', 'organizations', 'securityhub', 'sts', 'sns', 'ec2', 's3'].map(s => {
      const e = deniedError(s, 'm');
      return `${s} ${e.code} ${e.status}`;
    });
    expect(codes).toEqual([
      'config AccessDeniedException 400',
      'ssm AccessDeniedException 400',
      'logs AccessDeniedException 400',
      'organizations AccessDeniedException 400',
      'securityhub AccessDeniedException 403',
      'sts AccessDenied 403',
      'sns AuthorizationError 403',
      'ec2 UnauthorizedOperation 403',
      's3 AccessDenied 403'
    ]);
  });
});
