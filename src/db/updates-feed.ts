// What a feed holds for one scope (everything, a State, a norm, a process, a search): editors' updates, current
// documents (by date, mentioning the State or norm explicitly), resolutions and, for a process, its sessions.
import { sql, type SQL } from "drizzle-orm";
import type { ActivityFact } from "../domain/activity.js";
import type { Update, UpdateLink } from "../domain/updates.js";
import type { Db } from "./client.js";
import { queryRows } from "./client.js";
import { listActivity } from "./activity.js";
import { listUpdates } from "./updates.js";

export type FeedScope =
  | { kind: "all" }
  | { kind: "state"; iso3: string }
  | { kind: "norm"; id: string }
  | { kind: "process"; id: string }
  | { kind: "search"; query: string };

export interface FeedDocument {
  slug: string;
  symbol: string | null;
  title: string;
  date: string;
  type: string;
}

export interface FeedResolution {
  symbol: string;
  title: string | null;
  adoptedOn: string;
}

export interface FeedSession {
  id: string;
  name: string;
  startDate: string;
  venue: string | null;
}

export interface FeedContent {
  updates: Update[];
  documents: FeedDocument[];
  resolutions: FeedResolution[];
  sessions: FeedSession[];
  /** Facts derived from dated records (issue 16) about the scope: all of them, a State's, a process's. */
  facts: ActivityFact[];
}

const LIMIT = 50;

function likeWords(column: SQL, query: string): SQL {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return sql`false`;
  return sql.join(
    words.map((w) => sql`${column} ILIKE ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`),
    sql` AND `,
  );
}

export async function listFeedContent(db: Db, scope: FeedScope): Promise<FeedContent> {
  const link: UpdateLink | undefined =
    scope.kind === "state"
      ? { kind: "state", id: scope.iso3 }
      : scope.kind === "norm"
        ? { kind: "norm", id: scope.id }
        : scope.kind === "process"
          ? { kind: "process", id: scope.id }
          : undefined;
  const updates = await listUpdates(db, { link, query: scope.kind === "search" ? scope.query : undefined }, LIMIT);

  const documentWhere =
    scope.kind === "all"
      ? sql`true`
      : scope.kind === "process"
        ? sql`d.process_id = ${scope.id}`
        : scope.kind === "search"
          ? likeWords(sql`(d.title || ' ' || coalesce(d.symbol, ''))`, scope.query)
          : sql`EXISTS (SELECT 1 FROM paragraph_mentions m WHERE m.document_id = d.id AND m.kind = ${scope.kind} AND m.target_id = ${scope.kind === "state" ? scope.iso3 : scope.id})`;
  const documents = await queryRows<FeedDocument>(
    db,
    sql`SELECT d.slug, d.symbol, d.title, d.document_date::text AS date, d.type::text AS type FROM documents d
        WHERE d.is_current AND d.document_date IS NOT NULL AND ${documentWhere}
        ORDER BY d.document_date DESC, d.slug LIMIT ${LIMIT}`,
  );

  const resolutionWhere =
    scope.kind === "all"
      ? sql`true`
      : scope.kind === "process"
        ? sql`r.symbol IN (SELECT resolution_symbol FROM process_resolutions WHERE process_id = ${scope.id})`
        : scope.kind === "search"
          ? likeWords(sql`(coalesce(r.title, '') || ' ' || r.symbol || ' ' || coalesce(r.summary, ''))`, scope.query)
          : sql`false`;
  const resolutions = await queryRows<FeedResolution>(
    db,
    sql`SELECT r.symbol, r.title, r.adopted_on::text AS "adoptedOn" FROM resolutions r
        WHERE r.adopted_on IS NOT NULL AND ${resolutionWhere} ORDER BY r.adopted_on DESC, r.symbol LIMIT ${LIMIT}`,
  );

  const sessions =
    scope.kind === "process"
      ? await queryRows<FeedSession>(
          db,
          sql`SELECT s.id, s.name, s.start_date::text AS "startDate", s.venue FROM sessions s
              WHERE s.process_id = ${scope.id} AND s.start_date IS NOT NULL ORDER BY s.start_date DESC, s.id LIMIT ${LIMIT}`,
        )
      : [];
  const all = scope.kind === "all" || scope.kind === "state" || scope.kind === "process" ? await listActivity(db) : [];
  // A process feed lists its sessions already.
  const facts = all.filter(
    (f) =>
      scope.kind === "all" ||
      (scope.kind === "state" && f.stateIso3 === scope.iso3) ||
      (scope.kind === "process" && f.processId === scope.id && f.kind !== "session"),
  );
  return { updates, documents, resolutions, sessions, facts };
}
