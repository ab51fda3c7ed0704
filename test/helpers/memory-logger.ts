import type { Logger } from '../../src/logging.js';

/** A logger that records lines (a test double: the action logs through coreLogger). */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info: ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${name}`);
    try {
      return await fn();
    } finally {
      this.lines.push(`endgroup: ${name}`);
    }
  }
}
