// The configured database for one command: opened with a small pool, migrated (and, when asked, seeded with
// what changed in the bundled datasets), and closed however the command ends.
import type { Config } from "../config.js";
import { openDatabase, type Database } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { seedDatabase } from "../ingest/seed.js";

export async function withDatabase<T>(
  config: Config,
  run: (database: Database) => Promise<T>,
  options: { seed?: boolean } = {},
): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await migrateDatabase(database);
    if (options.seed) await seedDatabase(database);
    return await run(database);
  } finally {
    await database.close();
  }
}
