import { describe, it, expect } from '@jest/globals';
import { join } from 'node:path';
import { InputError, SourceErrors } from '../../../src/errors.js';
import {
  builtinPackNames,
  hipaaMappingFor,
  hipaaSectionsFor,
  isBuiltinPack,
  loadBuiltinPack,
  packFromData
} from '../../../src/conformance/builtin.js';
import { isSectionId, sortSections } from '../../../src/conformance/hipaa-sections.js';
import { parseConformancePack } from '../../../src/conformance/template/index.js';
import type { ConformancePack } from '../../../src/conformance/types.js';
import { CURRENT_TEMPLATE, REPO_ROOT, readText, sourceErrors } from './helpers.js';
import { itWithReference } from '../../helpers/reference.js';

const DATA_FILE = 'src/conformance/data/hipaa-security.json';
const dataText = readText(join(REPO_ROOT, DATA_FILE));
const dataLines = dataText.split('\n');

/** Rules as the template gives them, without positions and without what only the built-in pack adds. */
function comparable(pack: ConformancePack): unknown {
  return pack.rules.map(r => ({
    logicalId: r.logicalId,
    name: r.name,
    description: r.description,
    source: r.source,
    inputParameters: r.inputParameters,
    scope: r.scope,
    maximumExecutionFrequency: r.maximumExecutionFrequency,
    evaluationModes: r.evaluationModes
  }));
}

