// Structured logs with pino: one JSON object per line on stderr (for journald, Docker and log shippers), or a
// readable line per event on a terminal (pino-pretty). Levels come from LOG_LEVEL, the format from LOG_FORMAT.
import pino from "pino";
import pinoPretty from "pino-pretty";
import type { LogFormat, LogLevel } from "./config.js";

/** Fields beside the message: `requestId`, `route`, `status`…; an `err` field is written with its stack. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  error(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** json, pretty, or auto: pretty when standard error is a terminal, JSON otherwise. */
  format?: LogFormat;
  /** Receives each line (without its newline) instead of standard error (tests). */
  write?: (line: string) => void;
}

export function createLogger(level: LogLevel, options: LoggerOptions | ((line: string) => void) = {}): Logger {
  const { format = "auto", write } = typeof options === "function" ? { write: options } : options;
  const pretty = format === "pretty" || (format === "auto" && !write && process.stderr.isTTY === true);
  const out = write ?? ((line: string) => process.stderr.write(`${line}\n`));
  let destination: { write(chunk: string): void };
  if (pretty) {
    const colorize = !write && process.stderr.isTTY === true;
    // One line per event; the request fields that the message already says are left out (the id stays).
    const prettify = pinoPretty.prettyFactory({
      colorize,
      singleLine: true,
      translateTime: "SYS:HH:MM:ss.l",
      ignore: "pid,hostname,method,path,route,status,durationMs",
    });
    destination = { write: (chunk) => out(prettify(chunk).replace(/\n$/, "")) };
  } else {
    destination = write
      ? { write: (chunk) => write(chunk.replace(/\n$/, "")) }
      : pino.destination({ dest: 2, sync: true });
  }
  const log = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than pino's numbers: readable without a lookup table, as most shippers expect.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    error: (message, fields) => log.error(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    debug: (message, fields) => log.debug(fields ?? {}, message),
  };
}
