/** The committed SARIF 2.1.0 schema fixture is the reference file, byte for byte (where ../shared is present). */
import { describe, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SARIF_SCHEMA_PATH, validateSarif } from '../../helpers/sarif-schema.js';
import { REFERENCE_DIR, itWithReference } from '../../helpers/reference.js';

describe('SARIF schema fixture', () => {
  itWithReference('is the same file as ../shared/reference/schemas/sarif-schema-2.1.0.json', () => {
    const reference = readFileSync(path.join(REFERENCE_DIR, 'schemas', 'sarif-schema-2.1.0.json'));
    expect(readFileSync(SARIF_SCHEMA_PATH).equals(reference)).toBe(true);
  });

  it('rejects a log that is not SARIF 2.1.0', () => {
    expect(validateSarif({ version: '2.1.0', runs: [] })).toBe(true);
    expect(validateSarif({ version: '1.0.0', runs: [] })).toBe(false);
  });
});
