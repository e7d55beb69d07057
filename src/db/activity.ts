// Loads the dated facts the activity stream is derived from (issue 16): sessions, tracked resolutions and their
// recorded votes, strategy instruments, positions on international law and treaty actions, each with its own sources.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { deriveActivity, type ActivityFact, type ActivityRows } from "../domain/activity.js";
import type { Source } from "../domain/source.js";
import type { Db } from "./client.js";
import { listLegalPositions, listTreaties, listTreatyActions } from "./international-law.js";
import { instruments } from "./schema/implementation.js";
import { resolutions } from "./schema/processes.js";
import { states } from "./schema/reference.js";
import { voteEvents } from "./schema/votes.js";
import { listSessions } from "./sessions.js";
import { findSource, listSourcesByRecord } from "./sources.js";
import { partialDateOf } from "./states.js";

async function loadVotes(db: Db): Promise<ActivityRows["votes"]> {
  const rows = await db
    .select({ e: voteEvents, topic: resolutions.topic })
    .from(voteEvents)
    .innerJoin(resolutions, eq(resolutions.symbol, voteEvents.symbol))
    .orderBy(asc(voteEvents.date), asc(voteEvents.id));
  const cache = new Map<string, Source | null>();
  const sourceOf = async (id: string) => {
    if (!cache.has(id)) cache.set(id, await findSource(db, id));
    return cache.get(id) ?? null;
  };
  const out: ActivityRows["votes"] = [];
  for (const { e, topic } of rows) {
    const sources = (await Promise.all(e.sourceIds.map(sourceOf))).filter((s): s is Source => s !== null);
    // Totals from the vote's own record: as its source reports them, else as counted from its votes (never the fact base's, cited elsewhere).
    const totals =
      e.reportedYes !== null
        ? { yes: e.reportedYes, no: e.reportedNo ?? 0, abstain: e.reportedAbstain ?? 0 }
        : { yes: e.countedYes, no: e.countedNo, abstain: e.countedAbstain };
    out.push({ id: e.id, symbol: e.symbol, title: e.title, date: e.date, topic, ...totals, sources });
  }
  return out;
}

/** The rows of every dated fact, with their sources. */
export async function listActivityRows(db: Db): Promise<ActivityRows> {
  const { items: sessionItems } = await listSessions(db);
  const sessionSources = await listSourcesByRecord(
    db,
    "session",
    sessionItems.map((s) => s.id),
  );
  const resolutionRows = await db
    .select()
    .from(resolutions)
    .where(isNotNull(resolutions.adoptedOn))
    .orderBy(asc(resolutions.adoptedOn), asc(resolutions.symbol));
  const resolutionSources = await listSourcesByRecord(
    db,
    "resolution",
    resolutionRows.map((r) => r.symbol),
  );
  const strategyRows = await db
    .select({
      id: instruments.id,
      stateIso3: instruments.stateIso3,
      stateName: states.name,
      title: instruments.title,
      day: instruments.adoptedOn,
      precision: instruments.adoptedPrecision,
    })
    .from(instruments)
    .leftJoin(states, eq(states.iso3, instruments.stateIso3))
    .where(and(eq(instruments.kind, "strategy"), isNotNull(instruments.adoptedOn)))
    .orderBy(asc(instruments.id));
  const strategySources = await listSourcesByRecord(
    db,
    "instrument",
    strategyRows.map((r) => r.id),
  );
  const treaties = new Map((await listTreaties(db)).map((t) => [t.id, t]));
  const actions = await listTreatyActions(db);
  return {
    sessions: sessionItems.map((s) => ({
      id: s.id,
      name: s.name,
      processId: s.processId,
      processShortName: s.processShortName,
      processKind: s.processKind,
      start: s.start,
      end: s.end,
      venue: s.venue,
      sources: sessionSources.get(s.id) ?? [],
    })),
    resolutions: resolutionRows.map((r) => ({
      symbol: r.symbol,
      title: r.title,
      topic: r.topic,
      adoptedOn: r.adoptedOn,
      adoptionNote: r.adoptionNote,
      sources: resolutionSources.get(r.symbol) ?? [],
    })),
    votes: await loadVotes(db),
    strategies: strategyRows.map((r) => ({
      id: r.id,
      stateIso3: r.stateIso3,
      stateName: r.stateName,
      title: r.title,
      adopted: partialDateOf(r.day, r.precision),
      sources: strategySources.get(r.id) ?? [],
    })),
    positions: await listLegalPositions(db),
    treatyActions: actions.map((a) => {
      const t = treaties.get(a.treatyId);
      return {
        ...a,
        treatyShortTitle: t?.shortTitle ?? a.treatyId,
        resolutionSymbol: t?.resolutionSymbol ?? null,
        processId: t?.processId ?? null,
      };
    }),
  };
}

/** Every dated fact, oldest first (derived on each call; nothing is stored). */
export async function listActivity(db: Db): Promise<ActivityFact[]> {
  return deriveActivity(await listActivityRows(db));
}
