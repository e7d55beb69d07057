// Sign-up with double opt-in and confirmation (issue 8). Every sign-up does the same work and queues one
// message, whether or not the address is known, so neither the answer nor its timing tells who subscribed.
import { createHash, randomBytes } from "node:crypto";
import { alertTargetPath, ALERT_TARGET_LABELS } from "../domain/alerts.js";
import {
  confirmExpiry,
  CONFIRMATIONS_PER_ADDRESS_PER_DAY,
  hashConfirmToken,
  isConfirmTokenValid,
  subscriberLinkUrl,
} from "../domain/subscriptions.js";
import type { AlertFrequency, AlertTargetKind } from "../domain/vocabulary.js";
import type { Db } from "../db/client.js";
import { upsertAlertSubscription } from "../db/alerts.js";
import { enqueueDeliveries } from "../db/deliveries.js";
import { hitRateLimit } from "../db/rate-limits.js";
import { activateSubscriber, findPendingByTokenHash, upsertPendingSubscriber } from "../db/subscribers.js";
import type { NewsletterSettings } from "./settings.js";

export interface SignUpInput {
  /** Normalised (lower case) address. */
  email: string;
  topics: string[];
  language: string;
  /** A sign-up from the follow page: the alert starts once the address is confirmed. */
  follow?: { kind: AlertTargetKind; id: string; frequency: AlertFrequency } | undefined;
}

/** Queues a confirmation (new or pending address) or a "you are already subscribed" note (active address). */
export async function signUp(
  db: Db,
  settings: NewsletterSettings & { secret: string },
  input: SignUpInput,
  now: Date,
): Promise<void> {
  const addressKey = `subscribe-address:${createHash("sha256").update(input.email).digest("hex").slice(0, 32)}`;
  const limit = await hitRateLimit(db, {
    key: addressKey,
    limit: CONFIRMATIONS_PER_ADDRESS_PER_DAY,
    windowSeconds: 86_400,
    now,
  });
  // Nobody may use the form to flood an inbox; the answer stays the same so it discloses nothing.
  if (!limit.allowed) return;
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashConfirmToken(token);
  await db.transaction(async (tx) => {
    const subscriber = await upsertPendingSubscriber(tx, {
      email: input.email,
      topics: input.topics,
      language: input.language,
      tokenHash,
      expiresAt: confirmExpiry(now, settings.confirmHours),
      now,
    });
    const isActive = subscriber.status === "active";
    if (input.follow && !isActive) {
      await upsertAlertSubscription(tx, {
        subscriberId: subscriber.id,
        targetKind: input.follow.kind,
        targetId: input.follow.id,
        channel: "email",
        frequency: input.follow.frequency,
        now,
      });
    }
    const message = isActive
      ? alreadySubscribedMessage(settings, subscriber.id, input.follow)
      : confirmationMessage(settings, token, input.follow);
    await enqueueDeliveries(
      tx,
      [
        {
          idempotencyKey: `confirmation:${subscriber.id}:${tokenHash.slice(0, 16)}`,
          kind: "confirmation",
          subscriberId: subscriber.id,
          recipient: input.email,
          ...message,
        },
      ],
      now,
    );
  });
}

function followLine(follow: SignUpInput["follow"]): string {
  return follow ? ` and alerts about the ${ALERT_TARGET_LABELS[follow.kind]} ${follow.id}` : "";
}

function confirmationMessage(
  settings: NewsletterSettings,
  token: string,
  follow: SignUpInput["follow"],
): { subject: string; bodyText: string } {
  const url = new URL("/subscribe/confirm", settings.baseUrl);
  url.searchParams.set("token", token);
  return {
    subject: "Confirm your Normwatch subscription",
    bodyText: [
      `Someone (we hope you) asked to receive Normwatch mail${followLine(follow)} at this address.`,
      "",
      `To confirm, open this link within ${settings.confirmHours} hours and press the button:`,
      url.toString(),
      "",
      "If you did not ask, ignore this message: nothing will be sent to you.",
    ].join("\n"),
  };
}

function alreadySubscribedMessage(
  settings: NewsletterSettings & { secret: string },
  subscriberId: number,
  follow: SignUpInput["follow"],
): { subject: string; bodyText: string } {
  const preferences = subscriberLinkUrl(
    settings.baseUrl,
    "/subscribe/preferences",
    settings.secret,
    subscriberId,
    "preferences",
  );
  const lines = [
    "This address already receives Normwatch mail, so nothing has changed.",
    "",
    `To change your topics or alerts: ${preferences}`,
  ];
  if (follow) {
    const url = new URL(preferences);
    url.pathname = "/follow";
    url.searchParams.set("kind", follow.kind);
    url.searchParams.set("id", follow.id);
    lines.push(
      "",
      `To follow the ${ALERT_TARGET_LABELS[follow.kind]} ${follow.id} (${new URL(alertTargetPath(follow.kind, follow.id), settings.baseUrl).toString()}): ${url.toString()}`,
    );
  }
  lines.push("", "If you did not ask, ignore this message.");
  return { subject: "Your Normwatch subscription", bodyText: lines.join("\n") };
}

/** Activates the subscriber holding this unexpired token; returns its id, or null for a bad or expired link. */
export async function confirmSubscription(db: Db, token: string, now: Date): Promise<number | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const pending = await findPendingByTokenHash(db, hashConfirmToken(token));
  if (!pending || !isConfirmTokenValid(pending, token, now)) return null;
  await activateSubscriber(db, pending.id, now);
  return pending.id;
}
