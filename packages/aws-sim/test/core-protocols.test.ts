/**
 * Model validation and the wire codecs: unit tests on synthetic Smithy shapes, and end-to-end through the real SDK
 * clients (validation runs before the "not implemented" check, so these hold whether or not a handler exists).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRulesCommand,
  GetComplianceDetailsByConfigRuleCommand,
  PutEvaluationsCommand
} from '@aws-sdk/client-config-service';
import { SNSClient, ListSMSSandboxPhoneNumbersCommand } from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import * as configSdk from '@aws-sdk/client-config-service';
import { startSimulator, type Simulator } from '../src/index.js';
import {
  decodeJsonInput,
  decodeQueryInput,
  encodeError,
  encodeJsonOutput,
  encodeQueryOutput,
  OutputShapeError,
  xmlEscape
} from '../src/core/protocols.js';
import { handlers } from '../src/services/index.js';
import {
  formatValue,
  getModel,
  loadedModels,
  lowerCamel,
  SmithyModel,
  validate,
  validationMessage,
  type Shape
} from '../src/core/smithy.js';
import { AwsError, type Handler } from '../src/core/types.js';

const region = 'us-east-1';

/** A small model exercising every codec feature, including xmlName / xmlFlattened variants. */
function syntheticModel(protocol: 'json' | 'query'): SmithyModel {
  const ns = 'test.sim#';
  const shapes: Record<string, Shape> = {
    [`${ns}Svc`]: {
      type: 'service',
      version: '2020-01-01',
      operations: [{ target: `${ns}Op` }],
      traits: {
        [protocol === 'json' ? 'aws.protocols#awsJson1_1' : 'aws.protocols#awsQuery']: {},
        'smithy.api#xmlNamespace': { uri: 'https://test.example/doc/2020-01-01/' }
      }
    },
    [`${ns}Op`]: { type: 'operation', input: { target: `${ns}OpInput` }, output: { target: `${ns}OpOutput` } },
    [`${ns}Name`]: { type: 'string', traits: { 'smithy.api#length': { min: 1, max: 5 } } },
    [`${ns}Code`]: { type: 'string', traits: { 'smithy.api#pattern': '^[A-Z]+$' } },
    [`${ns}CaseInsensitive`]: { type: 'string', traits: { 'smithy.api#pattern': '^(?i)all|[0-9]{12}$' } },
    [`${ns}Secret`]: { type: 'string', traits: { 'smithy.api#length': { max: 3 }, 'smithy.api#sensitive': {} } },
    [`${ns}Count`]: { type: 'integer', traits: { 'smithy.api#range': { min: 1, max: 10 } } },
    [`${ns}Color`]: {
      type: 'enum',
      members: {
        Red: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'RED' } },
        Blue: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'BLUE' } }
      }
    },
    [`${ns}Names`]: { type: 'list', member: { target: `${ns}Name` }, traits: { 'smithy.api#length': { max: 2 } } },
    [`${ns}FlatNames`]: {
      type: 'list',
      member: { target: 'smithy.api#String' },
      traits: { 'smithy.api#xmlFlattened': {} }
    },
    [`${ns}Renamed`]: {
      type: 'list',
      member: { target: 'smithy.api#String', traits: { 'smithy.api#xmlName': 'item' } }
    },
    [`${ns}Attrs`]: { type: 'map', key: { target: `${ns}Name` }, value: { target: 'smithy.api#String' } },
    [`${ns}NamedMap`]: {
      type: 'map',
      key: { target: 'smithy.api#String', traits: { 'smithy.api#xmlName': 'Name' } },
      value: { target: `${ns}Inner`, traits: { 'smithy.api#xmlName': 'Value' } }
    },
    [`${ns}FlatMap`]: {
      type: 'map',
      key: { target: 'smithy.api#String' },
      value: { target: 'smithy.api#String' },
      traits: { 'smithy.api#xmlFlattened': {} }
    },
    [`${ns}Inner`]: {
      type: 'structure',
      members: {
        Kind: { target: 'smithy.api#String', traits: { 'smithy.api#required': {} } },
        Flag: { target: 'smithy.api#Boolean' }
      }
    },
    [`${ns}Choice`]: {
      type: 'union',
      members: { A: { target: 'smithy.api#String' }, B: { target: 'smithy.api#Integer' } }
    },
    [`${ns}OpInput`]: {
      type: 'structure',
      members: {
        Name: { target: `${ns}Name`, traits: { 'smithy.api#required': {} } },
        Code: { target: `${ns}Code` },
        Loose: { target: `${ns}CaseInsensitive` },
        Secret: { target: `${ns}Secret` },
        Count: { target: `${ns}Count` },
        Ratio: { target: 'smithy.api#Double' },
        Color: { target: `${ns}Color` },
        When: { target: 'smithy.api#Timestamp' },
        Data: { target: 'smithy.api#Blob' },
        Names: { target: `${ns}Names` },
        Flat: { target: `${ns}FlatNames` },
        Renamed: { target: `${ns}Renamed` },
        Attrs: { target: `${ns}Attrs` },
        Named: { target: `${ns}NamedMap` },
        FlatMap: { target: `${ns}FlatMap` },
        Inner: { target: `${ns}Inner` },
        Choice: { target: `${ns}Choice` },
        Wire: { target: 'smithy.api#String', traits: { 'smithy.api#xmlName': 'WireName' } }
      }
    },
    [`${ns}OpOutput`]: {
      type: 'structure',
      members: {
        Names: { target: `${ns}Names` },
        Flat: { target: `${ns}FlatNames` },
        Attrs: { target: `${ns}Attrs` },
        FlatMap: { target: `${ns}FlatMap` },
        When: { target: 'smithy.api#Timestamp' },
        IsoWhen: { target: 'smithy.api#Timestamp', traits: { 'smithy.api#timestampFormat': 'date-time' } },
        Data: { target: 'smithy.api#Blob' },
        Inner: { target: `${ns}Inner` },
        Count: { target: `${ns}Count` },
        Text: { target: 'smithy.api#String' }
      }
    }
  };
  return new SmithyModel('sts', shapes);
}

