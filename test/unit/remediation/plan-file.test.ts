import { describe, expect, it } from '@jest/globals';
import { parsePlanJson } from '../../../src/remediation/plan-file.js';
import { selectCandidates } from '../../../src/remediation/select.js';
import { bindings, plan, result } from './fixtures.js';

const noFilter = { rules: [], resources: [] };

describe('parsePlanJson', () => {
  const good = plan(selectCandidates(result(), bindings(), noFilter)).plan;

  it('reads a plan whose hash matches its content', () => {
    expect(parsePlanJson(JSON.stringify(good), 'p.json')).toEqual(good);
  });

  it('refuses a plan edited after it was hashed', () => {
    const edited = structuredClone(good);
    edited.targets[0]!.parameters['TopicArn'] = ['arn:aws:sns:us-east-1:123456789012:attacker'];
    expect(() => parsePlanJson(JSON.stringify(edited), 'p.json')).toThrow(
      /p\.json was modified: its content hashes to/
    );
  });

  it('refuses what is not a plan, naming the file and the problem', () => {
    expect(() => parsePlanJson('{', 'p.json')).toThrow(/p\.json is not JSON/);
    expect(() => parsePlanJson('[]', 'p.json')).toThrow(/not an object/);
    expect(() => parsePlanJson(JSON.stringify({ ...good, schemaVersion: 2 }), 'p.json')).toThrow(
      /schemaVersion is not 1/
    );
    expect(() => parsePlanJson(JSON.stringify({ ...good, hash: 1 }), 'p.json')).toThrow(/hash is not a string/);
    expect(() => parsePlanJson(JSON.stringify({ ...good, targets: {} }), 'p.json')).toThrow(/targets is not a list/);
    const bad = structuredClone(good) as unknown as { targets: Record<string, unknown>[] };
    bad.targets[1]!['route'] = 'lambda';
    expect(() => parsePlanJson(JSON.stringify(bad), 'p.json')).toThrow(/targets\[1\] lacks a field/);
  });
});
