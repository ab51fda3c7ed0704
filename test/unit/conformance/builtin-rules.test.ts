/**
 * The built-in pack's rules are read by the same rule reader as templates (src/conformance/template/rules.ts):
 * what a template may not say, the data file may not say either; messages use each file's own words.
 */
import { describe, it, expect } from '@jest/globals';
import { packFromData } from '../../../src/conformance/builtin.js';
import { parseConformancePack } from '../../../src/conformance/template/index.js';
import { sourceErrors } from './helpers.js';

const context = { region: 'us-east-1' };

/** A one-rule data file; the rule's fields after name and source are `extra` (line 5 onwards). */
function data(source: string, extra = ''): string {
  return `{
  "rules": [
    {
      "logicalId": "R", "name": "r", "source": ${source},
      ${extra}${extra === '' ? '' : ','}
      "hipaaSections": [], "hipaaMapping": "unknown", "mappingSource": "none"
    }
  ]
}`;
}

/** A one-rule template; the rule's Properties after the Source (line 7 onwards). */
function template(source: string, extra = ''): string {
  return `Resources:
  R:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: r
      Source: ${source}
${extra}`;
}

const longText = 'd'.repeat(257);
const longValue = 'v'.repeat(1100);

describe('one rule reader for both pack formats', () => {
  it('accepts the same rule from both formats', () => {
    const fromData = packFromData(
      data(
        '{ "owner": "AWS", "identifier": "S3_BUCKET_LOGGING_ENABLED" }',
        '"scope": { "tagKey": "k", "tagValue": "v" }'
      ),
      'd.json',
      'test'
    ).rules[0]!;
    const fromTemplate = parseConformancePack(
      template(
        '{ Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED }',
        '      Scope: { TagKey: k, TagValue: v }'
      ),
      't.yaml',
      { context }
    ).rules[0]!;
    expect(fromData.source).toEqual(fromTemplate.source);
    expect(fromData.scope).toEqual({ tagKey: 'k', tagValue: 'v' });
    expect(fromData.scope).toEqual(fromTemplate.scope);
  });

  it.each([
    {
      what: 'a source without an identifier',
      data: ['{ "owner": "AWS" }', ''],
      template: ['{ Owner: AWS }', ''],
      dataError: '4:48: source of r has no identifier (the managed rule identifier or Lambda ARN)',
      templateError: '6:15: Source of R has no SourceIdentifier (the managed rule identifier or Lambda ARN)'
    },
    {
      what: 'a Guard rule without its policy',
      data: ['{ "owner": "CUSTOM_POLICY" }', ''],
      template: ['{ Owner: CUSTOM_POLICY }', ''],
      dataError: '4:48: source of r has owner CUSTOM_POLICY but no CustomPolicyDetails',
      templateError: '6:15: Source of R has Owner CUSTOM_POLICY but no CustomPolicyDetails'
    },
    {
      what: 'an unknown owner',
      data: ['{ "owner": "ME", "identifier": "X" }', ''],
      template: ['{ Owner: ME, SourceIdentifier: X }', ''],
      dataError: '4:59: source.owner of r must be one of AWS, CUSTOM_LAMBDA, CUSTOM_POLICY',
      templateError: '6:24: Source.Owner of R must be one of AWS, CUSTOM_LAMBDA, CUSTOM_POLICY, found the string "ME"'
    },
    {
      what: 'a description longer than 256 characters',
      data: ['{ "owner": "AWS", "identifier": "X" }', `"description": "${longText}"`],
      template: ['{ Owner: AWS, SourceIdentifier: X }', `      Description: ${longText}`],
      dataError: '5:22: description of r is longer than 256 characters',
      templateError: '7:20: Description of R is longer than 256 characters'
    },
    {
      what: 'a TagValue without a TagKey',
      data: ['{ "owner": "AWS", "identifier": "X" }', '"scope": { "tagValue": "v" }'],
      template: ['{ Owner: AWS, SourceIdentifier: X }', '      Scope: { TagValue: v }'],
      dataError: '5:16: scope of r has a tagValue without a tagKey',
      templateError: '7:14: Scope of R has a TagValue without a TagKey'
    },
    {
      what: 'an empty TagKey',
      data: ['{ "owner": "AWS", "identifier": "X" }', '"scope": { "tagKey": "" }'],
      template: ['{ Owner: AWS, SourceIdentifier: X }', '      Scope: { TagKey: "" }'],
      dataError: '5:28: scope.tagKey of r must be 1 to 128 characters',
      templateError: '7:24: Scope.TagKey of R must be 1 to 128 characters'
    },
    {
      what: 'input parameters over 1024 characters as JSON',
      data: ['{ "owner": "AWS", "identifier": "X" }', `"inputParameters": { "a": { "value": "${longValue}" } }`],
      template: ['{ Owner: AWS, SourceIdentifier: X }', `      InputParameters: { a: ${longValue} }`],
      dataError: '5:7: inputParameters of r is 1108 characters as JSON; AWS Config accepts at most 1024',
      templateError: '7:7: InputParameters of R is 1108 characters as JSON; AWS Config accepts at most 1024'
    }
  ])('refuses $what in both formats, in each format’s words', c => {
    expect(sourceErrors(() => packFromData(data(c.data[0]!, c.data[1]), 'd.json', 'test'))).toEqual([c.dataError]);
    expect(
      sourceErrors(() => parseConformancePack(template(c.template[0]!, c.template[1]), 't.yaml', { context }))
    ).toEqual([c.templateError]);
  });
});

describe('built-in data rules drop nothing', () => {
  it('reports a key of a rule or of its source that nothing reads', () => {
    const text = data('{ "owner": "AWS", "identifier": "X", "details": [] }', '"evaluationModes": []');
    expect(sourceErrors(() => packFromData(text, 'd.json', 'test'))).toEqual([
      '4:85: unknown key source.details of r',
      '5:7: unknown key evaluationModes of r'
    ]);
  });

  it('reads AWS-style keys in the data file as unknown, not as the property they name', () => {
    const text = data('{ "owner": "AWS", "SourceIdentifier": "X" }', '"Scope": { "TagKey": "k" }');
    expect(sourceErrors(() => packFromData(text, 'd.json', 'test'))).toEqual([
      '4:48: source of r has no identifier (the managed rule identifier or Lambda ARN)',
      '4:66: unknown key source.SourceIdentifier of r',
      '5:7: unknown key Scope of r'
    ]);
  });
});
