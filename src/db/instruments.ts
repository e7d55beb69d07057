// Queries on national instruments and their assessments (with the criterion, rubric version, cited paragraph and sources).
import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import type {
  AssessmentDetail,
  Instrument,
  InstrumentAssessments,
  InstrumentFilter,
  InstrumentSummary,
} from "../domain/instruments.js";
import type { Rubric } from "../domain/rubric.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { listRubricsOfCriteria } from "./rubrics.js";
import * as t from "./schema/index.js";
import { listSourcesByRecord } from "./sources.js";
import { partialDateOf } from "./states.js";

type InstrumentRow = typeof t.instruments.$inferSelect;

function toInstrument(row: InstrumentRow): Instrument {
  return {
    id: row.id,
    stateIso3: row.stateIso3,
    organizationId: row.organizationId,
    kind: row.kind,
    title: row.title,
    status: row.status,
    adopted: partialDateOf(row.adoptedOn, row.adoptedPrecision),
    superseded: partialDateOf(row.supersededOn, row.supersededPrecision),
    documentId: row.documentId,
    url: row.url,
    notes: row.notes,
    confidence: row.confidence,
  };
}

const summaryColumns = { instrument: t.instruments, stateName: t.states.name, organizationName: t.organizations.name };

function toSummary(row: {
  instrument: InstrumentRow;
  stateName: string | null;
  organizationName: string | null;
}): InstrumentSummary {
  return {
    ...toInstrument(row.instrument),
    subjectName:
      row.stateName ?? row.organizationName ?? row.instrument.stateIso3 ?? row.instrument.organizationId ?? "",
  };
}

/** Instruments matching the filter, by State or organisation name, then adoption date. */
function whereOf(filter: InstrumentFilter, since: Date | undefined): SQL | undefined {
  const where: (SQL | undefined)[] = [changedSince(t.instruments.updatedAt, since)];
  if (filter.stateIso3) where.push(eq(t.instruments.stateIso3, filter.stateIso3.toUpperCase()));
  if (filter.organizationId) where.push(eq(t.instruments.organizationId, filter.organizationId));
  if (filter.kind) where.push(eq(t.instruments.kind, filter.kind));
  if (filter.status) where.push(eq(t.instruments.status, filter.status));
  return and(...where);
}

/** The orders the instruments list offers (the API's sort); ties by id. */
export const INSTRUMENT_SORTS = {
  adopted: t.instruments.adoptedOn,
  title: t.instruments.title,
  updated: t.instruments.updatedAt,
} satisfies SortColumns;

/**
 * Instruments by State or organisation name, then adoption (or `page.order`); with `page.since`, only those changed
 * after it; all of them, or one page.
 */
export async function listInstruments(
  db: Db,
  filter: InstrumentFilter = {},
  page?: ListWindow,
): Promise<InstrumentSummary[]> {
  const usual = [asc(t.states.name), asc(t.organizations.name), asc(t.instruments.adoptedOn), asc(t.instruments.id)];
  const query = db
    .select(summaryColumns)
    .from(t.instruments)
    .leftJoin(t.states, eq(t.states.iso3, t.instruments.stateIso3))
    .leftJoin(t.organizations, eq(t.organizations.id, t.instruments.organizationId))
    .where(whereOf(filter, page?.since))
    .orderBy(...orderByOf(INSTRUMENT_SORTS, page?.order, usual, [t.instruments.id]));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map(toSummary);
}

/** How many instruments match (changed after `since`, when given). */
export async function countInstruments(db: Db, filter: InstrumentFilter = {}, since?: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(t.instruments).where(whereOf(filter, since));
  return row?.n ?? 0;
}

export async function getInstrument(db: Db, id: string): Promise<InstrumentSummary> {
  const [row] = await db
    .select(summaryColumns)
    .from(t.instruments)
    .leftJoin(t.states, eq(t.states.iso3, t.instruments.stateIso3))
    .leftJoin(t.organizations, eq(t.organizations.id, t.instruments.organizationId))
    .where(eq(t.instruments.id, id));
  if (!row) throw new NotFoundError("Instrument", id);
  return toSummary(row);
}

