// Sliding-window rate limits kept in the database, so every app process counts the same attempts;
// and per-instance secrets created on first use.
import { randomBytes } from "node:crypto";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { instanceSecrets, rateLimitEvents } from "./schema/accounts.js";

/**
 * Records one attempt under `key` and says whether it is within `limit` attempts per `windowSeconds`.
 * Attempts over the limit are recorded too, so hammering keeps the key blocked.
 */
export async function hitRateLimit(
  db: Db,
  input: { key: string; limit: number; windowSeconds: number; now: Date },
): Promise<{ allowed: boolean; count: number }> {
  const since = new Date(input.now.getTime() - input.windowSeconds * 1000);
  await db
    .delete(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, input.key), lte(rateLimitEvents.occurredAt, since)));
  // Keys of addresses never seen again would otherwise stay forever; no window is longer than a day.
  await db.delete(rateLimitEvents).where(lte(rateLimitEvents.occurredAt, new Date(input.now.getTime() - 86_400_000)));
  await db.insert(rateLimitEvents).values({ key: input.key, occurredAt: input.now });
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, input.key), gt(rateLimitEvents.occurredAt, since)));
  const count = Number(row?.n ?? 0);
  return { allowed: count <= input.limit, count };
}

/** How many attempts `key` made since `since`, and when the latest was. */
export async function getAttempts(
  db: Db,
  input: { key: string; since: Date },
): Promise<{ count: number; last: Date | null }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${rateLimitEvents.occurredAt})` })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, input.key), gt(rateLimitEvents.occurredAt, input.since)));
  return { count: Number(row?.n ?? 0), last: row?.last ? new Date(row.last) : null };
}

/** Records one attempt under `key` (and forgets attempts older than a day, whatever their key). */
export async function insertAttempt(db: Db, input: { key: string; now: Date }): Promise<void> {
  await db.delete(rateLimitEvents).where(lte(rateLimitEvents.occurredAt, new Date(input.now.getTime() - 86_400_000)));
  await db.insert(rateLimitEvents).values({ key: input.key, occurredAt: input.now });
}

/** Forgets every attempt under `key` (a successful sign-in clears its account's failures). */
export async function deleteAttempts(db: Db, key: string): Promise<void> {
  await db.delete(rateLimitEvents).where(eq(rateLimitEvents.key, key));
}

/** A random secret stored once per instance under `name` (concurrent first uses agree on one value). */
export async function getInstanceSecret(db: Db, name: string): Promise<string> {
  await db
    .insert(instanceSecrets)
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, name));
  return row!.value;
}

/**
 * Reserves the next slot of a rate shared by every app process on the database (issue 18): the time, not before
 * `now`, at least `intervalMs` after the slot reserved before it, whichever process took that. The caller waits
 * until the slot. An advisory transaction lock serialises reservations; only the latest slot of the key is kept.
 */
export async function reserveRateSlot(db: Db, input: { key: string; now: Date; intervalMs: number }): Promise<Date> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`rate-slot:${input.key}`}))`);
    const [row] = await tx
      .select({ last: sql<string | null>`max(${rateLimitEvents.occurredAt})` })
      .from(rateLimitEvents)
      .where(eq(rateLimitEvents.key, input.key));
    const last = row?.last ? new Date(row.last).getTime() : Number.NEGATIVE_INFINITY;
    const slot = new Date(Math.max(input.now.getTime(), last + input.intervalMs));
    await tx.delete(rateLimitEvents).where(eq(rateLimitEvents.key, input.key));
    await tx.insert(rateLimitEvents).values({ key: input.key, occurredAt: slot });
    return slot;
  });
}
