// `normwatch db migrate` and `normwatch seed`: apply migrations; re-run the idempotent import with counts.
import type { Config } from "../config.js";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { seedDatabase } from "../ingest/seed.js";

async function withDatabase<T>(config: Config, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function runMigrate(config: Config): Promise<void> {
  await withDatabase(config, async (database) => {
    await migrateDatabase(database);
    console.log("migrations applied");
  });
}

export async function runSeed(config: Config, options: { onlyChanged: boolean }): Promise<void> {
  await withDatabase(config, async (database) => {
    await migrateDatabase(database);
    const results = await seedDatabase(database, {
      force: !options.onlyChanged,
      onProgress: (e) => {
        if (e.phase === "start") process.stderr.write(`[${e.index + 1}/${e.total}] ${e.dataset}…\n`);
      },
    });
    console.log(["dataset", "table", "inserted", "updated", "unchanged", "deleted"].join("\t"));
    for (const result of results) {
      for (const [table, c] of Object.entries(result.counts)) {
        console.log([result.dataset, table, c.inserted, c.updated, c.unchanged, c.deleted].join("\t"));
      }
    }
  });
}
