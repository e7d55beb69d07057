// The bundled GA resolution corpus (datasets/corpus): read from one brotli-compressed JSON-lines file and imported in
// the background after the server listens, one small transaction per document, yielding between them so pages stay
// responsive on PGlite; progress is kept in corpus_imports so a restart resumes and every server can report it.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import zlib from "node:zlib";
import { z } from "zod";
import type { Database, Db } from "../../db/client.js";
import { findCorpusImport, upsertCorpusImport, type CorpusImport } from "../../db/corpus-imports.js";
import { getReferenceVocabulary } from "../../db/documents-references.js";
import { analyzeDocumentTables } from "../../db/documents.js";
import { findSource } from "../../db/sources.js";
import { forgetStoredLanguages } from "../../db/search.js";
import { createReferenceMatcher } from "../../domain/references-entities.js";
import type { ParsedDocument } from "../../domain/documents.js";
import { ingestParsedDocument, skipIfStored, type DocumentProvenance, type IngestResult } from "./ingest.js";
import { parseUntrustedDocument } from "./parser-pool.js";

/** What datasets/corpus/manifest.json says of the corpus file beside it. */
export const CorpusManifestSchema = z.object({
  corpus: z.string().regex(/^[a-z0-9-]+$/),
  file: z.string().regex(/^[\w.-]+$/),
  documents: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sourceId: z.string().min(1),
  licence: z.string().min(1),
  attribution: z.string().min(1),
});
export type CorpusManifest = z.infer<typeof CorpusManifestSchema>;

export const CORPUS_DIR = "corpus";
const IMPORT_LOCK_KEY = 7_402_119_015;
/** How many documents go between two writes of the progress row. */
const PROGRESS_EVERY = 25;

/** The manifest of the bundled corpus, or null when the install has none. */
export function readCorpusManifest(datasetsDir: string): CorpusManifest | null {
  const file = path.join(datasetsDir, CORPUS_DIR, "manifest.json");
  if (!fs.existsSync(file)) return null;
  return CorpusManifestSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

export interface CorpusEntry {
  /** Path of the file inside the upstream archive, e.g. english/75/75_240_E.xml. */
  file: string;
  bytes: Buffer;
}

const EntrySchema = z.object({ file: z.string().min(1).max(300), xml: z.string().min(1) });

/** Streams the entries of a corpus file in order, decompressing as it goes (the whole corpus never sits in memory). */
export async function* readCorpusEntries(file: string): AsyncGenerator<CorpusEntry> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createBrotliDecompress()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line) continue;
    const entry = EntrySchema.parse(JSON.parse(line));
    yield { file: entry.file, bytes: Buffer.from(entry.xml, "utf8") };
  }
}

