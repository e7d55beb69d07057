// The public table behind each editable record kind, and behind each record a kind can refer to or be
// depended on by: the database half of domain/editorial/kinds/. A new kind adds its line to TABLES.
import { eq, is } from "drizzle-orm";
import { PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { DependentRelation, EditorialRecordFields, ReferenceTarget } from "../domain/editorial/kinds/kind.js";
import type { EditableRecordKind, UpdateLinkKind } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import * as t from "./schema/index.js";
import type { Tx } from "./upsert.js";

export type Handle = Db | Tx;

export interface KindTable {
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

export const TABLES: Record<EditableRecordKind, KindTable> = {
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
  "legal-position": { table: t.legalPositions, key: t.legalPositions.id },
  "treaty-action": { table: t.treatyActions, key: t.treatyActions.id },
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

/** Where a referenced record lives; `parent` is the column a `parentField` reference is checked against. */
export const REFERENCE_TABLES: Record<ReferenceTarget, { table: PgTable; column: PgColumn; parent?: PgColumn }> = {
  state: { table: t.states, column: t.states.iso3 },
  organization: { table: t.organizations, column: t.organizations.id },
  process: { table: t.processes, column: t.processes.id },
  session: { table: t.sessions, column: t.sessions.id, parent: t.sessions.processId },
  framework: { table: t.frameworks, column: t.frameworks.id },
  "framework-item": { table: t.frameworkItems, column: t.frameworkItems.id },
  instrument: { table: t.instruments, column: t.instruments.id },
  document: { table: t.documents, column: t.documents.id },
  "document-paragraph": { table: t.documentParagraphs, column: t.documentParagraphs.id },
  "rubric-criterion": { table: t.rubricCriteria, column: t.rubricCriteria.id },
  treaty: { table: t.treaties, column: t.treaties.id },
};

/** The table of each dependent relation; a kind's `dependents` name its columns by property. */
export const DEPENDENT_TABLES: Record<DependentRelation, PgTable> = {
  sessions: t.sessions,
  "process-members": t.processMembers,
  "process-resolutions": t.processResolutions,
  memberships: t.memberships,
  "framework-items": t.frameworkItems,
  evidence: t.evidence,
  assessments: t.assessments,
};

/** The column of a table by its Drizzle property name. */
export function columnOf(table: PgTable, property: string): PgColumn {
  const column = (table as unknown as Record<string, unknown>)[property];
  if (!is(column, PgColumn)) throw new Error(`no column ${property} in the table`);
  return column;
}

/** The Drizzle property name of a table's column. */
export function propertyOf(table: PgTable, column: PgColumn): string {
  for (const [name, value] of Object.entries(table)) if (value === column) return name;
  throw new Error(`column ${column.name} is not in the table`);
}