describe('Smithy validation (synthetic model)', () => {
  const model = syntheticModel('json');
  const ref = { target: 'test.sim#OpInput' };

  it('accepts a valid input', () => {
    expect(validate(model, ref, { Name: 'abc', Code: 'XY', Count: 3, Color: 'RED', Names: ['a'] }, '')).toEqual([]);
  });

  it('reports every violation with AWS wording, paths in lowerCamelCase', () => {
    const v = validate(
      model,
      ref,
      {
        Code: 'lower',
        Count: 11,
        Color: 'GREEN',
        Names: ['ok', 'toolong', 'x'],
        Inner: { Flag: true },
        Attrs: { waytoolong: 'v' },
        Choice: { A: 'a', B: 1 }
      },
      ''
    );
    const msg = validationMessage(v);
    expect(msg.startsWith(`${v.length} validation errors detected: `)).toBe(true);
    expect(msg).toContain("Value null at 'name' failed to satisfy constraint: Member must not be null");
    expect(msg).toContain(
      "Value 'lower' at 'code' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Z]+$"
    );
    expect(msg).toContain(
      "Value '11' at 'count' failed to satisfy constraint: Member must have value less than or equal to 10"
    );
    expect(msg).toContain(
      "Value 'GREEN' at 'color' failed to satisfy constraint: Member must satisfy enum value set: [RED, BLUE]"
    );
    expect(msg).toContain(
      "Value '[ok, toolong, x]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 2"
    );
    expect(msg).toContain(
      "Value 'toolong' at 'names.2.member' failed to satisfy constraint: Member must have length less than or equal to 5"
    );
    expect(msg).toContain("Value null at 'inner.kind' failed to satisfy constraint: Member must not be null");
    expect(msg).toContain('Map keys must satisfy constraint: [Member must have length less than or equal to 5]');
    expect(msg).toContain("at 'choice' failed to satisfy constraint: Member must have exactly one of [A, B] set");
    expect(msg.split('; ')).toHaveLength(v.length);
  });

  it('says "1 validation error" in the singular, minimums too', () => {
    const msg = validationMessage(validate(model, ref, { Name: '', Count: 0 }, ''));
    expect(msg).toBe(
      "2 validation errors detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '0' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1"
    );
    expect(validationMessage(validate(model, ref, { Name: 'abcdef' }, ''))).toMatch(/^1 validation error detected: /);
  });

  it('does not echo sensitive values', () => {
    const msg = validationMessage(validate(model, ref, { Name: 'a', Secret: 'hunter2' }, ''));
    expect(msg).toContain(
      "Value at 'secret' failed to satisfy constraint: Member must have length less than or equal to 3"
    );
    expect(msg).not.toContain('hunter2');
  });

  it('skips a pattern JS cannot compile instead of crashing', () => {
    expect(model.pattern('^(?i)all|[0-9]{12}$')).toBeNull();
    expect(validate(model, ref, { Name: 'a', Loose: 'anything goes' }, '')).toEqual([]);
  });

  it('formats values like AWS (Java toString)', () => {
    expect(formatValue(['a', ['b', 2]])).toBe('[a, [b, 2]]');
    expect(formatValue(null)).toBe('null');
    expect(formatValue({ K: 'v' })).toBe('{K: v}');
    expect(lowerCamel('ConfigRuleNames')).toBe('configRuleNames');
  });
});

