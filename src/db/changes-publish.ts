// Reads and writes the public table of each editable record kind, for drafting and publishing changes.
// Only publishing writes here, inside its transaction; public tables never hold a draft.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { ChangeSourceRef } from "../domain/editorial/change.js";
import { REFERENCE_TARGET_LABELS } from "../domain/editorial/kinds/kind.js";
import { fromRow, RECORD_SPECS, toRow, type EditorialRecordFields } from "../domain/editorial/records.js";
import { ConflictError, InvalidInputError } from "../domain/errors.js";
import type { EditableRecordKind } from "../domain/vocabulary.js";
import { columnOf, DEPENDENT_TABLES, propertyOf, REFERENCE_TABLES, TABLES, type Handle } from "./changes-kinds.js";
import * as t from "./schema/index.js";
import type { Tx } from "./upsert.js";

function keyMatch(kind: EditableRecordKind, id: string): SQL | null {
  const spec = TABLES[kind];
  if (spec.numericKey) return /^\d{1,9}$/.test(id) ? eq(spec.key, Number(id)) : null;
  return eq(spec.key, id);
}

/** The published record in its editorial shape, or null (unknown, or withdrawn). */
export async function findPublishedRecord(
  db: Handle,
  kind: EditableRecordKind,
  id: string,
): Promise<EditorialRecordFields | null> {
  const match = keyMatch(kind, id);
  if (!match) return null;
  const spec = TABLES[kind];
  const [row] = (await db.select().from(spec.table).where(match)) as Record<string, unknown>[];
  if (!row) return null;
  return fromRow(kind, spec.readExtra ? { ...row, ...(await spec.readExtra(db, row)) } : row);
}

async function exists(db: Handle, table: PgTable, where: SQL): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(1);
  return rows.length > 0;
}

/** Refuses records that point at a State, process or other record that is not published (the kind's references). */
export async function assertReferencesExist(
  db: Handle,
  kind: EditableRecordKind,
  record: EditorialRecordFields,
): Promise<void> {
  const references = RECORD_SPECS[kind].references;
  const issues: { path: string; message: string }[] = [];
  for (const ref of references) {
    const target = REFERENCE_TABLES[ref.target];
    const given = record[ref.field];
    for (const value of Array.isArray(given) ? given : [given]) {
      if (value === null || value === undefined) continue;
      if (!(await exists(db, target.table, eq(target.column, value as never))))
        issues.push({
          path: ref.field,
          message: `no published ${REFERENCE_TARGET_LABELS[ref.target]} ${String(value)}`,
        });
    }
  }
  for (const ref of references) {
    const target = REFERENCE_TABLES[ref.target];
    const value = record[ref.field];
    const parentId = ref.parentField ? record[ref.parentField] : null;
    if (!target.parent || !value || !parentId) continue;
    const [row] = await db
      .select({ parent: target.parent })
      .from(target.table)
      .where(eq(target.column, value as never));
    if (row && row.parent !== parentId)
      issues.push({
        path: ref.field,
        message: `${REFERENCE_TARGET_LABELS[ref.target]} ${String(value)} belongs to ${String(row.parent)}, not ${String(parentId)}`,
      });
  }
  if (issues.length) throw new InvalidInputError("the record refers to something that does not exist", issues);
}

/** Published records that depend on this one (the kind's dependents); a withdrawal would delete them, so it is refused. */
async function assertNoDependents(db: Handle, kind: EditableRecordKind, id: string): Promise<void> {
  const found: string[] = [];
  for (const dependent of RECORD_SPECS[kind].dependents) {
    const table = DEPENDENT_TABLES[dependent.relation];
    if (await exists(db, table, or(...dependent.fields.map((field) => eq(columnOf(table, field), id)))!))
      found.push(dependent.label);
  }
  if (found.length)
    throw new ConflictError(
      `cannot withdraw this ${kind}: it still has ${found.join(", ")}; withdraw or move those first`,
    );
}

/** Inserts, updates or deletes the public row; returns the record id (assigned by the database for memberships). */
export async function applyToPublicTable(
  tx: Tx,
  input: {
    kind: EditableRecordKind;
    operation: "create" | "update" | "withdraw";
    recordId: string | null;
    record: EditorialRecordFields | null;
    now?: Date;
  },
): Promise<string> {
  const spec = TABLES[input.kind];
  const now = input.now ?? new Date();
  if (input.operation === "create") {
    const row = { ...toRow(input.kind, input.record!), ...spec.stamp?.(now, "create") };
    if (spec.numericKey) delete row["id"];
    const inserted = (await tx
      .insert(spec.table)
      .values(row as never)
      .onConflictDoNothing()
      .returning()) as Record<string, unknown>[];
    if (inserted.length === 0) throw new ConflictError(`a published ${input.kind} with this id already exists`);
    const id = String(inserted[0]![propertyOf(spec.table, spec.key)]);
    await spec.afterWrite?.(tx, id, input.record!);
    return id;
  }
  const match = keyMatch(input.kind, input.recordId!);
  if (!match) throw new ConflictError(`no published ${input.kind} ${input.recordId}`);
  if (input.operation === "update") {
    const row: Record<string, unknown> = { ...toRow(input.kind, input.record!), ...spec.stamp?.(now, "update") };
    delete row[propertyOf(spec.table, spec.key)];
    const updated = await tx
      .update(spec.table)
      .set(row as never)
      .where(match)
      .returning();
    if (updated.length === 0) throw new ConflictError(`no published ${input.kind} ${input.recordId}: it was withdrawn`);
    await spec.afterWrite?.(tx, input.recordId!, input.record!);
    return input.recordId!;
  }
  await assertNoDependents(tx, input.kind, input.recordId!);
  await tx.delete(spec.table).where(match);
  await tx
    .delete(t.recordSources)
    .where(and(eq(t.recordSources.recordKind, input.kind), eq(t.recordSources.recordId, input.recordId!)));
  return input.recordId!;
}

/** Stores new web-page sources and attaches every cited source to the record. */
export async function attachSources(
  tx: Tx,
  input: { kind: EditableRecordKind; recordId: string; sources: ChangeSourceRef[]; today: string },
): Promise<void> {
  for (const ref of input.sources) {
    let sourceId: string;
    if ("sourceId" in ref) {
      sourceId = ref.sourceId;
    } else {
      sourceId = ref.url;
      await tx
        .insert(t.sources)
        .values({
          id: ref.url,
          kind: "web-page",
          title: ref.title,
          url: ref.url,
          licence: ref.licence,
          datasetPath: null,
          attribution: null,
          retrievedOn: input.today,
        })
        .onConflictDoNothing();
    }
    await tx
      .insert(t.recordSources)
      .values({ recordKind: input.kind, recordId: input.recordId, sourceId, note: null })
      .onConflictDoNothing();
  }
}

/** Source ids currently attached to a record. */
export async function listRecordSourceIds(db: Handle, kind: EditableRecordKind, recordId: string): Promise<string[]> {
  const rows = await db
    .select({ id: t.recordSources.sourceId })
    .from(t.recordSources)
    .where(and(eq(t.recordSources.recordKind, kind), eq(t.recordSources.recordId, recordId)));
  return rows.map((r) => r.id);
}

export async function assertSourcesExist(db: Handle, sources: ChangeSourceRef[]): Promise<void> {
  for (const ref of sources) {
    if ("sourceId" in ref && !(await exists(db, t.sources, eq(t.sources.id, ref.sourceId)))) {
      throw new InvalidInputError(`no source with id ${ref.sourceId}`, [
        { path: "sources", message: `unknown source id ${ref.sourceId}` },
      ]);
    }
  }
}