/** Writes entries as a corpus file and returns its manifest fields (used by `normwatch datasets build-corpus`). */
export function writeCorpusFile(
  file: string,
  entries: { file: string; xml: string }[],
): { documents: number; sha256: string } {
  const body = entries.map((e) => JSON.stringify({ file: e.file, xml: e.xml })).join("\n") + "\n";
  const compressed = zlib.brotliCompressSync(Buffer.from(body, "utf8"), {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  fs.writeFileSync(file, compressed);
  return { documents: entries.length, sha256: sha256File(file) };
}

function sha256File(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export type CorpusState = "absent" | "pending" | "loading" | "done";

export interface CorpusStatus {
  state: CorpusState;
  /** Documents handled (stored, already there, or failed) of `total`. */
  processed: number;
  total: number;
  failed: number;
}

/** Where the bundled corpus stands in this database: nothing yet, part-way, or done for this corpus file. */
export async function getCorpusStatus(
  database: Pick<Database, "db">,
  manifest: CorpusManifest | null,
): Promise<CorpusStatus> {
  if (!manifest) return { state: "absent", processed: 0, total: 0, failed: 0 };
  const row = await findCorpusImport(database.db, manifest.corpus);
  if (!row || row.contentHash !== manifest.sha256)
    return { state: "pending", processed: 0, total: manifest.documents, failed: 0 };
  return { state: row.finishedAt ? "done" : "loading", processed: row.processed, total: row.total, failed: row.failed };
}

export interface CorpusImportOptions {
  datasetsDir: string;
  now: () => Date;
  log?: (line: string) => void;
  /** Stop after the current document (the next start resumes). */
  signal?: AbortSignal;
  /** Called after each document; the server yields to pending requests here. */
  onDocument?: (status: CorpusStatus) => void | Promise<void>;
}

/**
 * Imports the bundled corpus, resuming after the entries a previous run handled; does nothing when this corpus file
 * was imported already. One transaction per document, so a crash loses at most the document in hand. On a
 * PostgreSQL server, an advisory lock makes one app server do it while the others wait and then find it done.
 */
export async function importBundledCorpus(
  database: Database,
  options: CorpusImportOptions,
): Promise<CorpusImport | null> {
  const manifest = readCorpusManifest(options.datasetsDir);
  if (!manifest) return null;
  return database.withExclusiveLock(IMPORT_LOCK_KEY, () => importUnderLock(database, manifest, options));
}

async function importUnderLock(
  database: Database,
  manifest: CorpusManifest,
  options: CorpusImportOptions,
): Promise<CorpusImport> {
  const { db } = database;
  const log = options.log ?? (() => {});
  const previous = await findCorpusImport(db, manifest.corpus);
  if (previous?.contentHash === manifest.sha256 && previous.finishedAt) return previous;
  const now = options.now();
  const progress: CorpusImport =
    previous?.contentHash === manifest.sha256
      ? { ...previous }
      : {
          corpus: manifest.corpus,
          contentHash: manifest.sha256,
          total: manifest.documents,
          processed: 0,
          inserted: 0,
          skipped: 0,
          failed: 0,
          failures: [],
          startedAt: now,
          updatedAt: now,
          finishedAt: null,
        };
  if (progress.processed > 0)
    log(
      `corpus ${manifest.corpus}: resuming after ${progress.processed.toLocaleString("en")} of ${progress.total.toLocaleString("en")} documents`,
    );
  else log(`corpus ${manifest.corpus}: importing ${progress.total.toLocaleString("en")} documents in the background`);
  await upsertCorpusImport(db, progress);

  const source = await findSource(db, manifest.sourceId);
  const provenance: DocumentProvenance = {
    sourceId: source?.id ?? null,
    licence: manifest.licence,
    attribution: manifest.attribution,
  };
  const matcher = createReferenceMatcher(await getReferenceVocabulary(db));
  let sinceSaved = 0;
  let stopped = false;
  for await (const item of prepareAhead(
    db,
    readCorpusEntries(path.join(options.datasetsDir, CORPUS_DIR, manifest.file)),
    progress.processed,
  )) {
    if (options.signal?.aborted) {
      stopped = true;
      break;
    }
    try {
      const parsed = item.stored ? null : await item.parsed!;
      const result =
        item.stored ??
        (await db.transaction((tx) =>
          ingestParsedDocument(tx, matcher, item.file, parsed!, provenance, options.now()),
        ));
      if (result.status === "skipped") progress.skipped++;
      else progress.inserted++;
    } catch (error) {
      progress.failed++;
      progress.failures.push({ file: item.file.name, reason: error instanceof Error ? error.message : String(error) });
    }
    progress.processed++;
    if (++sinceSaved >= PROGRESS_EVERY) {
      sinceSaved = 0;
      progress.updatedAt = options.now();
      await upsertCorpusImport(db, progress);
      log(
        `corpus ${manifest.corpus}: ${progress.processed.toLocaleString("en")} of ${progress.total.toLocaleString("en")} documents`,
      );
    }
    await options.onDocument?.({
      state: "loading",
      processed: progress.processed,
      total: progress.total,
      failed: progress.failed,
    });
  }
  const complete = !stopped;
  progress.updatedAt = options.now();
  if (complete) progress.finishedAt = progress.updatedAt;
  await upsertCorpusImport(db, progress);
  if (progress.inserted > 0) {
    await analyzeDocumentTables(db);
    forgetStoredLanguages(db);
  }
  if (complete) {
    log(
      `corpus ${manifest.corpus}: done, ${progress.inserted} stored, ${progress.skipped} already there, ${progress.failed} failed`,
    );
    for (const failure of progress.failures)
      log(`corpus ${manifest.corpus}: not stored: ${failure.file}: ${failure.reason}`);
  } else {
    log(
      `corpus ${manifest.corpus}: paused after ${progress.processed} of ${progress.total} documents; the next start resumes`,
    );
  }
  return progress;
}

/** How many documents are read, checked and parsed ahead of the one being stored. */
const LOOKAHEAD = 2;

interface PreparedEntry {
  file: { name: string; bytes: Buffer };
  /** The "skipped" result when these bytes are stored already. */
  stored: IngestResult | null;
  /** Parsing in the parser worker, settled or not; null when stored. */
  parsed: Promise<ParsedDocument> | null;
}

/**
 * Yields the entries after the first `skip`, each checked against the stored hashes and handed to the parser worker a
 * few entries ahead, so parsing runs on the other core while this thread stores the previous document.
 */
async function* prepareAhead(db: Db, entries: AsyncIterable<CorpusEntry>, skip: number): AsyncGenerator<PreparedEntry> {
  const queue: PreparedEntry[] = [];
  let index = 0;
  for await (const entry of entries) {
    if (index++ < skip) continue;
    const file = { name: entry.file, bytes: entry.bytes };
    const stored = await skipIfStored(db, file);
    const parsed = stored ? null : parseUntrustedDocument(file.bytes, file.name);
    // Observed at once so a failure waiting in the queue is not an unhandled rejection; awaited again when its turn comes.
    parsed?.catch(() => {});
    queue.push({ file, stored, parsed });
    if (queue.length > LOOKAHEAD) yield queue.shift()!;
  }
  while (queue.length) yield queue.shift()!;
}

export interface BackgroundCorpusImport {
  /** Settles when the import finished, paused or failed (a failure is logged, never thrown). */
  done: Promise<void>;
  /** Asks the import to stop after the document in hand and waits for it. */
  stop(): Promise<void>;
}

/** Runs importBundledCorpus in the background, giving the event loop to waiting requests after every document. */
export function startBackgroundCorpusImport(
  database: Database,
  options: Omit<CorpusImportOptions, "signal" | "onDocument"> & { onError: (error: unknown) => void },
): BackgroundCorpusImport {
  const controller = new AbortController();
  const done = (async () => {
    // Let the server answer its first requests before the first document.
    await new Promise((resolve) => setImmediate(resolve));
    await importBundledCorpus(database, {
      ...options,
      signal: controller.signal,
      onDocument: () => new Promise((resolve) => setImmediate(resolve)),
    });
  })().catch(options.onError);
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
