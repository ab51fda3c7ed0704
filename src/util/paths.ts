/**
 * Checks of the paths users give: output paths (report-dir, sarif-file) and input files (baseline,
 * approved-plan-file) fail early with an InputError naming the input and the value instead of a raw EEXIST or
 * EISDIR later; files the manifest references must stay inside the workspace.
 */
import { accessSync, constants, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

function statOf(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function writable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest existing ancestor of `p` (itself excluded); a parent that is a file is an error. */
function checkParents(input: string, value: string, p: string): void {
  let dir = path.dirname(path.resolve(p));
  for (;;) {
    const s = statOf(dir);
    if (s !== undefined) {
      if (!s.isDirectory()) {
        throw new InputError(
          input,
          `Input '${input}': '${value}' cannot be created: ${dir} is a file, not a directory.`
        );
      }
      if (!writable(dir)) {
        throw new InputError(
          input,
          `Input '${input}': '${value}' cannot be created: the directory ${dir} is not writable.`
        );
      }
      return;
    }
    const up = path.dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/** A directory the action writes into (created when missing). */
export function checkOutputDirectory(input: string, value: string): void {
  const s = statOf(value);
  if (s === undefined) return checkParents(input, value, value);
  if (!s.isDirectory()) {
    throw new InputError(input, `Input '${input}': '${value}' is a file, not a directory.`);
  }
  if (!writable(value)) throw new InputError(input, `Input '${input}': the directory '${value}' is not writable.`);
}

/** A file the action writes (its directory created when missing). */
export function checkOutputFile(input: string, value: string): void {
  const s = statOf(value);
  if (s === undefined) return checkParents(input, value, value);
  if (s.isDirectory()) throw new InputError(input, `Input '${input}': '${value}' is a directory, not a file.`);
  if (!writable(value)) throw new InputError(input, `Input '${input}': the file '${value}' is not writable.`);
}

/** A file the action reads: it exists, is a file and is readable. */
export function checkInputFile(input: string, value: string): void {
  const s = statOf(value);
  if (s === undefined) throw new InputError(input, `Input '${input}': the file '${value}' does not exist.`);
  if (s.isDirectory()) throw new InputError(input, `Input '${input}': '${value}' is a directory, not a file.`);
  try {
    accessSync(value, constants.R_OK);
  } catch {
    throw new InputError(input, `Input '${input}': the file '${value}' is not readable.`);
  }
}

/**
 * Why `file` is not inside `workspace`, or undefined when it is (or does not exist: the caller reports a missing
 * file). Symbolic links are resolved on both sides, so a link that points out of the workspace counts as outside.
 */
export function outsideWorkspace(file: string, workspace: string): string | undefined {
  let real: string;
  let root: string;
  try {
    root = realpathSync(workspace);
  } catch {
    root = path.resolve(workspace);
  }
  try {
    real = realpathSync(file);
  } catch {
    real = path.resolve(file);
    if (statOf(real) === undefined && isInside(path.resolve(workspace), real)) return undefined;
  }
  if (isInside(root, real)) return undefined;
  const link = real !== path.resolve(file) ? ` (it resolves to ${real})` : '';
  return `${file} is outside the workspace ${root}${link}; files the manifest references must be in the repository`;
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The path inputs, checked before anything else runs, so a bad one fails in seconds with its name. */
export function checkPathInputs(options: {
  reportDir: string;
  sarifFile: string;
  baseline?: string | undefined;
  approvedPlanFile?: string | undefined;
  remediate: string;
}): void {
  checkOutputDirectory('report-dir', options.reportDir);
  if (options.sarifFile !== '') checkOutputFile('sarif-file', options.sarifFile);
  if (options.baseline) checkInputFile('baseline', options.baseline);
  if (options.approvedPlanFile && options.remediate === 'apply') {
    checkInputFile('approved-plan-file', options.approvedPlanFile);
    try {
      JSON.parse(readFileSync(options.approvedPlanFile, 'utf8'));
    } catch (err) {
      throw new InputError(
        'approved-plan-file',
        `Input 'approved-plan-file': '${options.approvedPlanFile}' is not JSON (${(err as Error).message.replace(/\s+/g, ' ').slice(0, 160)}); expected the remediation-plan.json of the approved plan run.`
      );
    }
  }
}
