// `normwatch serve`: start the site and API; SIGTERM and SIGINT close the database cleanly.
import type { Config } from "../config.js";
import { createLogger } from "../logger.js";
import { startServer } from "../server.js";

export async function runServe(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel, { format: config.logFormat });
  const server = await startServer(config, { logger });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: closing connections and the database`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
