// Queries on capacity-building programmes, the idempotent upsert of imported (IATI) programmes with their
// source, and which norms/CBMs have published evidence in which States (for gaps).
import { and, arrayContains, asc, count, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import type { Programme, ProgrammeDetail, ProgrammeFilter } from "../domain/programme.js";
import type { ImportCounts } from "./schema/imports.js";
import { queryRows, type Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import * as t from "./schema/index.js";
import { listRecordSources } from "./sources.js";
import { partialDateOf } from "./states.js";
import { syncRows } from "./upsert.js";
import { listEditedRecordIds } from "./changes.js";

type ProgrammeRow = typeof t.programmes.$inferSelect;

function toProgramme(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    iatiIdentifier: row.iatiIdentifier,
    title: row.title,
    description: row.description,
    funders: row.funders,
    implementers: row.implementers,
    beneficiaryStates: row.beneficiaryStates,
    region: row.region,
    start: partialDateOf(row.startOn, row.startPrecision),
    end: partialDateOf(row.endOn, row.endPrecision),
    budget: row.budget,
    currency: row.currency,
    itemIds: row.itemIds,
    url: row.url,
    notes: row.notes,
    confidence: row.confidence,
  };
}

/** Programmes matching the filter (beneficiary State, funder named exactly, item addressed), newest start first. */
function whereOf(filter: ProgrammeFilter, since: Date | undefined): SQL | undefined {
  const where: (SQL | undefined)[] = [changedSince(t.programmes.updatedAt, since)];
  if (filter.beneficiary) where.push(arrayContains(t.programmes.beneficiaryStates, [filter.beneficiary.toUpperCase()]));
  if (filter.funder) where.push(arrayContains(t.programmes.funders, [filter.funder]));
  if (filter.itemId) where.push(arrayContains(t.programmes.itemIds, [filter.itemId]));
  return and(...where);
}

/** The orders the programmes list offers (the API's sort); ties by id. */
export const PROGRAMME_SORTS = {
  start: t.programmes.startOn,
  title: t.programmes.title,
  updated: t.programmes.updatedAt,
} satisfies SortColumns;

/**
 * Programmes, latest start first (or `options.order`), changed after `options.since` when given: every match, or the
 * page `options.limit` and `options.offset` cut in SQL.
 */
export async function listProgrammes(
  db: Db,
  filter: ProgrammeFilter = {},
  options: Partial<ListWindow> = {},
): Promise<Programme[]> {
  const usual = [sql`${t.programmes.startOn} DESC NULLS LAST`, asc(t.programmes.title), asc(t.programmes.id)];
  const query = db
    .select()
    .from(t.programmes)
    .where(whereOf(filter, options.since))
    .orderBy(...orderByOf(PROGRAMME_SORTS, options.order, usual, [t.programmes.id]));
  const rows = options.limit === undefined ? await query : await query.limit(options.limit).offset(options.offset ?? 0);
  return rows.map(toProgramme);
}

/** How many programmes match (changed after `since`, when given). */
export async function countProgrammes(db: Db, filter: ProgrammeFilter = {}, since?: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(t.programmes).where(whereOf(filter, since));
  return row?.n ?? 0;
}

export async function getProgramme(db: Db, id: string): Promise<ProgrammeDetail> {
  const [row] = await db.select().from(t.programmes).where(eq(t.programmes.id, id));
  if (!row) throw new NotFoundError("Programme", id);
  return { ...toProgramme(row), sources: await listRecordSources(db, "programme", id) };
}

/** Every funder named by some programme, for the filter. */
export async function listProgrammeFunders(db: Db): Promise<string[]> {
  const rows = await queryRows<{ funder: string }>(
    db,
    sql`SELECT DISTINCT unnest(${t.programmes.funders}) AS funder FROM ${t.programmes} ORDER BY 1`,
  );
  return rows.map((r) => r.funder);
}

/** Per State, the norm/CBM items with at least one published evidence record there. */
export async function listEvidencedItemsByState(db: Db, stateIso3s?: string[]): Promise<Map<string, Set<string>>> {
  if (stateIso3s && stateIso3s.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ stateIso3: t.evidence.stateIso3, itemId: t.evidence.itemId })
    .from(t.evidence)
    .where(and(isNotNull(t.evidence.stateIso3), stateIso3s ? inArray(t.evidence.stateIso3, stateIso3s) : undefined));
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.stateIso3!) ?? new Set<string>();
    set.add(r.itemId);
    out.set(r.stateIso3!, set);
  }
  return out;
}

