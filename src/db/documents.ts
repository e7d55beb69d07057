// Queries for documents: store a new version with its paragraphs, citations and mentions; list; one document with everything.
import { and, desc, eq, sql } from "drizzle-orm";
import type { DocumentDetail, DocumentParagraph, DocumentSummary, ParsedDocument } from "../domain/documents.js";
import { LANGUAGE_NAMES, searchConfigOf, UN_LANGUAGES } from "../domain/documents.js";
import { searchTextOf } from "../domain/search-text.js";
import type { DetectedMention } from "../domain/references-entities.js";
import type { DetectedCitation } from "../domain/references.js";
import { NotFoundError } from "../domain/errors.js";
import type { DocumentType, MentionKind } from "../domain/vocabulary.js";
import { queryRows, type Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import * as t from "./schema/index.js";
import type { Tx } from "./upsert.js";

type Handle = Db | Tx;

export interface NewDocumentVersion {
  slug: string;
  parsed: ParsedDocument;
  gaSession: number | null;
  processId: string | null;
  sourceId: string | null;
  sourceUrl: string | null;
  licence: string;
  attribution: string | null;
  contentHash: string;
  textHash: string;
  byteSize: number;
  ingestedAt: Date;
  /** Per paragraph (same order as parsed.paragraphs): what it cites and mentions. */
  references: { citations: DetectedCitation[]; mentions: DetectedMention[] }[];
}

/** The stored version with these exact bytes, if any. */
export async function findDocumentByContentHash(
  db: Handle,
  contentHash: string,
): Promise<{ id: number; slug: string; language: string; version: number } | null> {
  const [row] = await db
    .select({
      id: t.documents.id,
      slug: t.documents.slug,
      language: t.documents.language,
      version: t.documents.version,
    })
    .from(t.documents)
    .where(eq(t.documents.contentHash, contentHash))
    .limit(1);
  return row ?? null;
}

/** The current version of a document in a language, if any. */
export async function findCurrentVersion(
  db: Handle,
  slug: string,
  language: string,
): Promise<{ id: number; version: number; textHash: string } | null> {
  const [row] = await db
    .select({ id: t.documents.id, version: t.documents.version, textHash: t.documents.textHash })
    .from(t.documents)
    .where(and(eq(t.documents.slug, slug), eq(t.documents.language, language)))
    .orderBy(desc(t.documents.version))
    .limit(1);
  return row ?? null;
}

/** Stores a document as the newest version of its slug and language; earlier versions stay, no longer current. */
export async function insertDocumentVersion(
  db: Tx,
  input: NewDocumentVersion,
): Promise<{ id: number; version: number }> {
  const { parsed } = input;
  const previous = await findCurrentVersion(db, input.slug, parsed.language);
  const version = (previous?.version ?? 0) + 1;
  if (previous)
    await db
      .update(t.documents)
      .set({ isCurrent: false })
      .where(and(eq(t.documents.slug, input.slug), eq(t.documents.language, parsed.language)));
  const [doc] = await db
    .insert(t.documents)
    .values({
      slug: input.slug,
      symbol: parsed.symbol,
      language: parsed.language,
      version,
      isCurrent: true,
      type: parsed.type,
      format: parsed.format,
      title: parsed.title,
      documentDate: parsed.date,
      gaSession: input.gaSession,
      processId: input.processId,
      authors: parsed.authors,
      sourceId: input.sourceId,
      sourceUrl: input.sourceUrl,
      licence: input.licence,
      attribution: input.attribution,
      contentHash: input.contentHash,
      textHash: input.textHash,
      byteSize: input.byteSize,
      paragraphCount: parsed.paragraphs.length,
      ingestedAt: input.ingestedAt,
    })
    .returning({ id: t.documents.id });
  const documentId = doc!.id;
  const config = searchConfigOf(parsed.language);
  const paragraphIds: number[] = [];
  for (let i = 0; i < parsed.paragraphs.length; i += CHUNK) {
    const rows = parsed.paragraphs.slice(i, i + CHUNK).map((p, j) => ({
      documentId,
      position: i + j + 1,
      anchor: p.anchor,
      label: p.label,
      kind: p.kind,
      heading: p.heading,
      text: p.text,
      notes: p.notes.join("\n"),
      searchText: searchTextOf(p.text),
      searchNotes: searchTextOf(p.notes.join("\n")),
      searchConfig: config,
    }));
    const inserted = await db.insert(t.documentParagraphs).values(rows).returning({ id: t.documentParagraphs.id });
    paragraphIds.push(...inserted.map((r) => r.id));
  }
  const citations = input.references.flatMap((r, i) =>
    r.citations
      .filter((c) => c.targetSymbol !== parsed.symbol)
      .map((c) => ({
        paragraphId: paragraphIds[i]!,
        documentId,
        targetSymbol: c.targetSymbol,
        matchedText: c.matchedText,
      })),
  );
  const mentions = input.references.flatMap((r, i) =>
    r.mentions.map((m) => ({
      paragraphId: paragraphIds[i]!,
      documentId,
      kind: m.kind,
      targetId: m.targetId,
      confidence: m.confidence,
      matchedText: m.matchedText,
    })),
  );
  for (let i = 0; i < citations.length; i += CHUNK)
    await db.insert(t.documentCitations).values(citations.slice(i, i + CHUNK));
  for (let i = 0; i < mentions.length; i += CHUNK)
    await db.insert(t.paragraphMentions).values(mentions.slice(i, i + CHUNK));
  return { id: documentId, version };
}

const CHUNK = 400;

export interface DocumentListFilter {
  type?: DocumentType | undefined;
  gaSession?: number | undefined;
  language?: string | undefined;
}

/**
 * The orders the documents list offers (the API's sort); ties by id. A document changes only by a new version, so
 * "updated" (and the API's since) reads the current version's ingestion time.
 */
export const DOCUMENT_SORTS = {
  date: sql`d.document_date`,
  symbol: sql`d.slug`,
  updated: sql`d.ingested_at`,
} satisfies SortColumns;

/** Current versions, newest first (or `page.order`); with `page.since`, only those ingested after it. */
export async function listDocuments(
  db: Db,
  filter: DocumentListFilter,
  page: ListWindow,
): Promise<{ items: DocumentSummary[]; total: number }> {
  const where = sql.join(
    [
      sql`d.is_current`,
      filter.type ? sql`d.type = ${filter.type}` : null,
      filter.gaSession ? sql`d.ga_session = ${filter.gaSession}` : null,
      filter.language ? sql`d.language = ${filter.language}` : null,
      changedSince(sql`d.ingested_at`, page.since) ?? null,
    ].filter((x) => x !== null),
    sql` AND `,
  );
  const order = orderByOf(
    DOCUMENT_SORTS,
    page.order,
    [sql`d.document_date DESC NULLS LAST`, sql`d.slug`, sql`d.id`],
    [sql`d.id`],
  );
  const rows = await queryRows<SummaryRow & { total: number }>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}, count(*) OVER ()::int AS total FROM documents d WHERE ${where}
        ORDER BY ${sql.join(order, sql`, `)} LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return {
    items: rows.map(toSummary),
    total: rows[0]?.total ?? (page.offset > 0 ? await countDocuments(db, where) : 0),
  };
}

