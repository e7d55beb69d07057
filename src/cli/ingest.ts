// `normwatch ingest <file|dir|url>…`: ingests documents with a progress bar and a line per file (ok / skipped / failed, why).
import type { Command } from "commander";
import { eq } from "drizzle-orm";
import { loadConfig, type Config } from "../config.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { DOCUMENT_TYPES, type DocumentType } from "../domain/vocabulary.js";
import { ingestBatch, resolveInputs, summarizeResults } from "../ingest/documents/batch.js";
import { UNKNOWN_LICENCE, type DocumentProvenance, type IngestResult } from "../ingest/documents/ingest.js";
import { withDatabase } from "./database.js";

interface IngestOptions {
  urlList: string[];
  source?: string;
  sourceUrl?: string;
  licence?: string;
  attribution?: string;
  language?: string;
  type?: string;
  author: string[];
  quiet: boolean;
}

export function registerIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description(
      "ingest documents (Akoma Ntoso XML, PDF, DOCX, HTML, text, Markdown) from files, folders or http(s) URLs",
    )
    .argument("[inputs...]", "files, folders (searched recursively) or http(s) URLs")
    .option(
      "--url-list <file>",
      "a file of URLs, one per line (# starts a comment); repeatable",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      "--source <id>",
      "id of a stored source the documents come from (its URL, licence and attribution are used), e.g. dataset:unxml-ga-resolutions",
    )
    .option("--source-url <url>", "where the documents were obtained (URLs default to themselves)")
    .option("--licence <text>", "licence or terms of the documents")
    .option("--attribution <text>", "attribution the licence requires")
    .option("--language <code>", "ISO 639-1 language of the documents, when the files do not say")
    .option("--type <type>", `document type when the files do not say: ${DOCUMENT_TYPES.join(", ")}`)
    .option(
      "--author <name>",
      "author when the files do not say, e.g. a State's ISO3 code or name (repeatable); a State author lets editors review candidate evidence",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--quiet", "print only failures and the summary", false)
    .action((inputs: string[], options: IngestOptions) => runIngest(loadConfig(), inputs, options));
}

export async function runIngest(config: Config, args: string[], options: IngestOptions): Promise<void> {
  if (options.type && !(DOCUMENT_TYPES as readonly string[]).includes(options.type))
    throw new Error(`unknown --type ${options.type}; use one of ${DOCUMENT_TYPES.join(", ")}`);
  if (options.language && !/^[a-z]{2,3}$/.test(options.language))
    throw new Error("--language takes an ISO 639-1 code such as en or fr");
  const inputs = await resolveInputs(args, options.urlList);
  if (inputs.length === 0)
    throw new Error("nothing to ingest: give files, folders or URLs (see normwatch ingest --help)");
  const warning = provenanceWarning(options);
  if (warning) console.warn(warning);
  // The bundled States, processes and norms are what reference detection matches against (seeded when they changed).
  await withDatabase(
    config,
    async (database) => {
      const provenance = await provenanceFrom(database.db, options);
      const started = performance.now();
      const bar = createProgressBar(inputs.length, options.quiet);
      const results = await ingestBatch(database.db, inputs, {
        provenance,
        now: () => new Date(),
        maxBytes: config.documentMaxBytes,
        maxRedirects: config.documentFetchMaxRedirects,
        allowPrivateAddresses: config.documentFetchAllowPrivate,
        onProgress: (done, total, result) => bar.update(done, total, result),
      });
      bar.finish();
      const counts = summarizeResults(results);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${results.length} files in ${seconds.toFixed(1)} s: ${counts.inserted} new, ${counts["new-version"]} new versions, ${counts.skipped} skipped, ${counts.failed} failed`,
      );
      if (counts.failed > 0) process.exitCode = 1;
    },
    { seed: true },
  );
}

/**
 * Documents stored without a source or a licence show "licence not stated" to every reader: say so before ingesting,
 * and how to cite a corpus, rather than store them silently.
 */
export function provenanceWarning(options: Pick<IngestOptions, "source" | "licence" | "sourceUrl">): string | null {
  if (options.source || options.licence) return null;
  return [
    `warning: no --source or --licence: the documents will be stored with the licence "${UNKNOWN_LICENCE}"${options.sourceUrl ? "" : " and no source"}.`,
    "  Cite the corpus they come from, e.g. --source dataset:unxml-ga-resolutions for the UN's GA resolutions,",
    '  or --licence "<terms>" --attribution "<credit the terms require>" --source-url <where they were obtained> (see README, "Ingesting documents").',
  ].join("\n");
}

async function provenanceFrom(db: Db, options: IngestOptions): Promise<DocumentProvenance> {
  let fromSource: { id: string; url: string | null; licence: string; attribution: string | null } | undefined;
  if (options.source) {
    [fromSource] = await db
      .select({ id: t.sources.id, url: t.sources.url, licence: t.sources.licence, attribution: t.sources.attribution })
      .from(t.sources)
      .where(eq(t.sources.id, options.source))
      .limit(1);
    if (!fromSource)
      throw new Error(
        `no source with id ${options.source} (see the sources of the bundled datasets, e.g. dataset:unxml-ga-resolutions)`,
      );
  }
  return {
    sourceId: fromSource?.id ?? null,
    sourceUrl: options.sourceUrl ?? fromSource?.url ?? null,
    licence: options.licence ?? fromSource?.licence ?? UNKNOWN_LICENCE,
    attribution: options.attribution ?? fromSource?.attribution ?? null,
    language: options.language ?? null,
    type: (options.type as DocumentType | undefined) ?? null,
    authors: options.author.length ? options.author.map((a) => a.trim()).filter(Boolean) : null,
  };
}

/** A one-line progress bar on a terminal (stderr), plain lines otherwise; every result gets its own line. */
function createProgressBar(total: number, quiet: boolean) {
  const isTty = process.stderr.isTTY === true;
  const draw = (done: number) => {
    if (!isTty) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    update(done: number, _total: number, result: IngestResult) {
      if (isTty) process.stderr.write("\r\x1b[K");
      if (!quiet || result.status === "failed") console.log(formatResult(result));
      draw(done);
    },
    finish() {
      if (isTty) process.stderr.write("\n");
    },
  };
}

export function formatResult(r: IngestResult): string {
  const status = r.status === "inserted" || r.status === "new-version" ? "ok" : r.status;
  const what = r.slug
    ? ` ${r.slug} v${r.version}${r.paragraphs !== undefined ? ` (${r.paragraphs} paragraphs)` : ""}`
    : "";
  return `${status.padEnd(7)} ${r.name}${what}${r.reason ? ` — ${r.reason}` : ""}`;
}
