// Follow-anything alerts (issue 8): which targets may be followed, when a subscription is due, what a window's
// changes become (an email, a webhook payload, or nothing when empty), and the webhook signature. Pure.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ActivityFact } from "./activity.js";
import { InvalidInputError } from "./errors.js";
import type { AlertFrequency, AlertTargetKind } from "./vocabulary.js";

export const ALERT_TARGET_LABELS: Record<AlertTargetKind, string> = {
  state: "State",
  process: "process",
  norm: "norm",
  document: "document symbol",
  search: "saved search",
};

export const ALERT_FREQUENCY_LABELS: Record<AlertFrequency, string> = {
  instant: "as soon as it changes",
  daily: "daily",
  weekly: "weekly",
};

const PERIOD_MS: Record<AlertFrequency, number> = { instant: 0, daily: 86_400_000, weekly: 7 * 86_400_000 };

/** Validates and normalises what a reader asks to follow (ISO3 upper case, ids as the site spells them). */
export function normaliseAlertTarget(kind: AlertTargetKind, rawId: string): string {
  const id = rawId.trim();
  const fail = (why: string): never => {
    throw new InvalidInputError(`cannot follow ${ALERT_TARGET_LABELS[kind]} "${id.slice(0, 80)}": ${why}`);
  };
  if (!id) return fail("nothing given");
  switch (kind) {
    case "state":
      return /^[A-Za-z]{3}$/.test(id) ? id.toUpperCase() : fail("give the three-letter ISO code, e.g. FRA");
    case "process":
    case "norm":
      return /^[a-z0-9-]{1,100}$/.test(id) ? id : fail("not an id of this site");
    case "document":
      return id.length <= 100 && /^[A-Za-z0-9./()\- ]+$/.test(id)
        ? id.replace(/\s+/g, " ")
        : fail("not a document symbol");
    case "search":
      return id.length <= 200 ? id.replace(/\s+/g, " ") : fail("a saved search is at most 200 characters");
  }
}

/** The site page of what is followed. */
export function alertTargetPath(kind: AlertTargetKind, id: string): string {
  switch (kind) {
    case "state":
      return `/states/${encodeURIComponent(id)}`;
    case "process":
      return `/processes/${encodeURIComponent(id)}`;
    case "norm":
      return `/norms/${encodeURIComponent(id)}`;
    case "document":
      return `/documents/${id.split("/").map(encodeURIComponent).join("/")}`;
    case "search":
      return `/search?q=${encodeURIComponent(id)}`;
  }
}

/** A subscription is due once a whole period has passed since the changes it last looked at (instant: any time). */
export function isAlertDue(subscription: { frequency: AlertFrequency; checkedUntil: Date }, now: Date): boolean {
  const elapsed = now.getTime() - subscription.checkedUntil.getTime();
  return subscription.frequency === "instant" ? elapsed > 0 : elapsed >= PERIOD_MS[subscription.frequency];
}

export const ALERT_CHANGE_KINDS = [
  "update",
  "document",
  "vote-event",
  "session",
  "deadline",
  "search-match",
  "fact",
] as const;
export type AlertChangeKind = (typeof ALERT_CHANGE_KINDS)[number];

/** One thing that changed about a followed target. `path` is a site path; `date` is ISO (day or instant). */
export interface AlertChange {
  kind: AlertChangeKind;
  key: string;
  title: string;
  path: string;
  date: string;
}

const CHANGE_LABELS: Record<AlertChangeKind, string> = {
  update: "Update",
  document: "Document",
  "vote-event": "Vote",
  session: "Session",
  deadline: "Deadline",
  "search-match": "Search match",
  fact: "From the data",
};

export const ALERT_MAX_ITEMS = 50;

export interface AlertTarget {
  kind: AlertTargetKind;
  id: string;
}

export interface AlertMessage {
  subject: string;
  text: string;
  /** The webhook body (JSON), the same facts as the email. */
  payload: string;
}

