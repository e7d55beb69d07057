// `normwatch export [--public] [--out file]`: write a dump of the database (NDJSON, gzip when the name ends in
// .gz): the full dump holds secrets and is written readable by its owner only; --public holds published data only.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { exportDump } from "../ingest/dump/export-dump.js";
import { withDatabase } from "./database.js";

export interface ExportOptions {
  out?: string;
  public?: boolean;
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description(
      "write a dump of the database to a file (.gz names are gzipped, - is standard output): by default every table, " +
        "password and token hashes, secrets and subscribers' addresses included, in a file only you can read (0600); " +
        "with --public only what anyone may read",
    )
    .option("--public", "leave out accounts, secrets, subscribers, drafts and correction requests (for publishing)")
    .option("--out <file>", "output file (default normwatch[-public]-<date>.ndjson.gz)")
    .action((options: ExportOptions) => runExport(options));
}

export async function runExport(options: ExportOptions): Promise<void> {
  const config = loadConfig();
  const isPublic = options.public ?? false;
  const out = options.out ?? `normwatch${isPublic ? "-public" : ""}-${new Date().toISOString().slice(0, 10)}.ndjson.gz`;
  await withDatabase(config, async (database) => {
    const summary = await exportDump(database, out, { isPublic });
    for (const t of summary.tables) process.stderr.write(`${t.name}\t${t.rows}\n`);
    process.stderr.write(`exported ${summary.rows} rows from ${summary.tables.length} tables to ${out}\n`);
    process.stderr.write(
      isPublic
        ? "public dump: published data only, no accounts, secrets, subscribers or drafts\n"
        : `${out === "-" ? "standard output" : `${out} (mode 0600, readable only by you)`} holds password and token hashes, ` +
            "instance and webhook secrets and subscribers' addresses: keep it private (normwatch export --public leaves them out)\n",
    );
  });
}
