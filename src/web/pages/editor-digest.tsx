// The editors' digest desk: list issues, draft a month from its changes, edit a draft's title and Markdown,
// preview it as a web page and as the email, publish it, and queue a published issue for sending.
import { Hono, type Context } from "hono";
import { requirePermission } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import {
  draftDigestIssue,
  getDigestIssue,
  listDigestIssues,
  publishDigestIssue,
  updateDigestIssue,
} from "../../db/digest.js";
import type { DigestIssue } from "../../domain/digest.js";
import { ConflictError, InvalidInputError } from "../../domain/errors.js";
import { queueDigestEmail, renderDigestEmail } from "../../newsletter/digest-email.js";
import { CsrfInput, ErrorSummary, type FormIssue } from "../components/forms.js";
import { Layout } from "../layout.js";
import { baseUrlOf } from "./account.js";
import { DigestBody, periodLabel } from "./digest.js";

const SLUG = ":slug{[0-9]{4}-[0-9]{2}}";
const STATUS_LABELS = { draft: "Draft", published: "Published" } as const;

function stamp(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16).replace("T", " ") : "—";
}

interface FormError {
  message: string;
  issues?: FormIssue[];
}

/** Domain refusals shown on the form they came from; anything else goes to the error page. */
function formErrorOf(error: unknown): FormError {
  if (error instanceof InvalidInputError) return { message: error.message, issues: error.issues };
  if (error instanceof ConflictError) return { message: error.message };
  throw error;
}

function ReplaceEditsField() {
  return (
    <p>
      <label>
        <input type="checkbox" name="replace_edits" value="true" /> Replace edits made to the draft since it was drafted
      </label>
    </p>
  );
}