/**
 * What one window of a subscription becomes: null when nothing changed (nothing is sent), else one message.
 * Changes are de-duplicated by key and listed newest first, at most ALERT_MAX_ITEMS.
 */
export function composeAlert(input: {
  target: AlertTarget;
  changes: AlertChange[];
  windowStart: Date;
  windowEnd: Date;
  baseUrl: string;
}): AlertMessage | null {
  const unique = new Map<string, AlertChange>();
  for (const c of input.changes) if (!unique.has(c.key)) unique.set(c.key, c);
  if (unique.size === 0) return null;
  const all = [...unique.values()].sort((a, b) =>
    a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? 1 : -1,
  );
  const shown = all.slice(0, ALERT_MAX_ITEMS);
  const absolute = (p: string) => new URL(p, input.baseUrl).toString();
  const what = `${ALERT_TARGET_LABELS[input.target.kind]} ${input.target.id}`;
  const subject = `Normwatch: ${all.length} change${all.length === 1 ? "" : "s"} for ${what}`;
  const lines = shown.map(
    (c) => `- ${CHANGE_LABELS[c.kind]} (${c.date.slice(0, 10)}): ${c.title}\n  ${absolute(c.path)}`,
  );
  if (all.length > shown.length)
    lines.push(
      `…and ${all.length - shown.length} more: ${absolute(alertTargetPath(input.target.kind, input.target.id))}`,
    );
  const text = [
    `What changed for the ${what} you follow, ${input.windowStart.toISOString().slice(0, 16).replace("T", " ")} to ${input.windowEnd.toISOString().slice(0, 16).replace("T", " ")} UTC:`,
    "",
    ...lines,
    "",
    `Follow it on the site: ${absolute(alertTargetPath(input.target.kind, input.target.id))}`,
  ].join("\n");
  const payload = JSON.stringify({
    target: {
      kind: input.target.kind,
      id: input.target.id,
      url: absolute(alertTargetPath(input.target.kind, input.target.id)),
    },
    window: { start: input.windowStart.toISOString(), end: input.windowEnd.toISOString() },
    total: all.length,
    changes: shown.map((c) => ({ kind: c.kind, title: c.title, date: c.date, url: absolute(c.path) })),
  });
  return { subject, text, payload };
}

/**
 * Facts derived from the data (issue 16) about `target` whose own day falls in the window (start, end]: a State's
 * strategy, position or treaty action, a process's treaty actions, a symbol's adoption. Only day-precision facts (a
 * month or year is not a day in a window); sessions of a process and votes are matched by listAlertChanges already.
 */
export function activityAlertChanges(
  facts: readonly ActivityFact[],
  target: AlertTarget,
  start: Date,
  end: Date,
): AlertChange[] {
  const isAbout = (f: ActivityFact) =>
    (target.kind === "state" && f.stateIso3 === target.id) ||
    (target.kind === "process" && f.processId === target.id && f.kind !== "session") ||
    (target.kind === "document" && f.symbol === target.id && f.kind !== "vote");
  return facts
    .filter((f) => f.date.precision === "day" && isAbout(f))
    .filter((f) => {
      const at = Date.parse(`${f.date.date}T00:00:00Z`);
      return at > start.getTime() && at <= end.getTime();
    })
    .map((f) => ({
      kind: "fact",
      key: `fact:${f.key}`,
      title: `${f.label}: ${f.title}`,
      path: f.path,
      date: f.date.date,
    }));
}

export function alertDeliveryKey(subscriptionId: number, windowEnd: Date): string {
  return `alert:${subscriptionId}:${windowEnd.toISOString()}`;
}

/** Hex HMAC-SHA256 of the exact body bytes, sent as `X-Normwatch-Signature: sha256=<hex>`. */
export function signWebhookBody(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** What a webhook receiver does: recompute the HMAC and compare in constant time. */
export function verifyWebhookSignature(secret: string, body: string, header: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = Buffer.from(signWebhookBody(secret, body), "hex");
  const given = Buffer.from(match[1]!, "hex");
  return timingSafeEqual(expected, given);
}
