// Public newsletter pages (issue 8): sign-up with double opt-in, confirmation, and one-click unsubscribe
// (RFC 8058). Preferences live in subscribe-preferences.tsx.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { clientKey } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { hitRateLimit } from "../../db/rate-limits.js";
import { findSubscriber, unsubscribeSubscriber } from "../../db/subscribers.js";
import { normalizeEmail } from "../../domain/auth.js";
import {
  NEWSLETTER_LANGUAGES,
  NEWSLETTER_TOPIC_LABELS,
  NEWSLETTER_TOPICS,
  SIGNUPS_PER_IP_PER_HOUR,
  verifySubscriberLink,
  type LinkPurpose,
} from "../../domain/subscriptions.js";
import { confirmSubscription, signUp } from "../../newsletter/signup.js";
import type { NewsletterSettings } from "../../newsletter/settings.js";
import { CsrfInput, ErrorSummary, type FormIssue } from "../components/forms.js";
import { Layout } from "../layout.js";

export const SignUpForm = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ message: "enter an email address, e.g. name@example.org" })),
  topics: z.array(z.enum(NEWSLETTER_TOPICS)).min(1, "choose at least one list"),
  language: z.enum(Object.keys(NEWSLETTER_LANGUAGES) as [keyof typeof NEWSLETTER_LANGUAGES]).default("en"),
});

/** Form fields as arrays when repeated (checkbox groups), as strings otherwise. */
export async function formOf(c: Context): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body))
    out[k] = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? v : "";
  return out;
}

export function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The settings with a secret, or a 503 page saying why sign-up is off on this server. */
export function requireNewsletter(deps: AppDeps): NewsletterSettings & { secret: string } {
  const { newsletter } = deps;
  if (!newsletter.secret)
    throw new HTTPException(503, {
      message: `Subscriptions are not available on this server (${newsletter.disabledReason ?? "not configured"}).`,
    });
  return newsletter as NewsletterSettings & { secret: string };
}

/** The subscriber a signed link names (s, sig from the query or the form), or 403. */
export async function signedSubscriberId(
  c: Context,
  deps: AppDeps,
  purpose: LinkPurpose,
  form?: Record<string, string | string[]>,
): Promise<number> {
  const settings = requireNewsletter(deps);
  const s = (form?.["s"] as string | undefined) ?? c.req.query("s") ?? "";
  const sig = (form?.["sig"] as string | undefined) ?? c.req.query("sig") ?? "";
  const id = /^[0-9]{1,9}$/.test(s) ? Number(s) : 0;
  if (!verifySubscriberLink(settings.secret, id, purpose, sig) || !(await findSubscriber(deps.db, id))) {
    throw new HTTPException(403, { message: "This link is not valid. Use the newest link from one of our emails." });
  }
  return id;
}

