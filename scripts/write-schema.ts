/** npm run schema: writes schema/compliance.schema.json from src/manifest/schema.ts. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestSchema } from '../src/manifest/schema.js';
import { REPO_ROOT } from '../test/helpers/action-env.js';

writeFileSync(join(REPO_ROOT, 'schema', 'compliance.schema.json'), JSON.stringify(manifestSchema, null, 2) + '\n');
process.stdout.write('wrote schema/compliance.schema.json\n');
