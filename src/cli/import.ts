// `normwatch import <file>`: restore a dump made by `normwatch export`, in one transaction.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { importDump } from "../ingest/dump/import-dump.js";
import { withDatabase } from "./database.js";

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("restore a dump made by `normwatch export` (all or nothing; stop the server first)")
    .argument("<file>", "dump file (.ndjson or .ndjson.gz)")
    .option("--replace", "replace the data of a database that is not empty", false)
    .action((file: string, options: { replace: boolean }) => runImport(file, options));
}

export async function runImport(file: string, options: { replace: boolean }): Promise<void> {
  await withDatabase(loadConfig(), async (database) => {
    const summary = await importDump(database, file, { replace: options.replace });
    for (const t of summary.tables) process.stderr.write(`${t.name}\t${t.rows}\n`);
    process.stderr.write(`imported ${summary.rows} rows into ${summary.tables.length} tables from ${file}\n`);
  });
}
