/**
 * Loading a runbook file: the thin edge (file system) around the pure parse + validate core.
 */
import { readFile } from 'node:fs/promises';
import { SourceError, SourceErrors } from '../errors.js';
import { parseRunbook } from './parse.js';
import type { ParseOptions } from './parse.js';
import type { Runbook } from './types.js';
import { checkRunbook } from './validate/index.js';
import type { ValidateOptions } from './validate/index.js';

type LoadOptions = ParseOptions & ValidateOptions;

/**
 * Parses and validates runbook text; throws SourceErrors with every problem (YAML syntax or validation). The
 * validation's warnings are returned in `runbook.warnings`.
 */
export function loadRunbook(text: string, file: string, options: LoadOptions = {}): Runbook {
  const runbook = parseRunbook(text, file, options.name === undefined ? {} : { name: options.name });
  const { errors, warnings } = checkRunbook(
    runbook,
    options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }
  );
  if (errors.length > 0) throw new SourceErrors(errors);
  return { ...runbook, warnings };
}

/**
 * Reads, parses and validates a runbook file. `displayFile` is the name used in messages (e.g. the path relative to
 * the repository root); it defaults to `path`.
 */
export async function readRunbook(
  path: string,
  options: LoadOptions & { displayFile?: string } = {}
): Promise<Runbook> {
  const file = options.displayFile ?? path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourceErrors([
      new SourceError(
        file,
        1,
        1,
        code === 'ENOENT' ? 'runbook file not found' : `cannot read the runbook: ${String(err)}`
      )
    ]);
  }
  const { displayFile: _displayFile, ...rest } = options;
  return loadRunbook(text, file, rest);
}
