// Imports the bundled datasets into the database: each dataset in its own transaction, skipped when its
// files have not changed since the last import, so a second start does no work and a crash loses nothing.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../db/client.js";
import { findDatasetImport, upsertDatasetImport } from "../db/dataset-imports.js";
import type { ImportCounts } from "../db/schema/imports.js";
import type { DatasetImporter } from "./dataset-importer.js";
import {
  cyberProcessesImporter,
  cyberStrategiesImporter,
  sourcesImporter,
  statesImporter,
} from "./reference/import-reference.js";
import { votesImporter } from "./votes/import-votes.js";
import { documentsImporter } from "./documents/import-bundled.js";
import { participationImporter } from "./participation/import-participation.js";
import { implementationImporter } from "./implementation/import-implementation.js";
import { internationalLawImporter } from "./international-law/import-international-law.js";

export const DATASETS_DIR = fileURLToPath(new URL("../../datasets", import.meta.url));

/** Every bundled dataset, in dependency order. */
export const BUNDLED_IMPORTERS: DatasetImporter[] = [
  sourcesImporter,
  statesImporter,
  cyberProcessesImporter,
  cyberStrategiesImporter,
  votesImporter,
  documentsImporter,
  participationImporter,
  implementationImporter,
  internationalLawImporter,
];

const SEED_LOCK_KEY = 7_402_119_002;

export interface DatasetSeedResult {
  dataset: string;
  status: "imported" | "up-to-date";
  counts: Record<string, ImportCounts>;
  milliseconds: number;
}

export type SeedProgress = (event: {
  dataset: string;
  index: number;
  total: number;
  phase: "start" | "done" | "skip";
  result?: DatasetSeedResult;
}) => void;

export interface SeedOptions {
  datasetsDir?: string;
  importers?: DatasetImporter[];
  /** Re-run every importer even if its files are unchanged (counts then show what changed). */
  force?: boolean;
  onProgress?: SeedProgress;
  now?: () => Date;
}

export async function seedDatabase(database: Database, options: SeedOptions = {}): Promise<DatasetSeedResult[]> {
  const dir = options.datasetsDir ?? DATASETS_DIR;
  const importers = options.importers ?? BUNDLED_IMPORTERS;
  const now = options.now ?? (() => new Date());
  return database.withExclusiveLock(SEED_LOCK_KEY, async () => {
    const results: DatasetSeedResult[] = [];
    for (const [index, importer] of importers.entries()) {
      const started = performance.now();
      const contentHash = hashFiles(dir, importer.files);
      const previous = await findDatasetImport(database.db, importer.name);
      if (!options.force && previous?.contentHash === contentHash) {
        const result: DatasetSeedResult = {
          dataset: importer.name,
          status: "up-to-date",
          counts: previous.counts,
          milliseconds: 0,
        };
        options.onProgress?.({ dataset: importer.name, index, total: importers.length, phase: "skip", result });
        results.push(result);
        continue;
      }
      options.onProgress?.({ dataset: importer.name, index, total: importers.length, phase: "start" });
      const counts = await database.db.transaction(async (tx) => {
        const c = await importer.run(tx, dir);
        await upsertDatasetImport(tx, { dataset: importer.name, contentHash, counts: c, importedAt: now() });
        return c;
      });
      const result: DatasetSeedResult = {
        dataset: importer.name,
        status: "imported",
        counts,
        milliseconds: performance.now() - started,
      };
      options.onProgress?.({ dataset: importer.name, index, total: importers.length, phase: "done", result });
      results.push(result);
    }
    return results;
  });
}

function hashFiles(dir: string, files: string[]): string {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(dir, file)));
  }
  return hash.digest("hex");
}
