// A subscriber's preferences (issue 8), reached only by the signed link in every message: lists and topics,
// language, the alerts they follow (stop one, follow more), unsubscribe.
import { Hono } from "hono";
import { z } from "zod";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { deleteAlertSubscription, listAlertSubscriptionsOf } from "../../db/alerts.js";
import { getSubscriber, reactivateSubscriber, updateSubscriberPreferences } from "../../db/subscribers.js";
import { ALERT_FREQUENCY_LABELS, ALERT_TARGET_LABELS, alertTargetPath } from "../../domain/alerts.js";
import { NEWSLETTER_LANGUAGES, NEWSLETTER_TOPICS, signSubscriberLink } from "../../domain/subscriptions.js";
import { ALERT_TARGET_KINDS } from "../../domain/vocabulary.js";
import { CsrfInput, ErrorSummary } from "../components/forms.js";
import { Layout } from "../layout.js";
import { formOf, LanguageChoice, listOf, requireNewsletter, signedSubscriberId, TopicChoices } from "./subscribe.js";

const PreferencesForm = z.object({
  topics: z.array(z.enum(NEWSLETTER_TOPICS)),
  language: z.enum(Object.keys(NEWSLETTER_LANGUAGES) as [keyof typeof NEWSLETTER_LANGUAGES]),
});

export function preferencesPages(deps: AppDeps) {
  const app = new Hono();
  const page = async (id: number, csrf: string, notice?: string, error?: string) => {
    const settings = requireNewsletter(deps);
    const subscriber = await getSubscriber(deps.db, id);
    const alerts = await listAlertSubscriptionsOf(deps.db, id);
    const signed = { s: String(id), sig: signSubscriberLink(settings.secret, id, "preferences") };
    const unsubscribe = `/unsubscribe?${new URLSearchParams({ s: String(id), sig: signSubscriberLink(settings.secret, id, "unsubscribe") }).toString()}`;
    const isActive = subscriber.status === "active";
    return (
      <Layout title="Your subscription">
        <h1>Your subscription</h1>
        <p>
          For <strong>{subscriber.email}</strong>:{" "}
          {isActive ? "active" : subscriber.status === "pending" ? "waiting for you to confirm" : "no mail is sent"}.
        </p>
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <ErrorSummary message={error} />
        <form method="post" action="/subscribe/preferences" class="stack">
          <CsrfInput token={csrf} />
          <input type="hidden" name="s" value={signed.s} />
          <input type="hidden" name="sig" value={signed.sig} />
          <TopicChoices chosen={subscriber.topics} />
          <LanguageChoice value={subscriber.language} />
          <button type="submit">
            {isActive || subscriber.status === "pending" ? "Save" : "Save and subscribe again"}
          </button>
        </form>
        <h2>Alerts</h2>
        {alerts.length === 0 ? (
          <p>You follow nothing yet.</p>
        ) : (
          <table>
            <caption>What you follow</caption>
            <thead>
              <tr>
                <th scope="col">Following</th>
                <th scope="col">How</th>
                <th scope="col">How often</th>
                <th scope="col">
                  <span class="visually-hidden">Stop</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={alertTargetPath(a.targetKind, a.targetId)}>
                      {ALERT_TARGET_LABELS[a.targetKind]} {a.targetId}
                    </a>
                  </th>
                  <td>{a.channel === "webhook" ? `webhook to ${a.webhookUrl ?? ""}` : "email"}</td>
                  <td>{ALERT_FREQUENCY_LABELS[a.frequency]}</td>
                  <td>
                    <form method="post" action="/subscribe/preferences/alerts/delete">
                      <CsrfInput token={csrf} />
                      <input type="hidden" name="s" value={signed.s} />
                      <input type="hidden" name="sig" value={signed.sig} />
                      <input type="hidden" name="alert" value={String(a.id)} />
                      <button
                        type="submit"
                        aria-label={`Stop following ${ALERT_TARGET_LABELS[a.targetKind]} ${a.targetId}`}
                      >
                        Stop
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Follow something</h3>
        <form method="get" action="/follow" class="stack">
          <input type="hidden" name="s" value={signed.s} />
          <input type="hidden" name="sig" value={signed.sig} />
          <div class="field">
            <label for="follow-kind">What</label>
            <select id="follow-kind" name="kind">
              {ALERT_TARGET_KINDS.map((k) => (
                <option value={k}>{ALERT_TARGET_LABELS[k]}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="follow-id">Which</label>
            <span class="hint" id="follow-id-hint">
              ISO code (FRA), process or norm id as in its address, a document symbol (A/RES/76/19) or search words.
            </span>
            <input id="follow-id" name="id" required maxlength={200} aria-describedby="follow-id-hint" />
          </div>
          <button type="submit">Continue</button>
        </form>
        <p>
          <a href={unsubscribe}>Unsubscribe from everything</a>
        </p>
      </Layout>
    );
  };
  app.get("/", async (c) => {
    const id = await signedSubscriberId(c, deps, "preferences");
    return c.html(await page(id, csrfTokenFor(c, deps)));
  });
  app.post("/", async (c) => {
    const form = await formOf(c);
    const id = await signedSubscriberId(c, deps, "preferences", form);
    const parsed = PreferencesForm.safeParse({ topics: listOf(form["topics"]), language: form["language"] });
    if (!parsed.success)
      return c.html(
        await page(id, csrfTokenFor(c, deps), undefined, "Choose topics and a language from the lists."),
        400,
      );
    await updateSubscriberPreferences(deps.db, id, parsed.data);
    await reactivateSubscriber(deps.db, id, deps.now());
    return c.html(await page(id, csrfTokenFor(c, deps), "Your preferences are saved."));
  });
  app.post("/alerts/delete", async (c) => {
    const form = await formOf(c);
    const id = await signedSubscriberId(c, deps, "preferences", form);
    const alert = Number(form["alert"]);
    const isDeleted = Number.isSafeInteger(alert) && (await deleteAlertSubscription(deps.db, id, alert));
    return c.html(await page(id, csrfTokenFor(c, deps), isDeleted ? "You no longer follow that." : undefined));
  });
  return app;
}
