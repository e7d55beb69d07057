// Follow anything (issue 8): /follow?kind=state&id=FRA. From a signed preferences link the alert starts at
// once (email or a signed webhook); from an address typed in, it goes through the same double opt-in.
import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { clientKey } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { isFollowableTarget, upsertAlertSubscription } from "../../db/alerts.js";
import { hitRateLimit } from "../../db/rate-limits.js";
import { getSubscriber } from "../../db/subscribers.js";
import {
  ALERT_FREQUENCY_LABELS,
  ALERT_TARGET_LABELS,
  alertTargetPath,
  normaliseAlertTarget,
} from "../../domain/alerts.js";
import { InvalidInputError, NotFoundError } from "../../domain/errors.js";
import { normalizeEmail } from "../../domain/auth.js";
import { signSubscriberLink, SIGNUPS_PER_IP_PER_HOUR } from "../../domain/subscriptions.js";
import { ALERT_FREQUENCIES, ALERT_TARGET_KINDS, type AlertTargetKind } from "../../domain/vocabulary.js";
import { assertPublicHost } from "../../ingest/documents/fetch-url.js";
import { signUp } from "../../newsletter/signup.js";
import { CsrfInput, ErrorSummary } from "../components/forms.js";
import { Layout } from "../layout.js";
import { formOf, Message, requireNewsletter, signedSubscriberId } from "./subscribe.js";

const FollowForm = z.object({
  kind: z.enum(ALERT_TARGET_KINDS),
  id: z.string().min(1).max(200),
  frequency: z.enum(ALERT_FREQUENCIES).default("daily"),
  channel: z.enum(["email", "webhook"]).default("email"),
  webhook_url: z.string().max(2000).optional(),
  email: z.string().trim().max(254).optional(),
});

async function targetFrom(
  deps: AppDeps,
  kind: string | undefined,
  rawId: string | undefined,
): Promise<{ kind: AlertTargetKind; id: string }> {
  const k = z.enum(ALERT_TARGET_KINDS).safeParse(kind);
  if (!k.success) throw new InvalidInputError(`choose what to follow: ${ALERT_TARGET_KINDS.join(", ")}`);
  const target = { kind: k.data, id: normaliseAlertTarget(k.data, rawId ?? "") };
  if (!(await isFollowableTarget(deps.db, target)))
    throw new NotFoundError(ALERT_TARGET_LABELS[target.kind], target.id);
  return target;
}

