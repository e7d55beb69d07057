// Queries on published evidence: lists with filters (with citations and sources), one record, the facts the
// regional roll-up needs, its groups, and the documents whose paragraphs mention a norm or CBM.
import { and, asc, count, desc, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Evidence, EvidenceFilter, RollupGroup, StateEvidenceFact } from "../domain/evidence.js";
import { NotFoundError } from "../domain/errors.js";
import { UN_REGIONAL_GROUP_LABELS, UN_REGIONAL_GROUPS } from "../domain/vocabulary.js";
import { queryRows, type Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { documentParagraphs, documents } from "./schema/documents.js";
import { evidence } from "./schema/implementation.js";
import { frameworkItems } from "./schema/processes.js";
import { memberships, organizations, states } from "./schema/reference.js";
import { listSourcesByRecord } from "./sources.js";
import { partialDateOf } from "./states.js";

function selectEvidence(db: Db) {
  return db
    .select({
      e: evidence,
      stateName: states.name,
      organizationName: organizations.name,
      itemCode: frameworkItems.code,
      itemShortTitle: frameworkItems.shortTitle,
      frameworkId: frameworkItems.frameworkId,
      paragraphAnchor: documentParagraphs.anchor,
      paragraphLabel: documentParagraphs.label,
      documentSlug: documents.slug,
      documentSymbol: documents.symbol,
      documentTitle: documents.title,
    })
    .from(evidence)
    .innerJoin(frameworkItems, eq(frameworkItems.id, evidence.itemId))
    .leftJoin(states, eq(states.iso3, evidence.stateIso3))
    .leftJoin(organizations, eq(organizations.id, evidence.organizationId))
    .leftJoin(documentParagraphs, eq(documentParagraphs.id, evidence.paragraphId))
    .leftJoin(documents, eq(documents.id, documentParagraphs.documentId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectEvidence>["execute"]>>[number];

function toEvidence(r: Row, sources: Evidence["sources"]): Evidence {
  const e = r.e;
  const isState = e.stateIso3 !== null;
  return {
    id: e.id,
    subjectKind: isState ? "state" : "organization",
    subjectId: (isState ? e.stateIso3 : e.organizationId)!,
    subjectName: (isState ? r.stateName : r.organizationName) ?? "",
    itemId: e.itemId,
    itemCode: r.itemCode,
    itemShortTitle: r.itemShortTitle,
    frameworkId: r.frameworkId,
    kind: e.kind,
    status: e.status,
    observed: partialDateOf(e.observedOn, e.observedPrecision),
    quote: e.quote,
    paragraph:
      e.paragraphId !== null && r.documentSlug !== null && r.paragraphAnchor !== null
        ? {
            id: e.paragraphId,
            documentSlug: r.documentSlug,
            documentSymbol: r.documentSymbol,
            documentTitle: r.documentTitle ?? "",
            anchor: r.paragraphAnchor,
            label: r.paragraphLabel ?? "",
          }
        : null,
    externalUrl: e.externalUrl,
    instrumentId: e.instrumentId,
    reporter: e.reporter,
    reporterName: e.reporterName,
    notes: e.notes,
    confidence: e.confidence,
    sources,
  };
}

function whereOf(f: EvidenceFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.stateIso3) parts.push(eq(evidence.stateIso3, f.stateIso3));
  if (f.organizationId) parts.push(eq(evidence.organizationId, f.organizationId));
  if (f.itemId) parts.push(eq(evidence.itemId, f.itemId));
  if (f.frameworkId) parts.push(eq(frameworkItems.frameworkId, f.frameworkId));
  if (f.reporter) parts.push(eq(evidence.reporter, f.reporter));
  if (f.status) parts.push(eq(evidence.status, f.status));
  if (f.kind) parts.push(eq(evidence.kind, f.kind));
  return parts.length ? and(...parts) : undefined;
}

async function withSources(db: Db, rows: Row[]): Promise<Evidence[]> {
  const sources = await listSourcesByRecord(
    db,
    "evidence",
    rows.map((r) => String(r.e.id)),
  );
  return rows.map((r) => toEvidence(r, sources.get(String(r.e.id)) ?? []));
}

/** The orders the evidence list offers (the API's sort); ties by id. */
export const EVIDENCE_SORTS = {
  observed: evidence.observedOn,
  state: evidence.stateIso3,
  item: evidence.itemId,
  updated: evidence.updatedAt,
} satisfies SortColumns;

/**
 * Published evidence matching the filter, newest observation first (or `page.order`), each with its citation and
 * sources; with `page.since`, only records changed after it.
 */
export async function listEvidence(
  db: Db,
  filter: EvidenceFilter = {},
  page?: ListWindow,
): Promise<{ items: Evidence[]; total: number }> {
  const where = and(whereOf(filter), changedSince(evidence.updatedAt, page?.since));
  const usual = [sql`${evidence.observedOn} DESC NULLS LAST`, desc(evidence.id)];
  let query = selectEvidence(db)
    .where(where)
    .orderBy(...orderByOf(EVIDENCE_SORTS, page?.order, usual, [evidence.id]))
    .$dynamic();
  if (page) query = query.limit(page.limit).offset(page.offset);
  const rows = await query;
  const [total] = await db
    .select({ n: count() })
    .from(evidence)
    .innerJoin(frameworkItems, eq(frameworkItems.id, evidence.itemId))
    .where(where);
  return { items: await withSources(db, rows), total: total?.n ?? 0 };
}

export async function getEvidence(db: Db, id: number): Promise<Evidence> {
  const rows = await selectEvidence(db).where(eq(evidence.id, id));
  if (rows.length === 0) throw new NotFoundError("evidence", String(id));
  return (await withSources(db, rows))[0]!;
}

/** Per item id, how many States have published evidence for it (items without any are absent). */
export async function countStatesWithEvidenceByItem(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ itemId: evidence.itemId, n: sql<number>`count(DISTINCT ${evidence.stateIso3})::int` })
    .from(evidence)
    .where(isNotNull(evidence.stateIso3))
    .groupBy(evidence.itemId);
  return new Map(rows.map((r) => [r.itemId, Number(r.n)]));
}

/** (State, item, status) of every published evidence record about a State: what the roll-up counts. */
export async function listStateEvidenceFacts(db: Db): Promise<StateEvidenceFact[]> {
  const rows = await db
    .selectDistinct({ stateIso3: evidence.stateIso3, itemId: evidence.itemId, status: evidence.status })
    .from(evidence)
    .where(isNotNull(evidence.stateIso3));
  return rows.map((r) => ({ stateIso3: r.stateIso3!, itemId: r.itemId, status: r.status }));
}

/** The five UN regional groups (Member States), then every regional organisation with its current State members. */
export async function listRollupGroups(db: Db): Promise<RollupGroup[]> {
  const members = await db
    .select({ iso3: states.iso3, group: states.unRegionalGroup })
    .from(states)
    .where(and(eq(states.unStatus, "member"), isNotNull(states.unRegionalGroup)));
  const groups: RollupGroup[] = UN_REGIONAL_GROUPS.map((g) => ({
    key: `group:${g}`,
    kind: "un-regional-group",
    id: g,
    label: UN_REGIONAL_GROUP_LABELS[g],
    memberIso3s: members.filter((m) => m.group === g).map((m) => m.iso3),
  }));
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      abbreviation: organizations.abbreviation,
      iso3: memberships.stateIso3,
    })
    .from(organizations)
    .innerJoin(
      memberships,
      and(
        eq(memberships.organizationId, organizations.id),
        eq(memberships.isCurrent, true),
        isNotNull(memberships.stateIso3),
      ),
    )
    .where(eq(organizations.classification, "regional"))
    .orderBy(asc(organizations.name), asc(memberships.stateIso3));
  const byOrg = new Map<string, RollupGroup>();
  for (const r of rows) {
    const group = byOrg.get(r.id) ?? {
      key: `organization:${r.id}`,
      kind: "organization" as const,
      id: r.id,
      label: r.abbreviation && r.abbreviation !== r.name ? `${r.name} (${r.abbreviation})` : r.name,
      memberIso3s: [],
    };
    group.memberIso3s.push(r.iso3!);
    byOrg.set(r.id, group);
  }
  return [...groups, ...byOrg.values()];
}

