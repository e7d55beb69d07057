// Queries on corpus_imports: how far the background import of a bundled document corpus got.
import { eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { corpusImports } from "./schema/imports.js";
import type { Tx } from "./upsert.js";

export type CorpusImport = typeof corpusImports.$inferSelect;

export async function findCorpusImport(db: Db | Tx, corpus: string): Promise<CorpusImport | null> {
  const [row] = await db.select().from(corpusImports).where(eq(corpusImports.corpus, corpus));
  return row ?? null;
}

export async function upsertCorpusImport(db: Db | Tx, record: CorpusImport): Promise<void> {
  const { corpus, ...rest } = record;
  await db.insert(corpusImports).values(record).onConflictDoUpdate({ target: corpusImports.corpus, set: rest });
}
