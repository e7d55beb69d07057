// Queries for the citation graph ("cites" / "cited by") and the vocabulary reference detection runs against.
import { sql } from "drizzle-orm";
import type { Citation } from "../domain/documents.js";
import { symbolWithoutPart } from "../domain/symbols.js";
import type { ReferenceVocabulary } from "../domain/references-entities.js";
import { queryRows, type Db } from "./client.js";
import type { Tx } from "./upsert.js";

/** States, processes and framework items as reference detection needs them. */
export async function getReferenceVocabulary(db: Db | Tx): Promise<ReferenceVocabulary> {
  const h = db as Db;
  const states = await queryRows<{ iso3: string; name: string; official_name: string; un_ga_names: string[] }>(
    h,
    sql`SELECT iso3, name, official_name, un_ga_names FROM states ORDER BY iso3`,
  );
  const processes = await queryRows<{ id: string; name: string; short_name: string }>(
    h,
    sql`SELECT id, name, short_name FROM processes ORDER BY id`,
  );
  const items = await queryRows<{ id: string; framework_id: string; code: string }>(
    h,
    sql`SELECT id, framework_id, code FROM framework_items`,
  );
  const normIdsByLetter = new Map<string, string>();
  for (const item of items) {
    const letter = /^13\s?\(([a-k])\)$/.exec(item.code)?.[1];
    if (letter && item.framework_id === "un-norms-2015") normIdsByLetter.set(letter, item.id);
  }
  return {
    states: states.map((s) => ({
      iso3: s.iso3,
      name: s.name,
      officialName: s.official_name,
      unGaNames: s.un_ga_names,
    })),
    processes: processes.map((p) => ({ id: p.id, name: p.name, shortName: p.short_name })),
    normIdsByLetter,
    pocDirectoryCbmId: items.find((i) => i.id === "un-global-poc-directory")?.id ?? null,
  };
}

/** The process a resolution symbol is linked to in the reference data (mandating or following it), if any. */
export async function findProcessOfResolution(db: Db | Tx, symbol: string): Promise<string | null> {
  const [row] = await queryRows<{ process_id: string }>(
    db as Db,
    sql`SELECT process_id FROM process_resolutions WHERE resolution_symbol = ${symbol} ORDER BY process_id LIMIT 1`,
  );
  return row?.process_id ?? null;
}

interface CitationRow {
  from_slug: string;
  from_symbol: string | null;
  from_title: string;
  from_anchor: string;
  from_label: string;
  target_symbol: string;
  target_slug: string | null;
  target_title: string | null;
  matched_text: string;
}

const CITATION_SELECT = sql`SELECT d.slug AS from_slug, d.symbol AS from_symbol, d.title AS from_title, p.anchor AS from_anchor, p.label AS from_label,
         c.target_symbol, t.slug AS target_slug, t.title AS target_title, c.matched_text
  FROM document_citations c
  JOIN document_paragraphs p ON p.id = c.paragraph_id
  JOIN documents d ON d.id = c.document_id AND d.is_current
  LEFT JOIN LATERAL (SELECT slug, title FROM documents x
                     WHERE (x.symbol = c.target_symbol OR left(x.symbol, length(c.target_symbol) + 1) = c.target_symbol || ' ') AND x.is_current
                     ORDER BY (x.symbol = c.target_symbol) DESC, (x.language = 'en') DESC, x.symbol LIMIT 1) t ON true`;
// "resolution 75/254 A to C" cites A/RES/75/254: a resolution stored in parts (A/RES/75/254 A-C) is its target when no document has the bare symbol.

/** What the current version of a document cites, paragraph by paragraph. */
export async function listCitationsFrom(db: Db, documentId: number): Promise<Citation[]> {
  return (
    await queryRows<CitationRow>(
      db,
      sql`${CITATION_SELECT} WHERE c.document_id = ${documentId} ORDER BY p.position, c.target_symbol`,
    )
  ).map(toCitation);
}

/**
 * Paragraphs of other current documents that cite this symbol; for a part (A/RES/75/254 A-C) also those citing the bare
 * symbol (A/RES/75/254), unless a document holds the bare symbol itself (75/242, whose part B came later).
 */
export async function listCitationsTo(db: Db, symbol: string): Promise<Citation[]> {
  const bare = symbolWithoutPart(symbol);
  const hasBareDocument =
    bare !== symbol &&
    (
      await queryRows<{ n: number }>(
        db,
        sql`SELECT 1 AS n FROM documents WHERE symbol = ${bare} AND is_current LIMIT 1`,
      )
    ).length > 0;
  const symbols = bare === symbol || hasBareDocument ? [symbol] : [symbol, bare];
  return (
    await queryRows<CitationRow>(
      db,
      sql`${CITATION_SELECT} WHERE c.target_symbol IN ${symbols} ORDER BY d.document_date DESC NULLS LAST, d.slug, p.position`,
    )
  ).map(toCitation);
}

function toCitation(r: CitationRow): Citation {
  return {
    fromSlug: r.from_slug,
    fromSymbol: r.from_symbol,
    fromTitle: r.from_title,
    fromAnchor: r.from_anchor,
    fromLabel: r.from_label,
    targetSymbol: r.target_symbol,
    targetSlug: r.target_slug,
    targetTitle: r.target_title,
    matchedText: r.matched_text,
  };
}