/** UN Member and observer States with what the evidence map needs, by name. */
export async function listMapStates(
  db: Db,
): Promise<
  { iso3: string; name: string; isoNumeric: string | null; latitude: number | null; longitude: number | null }[]
> {
  return db
    .select({
      iso3: states.iso3,
      name: states.name,
      isoNumeric: states.isoNumeric,
      latitude: states.latitude,
      longitude: states.longitude,
    })
    .from(states)
    .where(sql`${states.unStatus} IN ('member', 'observer')`)
    .orderBy(asc(states.name));
}

export interface RelatedDocument {
  slug: string;
  symbol: string | null;
  title: string;
  documentDate: string | null;
  /** Paragraphs that mention the item, in document order (at most five). */
  paragraphs: { anchor: string; label: string; isExplicit: boolean }[];
  paragraphCount: number;
}

/** Current documents whose paragraphs mention a norm or CBM (explicitly or by topic), newest first. */
export async function listDocumentsMentioningItem(db: Db, itemId: string, limit = 50): Promise<RelatedDocument[]> {
  const rows = await queryRows<{
    slug: string;
    symbol: string | null;
    title: string;
    document_date: string | null;
    anchors: string[];
    labels: string[];
    kinds: string[];
    n: number;
  }>(
    db,
    sql`SELECT d.slug, d.symbol, d.title, d.document_date::text AS document_date,
          array_agg(p.anchor ORDER BY p.position) AS anchors, array_agg(p.label ORDER BY p.position) AS labels,
          array_agg(m.kind::text ORDER BY p.position) AS kinds, count(*)::int AS n
        FROM paragraph_mentions m
        JOIN document_paragraphs p ON p.id = m.paragraph_id
        JOIN documents d ON d.id = m.document_id AND d.is_current
        WHERE m.target_id = ${itemId} AND m.kind IN ('norm', 'norm-topic', 'cbm-topic')
        GROUP BY d.id
        ORDER BY d.document_date DESC NULLS LAST, d.slug
        LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    slug: r.slug,
    symbol: r.symbol,
    title: r.title,
    documentDate: r.document_date,
    paragraphs: r.anchors
      .slice(0, 5)
      .map((anchor, i) => ({ anchor, label: r.labels[i]!, isExplicit: r.kinds[i] === "norm" })),
    paragraphCount: r.n,
  }));
}
