import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUTS } from '../../src/inputs.js';
import { OUTPUTS } from '../../src/outputs.js';
import { VERSION } from '../../src/version.js';
import { REPO_ROOT } from '../helpers/action-env.js';

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml;
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** Rows of the README table under a heading: `| \`name\` | ... |`. */
function readmeTable(heading: string): Map<string, string[]> {
  const start = readme.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows = new Map<string, string[]>();
  for (const line of readme.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (m)
      rows.set(
        m[1]!,
        m[2]!.split('|').map(c => c.trim())
      );
  }
  return rows;
}

describe('action.yml, src/inputs.ts, src/outputs.ts and README agree', () => {
  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs inputs.ts reads, with the same defaults and descriptions', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [name, spec] of Object.entries(INPUTS)) {
      const declared = action.inputs[name]!;
      expect(declared.description).toBe(spec.description);
      expect(declared.required ?? false).toBe('required' in spec ? spec.required : false);
      if ('default' in spec) expect(declared.default).toBe(spec.default);
      else expect(declared.default).toBeUndefined();
    }
  });

  it('declares exactly the outputs outputs.ts sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(OUTPUTS).sort());
    for (const [name, description] of Object.entries(OUTPUTS))
      expect(action.outputs[name]!.description).toBe(description);
  });

  it("README's inputs table lists every input with its default", () => {
    const rows = readmeTable('### Inputs');
    expect([...rows.keys()].sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [name, spec] of Object.entries(INPUTS)) {
      const cells = rows.get(name)!;
      const expected = 'default' in spec ? (spec.default === '' ? '' : `\`${spec.default}\``) : 'required';
      expect(cells[0]).toBe(expected);
    }
  });

  it("README's outputs table lists every output", () => {
    expect([...readmeTable('### Outputs').keys()].sort()).toEqual(Object.keys(OUTPUTS).sort());
  });

  it('the user agent version is the package version', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
