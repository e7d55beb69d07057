// Editor forms: propose a new record, edit or withdraw a published one, and edit a draft; each needs a source.
import type { Context, Hono } from "hono";
import { requirePermission } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import { getChange, insertChange, submitChange, updateDraftChange } from "../../db/changes.js";
import { findPublishedRecord } from "../../db/changes-publish.js";
import type { AppDeps } from "../../http/deps.js";
import type { ChangeSourceRef } from "../../domain/editorial/change.js";
import { parseRecordForm, RECORD_SPECS, type EditorialRecordFields } from "../../domain/editorial/records.js";
import { InvalidInputError, NotFoundError } from "../../domain/errors.js";
import { EDITABLE_RECORD_KINDS, type ChangeOperation, type EditableRecordKind } from "../../domain/vocabulary.js";
import {
  CsrfInput,
  ErrorSummary,
  RecordFields,
  SourceFields,
  type FormIssue,
  type SourceFormValues,
} from "../components/forms.js";
import { Layout } from "../layout.js";

export function parseKind(value: string | undefined): EditableRecordKind {
  if (!value || !(EDITABLE_RECORD_KINDS as readonly string[]).includes(value))
    throw new NotFoundError("record kind", value ?? "");
  return value as EditableRecordKind;
}

/** Form fields about the change itself start with "_" so they never collide with a record's fields (kind, summary…). */
type FormBody = Record<string, string | undefined>;

function sourceValues(body: FormBody): SourceFormValues {
  return {
    sourceId: body["source_id"]?.trim(),
    url: body["source_url"]?.trim(),
    title: body["source_title"]?.trim(),
    licence: body["source_licence"]?.trim(),
  };
}

/** The cited source: an existing id, or URL + title + licence (all three). */
function sourcesFrom(values: SourceFormValues): ChangeSourceRef[] {
  const out: ChangeSourceRef[] = [];
  if (values.sourceId) out.push({ sourceId: values.sourceId });
  if (values.url || values.title || values.licence) {
    if (!values.url || !values.title || !values.licence)
      throw new InvalidInputError("a new source needs its URL, title and licence", [
        { path: "sources", message: "give the URL, title and licence of the source" },
      ]);
    if (!/^https?:\/\/\S+$/.test(values.url))
      throw new InvalidInputError("the source URL must start with http:// or https://", [
        { path: "sources", message: "not a web address" },
      ]);
    out.push({ url: values.url, title: values.title, licence: values.licence });
  }
  return out;
}

interface FormState {
  kind: EditableRecordKind;
  operation: ChangeOperation;
  recordId: string | null;
  values: EditorialRecordFields;
  sources: SourceFormValues;
  summary: string;
  changeId?: number;
  /** The correction request this change answers. */
  correctionId?: number | null;
  error?: string;
  issues?: FormIssue[];
}

