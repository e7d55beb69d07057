// Re-derives what ingest computes from a document's paragraphs — the text the search index reads (Arabic normalised,
// Chinese split into words) and the references (citations, unresolved citations, mentions) — over the stored paragraphs,
// without the files: for documents stored before those rules changed, which a re-ingest skips as unchanged.
import type { Db } from "../../db/client.js";
import {
  getReferenceVocabulary,
  listStoredReferencesOf,
  replaceReferencesOf,
  type StoredParagraphReferences,
} from "../../db/documents-references.js";
import {
  listDocumentsToReindex,
  listParagraphsToReindex,
  updateParagraphSearchColumns,
  type DocumentToReindex,
  type ParagraphToReindex,
} from "../../db/documents-reindex.js";
import { analyzeDocumentTables } from "../../db/documents.js";
import type { Tx } from "../../db/upsert.js";
import { foldInvisibleCharacters, searchConfigOf } from "../../domain/documents.js";
import { createReferenceMatcher, type ReferenceMatcher } from "../../domain/references-entities.js";
import { searchTextOf } from "../../domain/search-text.js";
import { proposeEvidenceCandidates } from "./evidence-candidates.js";
import { detectParagraphReferences } from "./ingest.js";

export interface ReindexProgress {
  /** Document versions looked at so far, of `total`. */
  processed: number;
  total: number;
  /** Paragraphs whose search columns were rewritten. */
  paragraphsReindexed: number;
  /** Document versions whose stored references differed from what detection finds now, and were replaced. */
  documentsWithNewReferences: number;
  /** Candidate evidence proposed for those documents (never published). */
  candidates: number;
}

export interface ReindexOptions {
  now: () => Date;
  /** Called after every document version. */
  onProgress?: (progress: ReindexProgress) => void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * Reindexes every stored document version, one transaction each, changing only what differs: running it twice
 * changes nothing the second time. Stops after the document in hand when `signal` aborts.
 */
export async function reindexDocuments(db: Db, options: ReindexOptions): Promise<ReindexProgress> {
  const matcher = createReferenceMatcher(await getReferenceVocabulary(db));
  const documents = await listDocumentsToReindex(db);
  const progress: ReindexProgress = {
    processed: 0,
    total: documents.length,
    paragraphsReindexed: 0,
    documentsWithNewReferences: 0,
    candidates: 0,
  };
  for (const doc of documents) {
    if (options.signal?.aborted) break;
    const result = await db.transaction((tx) => reindexDocument(tx, matcher, doc, options.now()));
    progress.processed++;
    progress.paragraphsReindexed += result.paragraphsReindexed;
    if (result.hasNewReferences) progress.documentsWithNewReferences++;
    progress.candidates += result.candidates;
    await options.onProgress?.({ ...progress });
  }
  if (progress.paragraphsReindexed > 0 || progress.documentsWithNewReferences > 0) await analyzeDocumentTables(db);
  return progress;
}

async function reindexDocument(
  tx: Tx,
  matcher: ReferenceMatcher,
  doc: DocumentToReindex,
  now: Date,
): Promise<{ paragraphsReindexed: number; hasNewReferences: boolean; candidates: number }> {
  const paragraphs = await listParagraphsToReindex(tx, doc.id);
  const config = searchConfigOf(doc.language);
  const stale = paragraphs
    .map((p) => ({
      id: p.id,
      searchText: indexedText(p.text),
      searchNotes: indexedText(p.notes),
      searchConfig: config,
    }))
    .filter((want, i) => {
      const p = paragraphs[i]!;
      return (
        want.searchText !== p.searchText || want.searchNotes !== p.searchNotes || want.searchConfig !== p.searchConfig
      );
    });
  await updateParagraphSearchColumns(tx, stale);

  const detected = paragraphs.map((p) => ({
    paragraphId: p.id,
    position: p.position,
    ...referencesOf(p, matcher, doc),
  }));
  const stored = await listStoredReferencesOf(tx, doc.id);
  const hasNewReferences = detected.some((d) => referencesKey(d) !== referencesKey(stored.get(d.paragraphId)));
  let candidates = 0;
  if (hasNewReferences) {
    await replaceReferencesOf(tx, doc.id, detected);
    candidates = await proposeEvidenceCandidates(tx, matcher, doc.id, now);
  }
  return { paragraphsReindexed: stale.length, hasNewReferences, candidates };
}

/**
 * The search column of a stored text, as ingest writes it (null when the index reads the text itself). Text stored
 * before invisible characters were folded (soft hyphens, ligatures) gets its folded form, so its phrases match.
 */
function indexedText(text: string): string | null {
  const folded = foldInvisibleCharacters(text);
  return searchTextOf(folded) ?? (folded === text ? null : folded);
}

function referencesOf(p: ParagraphToReindex, matcher: ReferenceMatcher, doc: DocumentToReindex) {
  const { citations, unresolved } = detectParagraphReferences(p.text, p.notes ? p.notes.split("\n") : []);
  return {
    // As at ingest, a document does not cite itself.
    citations: citations.filter((c) => c.targetSymbol !== doc.symbol),
    // One row per body and number, the first named, as insertUnresolvedCitations stores them.
    unresolved: unresolved.filter(
      (u, i) => unresolved.findIndex((x) => x.body === u.body && x.matchedText === u.matchedText) === i,
    ),
    mentions: matcher.detect(p.text),
  } satisfies StoredParagraphReferences;
}

/** The references of a paragraph as one comparable string, whatever their order (stored rows come back unordered). */
function referencesKey(refs: StoredParagraphReferences | undefined): string {
  if (!refs) return "[]";
  const rows = [
    ...new Set([
      ...refs.citations.map((c) => JSON.stringify(["c", c.targetSymbol, c.matchedText])),
      ...refs.unresolved.map((u) => JSON.stringify(["u", u.body, u.bodyName, u.matchedText])),
      // Confidences are stored as 4-byte reals: compared to three places.
      ...refs.mentions.map((m) => JSON.stringify(["m", m.kind, m.targetId, m.confidence.toFixed(3), m.matchedText])),
    ]),
  ];
  return rows.length ? JSON.stringify(rows.sort()) : "[]";
}
