// Proposed changes and the review workflow: draft, submit, publish (applied to the public table with its
// sources and an audit entry, in one transaction) or reject.
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Reviewer } from "../domain/editorial/change.js";
import {
  assertHasSources,
  assertMayApprove,
  assertTransition,
  diffRecords,
  type Change,
  type ChangeSourceRef,
} from "../domain/editorial/change.js";
import { recordIdOf, recordSchema, RECORD_SPECS, type EditorialRecordFields } from "../domain/editorial/records.js";
import { ConflictError, InvalidInputError, NotFoundError } from "../domain/errors.js";
import {
  EDITABLE_RECORD_KINDS,
  type ChangeOperation,
  type ChangeStatus,
  type EditableRecordKind,
} from "../domain/vocabulary.js";
import { getAuditEntry, insertAuditEntry, listAuditSnapshots } from "./audit-log.js";
import {
  applyToPublicTable,
  assertReferencesExist,
  assertSourcesExist,
  attachSources,
  findPublishedRecord,
  listRecordSourceIds,
} from "./changes-publish.js";
import type { Db } from "./client.js";
import { users } from "./schema/accounts.js";
import { changes, correctionRequests } from "./schema/editorial.js";
import type { Tx } from "./upsert.js";
import { countActiveEditors } from "./users.js";

export const ChangeSourceRefSchema = z.union([
  z.strictObject({ sourceId: z.string().trim().min(1).max(500) }),
  z.strictObject({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    title: z.string().trim().min(1).max(500),
    licence: z.string().trim().min(1).max(200),
  }),
]);

export interface ChangeInput {
  kind: EditableRecordKind;
  operation: ChangeOperation;
  /** Required for update and withdraw. */
  recordId: string | null;
  /** The full record for create and update; ignored for withdraw. */
  record: unknown;
  sources: ChangeSourceRef[];
  summary: string;
  authorId: number;
  correctionId?: number | null;
  now: Date;
}

