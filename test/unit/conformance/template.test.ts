import { describe, it, expect } from '@jest/globals';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SourceErrors } from '../../../src/errors.js';
import { loadConformancePackFile, parseConformancePack } from '../../../src/conformance/template/index.js';
import type { ConformancePack, PackOptions } from '../../../src/conformance/types.js';
import { CURRENT_TEMPLATE, FIXTURES, TEMPLATE_2020, readText, sourceErrors, withoutPositions } from './helpers.js';
import { describeWithReference, whereReference } from '../../helpers/reference.js';

const context = { region: 'us-east-1', accountId: '123456789012' };
const CURRENT = 'Operational-Best-Practices-for-HIPAA-Security.yaml';
const OLD = 'Operational-Best-Practices-for-HIPAA-Security.2020-09-29.yaml';

function parseCurrent(options: Partial<PackOptions> = {}): ConformancePack {
  return parseConformancePack(readText(CURRENT_TEMPLATE), CURRENT, { context, ...options });
}
function parseOld(options: Partial<PackOptions> = {}): ConformancePack {
  return parseConformancePack(readText(TEMPLATE_2020), OLD, { context, ...options });
}
function paramCount(pack: ConformancePack): number {
  return pack.rules.reduce((n, r) => n + Object.keys(r.inputParameters).length, 0);
}
function rule(pack: ConformancePack, name: string) {
  const found = pack.rules.find(r => r.name === name);
  if (found === undefined) throw new Error(`no rule ${name}`);
  return found;
}

describeWithReference('current HIPAA Security template (reference, as published)', () => {
  const pack = whereReference(() => parseCurrent());

  it('gives all 130 rules, 28 parameters, no remediation and drops no rule', () => {
    expect(pack.rules).toHaveLength(130);
    expect(new Set(pack.rules.map(r => r.name)).size).toBe(130);
    expect(Object.keys(pack.parameters)).toHaveLength(28);
    expect(pack.remediations).toEqual([]);
    expect(pack.skipped).toEqual([]);
    expect(pack.rules.every(r => r.source.owner === 'AWS' && r.source.identifier !== undefined)).toBe(true);
  });

  it('resolves input parameters with the defaults: 11 rules, 27 values (the empty VPC-ids default is dropped)', () => {
    expect(pack.rules.filter(r => Object.keys(r.inputParameters).length > 0)).toHaveLength(11);
    expect(paramCount(pack)).toBe(27);
    expect(rule(pack, 'iam-password-policy').inputParameters).toEqual({
      MaxPasswordAge: '90',
      MinimumPasswordLength: '14',
      PasswordReusePrevention: '24',
      RequireLowercaseCharacters: 'true',
      RequireNumbers: 'true',
      RequireSymbols: 'true',
      RequireUppercaseCharacters: 'true'
    });
    expect(rule(pack, 'elb-predefined-security-policy-ssl-check').inputParameters).toEqual({
      predefinedPolicyName: 'ELBSecurityPolicy-TLS-1-2-2017-01'
    });
    // Default '' makes the condition false: Fn::If gives AWS::NoValue and the key disappears, the rule stays.
    expect(rule(pack, 'internet-gateway-authorized-vpc-only').inputParameters).toEqual({});
    expect(pack.parameters.InternetGatewayAuthorizedVpcOnlyParamAuthorizedVpcIds).toMatchObject({
      value: '',
      origin: 'default'
    });
  });

  it('keeps file:line:col of every rule and input parameter', () => {
    const r = rule(pack, 'access-keys-rotated');
    expect(r.logicalId).toBe('AccessKeysRotated');
    expect(r.position).toEqual({ file: CURRENT, line: 98, col: 3 });
    expect(r.inputParameterPositions.maxAccessKeyAge).toEqual({ file: CURRENT, line: 102, col: 9 });
    const last = rule(pack, 'annual-risk-assessment-performed');
    expect(last.position).toEqual({ file: CURRENT, line: 1433, col: 3 });
    expect(last.description).toMatch(/^Perform an annual risk assessment/);
    expect(rule(pack, 'acm-certificate-expiration-check').scope).toEqual({
      complianceResourceTypes: ['AWS::ACM::Certificate']
    });
  });

  it('applies supplied parameter values over the defaults', () => {
    const custom = parseCurrent({
      parameters: {
        IamPasswordPolicyParamMinimumPasswordLength: '16',
        InternetGatewayAuthorizedVpcOnlyParamAuthorizedVpcIds: 'vpc-1,vpc-2'
      }
    });
    expect(rule(custom, 'iam-password-policy').inputParameters.MinimumPasswordLength).toBe('16');
    expect(custom.parameters.IamPasswordPolicyParamMinimumPasswordLength).toMatchObject({
      value: '16',
      origin: 'supplied'
    });
    expect(rule(custom, 'internet-gateway-authorized-vpc-only').inputParameters).toEqual({
      AuthorizedVpcIds: 'vpc-1,vpc-2'
    });
    expect(paramCount(custom)).toBe(28);
  });

  it('turns a parameter off through its condition when it is set to the empty string', () => {
    const off = parseCurrent({ parameters: { AccessKeysRotatedParamMaxAccessKeyAge: '' } });
    expect(rule(off, 'access-keys-rotated').inputParameters).toEqual({});
    expect(off.rules).toHaveLength(130);
    expect(paramCount(off)).toBe(26);
  });

  it('gives the same rules when written with short-form tags', () => {
    let replaced = 0;
    const short = readText(CURRENT_TEMPLATE)
      .replace(
        /:\n\s+Fn::If:\n\s+- (\S+)\n\s+- Ref: (\S+)\n\s+- Ref: AWS::NoValue/g,
        (_m, cond: string, param: string) => {
          replaced++;
          return `: !If [${cond}, !Ref ${param}, !Ref AWS::NoValue]`;
        }
      )
      .replace(/:\n\s+Fn::Not:\n\s+- Fn::Equals:\n\s+- ''\n\s+- Ref: (\S+)/g, (_m, param: string) => {
        replaced++;
        return `: !Not [!Equals ['', !Ref ${param}]]`;
      });
    expect(replaced).toBe(56);
    expect(short).not.toContain('Fn::');
    const fromShort = parseConformancePack(short, 'short.yaml', { context });
    expect(withoutPositions(fromShort)).toEqual(withoutPositions(pack));
  });

  it('gives the same rules from the JSON form of the template', () => {
    const json = JSON.stringify(parseYaml(readText(CURRENT_TEMPLATE)), null, 2);
    const fromJson = parseConformancePack(json, 'hipaa.json', { context });
    expect(withoutPositions(fromJson)).toEqual(withoutPositions(pack));
    expect(rule(fromJson, 'access-keys-rotated').position.line).toBeGreaterThan(1);
  });
});

