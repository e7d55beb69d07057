// Builds datasets/corpus from the upstream archive of English GA resolutions (../shared/data/unga-resolutions-akn):
// the XML files unchanged, re-packed as brotli-compressed JSON lines (Node reads brotli without a dependency).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CORPUS_DIR, writeCorpusFile, type CorpusManifest } from "./corpus.js";

export const GA_CORPUS = {
  corpus: "ga-resolutions-74-79",
  file: "ga-resolutions-74-79.jsonl.br",
  archive: "unga-resolutions-akn/english-sessions-74-79.tar.xz",
  sourceId: "dataset:unxml-ga-resolutions",
  licence: "United Nations: unofficial copies for information; acknowledge the United Nations as the source",
  attribution: "Source: United Nations, DGACM machine-readable GA resolutions",
} as const;

/** Unpacks the archive (with the system's tar, which reads xz), writes the corpus file and its manifest. */
export function buildGaCorpus(sharedDataDir: string, datasetsDir: string): CorpusManifest {
  const archive = path.join(sharedDataDir, GA_CORPUS.archive);
  if (!fs.existsSync(archive)) throw new Error(`corpus archive not found: ${archive}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-corpus-"));
  try {
    execFileSync("tar", ["-xJf", archive, "-C", work]);
    const files = fs
      .readdirSync(work, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".xml"))
      .map((e) => path.relative(work, path.join(e.parentPath, e.name)))
      .sort();
    const outDir = path.join(datasetsDir, CORPUS_DIR);
    fs.mkdirSync(outDir, { recursive: true });
    const written = writeCorpusFile(
      path.join(outDir, GA_CORPUS.file),
      files.map((file) => ({ file, xml: fs.readFileSync(path.join(work, file), "utf8") })),
    );
    const manifest: CorpusManifest = {
      corpus: GA_CORPUS.corpus,
      file: GA_CORPUS.file,
      documents: written.documents,
      sha256: written.sha256,
      sourceId: GA_CORPUS.sourceId,
      licence: GA_CORPUS.licence,
      attribution: GA_CORPUS.attribution,
    };
    fs.writeFileSync(path.join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
