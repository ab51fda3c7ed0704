// Preloaded with `node --import`: records the URL of every ES module the process loads, one a line, to the file
// LOADS_FILE names (CommonJS files a package requires internally are not listed; its entry module is). Used by
// test/e2e/lazy-load.test.ts (src/ through tsx) and bench/run.ts (dist/ and its chunks).
import { register } from 'node:module';

if (process.env.LOADS_FILE) {
  register('./record-loads-hooks.mjs', import.meta.url, { data: { file: process.env.LOADS_FILE } });
}
