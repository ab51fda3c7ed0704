/**
 * The one way the action reads YAML (manifest, conformance packs, CloudFormation templates, runbooks): the parse
 * options every reader shares, positions for every problem, and the mapping of the `yaml` library's failures to
 * messages that name file:line.
 *
 * Duplicate keys are found here in one pass over the document rather than by the library's `uniqueKeys` option,
 * which compares each key with every earlier key of its map (quadratic: a pack template with 60,000 rules in one
 * `Resources` map never finished parsing).
 */
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node, Tags } from 'yaml';
import { SourceError } from '../errors.js';

/**
 * Alias expansions allowed when a document is turned into plain data (the `yaml` library's default). A "billion
 * laughs" document (each anchor an array of aliases of the previous one) goes over it long before it uses any memory.
 */
export const MAX_ALIAS_COUNT = 100;

export interface YamlReadOptions {
  customTags?: Tags;
  /** '1.1' for CloudFormation templates (CloudFormation documents YAML 1.1); default '1.2'. */
  version?: '1.1' | '1.2';
}

/** A syntax problem: where (offset in the text) and what (the library's first message line). */
export interface YamlProblem {
  offset: number;
  message: string;
}

export interface YamlText {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Syntax errors and duplicate keys, in text order. Empty when the document can be used. */
  errors: YamlProblem[];
  /** Line and column (1-based) of an offset. */
  position(offset: number): { line: number; col: number };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** Parses YAML (or JSON) text, keeping positions; problems are returned, never thrown. */
export function readYaml(text: string, options: YamlReadOptions = {}): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    ...(options.customTags ? { customTags: options.customTags } : {}),
    ...(options.version ? { version: options.version } : {})
  });
  const errors: YamlProblem[] = doc.errors.map(e => ({ offset: e.pos[0], message: firstLine(e.message) }));
  errors.push(...duplicateKeys(doc));
  errors.sort((a, b) => a.offset - b.offset);
  return {
    doc,
    lineCounter,
    errors,
    position: offset => {
      const { line, col } = lineCounter.linePos(offset);
      return { line, col };
    }
  };
}

/** Every second (third, ...) occurrence of a scalar key in a map, as the library reports it with `uniqueKeys`. */
function duplicateKeys(doc: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) continue;
        const value = key.value;
        if (seen.has(value)) {
          problems.push({ offset: key.range?.[0] ?? 0, message: 'Map keys must be unique' });
        } else seen.add(value);
      }
    }
  });
  return problems;
}

/** The position of the first alias (`*name`) in the document, where an expansion problem starts. */
function firstAlias(doc: Document.Parsed): number {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    }
  });
  return offset ?? 0;
}

/**
 * The document as plain data. An alias expansion over `maxAliasCount` (an alias bomb) is a SourceError naming the
 * file and the line of the first alias, instead of the library's bare ReferenceError.
 */
export function yamlToJS(parsed: YamlText, file: string, maxAliasCount = MAX_ALIAS_COUNT): unknown {
  try {
    return parsed.doc.toJS({ maxAliasCount });
  } catch (err) {
    const { line, col } = parsed.position(firstAlias(parsed.doc));
    if (/excessive alias count/i.test((err as Error).message)) {
      throw new SourceError(file, line, col, `YAML alias expansion limit exceeded (maxAliasCount ${maxAliasCount})`);
    }
    throw new SourceError(file, line, col, `invalid YAML: ${firstLine((err as Error).message)}`);
  }
}