/** The ingested document an instrument points to, for a link. */
export async function findInstrumentDocument(
  db: Db,
  documentId: number,
): Promise<{ slug: string; title: string; symbol: string | null } | null> {
  const [row] = await db
    .select({ slug: t.documents.slug, title: t.documents.title, symbol: t.documents.symbol })
    .from(t.documents)
    .where(eq(t.documents.id, documentId));
  return row ?? null;
}

/** Assessments of the given instruments (all when `instrumentIds` is omitted), with what a reader needs to check them. */
export async function listAssessments(
  db: Db,
  filter: { instrumentIds?: string[]; stateIso3?: string } = {},
): Promise<(AssessmentDetail & { stateIso3: string | null })[]> {
  if (filter.instrumentIds && filter.instrumentIds.length === 0) return [];
  const where: SQL[] = [];
  if (filter.instrumentIds) where.push(inArray(t.assessments.instrumentId, filter.instrumentIds));
  if (filter.stateIso3) where.push(eq(t.instruments.stateIso3, filter.stateIso3.toUpperCase()));
  const rows = await db
    .select({
      a: t.assessments,
      stateIso3: t.instruments.stateIso3,
      code: t.rubricCriteria.code,
      criterionTitle: t.rubricCriteria.title,
      position: t.rubricCriteria.position,
      slug: t.rubrics.slug,
      version: t.rubrics.version,
      documentSlug: t.documents.slug,
      documentTitle: t.documents.title,
      label: t.documentParagraphs.label,
      anchor: t.documentParagraphs.anchor,
    })
    .from(t.assessments)
    .innerJoin(t.instruments, eq(t.instruments.id, t.assessments.instrumentId))
    .innerJoin(t.rubricCriteria, eq(t.rubricCriteria.id, t.assessments.criterionId))
    .innerJoin(t.rubrics, eq(t.rubrics.id, t.rubricCriteria.rubricId))
    .leftJoin(t.documentParagraphs, eq(t.documentParagraphs.id, t.assessments.paragraphId))
    .leftJoin(t.documents, eq(t.documents.id, t.documentParagraphs.documentId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(
      asc(t.assessments.instrumentId),
      asc(t.rubrics.slug),
      asc(t.rubrics.version),
      asc(t.rubricCriteria.position),
    );
  const sources = await listSourcesByRecord(
    db,
    "assessment",
    rows.map((r) => String(r.a.id)),
  );
  return rows.map((r) => ({
    ...r.a,
    stateIso3: r.stateIso3,
    criterionCode: r.code,
    criterionTitle: r.criterionTitle,
    rubricSlug: r.slug,
    rubricVersion: r.version,
    paragraph:
      r.documentSlug && r.anchor
        ? {
            documentSlug: r.documentSlug,
            documentTitle: r.documentTitle ?? r.documentSlug,
            label: r.label ?? "",
            anchor: r.anchor,
          }
        : null,
    sources: sources.get(String(r.a.id)) ?? [],
  }));
}

/** Instruments matching the filter with their assessments, and every rubric version those use (for traffic lights). */
export async function listAssessedInstruments(
  db: Db,
  filter: InstrumentFilter = {},
  page?: ListWindow,
): Promise<{ items: InstrumentAssessments[]; rubrics: Rubric[] }> {
  const instruments = await listInstruments(db, filter, page);
  const assessments = await listAssessments(db, filter.stateIso3 ? { stateIso3: filter.stateIso3 } : {});
  const rubrics = await listRubricsOfCriteria(db, [...new Set(assessments.map((a) => a.criterionId))]);
  return {
    items: instruments.map((instrument) => ({
      instrument,
      assessments: assessments.filter((a) => a.instrumentId === instrument.id),
    })),
    rubrics,
  };
}
