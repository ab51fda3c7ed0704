/**
 * Build-time placeholders: `%%NAME=value%%` and `%%NAME%%`, as in the sources of AWS's Automated Security Response
 * (`Script: |-\n  %%SCRIPT=remediate.py%%`, `default: '%%ROLE=SO0111-Remediate%%'`). Their build step replaces them
 * before the document is created; a runbook that still holds one is deployed fine by SSM but fails when a
 * remediation runs, so the action refuses it. Comments are not part of the document's behaviour and are skipped.
 */
import type { LineCol } from '../../source/position.js';
import { CST, Lexer } from 'yaml';
import type { Check } from './context.js';

interface Placeholder {
  /** The placeholder as written, e.g. `%%SCRIPT=remediate.py%%`. */
  text: string;
  pos: LineCol;
}

/** NAME is upper-case (SCRIPT, ROLE, ...), which keeps Python's `%%` (a literal percent sign) out of it. */
const PLACEHOLDER = /%%[A-Z][A-Z0-9_]*(?:=[^%\r\n]*)?%%/g;

/** Lexer tokens that mark structure without consuming source text (yaml's CST control characters). */
const VIRTUAL = new Set(['doc-mode', 'scalar', 'flow-error-end']);

/** [start, end) offsets of the YAML comments of `text` (JSON has none). */
function commentRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'comment') ranges.push([offset, offset + token.length]);
    // The scalar marker '\x1f' is virtual, but a plain scalar's text (type null) is real.
    if (!(token.length === 1 && type !== null && VIRTUAL.has(type))) offset += token.length;
  }
  return ranges;
}

/** Every build-time placeholder in the runbook text (keys, values, scripts), with its own line and column. */
function findPlaceholders(text: string): Placeholder[] {
  if (!text.includes('%%')) return [];
  const comments = commentRanges(text);
  const found: Placeholder[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index;
    for (let i = text.indexOf('\n', scanned); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = at;
    if (comments.some(([s, e]) => at >= s && at < e)) continue;
    found.push({ text: m[0], pos: { line, col: at - lineStart + 1 } });
  }
  return found;
}

/** Build-time placeholders (keys, values, scripts): the document was not built. */
export function checkPlaceholders(c: Check): void {
  for (const p of findPlaceholders(c.runbook.content)) {
    c.err(p.pos, `build-time placeholder: build this document first (${p.text} is still in it)`);
  }
}
