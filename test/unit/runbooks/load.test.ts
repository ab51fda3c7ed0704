import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceErrors } from '../../../src/errors.js';
import { loadRunbook, readRunbook } from '../../../src/runbooks/load.js';

const FIXTURES = 'test/fixtures/runbooks';

async function rejection(promise: Promise<unknown>): Promise<SourceErrors> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof SourceErrors) return err;
    throw err;
  }
  throw new Error('expected SourceErrors');
}

describe('loadRunbook', () => {
  it('returns a valid runbook', () => {
    const file = 'examples/seed/runbooks/my-hipaa-alerting-runbook.yaml';
    const runbook = loadRunbook(readFileSync(file, 'utf8'), file);
    expect(runbook.name).toBe('my-hipaa-alerting-runbook');
    expect(runbook.steps.map(s => s.name)).toEqual(['PublishAlert']);
  });

  it('returns what validation could not check as warnings', () => {
    const text = [
      "schemaVersion: '0.3'",
      'parameters:',
      '  Word:',
      '    type: String',
      "    allowedPattern: '\\p{InGreek}+'",
      '    default: anything',
      'mainSteps:',
      '  - {name: Wait, action: aws:sleep, inputs: {Duration: PT1S}}'
    ].join('\n');
    const runbook = loadRunbook(text, 'Greek.yaml');
    expect(runbook.warnings?.map(w => w.message)).toEqual([
      "Greek.yaml:5:21: parameter 'Word': allowedPattern \\p{InGreek}+ cannot be checked here (Unicode block " +
        '\\p{InGreek} is not translated (JavaScript has no block properties) at offset 0); the action does not check ' +
        'the default or parameter values against it, SSM still does'
    ]);
    expect(loadRunbook(readFileSync(`${FIXTURES}/valid-full.yaml`, 'utf8'), 'valid-full.yaml').warnings).toEqual([]);
  });

  it('throws every validation problem at once', () => {
    const file = `${FIXTURES}/several-problems.yaml`;
    expect(() => loadRunbook(readFileSync(file, 'utf8'), file)).toThrow(SourceErrors);
    expect(() => loadRunbook(readFileSync(file, 'utf8'), file)).toThrow('7 problems found');
  });

  it('passes the name and step limit options through', () => {
    const text = readFileSync(`${FIXTURES}/valid-full.yaml`, 'utf8');
    expect(loadRunbook(text, 'x.yaml', { name: 'Named' }).name).toBe('Named');
    expect(() => loadRunbook(text, 'x.yaml', { maxSteps: 3 })).toThrow('the limit is 3');
  });
});

describe('readRunbook', () => {
  it('reads, parses and validates a file, naming it by displayFile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runbooks-'));
    const path = join(dir, 'Fix-It.yaml');
    writeFileSync(path, readFileSync(`${FIXTURES}/bad-schema-version.yaml`, 'utf8'));
    const err = await rejection(readRunbook(path, { displayFile: 'runbooks/Fix-It.yaml' }));
    expect(err.errors.map(e => e.message)).toEqual([
      "runbooks/Fix-It.yaml:1:16: schemaVersion is '2.2'; Automation runbooks use '0.3'"
    ]);
    writeFileSync(path, readFileSync(`${FIXTURES}/valid.json`, 'utf8'));
    const runbook = await readRunbook(path);
    expect(runbook.file).toBe(path);
    expect(runbook.name).toBe('Fix-It');
  });

  it('reports a missing file as a source error', async () => {
    const err = await rejection(readRunbook('does/not/exist.yaml'));
    expect(err.errors.map(e => e.message)).toEqual(['does/not/exist.yaml:1:1: runbook file not found']);
  });

  it('reports an unreadable path (a directory) as a source error', async () => {
    const err = await rejection(readRunbook(tmpdir(), { displayFile: 'tmp.yaml' }));
    expect(err.errors[0]?.message).toMatch(/^tmp\.yaml:1:1: cannot read the runbook: /);
  });
});
