// Follow anything (issue 8): /follow?kind=state&id=FRA. A reader this browser remembers since they confirmed their
// address follows in one click (issue 17); from a signed link in our mail the alert starts at once too; an address
// typed in goes through the double opt-in. Email only here: webhooks are set up on the preferences page.
import { Hono, type Context } from "hono";
import { z } from "zod";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { isFollowableTarget, upsertAlertSubscription } from "../../db/alerts.js";
import { getSubscriber } from "../../db/subscribers.js";
import {
  ALERT_FREQUENCY_LABELS,
  ALERT_TARGET_LABELS,
  alertTargetPath,
  normaliseAlertTarget,
} from "../../domain/alerts.js";
import { InvalidInputError, NotFoundError } from "../../domain/errors.js";
import { normalizeEmail } from "../../domain/auth.js";
import { signSubscriberLink } from "../../domain/subscriptions.js";
import { ALERT_FREQUENCIES, ALERT_TARGET_KINDS, type AlertTargetKind } from "../../domain/vocabulary.js";
import { CsrfInput, ErrorSummary } from "../components/forms.js";
import { FrequencyChoice, SubscribeForm } from "../components/subscribe-form.js";
import { Layout } from "../layout.js";
import { findCookieReader } from "../reader-cookie.js";
import { formOf, isHoneypotFilled, Message, requireNewsletter, signedSubscriberId, submitSignUp } from "./subscribe.js";

const FollowForm = z.object({
  kind: z.enum(ALERT_TARGET_KINDS),
  id: z.string().min(1).max(200),
  frequency: z.enum(ALERT_FREQUENCIES).default("daily"),
  email: z.string().trim().max(254).optional(),
  /** "reader": follow as the reader this browser remembers (the cookie decides who that is). */
  as: z.enum(["reader"]).optional(),
});

/** What a reader asks to follow, normalised, if it exists (404) and can be an id (400). */
export async function targetFrom(
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

/** Who is following: a signed link's subscriber, the remembered reader, or (neither) an address to type in. */
type Follower = { via: "link"; s: string; sig: string } | { via: "reader"; email: string } | { via: "address" };

function FollowPage(props: { kind: AlertTargetKind; id: string; csrf: string; follower: Follower; error?: string }) {
  const label = `${ALERT_TARGET_LABELS[props.kind]} ${props.id}`;
  const target = { kind: props.kind, id: props.id };
  const { follower } = props;
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
      {follower.via === "address" ? (
        <SubscribeForm
          action="/follow"
          csrf={props.csrf}
          hidden={target}
          emailLabel="Your email address (required)"
          emailHint="We send a confirmation link first."
          submit="Follow"
        >
          <FrequencyChoice />
        </SubscribeForm>
      ) : (
        <form method="post" action="/follow" class="stack">
          <CsrfInput token={props.csrf} />
          <input type="hidden" name="kind" value={props.kind} />
          <input type="hidden" name="id" value={props.id} />
          {follower.via === "link" ? (
            <>
              <input type="hidden" name="s" value={follower.s} />
              <input type="hidden" name="sig" value={follower.sig} />
            </>
          ) : (
            <>
              <input type="hidden" name="as" value="reader" />
              <p>
                Alerts go by email to <strong>{follower.email}</strong>, confirmed on this browser.
              </p>
            </>
          )}
          <FrequencyChoice />
          <button type="submit">{follower.via === "reader" ? `Follow as ${follower.email}` : "Follow"}</button>
        </form>
      )}
      {follower.via === "reader" ? (
        <p class="meta">
          Not you? <a href="/subscribe/preferences">Sign out on this browser</a> on your preferences page. Webhooks are
          set up there too.
        </p>
      ) : null}
    </Layout>
  );
}

/** The answer once the alert exists: no message is sent for it. */
function Following(props: { kind: AlertTargetKind; id: string; frequency: string; preferences: string }) {
  return (
    <Message title={`You follow ${ALERT_TARGET_LABELS[props.kind]} ${props.id}`}>
      <p>Alerts come {props.frequency}, only when something changed.</p>
      <p>
        <a href={alertTargetPath(props.kind, props.id)}>Back to {ALERT_TARGET_LABELS[props.kind]}</a> ·{" "}
        <a href={props.preferences}>Your preferences</a>
      </p>
    </Message>
  );
}

async function followerOf(c: Context, deps: AppDeps): Promise<Follower> {
  if (c.req.query("sig")) {
    const s = String(await signedSubscriberId(c, deps, "preferences"));
    return { via: "link", s, sig: c.req.query("sig")! };
  }
  const reader = await findCookieReader(c, deps);
  return reader ? { via: "reader", email: reader.email } : { via: "address" };
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
    return c.html(<FollowPage {...target} csrf={csrfTokenFor(c, deps)} follower={await followerOf(c, deps)} />);
  });
  app.post("/", async (c) => {
    const settings = requireNewsletter(deps);
    const form = await formOf(c);
    if (isHoneypotFilled(form)) return c.redirect("/subscribe/check-email", 303);
    const parsed = FollowForm.safeParse(form);
    if (!parsed.success) throw new InvalidInputError("the follow form is incomplete");
    const target = await targetFrom(deps, parsed.data.kind, parsed.data.id);
    const now = deps.now();
    const again = (follower: Follower, error: string) =>
      c.html(<FollowPage {...target} csrf={csrfTokenFor(c, deps)} follower={follower} error={error} />, 400);

    let subscriberId: number;
    let preferences: string;
    if (form["sig"]) {
      subscriberId = await signedSubscriberId(c, deps, "preferences", form);
      const signed = { s: String(subscriberId), sig: signSubscriberLink(settings.secret, subscriberId, "preferences") };
      if ((await getSubscriber(deps.db, subscriberId)).status !== "active")
        return again({ via: "link", ...signed }, "Confirm your subscription first (see the confirmation email).");
      preferences = `/subscribe/preferences?${new URLSearchParams(signed).toString()}`;
    } else if (parsed.data.as === "reader") {
      // One click: the cookie names a confirmed, active subscriber, so no second confirmation is needed.
      const reader = await findCookieReader(c, deps);
      if (!reader)
        return again(
          { via: "address" },
          "This browser no longer remembers your address: enter it and we send a confirmation link.",
        );
      subscriberId = reader.id;
      preferences = "/subscribe/preferences";
    } else {
      const email = z.email().safeParse(parsed.data.email ?? "");
      if (!email.success) return again({ via: "address" }, "Enter an email address, e.g. name@example.org.");
      return submitSignUp(c, deps, settings, {
        email: normalizeEmail(email.data),
        topics: [],
        language: "en",
        follow: { ...target, frequency: parsed.data.frequency },
      });
    }
    await upsertAlertSubscription(deps.db, {
      subscriberId,
      targetKind: target.kind,
      targetId: target.id,
      channel: "email",
      frequency: parsed.data.frequency,
      now,
    });
    return c.html(
      <Following {...target} frequency={ALERT_FREQUENCY_LABELS[parsed.data.frequency]} preferences={preferences} />,
    );
  });
  return app;
}
