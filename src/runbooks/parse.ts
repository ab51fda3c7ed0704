/**
 * Parses an SSM Automation document (YAML or JSON) into a Runbook that keeps the file:line:col of the document,
 * of each parameter, step, output and `{{ }}` reference. Parsing is tolerant of a wrong structure (validation reports
 * it with positions); only YAML syntax errors and a non-mapping document are thrown here.
 */
import type { LineCol } from '../source/position.js';
import { isMap } from 'yaml';
import { readYaml, yamlToJS } from '../source/yaml.js';
import { ErrorSink } from '../source/collector.js';
import { positionAt, positionOf, toTree, type PNode } from '../source/tree.js';
import type { SourcePosition } from '../source/position.js';
import { SourceError, SourceErrors } from '../errors.js';
import { documentFormat } from './hash.js';
import type {
  DocPath,
  DocumentOutput,
  Runbook,
  RunbookParameter,
  RunbookStep,
  RunbookVariable,
  StepOutput,
  TemplateRef
} from './types.js';

export interface ParseOptions {
  /** The SSM document name; defaults to the file name without its extension. */
  name?: string;
}

/** The default document name: the file's base name without its extension (`a/b/My-Runbook.yaml` -> `My-Runbook`). */
export function documentNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

const lineCol = (p: SourcePosition): LineCol => ({ line: p.line, col: p.col });

/**
 * The position of the node at `path` (its key with `which: 'key'`, when it has one). When the path does not exist,
 * the position of its nearest existing ancestor, so that "missing X" errors point at the enclosing mapping.
 */
export function locate(
  runbook: Pick<Runbook, 'tree' | 'pos'>,
  path: DocPath,
  which: 'value' | 'key' = 'value'
): LineCol {
  return runbook.tree === undefined ? runbook.pos : lineCol(positionOf(runbook.tree, path, which));
}

/** One `{{ ... }}` occurrence in a string; `error` is set for a malformed one. */
interface TemplateMatch {
  raw: string;
  expression: string;
  /** Offset of the opening braces in the string. */
  index: number;
  error?: 'unterminated' | 'empty' | 'nested';
}

/** Finds the `{{ ... }}` references in a string, including malformed ones (unterminated, empty, nested). */
export function scanTemplate(value: string): TemplateMatch[] {
  const found: TemplateMatch[] = [];
  let from = 0;
  for (;;) {
    const open = value.indexOf('{{', from);
    if (open < 0) return found;
    const close = value.indexOf('}}', open + 2);
    if (close < 0) {
      found.push({
        raw: value.slice(open),
        expression: value.slice(open + 2).trim(),
        index: open,
        error: 'unterminated'
      });
      return found;
    }
    const raw = value.slice(open, close + 2);
    const inner = value.slice(open + 2, close);
    const expression = inner.trim();
    const match: TemplateMatch = { raw, expression, index: open };
    if (inner.includes('{{')) match.error = 'nested';
    else if (expression === '') match.error = 'empty';
    found.push(match);
    from = close + 2;
  }
}

interface StringNode {
  path: DocPath;
  value: string;
  /** Source offsets of the scalar (quotes included); absent when reached through an alias. */
  range: readonly [number, number] | undefined;
  pos: LineCol;
}

/** Every string of the tree with its path, in document order (aliased strings at their alias). */
function collectStrings(node: PNode, path: DocPath, out: StringNode[]): void {
  if (node.kind === 'map') for (const e of node.entries) collectStrings(e.value, [...path, e.key], out);
  else if (node.kind === 'seq') node.items.forEach((item, i) => collectStrings(item, [...path, i], out));
  else if (typeof node.value === 'string') {
    out.push({ path, value: node.value, range: node.range, pos: lineCol(node.pos) });
  }
}

/** A YAML/JSON mapping (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function optStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function startsWith(path: DocPath, prefix: DocPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/** Inputs of aws:executeScript that hold code, not runbook text: `{{ }}` there is the script's own business. */
const CODE_INPUTS = new Set(['Script', 'Attachment']);

/**
 * Parses runbook text. Throws SourceErrors (every YAML error, with positions) when the text is not a single
 * YAML/JSON mapping. Structural problems inside the mapping are left to `checkRunbook`
 * (validate/).
 */