describe('awsJson1_1 codec', () => {
  const model = syntheticModel('json');

  it('decodes types: epoch-second timestamps to Date, base64 blobs to Buffer; ignores unknown members', () => {
    const input = decodeJsonInput(
      model,
      'test.sim#OpInput',
      JSON.stringify({
        Name: 'n',
        When: 1700000000.5,
        Data: Buffer.from('hi').toString('base64'),
        Ratio: 'NaN',
        Other: 1
      })
    );
    expect(input['When']).toEqual(new Date(1700000000500));
    expect(Buffer.from(input['Data'] as Uint8Array).toString()).toBe('hi');
    expect(Number.isNaN(input['Ratio'])).toBe(true);
    expect('Other' in input).toBe(false);
  });

  it('answers type mismatches with a SerializationException naming the member', () => {
    const err = (() => {
      try {
        decodeJsonInput(model, 'test.sim#OpInput', JSON.stringify({ Name: 5, Count: 1.5, Names: 'x' }));
      } catch (e) {
        return e as AwsError;
      }
      throw new Error('expected a SerializationException');
    })();
    expect(err.code).toBe('SerializationException');
    expect(err.message).toContain("Expected a string at 'name' but found number");
    expect(err.message).toContain("Expected an integer at 'count'");
    expect(err.message).toContain("Expected a list at 'names' but found string");
    expect(() => decodeJsonInput(model, 'test.sim#OpInput', '{not json')).toThrow(/not valid JSON/);
  });

  it('encodes outputs: timestamps as epoch seconds (or the timestampFormat trait), blobs as base64', () => {
    const body = JSON.parse(
      encodeJsonOutput(model, 'test.sim#OpOutput', {
        When: new Date(1700000000000),
        IsoWhen: '2024-01-02T03:04:05Z',
        Data: Buffer.from('hi'),
        Attrs: { k: 'v' },
        Names: ['a'],
        Text: undefined
      })
    ) as Record<string, unknown>;
    expect(body).toEqual({
      When: 1700000000,
      IsoWhen: '2024-01-02T03:04:05.000Z',
      Data: 'aGk=',
      Attrs: { k: 'v' },
      Names: ['a']
    });
  });

  it('refuses outputs the shape does not allow (simulator bugs fail loudly)', () => {
    expect(() => encodeJsonOutput(model, 'test.sim#OpOutput', { Typo: 1 })).toThrow(OutputShapeError);
    expect(() => encodeJsonOutput(model, 'test.sim#OpOutput', { Count: '3' })).toThrow(/must be a number/);
    expect(() => encodeJsonOutput(model, 'test.sim#OpOutput', { When: 'yesterday' })).toThrow(/Date/);
  });

  it('encodes errors with __type and x-amzn-ErrorType', () => {
    const wire = encodeError('awsJson1_1', new AwsError('ValidationException', 'bad'), 'req-1');
    expect(wire.status).toBe(400);
    expect(wire.headers['x-amzn-ErrorType']).toBe('ValidationException');
    expect(wire.headers['x-amzn-RequestId']).toBe('req-1');
    expect(JSON.parse(wire.body)).toEqual({ __type: 'ValidationException', message: 'bad' });
  });
});

