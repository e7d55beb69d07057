// A few documents of the bundled GA corpus (datasets/corpus), imported into a test database the way the server
// imports the whole corpus: real resolutions for tests that need texts the seed's fourteen documents do not have.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../src/db/client.js";
import {
  CORPUS_DIR,
  importBundledCorpus,
  readCorpusEntries,
  readCorpusManifest,
  writeCorpusFile,
} from "../src/ingest/documents/corpus.js";

const DATASETS = new URL("../datasets/", import.meta.url).pathname;

/** Imports the corpus entries with these file names (e.g. english/74/74_180.xml); throws when one is missing. */
export async function importCorpusFiles(database: Database, files: string[], now: Date): Promise<void> {
  const manifest = readCorpusManifest(DATASETS);
  if (!manifest) throw new Error("the bundled corpus is missing");
  const entries: { file: string; xml: string }[] = [];
  for await (const entry of readCorpusEntries(path.join(DATASETS, CORPUS_DIR, manifest.file)))
    if (files.includes(entry.file)) entries.push({ file: entry.file, xml: entry.bytes.toString("utf8") });
  const missing = files.filter((f) => !entries.some((e) => e.file === f));
  if (missing.length) throw new Error(`not in the bundled corpus: ${missing.join(", ")}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-corpus-subset-"));
  try {
    fs.mkdirSync(path.join(dir, CORPUS_DIR), { recursive: true });
    const written = writeCorpusFile(path.join(dir, CORPUS_DIR, "subset.jsonl.br"), entries);
    const subset = { ...manifest, corpus: "test-subset", file: "subset.jsonl.br", ...written };
    fs.writeFileSync(path.join(dir, CORPUS_DIR, "manifest.json"), JSON.stringify(subset));
    const result = await importBundledCorpus(database, { datasetsDir: dir, now: () => now });
    if (!result || result.failed > 0)
      throw new Error(`corpus subset not imported: ${JSON.stringify(result?.failures)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
