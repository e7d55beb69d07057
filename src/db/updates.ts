// Queries on editors' updates: insert with links, list (all, linked to one record, or matching words), one by slug.
import { and, count, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import {
  slugOf,
  validateUpdateInput,
  type Update,
  type UpdateFilter,
  type UpdateInput,
  type UpdateLink,
} from "../domain/updates.js";
import type { Db } from "./client.js";
import { changedSince } from "./list-order.js";
import { updateLinks, updates } from "./schema/participation.js";

/** Stores a new update (validated) with its links; the slug is derived from date and title, made unique. */
export async function insertUpdate(db: Db, input: UpdateInput, now: Date): Promise<Update> {
  const valid = validateUpdateInput(input);
  return db.transaction(async (tx) => {
    const base = slugOf(valid.title, valid.publishedOn);
    const taken = new Set(
      (
        await tx
          .select({ slug: updates.slug })
          .from(updates)
          .where(ilike(updates.slug, `${base}%`))
      ).map((r) => r.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const [row] = await tx
      .insert(updates)
      .values({
        slug,
        title: valid.title,
        bodyMarkdown: valid.bodyMarkdown,
        publishedOn: valid.publishedOn,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const links = dedupe(valid.links);
    if (links.length > 0)
      await tx
        .insert(updateLinks)
        .values(links.map((l) => ({ updateId: row!.id, recordKind: l.kind, recordId: l.id })));
    return {
      id: row!.id,
      slug,
      title: row!.title,
      bodyMarkdown: row!.bodyMarkdown,
      publishedOn: row!.publishedOn,
      updatedAt: row!.updatedAt,
      links,
    };
  });
}

function dedupe(links: UpdateLink[]): UpdateLink[] {
  const seen = new Map(links.map((l) => [`${l.kind}|${l.id}`, l]));
  return [...seen.values()];
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Updates newest first; filter by a linked record or by words that must all appear in the title or body. */
export async function listUpdates(
  db: Db,
  filter: UpdateFilter = {},
  limit = 50,
  offset = 0,
  since?: Date,
): Promise<Update[]> {
  const rows = await db
    .select()
    .from(updates)
    .where(and(whereOf(db, filter), changedSince(updates.updatedAt, since)))
    .orderBy(desc(updates.publishedOn), desc(updates.id))
    .limit(limit)
    .offset(offset);
  return withLinks(db, rows);
}

/** How many updates match (changed after `since`, when given; for the list envelope of one page). */
export async function countUpdates(db: Db, filter: UpdateFilter = {}, since?: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(updates)
    .where(and(whereOf(db, filter), changedSince(updates.updatedAt, since)));
  return row?.n ?? 0;
}

function whereOf(db: Db, filter: UpdateFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filter.link) {
    const linked = db
      .select({ id: updateLinks.updateId })
      .from(updateLinks)
      .where(and(eq(updateLinks.recordKind, filter.link.kind), eq(updateLinks.recordId, filter.link.id)));
    parts.push(inArray(updates.id, linked));
  }
  for (const word of (filter.query ?? "").split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${escapeLike(word)}%`;
    parts.push(or(ilike(updates.title, pattern), ilike(updates.bodyMarkdown, pattern)));
  }
  return parts.length ? and(...parts) : undefined;
}

export async function getUpdateBySlug(db: Db, slug: string): Promise<Update> {
  const rows = await db.select().from(updates).where(eq(updates.slug, slug));
  if (!rows[0]) throw new NotFoundError("update", slug);
  return (await withLinks(db, rows))[0]!;
}

async function withLinks(db: Db, rows: (typeof updates.$inferSelect)[]): Promise<Update[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(updateLinks)
    .where(
      inArray(
        updateLinks.updateId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    bodyMarkdown: r.bodyMarkdown,
    publishedOn: r.publishedOn,
    updatedAt: r.updatedAt,
    links: links.filter((l) => l.updateId === r.id).map((l) => ({ kind: l.recordKind, id: l.recordId })),
  }));
}
