/**
 * The layer rule of `npm run lint` (.dependency-cruiser.cjs), run as lint runs it (the depcruise CLI): on a small
 * fixture tree with one wrong-way import per rule, and on src/, which has none.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}
interface Cruise {
  summary: { violations: Violation[] };
  modules: { source: string; dependencies: { resolved: string }[] }[];
}

/** The cruise as JSON (the json reporter always exits 0). */
function cruise(cwd: string): Cruise {
  const out = execFileSync(process.execPath, [CLI, '--config', CONFIG, '--output-type', 'json', 'src'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  });
  return JSON.parse(out) as Cruise;
}

/** The exit status of depcruise as `npm run lint` runs it. */
function lintStatus(cwd: string): number {
  try {
    execFileSync(process.execPath, [CLI, '--config', CONFIG, 'src'], { cwd, stdio: 'pipe' });
    return 0;
  } catch (err) {
    return (err as { status: number }).status;
  }
}

const violations = (r: Cruise): string[] =>
  r.summary.violations.map(v => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();

describe('layer rule on a fixture tree', () => {
  let dir: string;
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
      include: ['src', 'test']
    }),
    'test/helpers/double.ts': 'export const double = 2;\n',
    'src/inputs.ts': 'export interface Options { a: number }\nexport const parseInputs = 1;\n',
    'src/report/summary.ts': 'export const summary = 1;\n',
    'src/report/json.ts': 'export const json = 1;\n',
    'src/report/sections/deploy-plan.ts': 'export const plan = 1;\n',
    'src/aws/clients.ts': 'export const clients = 1;\n',
    // compliance -> report: the import the issue names.
    'src/compliance/check.ts': "import { summary } from '../report/summary.js';\nexport const check = summary;\n",
    // main.ts may import report/.
    'src/main.ts': "import { summary } from './report/summary.js';\nexport const run = summary;\n",
    // bottom -> aws.
    'src/util/text.ts': "import { clients } from '../aws/clients.js';\nexport const text = clients;\n",
    // Two report/ imports from a phase, and a value import of inputs.ts.
    'src/deploy/phase.ts':
      "import { plan } from '../report/sections/deploy-plan.js';\nimport { json } from '../report/json.js';\n" +
      "import { parseInputs } from '../inputs.js';\nexport const deploy = plan + json + parseInputs;\n",
    // A phase may import inputs.ts's types.
    'src/gate/gate.ts': "import type { Options } from '../inputs.js';\nexport const gate = (o: Options) => o.a;\n",
    // src/ -> test/.
    'src/locate/phase.ts': "import { double } from '../../test/helpers/double.js';\nexport const locate = double;\n",
    // A folder in no layer.
    'src/elsewhere/thing.ts': "import { clients } from '../aws/clients.js';\nexport const thing = clients;\n"
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'layers-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on each wrong-way import, and only on those', () => {
    expect(lintStatus(dir)).not.toBe(0);
    expect(violations(cruise(dir))).toEqual(
      [
        'only-main-imports-report: src/compliance/check.ts -> src/report/summary.ts',
        'only-main-imports-report: src/deploy/phase.ts -> src/report/json.ts',
        'only-main-imports-report: src/deploy/phase.ts -> src/report/sections/deploy-plan.ts',
        'bottom-imports-no-higher-layer: src/util/text.ts -> src/aws/clients.ts',
        'phases-import-input-types-only: src/deploy/phase.ts -> src/inputs.ts',
        'src-files-belong-to-a-layer: src/elsewhere/thing.ts -> src/aws/clients.ts',
        'src-imports-no-packages-or-tests: src/locate/phase.ts -> test/helpers/double.ts'
      ].sort()
    );
  });
});

describe('layer rule on src/', () => {
  let result: Cruise;
  beforeAll(() => {
    result = cruise(ROOT);
  });

  it('passes', () => {
    expect(violations(result)).toEqual([]);
  });
});
