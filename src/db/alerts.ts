// Alert subscriptions (issue 8) and what changed about a followed target in a window. Records that enter the
// database (updates, documents) are matched by when they were stored; calendar facts (vote events, sessions,
// deadlines) carry only a day, so they match when that day falls in the window.
import { and, eq, sql } from "drizzle-orm";
import type { AlertChange, AlertTarget } from "../domain/alerts.js";
import { SEARCH_CONFIGS, type AlertChannel, type AlertFrequency, type AlertTargetKind } from "../domain/vocabulary.js";
import { queryRows, type Db } from "./client.js";
import { alertSubscriptions, subscribers } from "./schema/newsletter.js";

export interface AlertSubscription {
  id: number;
  subscriberId: number;
  targetKind: AlertTargetKind;
  targetId: string;
  channel: AlertChannel;
  webhookUrl: string | null;
  frequency: AlertFrequency;
  checkedUntil: Date;
  createdAt: Date;
}

const columns = {
  id: alertSubscriptions.id,
  subscriberId: alertSubscriptions.subscriberId,
  targetKind: alertSubscriptions.targetKind,
  targetId: alertSubscriptions.targetId,
  channel: alertSubscriptions.channel,
  webhookUrl: alertSubscriptions.webhookUrl,
  frequency: alertSubscriptions.frequency,
  checkedUntil: alertSubscriptions.checkedUntil,
  createdAt: alertSubscriptions.createdAt,
};

export interface AlertSubscriptionInput {
  subscriberId: number;
  targetKind: AlertTargetKind;
  targetId: string;
  channel: AlertChannel;
  webhookUrl?: string | null;
  webhookSecret?: string | null;
  frequency: AlertFrequency;
  now: Date;
}

/** Follows a target; following the same target on the same channel again changes its frequency (and webhook). */
export async function upsertAlertSubscription(db: Db, input: AlertSubscriptionInput): Promise<AlertSubscription> {
  const [row] = await db
    .insert(alertSubscriptions)
    .values({
      subscriberId: input.subscriberId,
      targetKind: input.targetKind,
      targetId: input.targetId,
      channel: input.channel,
      webhookUrl: input.webhookUrl ?? null,
      webhookSecret: input.webhookSecret ?? null,
      frequency: input.frequency,
      checkedUntil: input.now,
      createdAt: input.now,
    })
    .onConflictDoUpdate({
      target: [
        alertSubscriptions.subscriberId,
        alertSubscriptions.targetKind,
        alertSubscriptions.targetId,
        alertSubscriptions.channel,
      ],
      set: {
        frequency: input.frequency,
        webhookUrl: input.webhookUrl ?? null,
        webhookSecret: input.webhookSecret ?? null,
      },
    })
    .returning(columns);
  return row!;
}

export async function listAlertSubscriptionsOf(db: Db, subscriberId: number): Promise<AlertSubscription[]> {
  return db
    .select(columns)
    .from(alertSubscriptions)
    .where(eq(alertSubscriptions.subscriberId, subscriberId))
    .orderBy(alertSubscriptions.id);
}

export async function deleteAlertSubscription(db: Db, subscriberId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(alertSubscriptions)
    .where(and(eq(alertSubscriptions.id, id), eq(alertSubscriptions.subscriberId, subscriberId)))
    .returning({ id: alertSubscriptions.id });
  return rows.length > 0;
}

/** Subscriptions of active subscribers, with the address alerts go to (isAlertDue picks the due ones). */
export async function listActiveAlertSubscriptions(db: Db): Promise<(AlertSubscription & { email: string })[]> {
  return db
    .select({ ...columns, email: subscribers.email })
    .from(alertSubscriptions)
    .innerJoin(subscribers, eq(subscribers.id, alertSubscriptions.subscriberId))
    .where(eq(subscribers.status, "active"))
    .orderBy(alertSubscriptions.id);
}

/** Moves a subscription's window on, only if nobody else did (two runs never report one window twice). */
export async function advanceCheckedUntil(db: Db, id: number, from: Date, to: Date): Promise<boolean> {
  const rows = await db
    .update(alertSubscriptions)
    .set({ checkedUntil: to })
    .where(and(eq(alertSubscriptions.id, id), eq(alertSubscriptions.checkedUntil, from)))
    .returning({ id: alertSubscriptions.id });
  return rows.length > 0;
}

type Row = { key: string; title: string; path: string; date: string };

