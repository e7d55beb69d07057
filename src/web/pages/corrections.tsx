// Public correction requests (no account: honeypot, minimum fill time, per-address limit) and the editors' queue.
import { Hono } from "hono";
import { notifyCorrectionOutcome } from "../../http/corrections.js";
import { clientKey, requirePermission } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { declineCorrection, insertCorrection, listOpenCorrections } from "../../db/corrections.js";
import { findPublishedRecord } from "../../db/changes-publish.js";
import { getInstanceSecret, hitRateLimit } from "../../db/rate-limits.js";
import { CorrectionForm, judgeSubmission, signFormTime } from "../../domain/editorial/correction.js";
import { RECORD_SPECS } from "../../domain/editorial/records.js";
import { InvalidInputError, NotFoundError } from "../../domain/errors.js";
import type { EditableRecordKind } from "../../domain/vocabulary.js";
import { CsrfInput, ErrorSummary, type FormIssue } from "../components/forms.js";
import { historyHref } from "../components/history.js";
import { Layout } from "../layout.js";
import { baseUrlOf } from "./account.js";
import { parseKind } from "./editor-forms.js";

export const CORRECTIONS_PER_IP_PER_HOUR = 5;
const FORM_SECRET = "correction-form";

function NewCorrectionPage(props: {
  kind: EditableRecordKind;
  id: string;
  csrf: string;
  started: string;
  values?: Record<string, string>;
  error?: string;
  issues?: FormIssue[];
}) {
  const v = props.values ?? {};
  const label = `${RECORD_SPECS[props.kind].label} ${props.id}`;
  return (
    <Layout title={`Suggest a correction to ${label}`}>
      <h1>Suggest a correction</h1>
      <p>
        To the {RECORD_SPECS[props.kind].label} <a href={historyHref(props.kind, props.id)}>{props.id}</a>. An editor
        will check it against the sources; you need no account.
      </p>
      <ErrorSummary message={props.error} issues={props.issues} />
      <form method="post" action="/corrections" class="stack">
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="kind" value={props.kind} />
        <input type="hidden" name="id" value={props.id} />
        <input type="hidden" name="started" value={props.started} />
        <div class="field" id="field-message">
          <label for="message">What is wrong, and what is right? (required)</label>
          <textarea id="message" name="message" rows={6} required minlength={10} maxlength={5000}>
            {v["message"] ?? ""}
          </textarea>
        </div>
        <div class="field" id="field-evidence_url">
          <label for="evidence">Link to a source that shows it</label>
          <input id="evidence" type="url" name="evidence_url" value={v["evidence_url"] ?? ""} />
        </div>
        <div class="field" id="field-email">
          <label for="email">Your email, if you want to hear the outcome</label>
          <span class="hint" id="email-hint">
            Used once to tell you the outcome; never shown or shared.
          </span>
          <input id="email" type="email" name="email" aria-describedby="email-hint" value={v["email"] ?? ""} />
        </div>
        <div class="hp-field" aria-hidden="true">
          <label for="website">Leave this empty</label>
          <input id="website" name="website" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit">Send the correction</button>
      </form>
    </Layout>
  );
}