async function countDocuments(db: Db, where: ReturnType<typeof sql.join>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM documents d WHERE ${where}`);
  return row?.n ?? 0;
}

/** The current version of a document (English first when it exists in several languages), with its paragraphs and mentions. */
export async function getDocumentDetail(db: Db, slug: string, language?: string): Promise<DocumentDetail> {
  const [row] = await queryRows<SummaryRow & DetailRow>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}, d.format, d.authors, d.process_id, p.short_name AS process_name, d.source_url, s.title AS source_title,
               d.licence, d.attribution, d.content_hash, d.ingested_at
        FROM documents d LEFT JOIN processes p ON p.id = d.process_id LEFT JOIN sources s ON s.id = d.source_id
        WHERE d.slug = ${slug} AND d.is_current ${language ? sql`AND d.language = ${language}` : sql``}
        ORDER BY (d.language = 'en') DESC, d.language LIMIT 1`,
  );
  if (!row) {
    // A resolution adopted in parts is stored under its parts' symbol (A/RES/75/254 A-C, A/RES/75/242 B); its bare symbol answers with the first part.
    const isBareResolution = /^A\/RES\/[\w-]+\/\d+$/.test(slug);
    const [part] = isBareResolution
      ? await queryRows<{ slug: string }>(
          db,
          sql`SELECT d.slug FROM documents d WHERE left(d.slug, ${slug.length + 1}) = ${`${slug} `} AND d.is_current ORDER BY d.slug LIMIT 1`,
        )
      : [];
    if (part) return getDocumentDetail(db, part.slug, language);
    if (language) {
      const available = (await listDocumentLanguages(db, slug)).map((l) => l.language);
      if (available.length) throw new DocumentLanguageNotFoundError(slug, language, available);
    }
    throw new NotFoundError("document", slug);
  }
  const versions = await db
    .select({
      version: t.documents.version,
      contentHash: t.documents.contentHash,
      ingestedAt: t.documents.ingestedAt,
      isCurrent: t.documents.isCurrent,
    })
    .from(t.documents)
    .where(and(eq(t.documents.slug, slug), eq(t.documents.language, row.language)))
    .orderBy(desc(t.documents.version));
  const paragraphs = await listParagraphs(db, row.id);
  return {
    ...toSummary(row),
    format: row.format,
    authors: row.authors,
    processId: row.process_id,
    processName: row.process_name,
    sourceUrl: row.source_url,
    sourceTitle: row.source_title,
    licence: row.licence,
    attribution: row.attribution,
    contentHash: row.content_hash,
    ingestedAt: new Date(row.ingested_at),
    versions,
    paragraphs,
  };
}

