// The editor's desk: review queue, own drafts, one change with its diff and review actions, restore.
import { Hono } from "hono";
import { diffOfChange, jsonFieldName } from "../../http/change-diff.js";
import { notifyIfCorrection } from "../../http/corrections.js";
import { requirePermission } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import {
  getChange,
  insertRestoreChange,
  listChanges,
  publishChange,
  rejectChange,
  submitChange,
} from "../../db/changes.js";
import type { AppDeps } from "../../http/deps.js";
import { listOpenCorrections } from "../../db/corrections.js";
import { hasPermission } from "../../domain/auth.js";
import type { Change, FieldDiff } from "../../domain/editorial/change.js";
import { RECORD_SPECS } from "../../domain/editorial/records.js";
import { InvalidInputError } from "../../domain/errors.js";
import { EDITABLE_RECORD_KINDS } from "../../domain/vocabulary.js";
import { CsrfInput } from "../components/forms.js";
import { DiffTable, historyHref, SourceRefList } from "../components/history.js";
import { Pager } from "../components/pager.js";
import { Layout } from "../layout.js";
import { baseUrlOf } from "./account.js";
import { registerEditorForms } from "./editor-forms.js";

const DECIDED_PAGE_SIZE = 50;
const STATUS_LABELS = { draft: "Draft", in_review: "In review", published: "Published", rejected: "Rejected" } as const;