/** Everything that changed about `target` after `start` up to and including `end`. */
export async function listAlertChanges(db: Db, target: AlertTarget, start: Date, end: Date): Promise<AlertChange[]> {
  const s = start.toISOString();
  const e = end.toISOString();
  const stored = (column: string) =>
    sql`${sql.raw(column)} > ${s}::timestamptz AND ${sql.raw(column)} <= ${e}::timestamptz`;
  const onDay = (column: string) =>
    sql`${sql.raw(column)}::timestamp AT TIME ZONE 'UTC' > ${s}::timestamptz AND ${sql.raw(column)}::timestamp AT TIME ZONE 'UTC' <= ${e}::timestamptz`;
  const out: AlertChange[] = [];
  const add = async (kind: AlertChange["kind"], query: ReturnType<typeof sql>) => {
    for (const r of await queryRows<Row>(db, query))
      out.push({ kind, key: `${kind}:${r.key}`, title: r.title, path: r.path, date: r.date });
  };
  const linkKind = target.kind === "search" ? null : target.kind;
  if (linkKind) {
    await add(
      "update",
      sql`SELECT u.slug AS key, u.title, '/updates/' || u.slug AS path, to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS date
          FROM updates u JOIN update_links l ON l.update_id = u.id
          WHERE l.record_kind = ${linkKind} AND l.record_id = ${target.id} AND ${stored("u.created_at")}`,
    );
  }
  const docSelect = sql`SELECT DISTINCT d.slug || '@' || d.version AS key, d.title, '/documents/' || d.slug AS path, to_char(d.ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS date FROM documents d`;
  if (target.kind === "state" || target.kind === "norm" || target.kind === "process") {
    const byProcess = target.kind === "process" ? sql` OR d.process_id = ${target.id}` : sql``;
    await add(
      "document",
      sql`${docSelect} WHERE d.is_current AND ${stored("d.ingested_at")} AND (EXISTS (SELECT 1 FROM paragraph_mentions m WHERE m.document_id = d.id AND m.kind = ${target.kind} AND m.target_id = ${target.id})${byProcess})`,
    );
  }
  if (target.kind === "document") {
    await add(
      "document",
      sql`${docSelect} WHERE ${stored("d.ingested_at")} AND (d.symbol = ${target.id} OR EXISTS (SELECT 1 FROM document_citations c WHERE c.document_id = d.id AND c.target_symbol = ${target.id}))`,
    );
    await add(
      "vote-event",
      sql`SELECT v.id AS key, coalesce(v.title, v.id) AS title, '/votes/' || v.id AS path, v.date::text AS date FROM vote_events v WHERE v.symbol = ${target.id} AND ${onDay("v.date")}`,
    );
  }
  if (target.kind === "state") {
    await add(
      "vote-event",
      sql`SELECT v.id AS key, coalesce(v.title, v.id) AS title, '/votes/' || v.id AS path, v.date::text AS date
          FROM vote_events v JOIN voters o ON o.state_iso3 = ${target.id}
          WHERE ${onDay("v.date")} AND substr(v.votes, o.position + 1, 1) IN ('Y', 'N', 'A')`,
    );
  }
  if (target.kind === "process") {
    await add(
      "session",
      sql`SELECT s.id AS key, s.name AS title, '/sessions/' || s.id AS path, s.start_date::text AS date FROM sessions s WHERE s.process_id = ${target.id} AND ${onDay("s.start_date")}`,
    );
    await add(
      "deadline",
      sql`SELECT d.id || ':' || CASE WHEN ${onDay("d.closes_on")} THEN 'closes' ELSE 'opens' END AS key,
                 d.title || CASE WHEN ${onDay("d.closes_on")} THEN ' (closes)' ELSE ' (opens)' END AS title,
                 '/processes/' || d.process_id AS path, coalesce(CASE WHEN ${onDay("d.closes_on")} THEN d.closes_on END, d.opens_on)::text AS date
          FROM deadlines d WHERE d.process_id = ${target.id} AND ((${onDay("d.opens_on")}) OR (${onDay("d.closes_on")}))`,
    );
  }
  if (target.kind === "search") {
    const configs = [...Object.values(SEARCH_CONFIGS), "simple"];
    const match = sql.join(
      configs.map(
        (c) =>
          sql`(p.search_config = ${c} AND p.tsv @@ websearch_to_tsquery(${sql.raw(`'${c}'`)}::regconfig, ${target.id}))`,
      ),
      sql` OR `,
    );
    await add(
      "search-match",
      sql`SELECT DISTINCT ON (d.id) d.slug || '@' || d.version AS key, d.title || ' (' || p.label || ')' AS title, '/documents/' || d.slug || '#' || p.anchor AS path,
                 to_char(d.ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS date
          FROM document_paragraphs p JOIN documents d ON d.id = p.document_id
          WHERE d.is_current AND ${stored("d.ingested_at")} AND (${match})
          ORDER BY d.id, p.position LIMIT 200`,
    );
  }
  return out;
}

/** Whether a State, process or norm with this id exists (symbols and searches may name what is not stored yet). */
export async function isFollowableTarget(db: Db, target: AlertTarget): Promise<boolean> {
  const table = { state: "states", process: "processes", norm: "framework_items" } as const;
  if (target.kind === "document" || target.kind === "search") return true;
  const column = target.kind === "state" ? "iso3" : "id";
  const rows = await queryRows<{ n: number }>(
    db,
    sql`SELECT 1 AS n FROM ${sql.raw(table[target.kind])} WHERE ${sql.raw(column)} = ${target.id} LIMIT 1`,
  );
  return rows.length > 0;
}
