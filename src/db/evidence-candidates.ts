// Candidate evidence detected in ingested documents: what detection reads and writes, the editors' queue, and
// the two decisions (draft evidence through the editorial workflow, or dismiss). Nothing here publishes.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { ChangeSourceRef } from "../domain/editorial/change.js";
import type { Change } from "../domain/editorial/change.js";
import {
  evidenceDraftFromCandidate,
  type CandidateProposal,
  type DocumentForAttribution,
  type ParagraphMention,
} from "../domain/evidence-candidates.js";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import type { CandidateStatus, DocumentType, MentionKind } from "../domain/vocabulary.js";
import { insertChange } from "./changes.js";
import { queryRows, type Db } from "./client.js";
import { documentParagraphs, documents } from "./schema/documents.js";
import { evidenceCandidates } from "./schema/implementation.js";
import { frameworkItems } from "./schema/processes.js";
import { states } from "./schema/reference.js";
import type { Tx } from "./upsert.js";

type Handle = Db | Tx;

export async function findDocumentForAttribution(
  db: Handle,
  documentId: number,
): Promise<DocumentForAttribution | null> {
  const [row] = await db
    .select({ authors: documents.authors, type: documents.type, title: documents.title })
    .from(documents)
    .where(eq(documents.id, documentId));
  return row ?? null;
}

/** Norm and CBM mentions of a document's paragraphs, with the paragraph text for excerpts. */
export async function listNormMentionsOfDocument(db: Handle, documentId: number): Promise<ParagraphMention[]> {
  const rows = await queryRows<{
    paragraph_id: number;
    kind: MentionKind;
    target_id: string;
    confidence: number;
    matched_text: string;
    text: string;
  }>(
    db as Db,
    sql`SELECT m.paragraph_id, m.kind, m.target_id, m.confidence, m.matched_text, p.text
        FROM paragraph_mentions m JOIN document_paragraphs p ON p.id = m.paragraph_id
        WHERE m.document_id = ${documentId} AND m.kind IN ('norm', 'norm-topic', 'cbm-topic')
        ORDER BY p.position, m.target_id`,
  );
  return rows.map((r) => ({
    paragraphId: r.paragraph_id,
    kind: r.kind,
    targetId: r.target_id,
    confidence: Number(r.confidence),
    matchedText: r.matched_text,
    text: r.text,
  }));
}

/** Inserts new candidates; an existing (paragraph, State, item) is left as it is, whatever its status. Returns how many are new. */
export async function insertEvidenceCandidates(db: Handle, proposals: CandidateProposal[], now: Date): Promise<number> {
  if (proposals.length === 0) return 0;
  const inserted = await db
    .insert(evidenceCandidates)
    .values(proposals.map((p) => ({ ...p, status: "open" as const, detectedAt: now })))
    .onConflictDoNothing()
    .returning({ id: evidenceCandidates.id });
  return inserted.length;
}

export async function listStateIso3s(db: Handle): Promise<string[]> {
  return (await db.select({ iso3: states.iso3 }).from(states)).map((r) => r.iso3);
}

/** Ids of the current version of every stored document, for re-running detection over what is already ingested. */
export async function listCurrentDocumentIds(db: Handle): Promise<number[]> {
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.isCurrent, true))
    .orderBy(asc(documents.id));
  return rows.map((r) => r.id);
}

export interface EvidenceCandidate {
  id: number;
  stateIso3: string;
  stateName: string;
  itemId: string;
  itemCode: string;
  itemShortTitle: string;
  paragraphId: number;
  paragraphAnchor: string;
  paragraphLabel: string;
  documentSlug: string;
  documentTitle: string;
  documentType: DocumentType;
  documentDate: string | null;
  documentSourceId: string | null;
  documentSourceUrl: string | null;
  documentLicence: string;
  matchKind: string;
  score: number;
  excerpt: string;
  status: CandidateStatus;
  detectedAt: Date;
  changeId: number | null;
}

