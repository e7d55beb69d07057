// Throwaway databases for tests: in-memory PGlite always, and a fresh PostgreSQL database per call when
// TEST_DATABASE_URL is set (otherwise the PostgreSQL variants skip and say why).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database, type DriverName } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seedDatabase, type SeedOptions } from "../src/ingest/seed.js";

export const TEST_DATABASE_URL = process.env["TEST_DATABASE_URL"] || undefined;

/** The drivers to run database tests on; use with describe.each / describe.skipIf. */
export const TEST_DRIVERS: { driver: DriverName; skip: boolean; label: string }[] = [
  { driver: "pglite", skip: false, label: "PGlite" },
  {
    driver: "postgres",
    skip: !TEST_DATABASE_URL,
    label: TEST_DATABASE_URL ? "PostgreSQL" : "PostgreSQL (skipped: set TEST_DATABASE_URL to run)",
  },
];

export interface TestDatabase extends Database {
  /** Closes and, on PostgreSQL, drops the throwaway database. */
  dispose(): Promise<void>;
}

/** A migrated empty database; pass `seed` to import the bundled datasets too. */
export async function createTestDatabase(
  driver: DriverName,
  options: { seed?: boolean | SeedOptions } = {},
): Promise<TestDatabase> {
  let database: Database;
  let drop = async () => {};
  if (driver === "pglite") {
    database = await openDatabase({});
  } else {
    if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
    const name = `normwatch_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    drop = async () => {
      const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  await migrateDatabase(database);
  if (options.seed) await seedDatabase(database, options.seed === true ? {} : options.seed);
  return {
    ...database,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}
