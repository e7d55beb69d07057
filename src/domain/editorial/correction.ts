// Public correction requests: the form's validation and its spam checks without third-party services (pure).
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { EDITABLE_RECORD_KINDS } from "../vocabulary.js";

export const CorrectionForm = z.object({
  kind: z.enum(EDITABLE_RECORD_KINDS),
  id: z.string().trim().min(1).max(200),
  message: z.string().trim().min(10, "describe the correction in a sentence or two").max(5000),
  evidence_url: z.union([z.literal("").transform(() => null), z.url({ protocol: /^https?$/ }).max(2000)]).default(null),
  email: z.union([z.literal("").transform(() => null), z.email().max(254)]).default(null),
});
export type CorrectionForm = z.infer<typeof CorrectionForm>;

/** A human needs at least this long to read the form and write a correction; bots submit at once. */
export const MIN_FILL_SECONDS = 3;
const MAX_FORM_AGE_SECONDS = 24 * 3600;

/** A signed render time for the form, so the fill time cannot be forged. */
export function signFormTime(now: Date, secret: string): string {
  const ts = String(now.getTime());
  return `${ts}.${createHmac("sha256", secret).update(`correction-form:${ts}`).digest("base64url")}`;
}

export type SpamVerdict = "ok" | "honeypot" | "too-fast" | "stale-or-forged";

/** Honeypot must be empty; the signed render time must be genuine, at least MIN_FILL_SECONDS old and under a day. */
export function judgeSubmission(input: { honeypot: string; started: string; now: Date; secret: string }): SpamVerdict {
  if (input.honeypot.trim() !== "") return "honeypot";
  const [ts, mac] = input.started.split(".");
  if (!ts || !mac || !/^\d+$/.test(ts)) return "stale-or-forged";
  const expected = Buffer.from(createHmac("sha256", input.secret).update(`correction-form:${ts}`).digest("base64url"));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "stale-or-forged";
  const age = (input.now.getTime() - Number(ts)) / 1000;
  if (age < MIN_FILL_SECONDS) return "too-fast";
  if (age > MAX_FORM_AGE_SECONDS) return "stale-or-forged";
  return "ok";
}
