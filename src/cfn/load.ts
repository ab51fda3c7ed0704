/**
 * Thin edge: expands the template globs (multi-line, `!` to exclude, `#` comments, as @actions/glob reads them)
 * from the repository root, reads every match and parses it. Problems in all files are reported at once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as glob from '@actions/glob';
import { InputError, SourceErrors } from '../errors.js';
import { ErrorSink } from '../source/collector.js';
import { NotATemplateError, parseTemplate } from './parse.js';
import { buildTemplateIndex } from './resource-index.js';
import { outsideWorkspace } from '../util/paths.js';
import type { CfnTemplate, SkippedFile, TemplateIndex } from './types.js';

/** Files read as templates; anything else a glob matches is skipped with a reason. */
export const TEMPLATE_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json', '.template'];

export interface LoadTemplatesOptions {
  /** The action input the globs come from, named in errors (default `templates`). */
  input?: string;
}

const IS_WINDOWS = process.platform === 'win32';

/** Escapes glob characters in a literal path, as @actions/glob does for its own roots. */
function globEscape(s: string): string {
  return (IS_WINDOWS ? s : s.replace(/\\/g, '\\\\'))
    .replace(/(\[)(?=[^/]+\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]');
}

/**
 * Roots every pattern at `root` (the repository) instead of the process's working directory. Lines are trimmed;
 * empty lines and `#` comments are dropped; `..` segments are refused (a pattern must stay in the repository).
 */
export function rootPatterns(globs: readonly string[], root: string, input = 'templates'): string[] {
  const out: string[] = [];
  for (const line of globs.flatMap(g => g.split(/\r?\n/)).map(l => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const negation = /^!*/.exec(line)?.[0] ?? '';
    let rest = line.slice(negation.length).replace(/^(\.\/)+/, '');
    if (rest === '.') rest = '';
    if (rest.split(/[\\/]/).includes('..')) {
      throw new InputError(input, `${input}: the pattern ${JSON.stringify(line)} leaves the repository ('..')`);
    }
    if (rest !== '' && (path.isAbsolute(rest) || rest.startsWith('~'))) out.push(`${negation}${rest}`);
    else out.push(`${negation}${globEscape(root)}${rest === '' ? '' : `${path.sep}${rest}`}`);
  }
  return out;
}

/** A path relative to root with forward slashes; undefined when it is outside root. */
export function repoRelative(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * Expands `globs` from `cwd` (the repository root), parses every template and indexes the resources. Paths in the
 * result are relative to `cwd`, with forward slashes. Throws SourceErrors listing the problems of all malformed
 * templates; files that are not CloudFormation templates are listed in `skipped`.
 */
export async function loadTemplates(
  globs: readonly string[],
  cwd: string,
  opts: LoadTemplatesOptions = {}
): Promise<TemplateIndex> {
  const input = opts.input ?? 'templates';
  const root = path.resolve(cwd);
  const patterns = rootPatterns(globs, root, input);
  if (patterns.length === 0) return buildTemplateIndex([]);
  const globber = await glob.create(patterns.join('\n'), {
    matchDirectories: false,
    implicitDescendants: true,
    followSymbolicLinks: true
  });
  const matched = await globber.glob();
  const files: string[] = [];
  for (const abs of matched) {
    const rel = repoRelative(root, abs);
    if (rel === undefined) {
      throw new InputError(input, `${input}: ${abs} is outside the repository (${root}); templates must be in it`);
    }
    // A symbolic link inside the repository that points out of it is outside too.
    const outside = outsideWorkspace(abs, root);
    if (outside !== undefined) throw new InputError(input, `${input}: ${outside}`);
    files.push(rel);
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const templates: CfnTemplate[] = [];
  const skipped: SkippedFile[] = [];
  const errors = new ErrorSink();
  for (const file of [...new Set(files)]) {
    const ext = path.extname(file).toLowerCase();
    if (!TEMPLATE_EXTENSIONS.includes(ext)) {
      skipped.push({ file, reason: `not a template file (expected ${TEMPLATE_EXTENSIONS.join(', ')})` });
      continue;
    }
    let text: string;
    try {
      text = await readFile(path.join(root, file), 'utf8');
    } catch (err) {
      errors.add({ file, line: 1, col: 1 }, `cannot read the file: ${(err as Error).message}`);
      continue;
    }
    try {
      templates.push(parseTemplate(text, file));
    } catch (err) {
      if (err instanceof NotATemplateError) skipped.push({ file, reason: err.reason });
      else if (err instanceof SourceErrors) errors.addErrors(err.errors);
      else throw err;
    }
  }
  errors.throwInOrderIfAny();
  return buildTemplateIndex(templates, skipped);
}