function FollowPage(props: {
  kind: AlertTargetKind;
  id: string;
  csrf: string;
  signed?: { s: string; sig: string };
  error?: string;
}) {
  const label = `${ALERT_TARGET_LABELS[props.kind]} ${props.id}`;
  return (
    <Layout title={`Follow ${label}`}>
      <h1>
        Follow <a href={alertTargetPath(props.kind, props.id)}>{label}</a>
      </h1>
      <p>
        Get what changes about it: updates, new documents, votes, sessions and deadlines. Nothing is sent when nothing
        changed.
      </p>
      <ErrorSummary message={props.error} />
      <form method="post" action="/follow" class="stack">
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="kind" value={props.kind} />
        <input type="hidden" name="id" value={props.id} />
        {props.signed ? (
          <>
            <input type="hidden" name="s" value={props.signed.s} />
            <input type="hidden" name="sig" value={props.signed.sig} />
            <fieldset>
              <legend>How</legend>
              <div>
                <input type="radio" id="channel-email" name="channel" value="email" checked />{" "}
                <label for="channel-email">Email</label>
              </div>
              <div>
                <input type="radio" id="channel-webhook" name="channel" value="webhook" />{" "}
                <label for="channel-webhook">Webhook (JSON POST, signed)</label>
              </div>
            </fieldset>
            <div class="field">
              <label for="webhook_url">Webhook URL (for webhooks)</label>
              <input id="webhook_url" type="url" name="webhook_url" placeholder="https://…" />
            </div>
          </>
        ) : (
          <div class="field">
            <label for="email">Your email address (required)</label>
            <span class="hint" id="email-hint">
              We send a confirmation link first.
            </span>
            <input id="email" type="email" name="email" autocomplete="email" required aria-describedby="email-hint" />
          </div>
        )}
        <div class="field">
          <label for="frequency">How often</label>
          <select id="frequency" name="frequency">
            {ALERT_FREQUENCIES.map((f) => (
              <option value={f} selected={f === "daily"}>
                {ALERT_FREQUENCY_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Follow</button>
      </form>
    </Layout>
  );
}

export function followPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    requireNewsletter(deps);
    const kind = c.req.query("kind");
    if (!kind) {
      return c.html(
        <Message title="Follow">
          <p>
            Open “Follow” from a State, process, norm or document, or from your preferences page (the link is in every
            message we send).
          </p>
        </Message>,
      );
    }
    const target = await targetFrom(deps, kind, c.req.query("id"));
    const signed = c.req.query("sig")
      ? { s: String(await signedSubscriberId(c, deps, "preferences")), sig: c.req.query("sig")! }
      : undefined;
    return c.html(<FollowPage {...target} csrf={csrfTokenFor(c, deps)} signed={signed} />);
  });
  app.post("/", async (c) => {
    const settings = requireNewsletter(deps);
    const form = await formOf(c);
    const parsed = FollowForm.safeParse(form);
    if (!parsed.success) throw new InvalidInputError("the follow form is incomplete");
    const target = await targetFrom(deps, parsed.data.kind, parsed.data.id);
    const now = deps.now();
    if (!form["sig"]) {
      const email = z.email().safeParse(parsed.data.email ?? "");
      if (!email.success)
        return c.html(
          <FollowPage
            {...target}
            csrf={csrfTokenFor(c, deps)}
            error="Enter an email address, e.g. name@example.org."
          />,
          400,
        );
      const limit = await hitRateLimit(deps.db, {
        key: `subscribe:${clientKey(c, deps)}`,
        limit: SIGNUPS_PER_IP_PER_HOUR,
        windowSeconds: 3600,
        now,
      });
      if (!limit.allowed)
        return c.html(
          <Message title="Too many sign-ups">
            <p>Too many sign-ups from your network; please try again in an hour.</p>
          </Message>,
          429,
        );
      await signUp(
        deps.db,
        settings,
        {
          email: normalizeEmail(email.data),
          topics: [],
          language: "en",
          follow: { ...target, frequency: parsed.data.frequency },
        },
        now,
      );
      return c.redirect("/subscribe/check-email", 303);
    }
    const id = await signedSubscriberId(c, deps, "preferences", form);
    const subscriber = await getSubscriber(deps.db, id);
    const signed = { s: String(id), sig: signSubscriberLink(settings.secret, id, "preferences") };
    const again = (error: string) =>
      c.html(<FollowPage {...target} csrf={csrfTokenFor(c, deps)} signed={signed} error={error} />, 400);
    if (subscriber.status !== "active")
      return again("Confirm your subscription first (see the confirmation email), then follow.");
    let webhook: { url: string; secret: string } | undefined;
    if (parsed.data.channel === "webhook") {
      const url = URL.canParse(parsed.data.webhook_url ?? "") ? new URL(parsed.data.webhook_url!) : undefined;
      if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
        return again("Give the webhook's http(s) address.");
      if (!deps.newsletter.allowPrivateWebhooks) {
        try {
          await assertPublicHost(url.hostname);
        } catch (error) {
          return again(`That webhook address is not allowed: ${(error as Error).message}`);
        }
      }
      webhook = { url: url.toString(), secret: randomBytes(32).toString("hex") };
    }
    await upsertAlertSubscription(deps.db, {
      subscriberId: id,
      targetKind: target.kind,
      targetId: target.id,
      channel: parsed.data.channel,
      webhookUrl: webhook?.url ?? null,
      webhookSecret: webhook?.secret ?? null,
      frequency: parsed.data.frequency,
      now,
    });
    const preferences = `/subscribe/preferences?${new URLSearchParams(signed).toString()}`;
    return c.html(
      <Message title={`You follow ${ALERT_TARGET_LABELS[target.kind]} ${target.id}`}>
        <p>Alerts come {ALERT_FREQUENCY_LABELS[parsed.data.frequency]}, only when something changed.</p>
        {webhook ? (
          <>
            <p>
              Each POST carries <code>X-Normwatch-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</code> and{" "}
              <code>X-Normwatch-Timestamp</code>. The secret, shown only now:
            </p>
            <p class="notice">
              <code>{webhook.secret}</code>
            </p>
          </>
        ) : null}
        <p>
          <a href={preferences}>Back to your preferences</a>
        </p>
      </Message>,
    );
  });
  return app;
}