/** What an import writes per programme: the imported fields only, so items, URL and notes editors added stay. */
export type ImportedProgramme = Omit<Programme, "itemIds" | "url" | "notes" | "confidence">;

export interface ProgrammeSourceInput {
  id: string;
  kind: "dataset" | "web-page";
  title: string;
  url: string | null;
  licence: string;
  retrievedOn: string;
}

export interface ProgrammeImportResult {
  counts: ImportCounts;
  /** Programmes an editor has changed through the review workflow: left as the editor published them. */
  locked: string[];
  /** Ids already used by a programme with another IATI identifier (not imported). */
  clashes: string[];
}

/**
 * Upserts imported programmes by IATI identifier in one transaction and attaches the file or URL they came
 * from as their source. Programmes with a published editorial change are left alone, so an import never
 * reverts an editor; nothing is deleted.
 */
export async function upsertImportedProgrammes(
  db: Db,
  programmes: ImportedProgramme[],
  source: ProgrammeSourceInput,
): Promise<ProgrammeImportResult> {
  return db.transaction(async (tx) => {
    const edited = await listEditedRecordIds(tx, "programme");
    const identifiers = programmes.map((p) => p.iatiIdentifier!);
    // A programme already stored under this IATI identifier keeps its id (an editor may have chosen it).
    const existing = identifiers.length
      ? await tx
          .select({ id: t.programmes.id, iati: t.programmes.iatiIdentifier })
          .from(t.programmes)
          .where(inArray(t.programmes.iatiIdentifier, identifiers))
      : [];
    const idByIati = new Map(existing.map((r) => [r.iati!, r.id]));
    const resolved = programmes.map((p) => ({ ...p, id: idByIati.get(p.iatiIdentifier!) ?? p.id }));
    const newIds = resolved.filter((p) => !idByIati.has(p.iatiIdentifier!)).map((p) => p.id);
    const clashes = newIds.length
      ? (await tx.select({ id: t.programmes.id }).from(t.programmes).where(inArray(t.programmes.id, newIds))).map(
          (r) => r.id,
        )
      : [];
    const rows = resolved
      .filter((p) => !clashes.includes(p.id))
      .map(({ start, end, ...p }) => ({
        ...p,
        startOn: start?.date ?? null,
        startPrecision: start?.precision ?? null,
        endOn: end?.date ?? null,
        endPrecision: end?.precision ?? null,
        confidence: "high" as const,
      }));
    const locked = rows.filter((r) => edited.has(r.id)).map((r) => r.id);
    const counts = await syncRows(tx, t.programmes, [t.programmes.iatiIdentifier], rows, {
      scope: identifiers.length ? inArray(t.programmes.iatiIdentifier, identifiers) : sql`false`,
      isLocked: (row) => edited.has(String(row["id"])),
    });
    await tx
      .insert(t.sources)
      .values({ ...source, datasetPath: null, attribution: null })
      .onConflictDoUpdate({ target: t.sources.id, set: { retrievedOn: source.retrievedOn, title: source.title } });
    const attach = rows
      .filter((r) => !edited.has(r.id))
      .map((r) => ({
        recordKind: "programme" as const,
        recordId: r.id,
        sourceId: source.id,
        note: "imported from an IATI activity file",
      }));
    if (attach.length) await tx.insert(t.recordSources).values(attach).onConflictDoNothing();
    return { counts, locked, clashes };
  });
}

/** ISO 3166-1 alpha-2 → alpha-3 for every State stored, to resolve IATI recipient countries. */
export async function listIso3ByIso2(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ iso2: t.states.iso2, iso3: t.states.iso3 }).from(t.states);
  return new Map(rows.map((r) => [r.iso2.toUpperCase(), r.iso3]));
}
