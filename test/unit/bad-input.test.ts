/** The pure pieces behind the bad-input errors: calendar dates, the YAML reader, workspace paths, the rules quota. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceError } from '../../src/errors.js';
import { CONFIG_RULES_QUOTA, rulesQuotaWarning } from '../../src/desired/load.js';
import { calendarDateProblem } from '../../src/util/dates.js';
import { parseManifest } from '../../src/manifest/load.js';
import {
  checkInputFile,
  checkOutputDirectory,
  checkOutputFile,
  checkPathInputs,
  outsideWorkspace
} from '../../src/util/paths.js';
import { MAX_ALIAS_COUNT, readYaml, yamlToJS } from '../../src/source/yaml.js';

describe('calendarDateProblem', () => {
  it.each(['2026-01-31', '2026-02-28', '2028-02-29', '2000-02-29', '2026-04-30', '2026-12-31'])('%s is a date', d =>
    expect(calendarDateProblem(d)).toBeUndefined()
  );
  it.each([
    ['2027-02-30', 'day 30 does not exist in 2027-02 (28 days)'],
    ['2026-02-29', 'day 29 does not exist in 2026-02 (28 days)'],
    ['2100-02-29', 'day 29 does not exist in 2100-02 (28 days)'],
    ['2028-02-30', 'day 30 does not exist in 2028-02 (29 days)'],
    ['2026-04-31', 'day 31 does not exist in 2026-04 (30 days)'],
    ['2026-01-32', 'day 32 does not exist in 2026-01 (31 days)'],
    ['2026-01-00', 'day 00 does not exist in 2026-01 (31 days)'],
    ['2026-13-01', 'month 13 does not exist'],
    ['2026-00-01', 'month 00 does not exist'],
    ['2026-1-01', 'not a date in the form YYYY-MM-DD'],
    ['2026-01-01T00:00:00Z', 'not a date in the form YYYY-MM-DD']
  ])('%s is not: %s', (d, why) => expect(calendarDateProblem(d)).toBe(why));
});

describe('waiver expiry in the manifest', () => {
  const waiver = (expires: string): string =>
    [
      'version: 1',
      'rules:',
      '  - name: s3-bucket-logging-enabled',
      '    identifier: S3_BUCKET_LOGGING_ENABLED',
      'waivers:',
      '  - rule: s3-bucket-logging-enabled',
      '    resource: b',
      '    reason: accepted',
      '    owner: alice',
      `    expires: ${expires}`
    ].join('\n');
  it('29 February of a leap year is a date; of another year, an error naming file:line', () => {
    expect(parseManifest(waiver('2028-02-29'), 'c.yml', '2026-12-03').waivers[0]?.expires).toBe('2028-02-29');
    expect(() => parseManifest(waiver('2027-02-29'), 'c.yml', '2026-12-03')).toThrow(
      "c.yml:10:14: waiver expiry '2027-02-29' is not a date: day 29 does not exist in 2027-02 (28 days)"
    );
  });
});

describe('readYaml / yamlToJS', () => {
  const bomb = (width: number): string =>
    [
      `a: &a [${Array(width).fill('x').join(', ')}]`,
      `b: &b [${Array(width).fill('*a').join(', ')}]`,
      `c: &c [${Array(width).fill('*b').join(', ')}]`,
      `d: &d [${Array(width).fill('*c').join(', ')}]`
    ].join('\n');

  it('reports every repeated key of a map at the repeated key, in text order', () => {
    const parsed = readYaml('a: 1\nb:\n  x: 1\n  x: 2\na: 3\n');
    expect(parsed.errors.map(e => [parsed.position(e.offset), e.message])).toEqual([
      [{ line: 4, col: 3 }, 'Map keys must be unique'],
      [{ line: 5, col: 1 }, 'Map keys must be unique']
    ]);
  });

  it('does not count equal keys of different maps, nor keys that differ in type', () => {
    expect(readYaml('a: {x: 1}\nb: {x: 1}\n').errors).toEqual([]);
    expect(readYaml('1: a\n"1": b\n').errors).toEqual([]);
  });

  it('expands aliases up to the limit and names file:line of the first alias beyond it', () => {
    expect(yamlToJS(readYaml('a: &a [1]\nb: *a\n'), 'f.yml')).toEqual({ a: [1], b: [1] });
    expect(yamlToJS(readYaml(bomb(2)), 'f.yml')).toBeDefined(); // 2^4 nodes: under the limit
    const err = (() => {
      try {
        yamlToJS(readYaml(bomb(9)), 'f.yml');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toBe(
      `f.yml:2:8: YAML alias expansion limit exceeded (maxAliasCount ${MAX_ALIAS_COUNT})`
    );
  });

  it('an alias to no anchor is an error naming the alias', () => {
    expect(() => yamlToJS(readYaml('x: 1\ny: *nothing\n'), 'f.yml')).toThrow(/^f\.yml:2:4: invalid YAML: /);
  });
});

describe('paths', () => {
  let dir = '';
  let ws = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cg-paths-'));
    ws = join(dir, 'ws');
    mkdirSync(join(ws, 'sub'), { recursive: true });
    writeFileSync(join(ws, 'sub', 'in.yaml'), 'x');
    writeFileSync(join(dir, 'out.yaml'), 'x');
    symlinkSync(join(dir, 'out.yaml'), join(ws, 'escape.yaml'));
    symlinkSync(join(ws, 'sub', 'in.yaml'), join(ws, 'inner.yaml'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('outsideWorkspace: inside, missing inside, outside, escaping link, link that stays', () => {
    expect(outsideWorkspace(join(ws, 'sub', 'in.yaml'), ws)).toBeUndefined();
    expect(outsideWorkspace(join(ws, 'sub', 'missing.yaml'), ws)).toBeUndefined();
    expect(outsideWorkspace(join(ws, 'inner.yaml'), ws)).toBeUndefined();
    expect(outsideWorkspace(join(ws, '..', 'out.yaml'), ws)).toMatch(/out\.yaml is outside the workspace .*ws;/);
    expect(outsideWorkspace(join(ws, '..', 'missing.yaml'), ws)).toMatch(/is outside the workspace/);
    expect(outsideWorkspace(join(ws, 'escape.yaml'), ws)).toMatch(
      /escape\.yaml is outside the workspace .*\(it resolves to .*out\.yaml\)/
    );
  });

  it('output and input path checks name the input and the value', () => {
    expect(() => checkOutputDirectory('report-dir', join(ws, 'new', 'deeper'))).not.toThrow();
    expect(() => checkOutputDirectory('report-dir', ws)).not.toThrow();
    expect(() => checkOutputDirectory('report-dir', join(dir, 'out.yaml'))).toThrow(
      `Input 'report-dir': '${join(dir, 'out.yaml')}' is a file, not a directory.`
    );
    expect(() => checkOutputFile('sarif-file', join(ws, 'sub'))).toThrow(
      `Input 'sarif-file': '${join(ws, 'sub')}' is a directory, not a file.`
    );
    expect(() => checkOutputFile('sarif-file', join(dir, 'out.yaml', 'x.sarif'))).toThrow(
      /^Input 'sarif-file': '.*out\.yaml\/x\.sarif' cannot be created: .*out\.yaml is a file, not a directory\.$/
    );
    expect(() => checkOutputFile('sarif-file', join(dir, 'out.yaml'))).not.toThrow();
    expect(() => checkInputFile('baseline', join(dir, 'out.yaml'))).not.toThrow();
    expect(() => checkInputFile('baseline', join(dir, 'nope.json'))).toThrow(
      `Input 'baseline': the file '${join(dir, 'nope.json')}' does not exist.`
    );
  });

  it('approved-plan-file is checked only for remediate: apply', () => {
    const base = { reportDir: join(ws, 'r'), sarifFile: join(ws, 'r', 'x.sarif') };
    const planFile = join(dir, 'out.yaml');
    expect(() => checkPathInputs({ ...base, approvedPlanFile: planFile, remediate: 'plan' })).not.toThrow();
    expect(() => checkPathInputs({ ...base, approvedPlanFile: planFile, remediate: 'apply' })).toThrow(
      /^Input 'approved-plan-file': '.*out\.yaml' is not JSON/
    );
  });
});

describe('rulesQuotaWarning', () => {
  it('warns above AWS Config quota of rules per account per Region only', () => {
    expect(CONFIG_RULES_QUOTA).toBe(1000);
    expect(rulesQuotaWarning(1000, 'c.yml')).toBeUndefined();
    expect(rulesQuotaWarning(1001, 'c.yml')?.message).toMatch(
      /^c\.yml:1:1: 1001 rules declared: more than AWS Config's quota of 1000 rules per account per Region/
    );
  });
});
