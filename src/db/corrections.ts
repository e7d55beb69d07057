// Public correction requests: stored from the public form, listed for editors, declined or accepted (through a change).
import { and, asc, eq } from "drizzle-orm";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import type { CorrectionStatus, EditableRecordKind } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { correctionRequests } from "./schema/editorial.js";

export interface CorrectionRequest {
  id: number;
  recordKind: EditableRecordKind;
  recordId: string;
  message: string;
  evidenceUrl: string | null;
  email: string | null;
  status: CorrectionStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  resolutionNote: string | null;
  changeId: number | null;
}

function toCorrection(row: typeof correctionRequests.$inferSelect): CorrectionRequest {
  const { resolvedBy: _r, ...rest } = row;
  return rest;
}

export async function insertCorrection(
  db: Db,
  input: {
    recordKind: EditableRecordKind;
    recordId: string;
    message: string;
    evidenceUrl: string | null;
    email: string | null;
    now: Date;
  },
): Promise<CorrectionRequest> {
  const [row] = await db
    .insert(correctionRequests)
    .values({
      recordKind: input.recordKind,
      recordId: input.recordId,
      message: input.message,
      evidenceUrl: input.evidenceUrl,
      email: input.email,
      status: "open",
      createdAt: input.now,
    })
    .returning();
  return toCorrection(row!);
}

export async function getCorrection(db: Db, id: number): Promise<CorrectionRequest> {
  const [row] = await db.select().from(correctionRequests).where(eq(correctionRequests.id, id));
  if (!row) throw new NotFoundError("correction request", String(id));
  return toCorrection(row);
}

export async function listOpenCorrections(db: Db): Promise<CorrectionRequest[]> {
  return (
    await db
      .select()
      .from(correctionRequests)
      .where(eq(correctionRequests.status, "open"))
      .orderBy(asc(correctionRequests.createdAt))
  ).map(toCorrection);
}

export async function declineCorrection(
  db: Db,
  input: { id: number; userId: number; note: string; now: Date },
): Promise<CorrectionRequest> {
  const rows = await db
    .update(correctionRequests)
    .set({ status: "declined", resolvedAt: input.now, resolvedBy: input.userId, resolutionNote: input.note })
    .where(and(eq(correctionRequests.id, input.id), eq(correctionRequests.status, "open")))
    .returning();
  if (rows.length === 0) throw new ConflictError("this request is no longer open");
  return toCorrection(rows[0]!);
}
