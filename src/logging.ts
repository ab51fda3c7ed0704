/** Modules log through this interface, never through @actions/core directly. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** Runs fn inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** A logger that records lines; used where nothing should be printed. */
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

/** The action's logger: @actions/core's log commands and groups. */
export function coreLogger(core: {
  info(m: string): void;
  warning(m: string): void;
  debug(m: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}): Logger {
  return {
    info: m => core.info(m),
    warn: m => core.warning(m),
    debug: m => core.debug(m),
    group: (name, fn) => core.group(name, fn)
  };
}
