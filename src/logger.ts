// A small levelled logger to stderr; levels come from LOG_LEVEL.
import type { LogLevel } from "./config.js";

export interface Logger {
  error(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const ORDER: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const at = ORDER[level];
  const log = (min: number, tag: string) => (message: string) => {
    if (at >= min) write(`${new Date().toISOString()} ${tag} ${message}`);
  };
  return { error: log(1, "error"), info: log(2, "info "), debug: log(3, "debug") };
}
