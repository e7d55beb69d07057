// Builds the whole app in-process on a seeded throwaway database, for API and page tests via app.request().
import type { Hono } from "hono";
import type { DriverName } from "../src/db/client.js";
import { createApp } from "../src/server.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

export interface TestApp {
  app: Hono;
  database: TestDatabase;
  dispose(): Promise<void>;
}

export async function createTestApp(driver: DriverName = "pglite", options: { now?: Date } = {}): Promise<TestApp> {
  const database = await createTestDatabase(driver, { seed: true });
  const now = options.now ?? new Date("2026-11-23T12:00:00Z");
  const app = createApp({ db: database.db, driver: database.driver, now: () => now });
  return { app, database, dispose: () => database.dispose() };
}
