// Queries on norm and CBM frameworks and their items (stable ids such as `13c`, `osce-2016-05`).
import { asc, count, eq } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import {
  compareFrameworks,
  type Framework,
  type FrameworkDetail,
  type FrameworkItem,
  type FrameworkItemDetail,
  type FrameworkWithItems,
} from "../domain/framework.js";
import type { Db } from "./client.js";
import { frameworkItems, frameworks } from "./schema/processes.js";
import { listRecordSources } from "./sources.js";

/** Every framework with its items, the 11 norms first (see FRAMEWORK_ORDER), items by position. */
export async function listFrameworks(db: Db): Promise<FrameworkWithItems[]> {
  const all: Framework[] = await db.select().from(frameworks);
  const items: FrameworkItem[] = await db
    .select()
    .from(frameworkItems)
    .orderBy(asc(frameworkItems.position), asc(frameworkItems.id));
  return all.sort(compareFrameworks).map((f) => ({ ...f, items: items.filter((i) => i.frameworkId === f.id) }));
}

export async function getFrameworkDetail(db: Db, id: string): Promise<FrameworkDetail> {
  const found = (await listFrameworks(db)).find((f) => f.id === id);
  if (!found) throw new NotFoundError("framework", id);
  return { framework: found, sources: await listRecordSources(db, "framework", id) };
}

/** Items of all frameworks in display order, optionally of one framework only. */
export async function listFrameworkItems(db: Db, frameworkId?: string): Promise<FrameworkItem[]> {
  const all = await listFrameworks(db);
  return all.filter((f) => !frameworkId || f.id === frameworkId).flatMap((f) => f.items);
}

export async function findFrameworkItem(db: Db, id: string): Promise<FrameworkItem | null> {
  const rows = await db.select().from(frameworkItems).where(eq(frameworkItems.id, id));
  return rows[0] ?? null;
}

export async function getFrameworkItemDetail(db: Db, id: string): Promise<FrameworkItemDetail> {
  const item = await findFrameworkItem(db, id);
  if (!item) throw new NotFoundError("norm or CBM", id);
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.id, item.frameworkId));
  if (!framework) throw new NotFoundError("framework", item.frameworkId);
  return { item, framework, sources: await listRecordSources(db, "framework-item", id) };
}

export async function countFrameworkItems(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(frameworkItems);
  return row?.n ?? 0;
}