function IssueList(props: { issues: DigestIssue[]; csrf: string; error?: FormError | undefined; month?: string }) {
  return (
    <Layout title="Digest issues" path="/editor">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/editor">Editor</a> › Digest
      </nav>
      <h1>Digest issues</h1>
      <ErrorSummary message={props.error?.message} issues={props.error?.issues} />
      <form method="post" action="/editor/digest/draft" class="stack">
        <CsrfInput token={props.csrf} />
        <div class="field" id="field-month">
          <label for="month">Month (YYYY-MM)</label>
          <span class="hint" id="month-hint">
            Drafts the issue from what changed in the month and the sessions and deadlines of the six weeks after. An
            existing draft of the month is replaced (if it was edited, only when you tick the box below); a published
            issue is never changed.
          </span>
          <input
            type="month"
            id="month"
            name="month"
            required
            pattern="[0-9]{4}-[0-9]{2}"
            value={props.month ?? ""}
            aria-describedby="month-hint"
          />
        </div>
        <ReplaceEditsField />
        <button type="submit">Draft from changes</button>
      </form>
      {props.issues.length === 0 ? (
        <p class="muted">No digest issues yet.</p>
      ) : (
        <table class="data">
          <caption>Every issue, latest month first</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Month</th>
              <th scope="col">Status</th>
              <th scope="col">Last edited</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {props.issues.map((i) => (
              <tr>
                <td>
                  <a href={`/editor/digest/${i.slug}`}>{i.title}</a>
                </td>
                <td>{periodLabel(i)}</td>
                <td class={`status status-${i.status}`}>{STATUS_LABELS[i.status]}</td>
                <td>{stamp(i.updatedAt)}</td>
                <td>{stamp(i.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function IssuePage(props: {
  issue: DigestIssue;
  csrf: string;
  error?: FormError | undefined;
  values?: { title: string; bodyMarkdown: string };
  notice?: string | undefined;
}) {
  const { issue } = props;
  const values = props.values ?? issue;
  const isDraft = issue.status === "draft";
  const issueOf = (name: string) => props.error?.issues?.find((i) => i.path === name)?.message;
  return (
    <Layout title={`Digest ${issue.slug}`} path="/editor">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/editor">Editor</a> › <a href="/editor/digest">Digest</a> › {issue.slug}
      </nav>
      <h1>{issue.title}</h1>
      {props.notice ? (
        <p role="status" class="notice">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary message={props.error?.message} issues={props.error?.issues} />
      <dl class="facts">
        <dt>Status</dt>
        <dd class={`status status-${issue.status}`}>{STATUS_LABELS[issue.status]}</dd>
        <dt>Period</dt>
        <dd>
          {issue.periodStart} to {issue.periodEnd} (exclusive)
        </dd>
        <dt>Drafted</dt>
        <dd>{stamp(issue.composedAt)}</dd>
        <dt>Last edited</dt>
        <dd>{stamp(issue.updatedAt)}</dd>
        {issue.publishedAt ? (
          <>
            <dt>Published</dt>
            <dd>
              {stamp(issue.publishedAt)} · <a href={`/digest/${issue.slug}`}>public page</a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        Preview: <a href={`/editor/digest/${issue.slug}/preview`}>as web page</a> ·{" "}
        <a href={`/editor/digest/${issue.slug}/email`}>as email</a>
      </p>
      {isDraft ? (
        <>
          <form method="post" action={`/editor/digest/${issue.slug}`} class="stack">
            <CsrfInput token={props.csrf} />
            <div class="field">
              <label for="field-title">Title (required)</label>
              {issueOf("title") ? (
                <span class="field-error" id="field-title-error">
                  {issueOf("title")}
                </span>
              ) : null}
              <input
                type="text"
                id="field-title"
                name="title"
                required
                maxlength={200}
                value={values.title}
                aria-invalid={issueOf("title") ? "true" : undefined}
              />
            </div>
            <div class="field">
              <label for="field-bodyMarkdown">Body (Markdown; raw HTML is shown as text)</label>
              {issueOf("bodyMarkdown") ? (
                <span class="field-error" id="field-bodyMarkdown-error">
                  {issueOf("bodyMarkdown")}
                </span>
              ) : null}
              <textarea
                id="field-bodyMarkdown"
                name="bodyMarkdown"
                rows={30}
                required
                aria-invalid={issueOf("bodyMarkdown") ? "true" : undefined}
              >
                {values.bodyMarkdown}
              </textarea>
            </div>
            <button type="submit">Save draft</button>
          </form>
          <form method="post" action="/editor/digest/draft" class="stack">
            <CsrfInput token={props.csrf} />
            <input type="hidden" name="month" value={issue.slug} />
            <p>Redrafting composes the issue again from the records as they are now and replaces the title and body.</p>
            <ReplaceEditsField />
            <button type="submit">Redraft from changes</button>
          </form>
          <form method="post" action={`/editor/digest/${issue.slug}/publish`} class="stack">
            <CsrfInput token={props.csrf} />
            <p>Publishing puts the issue in the public archive and feeds; it can then be sent, and no longer edited.</p>
            <button type="submit">Publish</button>
          </form>
        </>
      ) : (
        <>
          <p>This issue is published and can no longer be edited.</p>
          <form method="post" action={`/editor/digest/${issue.slug}/send`} class="stack">
            <CsrfInput token={props.csrf} />
            <p>
              Sending queues one email per confirmed digest subscriber. Sending again queues only subscribers who were
              not queued yet.
            </p>
            <button type="submit">Send</button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function editorDigestPages(deps: AppDeps) {
  const app = new Hono();
  const issuePage = async (
    c: Context,
    slug: string,
    extra: Omit<Parameters<typeof IssuePage>[0], "issue" | "csrf"> = {},
    status: 200 | 400 | 409 = 200,
  ) =>
    c.html(<IssuePage issue={await getDigestIssue(deps.db, slug)} csrf={csrfTokenFor(c, deps)} {...extra} />, status);

  app.get("/", async (c) => {
    requirePermission(c, "edit");
    return c.html(<IssueList issues={await listDigestIssues(deps.db)} csrf={csrfTokenFor(c, deps)} />);
  });
  app.post("/draft", async (c) => {
    const principal = requirePermission(c, "edit");
    const body = await c.req.parseBody();
    const month = String(body["month"] ?? "");
    try {
      const { issue } = await draftDigestIssue(deps.db, {
        month,
        userId: principal.user.id,
        now: deps.now(),
        isReplacingEdits: body["replace_edits"] === "true",
      });
      return c.redirect(`/editor/digest/${issue.slug}`, 303);
    } catch (error) {
      const formError = formErrorOf(error);
      return c.html(
        <IssueList
          issues={await listDigestIssues(deps.db)}
          csrf={csrfTokenFor(c, deps)}
          error={formError}
          month={month}
        />,
        error instanceof ConflictError ? 409 : 400,
      );
    }
  });
  app.get(`/${SLUG}`, async (c) => {
    requirePermission(c, "edit");
    const notice = { saved: "Draft saved.", published: "Published.", drafted: "Drafted from changes." }[
      c.req.query("done") ?? ""
    ] as string | undefined;
    return issuePage(c, c.req.param("slug"), { notice });
  });
  app.post(`/${SLUG}`, async (c) => {
    const principal = requirePermission(c, "edit");
    const body = await c.req.parseBody();
    const values = { title: String(body["title"] ?? ""), bodyMarkdown: String(body["bodyMarkdown"] ?? "") };
    try {
      await updateDigestIssue(deps.db, {
        slug: c.req.param("slug"),
        ...values,
        userId: principal.user.id,
        now: deps.now(),
      });
      return c.redirect(`/editor/digest/${c.req.param("slug")}?done=saved`, 303);
    } catch (error) {
      return issuePage(
        c,
        c.req.param("slug"),
        { error: formErrorOf(error), values },
        error instanceof ConflictError ? 409 : 400,
      );
    }
  });
  app.post(`/${SLUG}/publish`, async (c) => {
    const principal = requirePermission(c, "edit");
    try {
      await publishDigestIssue(deps.db, { slug: c.req.param("slug"), userId: principal.user.id, now: deps.now() });
      return c.redirect(`/editor/digest/${c.req.param("slug")}?done=published`, 303);
    } catch (error) {
      return issuePage(
        c,
        c.req.param("slug"),
        { error: formErrorOf(error) },
        error instanceof ConflictError ? 409 : 400,
      );
    }
  });
  app.post(`/${SLUG}/send`, async (c) => {
    requirePermission(c, "edit");
    const slug = c.req.param("slug");
    try {
      const result = await queueDigestEmail(deps.db, { slug, baseUrl: baseUrlOf(deps), now: deps.now() });
      return issuePage(c, slug, {
        notice: `Queued for ${result.queued} subscribers (${result.alreadyQueued} were already queued). Messages leave as the delivery queue is worked through.`,
      });
    } catch (error) {
      return issuePage(c, slug, { error: formErrorOf(error) }, 409);
    }
  });
  app.get(`/${SLUG}/preview`, async (c) => {
    requirePermission(c, "edit");
    const issue = await getDigestIssue(deps.db, c.req.param("slug"));
    return c.html(
      <Layout title={`Preview: ${issue.title}`} path="/editor">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/editor/digest">Digest</a> › <a href={`/editor/digest/${issue.slug}`}>{issue.slug}</a> › Web preview
        </nav>
        <p role="note" class="notice">
          Preview of the {STATUS_LABELS[issue.status].toLowerCase()} as it appears on its public page.
        </p>
        <article>
          <h1>{issue.title}</h1>
          <DigestBody markdown={issue.bodyMarkdown} />
        </article>
      </Layout>,
    );
  });
  app.get(`/${SLUG}/email`, async (c) => {
    requirePermission(c, "edit");
    const issue = await getDigestIssue(deps.db, c.req.param("slug"));
    const email = await renderDigestEmail(issue, { baseUrl: baseUrlOf(deps) });
    return c.html(
      <Layout title={`Email preview: ${issue.title}`} path="/editor">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/editor/digest">Digest</a> › <a href={`/editor/digest/${issue.slug}`}>{issue.slug}</a> › Email
          preview
        </nav>
        <h1>Email preview</h1>
        <p>
          Subject: <strong>{email.subject}</strong>
        </p>
        <p class="hint">
          The HTML part, in a sandbox (no scripts, no access to this site), styled as a mail client shows it;{" "}
          <a href={`/editor/digest/${issue.slug}/email.html`}>download the HTML part</a>.
        </p>
        <iframe
          title="HTML part of the email"
          sandbox=""
          src={`/editor/digest/${issue.slug}/email-frame`}
          width="100%"
          height="900"
          referrerpolicy="no-referrer"
        />
        <h2>Plain-text part</h2>
        <pre class="email-text">{email.text}</pre>
      </Layout>,
    );
  });
  // The email's HTML for the preview frame, under its own policy: its inline styles apply, nothing else may
  // load or run, and the sandbox directive keeps it off this site's origin even if opened directly.
  app.get(`/${SLUG}/email-frame`, async (c) => {
    requirePermission(c, "edit");
    const issue = await getDigestIssue(deps.db, c.req.param("slug"));
    const email = await renderDigestEmail(issue, { baseUrl: baseUrlOf(deps) });
    return c.body(email.html, 200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
      "X-Content-Type-Options": "nosniff",
    });
  });
  app.get(`/${SLUG}/email.html`, async (c) => {
    requirePermission(c, "edit");
    const issue = await getDigestIssue(deps.db, c.req.param("slug"));
    const email = await renderDigestEmail(issue, { baseUrl: baseUrlOf(deps) });
    return c.body(email.html, 200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="normwatch-digest-${issue.slug}.html"`,
      "X-Content-Type-Options": "nosniff",
    });
  });
  return app;
}
