// Builds the whole app in-process on a seeded throwaway database, for API and page tests via app.request(), and
// the one place tests get the app's dependencies: from the same config loader and builder as the server.
import type { Hono } from "hono";
import { loadConfig, type Config } from "../src/config.js";
import type { DriverName } from "../src/db/client.js";
import { createAppDeps, type AppDeps } from "../src/http/deps.js";
import type { EditorialSettings } from "../src/http/editorial-settings.js";
import { createLogger } from "../src/logger.js";
import type { Mailer } from "../src/newsletter/mailer.js";
import type { NewsletterSettings } from "../src/newsletter/settings.js";
import { createApp } from "../src/server.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

export interface TestApp {
  app: Hono;
  database: TestDatabase;
  dispose(): Promise<void>;
}

/**
 * The environment every test app starts from: quiet, a fixed link secret so nothing is written to DATA_DIR, and
 * the site URL app.request() uses, so absolute links read http://localhost/… as the requests do.
 */
export const TEST_ENV: Record<string, string> = {
  LOG_LEVEL: "silent",
  PUBLIC_URL: "http://localhost",
  NEWSLETTER_SECRET: "test-secret-of-at-least-thirty-two-characters",
};

/** The configuration of a test app: TEST_ENV and these variables, read by the server's own loader. */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({ ...TEST_ENV, ...env });
}

export interface TestDepsOptions {
  now: () => Date;
  /** Instead of the configured transport (the log, silent in tests). */
  mailer?: Mailer;
  env?: Record<string, string | undefined>;
  editorial?: Partial<EditorialSettings>;
  newsletter?: NewsletterSettings;
}

/** The app's dependencies for a test database, built as server.ts builds them. */
export function createTestDeps(database: TestDatabase, options: TestDepsOptions): AppDeps {
  const config = testConfig(options.env);
  const deps = createAppDeps(config, database, {
    logger: createLogger(config.logLevel),
    now: options.now,
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  return {
    ...deps,
    editorial: { ...deps.editorial, ...options.editorial },
    newsletter: options.newsletter ?? deps.newsletter,
  };
}

export async function createTestApp(driver: DriverName = "pglite", options: { now?: Date } = {}): Promise<TestApp> {
  const database = await createTestDatabase(driver, { seed: true });
  const now = options.now ?? new Date("2026-11-23T12:00:00Z");
  const app = createApp(createTestDeps(database, { now: () => now }));
  return { app, database, dispose: () => database.dispose() };
}
