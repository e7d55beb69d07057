// Editors upload a document (AKN XML, PDF, DOCX, HTML, text or Markdown) with its provenance; the result page
// says whether it was stored, kept as a new version, skipped as unchanged, or refused and why.
import { Hono, type Context } from "hono";
import { requirePermission } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { InvalidInputError } from "../../domain/errors.js";
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from "../../domain/vocabulary.js";
import type { IngestResult } from "../../ingest/documents/ingest.js";
import { ingestUpload, parseUploadFields } from "../../ingest/documents/upload.js";
import { CsrfInput, ErrorSummary, type FormIssue } from "../components/forms.js";
import { Layout } from "../layout.js";

const OUTCOME_TEXT: Record<IngestResult["status"], string> = {
  inserted: "Stored as a new document.",
  "new-version": "Stored as a new version of a document already here.",
  skipped: "Nothing stored: this text is already here.",
  failed: "Not stored.",
};

function UploadPage(props: {
  csrf: string;
  maxBytes: number;
  values?: Record<string, string>;
  result?: IngestResult;
  error?: string;
  issues?: FormIssue[];
}) {
  const v = props.values ?? {};
  const r = props.result;
  return (
    <Layout title="Upload a document" path="/editor">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/editor">Editor</a> › Upload a document
      </nav>
      <h1>Upload a document</h1>
      <p>
        Akoma Ntoso XML, PDF, DOCX, HTML, plain text or Markdown, up to {Math.floor(props.maxBytes / 1024 / 1024)} MB.
        Paragraph numbering is kept; the same file or the same text is never stored twice. For many files use{" "}
        <code>normwatch ingest</code>.
      </p>
      {r ? (
        <div role="status" class={r.status === "failed" ? "notice error" : "notice"}>
          <p>
            {OUTCOME_TEXT[r.status]}
            {r.reason ? ` ${r.reason}` : ""}
          </p>
          {r.slug ? (
            <p>
              <a href={`/documents/${r.slug}`}>Open {r.slug}</a>
              {r.version ? ` (version ${r.version}${r.paragraphs ? `, ${r.paragraphs} paragraphs` : ""})` : ""}
            </p>
          ) : null}
        </div>
      ) : null}
      <ErrorSummary message={props.error} issues={props.issues} />
      <form method="post" action="/editor/documents/upload" enctype="multipart/form-data" class="stack">
        <CsrfInput token={props.csrf} />
        <div class="field">
          <label for="file">File (required)</label>
          <input id="file" type="file" name="file" required accept=".xml,.akn,.pdf,.docx,.html,.htm,.txt,.md" />
        </div>
        <div class="field">
          <label for="type">Type</label>
          <span class="hint" id="type-hint">
            Leave blank when the file says (Akoma Ntoso does).
          </span>
          <select id="type" name="type" aria-describedby="type-hint">
            <option value="">—</option>
            {DOCUMENT_TYPES.map((t) => (
              <option value={t} selected={v["type"] === t}>
                {DOCUMENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="language">Language (ISO 639-1)</label>
          <input id="language" name="language" maxlength={2} placeholder="en" value={v["language"] ?? ""} />
        </div>
        <div class="field">
          <label for="source_url">Where it was obtained (URL)</label>
          <input id="source_url" type="url" name="source_url" value={v["source_url"] ?? ""} />
        </div>
        <div class="field">
          <label for="licence">Licence or terms (required)</label>
          <input id="licence" name="licence" required maxlength={500} value={v["licence"] ?? ""} />
        </div>
        <div class="field">
          <label for="author">Author</label>
          <span class="hint" id="author-hint">
            When the file does not say: e.g. the State behind a national statement (its name or ISO3 code), so its norms
            and CBMs are proposed as candidate evidence.
          </span>
          <input id="author" name="author" maxlength={300} aria-describedby="author-hint" value={v["author"] ?? ""} />
        </div>
        <div class="field">
          <label for="attribution">Attribution</label>
          <input id="attribution" name="attribution" maxlength={500} value={v["attribution"] ?? ""} />
        </div>
        <button type="submit">Upload</button>
      </form>
    </Layout>
  );
}

export function editorDocumentsPages(deps: AppDeps) {
  const app = new Hono();
  const maxBytes = () => deps.editorial.documentMaxBytes;
  app.get("/upload", (c) => {
    requirePermission(c, "edit");
    return c.html(<UploadPage csrf={csrfTokenFor(c, deps)} maxBytes={maxBytes()} />);
  });
  // The body's size is capped before this runs (http/body-limit.ts).
  app.post("/upload", async (c: Context) => {
    requirePermission(c, "edit");
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      ["type", "language", "source_url", "licence", "attribution", "author"].map((k) => [
        k,
        typeof body[k] === "string" ? (body[k] as string) : "",
      ]),
    );
    const render = (
      extra: { result?: IngestResult; error?: string; issues?: FormIssue[] },
      status: 200 | 201 | 400 | 422,
    ) => c.html(<UploadPage csrf={csrfTokenFor(c, deps)} maxBytes={maxBytes()} values={values} {...extra} />, status);
    const file = body["file"];
    if (!(file instanceof File) || file.size === 0)
      return render(
        { error: "choose a file to upload", issues: [{ path: "file", message: "no file, or an empty one" }] },
        400,
      );
    let fields;
    try {
      fields = parseUploadFields(values);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return render({ error: error.message, issues: error.issues }, 400);
    }
    const result = await ingestUpload(deps.db, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      contentType: file.type || null,
      fields,
      maxBytes: maxBytes(),
      now: deps.now,
    });
    return render({ result }, result.status === "failed" ? 422 : result.status === "skipped" ? 200 : 201);
  });
  return app;
}
