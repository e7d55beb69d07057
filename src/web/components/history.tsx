// A record's history (published changes with field diffs and sources) and the link to ask for a correction.
import type { AuditEntry, ChangeSourceRef, FieldDiff } from "../../domain/editorial/change.js";
import type { EditableRecordKind } from "../../domain/vocabulary.js";

export function historyHref(kind: EditableRecordKind, id: string): string {
  return `/history/${kind}/${encodeURIComponent(id)}`;
}

export function correctionHref(kind: EditableRecordKind, id: string): string {
  return `/corrections/new?kind=${kind}&id=${encodeURIComponent(id)}`;
}

/** Links for the foot of a record page: its history and the public correction form. */
export function RecordEditorialLinks(props: { kind: EditableRecordKind; id: string }) {
  return (
    <p class="record-links">
      <a href={historyHref(props.kind, props.id)}>History of this record</a> ·{" "}
      <a href={correctionHref(props.kind, props.id)}>Suggest a correction</a>
    </p>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  return String(value);
}

export function DiffTable(props: { diff: FieldDiff[]; caption?: string }) {
  if (props.diff.length === 0) return <p class="muted">No field changed.</p>;
  return (
    <table class="data diff">
      {props.caption ? <caption>{props.caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {props.diff.map((d) => (
          <tr>
            <th scope="row">{d.field}</th>
            <td>
              <del>{show(d.before)}</del>
            </td>
            <td>
              <ins>{show(d.after)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SourceRefList(props: { sources: ChangeSourceRef[] }) {
  return (
    <ul class="plain">
      {props.sources.map((s) =>
        "sourceId" in s ? (
          <li>
            Source <code>{s.sourceId}</code>
          </li>
        ) : (
          <li>
            <a href={s.url} rel="external noopener nofollow">
              {s.title}
            </a>{" "}
            <span class="meta">— licence: {s.licence}</span>
          </li>
        ),
      )}
    </ul>
  );
}

const OPERATION_LABELS = { create: "Created", update: "Edited", withdraw: "Withdrawn" } as const;

/** Newest first. `restore` renders per-entry restore buttons (editors only). */
export function HistoryList(props: {
  entries: AuditEntry[];
  importedFrom: string | null;
  showPeople: boolean;
  restore?: (entry: AuditEntry) => unknown;
}) {
  const entries = [...props.entries].reverse();
  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading">History</h2>
      {entries.length === 0 ? <p>No editorial changes yet.</p> : null}
      <ol class="plain">
        {entries.map((e) => (
          <li class="history-entry">
            <h3>
              {OPERATION_LABELS[e.operation]} on{" "}
              <time datetime={e.at.toISOString()}>{e.at.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
              {props.showPeople && e.authorEmail ? (
                <span class="meta">
                  {" "}
                  — by {e.authorEmail}, approved by {e.actorEmail ?? "—"}
                </span>
              ) : null}
            </h3>
            <p>{e.summary}</p>
            <DiffTable diff={e.diff} />
            {e.sources.length ? (
              <>
                <p class="meta">Cited:</p>
                <SourceRefList sources={e.sources} />
              </>
            ) : null}
            {props.restore ? props.restore(e) : null}
          </li>
        ))}
        {props.importedFrom ? (
          <li class="history-entry">
            <p>
              Imported from <strong>{props.importedFrom}</strong>.
            </p>
          </li>
        ) : null}
      </ol>
    </section>
  );
}
