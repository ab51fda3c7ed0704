import { describe, it, expect } from '@jest/globals';
import {
  ManagedRuleCatalog,
  checkManagedRules,
  isKnownManagedRule,
  knownParameters,
  knownResourceTypes,
  managedRuleCatalog
} from '../../../src/conformance/managed-rules.js';
import { parseConformancePack } from '../../../src/conformance/template/index.js';
import type { RuleSpec } from '../../../src/conformance/types.js';
import { CURRENT_TEMPLATE, TEMPLATE_2020, readText } from './helpers.js';
import { itWithReference } from '../../helpers/reference.js';

function rule(
  identifier: string,
  params: Record<string, string> = {},
  owner: RuleSpec['source']['owner'] = 'AWS'
): RuleSpec {
  const position = { file: 'pack.yaml', line: 10, col: 3 };
  return {
    logicalId: 'R',
    name: 'r',
    source: { owner, identifier },
    inputParameters: params,
    inputParameterPositions: Object.fromEntries(Object.keys(params).map((k, i) => [k, { ...position, line: 12 + i }])),
    position
  };
}

describe('managed rule catalog', () => {
  it('holds the 401 identifiers observed in the published packs', () => {
    expect(managedRuleCatalog().size).toBe(401);
    expect(isKnownManagedRule('S3_BUCKET_LOGGING_ENABLED')).toBe(true);
    expect(isKnownManagedRule('EC2_EBS_ENCRYPTION_BY_DEFAULT')).toBe(true);
    expect(isKnownManagedRule('s3_bucket_logging_enabled')).toBe(false);
    expect(isKnownManagedRule('NOT_A_RULE')).toBe(false);
  });

  it('lists the observed parameter keys and resource types', () => {
    expect(knownParameters('ACCESS_KEYS_ROTATED')).toEqual(['maxAccessKeyAge']);
    expect(knownParameters('IAM_PASSWORD_POLICY')).toContain('MinimumPasswordLength');
    expect(knownParameters('ACCOUNT_PART_OF_ORGANIZATIONS')).toEqual([]);
    expect(knownParameters('NOT_A_RULE')).toBeUndefined();
    expect(knownResourceTypes('ACM_CERTIFICATE_EXPIRATION_CHECK')).toEqual(['AWS::ACM::Certificate']);
    expect(knownResourceTypes('NOT_A_RULE')).toBeUndefined();
  });

  itWithReference('finds nothing to flag in either reference HIPAA template', () => {
    for (const path of [CURRENT_TEMPLATE, TEMPLATE_2020]) {
      const pack = parseConformancePack(readText(path), 'hipaa.yaml', { context: { region: 'us-east-1' } });
      expect(checkManagedRules(pack.rules)).toEqual([]);
    }
  });

  it('flags an unknown identifier as an error with a suggestion', () => {
    const issues = checkManagedRules([
      rule('S3_BUCKET_LOGING_ENABLED'),
      rule('access-keys-rotated'),
      rule('TOTALLY_MADE_UP_THING')
    ]);
    expect(issues.map(i => [i.severity, i.message])).toEqual([
      [
        'error',
        'rule r: S3_BUCKET_LOGING_ENABLED is not a known AWS managed rule identifier (did you mean S3_BUCKET_LOGGING_ENABLED?)'
      ],
      [
        'error',
        'rule r: access-keys-rotated is not a known AWS managed rule identifier (did you mean ACCESS_KEYS_ROTATED?)'
      ],
      ['error', 'rule r: TOTALLY_MADE_UP_THING is not a known AWS managed rule identifier']
    ]);
    expect(issues[0]!.position).toEqual({ file: 'pack.yaml', line: 10, col: 3 });
  });

  it('flags unknown parameters as warnings at their line, with a case hint', () => {
    const issues = checkManagedRules([
      rule('ACCESS_KEYS_ROTATED', { maxAccessKeyAge: '90', MaxAccessKeyAge: '90', days: '1' })
    ]);
    expect(issues).toEqual([
      {
        severity: 'warning',
        rule: 'r',
        position: { file: 'pack.yaml', line: 13, col: 3 },
        message:
          'rule r: input parameter MaxAccessKeyAge is not among the parameters seen for ACCESS_KEYS_ROTATED (maxAccessKeyAge); parameter names are case-sensitive: did you mean maxAccessKeyAge?'
      },
      {
        severity: 'warning',
        rule: 'r',
        position: { file: 'pack.yaml', line: 14, col: 3 },
        message:
          'rule r: input parameter days is not among the parameters seen for ACCESS_KEYS_ROTATED (maxAccessKeyAge)'
      }
    ]);
  });

  it('leaves custom rules alone', () => {
    expect(checkManagedRules([rule('arn:aws:lambda:us-east-1:1:function:x', { a: '1' }, 'CUSTOM_LAMBDA')])).toEqual([]);
  });

  it('checks against a catalog given as data, and refuses data without identifiers', () => {
    const catalog = new ManagedRuleCatalog({
      source: 'test',
      identifiers: { ONE: { parameters: ['p'], resourceTypes: [] } }
    });
    expect(catalog.check([rule('ONE', { p: '1' })])).toEqual([]);
    expect(catalog.check([rule('ONX')])[0]!.message).toBe(
      'rule r: ONX is not a known AWS managed rule identifier (did you mean ONE?)'
    );
    expect(catalog.check([rule('TWO')])[0]!.message).toBe('rule r: TWO is not a known AWS managed rule identifier');
    expect(() => new ManagedRuleCatalog({ source: 'x' } as never)).toThrow(
      'managed rule catalog: "identifiers" is missing'
    );
  });
});
