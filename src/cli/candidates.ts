// `normwatch candidates detect`: propose candidate evidence from every stored document (e.g. documents ingested
// before the attribution rule, or after editing the reference data); idempotent, never publishes.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { proposeCandidatesForStoredDocuments } from "../ingest/documents/evidence-candidates.js";
import { withDatabase } from "./database.js";

export function registerCandidatesCommands(program: Command): void {
  program
    .command("candidates")
    .description("candidate evidence for editors (implementation tracker)")
    .command("detect")
    .description(
      "propose candidate evidence from every stored document attributed to a State; existing candidates are kept",
    )
    .action(async () => {
      await withDatabase(loadConfig(), async (database) => {
        const result = await proposeCandidatesForStoredDocuments(database.db, new Date());
        console.log(`documents checked\t${result.documents}\nnew candidates\t${result.candidates}`);
      });
    });
}
