// Proposed changes to public records: their shape, field diffs, and the review rules (pure).
import { ConflictError, InvalidInputError } from "../errors.js";
import type { ChangeOperation, ChangeStatus, EditableRecordKind, UserRole } from "../vocabulary.js";

/** A source a change cites: an existing source by id, or a new web page with title and licence. */
export type ChangeSourceRef = { sourceId: string } | { url: string; title: string; licence: string };

/** One changed field: its value before and after (null when absent). */
export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
}

export type EditorialRecord = Record<string, unknown>;

export interface Change {
  id: number;
  recordKind: EditableRecordKind;
  recordId: string | null;
  operation: ChangeOperation;
  proposed: EditorialRecord | null;
  base: EditorialRecord | null;
  sources: ChangeSourceRef[];
  summary: string;
  status: ChangeStatus;
  authorId: number;
  authorEmail: string;
  reviewerId: number | null;
  reviewerEmail: string | null;
  reviewNote: string | null;
  correctionId: number | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  reviewedAt: Date | null;
}

export interface Reviewer {
  id: number;
  role: UserRole;
}

/** Fields whose values differ, in the order they appear in either record. */
export function diffRecords(before: EditorialRecord | null, after: EditorialRecord | null): FieldDiff[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const out: FieldDiff[] = [];
  for (const field of fields) {
    const a = before?.[field] ?? null;
    const b = after?.[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field, before: a, after: b });
  }
  return out;
}

/** Status moves allowed by the workflow; anything else is a conflict. */
const TRANSITIONS: Record<ChangeStatus, ChangeStatus[]> = {
  draft: ["in_review"],
  in_review: ["published", "rejected", "draft"],
  published: [],
  rejected: [],
};

export function assertTransition(from: ChangeStatus, to: ChangeStatus): void {
  if (!TRANSITIONS[from].includes(to))
    throw new ConflictError(`a change that is ${from.replace("_", " ")} cannot become ${to.replace("_", " ")}`);
}

/**
 * Four-eyes rule: once the instance has at least `minEditors` editors (admins count), nobody approves
 * their own change. minEditors 0 turns the rule off.
 */
export function assertMayApprove(
  change: Pick<Change, "authorId">,
  reviewer: Reviewer,
  editorCount: number,
  minEditors: number,
): void {
  if (minEditors > 0 && editorCount >= minEditors && change.authorId === reviewer.id) {
    throw new ConflictError("another editor must review this change: you cannot approve your own change");
  }
}

export function assertHasSources(sources: ChangeSourceRef[]): void {
  if (sources.length === 0) {
    throw new InvalidInputError("every change needs at least one source", [
      { path: "sources", message: "add a source: a URL with title and licence, or an existing source id" },
    ]);
  }
}

/** One published change as the append-only audit log keeps it. */
export interface AuditEntry {
  id: number;
  at: Date;
  recordKind: EditableRecordKind;
  recordId: string;
  operation: ChangeOperation;
  changeId: number | null;
  actorEmail: string | null;
  authorEmail: string | null;
  summary: string;
  diff: FieldDiff[];
  before: EditorialRecord | null;
  after: EditorialRecord | null;
  sources: ChangeSourceRef[];
}
