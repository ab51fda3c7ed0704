/** Writing the action's JSON files (reports, plans, SARIF): the one place that does it. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `value` as JSON to `file` (its directory created), through a temporary file and a rename so that a reader
 * (an upload step, the next job) never sees half a file. `indent` 0 writes one line. Returns the path written.
 */
export async function writeJsonFile(file: string, value: unknown, indent = 2): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, indent)}\n`, 'utf8');
  await rename(tmp, file);
  return file;
}
