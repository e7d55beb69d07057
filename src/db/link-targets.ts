// What exists to link to, for the symbols a page's texts name: resolution pages, stored documents, recorded votes and
// the norms of the 2015 report, in one query (see domain/text-links.ts).
import { sql } from "drizzle-orm";
import type { KnownLinkTargets } from "../domain/text-links.js";
import { symbolWithoutPart } from "../domain/symbols.js";
import { queryRows, type Db } from "./client.js";

interface TargetRow {
  kind: "resolution" | "document" | "vote" | "norm";
  symbol: string;
  ref: string | null;
}

const NORM_CODE = /^13\s?\(([a-k])\)$/;

/** The link targets among these symbols (and every norm of the 2015 report), read in one query. */
export async function findLinkTargets(db: Db, symbols: readonly string[]): Promise<KnownLinkTargets> {
  const wanted = [...new Set(symbols)];
  // A document stored in parts (A/RES/75/254 A-C) answers to its bare symbol, as in the citation graph.
  const bySymbols = wanted.length
    ? sql`SELECT 'resolution' AS kind, symbol, NULL AS ref, 0 AS pos, NULL::date AS day FROM resolutions WHERE symbol IN ${wanted}
          UNION ALL
          SELECT DISTINCT 'document', symbol, slug, CASE WHEN symbol IN ${wanted} THEN 0 ELSE 1 END, NULL::date FROM documents
            WHERE is_current AND symbol IS NOT NULL
              AND (symbol IN ${wanted} OR regexp_replace(symbol, ' [A-Z](-[A-Z])?$', '') IN ${wanted})
          UNION ALL
          SELECT 'vote', symbol, id, 0, date FROM vote_events WHERE symbol IN ${wanted}
          UNION ALL`
    : sql``;
  const rows = await queryRows<TargetRow>(
    db,
    sql`${bySymbols}
        SELECT 'norm' AS kind, code AS symbol, id AS ref, 0 AS pos, NULL::date AS day FROM framework_items
          WHERE framework_id = 'un-norms-2015'
        ORDER BY kind, pos, day, ref`,
  );
  const resolutions = new Set<string>();
  const documents = new Map<string, string>();
  const votes = new Map<string, string[]>();
  const norms = new Map<string, string>();
  for (const row of rows) {
    if (row.kind === "resolution") resolutions.add(row.symbol);
    else if (row.kind === "document") {
      for (const key of [row.symbol, symbolWithoutPart(row.symbol)])
        if (!documents.has(key) && row.ref) documents.set(key, row.ref);
    } else if (row.kind === "vote") votes.set(row.symbol, [...(votes.get(row.symbol) ?? []), row.ref!]);
    else {
      const letter = NORM_CODE.exec(row.symbol)?.[1];
      if (letter && row.ref) norms.set(letter, row.ref);
    }
  }
  return { resolutions, documents, votes, norms };
}
