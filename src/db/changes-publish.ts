// Reads and writes the public table of each editable record kind, for drafting and publishing changes.
// Only publishing writes here, inside its transaction; public tables never hold a draft.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { ChangeSourceRef } from "../domain/editorial/change.js";
import { fromRow, toRow, type EditorialRecordFields } from "../domain/editorial/records.js";
import { ConflictError, InvalidInputError } from "../domain/errors.js";
import type { EditableRecordKind, UpdateLinkKind } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import * as t from "./schema/index.js";
import type { Tx } from "./upsert.js";

type Handle = Db | Tx;

interface TableSpec {
  table: PgTable;
  key: PgColumn;
  numericKey?: boolean;
  /** Columns the editorial record does not hold, set on every write (e.g. timestamps). */
  stamp?: (now: Date, operation: "create" | "update") => Record<string, unknown>;
  /** Child rows kept in step with the record after each write (e.g. an update's links). */
  afterWrite?: (tx: Tx, recordId: string, record: EditorialRecordFields) => Promise<void>;
  /** Reads the child rows back into the editorial record. */
  readExtra?: (db: Handle, row: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

const TABLES: Record<EditableRecordKind, TableSpec> = {
  process: { table: t.processes, key: t.processes.id },
  session: { table: t.sessions, key: t.sessions.id },
  resolution: { table: t.resolutions, key: t.resolutions.symbol },
  organization: { table: t.organizations, key: t.organizations.id },
  membership: { table: t.memberships, key: t.memberships.id, numericKey: true },
  framework: { table: t.frameworks, key: t.frameworks.id },
  "framework-item": { table: t.frameworkItems, key: t.frameworkItems.id },
  evidence: { table: t.evidence, key: t.evidence.id, numericKey: true },
  instrument: { table: t.instruments, key: t.instruments.id },
  assessment: { table: t.assessments, key: t.assessments.id, numericKey: true },
  programme: { table: t.programmes, key: t.programmes.id },
  deadline: { table: t.deadlines, key: t.deadlines.id },
  accreditation: { table: t.accreditations, key: t.accreditations.id },
  "stakeholder-action": { table: t.stakeholderActions, key: t.stakeholderActions.id },
  update: {
    table: t.updates,
    key: t.updates.slug,
    stamp: (now, operation) => (operation === "create" ? { createdAt: now, updatedAt: now } : { updatedAt: now }),
    afterWrite: async (tx, slug, record) => {
      const [row] = await tx.select({ id: t.updates.id }).from(t.updates).where(eq(t.updates.slug, slug));
      if (!row) return;
      await tx.delete(t.updateLinks).where(eq(t.updateLinks.updateId, row.id));
      const links = (record["links"] as string[]).map((l) => {
        const at = l.indexOf(":");
        return { updateId: row.id, recordKind: l.slice(0, at) as UpdateLinkKind, recordId: l.slice(at + 1) };
      });
      if (links.length) await tx.insert(t.updateLinks).values(links).onConflictDoNothing();
    },
    readExtra: async (db, row) => {
      const links = await db
        .select({ kind: t.updateLinks.recordKind, id: t.updateLinks.recordId })
        .from(t.updateLinks)
        .where(eq(t.updateLinks.updateId, row["id"] as number))
        .orderBy(t.updateLinks.recordKind, t.updateLinks.recordId);
      return { links: links.map((l) => `${l.kind}:${l.id}`) };
    },
  },
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
  const spec = TABLES[kind];
  const [row] = (await db.select().from(spec.table).where(match)) as Record<string, unknown>[];
  if (!row) return null;
  return fromRow(kind, spec.readExtra ? { ...row, ...(await spec.readExtra(db, row)) } : row);
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
  if (kind === "framework-item") checks.push({ path: "frameworkId", value: record["frameworkId"], table: t.frameworks, column: t.frameworks.id, label: "framework" });
  if (kind === "evidence" || kind === "instrument") {
    checks.push({ path: "stateIso3", value: record["stateIso3"], table: t.states, column: t.states.iso3, label: "State" });
    checks.push({ path: "organizationId", value: record["organizationId"], table: t.organizations, column: t.organizations.id, label: "organisation" });
  }
  if (kind === "evidence") {
    checks.push({ path: "itemId", value: record["itemId"], table: t.frameworkItems, column: t.frameworkItems.id, label: "norm or CBM" });
    checks.push({ path: "instrumentId", value: record["instrumentId"], table: t.instruments, column: t.instruments.id, label: "instrument" });
  }
  if (kind === "evidence" || kind === "assessment") checks.push({ path: "paragraphId", value: record["paragraphId"], table: t.documentParagraphs, column: t.documentParagraphs.id, label: "document paragraph" });
  if (kind === "instrument") checks.push({ path: "documentId", value: record["documentId"], table: t.documents, column: t.documents.id, label: "document" });
  if (kind === "assessment") {
    checks.push({ path: "instrumentId", value: record["instrumentId"], table: t.instruments, column: t.instruments.id, label: "instrument" });
    checks.push({ path: "criterionId", value: record["criterionId"], table: t.rubricCriteria, column: t.rubricCriteria.id, label: "rubric criterion" });
  }
  if (kind === "deadline" || kind === "accreditation" || kind === "stakeholder-action") {
    checks.push({ path: "processId", value: record["processId"], table: t.processes, column: t.processes.id, label: "process" });
    checks.push({ path: "sessionId", value: record["sessionId"], table: t.sessions, column: t.sessions.id, label: "session" });
  }
  if (kind === "programme") {
    for (const iso3 of record["beneficiaryStates"] as string[]) checks.push({ path: "beneficiaryStates", value: iso3, table: t.states, column: t.states.iso3, label: "State" });
    for (const id of record["itemIds"] as string[]) checks.push({ path: "itemIds", value: id, table: t.frameworkItems, column: t.frameworkItems.id, label: "norm or CBM" });
  }
  const issues: { path: string; message: string }[] = [];
  for (const c of checks) {
    if (c.value === null || c.value === undefined) continue;
    if (!(await exists(db, c.table, eq(c.column, c.value as never)))) issues.push({ path: c.path, message: `no published ${c.label} ${String(c.value)}` });
  }
  if ((kind === "deadline" || kind === "accreditation" || kind === "stakeholder-action") && record["sessionId"] && record["processId"]) {
    const [session] = await db.select({ processId: t.sessions.processId }).from(t.sessions).where(eq(t.sessions.id, String(record["sessionId"])));
    if (session && session.processId !== record["processId"]) issues.push({ path: "sessionId", message: `session ${String(record["sessionId"])} belongs to ${session.processId}, not ${String(record["processId"])}` });
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
  if (kind === "framework" && (await exists(db, t.frameworkItems, eq(t.frameworkItems.frameworkId, id)))) found.push("norms or CBMs");
  if (kind === "framework-item" && (await exists(db, t.evidence, eq(t.evidence.itemId, id)))) found.push("evidence");
  if (kind === "instrument" && (await exists(db, t.assessments, eq(t.assessments.instrumentId, id)))) found.push("assessments");
  if (found.length) throw new ConflictError(`cannot withdraw this ${kind}: it still has ${found.join(", ")}; withdraw or move those first`);
}

/** Inserts, updates or deletes the public row; returns the record id (assigned by the database for memberships). */
export async function applyToPublicTable(
  tx: Tx,
  input: { kind: EditableRecordKind; operation: "create" | "update" | "withdraw"; recordId: string | null; record: EditorialRecordFields | null; now?: Date },
): Promise<string> {
  const spec = TABLES[input.kind];
  const now = input.now ?? new Date();
  if (input.operation === "create") {
    const row = { ...toRow(input.kind, input.record!), ...spec.stamp?.(now, "create") };
    if (spec.numericKey) delete row["id"];
    const inserted = (await tx.insert(spec.table).values(row as never).onConflictDoNothing().returning()) as Record<string, unknown>[];
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
    const updated = await tx.update(spec.table).set(row as never).where(match).returning();
    if (updated.length === 0) throw new ConflictError(`no published ${input.kind} ${input.recordId}: it was withdrawn`);
    await spec.afterWrite?.(tx, input.recordId!, input.record!);
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
