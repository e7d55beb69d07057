// Queries on dataset_imports: which version of each bundled dataset the database holds.
import { eq } from "drizzle-orm";
import { datasetImports, type ImportCounts } from "./schema/imports.js";
import type { Db } from "./client.js";
import type { Tx } from "./upsert.js";

export interface DatasetImport {
  dataset: string;
  contentHash: string;
  counts: Record<string, ImportCounts>;
  importedAt: Date;
}

export async function listDatasetImports(db: Db | Tx): Promise<DatasetImport[]> {
  return db.select().from(datasetImports).orderBy(datasetImports.dataset);
}

export async function upsertDatasetImport(db: Db | Tx, record: DatasetImport): Promise<void> {
  await db
    .insert(datasetImports)
    .values(record)
    .onConflictDoUpdate({
      target: datasetImports.dataset,
      set: { contentHash: record.contentHash, counts: record.counts, importedAt: record.importedAt },
    });
}

export async function findDatasetImport(db: Db | Tx, dataset: string): Promise<DatasetImport | null> {
  const rows = await db.select().from(datasetImports).where(eq(datasetImports.dataset, dataset));
  return rows[0] ?? null;
}
