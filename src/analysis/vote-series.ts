// The series of cyber resolutions a vote belongs to (same title, session after session) and its previous and next recorded votes.
import type { Db } from "../db/client.js";
import { listResolutions } from "../db/resolutions.js";
import { listVoteEvents } from "../db/votes.js";
import { findResolutionSeries, type ResolutionSeries } from "../domain/vote-series.js";

/** The series of the resolution a vote event is on, from the bundled cyber fact base; null outside any series. */
export async function findVoteSeries(db: Db, eventId: string): Promise<ResolutionSeries | null> {
  const { items: resolutions } = await listResolutions(db);
  if (!resolutions.some((r) => r.symbol === eventId)) return null;
  const { items: cyberEvents } = await listVoteEvents(db, { isCyberOnly: true });
  const votedIds = new Set(cyberEvents.filter((e) => e.id === e.symbol).map((e) => e.id));
  return findResolutionSeries(resolutions, votedIds, eventId);
}