function ChangeForm(props: { state: FormState; csrf: string }) {
  const s = props.state;
  const spec = RECORD_SPECS[s.kind];
  const title = s.changeId
    ? `Edit draft change #${s.changeId}`
    : s.operation === "create"
      ? `New ${spec.label}`
      : `Edit ${spec.label} ${s.recordId}`;
  return (
    <Layout title={title} path="/editor">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/editor">Editor</a> › {title}
      </nav>
      <h1>{title}</h1>
      <p>Saving creates a proposed change. The public sees nothing until another editor approves it.</p>
      <ErrorSummary message={s.error} issues={s.issues} />
      <form
        method="post"
        action={s.changeId ? `/editor/changes/${s.changeId}` : "/editor/changes"}
        class="stack record-form"
      >
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="_kind" value={s.kind} />
        <input type="hidden" name="_operation" value={s.operation} />
        {s.recordId && s.operation !== "create" ? <input type="hidden" name="_record_id" value={s.recordId} /> : null}
        {s.correctionId ? <input type="hidden" name="_correction_id" value={String(s.correctionId)} /> : null}
        <RecordFields spec={spec} values={s.values} isNew={s.operation === "create"} issues={s.issues} />
        <SourceFields values={s.sources} issues={s.issues} />
        <div class="field" id="field-summary">
          <label for="summary">What does this change do? (required)</label>
          <input id="summary" name="_summary" required maxlength={500} value={s.summary} />
        </div>
        <button type="submit" name="_action" value="draft">
          Save draft
        </button>{" "}
        <button type="submit" name="_action" value="submit">
          Submit for review
        </button>
      </form>
      {s.operation === "update" && !s.changeId ? (
        <section aria-labelledby="withdraw-heading" class="danger-zone">
          <h2 id="withdraw-heading">Withdraw this {spec.label}</h2>
          <p>Removes it from public pages after review. Its last version stays in the history and can be restored.</p>
          <form method="post" action="/editor/changes" class="stack">
            <CsrfInput token={props.csrf} />
            <input type="hidden" name="_kind" value={s.kind} />
            <input type="hidden" name="_operation" value="withdraw" />
            <input type="hidden" name="_record_id" value={s.recordId ?? ""} />
            <SourceFields values={{}} />
            <div class="field">
              <label for="withdraw-summary">Why? (required)</label>
              <input id="withdraw-summary" name="_summary" required maxlength={500} />
            </div>
            <button type="submit" name="_action" value="submit">
              Propose withdrawal
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

async function saveFromForm(c: Context, deps: AppDeps, changeId: number | null): Promise<Response> {
  const principal = requirePermission(c, "edit");
  const body = (await c.req.parseBody()) as FormBody;
  const existing = changeId ? await getChange(deps.db, changeId) : null;
  const kind = existing?.recordKind ?? parseKind(body["_kind"]);
  const operation =
    existing?.operation ??
    (["create", "update", "withdraw"] as const).find((o) => o === body["_operation"]) ??
    "create";
  const recordId = existing?.recordId ?? (body["_record_id"] || null);
  const values = operation === "withdraw" ? {} : parseRecordForm(kind, body);
  if (recordId && operation === "update" && RECORD_SPECS[kind].idField) values[RECORD_SPECS[kind].idField!] = recordId;
  const sources = sourceValues(body);
  const summary = body["_summary"]?.trim() ?? "";
  const correctionId = /^\d+$/.test(body["_correction_id"] ?? "") ? Number(body["_correction_id"]) : null;
  try {
    const refs = sourcesFrom(sources);
    const now = deps.now();
    const submit = body["_action"] === "submit";
    const change = existing
      ? await updateDraftChange(deps.db, {
          changeId: existing.id,
          userId: principal.user.id,
          record: values,
          sources: refs,
          summary,
          now,
        })
      : await insertChange(deps.db, {
          kind,
          operation,
          recordId,
          record: values,
          sources: refs,
          summary,
          submit,
          correctionId,
          authorId: principal.user.id,
          now,
        });
    if (existing && submit) await submitChange(deps.db, { changeId: change.id, userId: principal.user.id, now });
    return c.redirect(`/editor/changes/${change.id}`, 303);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const state: FormState = {
      kind,
      operation,
      recordId,
      values,
      sources,
      summary,
      correctionId,
      error: error.message,
      issues: error.issues,
      ...(existing ? { changeId: existing.id } : {}),
    };
    return c.html(<ChangeForm state={state} csrf={csrfTokenFor(c, deps)} />, 400);
  }
}

export function registerEditorForms(app: Hono, deps: AppDeps): void {
  app.get("/new/:kind", (c) => {
    requirePermission(c, "edit");
    const kind = parseKind(c.req.param("kind"));
    return c.html(
      <ChangeForm
        state={{ kind, operation: "create", recordId: null, values: {}, sources: {}, summary: "" }}
        csrf={csrfTokenFor(c, deps)}
      />,
    );
  });
  app.get("/edit/:kind/:id{.+}", async (c) => {
    requirePermission(c, "edit");
    const kind = parseKind(c.req.param("kind"));
    const id = c.req.param("id");
    const record = await findPublishedRecord(deps.db, kind, id);
    if (!record) throw new NotFoundError(RECORD_SPECS[kind].label, id);
    const correction = c.req.query("correction");
    const correctionId = correction && /^\d+$/.test(correction) ? Number(correction) : null;
    return c.html(
      <ChangeForm
        state={{
          kind,
          operation: "update",
          recordId: id,
          values: record,
          sources: {},
          summary: correctionId ? `Correction request #${correctionId}` : "",
          correctionId,
        }}
        csrf={csrfTokenFor(c, deps)}
      />,
    );
  });
  app.get("/changes/:id{[0-9]+}/edit", async (c) => {
    requirePermission(c, "edit");
    const change = await getChange(deps.db, Number(c.req.param("id")));
    const first = change.sources[0];
    const sources: SourceFormValues = !first ? {} : "sourceId" in first ? { sourceId: first.sourceId } : first;
    return c.html(
      <ChangeForm
        state={{
          kind: change.recordKind,
          operation: change.operation,
          recordId: change.recordId,
          values: change.proposed ?? {},
          sources,
          summary: change.summary,
          changeId: change.id,
        }}
        csrf={csrfTokenFor(c, deps)}
      />,
    );
  });
  app.post("/changes", (c) => saveFromForm(c, deps, null));
  app.post("/changes/:id{[0-9]+}", (c) => saveFromForm(c, deps, Number(c.req.param("id"))));
}
