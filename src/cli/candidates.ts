// `normwatch candidates detect`: propose candidate evidence from every stored document (e.g. documents ingested
// before the attribution rule, or after editing the reference data); idempotent, never publishes.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { proposeCandidatesForStoredDocuments } from "../ingest/documents/evidence-candidates.js";

export function registerCandidatesCommands(program: Command): void {
  program
    .command("candidates")
    .description("candidate evidence for editors (implementation tracker)")
    .command("detect")
    .description("propose candidate evidence from every stored document attributed to a State; existing candidates are kept")
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
      try {
        await migrateDatabase(database);
        const result = await proposeCandidatesForStoredDocuments(database.db, new Date());
        console.log(`documents checked\t${result.documents}\nnew candidates\t${result.candidates}`);
      } finally {
        await database.close();
      }
    });
}
