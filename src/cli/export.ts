// `normwatch export [--out file]`: write a full dump of the database (NDJSON, gzip when the name ends in .gz).
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { exportDump } from "../ingest/dump/export-dump.js";
import { migrateDatabase } from "../db/migrate.js";
import { openDatabase } from "../db/client.js";

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("write a full dump of the database (every table) to a file; .gz names are gzipped, - is standard output")
    .option("--out <file>", "output file", `normwatch-${new Date().toISOString().slice(0, 10)}.ndjson.gz`)
    .action((options: { out: string }) => runExport(options));
}

export async function runExport(options: { out: string }): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const summary = await exportDump(database, options.out);
    for (const t of summary.tables) process.stderr.write(`${t.name}\t${t.rows}\n`);
    process.stderr.write(`exported ${summary.rows} rows from ${summary.tables.length} tables to ${options.out}\n`);
  } finally {
    await database.close();
  }
}