/** A document that is stored, but not in the language asked for: says which languages it is stored in. */
export class DocumentLanguageNotFoundError extends NotFoundError {
  constructor(
    readonly slug: string,
    readonly language: string,
    /** The languages of its current versions, English first, then the UN order. */
    readonly available: string[],
  ) {
    super("document", slug);
    const named = (l: string) => `${LANGUAGE_NAMES[l]?.english ?? l} (${l})`;
    this.message = `${slug} is not available in ${named(language)}; available languages: ${available.map(named).join(", ")}`;
  }
}

/** The languages a document's current versions are stored in (English first, then the UN order), each with its title and paragraph anchors in order. */
export async function listDocumentLanguages(db: Db, slug: string): Promise<DocumentLanguageVersion[]> {
  const rows = await queryRows<{ language: string; title: string; anchors: string[] | null }>(
    db,
    sql`SELECT d.language, d.title, (SELECT array_agg(p.anchor ORDER BY p.position) FROM document_paragraphs p WHERE p.document_id = d.id AND p.kind <> 'heading') AS anchors
        FROM documents d WHERE d.slug = ${slug} AND d.is_current ORDER BY (d.language = 'en') DESC, d.language`,
  );
  const order = (l: string) => {
    const i = (UN_LANGUAGES as readonly string[]).indexOf(l);
    return i < 0 ? 99 : i;
  };
  return rows
    .map((r) => ({ language: r.language, title: r.title, anchors: r.anchors ?? [] }))
    .sort((a, b) => order(a.language) - order(b.language) || a.language.localeCompare(b.language));
}

export interface DocumentLanguageVersion {
  language: string;
  title: string;
  /** Anchors of the non-heading paragraphs, in order. */
  anchors: string[];
}

async function listParagraphs(db: Db, documentId: number): Promise<DocumentParagraph[]> {
  const rows = await queryRows<{
    id: number;
    position: number;
    anchor: string;
    label: string;
    kind: DocumentParagraph["kind"];
    heading: string | null;
    text: string;
    notes: string;
    mentions: { kind: MentionKind; targetId: string; confidence: number; matchedText: string }[] | null;
  }>(
    db,
    sql`SELECT p.id, p.position, p.anchor, p.label, p.kind, p.heading, p.text, p.notes,
               (SELECT json_agg(json_build_object('kind', m.kind, 'targetId', m.target_id, 'confidence', m.confidence, 'matchedText', m.matched_text) ORDER BY m.kind, m.target_id)
                  FROM paragraph_mentions m WHERE m.paragraph_id = p.id) AS mentions
        FROM document_paragraphs p WHERE p.document_id = ${documentId} ORDER BY p.position`,
  );
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    anchor: r.anchor,
    label: r.label,
    kind: r.kind,
    heading: r.heading,
    text: r.text,
    notes: r.notes ? r.notes.split("\n") : [],
    mentions: r.mentions ?? [],
  }));
}

const SUMMARY_COLUMNS = sql`d.id, d.slug, d.symbol, d.title, d.document_date::text AS document_date, d.language, d.type, d.version, d.ga_session, d.paragraph_count`;

interface SummaryRow {
  id: number;
  slug: string;
  symbol: string | null;
  title: string;
  document_date: string | null;
  language: string;
  type: DocumentType;
  version: number;
  ga_session: number | null;
  paragraph_count: number;
}

interface DetailRow {
  format: DocumentDetail["format"];
  authors: string[];
  process_id: string | null;
  process_name: string | null;
  source_url: string | null;
  source_title: string | null;
  licence: string;
  attribution: string | null;
  content_hash: string;
  ingested_at: string | Date;
}

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    slug: r.slug,
    symbol: r.symbol,
    title: r.title,
    date: r.document_date,
    language: r.language,
    type: r.type,
    version: r.version,
    gaSession: r.ga_session,
    paragraphCount: r.paragraph_count,
  };
}

/**
 * Refreshes planner statistics after a bulk ingest (PGlite has no autovacuum; without them the planner picks nested loops),
 * and merges the paragraphs' full-text indexes' pending lists: GIN keeps recent insertions in a list that every search
 * reads through, one scan per searched configuration, until VACUUM (never on PGlite) or this merges it.
 */
export async function analyzeDocumentTables(db: Handle): Promise<void> {
  await db.execute(sql`ANALYZE documents, document_paragraphs, document_citations, paragraph_mentions`);
  await db.execute(
    sql`SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = 'document_paragraphs'::regclass AND am.amname = 'gin'`,
  );
}