describe('built-in pack hipaa-security', () => {
  const pack = loadBuiltinPack('hipaa-security');

  it('has the 130 rules and 28 parameters of the current AWS template', () => {
    expect(builtinPackNames()).toEqual(['hipaa-security']);
    expect(isBuiltinPack('hipaa-security')).toBe(true);
    expect(isBuiltinPack('toString')).toBe(false);
    expect(pack.builtin).toBe('hipaa-security');
    expect(pack.file).toBe(DATA_FILE);
    expect(pack.description).toBe('Operational Best Practices for HIPAA Security');
    expect(pack.rules).toHaveLength(130);
    expect(Object.keys(pack.parameters)).toHaveLength(28);
    expect(pack.remediations).toEqual([]);
  });

  itWithReference('gives the same rules as parsing the reference template, with defaults and with overrides', () => {
    const template = readText(CURRENT_TEMPLATE);
    const context = { region: 'us-east-1' };
    expect(comparable(pack)).toEqual(comparable(parseConformancePack(template, 't.yaml', { context })));
    const parameters = {
      IamPasswordPolicyParamMinimumPasswordLength: '16',
      InternetGatewayAuthorizedVpcOnlyParamAuthorizedVpcIds: 'vpc-1',
      AccessKeysRotatedParamMaxAccessKeyAge: ''
    };
    const custom = loadBuiltinPack('hipaa-security', { parameters });
    expect(comparable(custom)).toEqual(comparable(parseConformancePack(template, 't.yaml', { context, parameters })));
    const byName = new Map(custom.rules.map(r => [r.name, r]));
    expect(byName.get('iam-password-policy')!.inputParameters.MinimumPasswordLength).toBe('16');
    expect(byName.get('internet-gateway-authorized-vpc-only')!.inputParameters).toEqual({ AuthorizedVpcIds: 'vpc-1' });
    expect(byName.get('access-keys-rotated')!.inputParameters).toEqual({});
    expect(custom.parameters.IamPasswordPolicyParamMinimumPasswordLength).toMatchObject({
      value: '16',
      origin: 'supplied'
    });
  });

  it('carries well-formed, sorted, unique HIPAA section ids', () => {
    for (const rule of pack.rules) {
      const sections = rule.hipaaSections ?? [];
      expect(sections.every(isSectionId)).toBe(true);
      expect(sections).toEqual(sortSections(sections));
      expect(rule.hipaaMapping === 'unknown').toBe(sections.length === 0);
    }
    const mapped = pack.rules.filter(r => r.hipaaMapping === 'mapped');
    expect(mapped).toHaveLength(103);
    expect(new Set(pack.rules.flatMap(r => r.hipaaSections ?? [])).size).toBeGreaterThan(20);
  });

  it('exposes the rules whose mapping is unknown', () => {
    const unknown = pack.rules.filter(r => r.hipaaMapping === 'unknown');
    expect(unknown).toHaveLength(27);
    expect(unknown.map(r => r.name)).toEqual(
      expect.arrayContaining([
        'opensearch-https-required',
        'backup-recovery-point-encrypted',
        'kms-cmk-not-scheduled-for-deletion'
      ])
    );
    expect(unknown.every(r => r.mappingSource === 'none' && r.hipaaSections!.length === 0)).toBe(true);
    expect(hipaaMappingFor('opensearch-https-required')).toEqual({ sections: [], mapping: 'unknown', source: 'none' });
  });

  it('maps access-keys-rotated by its row label, not by the mislinked page', () => {
    expect(hipaaMappingFor('access-keys-rotated')).toEqual({
      sections: ['164.308(a)(4)(ii)(B)'],
      mapping: 'mapped',
      source: 'cdk-nag-row-label'
    });
    // The page the row links to is a rule that is not even in the current pack.
    expect(hipaaMappingFor('iam-group-has-users-check')).toBeUndefined();
    expect(hipaaSectionsFor('iam-group-has-users-check')).toEqual([]);
  });

  it('looks up sections by rule name', () => {
    expect(hipaaSectionsFor('s3-bucket-logging-enabled')).toEqual(['164.308(a)(3)(ii)(A)', '164.312(b)']);
    expect(hipaaSectionsFor('ec2-ebs-encryption-by-default')).toEqual(['164.312(a)(2)(iv)', '164.312(e)(2)(ii)']);
    expect(hipaaSectionsFor('annual-risk-assessment-performed')).toEqual(['164.308(a)(1)(ii)(A)']);
    expect(hipaaMappingFor('annual-risk-assessment-performed')!.source).toBe('aws-config-developer-guide');
    expect(hipaaSectionsFor('no-such-rule')).toEqual([]);
  });

  it('points positions at the lines of the data file', () => {
    for (const rule of pack.rules) {
      expect(rule.position.file).toBe(DATA_FILE);
      expect(dataLines[rule.position.line - 1]).toContain(`"name": "${rule.name}"`);
      for (const [key, pos] of Object.entries(rule.inputParameterPositions)) {
        expect(dataLines[pos.line - 1]!.slice(pos.col - 1)).toMatch(new RegExp(`^"${key}"`));
      }
    }
    expect(pack.parameters.AccessKeysRotatedParamMaxAccessKeyAge!.position.file).toBe(DATA_FILE);
  });

  it('rejects an unknown parameter at the manifest position', () => {
    expect(
      sourceErrors(() =>
        loadBuiltinPack('hipaa-security', {
          parameters: { MinimumPasswordLength: '16' },
          parameterPositions: { MinimumPasswordLength: { file: 'compliance.yml', line: 5, col: 7 } }
        })
      )
    ).toEqual([
      expect.stringMatching(
        /^5:7: parameter "MinimumPasswordLength" is supplied but built-in pack hipaa-security has no such parameter \(parameters: AccessKeysRotatedParamMaxAccessKeyAge, /
      )
    ]);
  });

  it('names the available packs when asked for an unknown one', () => {
    expect(() => loadBuiltinPack('pci-dss')).toThrow(InputError);
    expect(() => loadBuiltinPack('pci-dss')).toThrow('unknown built-in pack "pci-dss"; available: hipaa-security');
    let caught: unknown;
    try {
      loadBuiltinPack('pci-dss', { position: { file: 'compliance.yml', line: 3, col: 14 } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SourceErrors);
    expect((caught as SourceErrors).errors[0]!.message).toBe(
      'compliance.yml:3:14: unknown built-in pack "pci-dss"; available: hipaa-security'
    );
  });
});

describe('packFromData (damaged data files)', () => {
  const rule = (extra: string) => `{
  "parameters": { "P": { "type": "String", "default": "" } },
  "rules": [
    {
      "logicalId": "R",
      "name": "r",
      "source": { "owner": "AWS", "identifier": "X" },
      ${extra}
    }
  ]
}`;

  it('applies omitWhenEmpty like the template condition', () => {
    const text =
      rule(`"inputParameters": { "a": { "value": "", "parameter": "P", "omitWhenEmpty": true }, "b": { "value": "1" } },
      "hipaaSections": [], "hipaaMapping": "unknown", "mappingSource": "none"`);
    expect(packFromData(text, 'd.json', 'test').rules[0]!.inputParameters).toEqual({ b: '1' });
    expect(packFromData(text, 'd.json', 'test', { parameters: { P: 'x' } }).rules[0]!.inputParameters).toEqual({
      a: 'x',
      b: '1'
    });
  });

  it('reports every problem with its line', () => {
    const text = rule(`"inputParameters": { "a": { "value": "1", "parameter": "Q" } },
      "maximumExecutionFrequency": "Hourly",
      "scope": { "tags": "x" },
      "hipaaSections": ["164.312(e)(2)(ii))", "164.312(b)"], "hipaaMapping": "mapped", "mappingSource": "cdk-nag"`);
    expect(sourceErrors(() => packFromData(text, 'd.json', 'test'))).toEqual([
      '8:62: inputParameters.a of r refers to undeclared parameter Q',
      '9:36: maximumExecutionFrequency of r must be one of One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours',
      '10:18: unknown key scope.tags of r',
      '11:25: malformed HIPAA section id "164.312(e)(2)(ii))"'
    ]);
  });

  it('checks that unknown mappings carry no sections and that fields exist', () => {
    expect(
      sourceErrors(() =>
        packFromData(
          rule(`"hipaaSections": ["164.312(b)"], "hipaaMapping": "unknown", "mappingSource": "none"`),
          'd.json',
          'test'
        )
      )
    ).toEqual(['8:56: hipaaMapping of r is "unknown" but it lists 1 sections']);
    expect(sourceErrors(() => packFromData(rule(`"hipaaMapping": "mapped"`), 'd.json', 'test'))).toEqual([
      '6:7: rule r needs hipaaSections, hipaaMapping and mappingSource'
    ]);
    expect(sourceErrors(() => packFromData('{"rules": 1}', 'd.json', 'test'))).toEqual([
      '1:11: the data file has no "rules" list'
    ]);
    expect(sourceErrors(() => packFromData('{"rules": [', 'd.json', 'test'))[0]).toMatch(/invalid YAML\/JSON/);
  });
});
