// What a change alters, field by field: against the published record while open, against its base once decided.
import { findPublishedRecord } from "../db/changes-publish.js";
import type { Db } from "../db/client.js";
import { diffRecords, type Change, type FieldDiff } from "../domain/editorial/change.js";

export async function diffOfChange(db: Db, change: Change): Promise<FieldDiff[]> {
  const open = change.status === "draft" || change.status === "in_review";
  const current =
    open && change.recordId ? await findPublishedRecord(db, change.recordKind, change.recordId) : change.base;
  return diffRecords(change.operation === "create" ? null : current, change.proposed);
}

/** A record field as JSON and the editor's diff name it (snake_case, like every other resource). */
export const jsonFieldName = (field: string): string => field.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
