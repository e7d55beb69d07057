// Loads the alignment index from the database and keeps it while the data version (db/data-version.ts) holds, so
// every app server on one database rebuilds it after the votes change (issue 18).
import type { Db } from "../db/client.js";
import { getDataVersion } from "../db/data-version.js";
import { listVoteMatrixRows, listVoters } from "../db/votes.js";
import { buildAlignmentIndex, type AlignmentIndex } from "./alignment.js";

const cache = new WeakMap<Db, { version: number; index: Promise<AlignmentIndex> }>();

/**
 * The first call at a data version reads every vote event (~7,000 rows) and builds the bitsets (a few hundred ms,
 * most of it the query); later calls at that version share the result. Each call reads the version (one indexed
 * row), so an index built before a write on another server is never used after it.
 */
export async function getAlignmentIndex(db: Db): Promise<AlignmentIndex> {
  const version = await getDataVersion(db);
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached.index;
  const index = loadAlignmentIndex(db);
  const entry = { version, index };
  cache.set(db, entry);
  index.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return index;
}

export async function loadAlignmentIndex(db: Db): Promise<AlignmentIndex> {
  const voters = await listVoters(db);
  const rows = await listVoteMatrixRows(db);
  return buildAlignmentIndex(
    voters.map((v) => ({ code: v.code, name: v.name, stateIso3: v.stateIso3 })),
    rows,
  );
}
