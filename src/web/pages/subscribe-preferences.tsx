// A subscriber's preferences (issue 8), reached by the signed link in every message or, on a browser that remembers
// the confirmed reader (issue 17), by its cookie: lists and topics, language, the alerts they follow (stop one, follow
// more), webhooks (here only, not on the public follow form), this browser's sign-in, unsubscribe.
import { randomBytes } from "node:crypto";
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { deleteAlertSubscription, listAlertSubscriptionsOf, upsertAlertSubscription } from "../../db/alerts.js";
import { getSubscriber, reactivateSubscriber, updateSubscriberPreferences } from "../../db/subscribers.js";
import { ALERT_FREQUENCY_LABELS, ALERT_TARGET_LABELS, alertTargetPath } from "../../domain/alerts.js";
import { InvalidInputError, NotFoundError } from "../../domain/errors.js";
import { NEWSLETTER_LANGUAGES, NEWSLETTER_TOPICS, signSubscriberLink } from "../../domain/subscriptions.js";
import { ALERT_FREQUENCIES, ALERT_TARGET_KINDS } from "../../domain/vocabulary.js";
import { assertPublicHost } from "../../ingest/documents/fetch-url.js";
import { CsrfInput, ErrorSummary } from "../components/forms.js";
import { FrequencyChoice, LanguageChoice, TopicChoices } from "../components/subscribe-form.js";
import { Layout } from "../layout.js";
import { claimedReaderId, findCookieReader, forgetReader, rememberReader } from "../reader-cookie.js";
import { targetFrom } from "./follow.js";
import { formOf, listOf, requireNewsletter, signedSubscriberId } from "./subscribe.js";

const PreferencesForm = z.object({
  topics: z.array(z.enum(NEWSLETTER_TOPICS)),
  language: z.enum(Object.keys(NEWSLETTER_LANGUAGES) as [keyof typeof NEWSLETTER_LANGUAGES]),
});

const WebhookForm = z.object({
  kind: z.string(),
  id: z.string().max(200),
  webhook_url: z.string().max(2000),
  frequency: z.enum(ALERT_FREQUENCIES).default("instant"),
});

/** What the page's forms post besides the signed link: which action (absent: save topics and language). */
const ACTIONS = ["save", "webhook", "remember", "sign-out"] as const;

interface PageState {
  notice?: string | undefined;
  error?: string | undefined;
  /** A webhook just set up: its secret is shown once. */
  webhook?: { url: string; secret: string } | undefined;
  /** Whether this browser remembers this subscriber, when the request's cookie no longer says (just changed). */
  isRemembered?: boolean;
}

function SignedFields(props: { signed: { s: string; sig: string } }) {
  return (
    <>
      <input type="hidden" name="s" value={props.signed.s} />
      <input type="hidden" name="sig" value={props.signed.sig} />
    </>
  );
}

/** The subscriber of a signed link (query), else the reader this browser's cookie names, else 403. */
async function subscriberIdOf(c: Context, deps: AppDeps): Promise<number> {
  if (c.req.query("s") || c.req.query("sig")) return signedSubscriberId(c, deps, "preferences");
  requireNewsletter(deps);
  const reader = await findCookieReader(c, deps);
  if (!reader)
    throw new HTTPException(403, { message: "This link is not valid. Use the newest link from one of our emails." });
  return reader.id;
}

