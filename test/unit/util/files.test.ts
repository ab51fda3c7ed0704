/** writeJsonFile writes what JSON.stringify would, in pieces (src/util/files.ts). */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonChunks, writeJsonFile } from '../../../src/util/files.js';

const samples: unknown[] = [
  null,
  0,
  -1.5e-7,
  'text "quoted" \\ \n\u2028 ünïcode 🎉',
  true,
  [],
  {},
  [[]],
  { a: {} },
  [1, 'two', null, { three: [3] }],
  { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
  [undefined, () => 1, Symbol('s')],
  { when: new Date(Date.UTC(2026, 11, 3, 19, 0, 0)) },
  { nested: { deeper: { list: [{ x: 1, y: [true, false] }, 'z'] } }, empty: [], nothing: null },
  { custom: { toJSON: (key: string) => `made for ${key}` } },
  { nan: NaN, inf: Infinity }
];

describe('jsonChunks', () => {
  it.each([0, 2, 4])('joins to JSON.stringify(value, null, %i) for plain data', indent => {
    for (const v of samples) expect([...jsonChunks(v, indent)].join('')).toBe(JSON.stringify(v, null, indent));
  });

  it('a top-level value JSON.stringify leaves out yields nothing', () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
    expect([...jsonChunks(() => 1)]).toEqual([]);
  });
});

describe('writeJsonFile', () => {
  it('writes the JSON and a newline through a temporary file, large values included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'files-'));
    try {
      const big = {
        findings: Array.from({ length: 5000 }, (_, i) => ({ id: `r-${i}`, note: 'x'.repeat(i % 50), n: i }))
      };
      const file = await writeJsonFile(join(dir, 'sub', 'big.json'), big);
      expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(big, null, 2)}\n`);
      const one = await writeJsonFile(join(dir, 'one.json'), { a: [1, 2] }, 0);
      expect(readFileSync(one, 'utf8')).toBe('{"a":[1,2]}\n');
      expect(readdirSync(join(dir, 'sub'))).toEqual(['big.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a value that cannot be serialized leaves no file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'files-'));
    try {
      await expect(writeJsonFile(join(dir, 'bad.json'), { n: 1n })).rejects.toThrow(/BigInt/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
