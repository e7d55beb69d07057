// Candidate evidence after a document is stored: if the document is attributed to a State (ATTRIBUTION_RULE) and
// its paragraphs mention norms or CBMs, editors get candidates to review. Never publishes anything.
import type { Db } from "../../db/client.js";
import { getReferenceVocabulary } from "../../db/documents-references.js";
import {
  findDocumentForAttribution,
  insertEvidenceCandidates,
  listCurrentDocumentIds,
  listNormMentionsOfDocument,
  listStateIso3s,
} from "../../db/evidence-candidates.js";
import type { Tx } from "../../db/upsert.js";
import { attributedStates, proposeCandidates } from "../../domain/evidence-candidates.js";
import { createReferenceMatcher, type ReferenceMatcher } from "../../domain/references-entities.js";

/** Detects candidates in one stored document version; returns how many new candidates it added. */
export async function proposeEvidenceCandidates(
  db: Db | Tx,
  matcher: ReferenceMatcher,
  documentId: number,
  now: Date,
  knownIso3s?: ReadonlySet<string>,
): Promise<number> {
  const doc = await findDocumentForAttribution(db, documentId);
  if (!doc) return 0;
  const stateIso3s = attributedStates(
    doc,
    matcher,
    knownIso3s ?? new Set(doc.authors.some((a) => /^[A-Z]{3}$/.test(a.trim())) ? await listStateIso3s(db) : []),
  );
  if (stateIso3s.length === 0) return 0;
  return insertEvidenceCandidates(
    db,
    proposeCandidates(stateIso3s, await listNormMentionsOfDocument(db, documentId)),
    now,
  );
}

/** Runs detection over every current document already stored (e.g. after the rule changed); idempotent. */
export async function proposeCandidatesForStoredDocuments(
  db: Db,
  now: Date,
): Promise<{ documents: number; candidates: number }> {
  const vocabulary = await getReferenceVocabulary(db);
  const matcher = createReferenceMatcher(vocabulary);
  const iso3s = new Set(vocabulary.states.map((s) => s.iso3));
  const ids = await listCurrentDocumentIds(db);
  let candidates = 0;
  for (const id of ids) candidates += await proposeEvidenceCandidates(db, matcher, id, now, iso3s);
  return { documents: ids.length, candidates };
}