describeWithReference('2020-09-29 HIPAA Security template (literal values, bare Ref and Fn::If)', () => {
  const pack = whereReference(() => parseOld());

  it('gives 82 rules and 25 parameters', () => {
    expect(pack.rules).toHaveLength(82);
    expect(Object.keys(pack.parameters)).toHaveLength(25);
    expect(pack.skipped).toEqual([]);
  });

  it('resolves 28 input parameters in 9 rules with the defaults', () => {
    expect(pack.rules.filter(r => Object.keys(r.inputParameters).length > 0)).toHaveLength(9);
    expect(paramCount(pack)).toBe(28);
    expect(rule(pack, 'cloudwatch-alarm-action-check').inputParameters).toEqual({
      alarmActionRequired: 'TRUE',
      insufficientDataActionRequired: 'TRUE',
      okActionRequired: 'FALSE'
    });
    expect(rule(pack, 'redshift-cluster-configuration-check').inputParameters).toEqual({
      clusterDbEncrypted: 'TRUE',
      loggingEnabled: 'TRUE'
    });
  });

  it('overrides bare Refs; an empty value stays because no condition guards it', () => {
    const custom = parseOld({
      parameters: {
        CloudwatchAlarmActionCheckParamOkActionRequired: 'TRUE',
        CloudwatchAlarmActionCheckParamInsufficientDataActionRequired: '',
        GuarddutyNonArchivedFindingsParamDaysHighSev: ''
      }
    });
    expect(rule(custom, 'cloudwatch-alarm-action-check').inputParameters).toEqual({
      alarmActionRequired: 'TRUE',
      insufficientDataActionRequired: '',
      okActionRequired: 'TRUE'
    });
    expect(rule(custom, 'guardduty-non-archived-findings').inputParameters).toEqual({
      daysLowSev: '30',
      daysMediumSev: '7'
    });
  });
});

