// Queries for the "about the data" page: the bundled datasets (sources of kind dataset) and how many records cite each.
import { asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { recordSources, sources } from "./schema/sources.js";

export interface DatasetSource {
  id: string;
  title: string;
  url: string | null;
  datasetPath: string | null;
  licence: string;
  attribution: string | null;
  retrievedOn: string | null;
  /** Records that cite this dataset, of any kind. */
  recordCount: number;
}

export async function listDatasetSources(db: Db): Promise<DatasetSource[]> {
  return db
    .select({
      id: sources.id,
      title: sources.title,
      url: sources.url,
      datasetPath: sources.datasetPath,
      licence: sources.licence,
      attribution: sources.attribution,
      retrievedOn: sources.retrievedOn,
      recordCount: sql<number>`cast(${count(recordSources.recordId)} as integer)`,
    })
    .from(sources)
    .leftJoin(recordSources, eq(recordSources.sourceId, sources.id))
    .where(eq(sources.kind, "dataset"))
    .groupBy(sources.id)
    .orderBy(asc(sources.title));
}