function selectCandidates(db: Db) {
  return db
    .select({
      id: evidenceCandidates.id,
      stateIso3: evidenceCandidates.stateIso3,
      stateName: states.name,
      itemId: evidenceCandidates.itemId,
      itemCode: frameworkItems.code,
      itemShortTitle: frameworkItems.shortTitle,
      paragraphId: evidenceCandidates.paragraphId,
      paragraphAnchor: documentParagraphs.anchor,
      paragraphLabel: documentParagraphs.label,
      documentSlug: documents.slug,
      documentTitle: documents.title,
      documentType: documents.type,
      documentDate: documents.documentDate,
      documentSourceId: documents.sourceId,
      documentSourceUrl: documents.sourceUrl,
      documentLicence: documents.licence,
      matchKind: evidenceCandidates.matchKind,
      score: evidenceCandidates.score,
      excerpt: evidenceCandidates.excerpt,
      status: evidenceCandidates.status,
      detectedAt: evidenceCandidates.detectedAt,
      changeId: evidenceCandidates.changeId,
    })
    .from(evidenceCandidates)
    .innerJoin(states, eq(states.iso3, evidenceCandidates.stateIso3))
    .innerJoin(frameworkItems, eq(frameworkItems.id, evidenceCandidates.itemId))
    .innerJoin(documentParagraphs, eq(documentParagraphs.id, evidenceCandidates.paragraphId))
    .innerJoin(documents, eq(documents.id, documentParagraphs.documentId));
}

/** Candidates with one status, strongest (explicit first, then by score) and newest first. */
export async function listEvidenceCandidates(
  db: Db,
  filter: { status: CandidateStatus; limit: number; offset: number },
): Promise<{ items: EvidenceCandidate[]; total: number }> {
  const items = await selectCandidates(db)
    .where(eq(evidenceCandidates.status, filter.status))
    .orderBy(
      asc(evidenceCandidates.matchKind),
      desc(evidenceCandidates.score),
      desc(evidenceCandidates.detectedAt),
      asc(evidenceCandidates.id),
    )
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db
    .select({ n: count() })
    .from(evidenceCandidates)
    .where(eq(evidenceCandidates.status, filter.status));
  return { items, total: total?.n ?? 0 };
}

export async function getEvidenceCandidate(db: Db, id: number): Promise<EvidenceCandidate> {
  const [row] = await selectCandidates(db).where(eq(evidenceCandidates.id, id));
  if (!row) throw new NotFoundError("evidence candidate", String(id));
  return row;
}

/** Closes an open candidate; refused when someone decided it meanwhile. */
async function decide(
  db: Db,
  input: { id: number; status: "accepted" | "dismissed"; userId: number; changeId: number | null; now: Date },
): Promise<void> {
  const rows = await db
    .update(evidenceCandidates)
    .set({ status: input.status, decidedAt: input.now, decidedBy: input.userId, changeId: input.changeId })
    .where(and(eq(evidenceCandidates.id, input.id), eq(evidenceCandidates.status, "open")))
    .returning({ id: evidenceCandidates.id });
  if (rows.length === 0) throw new ConflictError("this candidate was already decided: reload the queue");
}

export async function dismissEvidenceCandidate(
  db: Db,
  input: { id: number; userId: number; now: Date },
): Promise<void> {
  await getEvidenceCandidate(db, input.id);
  await decide(db, { ...input, status: "dismissed", changeId: null });
}

/**
 * Drafts an evidence change (never published here: it goes through review) prefilled from the candidate, cites
 * the document's source (its source record, its URL, or else its permalink on this site), and marks the
 * candidate accepted with the change id.
 */
export async function draftEvidenceFromCandidate(
  db: Db,
  input: { id: number; authorId: number; now: Date; siteBaseUrl: string },
): Promise<Change> {
  const c = await getEvidenceCandidate(db, input.id);
  if (c.status !== "open") throw new ConflictError("this candidate was already decided: reload the queue");
  const source: ChangeSourceRef = c.documentSourceId
    ? { sourceId: c.documentSourceId }
    : {
        url:
          c.documentSourceUrl ??
          `${input.siteBaseUrl.replace(/\/$/, "")}/documents/${c.documentSlug}#${c.paragraphAnchor}`,
        title: c.documentTitle.slice(0, 500),
        licence: c.documentLicence.slice(0, 200),
      };
  const change = await insertChange(db, {
    kind: "evidence",
    operation: "create",
    recordId: null,
    record: evidenceDraftFromCandidate({ ...c, documentDate: c.documentDate }),
    sources: [source],
    summary: `Evidence: ${c.stateName} on ${c.itemCode}, from ${c.documentSlug} ${c.paragraphLabel}`,
    authorId: input.authorId,
    now: input.now,
  });
  await decide(db, { id: c.id, status: "accepted", userId: input.authorId, changeId: change.id, now: input.now });
  return change;
}
