/**
 * npm run iam-tables: writes README's IAM section (between `<!-- iam:start -->` and `<!-- iam:end -->`) from the
 * policy files in iam/. test/unit/iam-tables.test.ts fails when README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/helpers/action-env.js';
import { withIamSection } from './lib/iam-tables.js';

const readmePath = join(REPO_ROOT, 'README.md');
writeFileSync(readmePath, withIamSection(readFileSync(readmePath, 'utf8'), REPO_ROOT));
