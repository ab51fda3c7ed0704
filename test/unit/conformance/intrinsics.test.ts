import { describe, it, expect } from '@jest/globals';
import { parseConformancePack } from '../../../src/conformance/template/index.js';
import type { PackContext, PackOptions, RuleSpec } from '../../../src/conformance/types.js';
import { sourceErrors } from './helpers.js';

const context: PackContext = { region: 'us-east-1', accountId: '111122223333' };

function parse(text: string, options: Partial<PackOptions> = {}) {
  return parseConformancePack(text, 't.yaml', { context, ...options });
}

/** A one-rule template whose InputParameters are the given YAML lines (indented by 8). */
function withInput(lines: string, head = ''): string {
  return `${head}Resources:
  R:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: r
      InputParameters:
${lines}
      Source:
        Owner: AWS
        SourceIdentifier: S3_BUCKET_LOGGING_ENABLED
`;
}

function input(lines: string, head = '', options: Partial<PackOptions> = {}): Record<string, string> {
  return parse(withInput(lines, head), options).rules[0]!.inputParameters;
}

function onlyRule(text: string, options: Partial<PackOptions> = {}): RuleSpec {
  const pack = parse(text, options);
  expect(pack.rules).toHaveLength(1);
  return pack.rules[0]!;
}

describe('scalar values as AWS Config receives them', () => {
  it('turns numbers and booleans into strings, numbers as written', () => {
    expect(input('        a: 90\n        b: 0.50\n        c: true\n        d: "text"\n        e: 1e3')).toEqual({
      a: '90',
      b: '0.50',
      c: 'true',
      d: 'text',
      e: '1e3'
    });
  });

  it('reads YAML 1.1 as CloudFormation does (yes is a boolean, dates stay as written)', () => {
    expect(input('        a: yes\n        b: "yes"\n        c: 2024-01-31')).toEqual({
      a: 'true',
      b: 'yes',
      c: '2024-01-31'
    });
    const pack = parse(`AWSTemplateFormatVersion: 2010-09-09\n${withInput('        a: 1')}`);
    expect(pack.rules[0]!.inputParameters).toEqual({ a: '1' });
  });

  it('accepts InputParameters written as a JSON string', () => {
    const text = withInput('').replace('InputParameters:\n', 'InputParameters: \'{"maxAge": 30, "on": true}\'\n');
    expect(parse(text).rules[0]!.inputParameters).toEqual({ maxAge: '30', on: 'true' });
  });

  it('rejects a list value with a hint to write a comma-separated string', () => {
    expect(sourceErrors(() => parse(withInput('        ports: [20, 21]')))).toEqual([
      expect.stringMatching(
        /^7:16: InputParameters of R: ports must be a string, number or boolean, found a list \(AWS Config rule parameters are strings: write a comma-separated string/
      )
    ]);
  });

  it('rejects InputParameters longer than AWS accepts', () => {
    const long = 'x'.repeat(1100);
    expect(sourceErrors(() => parse(withInput(`        a: ${long}`)))).toEqual([
      '6:7: InputParameters of R is 1108 characters as JSON; AWS Config accepts at most 1024'
    ]);
  });
});

describe('Ref and pseudo parameters', () => {
  it('resolves the pseudo parameters from the context', () => {
    expect(
      input(
        '        a: !Ref AWS::Region\n        b: !Ref AWS::AccountId\n        c: !Ref AWS::Partition\n        d: !Ref AWS::URLSuffix\n        e: !Ref AWS::StackName',
        '',
        { context: { region: 'cn-north-1', accountId: '1', stackName: 'pack-stack' } }
      )
    ).toEqual({ a: 'cn-north-1', b: '1', c: 'aws-cn', d: 'amazonaws.com.cn', e: 'pack-stack' });
    expect(input('        p: !Ref AWS::Partition', '', { context: { region: 'us-gov-west-1' } })).toEqual({
      p: 'aws-us-gov'
    });
    expect(
      input('        p: !Ref AWS::Partition', '', { context: { region: 'eu-west-1', partition: 'aws-x' } })
    ).toEqual({
      p: 'aws-x'
    });
  });

  it('reports pseudo parameters that are not known before deployment', () => {
    expect(
      sourceErrors(() =>
        parse(withInput('        a: !Ref AWS::AccountId\n        b: !Ref AWS::StackId\n        c: !Ref AWS::Nope'), {
          context: { region: 'us-east-1' }
        })
      )
    ).toEqual([
      '7:17: AWS::AccountId is not known here: the pack needs the account id to resolve it',
      '8:17: AWS::StackId is not known before the pack is deployed',
      '9:17: unknown pseudo parameter AWS::Nope'
    ]);
  });

  it('reports a Ref to an unknown name', () => {
    expect(sourceErrors(() => parse(withInput('        a: !Ref Missing')))).toEqual([
      '7:17: Ref to unknown name "Missing": not a parameter, pseudo parameter or resource of this template'
    ]);
  });

  it('rejects an intrinsic function sharing its map with other keys', () => {
    expect(sourceErrors(() => parse(withInput('        a:\n          Ref: AWS::Region\n          Other: 1')))).toEqual([
      '8:11: Ref must be the only key of its map (found Ref, Other)'
    ]);
  });
});

describe('Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64', () => {
  const head = `Parameters:
  Name:
    Type: String
    Default: app
  Ports:
    Type: CommaDelimitedList
    Default: '80,443'
Mappings:
  Sizes:
    us-east-1:
      Small: '1'
`;

  it('substitutes parameters, pseudo parameters, variables and ${!literals}', () => {
    expect(
      input(
        "        a: !Sub '${Name}-${AWS::Region}-${!Keep}'\n        b: !Sub ['${X}/${Name}', {X: !Ref AWS::AccountId}]\n        c: !Sub 'rule ${R}'",
        head
      )
    ).toEqual({ a: 'app-us-east-1-${Keep}', b: '111122223333/app', c: 'rule r' });
  });

  it('joins, selects, splits, finds in maps and encodes', () => {
    expect(
      input(
        [
          "        a: !Join ['|', [x, !Ref AWS::NoValue, !Ref Name]]",
          '        b: !Select [1, !Ref Ports]',
          "        c: !Select ['0', !Split ['.', a.b.c]]",
          '        d: !FindInMap [Sizes, !Ref AWS::Region, Small]',
          '        e: !Base64 abc'
        ].join('\n'),
        head
      )
    ).toEqual({ a: 'x|app', b: '443', c: 'a', d: '1', e: 'YWJj' });
  });

  it('reports bad arguments with their positions', () => {
    const errors = sourceErrors(() =>
      parse(
        withInput(
          [
            '        a: !Select [5, !Ref Ports]',
            '        b: !FindInMap [Sizes, eu-west-1, Small]',
            "        c: !Sub '${Ports}'",
            "        d: !Sub '${R.Arn}'",
            '        e: !Join [",", x]',
            '        f: !Split [",", [a]]',
            '        g: !ImportValue shared-name',
            '        h: !Equals [a, b]'
          ].join('\n'),
          head
        )
      )
    );
    expect(errors).toEqual([
      '18:21: Fn::Select index 5 is out of range (the list has 2 items)',
      '19:23: Fn::FindInMap: mapping Sizes has no key "eu-west-1"',
      '20:17: Fn::Sub ${Ports} must be a string value (it is a list)',
      '21:17: Fn::Sub ${R.Arn} is a resource attribute (Fn::GetAtt), which cannot be resolved in a conformance pack',
      '22:24: Fn::Join takes a list of strings, found the string "x"',
      '23:25: Fn::Split takes a string, found a list',
      '24:25: Fn::ImportValue cannot be resolved in a conformance pack: a conformance pack cannot read the exports of other stacks',
      '25:20: Fn::Equals is a condition function: use it in the Conditions section and refer to it with Fn::If'
    ]);
  });
});

describe('conditions', () => {
  const head = `Parameters:
  Env:
    Type: String
    Default: prod
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsNotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [!Ref AWS::Region, us-east-1]]
  Either: !Or [!Condition IsNotProd, !Equals ['1', 1]]
`;

  it('evaluates Fn::Equals, Fn::Not, Fn::And, Fn::Or and Condition references', () => {
    expect(
      input(
        [
          '        a: !If [IsProd, yes-prod, no]',
          '        b: !If [IsNotProd, x, !Ref AWS::NoValue]',
          '        c: !If [Both, both, no]',
          '        d: !If [Either, either, no]'
        ].join('\n'),
        head
      )
    ).toEqual({ a: 'yes-prod', c: 'both', d: 'either' });
  });

  it('removes a whole property or a list item with AWS::NoValue', () => {
    const rule = onlyRule(`${head}Resources:
  R:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: r
      Description: !If [IsNotProd, dev rule, !Ref AWS::NoValue]
      Scope:
        ComplianceResourceTypes:
          - AWS::S3::Bucket
          - !If [IsNotProd, AWS::EC2::Volume, !Ref AWS::NoValue]
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
`);
    expect(rule.description).toBeUndefined();
    expect(rule.scope).toEqual({ complianceResourceTypes: ['AWS::S3::Bucket'] });
  });

  it('reports unknown conditions, Fn::If in conditions, resources and bad forms', () => {
    const errors = sourceErrors(() =>
      parse(`Conditions:
  A: !Equals [x]
  B: !If [A, x, y]
  C: !Equals [!Ref R, r]
  D: !Not [!Condition Missing]
  E: {Ref: X}
  F: !And [!Condition A]
Resources:
  R:
    Type: AWS::Config::ConfigRule
    Condition: Nope
    Properties:
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
`)
    );
    expect(errors).toEqual([
      '2:14: Fn::Equals takes 2 values, found 1',
      '3:10: a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or a Condition reference, found Fn::If',
      '4:20: Ref to "R": a condition can refer to parameters and pseudo parameters only',
      '5:23: unknown condition "Missing" (conditions in this template: A, B, C, D, E, F)',
      '6:6: a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or a Condition reference, found Ref',
      '7:11: Fn::And takes 2 to 10 conditions, found 1',
      '11:16: unknown condition "Nope" (conditions in this template: A, B, C, D, E, F)'
    ]);
  });

  it('reports a Ref to a rule its condition dropped', () => {
    expect(
      sourceErrors(() =>
        parse(`${head}Resources:
  R:
    Type: AWS::Config::ConfigRule
    Condition: IsNotProd
    Properties:
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
  Fix:
    Type: AWS::Config::RemediationConfiguration
    Properties:
      ConfigRuleName: !Ref R
      TargetType: SSM_DOCUMENT
      TargetId: AWS-ConfigureS3BucketLogging
`)
      )
    ).toEqual(['19:28: Ref to R, which is not created: its Condition IsNotProd is false']);
  });
});

describe('template structure', () => {
  it('reports bad YAML with its line', () => {
    expect(sourceErrors(() => parse('Resources:\n  R: [unclosed\n  S: x\n'))).toEqual([
      expect.stringMatching(/^\d+:\d+: invalid YAML\/JSON: /)
    ]);
    expect(sourceErrors(() => parse('Resources:\n  R: 1\n  R: 2\n'))).toEqual([
      expect.stringMatching(/^3:3: invalid YAML\/JSON: Map keys must be unique/)
    ]);
  });

  it('reports unknown tags, empty documents and non-map templates', () => {
    expect(sourceErrors(() => parse(withInput('        a: !Frob x')))[0]).toMatch(
      /^7:12: unknown tag !Frob: not an intrinsic function/
    );
    expect(sourceErrors(() => parse(''))).toEqual(['1:1: the document is empty']);
    expect(sourceErrors(() => parse('- a\n- b\n'))).toEqual([
      '1:1: a conformance pack template must be a map of sections, found a list'
    ]);
  });

  it('reads pairs in flow lists as maps, and rejects aliases and empty values', () => {
    const rule = onlyRule(`Resources:
  R:
    Type: AWS::Config::ConfigRule
    Properties:
      EvaluationModes: [Mode: DETECTIVE]
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
`);
    expect(rule.evaluationModes).toEqual(['DETECTIVE']);
    expect(
      sourceErrors(() =>
        parse(`Resources:
  R:
    Type: AWS::Config::ConfigRule
    Properties:
      Description:
      ConfigRuleName: &name r
      Source: {Owner: AWS, SourceIdentifier: *name}
`)
      )
    ).toEqual([
      '5:7: Description of R must be a string, found an empty value',
      '7:46: YAML aliases (*name) are not supported in a conformance pack template'
    ]);
  });

  it('rejects sections and attributes a conformance pack does not support', () => {
    const errors = sourceErrors(() =>
      parse(`AWSTemplateFormatVersion: '2011-01-01'
Transform: AWS::Serverless-2016-10-31
Outputs: {}
Extra: 1
Resources:
  R:
    Type: AWS::Config::ConfigRule
    DeletionPolicy: Retain
    DependsOn: [Ghost]
    Properties:
      ConfigRuleName: r
      Colour: blue
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
`)
    );
    expect(errors).toEqual([
      '1:27: AWSTemplateFormatVersion must be "2010-09-09"',
      expect.stringMatching(/^2:1: section Transform is not supported: transforms/),
      expect.stringMatching(/^3:1: section Outputs is not supported/),
      expect.stringMatching(/^4:1: unknown top-level section "Extra"/),
      '9:17: DependsOn of R: no resource named Ghost',
      expect.stringMatching(/^12:7: unknown property Colour of AWS::Config::ConfigRule R/)
    ]);
  });

  it('accepts resource attributes AWS Config does not use (Controls, Description, ...) with a warning naming the line', () => {
    const pack = parse(`Resources:
  R:
    Type: AWS::Config::ConfigRule
    Controls: [NZISM-16.6.6.C.01]
    Description: custom packs write one
    DeletionPolicy: Retain
    Properties:
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
`);
    expect(pack.rules.map(r => r.name)).toEqual(['R']);
    expect(pack.warnings?.map(w => `${w.position.line}:${w.position.col}: ${w.detail}`)).toEqual([
      expect.stringMatching(
        /^4:5: resource attribute Controls of R is not used by AWS Config and is ignored; the resource is deployed/
      ),
      expect.stringMatching(/^5:5: resource attribute Description of R is not used/),
      expect.stringMatching(/^6:5: resource attribute DeletionPolicy of R is not used/)
    ]);
  });

  it('uses the logical id when ConfigRuleName is absent, and says so', () => {
    const rule = onlyRule(`Resources:
  MyRule:
    Type: AWS::Config::ConfigRule
    Properties:
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
`);
    expect(rule.name).toBe('MyRule');
    expect(rule.nameFromLogicalId).toBe(true);
    expect(rule.inputParameters).toEqual({});
  });

  it('reads custom rules, evaluation modes and scopes', () => {
    const text = `Resources:
  Guard:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: guard
      EvaluationModes: [{Mode: DETECTIVE}, {Mode: PROACTIVE}]
      Scope: {TagKey: team, TagValue: data}
      Source:
        Owner: CUSTOM_POLICY
        SourceDetails:
          - {EventSource: aws.config, MessageType: ConfigurationItemChangeNotification}
        CustomPolicyDetails: {PolicyRuntime: guard-2.x.x, PolicyText: 'rule x {}', EnableDebugLogDelivery: 'false'}
  Lambda:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: lambda
      MaximumExecutionFrequency: Six_Hours
      Scope: {ComplianceResourceId: i-123, ComplianceResourceTypes: [AWS::EC2::Instance]}
      Source:
        Owner: CUSTOM_LAMBDA
        SourceIdentifier: !Sub 'arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:check'
        SourceDetails: [{EventSource: aws.config, MessageType: ScheduledNotification, MaximumExecutionFrequency: One_Hour}]
`;
    const [guard, lambda] = parse(text).rules as [RuleSpec, RuleSpec];
    expect(guard.evaluationModes).toEqual(['DETECTIVE', 'PROACTIVE']);
    expect(guard.scope).toEqual({ tagKey: 'team', tagValue: 'data' });
    expect(guard.source).toEqual({
      owner: 'CUSTOM_POLICY',
      details: [{ eventSource: 'aws.config', messageType: 'ConfigurationItemChangeNotification' }],
      customPolicy: { policyRuntime: 'guard-2.x.x', policyText: 'rule x {}', enableDebugLogDelivery: false }
    });
    expect(lambda.maximumExecutionFrequency).toBe('Six_Hours');
    expect(lambda.scope).toEqual({ complianceResourceId: 'i-123', complianceResourceTypes: ['AWS::EC2::Instance'] });
    expect(lambda.source.identifier).toBe('arn:aws:lambda:us-east-1:111122223333:function:check');
    expect(lambda.source.details).toEqual([
      { eventSource: 'aws.config', messageType: 'ScheduledNotification', maximumExecutionFrequency: 'One_Hour' }
    ]);
  });

  it('reports invalid rule properties', () => {
    const errors = sourceErrors(() =>
      parse(`Resources:
  A:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: same
      EvaluationModes: [{Mode: SOMETIMES}]
      Source: {Owner: AMAZON, SourceIdentifier: X}
  B:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: same
      Scope: {TagValue: v}
      Source: {Owner: CUSTOM_POLICY}
  D:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: c
      Source: {Owner: AWS}
`)
    );
    expect(errors).toEqual([
      '6:32: EvaluationModes.Mode of A must be one of DETECTIVE, PROACTIVE, found the string "SOMETIMES"',
      '7:23: Source.Owner of A must be one of AWS, CUSTOM_LAMBDA, CUSTOM_POLICY, found the string "AMAZON"',
      '12:14: Scope of B has a TagValue without a TagKey',
      '13:15: Source of B has Owner CUSTOM_POLICY but no CustomPolicyDetails',
      '18:15: Source of D has no SourceIdentifier (the managed rule identifier or Lambda ARN)'
    ]);
  });

  it('reports two rules with one name', () => {
    const r = (id: string) => `  ${id}:
    Type: AWS::Config::ConfigRule
    Properties: {ConfigRuleName: same, Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}}
`;
    expect(sourceErrors(() => parse(`Resources:\n${r('A')}${r('B')}`))).toEqual([
      '5:3: rule name same is used twice (A at line 2 and B)'
    ]);
  });

  it('reports invalid remediations', () => {
    const errors = sourceErrors(() =>
      parse(`Resources:
  R:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: r
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
  Fix1:
    Type: AWS::Config::RemediationConfiguration
    Properties:
      ConfigRuleName: r
      TargetType: SSM_DOCUMENT
      TargetId: Doc
  Fix2:
    Type: AWS::Config::RemediationConfiguration
    Properties:
      ConfigRuleName: r
      TargetType: LAMBDA
      TargetId: Doc
      Automatic: maybe
      MaximumAutomaticAttempts: 30
      RetryAttemptSeconds: 0
      ExecutionControls: {SsmControls: {ErrorPercentage: 101}}
      Parameters:
        Both: {ResourceValue: {Value: RESOURCE_ID}, StaticValue: {Values: [a]}}
        Bad: {ResourceValue: {Value: ARN}}
  Fix3:
    Type: AWS::Config::RemediationConfiguration
    Properties:
      TargetType: SSM_DOCUMENT
`)
    );
    expect(errors).toEqual([
      '17:19: TargetType of Fix2 must be one of SSM_DOCUMENT, found the string "LAMBDA"',
      '19:18: Automatic of Fix2 must be true or false, found the string "maybe"',
      '20:33: MaximumAutomaticAttempts of Fix2 must be a whole number from 1 to 25, found the number "30"',
      '21:28: RetryAttemptSeconds of Fix2 must be a whole number from 1 to 2678000, found the number "0"',
      '22:58: ErrorPercentage of Fix2 must be a whole number from 1 to 100, found the number "101"',
      '24:9: Parameters of Fix2: Both must have exactly one of ResourceValue and StaticValue',
      '25:38: Parameters of Fix2: Bad.ResourceValue.Value must be one of RESOURCE_ID, found the string "ARN"',
      '26:3: RemediationConfiguration Fix3 has no ConfigRuleName',
      '26:3: RemediationConfiguration Fix3 has no TargetId'
    ]);
  });

  it('reports two remediations of one rule', () => {
    const fix = (id: string) => `  ${id}:
    Type: AWS::Config::RemediationConfiguration
    Properties: {ConfigRuleName: r, TargetType: SSM_DOCUMENT, TargetId: Doc}
`;
    const errors = sourceErrors(() =>
      parse(`Resources:
  R:
    Type: AWS::Config::ConfigRule
    Properties: {ConfigRuleName: r, Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}}
${fix('Fix1')}${fix('Fix2')}`)
    );
    expect(errors).toEqual([
      '8:3: rule r has two RemediationConfigurations (Fix1 and Fix2); AWS Config keeps one per rule'
    ]);
  });
});

describe('parameter declarations', () => {
  const rules = `Resources:
  R:
    Type: AWS::Config::ConfigRule
    Properties: {ConfigRuleName: r, Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}}
`;

  it('validates types, lists, patterns, lengths and bounds', () => {
    const errors = sourceErrors(() =>
      parse(
        `Parameters:
  Ports: {Type: 'List<Number>', Default: '80, http'}
  Colours: {Type: CommaDelimitedList, Default: 'red,blue', AllowedValues: [red, green]}
  Code: {Type: String, Default: abc, AllowedPattern: '[0-9]+', MinLength: 4}
  Count: {Type: Number, Default: 50, MinValue: 1, MaxValue: 10}
  Secret: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /my/param}
  Odd: {Type: Blob, Default: x}
  NoType: {Default: x}
  Weird: {Type: String, Default: x, Colour: red}
  Vpc: {Type: 'AWS::EC2::VPC::Id', Default: vpc-1}
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1, subnet-2'}
${rules}`
      )
    );
    expect(errors).toEqual([
      '2:42: Default of parameter Ports: "http" is not a number',
      '3:48: Default of parameter Colours: "blue" is not one of the AllowedValues (red, green)',
      '4:33: Default of parameter Code: "abc" does not match AllowedPattern [0-9]+',
      '4:33: Default of parameter Code: shorter than MinLength 4',
      '5:34: Default of parameter Count: 50 is above MaxValue 10',
      expect.stringMatching(/^6:18: parameter Secret: Type AWS::SSM::Parameter::Value<String> reads Systems Manager/),
      '7:15: parameter Odd: unsupported Type "Blob"',
      '8:3: parameter NoType has no Type (String, Number, CommaDelimitedList, ...)',
      '9:37: unknown attribute Colour of parameter Weird'
    ]);
  });

  it('resolves list parameters, AWS-specific types and supplied values', () => {
    const pack = parse(
      `Parameters:
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1, subnet-2'}
  Vpc: {Type: 'AWS::EC2::VPC::Id'}
  Empty: {Type: CommaDelimitedList, Default: ''}
${rules}`,
      { parameters: { Vpc: 'vpc-9' } }
    );
    expect(pack.parameters.Subnets).toMatchObject({ value: ['subnet-1', 'subnet-2'], origin: 'default' });
    expect(pack.parameters.Vpc).toMatchObject({ value: 'vpc-9', origin: 'supplied', type: 'AWS::EC2::VPC::Id' });
    expect(pack.parameters.Empty!.value).toEqual([]);
  });
});