export function correctionsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/new", async (c) => {
    const kind = parseKind(c.req.query("kind"));
    const id = c.req.query("id") ?? "";
    if (!(await findPublishedRecord(deps.db, kind, id))) throw new NotFoundError(RECORD_SPECS[kind].label, id);
    const started = signFormTime(deps.now(), await getInstanceSecret(deps.db, FORM_SECRET));
    return c.html(<NewCorrectionPage kind={kind} id={id} csrf={csrfTokenFor(c, deps)} started={started} />);
  });
  app.post("/", async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    const now = deps.now();
    const secret = await getInstanceSecret(deps.db, FORM_SECRET);
    const verdict = judgeSubmission({ honeypot: body["website"] ?? "", started: body["started"] ?? "", now, secret });
    // A filled honeypot is a bot: answer as if it worked so it learns nothing, and store nothing.
    if (verdict === "honeypot") return c.redirect("/corrections/thanks", 303);
    const limit = await hitRateLimit(deps.db, {
      key: `correction:${clientKey(c, deps)}`,
      limit: CORRECTIONS_PER_IP_PER_HOUR,
      windowSeconds: 3600,
      now,
    });
    if (!limit.allowed)
      return c.text("Too many correction requests from this address; please try again in an hour.", 429);
    const parsed = CorrectionForm.safeParse(body);
    const kind = parseKind(body["kind"]);
    const id = String(body["id"] ?? "");
    const again = (error: string, issues?: FormIssue[]) =>
      c.html(
        <NewCorrectionPage
          kind={kind}
          id={id}
          csrf={csrfTokenFor(c, deps)}
          started={signFormTime(now, secret)}
          values={body}
          error={error}
          issues={issues}
        />,
        400,
      );
    if (verdict === "too-fast") return again("That was very quick: please check your text and send it again.");
    if (verdict !== "ok") return again("The form expired: please send it again.");
    if (!parsed.success)
      return again(
        "Please correct the form.",
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    if (!(await findPublishedRecord(deps.db, parsed.data.kind, parsed.data.id)))
      throw new NotFoundError(RECORD_SPECS[parsed.data.kind].label, parsed.data.id);
    await insertCorrection(deps.db, {
      recordKind: parsed.data.kind,
      recordId: parsed.data.id,
      message: parsed.data.message,
      evidenceUrl: parsed.data.evidence_url,
      email: parsed.data.email,
      now,
    });
    return c.redirect("/corrections/thanks", 303);
  });
  app.get("/thanks", (c) =>
    c.html(
      <Layout title="Thank you">
        <h1>Thank you</h1>
        <p role="status">
          Your correction request is in the editors' queue. If you left an email address, you will hear the outcome.
        </p>
      </Layout>,
    ),
  );
  return app;
}

/** The editors' queue of open requests: start a change from one, or decline it with a note. */
export function correctionsQueuePages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    requirePermission(c, "edit");
    const open = await listOpenCorrections(deps.db);
    const csrf = csrfTokenFor(c, deps);
    return c.html(
      <Layout title="Correction requests" path="/editor">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/editor">Editor</a> › Correction requests
        </nav>
        <h1>Correction requests ({open.length} open)</h1>
        <ol class="plain">
          {open.map((r) => (
            <li class="correction">
              <h2>
                #{r.id} on {RECORD_SPECS[r.recordKind].label}{" "}
                <a href={historyHref(r.recordKind, r.recordId)}>{r.recordId}</a>
              </h2>
              <p class="meta">
                Received {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                {r.email ? " · the requester wants to hear the outcome" : ""}
              </p>
              <blockquote>{r.message}</blockquote>
              {r.evidenceUrl ? (
                <p>
                  Evidence:{" "}
                  <a href={r.evidenceUrl} rel="external noopener nofollow">
                    {r.evidenceUrl}
                  </a>
                </p>
              ) : null}
              <p>
                <a href={`/editor/edit/${r.recordKind}/${encodeURIComponent(r.recordId)}?correction=${r.id}`}>
                  Start a change from this request
                </a>
              </p>
              <form method="post" action={`/editor/corrections/${r.id}/decline`} class="stack">
                <CsrfInput token={csrf} />
                <div class="field">
                  <label for={`note-${r.id}`}>Why decline? (sent to the requester)</label>
                  <input id={`note-${r.id}`} name="note" required maxlength={2000} />
                </div>
                <button type="submit">Decline</button>
              </form>
            </li>
          ))}
        </ol>
      </Layout>,
    );
  });
  app.post("/:id{[0-9]+}/decline", async (c) => {
    const principal = requirePermission(c, "review");
    const note = String((await c.req.parseBody())["note"] ?? "").trim();
    if (!note) throw new InvalidInputError("say why the request is declined");
    const correction = await declineCorrection(deps.db, {
      id: Number(c.req.param("id")),
      userId: principal.user.id,
      note,
      now: deps.now(),
    });
    await notifyCorrectionOutcome(deps, correction, baseUrlOf(deps));
    return c.redirect("/editor/corrections", 303);
  });
  return app;
}
