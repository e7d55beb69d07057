// Loads the alignment index from the database once per database handle and keeps it for the life of the process.
import type { Db } from "../db/client.js";
import { listVoteMatrixRows, listVoters } from "../db/votes.js";
import { buildAlignmentIndex, type AlignmentIndex } from "./alignment.js";

const cache = new WeakMap<Db, Promise<AlignmentIndex>>();

/**
 * The first call reads every vote event (~7,000 rows) and builds the bitsets (a few hundred ms, most of it the
 * query: PGlite runs in this thread, so it happens once, never per request); later calls share the result.
 * Vote data only changes through the seed, which runs before the server starts.
 */
export function getAlignmentIndex(db: Db): Promise<AlignmentIndex> {
  let index = cache.get(db);
  if (!index) {
    index = loadAlignmentIndex(db);
    cache.set(db, index);
    index.catch(() => cache.delete(db));
  }
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
