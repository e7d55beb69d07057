// `normwatch documents reindex`: re-derives the search text and references of every stored document from its stored
// paragraphs (no files needed), for documents stored before the rules changed; idempotent, one transaction a document.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { reindexDocuments, type ReindexProgress } from "../ingest/documents/reindex.js";
import { withDatabase } from "./database.js";

/** A progress line every this many documents (and at the end). */
const PROGRESS_EVERY = 100;

export function registerDocumentsCommands(program: Command): void {
  program
    .command("documents")
    .description("stored documents")
    .command("reindex")
    .description(
      "recompute the search text (Arabic normalised, Chinese split into words) and the references (citations, unresolved citations, mentions) of every stored document from its stored paragraphs; changes only what differs",
    )
    .option("--quiet", "print only the summary", false)
    .action(async (options: { quiet: boolean }) => {
      // The bundled States, processes and norms are what reference detection matches against (seeded when they changed).
      await withDatabase(
        loadConfig(),
        async (database) => {
          const started = performance.now();
          const result = await reindexDocuments(database.db, {
            now: () => new Date(),
            onProgress: (p) => {
              if (!options.quiet && (p.processed % PROGRESS_EVERY === 0 || p.processed === p.total))
                console.error(describeReindexProgress(p));
            },
          });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          console.log(`${describeReindexProgress(result)} in ${seconds} s`);
        },
        { seed: true },
      );
    });
}

export function describeReindexProgress(p: ReindexProgress): string {
  return `reindex: ${p.processed.toLocaleString("en")} of ${p.total.toLocaleString("en")} documents; search text rewritten in ${p.paragraphsReindexed.toLocaleString("en")} paragraphs; references replaced in ${p.documentsWithNewReferences.toLocaleString("en")} documents (${p.candidates} new candidate evidence)`;
}
