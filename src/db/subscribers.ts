// Subscribers (issue 8): sign-up as pending with a hashed confirmation token, confirmation, preferences,
// unsubscribe and bounce. Addresses are stored lower case.
import { and, eq, sql } from "drizzle-orm";
import type { SubscriberStatus } from "../domain/vocabulary.js";
import { NotFoundError } from "../domain/errors.js";
import type { Db } from "./client.js";
import { subscribers } from "./schema/newsletter.js";

export interface Subscriber {
  id: number;
  email: string;
  status: SubscriberStatus;
  topics: string[];
  language: string;
  createdAt: Date;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
}

const columns = {
  id: subscribers.id,
  email: subscribers.email,
  status: subscribers.status,
  topics: subscribers.topics,
  language: subscribers.language,
  createdAt: subscribers.createdAt,
  confirmedAt: subscribers.confirmedAt,
  unsubscribedAt: subscribers.unsubscribedAt,
};

export async function findSubscriberByEmail(db: Db, email: string): Promise<Subscriber | null> {
  const [row] = await db.select(columns).from(subscribers).where(eq(subscribers.email, email));
  return row ?? null;
}

export async function findSubscriber(db: Db, id: number): Promise<Subscriber | null> {
  const [row] = await db.select(columns).from(subscribers).where(eq(subscribers.id, id));
  return row ?? null;
}

export async function getSubscriber(db: Db, id: number): Promise<Subscriber> {
  const row = await findSubscriber(db, id);
  if (!row) throw new NotFoundError("subscriber", String(id));
  return row;
}

/**
 * Records a sign-up. A new address (or one that unsubscribed or bounced) becomes pending with a fresh token;
 * a pending one gets a fresh token too. An active subscriber keeps its status and choices: the caller sends it
 * a "you are already subscribed" note instead. Returns the row as it now is.
 */
export async function upsertPendingSubscriber(
  db: Db,
  input: { email: string; topics: string[]; language: string; tokenHash: string; expiresAt: Date; now: Date },
): Promise<Subscriber> {
  const [row] = await db
    .insert(subscribers)
    .values({
      email: input.email,
      status: "pending",
      topics: input.topics,
      language: input.language,
      confirmTokenHash: input.tokenHash,
      confirmExpiresAt: input.expiresAt,
      createdAt: input.now,
    })
    .onConflictDoUpdate({
      target: subscribers.email,
      set: {
        status: sql`CASE WHEN ${subscribers.status} = 'active' THEN ${subscribers.status} ELSE 'pending'::subscriber_status END`,
        topics: sql`CASE WHEN ${subscribers.status} = 'active' THEN ${subscribers.topics} ELSE excluded.topics END`,
        language: sql`CASE WHEN ${subscribers.status} = 'active' THEN ${subscribers.language} ELSE excluded.language END`,
        confirmTokenHash: sql`CASE WHEN ${subscribers.status} = 'active' THEN ${subscribers.confirmTokenHash} ELSE excluded.confirm_token_hash END`,
        confirmExpiresAt: sql`CASE WHEN ${subscribers.status} = 'active' THEN ${subscribers.confirmExpiresAt} ELSE excluded.confirm_expires_at END`,
      },
    })
    .returning(columns);
  return row!;
}

/** Pending subscriber holding this token hash (expiry is checked by the caller with isConfirmTokenValid). */
export async function findPendingByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<{ id: number; confirmTokenHash: string | null; confirmExpiresAt: Date | null } | null> {
  const [row] = await db
    .select({
      id: subscribers.id,
      confirmTokenHash: subscribers.confirmTokenHash,
      confirmExpiresAt: subscribers.confirmExpiresAt,
    })
    .from(subscribers)
    .where(and(eq(subscribers.confirmTokenHash, tokenHash), eq(subscribers.status, "pending")));
  return row ?? null;
}

/** Activates a pending subscriber and forgets its token (a link works once). */
export async function activateSubscriber(db: Db, id: number, now: Date): Promise<void> {
  await db
    .update(subscribers)
    .set({ status: "active", confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, unsubscribedAt: null })
    .where(and(eq(subscribers.id, id), eq(subscribers.status, "pending")));
}

export async function updateSubscriberPreferences(
  db: Db,
  id: number,
  input: { topics: string[]; language: string },
): Promise<void> {
  await db.update(subscribers).set({ topics: input.topics, language: input.language }).where(eq(subscribers.id, id));
}

/** Unsubscribes (idempotent); returns whether the subscriber exists. */
export async function unsubscribeSubscriber(db: Db, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(subscribers)
    .set({
      status: "unsubscribed",
      unsubscribedAt: sql`COALESCE(${subscribers.unsubscribedAt}, ${now.toISOString()}::timestamptz)`,
      confirmTokenHash: null,
      confirmExpiresAt: null,
    })
    .where(eq(subscribers.id, id))
    .returning({ id: subscribers.id });
  return rows.length > 0;
}

/** Active subscribers who chose `topic`, in id order. */
export async function listActiveSubscribersWithTopic(db: Db, topic: string): Promise<{ id: number; email: string }[]> {
  return db
    .select({ id: subscribers.id, email: subscribers.email })
    .from(subscribers)
    .where(and(eq(subscribers.status, "active"), sql`${topic} = ANY(${subscribers.topics})`))
    .orderBy(subscribers.id);
}

/** Active readers who chose at least one of these topics, with all their topics. */
export async function listActiveSubscribersWithAnyTopic(
  db: Db,
  topics: readonly string[],
): Promise<{ id: number; email: string; topics: string[] }[]> {
  if (topics.length === 0) return [];
  return db
    .select({ id: subscribers.id, email: subscribers.email, topics: subscribers.topics })
    .from(subscribers)
    .where(
      and(
        eq(subscribers.status, "active"),
        sql`${subscribers.topics} && ${sql`ARRAY[${sql.join(
          topics.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`}`,
      ),
    )
    .orderBy(subscribers.id);
}

export async function listSubscribers(db: Db): Promise<Subscriber[]> {
  return db.select(columns).from(subscribers).orderBy(subscribers.id);
}

/** Resubscribes an unsubscribed or bounced reader who came back through a signed link (it proves the mailbox). */
export async function reactivateSubscriber(db: Db, id: number, now: Date): Promise<void> {
  await db
    .update(subscribers)
    .set({ status: "active", confirmedAt: now, unsubscribedAt: null, bouncedAt: null })
    .where(and(eq(subscribers.id, id), sql`${subscribers.status} IN ('unsubscribed', 'bounced')`));
}
