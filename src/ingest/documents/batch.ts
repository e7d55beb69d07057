// Ingests many files, folders and URLs: one transaction per file, a result per file, and one bad file never stops the batch.
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "../../db/client.js";
import { getReferenceVocabulary } from "../../db/documents-references.js";
import { analyzeDocumentTables } from "../../db/documents.js";
import { createReferenceMatcher } from "../../domain/references-entities.js";
import { forgetStoredLanguages } from "../../db/search.js";
import { fetchDocument, type FetchLimits } from "./fetch-url.js";
import { ingestParsedDocument, skipIfStored, type DocumentProvenance, type IngestResult } from "./ingest.js";
import { parseUntrustedDocument } from "./parser-pool.js";

/** A file on disk, a URL to fetch, or bytes already received (an editor's upload). */
export type IngestInput =
  | { kind: "file"; path: string }
  | { kind: "url"; url: string }
  | { kind: "bytes"; name: string; bytes: Uint8Array; contentType?: string | null };

export interface BatchOptions extends FetchLimits {
  provenance: DocumentProvenance;
  now: () => Date;
  onProgress?: (done: number, total: number, result: IngestResult) => void;
}

const EXTENSIONS = new Set([".xml", ".akn", ".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".markdown"]);

/** Expands command-line arguments: a file, a folder (recursively, known extensions only) or an http(s) URL. */
export async function resolveInputs(args: string[], urlListFiles: string[] = []): Promise<IngestInput[]> {
  const inputs: IngestInput[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      inputs.push({ kind: "url", url: arg });
      continue;
    }
    const stat = await fs.stat(arg).catch(() => null);
    if (stat?.isDirectory()) {
      const entries = await fs.readdir(arg, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile() && EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        .map((e) => path.join(e.parentPath, e.name));
      inputs.push(...files.sort().map((p) => ({ kind: "file" as const, path: p })));
    } else {
      inputs.push({ kind: "file", path: arg });
    }
  }
  for (const list of urlListFiles) {
    const lines = (await fs.readFile(list, "utf8")).split(/\r?\n/).map((l) => l.trim());
    inputs.push(...lines.filter((l) => l && !l.startsWith("#")).map((url) => ({ kind: "url" as const, url })));
  }
  return inputs;
}

export async function ingestBatch(db: Db, inputs: IngestInput[], options: BatchOptions): Promise<IngestResult[]> {
  const matcher = createReferenceMatcher(await getReferenceVocabulary(db));
  const results: IngestResult[] = [];
  for (const input of inputs) {
    const name = input.kind === "file" ? input.path : input.kind === "url" ? input.url : input.name;
    let result: IngestResult;
    try {
      const file = await load(input, options);
      const provenance =
        input.kind === "url"
          ? { ...options.provenance, sourceUrl: options.provenance.sourceUrl ?? file.name }
          : options.provenance;
      // Parsed in the worker before the transaction opens, so a slow file holds no database transaction (on PGlite
      // that would stall every other request) and cannot block this thread.
      const stored = await skipIfStored(db, file);
      const parsed = stored ? null : await parseUntrustedDocument(file.bytes, file.name, file.contentType ?? null);
      result =
        stored ??
        (await db.transaction((tx) => ingestParsedDocument(tx, matcher, file, parsed!, provenance, options.now())));
    } catch (error) {
      result = { name, status: "failed", reason: error instanceof Error ? error.message : String(error), bytes: 0 };
    }
    results.push(result);
    options.onProgress?.(results.length, inputs.length, result);
  }
  if (results.some((r) => r.status === "inserted" || r.status === "new-version")) {
    await analyzeDocumentTables(db);
    forgetStoredLanguages(db);
  }
  return results;
}

async function load(
  input: IngestInput,
  limits: FetchLimits,
): Promise<{ name: string; bytes: Uint8Array; contentType?: string | null }> {
  if (input.kind === "bytes") {
    if (input.bytes.length > limits.maxBytes)
      throw new Error(
        `too large: ${input.bytes.length} bytes, over the limit of ${limits.maxBytes} (DOCUMENT_MAX_BYTES)`,
      );
    return { name: input.name, bytes: input.bytes, contentType: input.contentType ?? null };
  }
  if (input.kind === "url") {
    const fetched = await fetchDocument(input.url, limits);
    return { name: fetched.finalUrl, bytes: fetched.bytes, contentType: fetched.contentType };
  }
  const stat = await fs.stat(input.path).catch(() => null);
  if (!stat) throw new Error("no such file");
  if (!stat.isFile()) throw new Error("not a regular file");
  if (stat.size > limits.maxBytes)
    throw new Error(`too large: ${stat.size} bytes, over the limit of ${limits.maxBytes} (DOCUMENT_MAX_BYTES)`);
  return { name: input.path, bytes: await fs.readFile(input.path) };
}

export function summarizeResults(results: IngestResult[]): Record<IngestResult["status"], number> {
  const counts = { inserted: 0, "new-version": 0, skipped: 0, failed: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