describe('awsQuery codec', () => {
  const model = syntheticModel('query');
  const form = (pairs: Record<string, string>): URLSearchParams =>
    new URLSearchParams({ Action: 'Op', Version: '2020-01-01', ...pairs });

  it('decodes lists, maps (default, xmlName and flattened), nested structures, scalars', () => {
    const { input, violations } = decodeQueryInput(
      model,
      'test.sim#OpInput',
      form({
        Name: 'n',
        Count: '7',
        Ratio: '0.5',
        When: '2024-01-02T03:04:05Z',
        'Names.member.2': 'b',
        'Names.member.1': 'a',
        'Flat.1': 'x',
        'Flat.2': 'y',
        'Renamed.item.1': 'r',
        'Attrs.entry.1.key': 'k1',
        'Attrs.entry.1.value': 'v1',
        'Named.entry.1.Name': 'attr',
        'Named.entry.1.Value.Kind': 'String',
        'Named.entry.1.Value.Flag': 'true',
        'FlatMap.1.key': 'fk',
        'FlatMap.1.value': 'fv',
        'Inner.Kind': 'deep',
        'Inner.Flag': 'false',
        WireName: 'renamed member'
      })
    );
    expect(violations).toEqual([]);
    expect(input).toEqual({
      Name: 'n',
      Count: 7,
      Ratio: 0.5,
      When: new Date('2024-01-02T03:04:05Z'),
      Names: ['a', 'b'],
      Flat: ['x', 'y'],
      Renamed: ['r'],
      Attrs: { k1: 'v1' },
      Named: { attr: { Kind: 'String', Flag: true } },
      FlatMap: { fk: 'fv' },
      Inner: { Kind: 'deep', Flag: false },
      Wire: 'renamed member'
    });
  });

  it('reads `Name=` as an empty list and reports unreadable scalars', () => {
    const { input, violations } = decodeQueryInput(
      model,
      'test.sim#OpInput',
      form({ Name: 'n', Names: '', Count: 'abc', 'Inner.Flag': 'yes' })
    );
    expect(input['Names']).toEqual([]);
    expect(violations.map(v => `${v.path}: ${v.constraint}`)).toEqual([
      'count: Member must be an integer',
      'inner.flag: Member must be a boolean (true or false)'
    ]);
  });

  it('encodes outputs as <OpResponse><OpResult> XML driven by the shape, escaping text', () => {
    const xml = encodeQueryOutput(
      model,
      'Op',
      'test.sim#OpOutput',
      {
        Names: ['a<b'],
        Flat: ['f1', 'f2'],
        Attrs: { k: 'v&w' },
        FlatMap: { fk: 'fv' },
        When: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
        Inner: { Kind: 'x', Flag: true },
        Count: 2
      },
      'rid-1'
    );
    expect(xml).toContain('<OpResponse xmlns="https://test.example/doc/2020-01-01/"><OpResult>');
    expect(xml).toContain('<Names><member>a&lt;b</member></Names>');
    expect(xml).toContain('<Flat>f1</Flat><Flat>f2</Flat>');
    expect(xml).toContain('<Attrs><entry><key>k</key><value>v&amp;w</value></entry></Attrs>');
    expect(xml).toContain('<FlatMap><key>fk</key><value>fv</value></FlatMap>');
    expect(xml).toContain('<When>2024-01-02T03:04:05.000Z</When>');
    expect(xml).toContain('<Inner><Kind>x</Kind><Flag>true</Flag></Inner><Count>2</Count>');
    expect(xml).toContain('</OpResult><ResponseMetadata><RequestId>rid-1</RequestId></ResponseMetadata></OpResponse>');
    expect(xmlEscape(`<'&">`)).toBe('&lt;&apos;&amp;&quot;&gt;');
  });

  it('encodes errors as an XML ErrorResponse', () => {
    const wire = encodeError(
      'awsQuery',
      new AwsError('ValidationError', 'a < b'),
      'rid-2',
      'https://sts.amazonaws.com/doc/2011-06-15/'
    );
    expect(wire.status).toBe(400);
    expect(wire.body).toContain(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>a &lt; b</Message></Error><RequestId>rid-2</RequestId></ErrorResponse>'
    );
    expect(encodeError('awsQuery', new AwsError('InternalFailure', 'x', 500), 'r').body).toContain(
      '<Type>Receiver</Type>'
    );
  });
});

