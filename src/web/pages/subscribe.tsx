// Public newsletter pages (issue 8): sign-up with double opt-in, confirmation (which remembers the confirmed reader on
// this browser, issue 17), and one-click unsubscribe (RFC 8058). Preferences live in subscribe-preferences.tsx.
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
  NEWSLETTER_TOPICS,
  SIGNUPS_PER_IP_PER_HOUR,
  verifySubscriberLink,
  type LinkPurpose,
} from "../../domain/subscriptions.js";
import { confirmSubscription, signUp, type SignUpInput } from "../../newsletter/signup.js";
import type { NewsletterSettings } from "../../newsletter/settings.js";
import { CsrfInput, ErrorSummary, type FormIssue } from "../components/forms.js";
import { HONEYPOT_FIELD, LanguageChoice, SubscribeForm, TopicChoices } from "../components/subscribe-form.js";
import { Layout } from "../layout.js";
import { claimedReaderId, forgetReader, rememberReader } from "../reader-cookie.js";

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

function SignUpPage(props: {
  csrf: string;
  values?: Record<string, string | string[]>;
  notice?: string;
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
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary message={props.error} issues={props.issues} />
      <SubscribeForm
        action="/subscribe"
        csrf={props.csrf}
        email={typeof v["email"] === "string" ? v["email"] : ""}
        submit="Subscribe"
      >
        <TopicChoices chosen={v["topics"] === undefined ? ["digest"] : listOf(v["topics"])} />
        <LanguageChoice value={typeof v["language"] === "string" ? v["language"] : "en"} />
      </SubscribeForm>
      <p>
        Want alerts about one State, process, norm or document? Press “Follow” on its page: once you have confirmed your
        address on this browser, one click starts the alert. Or <a href="/follow">follow something now</a>.
      </p>
    </Layout>
  );
}

/** Whether a bot filled the honeypot: it gets the usual answer and nothing happens. */
export function isHoneypotFilled(form: Record<string, string | string[]>): boolean {
  return Boolean(form[HONEYPOT_FIELD]);
}

/**
 * What every sign-up form does with a valid address (the subscribe and follow pages): at most SIGNUPS_PER_IP_PER_HOUR
 * per client network, then the double opt-in; the answer never tells whether the address was known.
 */
export async function submitSignUp(
  c: Context,
  deps: AppDeps,
  settings: NewsletterSettings & { secret: string },
  input: SignUpInput,
): Promise<Response> {
  const now = deps.now();
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
  await signUp(deps.db, settings, input, now);
  return c.redirect("/subscribe/check-email", 303);
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
  // The home page's compact form is a GET (that page is cached and carries no token): it lands here, filled in.
  app.get("/", (c) => {
    requireNewsletter(deps);
    const email = (c.req.query("email") ?? "").trim().slice(0, 254);
    const topics = c.req.queries("topics")?.filter((t) => (NEWSLETTER_TOPICS as readonly string[]).includes(t));
    const values = email || topics?.length ? { email, topics: topics?.length ? topics : ["digest"] } : undefined;
    const notice = values ? "Check your choice and press Subscribe: we then send the confirmation link." : undefined;
    return c.html(<SignUpPage csrf={csrfTokenFor(c, deps)} values={values} notice={notice} />);
  });
  app.post("/", async (c) => {
    const settings = requireNewsletter(deps);
    const form = await formOf(c);
    if (isHoneypotFilled(form)) return c.redirect("/subscribe/check-email", 303);
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
    return submitSignUp(c, deps, settings, {
      email: normalizeEmail(parsed.data.email),
      topics: parsed.data.topics,
      language: parsed.data.language,
    });
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
    const subscriber = await findSubscriber(deps.db, id);
    if (subscriber) rememberReader(c, deps, subscriber);
    return c.html(
      <Message title="You are subscribed">
        <p>
          Thank you: your subscription is active. Every message we send has a link to your preferences and a one-click
          unsubscribe.
        </p>
        <p>
          This browser now remembers you: “Follow” on a State, process, norm or document page starts the alert in one
          click, without another email. <a href="/subscribe/preferences">Your preferences</a> (where you can also sign
          out on this browser).
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
    if (claimedReaderId(c) === id) forgetReader(c, deps);
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
