/**
 * The one error collector: readers add every problem they find (a SourceError at a position) and throw them all
 * together as SourceErrors, so a user fixes a file in one round instead of one error per run.
 */
import { SourceError, SourceErrors } from '../errors.js';
import { comparePositions, type SourcePosition } from './position.js';

export class ErrorSink {
  readonly errors: SourceError[] = [];

  add(pos: SourcePosition, detail: string): void {
    this.errors.push(SourceError.at(pos, detail));
  }

  /** Adds errors found elsewhere (another file's reader, a SourceErrors caught from a callee). */
  addErrors(errors: Iterable<SourceError>): void {
    for (const e of errors) this.errors.push(e);
  }

  get count(): number {
    return this.errors.length;
  }

  /** Throws SourceErrors (sorted by position) when anything was collected. */
  throwIfAny(): void {
    if (this.errors.length > 0) this.throwAll();
  }

  /** Throws SourceErrors with everything collected (sorted by file, line, column). */
  throwAll(): never {
    throw new SourceErrors([...this.errors].sort(comparePositions));
  }

  /** Throws SourceErrors with everything collected, in the order found, when anything was collected. */
  throwInOrderIfAny(): void {
    if (this.errors.length > 0) throw new SourceErrors([...this.errors]);
  }
}