describe('fixtures of our own', () => {
  const options = { context: { region: 'eu-west-1', accountId: '123456789012' } };
  const short = parseConformancePack(readText(join(FIXTURES, 'short-form.yaml')), 'short-form.yaml', options);

  it('resolves every intrinsic of the short-form fixture', () => {
    expect(short.description).toBe('Fixture pack in short form');
    expect(short.rules.map(r => r.name)).toEqual(['access-keys-rotated-prod', 's3-bucket-logging-enabled']);
    const keys = short.rules[0]!;
    expect(keys.description).toBe('Keys rotated in eu-west-1');
    expect(keys.maximumExecutionFrequency).toBe('One_Hour');
    expect(keys.inputParameters).toEqual({
      maxAccessKeyAge: '90',
      strict: 'true',
      firstPort: '20',
      allPorts: '20,21,3389',
      arnPrefix: 'arn:aws:iam::123456789012:user/'
    });
    expect(short.rules[1]!.scope).toEqual({ complianceResourceTypes: ['AWS::S3::Bucket'] });
    expect(short.rules[1]!.inputParameters).toEqual({ targetPrefix: 's3' });
    expect(short.parameters.BlockedPorts!.value).toEqual(['20', '21', '3389']);
  });

  it('drops resources whose Condition is false and says so', () => {
    expect(short.skipped.map(s => [s.logicalId, s.condition, s.position.line])).toEqual([
      ['DevOnlyRule', 'IsDev', 60],
      ['SuffixRule', 'ProdWithSuffix', 68]
    ]);
  });

  it('reads the remediation, its rule resolved through Ref', () => {
    expect(short.remediations).toHaveLength(1);
    const rem = short.remediations[0]!;
    expect(rem).toMatchObject({
      logicalId: 'BucketLoggingRemediation',
      configRuleName: 's3-bucket-logging-enabled',
      targetType: 'SSM_DOCUMENT',
      targetId: 'AWS-ConfigureS3BucketLogging',
      targetVersion: '1',
      automatic: true,
      maximumAutomaticAttempts: 3,
      retryAttemptSeconds: 60,
      executionControls: { ssmControls: { concurrentExecutionRatePercentage: 10, errorPercentage: 20 } },
      parameters: {
        BucketName: { resourceValue: { value: 'RESOURCE_ID' } },
        GrantedPermission: { staticValue: { values: ['FULL_CONTROL'] } },
        TargetBucket: { staticValue: { values: ['logs-123456789012-eu-west-1'] } }
      }
    });
    expect(rem.position).toEqual({ file: 'short-form.yaml', line: 75, col: 3 });
    expect(rem.parameterPositions.TargetBucket).toEqual({ file: 'short-form.yaml', line: 97, col: 9 });
  });

  it('gives identical results for short form, long form and JSON', () => {
    const long = parseConformancePack(readText(join(FIXTURES, 'long-form.yaml')), 'long-form.yaml', options);
    const json = parseConformancePack(readText(join(FIXTURES, 'long-form.json')), 'long-form.json', options);
    expect(withoutPositions(long)).toEqual(withoutPositions(short));
    expect(withoutPositions(json)).toEqual(withoutPositions(short));
  });

  it('follows the conditions when parameters change them', () => {
    const dev = parseConformancePack(readText(join(FIXTURES, 'short-form.yaml')), 'short-form.yaml', {
      ...options,
      parameters: { Environment: 'dev', LogBucketSuffix: 'x' }
    });
    expect(dev.rules.map(r => r.name)).toEqual(['access-keys-rotated-dev', 's3-bucket-logging-enabled', 'dev-only']);
    expect(dev.rules[0]!.maximumExecutionFrequency).toBe('TwentyFour_Hours');
    expect(dev.rules[0]!.inputParameters.suffix).toBe('x');
    expect(dev.rules[1]!.scope).toEqual({ complianceResourceTypes: ['AWS::S3::Bucket'] });
    expect(dev.remediations[0]!.automatic).toBe(false);
    expect(dev.skipped.map(s => s.logicalId)).toEqual(['SuffixRule']);
  });

  it('reports every problem of a broken pack at once, with line and column', () => {
    const errors = sourceErrors(() =>
      parseConformancePack(readText(join(FIXTURES, 'errors.yaml')), 'errors.yaml', options)
    );
    expect(errors).toEqual([
      '3:3: parameter NoDefault has no value: supply it (pack parameters) or give it a Default',
      '7:14: Default of parameter Port: "not-a-number" is not a number',
      '9:26: condition "Loop" refers to itself (cycle: Loop -> Loop)',
      '12:11: resource Bucket: type AWS::S3::Bucket is not supported; a conformance pack holds AWS::Config::ConfigRule and AWS::Config::RemediationConfiguration only',
      '20:24: Fn::GetAtt cannot be resolved in a conformance pack: resource attributes exist only once the pack is deployed; use the rule name (Ref) instead',
      expect.stringMatching(/^22:11: unknown intrinsic function Fn::Frobnicate \(supported: Ref, Fn::If, /),
      '26:3: ConfigRule MissingSource has no Source',
      expect.stringMatching(/^30:34: MaximumExecutionFrequency of MissingSource must be one of One_Hour, /),
      '31:3: RemediationConfiguration Orphan names rule "no-such-rule", which is not a rule of this pack'
    ]);
  });

  it('names the file in every error message', () => {
    try {
      parseConformancePack(readText(join(FIXTURES, 'errors.yaml')), 'packs/errors.yaml', options);
      throw new Error('expected SourceErrors');
    } catch (err) {
      expect(err).toBeInstanceOf(SourceErrors);
      expect((err as SourceErrors).message).toMatch(
        /^9 problems found:\n {2}packs\/errors\.yaml:3:3: parameter NoDefault/
      );
    }
  });
});

describe('parameters supplied by the caller', () => {
  const text = readText(join(FIXTURES, 'short-form.yaml'));

  it('rejects an unknown parameter, at the manifest position when given', () => {
    const errors = sourceErrors(() =>
      parseConformancePack(text, 'short-form.yaml', {
        context,
        parameters: { Nope: '1', Other: '2' },
        parameterPositions: { Nope: { file: 'compliance.yml', line: 7, col: 9 } }
      })
    );
    // sorted by file: compliance.yml:7:9 (Nope, where the manifest wrote it), then the template's Parameters key
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^7:9: parameter "Nope" is supplied/);
    expect(errors[1]).toMatch(
      /^4:1: parameter "Other" is supplied but the template declares no such parameter \(declared: Environment, MaxKeyAge, /
    );
  });

  it('honours AllowedValues, reporting at the manifest position', () => {
    let caught: SourceErrors | undefined;
    try {
      parseConformancePack(text, 'short-form.yaml', {
        context,
        parameters: { Environment: 'staging' },
        parameterPositions: { Environment: { file: 'compliance.yml', line: 12, col: 20 } }
      });
    } catch (err) {
      caught = err as SourceErrors;
    }
    expect(caught?.errors.map(e => e.message)).toEqual([
      'compliance.yml:12:20: value supplied for parameter Environment: "staging" is not one of the AllowedValues (prod, dev)'
    ]);
  });
});

describe('loadConformancePackFile', () => {
  it('reads a template file and names it as displayed', async () => {
    const pack = await loadConformancePackFile(join(FIXTURES, 'long-form.json'), { context }, 'packs/long-form.json');
    expect(pack.file).toBe('packs/long-form.json');
    expect(pack.rules[0]!.position.file).toBe('packs/long-form.json');
    expect(pack.rules).toHaveLength(2);
  });

  it('reports a missing file as a source error naming it', async () => {
    await expect(
      loadConformancePackFile(join(FIXTURES, 'absent.yaml'), { context }, 'packs/absent.yaml')
    ).rejects.toThrow('packs/absent.yaml:1:1: cannot read the conformance pack template (ENOENT)');
  });
});