function ChangeTable(props: { changes: Change[]; empty: string }) {
  if (props.changes.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <table class="data">
      <thead>
        <tr>
          <th scope="col">Change</th>
          <th scope="col">Record</th>
          <th scope="col">Status</th>
          <th scope="col">Author</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.map((ch) => (
          <tr>
            <td>
              <a href={`/editor/changes/${ch.id}`}>
                #{ch.id} {ch.summary}
              </a>
            </td>
            <td>
              {ch.operation} {RECORD_SPECS[ch.recordKind].label} {ch.recordId ?? "(new)"}
            </td>
            <td>{STATUS_LABELS[ch.status]}</td>
            <td>{ch.authorEmail}</td>
            <td>{ch.updatedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function editorPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const principal = requirePermission(c, "edit");
    const [review, drafts, recent, corrections] = [
      await listChanges(deps.db, { statuses: ["in_review"] }),
      await listChanges(deps.db, { statuses: ["draft"], authorId: principal.user.id }),
      await listChanges(deps.db, { statuses: ["published", "rejected"], limit: 20 }),
      await listOpenCorrections(deps.db),
    ];
    return c.html(
      <Layout title="Editor" path="/editor">
        <h1>Editor</h1>
        <p>
          Signed in as {principal.user.email}. <a href="/account">Account</a>
        </p>
        <p>
          <a href="/editor/documents/upload">Upload a document</a> ·{" "}
          <a href="/editor/candidates">Candidate evidence found in documents</a> ·{" "}
          <a href="/editor/digest">Monthly digest</a>
          {principal.user.role === "admin" ? (
            <>
              {" "}
              · <a href="/account/users">Users</a>
            </>
          ) : null}
        </p>
        <p>
          New record:{" "}
          {EDITABLE_RECORD_KINDS.map((k, i) => (
            <>
              {i ? " · " : ""}
              <a href={`/editor/new/${k}`}>{RECORD_SPECS[k].label}</a>
            </>
          ))}
        </p>
        <h2>Waiting for review ({review.length})</h2>
        <ChangeTable changes={review} empty="Nothing waits for review." />
        <h2>Your drafts ({drafts.length})</h2>
        <ChangeTable changes={drafts} empty="No drafts." />
        <h2>
          <a href="/editor/corrections">Correction requests</a> ({corrections.length} open)
        </h2>
        <h2>Recently decided</h2>
        <ChangeTable changes={recent} empty="No decisions yet." />
        <p>
          <a href="/editor/decided">Every decision, page by page</a>
        </p>
      </Layout>,
    );
  });
  app.get("/decided", async (c) => {
    requirePermission(c, "edit");
    const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    // One row more than a page tells whether a next page exists without counting the table.
    const rows = await listChanges(deps.db, {
      statuses: ["published", "rejected"],
      limit: DECIDED_PAGE_SIZE + 1,
      offset: (page - 1) * DECIDED_PAGE_SIZE,
    });
    const hasNext = rows.length > DECIDED_PAGE_SIZE;
    return c.html(
      <Layout title={`Decided changes, page ${page}`} path="/editor">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/editor">Editor</a> › Decided changes
        </nav>
        <h1>Decided changes</h1>
        <p>Published and rejected changes, newest first; page {page}.</p>
        <ChangeTable
          changes={rows.slice(0, DECIDED_PAGE_SIZE)}
          empty={page === 1 ? "No decisions yet." : "No more decisions."}
        />
        <Pager
          page={page}
          hasNext={hasNext}
          href={(p) => `/editor/decided?page=${p}`}
          previousText="Newer"
          nextText="Older"
        />
      </Layout>,
    );
  });
  registerEditorForms(app, deps);
  app.get("/changes/:id{[0-9]+}", async (c) => {
    const principal = requirePermission(c, "edit");
    const change = await getChange(deps.db, Number(c.req.param("id")));
    const diff: FieldDiff[] = (await diffOfChange(deps.db, change)).map((d) => ({
      ...d,
      field: jsonFieldName(d.field),
    }));
    const csrf = csrfTokenFor(c, deps);
    const isAuthor = change.authorId === principal.user.id;
    const spec = RECORD_SPECS[change.recordKind];
    return c.html(
      <Layout title={`Change #${change.id}`} path="/editor">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/editor">Editor</a> › Change #{change.id}
        </nav>
        <h1>
          Change #{change.id}: {change.summary}
        </h1>
        <dl class="facts">
          <dt>Status</dt>
          <dd class={`status status-${change.status}`}>{STATUS_LABELS[change.status]}</dd>
          <dt>Record</dt>
          <dd>
            {change.operation} {spec.label}{" "}
            {change.recordId ? (
              <a href={historyHref(change.recordKind, change.recordId)}>{change.recordId}</a>
            ) : (
              "(new)"
            )}
          </dd>
          <dt>Author</dt>
          <dd>{change.authorEmail}</dd>
          {change.reviewerEmail ? (
            <>
              <dt>Reviewer</dt>
              <dd>
                {change.reviewerEmail}
                {change.reviewNote ? `: ${change.reviewNote}` : ""}
              </dd>
            </>
          ) : null}
        </dl>
        <h2>What changes</h2>
        <DiffTable
          diff={diff}
          caption={change.status === "published" ? "Against the version it replaced" : "Against the published record"}
        />
        <h2>Sources cited</h2>
        <SourceRefList sources={change.sources} />
        {change.status === "draft" && isAuthor ? (
          <p>
            <a href={`/editor/changes/${change.id}/edit`}>Edit draft</a>{" "}
            <form method="post" action={`/editor/changes/${change.id}/submit`} class="inline">
              <CsrfInput token={csrf} />
              <button type="submit">Submit for review</button>
            </form>
          </p>
        ) : null}
        {change.status === "in_review" && hasPermission(principal, "review") ? (
          <section aria-labelledby="review-heading">
            <h2 id="review-heading">Review</h2>
            <form method="post" action={`/editor/changes/${change.id}/review`} class="stack">
              <CsrfInput token={csrf} />
              <div class="field">
                <label for="note">Note (optional; required to reject)</label>
                <input id="note" name="note" maxlength={2000} />
              </div>
              <button type="submit" name="decision" value="approve">
                Approve and publish
              </button>{" "}
              <button type="submit" name="decision" value="reject">
                Reject
              </button>
            </form>
          </section>
        ) : null}
      </Layout>,
    );
  });
  app.post("/changes/:id{[0-9]+}/submit", async (c) => {
    const principal = requirePermission(c, "edit");
    const change = await submitChange(deps.db, {
      changeId: Number(c.req.param("id")),
      userId: principal.user.id,
      now: deps.now(),
    });
    return c.redirect(`/editor/changes/${change.id}`, 303);
  });
  app.post("/changes/:id{[0-9]+}/review", async (c) => {
    const principal = requirePermission(c, "review");
    const body = await c.req.parseBody();
    const note = String(body["note"] ?? "");
    const reviewer = { id: principal.user.id, role: principal.user.role };
    const changeId = Number(c.req.param("id"));
    if (body["decision"] === "approve") {
      const change = await publishChange(deps.db, {
        changeId,
        reviewer,
        note,
        minEditors: deps.editorial.reviewFourEyesMinEditors,
        now: deps.now(),
      });
      await notifyIfCorrection(deps, change.correctionId, baseUrlOf(deps));
    } else {
      if (!note.trim()) throw new InvalidInputError("say why the change is rejected");
      await rejectChange(deps.db, { changeId, reviewer, note, now: deps.now() });
    }
    return c.redirect(`/editor/changes/${changeId}`, 303);
  });
  app.post("/restore", async (c) => {
    const principal = requirePermission(c, "edit");
    const body = await c.req.parseBody();
    const version = body["version"] === "after" ? "after" : "before";
    const entryId = Number(body["entry_id"]);
    if (!Number.isSafeInteger(entryId) || entryId < 1)
      throw new InvalidInputError("choose a history entry to restore", [
        { path: "entry_id", message: "not a history entry id" },
      ]);
    const change = await insertRestoreChange(deps.db, {
      entryId,
      version,
      authorId: principal.user.id,
      now: deps.now(),
    });
    return c.redirect(`/editor/changes/${change.id}`, 303);
  });
  return app;
}
