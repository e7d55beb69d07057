// Reads and writes the public table of each editable record kind, for drafting and publishing changes.
// Only publishing writes here, inside its transaction; public tables never hold a draft.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { ChangeSourceRef } from "../domain/editorial/change.js";
import { fromRow, toRow, type EditorialRecordFields } from "../domain/editorial/records.js";
import { ConflictError, InvalidInputError } from "../domain/errors.js";
import type { EditableRecordKind } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import * as t from "./schema/index.js";
import type { Tx } from "./upsert.js";

type Handle = Db | Tx;

const TABLES: Record<EditableRecordKind, { table: PgTable; key: PgColumn; numericKey?: boolean }> = {
  process: { table: t.processes, key: t.processes.id },
  session: { table: t.sessions, key: t.sessions.id },
  resolution: { table: t.resolutions, key: t.resolutions.symbol },
  organization: { table: t.organizations, key: t.organizations.id },
  membership: { table: t.memberships, key: t.memberships.id, numericKey: true },
};

function keyMatch(kind: EditableRecordKind, id: string): SQL | null {
  const spec = TABLES[kind];
  if (spec.numericKey) return /^\d{1,9}$/.test(id) ? eq(spec.key, Number(id)) : null;
  return eq(spec.key, id);
}

/** The published record in its editorial shape, or null (unknown, or withdrawn). */
export async function findPublishedRecord(db: Handle, kind: EditableRecordKind, id: string): Promise<EditorialRecordFields | null> {
  const match = keyMatch(kind, id);
  if (!match) return null;
  const [row] = (await db.select().from(TABLES[kind].table).where(match)) as Record<string, unknown>[];
  return row ? fromRow(kind, row) : null;
}

async function exists(db: Handle, table: PgTable, where: SQL): Promise<boolean> {
  const rows = await db.select({ one: sql`1` }).from(table).where(where).limit(1);
  return rows.length > 0;
}

/** Refuses records that point at a State, process or organisation that is not published. */
export async function assertReferencesExist(db: Handle, kind: EditableRecordKind, record: EditorialRecordFields): Promise<void> {
  const checks: { path: string; value: unknown; table: PgTable; column: PgColumn; label: string }[] = [];
  if (kind === "session") checks.push({ path: "processId", value: record["processId"], table: t.processes, column: t.processes.id, label: "process" });
  if (kind === "process") checks.push({ path: "chairStateIso3", value: record["chairStateIso3"], table: t.states, column: t.states.iso3, label: "State" });
  if (kind === "membership") {
    checks.push({ path: "organizationId", value: record["organizationId"], table: t.organizations, column: t.organizations.id, label: "organisation" });
    checks.push({ path: "stateIso3", value: record["stateIso3"], table: t.states, column: t.states.iso3, label: "State" });
    checks.push({ path: "memberOrganizationId", value: record["memberOrganizationId"], table: t.organizations, column: t.organizations.id, label: "organisation" });
  }
  const issues: { path: string; message: string }[] = [];
  for (const c of checks) {
    if (c.value === null || c.value === undefined) continue;
    if (!(await exists(db, c.table, eq(c.column, c.value as string)))) issues.push({ path: c.path, message: `no published ${c.label} ${String(c.value)}` });
  }
  if (issues.length) throw new InvalidInputError("the record refers to something that does not exist", issues);
}

/** Published records that depend on this one; a withdrawal would delete them, so it is refused. */
async function assertNoDependents(db: Handle, kind: EditableRecordKind, id: string): Promise<void> {
  const found: string[] = [];
  if (kind === "process") {
    if (await exists(db, t.sessions, eq(t.sessions.processId, id))) found.push("sessions");
    if (await exists(db, t.processMembers, eq(t.processMembers.processId, id))) found.push("member States");
    if (await exists(db, t.processResolutions, eq(t.processResolutions.processId, id))) found.push("linked resolutions");
  }
  if (kind === "resolution" && (await exists(db, t.processResolutions, eq(t.processResolutions.resolutionSymbol, id)))) found.push("processes linked to it");
  if (kind === "organization" && (await exists(db, t.memberships, or(eq(t.memberships.organizationId, id), eq(t.memberships.memberOrganizationId, id))!))) found.push("memberships");
  if (found.length) throw new ConflictError(`cannot withdraw this ${kind}: it still has ${found.join(", ")}; withdraw or move those first`);
}

/** Inserts, updates or deletes the public row; returns the record id (assigned by the database for memberships). */
export async function applyToPublicTable(
  tx: Tx,
  input: { kind: EditableRecordKind; operation: "create" | "update" | "withdraw"; recordId: string | null; record: EditorialRecordFields | null },
): Promise<string> {
  const spec = TABLES[input.kind];
  if (input.operation === "create") {
    const row = toRow(input.kind, input.record!);
    if (spec.numericKey) delete row["id"];
    const inserted = (await tx.insert(spec.table).values(row as never).onConflictDoNothing().returning()) as Record<string, unknown>[];
    if (inserted.length === 0) throw new ConflictError(`a published ${input.kind} with this id already exists`);
    return String(inserted[0]![propertyOf(spec.table, spec.key)]);
  }
  const match = keyMatch(input.kind, input.recordId!);
  if (!match) throw new ConflictError(`no published ${input.kind} ${input.recordId}`);
  if (input.operation === "update") {
    const row = toRow(input.kind, input.record!);
    delete row[propertyOf(spec.table, spec.key)];
    const updated = await tx.update(spec.table).set(row as never).where(match).returning();
    if (updated.length === 0) throw new ConflictError(`no published ${input.kind} ${input.recordId}: it was withdrawn`);
    return input.recordId!;
  }
  await assertNoDependents(tx, input.kind, input.recordId!);
  await tx.delete(spec.table).where(match);
  await tx.delete(t.recordSources).where(and(eq(t.recordSources.recordKind, input.kind), eq(t.recordSources.recordId, input.recordId!)));
  return input.recordId!;
}

/** Stores new web-page sources and attaches every cited source to the record. */
export async function attachSources(tx: Tx, input: { kind: EditableRecordKind; recordId: string; sources: ChangeSourceRef[]; today: string }): Promise<void> {
  for (const ref of input.sources) {
    let sourceId: string;
    if ("sourceId" in ref) {
      sourceId = ref.sourceId;
    } else {
      sourceId = ref.url;
      await tx
        .insert(t.sources)
        .values({ id: ref.url, kind: "web-page", title: ref.title, url: ref.url, licence: ref.licence, datasetPath: null, attribution: null, retrievedOn: input.today })
        .onConflictDoNothing();
    }
    await tx.insert(t.recordSources).values({ recordKind: input.kind, recordId: input.recordId, sourceId, note: null }).onConflictDoNothing();
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
      throw new InvalidInputError(`no source with id ${ref.sourceId}`, [{ path: "sources", message: `unknown source id ${ref.sourceId}` }]);
    }
  }
}

function propertyOf(table: PgTable, column: PgColumn): string {
  for (const [name, value] of Object.entries(table)) if (value === column) return name;
  throw new Error(`column ${column.name} is not in the table`);
}
