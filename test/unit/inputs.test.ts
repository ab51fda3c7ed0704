import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import {
  defaultSessionName,
  getOptions,
  INPUTS,
  parseDuration,
  parseFailOn,
  parseInteger,
  parseList,
  sanitizeSessionName,
  type InputName
} from '../../src/inputs.js';

function reader(values: Partial<Record<InputName, string>>) {
  return (name: InputName): string => values[name] ?? '';
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('deploy-as inputs', () => {
  const base = { 'aws-region': 'us-east-1' } as const;
  it('accepts the three modes and the organization inputs', () => {
    const o = getOptions(
      reader({
        ...base,
        'deploy-as': 'organization-conformance-pack',
        'excluded-accounts': '666666666666, 777777777777\n666666666666',
        'template-s3-bucket': 'my-templates.bucket-1'
      }),
      {}
    );
    expect(o.deployAs).toBe('organization-conformance-pack');
    expect(o.excludedAccounts).toEqual(['666666666666', '777777777777']);
    expect(o.templateS3Bucket).toBe('my-templates.bucket-1');
    expect(getOptions(reader({ ...base, 'deploy-as': 'conformance-pack' }), {}).deployAs).toBe('conformance-pack');
  });
  it('refuses an unknown mode, a bad account id, exclusions without organization packs and a bad bucket', () => {
    expect(errorOf(() => getOptions(reader({ ...base, 'deploy-as': 'stack' }), {})).message).toBe(
      "Input 'deploy-as' must be one of rules, conformance-pack, organization-conformance-pack, got 'stack'."
    );
    expect(
      errorOf(() =>
        getOptions(
          reader({ ...base, 'deploy-as': 'organization-conformance-pack', 'excluded-accounts': '66666666666' }),
          {}
        )
      ).message
    ).toBe("Input 'excluded-accounts' must list 12-digit account ids, got '66666666666'.");
    expect(
      errorOf(() =>
        getOptions(reader({ ...base, 'deploy-as': 'conformance-pack', 'excluded-accounts': '666666666666' }), {})
      ).message
    ).toBe(
      "Input 'excluded-accounts' works with deploy-as: organization-conformance-pack, not with deploy-as: conformance-pack."
    );
    expect(errorOf(() => getOptions(reader({ ...base, 'template-s3-bucket': 'My_Bucket' }), {})).message).toBe(
      "Input 'template-s3-bucket' is not an S3 bucket name: 'My_Bucket'."
    );
  });
});

describe('getOptions', () => {
  it('applies the documented defaults', () => {
    const o = getOptions(reader({ 'aws-region': 'us-east-1' }), { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2' });
    expect(o).toEqual({
      region: 'us-east-1',
      config: '.github/compliance.yml',
      configExplicit: false,
      deploy: 'plan',
      prune: false,
      deployAs: 'rules',
      excludedAccounts: [],
      audience: 'sts.amazonaws.com',
      roleSessionName: 'gh-77-2',
      roleDurationSeconds: 3600,
      allowedAccountIds: [],
      maxAttempts: 5,
      rules: [],
      evaluate: false,
      evaluationTimeoutSeconds: 300,
      failOn: ['noncompliant'],
      reportDir: 'compliance-report',
      remediate: 'off',
      remediateRules: [],
      remediateResources: [],
      maxRemediations: 10,
      remediateOn: ['workflow_dispatch', 'schedule'],
      remediationTimeoutSeconds: 900,
      errorPercent: 50,
      alert: 'on-change',
      templates: [],
      preDeploy: 'off',
      githubToken: '',
      checks: 'auto',
      sarifFile: 'compliance-report/compliance.sarif',
      sarifIncludeWaived: false,
      securityHub: 'off'
    });
    expect(Object.isFrozen(o)).toBe(true);
  });

  it('reads every input', () => {
    const o = getOptions(
      reader({
        'aws-region': 'eu-central-1',
        'role-to-assume': 'arn:aws:iam::123456789012:role/compliance-gate',
        audience: 'custom',
        'role-session-name': 'my-session',
        'role-duration-seconds': '900',
        'allowed-account-ids': '123456789012,\n210987654321',
        'max-attempts': '3',
        rules: 'a\nb, a',
        evaluate: 'true',
        'evaluation-timeout': '60',
        'max-result-age': '30m',
        'fail-on': 'noncompliant, stale',
        'report-dir': 'out'
      }),
      {}
    );
    expect(o.roleToAssume).toBe('arn:aws:iam::123456789012:role/compliance-gate');
    expect(o.allowedAccountIds).toEqual(['123456789012', '210987654321']);
    expect(o.rules).toEqual(['a', 'b']);
    expect(o.evaluate).toBe(true);
    expect(o.maxResultAgeSeconds).toBe(1800);
    expect(o.failOn).toEqual(['noncompliant', 'stale']);
    expect(o.roleSessionName).toBe('my-session');
    expect(o.reportDir).toBe('out');
  });

  const invalid: [InputName, string, RegExp][] = [
    ['aws-region', 'mars-1', /aws-region.*mars-1/],
    ['role-to-assume', 'arn:aws:iam::123:role/x', /role-to-assume.*arn:aws:iam::123:role\/x/],
    ['role-to-assume', 'compliance-gate', /role-to-assume.*compliance-gate/],
    ['role-session-name', 'has space', /role-session-name.*has space/],
    ['role-duration-seconds', 'abc', /role-duration-seconds.*abc/],
    ['role-duration-seconds', '899', /role-duration-seconds.*899/],
    ['role-duration-seconds', '43201', /role-duration-seconds.*43201/],
    ['allowed-account-ids', '12345', /allowed-account-ids.*12345/],
    ['max-attempts', '0', /max-attempts.*'0'/],
    ['max-attempts', '2.5', /max-attempts.*2\.5/],
    ['evaluate', 'yes', /evaluate.*yes/],
    ['evaluation-timeout', '10s', /evaluation-timeout.*10s/],
    ['max-result-age', '24', /max-result-age.*'24'/],
    ['max-result-age', '0h', /max-result-age.*0h/],
    ['fail-on', 'sometimes', /fail-on.*sometimes/],
    ['fail-on', 'never,stale', /fail-on.*never/],
    ['deploy', 'yes', /deploy.*yes/],
    ['prune', 'maybe', /prune.*maybe/],
    ['remediate', 'yes', /remediate.*yes/],
    ['max-remediations', '0', /max-remediations.*'0'/],
    ['approved-plan-hash', 'abc', /approved-plan-hash.*abc/],
    ['remediate-on', ',', /remediate-on.*at least one event/],
    ['remediate-on', 'workflow-dispatch', /remediate-on.*'workflow-dispatch'.*not an event/],
    ['remediation-timeout', '5', /remediation-timeout.*'5'/],
    ['error-percent', '101', /error-percent.*101/],
    ['alert', 'sometimes', /alert.*sometimes/],
    ['pre-deploy', 'maybe', /pre-deploy.*maybe/],
    ['checks', 'yes', /checks.*yes/],
    ['sarif-include-waived', 'no', /sarif-include-waived.*no/]
  ];
  it.each(invalid)('rejects %s=%s with an error naming the input and value', (name, value, message) => {
    const err = errorOf(() => getOptions(reader({ 'aws-region': 'us-east-1', [name]: value }), {}));
    expect(err.input).toBe(name);
    expect(err.message).toMatch(message);
  });

  it("refuses the removed allow-on-pull-request input, naming remediate-on; reads remediate-on's events", () => {
    const err = errorOf(() =>
      getOptions(reader({ 'aws-region': 'us-east-1' }), { 'INPUT_ALLOW-ON-PULL-REQUEST': 'true' })
    );
    expect(err.input).toBe('allow-on-pull-request');
    expect(err.message).toMatch(/allow-on-pull-request' was removed: use 'remediate-on'/);
    // set but empty (a workflow passing an empty expression) is not a use of it
    expect(() =>
      getOptions(reader({ 'aws-region': 'us-east-1' }), { 'INPUT_ALLOW-ON-PULL-REQUEST': '' })
    ).not.toThrow();
    const o = getOptions(reader({ 'aws-region': 'us-east-1', 'remediate-on': 'schedule\n push, schedule' }), {});
    expect(o.remediateOn).toEqual(['schedule', 'push']);
    expect(getOptions(reader({ 'aws-region': 'us-east-1' }), {}).remediateOn).toEqual([
      'workflow_dispatch',
      'schedule'
    ]);
  });

  it('reads the deploy inputs', () => {
    const o = getOptions(
      reader({
        'aws-region': 'us-east-1',
        config: 'ops/compliance.yml',
        'conformance-pack': 'hipaa-security',
        deploy: 'apply',
        prune: 'true',
        'fail-on': 'drift'
      }),
      {}
    );
    expect(o).toMatchObject({
      config: 'ops/compliance.yml',
      configExplicit: true,
      conformancePack: 'hipaa-security',
      deploy: 'apply',
      prune: true,
      failOn: ['drift']
    });
  });

  it('pre-deploy needs templates; fail-on new-noncompliant needs a baseline', () => {
    expect(errorOf(() => getOptions(reader({ 'aws-region': 'us-east-1', 'pre-deploy': 'changed' }), {})).input).toBe(
      'pre-deploy'
    );
    expect(
      errorOf(() => getOptions(reader({ 'aws-region': 'us-east-1', 'fail-on': 'new-noncompliant' }), {})).input
    ).toBe('fail-on');
    const o = getOptions(
      reader({
        'aws-region': 'us-east-1',
        templates: 'infra/**/*.yaml\n  cfn/*.json ',
        'pre-deploy': 'changed',
        baseline: 'baseline/compliance-report.json',
        'fail-on': 'new-noncompliant'
      }),
      {}
    );
    expect(o).toMatchObject({
      templates: ['infra/**/*.yaml', 'cfn/*.json'],
      preDeploy: 'changed',
      baseline: 'baseline/compliance-report.json',
      failOn: ['new-noncompliant']
    });
  });

  it('prune only goes with apply or plan', () => {
    const err = errorOf(() => getOptions(reader({ 'aws-region': 'us-east-1', deploy: 'destroy', prune: 'true' }), {}));
    expect(err.input).toBe('prune');
  });

  it('requires aws-region', () => {
    expect(errorOf(() => getOptions(reader({}), {})).message).toMatch(/aws-region.*required/);
  });
});

describe('parsers', () => {
  it('splits lists on commas and newlines', () => {
    expect(parseList(' a, b\n\nc ,')).toEqual(['a', 'b', 'c']);
  });
  it('parses integers strictly', () => {
    expect(parseInteger('x', '42', 1, 100)).toBe(42);
    expect(() => parseInteger('x', '42abc', 1, 100)).toThrow(/'x'.*42abc/);
    expect(() => parseInteger('x', '', 1, 100)).toThrow(InputError);
  });
  it('parses durations', () => {
    expect(parseDuration('d', '90s')).toBe(90);
    expect(parseDuration('d', '2h')).toBe(7200);
    expect(parseDuration('d', '7d')).toBe(604800);
  });
  it('parses fail-on', () => {
    expect(parseFailOn('never')).toEqual(['never']);
    expect(parseFailOn('stale,insufficient-data,stale')).toEqual(['stale', 'insufficient-data']);
    expect(() => parseFailOn(' , ')).toThrow(/fail-on/);
  });
});

describe('role session name', () => {
  it('is built from the run id and attempt', () => {
    expect(defaultSessionName({ GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '3' })).toBe('gh-123-3');
    expect(defaultSessionName({})).toBe('gh-local-1');
  });
  it('replaces characters STS rejects and fits 2..64 characters', () => {
    expect(sanitizeSessionName('a b/c:d*e')).toBe('a-b-c-d-e');
    expect(sanitizeSessionName('x')).toBe('x-');
    expect(sanitizeSessionName('')).toBe('--');
    const long = sanitizeSessionName('s'.repeat(100));
    expect(long).toHaveLength(64);
    expect(sanitizeSessionName('ok+=,.@_-9')).toBe('ok+=,.@_-9');
    expect(defaultSessionName({ GITHUB_RUN_ID: '1'.repeat(70) })).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
  it('every declared input has a description', () => {
    for (const spec of Object.values(INPUTS)) expect(spec.description.length).toBeGreaterThan(10);
  });
});

describe('web-identity-token-file and http-proxy', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/r';
  it('a relative token file is resolved against the workspace; an absolute one is kept', () => {
    const rel = getOptions(
      reader({ 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'web-identity-token-file': 't/token' }),
      {
        GITHUB_WORKSPACE: '/ws'
      }
    );
    expect(rel.webIdentityTokenFile).toBe('/ws/t/token');
    const abs = getOptions(
      reader({ 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'web-identity-token-file': '/x/t' }),
      {}
    );
    expect(abs.webIdentityTokenFile).toBe('/x/t');
  });
  it('a token file without role-to-assume is refused', () => {
    expect(() => getOptions(reader({ 'aws-region': 'us-east-1', 'web-identity-token-file': '/x/t' }), {})).toThrow(
      "Input 'web-identity-token-file' needs 'role-to-assume' (the role the token is exchanged for)."
    );
  });
  it('http-proxy or the proxy variables become the proxy settings', () => {
    expect(getOptions(reader({ 'aws-region': 'us-east-1' }), {}).proxy).toBeUndefined();
    expect(
      getOptions(reader({ 'aws-region': 'us-east-1', 'http-proxy': 'http://p:3128' }), {}).proxy?.https?.host
    ).toBe('p:3128');
    expect(getOptions(reader({ 'aws-region': 'us-east-1' }), { HTTP_PROXY: 'http://q:1' }).proxy?.http?.host).toBe(
      'q:1'
    );
  });
});