export function preferencesPages(deps: AppDeps) {
  const app = new Hono();
  const page = async (c: Context, id: number, state: PageState = {}) => {
    const settings = requireNewsletter(deps);
    const csrf = csrfTokenFor(c, deps);
    const subscriber = await getSubscriber(deps.db, id);
    const alerts = await listAlertSubscriptionsOf(deps.db, id);
    const signed = { s: String(id), sig: signSubscriberLink(settings.secret, id, "preferences") };
    const unsubscribeSig = signSubscriberLink(settings.secret, id, "unsubscribe");
    const unsubscribe = `/unsubscribe?${new URLSearchParams({ s: String(id), sig: unsubscribeSig }).toString()}`;
    const isActive = subscriber.status === "active";
    const isRemembered = state.isRemembered ?? (await findCookieReader(c, deps))?.id === id;
    return (
      <Layout title="Your subscription">
        <h1>Your subscription</h1>
        <p>
          For <strong>{subscriber.email}</strong>:{" "}
          {isActive ? "active" : subscriber.status === "pending" ? "waiting for you to confirm" : "no mail is sent"}.
        </p>
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
          </p>
        ) : null}
        {state.webhook ? (
          <div class="notice" role="status">
            <p>
              Webhook to <code>{state.webhook.url}</code> set up. Each POST carries{" "}
              <code>X-Normwatch-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</code> and{" "}
              <code>X-Normwatch-Timestamp</code>. The secret, shown only now:
            </p>
            <p>
              <code>{state.webhook.secret}</code>
            </p>
          </div>
        ) : null}
        <ErrorSummary message={state.error} />
        <form method="post" action="/subscribe/preferences" class="stack">
          <CsrfInput token={csrf} />
          <SignedFields signed={signed} />
          <TopicChoices chosen={subscriber.topics} />
          <LanguageChoice value={subscriber.language} />
          <button type="submit" name="action" value="save">
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
                      <SignedFields signed={signed} />
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
          <SignedFields signed={signed} />
          <TargetFields idPrefix="follow-" />
          <button type="submit">Continue</button>
        </form>
        {isActive ? (
          <section aria-labelledby="webhook-heading">
            <h3 id="webhook-heading">Alerts by webhook</h3>
            <p>
              For a program of yours: each alert is a JSON POST to your address, signed with a secret shown once. Only
              public http(s) addresses.
            </p>
            <form method="post" action="/subscribe/preferences" class="stack">
              <CsrfInput token={csrf} />
              <SignedFields signed={signed} />
              <TargetFields idPrefix="webhook-" />
              <div class="field">
                <label for="webhook_url">Webhook URL</label>
                <input
                  id="webhook_url"
                  type="url"
                  name="webhook_url"
                  required
                  maxlength={2000}
                  placeholder="https://…"
                />
              </div>
              <FrequencyChoice value="instant" idPrefix="webhook-" />
              <button type="submit" name="action" value="webhook">
                Add webhook
              </button>
            </form>
          </section>
        ) : null}
        <section aria-labelledby="browser-heading">
          <h2 id="browser-heading">This browser</h2>
          {isRemembered || isActive ? (
            <form method="post" action="/subscribe/preferences" class="stack">
              <p>
                {isRemembered
                  ? "This browser remembers you: “Follow” on a record's page works in one click, for a year."
                  : "Remember your address on this browser, so that “Follow” on a record's page works in one click?"}
              </p>
              <CsrfInput token={csrf} />
              <SignedFields signed={signed} />
              <button type="submit" name="action" value={isRemembered ? "sign-out" : "remember"}>
                {isRemembered ? "Sign out on this browser" : "Remember me on this browser"}
              </button>
            </form>
          ) : (
            <p>Once your subscription is active, this browser can remember you.</p>
          )}
        </section>
        <p>
          <a href={unsubscribe}>Unsubscribe from everything</a>
        </p>
      </Layout>
    );
  };

  /** Sets up a webhook alert; the answer is the page with an error, or with the new webhook's secret. */
  const addWebhook = async (c: Context, id: number, form: Record<string, string | string[]>) => {
    const parsed = WebhookForm.safeParse(form);
    if (!parsed.success) return c.html(await page(c, id, { error: "Say what to follow and where to post." }), 400);
    if ((await getSubscriber(deps.db, id)).status !== "active")
      return c.html(await page(c, id, { error: "Confirm your subscription first." }), 400);
    let target: Awaited<ReturnType<typeof targetFrom>>;
    try {
      target = await targetFrom(deps, parsed.data.kind, parsed.data.id);
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof NotFoundError)) throw error;
      return c.html(await page(c, id, { error: `Nothing to follow there: ${error.message}.` }), 400);
    }
    const url = URL.canParse(parsed.data.webhook_url) ? new URL(parsed.data.webhook_url) : undefined;
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
      return c.html(await page(c, id, { error: "Give the webhook's http(s) address." }), 400);
    if (!deps.newsletter.allowPrivateWebhooks) {
      try {
        await assertPublicHost(url.hostname);
      } catch (error) {
        const why = `That webhook address is not allowed: ${(error as Error).message}`;
        return c.html(await page(c, id, { error: why }), 400);
      }
    }
    const webhook = { url: url.toString(), secret: randomBytes(32).toString("hex") };
    await upsertAlertSubscription(deps.db, {
      subscriberId: id,
      targetKind: target.kind,
      targetId: target.id,
      channel: "webhook",
      webhookUrl: webhook.url,
      webhookSecret: webhook.secret,
      frequency: parsed.data.frequency,
      now: deps.now(),
    });
    return c.html(await page(c, id, { webhook }));
  };

  app.get("/", async (c) => c.html(await page(c, await subscriberIdOf(c, deps))));
  app.post("/", async (c) => {
    const form = await formOf(c);
    const id = await signedSubscriberId(c, deps, "preferences", form);
    const action = z.enum(ACTIONS).catch("save").parse(form["action"]);
    if (action === "webhook") return addWebhook(c, id, form);
    if (action === "remember") {
      const subscriber = await getSubscriber(deps.db, id);
      if (subscriber.status !== "active")
        return c.html(await page(c, id, { error: "Confirm your subscription first." }), 400);
      rememberReader(c, deps, subscriber);
      return c.html(await page(c, id, { notice: "This browser remembers you now.", isRemembered: true }));
    }
    if (action === "sign-out") {
      if (claimedReaderId(c) !== null) forgetReader(c, deps);
      return c.html(await page(c, id, { notice: "This browser no longer remembers you.", isRemembered: false }));
    }
    const parsed = PreferencesForm.safeParse({ topics: listOf(form["topics"]), language: form["language"] });
    if (!parsed.success)
      return c.html(await page(c, id, { error: "Choose topics and a language from the lists." }), 400);
    await updateSubscriberPreferences(deps.db, id, parsed.data);
    await reactivateSubscriber(deps.db, id, deps.now());
    return c.html(await page(c, id, { notice: "Your preferences are saved." }));
  });
  app.post("/alerts/delete", async (c) => {
    const form = await formOf(c);
    const id = await signedSubscriberId(c, deps, "preferences", form);
    const alert = Number(form["alert"]);
    const isDeleted = Number.isSafeInteger(alert) && (await deleteAlertSubscription(deps.db, id, alert));
    return c.html(await page(c, id, { notice: isDeleted ? "You no longer follow that." : undefined }));
  });
  return app;
}

/** What to follow: a kind and its id, as on the record's page. */
function TargetFields(props: { idPrefix: string }) {
  return (
    <>
      <div class="field">
        <label for={`${props.idPrefix}kind`}>What</label>
        <select id={`${props.idPrefix}kind`} name="kind">
          {ALERT_TARGET_KINDS.map((k) => (
            <option value={k}>{ALERT_TARGET_LABELS[k]}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${props.idPrefix}id`}>Which</label>
        <span class="hint" id={`${props.idPrefix}id-hint`}>
          ISO code (FRA), process or norm id as in its address, a document symbol (A/RES/76/19) or search words.
        </span>
        <input
          id={`${props.idPrefix}id`}
          name="id"
          required
          maxlength={200}
          aria-describedby={`${props.idPrefix}id-hint`}
        />
      </div>
    </>
  );
}
