/**
 * The one position type: where something is written in a user file (manifest, pack template, runbook,
 * CloudFormation template). Lines and columns are 1-based; columns count UTF-16 code units, as the `yaml`
 * library's LineCounter does. Formats that spell it `column` (SARIF, GitHub annotations) convert at their edge.
 */
export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

/**
 * A position inside a file whose name its owner holds once (a runbook keeps `file` on the Runbook, not on each of
 * its thousands of positions).
 */
export type LineCol = Omit<SourcePosition, 'file'>;

/** Orders positions by file, then line, then column. */
export function comparePositions(a: SourcePosition, b: SourcePosition): number {
  return a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1;
}
