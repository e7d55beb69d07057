// Public history of a record: its current published values and every published change, with restore for editors.
import { Hono } from "hono";
import { currentPrincipal } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import { findImportedFrom, listAuditEntries } from "../../db/audit-log.js";
import { findPublishedRecord } from "../../db/changes-publish.js";
import type { AppDeps } from "../../http/deps.js";
import { hasPermission } from "../../domain/auth.js";
import { RECORD_SPECS } from "../../domain/editorial/records.js";
import { NotFoundError } from "../../domain/errors.js";
import { CsrfInput } from "../components/forms.js";
import { correctionHref, HistoryList } from "../components/history.js";
import { Layout } from "../layout.js";
import { parseKind } from "./editor-forms.js";

export function historyPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/:kind/:id{.+}", async (c) => {
    const kind = parseKind(c.req.param("kind"));
    const id = c.req.param("id");
    const spec = RECORD_SPECS[kind];
    const [record, entries, importedFrom] = [
      await findPublishedRecord(deps.db, kind, id),
      await listAuditEntries(deps.db, kind, id),
      await findImportedFrom(deps.db, kind, id),
    ];
    if (!record && entries.length === 0) throw new NotFoundError(spec.label, id);
    const principal = currentPrincipal(c);
    const isEditor = hasPermission(principal, "edit");
    const csrf = isEditor ? csrfTokenFor(c, deps) : "";
    const title = `History of ${spec.label} ${id}`;
    return c.html(
      <Layout title={title}>
        <h1>{title}</h1>
        {record ? (
          <>
            <h2>Published version</h2>
            <dl class="facts current-version">
              {spec.fields.map((f) => (
                <>
                  <dt>{f.label}</dt>
                  <dd data-field={f.name}>
                    {Array.isArray(record[f.name])
                      ? (record[f.name] as string[]).join(", ") || "—"
                      : String(record[f.name] ?? "—")}
                  </dd>
                </>
              ))}
            </dl>
            <p>
              <a href={correctionHref(kind, id)}>Suggest a correction</a>
              {isEditor ? (
                <>
                  {" "}
                  · <a href={`/editor/edit/${kind}/${encodeURIComponent(id)}`}>Edit this {spec.label}</a>
                </>
              ) : null}
            </p>
          </>
        ) : (
          <p>This {spec.label} has been withdrawn; its earlier versions are below.</p>
        )}
        <HistoryList
          entries={entries}
          importedFrom={importedFrom}
          showPeople={isEditor}
          restore={
            isEditor
              ? (e) => (
                  <form method="post" action="/editor/restore" class="inline">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="entry_id" value={String(e.id)} />
                    {e.before ? (
                      <button type="submit" name="version" value="before">
                        Restore the version before this change
                      </button>
                    ) : null}
                    {e.after ? (
                      <>
                        {" "}
                        <button type="submit" name="version" value="after">
                          Restore this version
                        </button>
                      </>
                    ) : null}
                  </form>
                )
              : undefined
          }
        />
      </Layout>,
    );
  });
  return app;
}
