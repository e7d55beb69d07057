// Queries for the citation graph ("cites" / "cited by"), the references without a symbol, the stored references a
// reindex compares against, and the vocabulary reference detection runs against.
import { eq, sql } from "drizzle-orm";
import type { Citation } from "../domain/documents.js";
import { symbolWithoutPart } from "../domain/symbols.js";
import type { ResolutionBody } from "../domain/references-bodies.js";
import type { DetectedMention, ReferenceVocabulary } from "../domain/references-entities.js";
import type { LocalStateName } from "../domain/state-name-matcher.js";
import type { DetectedCitation, UnresolvedResolutionReference } from "../domain/references.js";
import { queryRows, type Db } from "./client.js";
import * as t from "./schema/index.js";
import type { Tx } from "./upsert.js";

/** States, processes and framework items as reference detection needs them. */
export async function getReferenceVocabulary(db: Db | Tx): Promise<ReferenceVocabulary> {
  const h = db as Db;
  const states = await queryRows<{ iso3: string; name: string; official_name: string; un_ga_names: string[] }>(
    h,
    sql`SELECT iso3, name, official_name, un_ga_names FROM states ORDER BY iso3`,
  );
  const localNames = await queryRows<{
    state_iso3: string;
    language: LocalStateName["language"];
    name: string;
    official_name: string;
  }>(h, sql`SELECT state_iso3, language, name, official_name FROM state_names ORDER BY state_iso3, language`);
  const namesOf = new Map<string, LocalStateName[]>();
  for (const n of localNames)
    namesOf.set(n.state_iso3, [
      ...(namesOf.get(n.state_iso3) ?? []),
      { language: n.language, name: n.name, officialName: n.official_name },
    ]);
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
      localNames: namesOf.get(s.iso3) ?? [],
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

/** A paragraph's reference to a resolution that has no symbol we can name (a body without symbols, or a number that fits no named body). */
export interface UnresolvedCitation {
  fromAnchor: string;
  fromLabel: string;
  body: ResolutionBody | "unknown";
  /** The body's name as the text writes it; null when the words name none. */
  bodyName: string | null;
  /** The number as written ("61/2"). */
  matchedText: string;
}

/** What the paragraphs of a stored document version cite without a symbol, in paragraph order. */
export async function listUnresolvedCitationsFrom(db: Db, documentId: number): Promise<UnresolvedCitation[]> {
  const rows = await queryRows<{
    from_anchor: string;
    from_label: string;
    body: ResolutionBody | "unknown";
    body_name: string | null;
    matched_text: string;
  }>(
    db,
    sql`SELECT p.anchor AS from_anchor, p.label AS from_label, u.body, u.body_name, u.matched_text
        FROM document_unresolved_citations u JOIN document_paragraphs p ON p.id = u.paragraph_id
        WHERE u.document_id = ${documentId} ORDER BY p.position, u.body, u.matched_text`,
  );
  return rows.map((r) => ({
    fromAnchor: r.from_anchor,
    fromLabel: r.from_label,
    body: r.body,
    bodyName: r.body_name,
    matchedText: r.matched_text,
  }));
}

/**
 * Stores the unresolved references of a document version's paragraphs, given by paragraph position (1-based, as
 * stored); the same body and number twice in a paragraph is one row. Returns how many rows it wrote.
 */
export async function insertUnresolvedCitations(
  db: Db | Tx,
  documentId: number,
  paragraphs: { position: number; references: UnresolvedResolutionReference[] }[],
): Promise<number> {
  const seen = new Set<string>();
  const values = paragraphs.flatMap(({ position, references }) =>
    references.flatMap((r) => {
      const key = JSON.stringify([position, r.body, r.matchedText]);
      if (seen.has(key)) return [];
      seen.add(key);
      return [sql`(${position}::int, ${r.body}, ${r.bodyName}, ${r.matchedText})`];
    }),
  );
  for (let i = 0; i < values.length; i += UNRESOLVED_CHUNK)
    await db.execute(
      sql`INSERT INTO document_unresolved_citations (paragraph_id, document_id, body, body_name, matched_text)
          SELECT p.id, p.document_id, v.body, v.body_name, v.matched_text
          FROM (VALUES ${sql.join(values.slice(i, i + UNRESOLVED_CHUNK), sql`, `)}) AS v(position, body, body_name, matched_text)
          JOIN document_paragraphs p ON p.document_id = ${documentId} AND p.position = v.position
          ON CONFLICT DO NOTHING`,
    );
  return values.length;
}

const UNRESOLVED_CHUNK = 200;

/** What a stored document version's paragraphs cite and mention, by paragraph id, as reference detection gives it. */
export interface StoredParagraphReferences {
  citations: DetectedCitation[];
  unresolved: UnresolvedResolutionReference[];
  mentions: DetectedMention[];
}

/** The stored references of a document version, by paragraph id (paragraphs without any are left out). */
export async function listStoredReferencesOf(
  db: Db | Tx,
  documentId: number,
): Promise<Map<number, StoredParagraphReferences>> {
  const h = db as Db;
  const byParagraph = new Map<number, StoredParagraphReferences>();
  const of = (id: number) => {
    let refs = byParagraph.get(id);
    if (!refs) byParagraph.set(id, (refs = { citations: [], unresolved: [], mentions: [] }));
    return refs;
  };
  const citations = await queryRows<{ paragraph_id: number; target_symbol: string; matched_text: string }>(
    h,
    sql`SELECT paragraph_id, target_symbol, matched_text FROM document_citations WHERE document_id = ${documentId}`,
  );
  for (const c of citations)
    of(c.paragraph_id).citations.push({ targetSymbol: c.target_symbol, matchedText: c.matched_text });
  const unresolved = await queryRows<{
    paragraph_id: number;
    body: ResolutionBody | "unknown";
    body_name: string | null;
    matched_text: string;
  }>(
    h,
    sql`SELECT paragraph_id, body, body_name, matched_text FROM document_unresolved_citations WHERE document_id = ${documentId}`,
  );
  for (const u of unresolved)
    of(u.paragraph_id).unresolved.push({ body: u.body, bodyName: u.body_name, matchedText: u.matched_text });
  const mentions = await queryRows<{
    paragraph_id: number;
    kind: DetectedMention["kind"];
    target_id: string;
    confidence: number;
    matched_text: string;
  }>(
    h,
    sql`SELECT paragraph_id, kind, target_id, confidence, matched_text FROM paragraph_mentions WHERE document_id = ${documentId}`,
  );
  for (const m of mentions)
    of(m.paragraph_id).mentions.push({
      kind: m.kind,
      targetId: m.target_id,
      confidence: Number(m.confidence),
      matchedText: m.matched_text,
    });
  return byParagraph;
}

/**
 * Replaces every citation, unresolved citation and mention of a document version with the given ones (by paragraph
 * id and position), inside the caller's transaction.
 */
export async function replaceReferencesOf(
  tx: Tx,
  documentId: number,
  paragraphs: ({ paragraphId: number; position: number } & StoredParagraphReferences)[],
): Promise<void> {
  await tx.delete(t.documentCitations).where(eq(t.documentCitations.documentId, documentId));
  await tx.delete(t.documentUnresolvedCitations).where(eq(t.documentUnresolvedCitations.documentId, documentId));
  await tx.delete(t.paragraphMentions).where(eq(t.paragraphMentions.documentId, documentId));
  const citations = paragraphs.flatMap((p) =>
    p.citations.map((c) => ({
      paragraphId: p.paragraphId,
      documentId,
      targetSymbol: c.targetSymbol,
      matchedText: c.matchedText,
    })),
  );
  const mentions = paragraphs.flatMap((p) =>
    p.mentions.map((m) => ({
      paragraphId: p.paragraphId,
      documentId,
      kind: m.kind,
      targetId: m.targetId,
      confidence: m.confidence,
      matchedText: m.matchedText,
    })),
  );
  for (let i = 0; i < citations.length; i += REPLACE_CHUNK)
    await tx
      .insert(t.documentCitations)
      .values(citations.slice(i, i + REPLACE_CHUNK))
      .onConflictDoNothing();
  for (let i = 0; i < mentions.length; i += REPLACE_CHUNK)
    await tx
      .insert(t.paragraphMentions)
      .values(mentions.slice(i, i + REPLACE_CHUNK))
      .onConflictDoNothing();
  await insertUnresolvedCitations(
    tx,
    documentId,
    paragraphs.map((p) => ({ position: p.position, references: p.unresolved })),
  );
}

const REPLACE_CHUNK = 400;

/**
 * The names of the given States in a language, for showing mentions on a page in that language (issue 19): the name
 * in `state_names` for Arabic, Chinese, French, Russian and Spanish, the English name otherwise or where none is stored.
 */
export async function listStateNamesIn(db: Db, language: string, iso3s: string[]): Promise<Map<string, string>> {
  if (iso3s.length === 0) return new Map();
  const rows = await queryRows<{ iso3: string; name: string }>(
    db,
    sql`SELECT s.iso3, coalesce(n.name, s.name) AS name FROM states s
        LEFT JOIN state_names n ON n.state_iso3 = s.iso3 AND n.language = ${language}
        WHERE s.iso3 IN ${iso3s}`,
  );
  return new Map(rows.map((r) => [r.iso3, r.name]));
}