export function parseRunbook(text: string, file: string, options: ParseOptions = {}): Runbook {
  const parsed = readYaml(text);
  const doc = parsed.doc;
  const linePos = (offset: number): LineCol => parsed.position(offset);
  const syntax = new ErrorSink();
  for (const e of parsed.errors) syntax.add(positionAt(parsed, file, e.offset), `invalid YAML/JSON: ${e.message}`);
  syntax.throwInOrderIfAny();
  const root = doc.contents;
  if (!isMap(root)) {
    const p = root?.range ? linePos(root.range[0]) : { line: 1, col: 1 };
    const what = root === null ? 'the document is empty' : 'the document is not a mapping';
    throw new SourceErrors([
      new SourceError(file, p.line, p.col, `${what}: a runbook is a mapping with schemaVersion, parameters, mainSteps`)
    ]);
  }
  let data: Record<string, unknown>;
  try {
    data = yamlToJS(parsed, file) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof SourceError) throw new SourceErrors([err]);
    throw err;
  }

  // The tree gives positions only; the data is `data` (validated by validate/), so its own problems are not ours.
  const tree = toTree(parsed, file, new ErrorSink(), { keepRanges: true });
  const pos = tree === undefined ? { line: 1, col: 1 } : lineCol(tree.pos);
  const at = (path: DocPath, which: 'value' | 'key' = 'value'): LineCol => locate({ tree, pos }, path, which);
  const strings: StringNode[] = [];
  if (tree !== undefined) collectStrings(tree, [], strings);

  const refsUnder = (include: (path: DocPath) => boolean): TemplateRef[] => {
    const refs: TemplateRef[] = [];
    for (const s of strings) {
      if (!include(s.path)) continue;
      const source = s.range === undefined ? '' : text.slice(s.range[0], s.range[1]);
      let cursor = 0;
      for (const m of scanTemplate(s.value)) {
        const idx = s.range === undefined ? -1 : source.indexOf(m.raw, cursor);
        const refPos = idx >= 0 && s.range !== undefined ? linePos(s.range[0] + idx) : s.pos;
        if (idx >= 0) cursor = idx + m.raw.length;
        const ref: TemplateRef = { expression: m.expression, raw: m.raw, path: s.path, pos: refPos };
        refs.push(m.error ? { ...ref, error: m.error } : ref);
      }
    }
    return refs;
  };

  const parameters: RunbookParameter[] = [];
  if (isRecord(data.parameters)) {
    for (const [name, def] of Object.entries(data.parameters)) {
      const d = isRecord(def) ? def : {};
      const param: RunbookParameter = {
        name,
        type: str(d.type),
        hasDefault: 'default' in d,
        pos: at(['parameters', name], 'key')
      };
      if (typeof d.description === 'string') param.description = d.description;
      if ('default' in d) param.default = d.default;
      if (typeof d.allowedPattern === 'string') param.allowedPattern = d.allowedPattern;
      if (Array.isArray(d.allowedValues)) param.allowedValues = d.allowedValues as unknown[];
      parameters.push(param);
    }
  }

  const variables: RunbookVariable[] = [];
  if (isRecord(data.variables)) {
    for (const [name, def] of Object.entries(data.variables)) {
      const d = isRecord(def) ? def : {};
      const variable: RunbookVariable = { name, type: str(d.type), pos: at(['variables', name], 'key') };
      if ('default' in d) variable.default = d.default;
      variables.push(variable);
    }
  }

  const readSteps = (list: unknown, base: DocPath, loop?: string): RunbookStep[] => {
    if (!Array.isArray(list)) return [];
    return list.map((item: unknown, i): RunbookStep => {
      const path = [...base, i];
      const s = isRecord(item) ? item : {};
      const name = str(s.name);
      const action = str(s.action);
      const inputs = isRecord(s.inputs) ? s.inputs : {};
      const outputs: StepOutput[] = [];
      if (Array.isArray(s.outputs)) {
        s.outputs.forEach((o: unknown, j) => {
          const out = isRecord(o) ? o : {};
          outputs.push({
            name: str(out.Name),
            selector: str(out.Selector),
            type: str(out.Type),
            pos: at([...path, 'outputs', j])
          });
        });
      }
      const inputsPath = [...path, 'inputs'];
      const nestedPath = [...inputsPath, 'Steps'];
      const isLoop = action === 'aws:loop';
      const isScript = action === 'aws:executeScript';
      const refs = refsUnder(
        p =>
          startsWith(p, inputsPath) &&
          !(isLoop && startsWith(p, nestedPath)) &&
          !(isScript && CODE_INPUTS.has(String(p[inputsPath.length])))
      );
      const step: RunbookStep = {
        name,
        action,
        inputs,
        outputs,
        steps: isLoop ? readSteps(inputs.Steps, nestedPath, name) : [],
        path,
        pos: at(path),
        refs
      };
      const nextStep = optStr(s.nextStep);
      const onFailure = optStr(s.onFailure);
      const onCancel = optStr(s.onCancel);
      if (nextStep !== undefined) step.nextStep = nextStep;
      if (onFailure !== undefined) step.onFailure = onFailure;
      if (onCancel !== undefined) step.onCancel = onCancel;
      if (typeof s.isEnd === 'boolean') step.isEnd = s.isEnd;
      else if (s.isEnd === 'true' || s.isEnd === 'false') step.isEnd = s.isEnd === 'true';
      if (loop !== undefined) step.loop = loop;
      return step;
    });
  };

  const outputs: DocumentOutput[] = [];
  if (Array.isArray(data.outputs)) {
    data.outputs.forEach((o: unknown, i) => {
      if (typeof o === 'string') outputs.push({ value: o, pos: at(['outputs', i]) });
    });
  }

  const runbook: Runbook = {
    file,
    name: options.name ?? documentNameFromFile(file),
    format: documentFormat(file),
    content: text,
    parameters,
    variables,
    steps: readSteps(data.mainSteps, ['mainSteps']),
    outputs,
    refs: refsUnder(p => p[0] === 'assumeRole'),
    data,
    pos,
    tree
  };
  if ('schemaVersion' in data) runbook.schemaVersion = data.schemaVersion;
  if (typeof data.description === 'string') runbook.description = data.description;
  if (typeof data.assumeRole === 'string') runbook.assumeRole = data.assumeRole;
  return runbook;
}

/**
 * Visits every step, loop-nested steps included, in document order (a loop step before its nested steps), with the
 * list it belongs to (its siblings, itself included) and its enclosing loop step.
 */
export function walkSteps(
  steps: readonly RunbookStep[],
  visit: (step: RunbookStep, siblings: readonly RunbookStep[], loop: RunbookStep | undefined) => void,
  loop?: RunbookStep
): void {
  for (const step of steps) {
    visit(step, steps, loop);
    walkSteps(step.steps, visit, step);
  }
}

/** Every step of the runbook, loop-nested steps included, in document order. */
export function allSteps(steps: readonly RunbookStep[]): RunbookStep[] {
  const all: RunbookStep[] = [];
  walkSteps(steps, step => all.push(step));
  return all;
}
