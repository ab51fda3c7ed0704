/**
 * The SARIF 2.1.0 schema as code scanning bundles it (OASIS's JSON schema, as shipped in github/codeql-action
 * src/sarif-schema-2.1.0.json @ f3f1edbedfb4a1d188d344570834df2996d45d39), committed byte for byte as a test fixture so
 * a plain clone can validate its SARIF; test/unit/report/sarif-schema-fixture.test.ts checks it against
 * ../shared/reference/schemas where that is present. Compiled with ajv (the file declares draft 2020-12).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './action-env.js';

export const SARIF_SCHEMA_PATH = path.join(REPO_ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json');

export const sarifSchema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as {
  $schema: string;
  definitions: { region: { properties: Record<string, unknown>; anyOf?: unknown } };
};

// The bundled file nests region's `anyOf` (startLine, charOffset or byteOffset required) inside `properties`, which
// is not a valid schema; in memory only, it is moved to where the OASIS schema has it, so it is enforced.
const regionDef = sarifSchema.definitions.region;
if (Array.isArray(regionDef.properties.anyOf)) {
  regionDef.anyOf = regionDef.properties.anyOf;
  delete regionDef.properties.anyOf;
}
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'https://example.invalid/') && !/\s/.test(s));
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)));

/** Validates a SARIF log; returns the schema errors (empty when valid). */
export const validateSarif = ajv.compile(sarifSchema);