export function TopicChoices(props: { chosen: string[] }) {
  return (
    <fieldset id="field-topics">
      <legend>Lists and topics</legend>
      <p class="hint">
        The whole monthly digest, or only some of its themes: then you get just those sections, and nothing in a month
        when they are empty.
      </p>
      {NEWSLETTER_TOPICS.map((t) => (
        <div>
          <input type="checkbox" id={`topic-${t}`} name="topics" value={t} checked={props.chosen.includes(t)} />{" "}
          <label for={`topic-${t}`}>{NEWSLETTER_TOPIC_LABELS[t]}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function LanguageChoice(props: { value: string }) {
  return (
    <div class="field" id="field-language">
      <label for="language">Preferred language</label>
      <select id="language" name="language">
        {Object.entries(NEWSLETTER_LANGUAGES).map(([code, name]) => (
          <option value={code} selected={props.value === code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

function SignUpPage(props: {
  csrf: string;
  values?: Record<string, string | string[]>;
  error?: string;
  issues?: FormIssue[];
}) {
  const v = props.values ?? {};
  return (
    <Layout title="Subscribe" path="/subscribe">
      <h1>Subscribe</h1>
      <p>
        The monthly digest of what changed in international cyber diplomacy, by theme. We send a confirmation link
        first; nothing else arrives until you open it. Every message has a one-click unsubscribe link.
      </p>
      <ErrorSummary message={props.error} issues={props.issues} />
      <form method="post" action="/subscribe" class="stack">
        <CsrfInput token={props.csrf} />
        <div class="field" id="field-email">
          <label for="email">Email address (required)</label>
          <input
            id="email"
            type="email"
            name="email"
            autocomplete="email"
            required
            maxlength={254}
            value={typeof v["email"] === "string" ? v["email"] : ""}
          />
        </div>
        <TopicChoices chosen={v["topics"] === undefined ? ["digest"] : listOf(v["topics"])} />
        <LanguageChoice value={typeof v["language"] === "string" ? v["language"] : "en"} />
        <div class="hp-field" aria-hidden="true">
          <label for="website">Leave this empty</label>
          <input id="website" name="website" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit">Subscribe</button>
      </form>
      <p>
        Want alerts about one State, process, norm or document? Use “Follow” from your preferences page once subscribed,
        or <a href="/follow">follow something now</a>.
      </p>
    </Layout>
  );
}

export function Message(props: { title: string; children?: Child }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <div role="status">{props.children}</div>
    </Layout>
  );
}

export function subscribePages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", (c) => {
    requireNewsletter(deps);
    return c.html(<SignUpPage csrf={csrfTokenFor(c, deps)} />);
  });
  app.post("/", async (c) => {
    const settings = requireNewsletter(deps);
    const form = await formOf(c);
    const now = deps.now();
    if (form["website"]) return c.redirect("/subscribe/check-email", 303);
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
    const parsed = SignUpForm.safeParse({
      email: form["email"],
      topics: listOf(form["topics"]),
      language: form["language"] || undefined,
    });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return c.html(
        <SignUpPage csrf={csrfTokenFor(c, deps)} values={form} error="Please correct the form." issues={issues} />,
        400,
      );
    }
    await signUp(
      deps.db,
      settings,
      { email: normalizeEmail(parsed.data.email), topics: parsed.data.topics, language: parsed.data.language },
      now,
    );
    return c.redirect("/subscribe/check-email", 303);
  });
  app.get("/check-email", (c) =>
    c.html(
      <Message title="Check your email">
        <p>
          If the address can receive mail, a message is on its way. To start your subscription, open the link in it
          within {String(requireNewsletter(deps).confirmHours)} hours.
        </p>
      </Message>,
    ),
  );
  // Mail scanners open links on their own: the link shows a button, and only pressing it confirms.
  app.get("/confirm", (c) => {
    requireNewsletter(deps);
    const token = c.req.query("token") ?? "";
    return c.html(
      <Layout title="Confirm your subscription">
        <h1>Confirm your subscription</h1>
        <form method="post" action="/subscribe/confirm" class="stack">
          <CsrfInput token={csrfTokenFor(c, deps)} />
          <input type="hidden" name="token" value={token} />
          <button type="submit">Yes, subscribe me</button>
        </form>
      </Layout>,
    );
  });
  app.post("/confirm", async (c) => {
    requireNewsletter(deps);
    const form = await formOf(c);
    const id = await confirmSubscription(deps.db, String(form["token"] ?? ""), deps.now());
    if (id === null) {
      return c.html(
        <Message title="This link has expired">
          <p>
            The confirmation link is expired, already used or incomplete. <a href="/subscribe">Sign up again</a> to get
            a new one.
          </p>
        </Message>,
        400,
      );
    }
    return c.html(
      <Message title="You are subscribed">
        <p>
          Thank you: your subscription is active. Every message we send has a link to your preferences and a one-click
          unsubscribe.
        </p>
      </Message>,
    );
  });
  return app;
}

/** /unsubscribe?s=…&sig=…: GET asks, POST unsubscribes (also the RFC 8058 one-click POST from mail clients). */
export function unsubscribePages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    await signedSubscriberId(c, deps, "unsubscribe");
    const action = `/unsubscribe?${new URLSearchParams({ s: c.req.query("s") ?? "", sig: c.req.query("sig") ?? "" }).toString()}`;
    return c.html(
      <Layout title="Unsubscribe">
        <h1>Unsubscribe</h1>
        <p>Stop all Normwatch mail and alerts to this address?</p>
        <form method="post" action={action} class="stack">
          <CsrfInput token={csrfTokenFor(c, deps)} />
          <button type="submit">Unsubscribe</button>
        </form>
      </Layout>,
    );
  });
  // No CSRF token here (csrf.ts lets this exact signed POST through): mail clients post it from their servers.
  // The signature is the authority, and it only ever lets its holder unsubscribe themselves.
  app.post("/", async (c) => {
    const id = await signedSubscriberId(c, deps, "unsubscribe");
    await unsubscribeSubscriber(deps.db, id, deps.now());
    const form = await formOf(c).catch(() => ({}) as Record<string, string>);
    if (form["List-Unsubscribe"] === "One-Click") return c.text("unsubscribed");
    return c.html(
      <Message title="You are unsubscribed">
        <p>
          No more Normwatch mail will be sent to this address. Changed your mind?{" "}
          <a href="/subscribe">Subscribe again</a>.
        </p>
      </Message>,
    );
  });
  return app;
}
