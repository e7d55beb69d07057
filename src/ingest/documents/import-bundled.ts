// Imports the bundled resolution texts (datasets/documents/*.xml) on seed, so a fresh install can be searched at once.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getReferenceVocabulary } from "../../db/documents-references.js";
import { analyzeDocumentTables } from "../../db/documents.js";
import * as t from "../../db/schema/index.js";
import { emptyCounts, type Tx } from "../../db/upsert.js";
import { createReferenceMatcher } from "../../domain/references-entities.js";
import type { DatasetImporter } from "../dataset-importer.js";
import { ingestDocumentBytes } from "./ingest.js";

export const BUNDLED_DOCUMENT_FILES = [
  "A_RES_74_28.xml",
  "A_RES_74_29.xml",
  "A_RES_74_247.xml",
  "A_RES_75_32.xml",
  "A_RES_75_240.xml",
  "A_RES_75_282.xml",
  "A_RES_76_19.xml",
  "A_RES_77_36.xml",
  "A_RES_77_37.xml",
  "A_RES_78_16.xml",
  "A_RES_78_237.xml",
  "A_RES_79_237.xml",
  "A_RES_79_243.xml",
  "A_RES_80_16.xml",
];

const DATASET_SOURCE = "dataset:unxml-ga-resolutions";

export const documentsImporter: DatasetImporter = {
  name: "documents",
  files: BUNDLED_DOCUMENT_FILES.map((f) => `documents/${f}`),
  async run(tx: Tx, datasetsDir: string) {
    const matcher = createReferenceMatcher(await getReferenceVocabulary(tx));
    const counts = emptyCounts();
    const dataset = await findSource(tx, DATASET_SOURCE);
    for (const file of BUNDLED_DOCUMENT_FILES) {
      const bytes = fs.readFileSync(path.join(datasetsDir, "documents", file));
      // The per-document source (https://undocs.org/en/<symbol>) when the reference data has it, else the dataset.
      const symbol = file.replace(/\.xml$/, "").replaceAll("_", "/");
      const source = (await findSource(tx, `document:${symbol}`)) ?? dataset;
      const result = await ingestDocumentBytes(
        tx,
        matcher,
        { name: `datasets/documents/${file}`, bytes },
        {
          sourceId: source?.id ?? null,
          sourceUrl: source?.url ?? null,
          licence: source?.licence ?? "United Nations: acknowledge the United Nations as the source",
          attribution: source?.attribution ?? "Source: United Nations, DGACM machine-readable GA resolutions",
        },
        new Date(),
      );
      if (result.status === "inserted") counts.inserted++;
      else if (result.status === "new-version") counts.updated++;
      else counts.unchanged++;
    }
    if (counts.inserted + counts.updated > 0) await analyzeDocumentTables(tx);
    return { documents: counts };
  },
};

async function findSource(tx: Tx, id: string) {
  const [row] = await tx.select().from(t.sources).where(eq(t.sources.id, id)).limit(1);
  return row ?? null;
}
