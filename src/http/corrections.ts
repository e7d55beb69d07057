// Tells a correction requester the outcome, once, when they left an email address.
import type { AppDeps } from "./deps.js";
import { getCorrection, type CorrectionRequest } from "../db/corrections.js";
import { RECORD_SPECS } from "../domain/editorial/records.js";

export async function notifyCorrectionOutcome(
  deps: AppDeps,
  correction: CorrectionRequest,
  baseUrl: string,
): Promise<void> {
  if (!correction.email || correction.status === "open") return;
  const label = `${RECORD_SPECS[correction.recordKind].label} ${correction.recordId}`;
  const accepted = correction.status === "accepted";
  await deps.mailer.send({
    to: correction.email,
    subject: accepted ? `Your correction to ${label} was published` : `Your correction request on ${label}`,
    text: accepted
      ? `Thank you. Your correction request #${correction.id} led to a change that has now been reviewed and published.\n\nSee the record's history: ${baseUrl}/history/${correction.recordKind}/${encodeURIComponent(correction.recordId)}`
      : `Thank you for your correction request #${correction.id}. The editors reviewed it and did not change the record.${correction.resolutionNote ? `\n\nTheir note: ${correction.resolutionNote}` : ""}`,
    idempotencyKey: `correction-outcome:${correction.id}`,
  });
}

/** After a change is published: if it answered a correction request, tell the requester. */
export async function notifyIfCorrection(deps: AppDeps, correctionId: number | null, baseUrl: string): Promise<void> {
  if (correctionId) await notifyCorrectionOutcome(deps, await getCorrection(deps.db, correctionId), baseUrl);
}
