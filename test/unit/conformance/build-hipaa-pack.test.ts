import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  HIPAA_DATA_FILE,
  MANAGED_RULES_DATA_FILE,
  buildHipaaPackData,
  buildManagedRulesData,
  parseCdkNagMapping
} from '../../../scripts/build-hipaa-pack.js';
import { REFERENCE, readText } from './helpers.js';
import { join } from 'node:path';
import { itWithReference, whereReference } from '../../helpers/reference.js';

const cdkNag = whereReference(() =>
  readText(join(REFERENCE, 'hipaa-mapping', 'cdk-nag-RULES-hipaa-security-section.md'))
);

describe('scripts/build-hipaa-pack.ts', () => {
  itWithReference('reproduces the committed data files from the reference inputs', () => {
    expect(buildHipaaPackData(REFERENCE)).toEqual(JSON.parse(readFileSync(HIPAA_DATA_FILE, 'utf8')));
    expect(buildManagedRulesData(REFERENCE)).toEqual(JSON.parse(readFileSync(MANAGED_RULES_DATA_FILE, 'utf8')));
  });

  itWithReference('reads the 125 cdk-nag rows, fixing the stray parenthesis', () => {
    const rows = parseCdkNagMapping(cdkNag);
    expect(rows).toHaveLength(125);
    expect(rows.find(r => r.rule === 'api-gw-cache-enabled-and-encrypted')!.sections).toEqual([
      '164.312(a)(2)(iv)',
      '164.312(e)(2)(ii)'
    ]);
    expect(rows.flatMap(r => r.sections).every(s => !s.endsWith('))'))).toBe(true);
  });

  itWithReference('takes the access-keys-rotated row by its label and records the mislink', () => {
    const rows = parseCdkNagMapping(cdkNag);
    const keys = rows.filter(r => r.rule === 'access-keys-rotated');
    expect(keys).toEqual([
      {
        rule: 'access-keys-rotated',
        sections: ['164.308(a)(4)(ii)(B)'],
        line: 111,
        table: 'Excluded Rules',
        mislinkedTo: 'iam-group-has-users-check'
      }
    ]);
    // The rule the link points at keeps its own row only.
    expect(rows.filter(r => r.rule === 'iam-group-has-users-check').map(r => r.line)).toEqual([57]);
  });

  it('stops on a label/link mismatch it has not been told about, and on malformed ids', () => {
    const url = (slug: string) => `https://docs.aws.amazon.com/config/latest/developerguide/${slug}.html`;
    expect(() =>
      parseCdkNagMapping(
        `### Excluded Rules\n| [root-account-mfa-enabled](${url('iam-user-mfa-enabled')}) | 164.312(d) |\n`
      )
    ).toThrow(/:2: row root-account-mfa-enabled links to iam-user-mfa-enabled/);
    expect(() => parseCdkNagMapping(`### Errors\n| [HIPAA.Security-X](${url('x')}) | cause | 164.3x(d) |\n`)).toThrow(
      /:2: malformed HIPAA section id "164.3x\(d\)"/
    );
  });

  itWithReference('records where every mapping comes from', () => {
    const data = buildHipaaPackData(REFERENCE);
    const count = (source: string) => data.rules.filter(r => r.mappingSource === source).length;
    expect([count('cdk-nag'), count('cdk-nag-row-label'), count('aws-config-developer-guide'), count('none')]).toEqual([
      101, 1, 1, 27
    ]);
    expect(Object.keys(data.mappingSources)).toEqual(['cdk-nag', 'cdk-nag-row-label', 'aws-config-developer-guide']);
    expect(data.rules.find(r => r.name === 'restricted-common-ports')!.inputParameters.blockedPort1).toEqual({
      value: '20',
      parameter: 'RestrictedIncomingTrafficParamBlockedPort1',
      omitWhenEmpty: true
    });
  });
});
