import { describe, expect, it } from '@jest/globals';
import { chunk, mapLimit } from '../../src/util/concurrency.js';
import { runInfoFromEnv } from '../../src/run-context.js';

describe('mapLimit', () => {
  it('keeps order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise(r => setImmediate(r));
      inFlight--;
      return n * 10 + i;
    });
    expect(out).toEqual([50, 11, 42, 23, 34]);
    expect(peak).toBe(2);
    expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([]);
  });
  it('chunks', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(
      chunk(
        Array.from({ length: 26 }, (_, i) => i),
        25
      ).map(c => c.length)
    ).toEqual([25, 1]);
  });
});

describe('runInfoFromEnv', () => {
  it('builds the run URL', () => {
    const info = runInfoFromEnv({
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '9',
      GITHUB_SERVER_URL: 'https://ghe.example'
    });
    expect(info.runUrl).toBe('https://ghe.example/o/r/actions/runs/9');
    expect(runInfoFromEnv({}).runUrl).toBeUndefined();
  });
});