describe('the real models', () => {
  it('loads each model lazily, on first use', () => {
    const before = loadedModels();
    expect(before).not.toContain('ssm');
    const ssm = getModel('ssm');
    expect(loadedModels()).toContain('ssm');
    expect(getModel('ssm')).toBe(ssm);
    expect(ssm.protocol).toBe('awsJson1_1');
    expect(getModel('sts').protocol).toBe('awsQuery');
    expect(getModel('sns').xmlNamespace).toBe('http://sns.amazonaws.com/doc/2010-03-31/');
    expect(getModel('config').operation('DescribeConfigRules')?.input).toBe(
      'com.amazonaws.configservice#DescribeConfigRulesRequest'
    );
    expect(getModel('config').operationNames()).toHaveLength(97);
  });
});

describe('validation and routing through the SDK clients', () => {
  let sim: Simulator;
  let config: ConfigServiceClient;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
    config = new ConfigServiceClient({
      region,
      endpoint: sim.url,
      credentials: sim.staticCredentials(),
      maxAttempts: 1
    });
  });
  afterAll(async () => {
    config.destroy();
    await sim.close();
  });

  const rejection = async (
    p: Promise<unknown>
  ): Promise<Error & { $metadata?: { httpStatusCode?: number; requestId?: string } }> => {
    try {
      await p;
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected the call to be rejected');
  };

  it('rejects 26 rule names as AWS does', async () => {
    const names = Array.from({ length: 26 }, (_, i) => `rule-${i}`);
    const err = await rejection(config.send(new DescribeComplianceByConfigRuleCommand({ ConfigRuleNames: names })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      `1 validation error detected: Value '[${names.join(', ')}]' at 'configRuleNames' failed to satisfy constraint: Member must have length less than or equal to 25`
    );
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect(err.$metadata?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a missing required member (awsJson1_1)', async () => {
    const err = await rejection(config.send(new GetComplianceDetailsByConfigRuleCommand({} as never)));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'configRuleName' failed to satisfy constraint: Member must not be null"
    );
  });

  it('rejects a string over its length limit, naming the list element', async () => {
    const long = 'x'.repeat(129);
    const err = await rejection(config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: ['ok', long] })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      `1 validation error detected: Value '${long}' at 'configRuleNames.2.member' failed to satisfy constraint: Member must have length less than or equal to 128`
    );
  });

  it('rejects an over-long string in awsQuery with ValidationError', async () => {
    const sts = new STSClient({ region, endpoint: sim.url, maxAttempts: 1 });
    const err = await rejection(
      sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'arn:aws:iam::123456789012:role/compliance-gate',
          RoleSessionName: 's'.repeat(65),
          WebIdentityToken: 'not-checked-before-validation'
        })
      )
    );
    sts.destroy();
    expect(err.name).toBe('ValidationError');
    expect(err.message).toMatch(
      /^1 validation error detected: Value 's{65}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64$/
    );
  });

  it('lets valid requests through validation', async () => {
    // Whether or not the config handlers exist yet, a valid request must not fail validation.
    const result = await config.send(new DescribeConfigRulesCommand({ ConfigRuleNames: [] })).then(
      () => 'ok',
      (e: Error) => e.name
    );
    expect(result).not.toBe('ValidationException');
    expect(result).not.toBe('SerializationException');
  });

  it('fails an unimplemented operation loudly, naming it', async () => {
    const model = getModel('config');
    const op = model.operationNames().find(name => {
      if (handlers.config[name]) return false;
      const input = model.shape(model.operation(name)!.input);
      return Object.values(input.members ?? {}).every(m => !('smithy.api#required' in (m.traits ?? {})));
    });
    expect(op).toBeDefined();
    const Command = (configSdk as unknown as Record<string, new (input: object) => DescribeConfigRulesCommand>)[
      `${op}Command`
    ]!;
    const err = await rejection(config.send(new Command({})));
    expect(err.name).toBe('NotImplemented');
    expect(err.message).toBe(`The simulator does not implement config:${op}`);
    expect(err.$metadata?.httpStatusCode).toBe(400);

    const sns = new SNSClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 });
    const err2 = await rejection(sns.send(new ListSMSSandboxPhoneNumbersCommand({})));
    sns.destroy();
    expect(err2.name).toBe('NotImplemented');
    expect(err2.message).toBe('The simulator does not implement sns:ListSMSSandboxPhoneNumbers');
  });

  it('answers an operation no model has with UnknownOperationException (never an empty success)', async () => {
    const res = await fetch(sim.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'StarlingDoveService.MakeEverythingCompliant'
      },
      body: '{}'
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    const query = await fetch(sim.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=MakeEverythingCompliant&Version=2011-06-15'
    });
    expect(query.status).toBe(400);
    expect(await query.text()).toContain('<Code>InvalidAction</Code>');
    const stray = await fetch(`${sim.url}/nothing-here`);
    expect(stray.status).toBe(404);
  });

  it('round-trips timestamps and types through awsJson1_1 (handlers see Date, the SDK gets Date)', async () => {
    const seen: Record<string, unknown>[] = [];
    const saved = { put: handlers.config['PutEvaluations'], get: handlers.ssm['GetParameter'] };
    const putEvaluations: Handler = input => {
      seen.push(input);
      return { FailedEvaluations: [] };
    };
    const getParameter: Handler = input => ({
      Parameter: {
        Name: input['Name'],
        Type: 'String',
        Value: 'v',
        Version: 3,
        LastModifiedDate: '2024-05-06T07:08:09Z'
      }
    });
    handlers.config['PutEvaluations'] = putEvaluations;
    handlers.ssm['GetParameter'] = getParameter;
    try {
      const when = new Date('2024-01-02T03:04:05Z');
      await config.send(
        new PutEvaluationsCommand({
          ResultToken: 'token',
          Evaluations: [
            {
              ComplianceResourceType: 'AWS::S3::Bucket',
              ComplianceResourceId: 'b',
              ComplianceType: 'COMPLIANT',
              OrderingTimestamp: when
            }
          ]
        })
      );
      const evaluation = (seen[0]!['Evaluations'] as Array<Record<string, unknown>>)[0]!;
      expect(evaluation['OrderingTimestamp']).toEqual(when);
      expect(evaluation['ComplianceType']).toBe('COMPLIANT');

      const ssm = new SSMClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 });
      const out = await ssm.send(new GetParameterCommand({ Name: '/app/param' }));
      ssm.destroy();
      expect(out.Parameter?.Name).toBe('/app/param');
      expect(out.Parameter?.Version).toBe(3);
      expect(out.Parameter?.LastModifiedDate).toEqual(new Date('2024-05-06T07:08:09Z'));
    } finally {
      if (saved.put) handlers.config['PutEvaluations'] = saved.put;
      else delete handlers.config['PutEvaluations'];
      if (saved.get) handlers.ssm['GetParameter'] = saved.get;
      else delete handlers.ssm['GetParameter'];
    }
  });

  it('turns a handler bug into a 500 naming the operation', async () => {
    const saved = handlers.ssm['GetParameter'];
    handlers.ssm['GetParameter'] = () => ({ Parameters: [] });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const ssm = new SSMClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 });
      const err = await rejection(ssm.send(new GetParameterCommand({ Name: 'p' })));
      ssm.destroy();
      expect(err.name).toBe('InternalFailure');
      expect(err.message).toContain('Simulator error in ssm:GetParameter');
      expect(err.message).toContain("output has member 'Parameters'");
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
      if (saved) handlers.ssm['GetParameter'] = saved;
      else delete handlers.ssm['GetParameter'];
    }
  });
});