/** Validates the proposal against the record's schema, the published record and the cited sources. */
async function prepare(
  db: Db,
  input: Omit<ChangeInput, "authorId" | "now">,
): Promise<{ recordId: string | null; proposed: EditorialRecordFields | null; base: EditorialRecordFields | null }> {
  assertHasSources(input.sources);
  await assertSourcesExist(db, input.sources);
  if (!input.summary.trim())
    throw new InvalidInputError("say in a few words what the change does", [{ path: "summary", message: "required" }]);
  const base = input.recordId ? await findPublishedRecord(db, input.kind, input.recordId) : null;
  if (input.operation !== "create" && !base)
    throw new NotFoundError(RECORD_SPECS[input.kind].label, input.recordId ?? "(no id)");
  if (input.operation === "withdraw") return { recordId: input.recordId, proposed: null, base };
  const parsed = recordSchema(input.kind).safeParse(input.record);
  if (!parsed.success) {
    throw new InvalidInputError(
      `invalid ${RECORD_SPECS[input.kind].label}`,
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const proposed = parsed.data;
  const id = recordIdOf(input.kind, proposed);
  if (input.operation === "update" && id !== null && id !== input.recordId) {
    throw new InvalidInputError("the id of a published record cannot change", [
      { path: RECORD_SPECS[input.kind].idField!, message: `must stay ${input.recordId}` },
    ]);
  }
  if (input.operation === "create" && id !== null && (await findPublishedRecord(db, input.kind, id))) {
    throw new ConflictError(`a published ${RECORD_SPECS[input.kind].label} ${id} already exists: edit it instead`);
  }
  await assertReferencesExist(db, input.kind, proposed);
  if (input.operation === "update" && diffRecords(base, proposed).length === 0)
    throw new InvalidInputError("the change changes nothing");
  return { recordId: input.operation === "create" ? id : input.recordId, proposed, base };
}

export async function insertChange(db: Db, input: ChangeInput & { submit?: boolean }): Promise<Change> {
  const prepared = await prepare(db, input);
  const [row] = await db
    .insert(changes)
    .values({
      recordKind: input.kind,
      recordId: prepared.recordId,
      operation: input.operation,
      proposed: prepared.proposed,
      base: prepared.base,
      sources: input.sources,
      summary: input.summary.trim(),
      status: input.submit ? "in_review" : "draft",
      authorId: input.authorId,
      correctionId: input.correctionId ?? null,
      createdAt: input.now,
      updatedAt: input.now,
      submittedAt: input.submit ? input.now : null,
    })
    .returning({ id: changes.id });
  return getChange(db, row!.id);
}

/** Replaces a draft's content; only its author may, and only while it is a draft or sent back. */
export async function updateDraftChange(
  db: Db,
  input: { changeId: number; userId: number; record: unknown; sources: ChangeSourceRef[]; summary: string; now: Date },
): Promise<Change> {
  const change = await getChange(db, input.changeId);
  if (change.status !== "draft") throw new ConflictError("only a draft can be edited");
  if (change.authorId !== input.userId) throw new ConflictError("only the author edits a draft");
  const prepared = await prepare(db, {
    kind: change.recordKind,
    operation: change.operation,
    recordId: change.operation === "create" ? null : change.recordId,
    record: input.record,
    sources: input.sources,
    summary: input.summary,
  });
  await db
    .update(changes)
    .set({
      proposed: prepared.proposed,
      base: prepared.base,
      recordId: prepared.recordId,
      sources: input.sources,
      summary: input.summary.trim(),
      updatedAt: input.now,
    })
    .where(eq(changes.id, change.id));
  return getChange(db, change.id);
}

async function moveStatus(
  db: Db,
  change: Change,
  to: ChangeStatus,
  set: Partial<typeof changes.$inferInsert>,
): Promise<void> {
  assertTransition(change.status, to);
  const rows = await db
    .update(changes)
    .set({ ...set, status: to })
    .where(and(eq(changes.id, change.id), eq(changes.status, change.status)))
    .returning({ id: changes.id });
  if (rows.length === 0) throw new ConflictError("the change was modified meanwhile: reload and try again");
}

export async function submitChange(db: Db, input: { changeId: number; userId: number; now: Date }): Promise<Change> {
  const change = await getChange(db, input.changeId);
  if (change.authorId !== input.userId) throw new ConflictError("only the author submits a draft for review");
  await moveStatus(db, change, "in_review", { submittedAt: input.now, updatedAt: input.now });
  return getChange(db, change.id);
}

export async function rejectChange(
  db: Db,
  input: { changeId: number; reviewer: Reviewer; note: string; now: Date },
): Promise<Change> {
  const change = await getChange(db, input.changeId);
  await moveStatus(db, change, "rejected", {
    reviewerId: input.reviewer.id,
    reviewNote: input.note.trim() || null,
    reviewedAt: input.now,
    updatedAt: input.now,
  });
  return getChange(db, change.id);
}

/**
 * Approves a change under review: re-validates it, applies it to the public table, attaches its sources
 * and appends the audit entry, all in one transaction. Refused when the record changed since the draft.
 */
export async function publishChange(
  db: Db,
  input: { changeId: number; reviewer: Reviewer; minEditors: number; note?: string; now: Date },
): Promise<Change> {
  const change = await getChange(db, input.changeId);
  assertTransition(change.status, "published");
  assertMayApprove(change, input.reviewer, await countActiveEditors(db), input.minEditors);
  await db.transaction(async (tx) => {
    const current =
      change.recordId && change.operation !== "create"
        ? await findPublishedRecord(tx, change.recordKind, change.recordId)
        : null;
    if (change.operation !== "create" && diffRecords(current, change.base).length > 0) {
      throw new ConflictError(
        "the published record changed after this draft was written: start a new change from the current version",
      );
    }
    if (change.proposed) {
      const parsed = recordSchema(change.recordKind).safeParse(change.proposed);
      if (!parsed.success)
        throw new InvalidInputError(
          "the proposed record no longer validates",
          parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        );
      await assertReferencesExist(tx, change.recordKind, parsed.data);
    }
    const recordId = await applyToPublicTable(tx, {
      kind: change.recordKind,
      operation: change.operation,
      recordId: change.recordId,
      record: change.proposed,
    });
    if (change.operation !== "withdraw")
      await attachSources(tx, {
        kind: change.recordKind,
        recordId,
        sources: change.sources,
        today: input.now.toISOString().slice(0, 10),
      });
    const after = change.operation === "withdraw" ? null : await findPublishedRecord(tx, change.recordKind, recordId);
    const updated = await tx
      .update(changes)
      .set({
        status: "published",
        recordId,
        reviewerId: input.reviewer.id,
        reviewNote: input.note?.trim() || null,
        reviewedAt: input.now,
        updatedAt: input.now,
      })
      .where(and(eq(changes.id, change.id), eq(changes.status, "in_review")))
      .returning({ id: changes.id });
    if (updated.length === 0) throw new ConflictError("the change was modified meanwhile: reload and try again");
    await insertAuditEntry(tx, {
      at: input.now,
      actorId: input.reviewer.id,
      authorId: change.authorId,
      recordKind: change.recordKind,
      recordId,
      operation: change.operation,
      changeId: change.id,
      diff: diffRecords(current, after),
      before: current,
      after,
      summary: change.summary,
    });
    if (change.correctionId) {
      await tx
        .update(correctionRequests)
        .set({ status: "accepted", resolvedAt: input.now, resolvedBy: input.reviewer.id, changeId: change.id })
        .where(and(eq(correctionRequests.id, change.correctionId), eq(correctionRequests.status, "open")));
    }
  });
  return getChange(db, change.id);
}

const author = alias(users, "author");
const reviewer = alias(users, "reviewer");

function selectChanges(db: Db) {
  return db
    .select({ change: changes, authorEmail: author.email, reviewerEmail: reviewer.email })
    .from(changes)
    .innerJoin(author, eq(author.id, changes.authorId))
    .leftJoin(reviewer, eq(reviewer.id, changes.reviewerId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectChanges>["execute"]>>[number];

function toChange({ change: c, authorEmail, reviewerEmail }: Row): Change {
  return { ...c, authorEmail, reviewerEmail };
}

export async function getChange(db: Db, id: number): Promise<Change> {
  const [row] = await selectChanges(db).where(eq(changes.id, id));
  if (!row) throw new NotFoundError("change", String(id));
  return toChange(row);
}

export async function listChanges(
  db: Db,
  filter: {
    statuses?: ChangeStatus[];
    authorId?: number;
    kind?: EditableRecordKind;
    recordId?: string;
    limit?: number;
    offset?: number;
  } = {},
): Promise<Change[]> {
  const where: SQL[] = [];
  if (filter.statuses?.length) where.push(inArray(changes.status, filter.statuses));
  if (filter.authorId !== undefined) where.push(eq(changes.authorId, filter.authorId));
  if (filter.kind) where.push(eq(changes.recordKind, filter.kind));
  if (filter.recordId) where.push(eq(changes.recordId, filter.recordId));
  const rows = await selectChanges(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(changes.updatedAt), desc(changes.id))
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0);
  return rows.map(toChange);
}

/**
 * Ids of records of a kind that editors have changed through a published change (including withdrawn ones):
 * the bundled-data import leaves these alone so a re-seed never silently reverts an editor's work.
 */
export async function listEditedRecordIds(db: Db | Tx, kind: EditableRecordKind): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: changes.recordId })
    .from(changes)
    .where(and(eq(changes.recordKind, kind), eq(changes.status, "published")));
  return new Set(rows.map((r) => r.id).filter((id): id is string => id !== null));
}

/**
 * Drafts a change that brings a record back to an earlier version (the state before or after a history
 * entry): an update if the record is published, a create if it was withdrawn. It is reviewed like any change.
 */
export async function insertRestoreChange(
  db: Db,
  input: { entryId: number; version: "before" | "after"; authorId: number; summary?: string | undefined; now: Date },
): Promise<Change> {
  const entry = await getAuditEntry(db, input.entryId);
  const snapshot = entry[input.version];
  if (!snapshot) throw new InvalidInputError("the record did not exist in that version: withdraw it instead");
  const current = await findPublishedRecord(db, entry.recordKind, entry.recordId);
  const cited = entry.sources.map((s): ChangeSourceRef => ("sourceId" in s ? s : { sourceId: s.url }));
  const attached = current
    ? (await listRecordSourceIds(db, entry.recordKind, entry.recordId)).map((sourceId) => ({ sourceId }))
    : [];
  const sources = [...new Map([...cited, ...attached].map((s) => [JSON.stringify(s), s])).values()];
  const when = entry.at.toISOString().slice(0, 16).replace("T", " ");
  return insertChange(db, {
    kind: entry.recordKind,
    operation: current ? "update" : "create",
    recordId: current ? entry.recordId : null,
    record: snapshot,
    sources,
    summary:
      input.summary?.trim() ||
      `Restore the version ${input.version === "before" ? "before" : "after"} the change of ${when} UTC`,
    authorId: input.authorId,
    now: input.now,
  });
}

export interface EditorialLocks {
  /** Per kind, ids of records with a published editorial change (edited, created or withdrawn). */
  ids: Record<EditableRecordKind, Set<string>>;
  /** Natural keys (organizationId|stateIso3|memberOrganizationId|role) of every membership version in the history. */
  membershipKeys: Set<string>;
}

export function membershipKeyOf(row: Record<string, unknown>): string {
  return [row["organizationId"], row["stateIso3"], row["memberOrganizationId"], row["role"]]
    .map((v) => v ?? "")
    .join("|");
}

/** What the bundled-data import must leave alone so a re-seed never reverts an editor's published change. */
export async function loadEditorialLocks(db: Db | Tx): Promise<EditorialLocks> {
  const ids = {} as Record<EditableRecordKind, Set<string>>;
  for (const kind of EDITABLE_RECORD_KINDS) ids[kind] = await listEditedRecordIds(db, kind);
  const membershipKeys = new Set((await listAuditSnapshots(db, "membership")).map(membershipKeyOf));
  return { ids, membershipKeys };
}
