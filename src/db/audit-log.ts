// The append-only audit log: one entry per published change. This module only inserts and reads.
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AuditEntry, FieldDiff } from "../domain/editorial/change.js";
import { NotFoundError } from "../domain/errors.js";
import type { ChangeOperation, EditableRecordKind } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { users } from "./schema/accounts.js";
import { auditLog, changes } from "./schema/editorial.js";
import { recordSources, sources } from "./schema/sources.js";
import type { Tx } from "./upsert.js";

type Handle = Db | Tx;

export async function insertAuditEntry(
  tx: Handle,
  entry: {
    at: Date;
    actorId: number | null;
    authorId: number | null;
    recordKind: EditableRecordKind;
    recordId: string;
    operation: ChangeOperation;
    changeId: number | null;
    diff: FieldDiff[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    summary: string;
  },
): Promise<number> {
  const [row] = await tx.insert(auditLog).values(entry).returning({ id: auditLog.id });
  return row!.id;
}

const actor = alias(users, "actor");
const author = alias(users, "author");

function select(db: Handle) {
  return db
    .select({ entry: auditLog, actorEmail: actor.email, authorEmail: author.email, sources: changes.sources })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(author, eq(author.id, auditLog.authorId))
    .leftJoin(changes, eq(changes.id, auditLog.changeId));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];

function toEntry(row: Row): AuditEntry {
  const e = row.entry;
  return {
    id: e.id,
    at: e.at,
    recordKind: e.recordKind,
    recordId: e.recordId,
    operation: e.operation,
    changeId: e.changeId,
    actorEmail: row.actorEmail,
    authorEmail: row.authorEmail,
    summary: e.summary,
    diff: e.diff,
    before: e.before,
    after: e.after,
    sources: row.sources ?? [],
  };
}

/** A record's history, oldest first. */
export async function listAuditEntries(db: Handle, kind: EditableRecordKind, recordId: string): Promise<AuditEntry[]> {
  const rows = await select(db)
    .where(and(eq(auditLog.recordKind, kind), eq(auditLog.recordId, recordId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map(toEntry);
}

export async function getAuditEntry(db: Handle, id: number): Promise<AuditEntry> {
  const [row] = await select(db).where(eq(auditLog.id, id));
  if (!row) throw new NotFoundError("history entry", String(id));
  return toEntry(row);
}

/** The bundled dataset a record was imported from (its dataset source's title), or null for editor-created records. */
export async function findImportedFrom(db: Handle, kind: EditableRecordKind, recordId: string): Promise<string | null> {
  const [row] = await db
    .select({ title: sources.title })
    .from(recordSources)
    .innerJoin(sources, eq(sources.id, recordSources.sourceId))
    .where(and(eq(recordSources.recordKind, kind), eq(recordSources.recordId, recordId), eq(sources.kind, "dataset")))
    .orderBy(asc(sources.id))
    .limit(1);
  return row?.title ?? null;
}

/** Every version (before and after each change) of every record of a kind in the history; for import locks. */
export async function listAuditSnapshots(db: Handle, kind: EditableRecordKind): Promise<Record<string, unknown>[]> {
  const rows = await db
    .select({ before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(eq(auditLog.recordKind, kind));
  return rows.flatMap((r) => [r.before, r.after]).filter((s): s is Record<string, unknown> => s !== null);
}
