// `normwatch db migrate` and `normwatch seed`: apply migrations; re-run the idempotent import with counts.
import type { Config } from "../config.js";
import { seedDatabase } from "../ingest/seed.js";
import { withDatabase } from "./database.js";

export async function runMigrate(config: Config): Promise<void> {
  await withDatabase(config, async () => {
    console.log("migrations applied");
  });
}

export async function runSeed(config: Config, options: { onlyChanged: boolean; json?: boolean }): Promise<void> {
  await withDatabase(config, async (database) => {
    const results = await seedDatabase(database, {
      force: !options.onlyChanged,
      onProgress: (e) => {
        if (e.phase === "start") process.stderr.write(`[${e.index + 1}/${e.total}] ${e.dataset}…\n`);
      },
    });
    if (options.json)
      return console.log(
        JSON.stringify(results.map((r) => ({ dataset: r.dataset, status: r.status, counts: r.counts }))),
      );
    console.log(["dataset", "table", "inserted", "updated", "unchanged", "deleted"].join("\t"));
    for (const result of results) {
      for (const [table, c] of Object.entries(result.counts)) {
        console.log([result.dataset, table, c.inserted, c.updated, c.unchanged, c.deleted].join("\t"));
      }
    }
  });
}
