// `normwatch alerts run`: for each due alert, what changed since it last looked; an email or webhook through
// the delivery queue when something did, nothing when not; either way its window moves on.
import { activityAlertChanges, alertDeliveryKey, composeAlert, isAlertDue } from "../domain/alerts.js";
import { PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER } from "../domain/subscriptions.js";
import { listActivity } from "../db/activity.js";
import type { Db } from "../db/client.js";
import { advanceCheckedUntil, listActiveAlertSubscriptions, listAlertChanges } from "../db/alerts.js";
import { enqueueDeliveries } from "../db/deliveries.js";

export interface AlertRunReport {
  /** Subscriptions whose window was looked at. */
  checked: number;
  /** Of those, how many had changes and were queued. */
  queued: number;
  /** Of those, how many had nothing to report (nothing sent). */
  skippedEmpty: number;
  /** Not due yet at this frequency. */
  notDue: number;
}

const EMAIL_FOOTER = `\n\n--\nYour alerts and topics: ${PREFERENCES_PLACEHOLDER}\nUnsubscribe from everything: ${UNSUBSCRIBE_PLACEHOLDER}\n`;

export async function runAlerts(db: Db, options: { now: Date; baseUrl: string }): Promise<AlertRunReport> {
  const report: AlertRunReport = { checked: 0, queued: 0, skippedEmpty: 0, notDue: 0 };
  const { now } = options;
  // Facts derived from dated records, matched by their own day (derived once per run; nothing is stored).
  let facts: Awaited<ReturnType<typeof listActivity>> | null = null;
  for (const sub of await listActiveAlertSubscriptions(db)) {
    if (!isAlertDue(sub, now)) {
      report.notDue += 1;
      continue;
    }
    const target = { kind: sub.targetKind, id: sub.targetId };
    facts ??= await listActivity(db);
    const changes = [
      ...(await listAlertChanges(db, target, sub.checkedUntil, now)),
      ...activityAlertChanges(facts, target, sub.checkedUntil, now),
    ];
    const message = composeAlert({
      target,
      changes,
      windowStart: sub.checkedUntil,
      windowEnd: now,
      baseUrl: options.baseUrl,
    });
    const isDone = await db
      .transaction(async (tx) => {
        if (message) {
          const isWebhook = sub.channel === "webhook";
          await enqueueDeliveries(
            tx,
            [
              {
                idempotencyKey: alertDeliveryKey(sub.id, now),
                kind: "alert",
                alertSubscriptionId: sub.id,
                subscriberId: sub.subscriberId,
                recipient: isWebhook ? sub.webhookUrl! : sub.email,
                subject: message.subject,
                bodyText: isWebhook ? message.payload : message.text + EMAIL_FOOTER,
              },
            ],
            now,
          );
        }
        // Another run took this window first: undo our enqueue so the window is reported once.
        if (!(await advanceCheckedUntil(tx, sub.id, sub.checkedUntil, now))) tx.rollback();
        return true;
      })
      .catch((error: unknown) => {
        if ((error as Error).name === "TransactionRollbackError") return false;
        throw error;
      });
    if (!isDone) continue;
    report.checked += 1;
    if (message) report.queued += 1;
    else report.skippedEmpty += 1;
  }
  return report;
}
