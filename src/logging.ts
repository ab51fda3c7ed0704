/** Modules log through this interface, never through @actions/core directly. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** Runs fn inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
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
