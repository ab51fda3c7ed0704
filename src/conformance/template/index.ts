/**
 * Conformance pack templates (AWS's format: CloudFormation-like YAML or JSON) -> typed rule and remediation specs.
 * parseConformancePack is pure; loadConformancePackFile is the thin edge that reads the file.
 */
import { readFile } from 'node:fs/promises';
import { SourceErrors } from '../../errors.js';
import { readSourceTree } from '../../source/cloudformation.js';
import { ErrorSink } from '../../source/collector.js';
import type { ConformancePack, PackOptions } from '../types.js';
import { readTemplate } from './reader.js';

export { PACK_RESOURCE_TYPES } from './resources.js';

/**
 * Parses a conformance pack template. All problems are collected and thrown together as SourceErrors, each naming
 * file:line:col.
 */
export function parseConformancePack(text: string, file: string, options: PackOptions): ConformancePack {
  const sink = new ErrorSink();
  const root = readSourceTree(text, file, sink);
  if (root === undefined) {
    sink.throwIfAny();
    throw new SourceErrors([]); // unreachable: readSourceTree reports why it returned nothing
  }
  const pack = readTemplate(root, file, sink, options);
  sink.throwIfAny();
  return pack;
}

/** Reads and parses a template file; displayPath (e.g. repo-relative) is the name used in messages. */
export async function loadConformancePackFile(
  path: string,
  options: PackOptions,
  displayPath: string = path
): Promise<ConformancePack> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    const sink = new ErrorSink();
    sink.add({ file: displayPath, line: 1, col: 1 }, `cannot read the conformance pack template (${code})`);
    return sink.throwAll();
  }
  return parseConformancePack(text, displayPath, options);
}
