/** Writing the action's JSON files (reports, plans, SARIF): the one place that does it. */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `value` as JSON to `file` (its directory created), through a temporary file and a rename so that a reader
 * (an upload step, the next job) never sees half a file. `indent` 0 writes one line. Returns the path written.
 *
 * The text is the same as `JSON.stringify(value, null, indent)` plus a newline, but written piece by piece
 * (jsonChunks): a report of 100k findings is never held as one string besides its objects (issue 15).
 */
export async function writeJsonFile(file: string, value: unknown, indent = 2): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeChunks(tmp, jsonChunks(value, indent));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await rename(tmp, file);
  return file;
}

/** Bytes gathered before a write: few system calls, little held. */
const WRITE_AT = 64 * 1024;

async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await Promise.race([new Promise<void>(r => stream.once('drain', () => r())), failed]);
  };
  try {
    let pending = '';
    for (const c of chunks) {
      pending += c;
      if (pending.length >= WRITE_AT) {
        await write(pending);
        pending = '';
      }
    }
    await write(`${pending}\n`);
    await Promise.race([new Promise<void>(r => stream.end(r)), failed]);
  } catch (err) {
    // The stream opens its file asynchronously: close it before the caller removes the file, or the open would
    // recreate it after the removal.
    failed.catch(() => undefined);
    if (!stream.closed) await new Promise<void>(r => stream.destroy().once('close', () => r()));
    throw err;
  }
}

type Json = unknown;

/**
 * JSON.stringify(value, null, indent) in pieces, for plain data (objects, arrays, strings, numbers, booleans, null;
 * toJSON honoured, as Date has it): an object's undefined, function and symbol members are left out and an array's
 * become null, as JSON.stringify does (ECMA-262, SerializeJSONProperty).
 */
export function* jsonChunks(value: Json, indent = 2): Generator<string> {
  const top = serializable(value, '');
  if (top === undefined) return;
  yield* chunksOf(top, indent > 0 ? ' '.repeat(Math.min(indent, 10)) : '', '');
}

/** The value JSON.stringify would serialize for `key`: toJSON applied; undefined when it is left out. */
function serializable(value: Json, key: string): Json {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  return v;
}

function* chunksOf(v: Json, gap: string, at: string): Generator<string> {
  if (v === null || typeof v !== 'object') {
    yield JSON.stringify(v);
    return;
  }
  const inner = at + gap;
  const open = gap ? `\n${inner}` : '';
  const sep = gap ? `,\n${inner}` : ',';
  const close = gap ? `\n${at}` : '';
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield '[]';
      return;
    }
    yield `[${open}`;
    for (let i = 0; i < v.length; i++) {
      if (i > 0) yield sep;
      const item = serializable(v[i], String(i));
      if (item === undefined) yield 'null';
      else yield* chunksOf(item, gap, inner);
    }
    yield `${close}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(v)) {
    const member = serializable((v as Record<string, unknown>)[key], key);
    if (member === undefined) continue;
    yield `${first ? `{${open}` : sep}${JSON.stringify(key)}:${gap ? ' ' : ''}`;
    first = false;
    yield* chunksOf(member, gap, inner);
  }
  yield first ? '{}' : `${close}}`;
}
