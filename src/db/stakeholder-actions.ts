// Queries on stakeholder actions (joint letters, submissions, meetings), with their sources.
import { and, asc, count, eq, inArray, or, sql } from "drizzle-orm";
import type { StakeholderAction } from "../domain/participation.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { listParticipationSourcesByRecord } from "./accreditations.js";
import { documents } from "./schema/documents.js";
import { stakeholderActions } from "./schema/participation.js";
import { partialDateOf } from "./states.js";

export interface StakeholderActionFilter {
  processId?: string | undefined;
  /** Only actions changed after this moment. */
  changedSince?: Date | undefined;
}

const whereOf = (filter: StakeholderActionFilter) =>
  and(
    filter.processId ? eq(stakeholderActions.processId, filter.processId) : undefined,
    changedSince(stakeholderActions.updatedAt, filter.changedSince),
  );

/** The orders the stakeholder actions list offers (the API's sort); ties by id. */
export const STAKEHOLDER_ACTION_SORTS = {
  acted: stakeholderActions.actedOn,
  title: stakeholderActions.title,
  updated: stakeholderActions.updatedAt,
} satisfies SortColumns;

/** Actions of one process (or all), latest first, undated ones last (or `page.order`); all of them, or one page. */
export async function listStakeholderActions(
  db: Db,
  filter: StakeholderActionFilter = {},
  page?: Omit<ListWindow, "since">,
): Promise<StakeholderAction[]> {
  const usual = [sql`${stakeholderActions.actedOn} DESC NULLS LAST`, asc(stakeholderActions.id)];
  const query = db
    .select()
    .from(stakeholderActions)
    .where(whereOf(filter))
    .orderBy(...orderByOf(STAKEHOLDER_ACTION_SORTS, page?.order, usual, [stakeholderActions.id]));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const bySource = await listParticipationSourcesByRecord(
    db,
    "stakeholder-action",
    rows.map((r) => r.id),
  );
  const texts = await findActionTexts(db, rows);
  return rows.map(({ actedOn, actedPrecision, ...r }) => ({
    ...r,
    actedOn: partialDateOf(actedOn, actedPrecision),
    document:
      (r.documentSymbol ? texts.bySymbol.get(r.documentSymbol) : undefined) ??
      (r.documentUrl ? texts.byUrl.get(r.documentUrl) : undefined) ??
      null,
    sources: bySource.get(r.id) ?? [],
  }));
}

/** How many actions match (for the list envelope of one page). */
export async function countStakeholderActions(db: Db, filter: StakeholderActionFilter = {}): Promise<number> {
  const [row] = await db.select({ n: count() }).from(stakeholderActions).where(whereOf(filter));
  return row?.n ?? 0;
}

type DocumentRef = { slug: string; title: string };

/** Current documents holding the actions' texts: same UN symbol, or fetched from the action's URL (`normwatch ingest <url>`). */
async function findActionTexts(
  db: Db,
  rows: { documentSymbol: string | null; documentUrl: string | null }[],
): Promise<{ bySymbol: Map<string, DocumentRef>; byUrl: Map<string, DocumentRef> }> {
  const symbols = rows.flatMap((r) => (r.documentSymbol ? [r.documentSymbol] : []));
  const urls = rows.flatMap((r) => (r.documentUrl ? [r.documentUrl] : []));
  const bySymbol = new Map<string, DocumentRef>();
  const byUrl = new Map<string, DocumentRef>();
  if (symbols.length === 0 && urls.length === 0) return { bySymbol, byUrl };
  const matches = [
    symbols.length ? inArray(documents.symbol, symbols) : undefined,
    urls.length ? inArray(documents.sourceUrl, urls) : undefined,
  ].filter((m) => m !== undefined);
  const found = await db
    .select({ slug: documents.slug, title: documents.title, symbol: documents.symbol, sourceUrl: documents.sourceUrl })
    .from(documents)
    .where(and(eq(documents.isCurrent, true), or(...matches)))
    .orderBy(asc(documents.language), asc(documents.id));
  for (const d of found) {
    if (d.symbol && !bySymbol.has(d.symbol)) bySymbol.set(d.symbol, { slug: d.slug, title: d.title });
    if (d.sourceUrl && !byUrl.has(d.sourceUrl)) byUrl.set(d.sourceUrl, { slug: d.slug, title: d.title });
  }
  return { bySymbol, byUrl };
}
