// The records the search box found (States, resolutions, votes, norms…): facets with counts per kind that limit the
// results to one kind (plain links, so they work without JavaScript), and each kind's records linked to their pages.
import { countOfKind, RECORD_KIND_LABELS, type FoundRecord, type RecordKind } from "../../domain/find-records.js";

export interface KindFacet {
  /** A record kind, "paragraph", or null for every kind. */
  kind: RecordKind | "paragraph" | null;
  label: string;
  /** Null for "All". */
  count: number | null;
  href: string;
}

/** "States (2) · Resolutions (5) · Paragraphs (1,234)": the current choice is marked, not linked. */
export function KindFacets(props: { facets: KindFacet[]; current: RecordKind | "paragraph" | null }) {
  return (
    <nav class="record-facets" aria-label="Limit the results to one kind">
      <p>
        {props.facets.map((f, i) => (
          <>
            {i > 0 ? " · " : ""}
            {f.kind === props.current ? (
              <strong aria-current="page">{facetText(f)}</strong>
            ) : (
              <a href={f.href}>{facetText(f)}</a>
            )}
          </>
        ))}
      </p>
    </nav>
  );
}

function facetText(f: KindFacet): string {
  return f.count === null ? f.label : `${f.label} (${f.count.toLocaleString("en")})`;
}

/** One kind's records as a list of links, each with its second line (official name, title, date…). */
export function RecordList(props: { records: FoundRecord[]; start?: number }) {
  return (
    <ol class="record-results" start={props.start ?? 1}>
      {props.records.map((r) => (
        <li class={`record-result record-${r.kind}`}>
          <a href={r.path}>{r.label}</a>
          {r.detail ? <span class="muted"> — {r.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** Every kind found, each under its heading with its count and, past the few shown, a link to all of that kind. */
export function RecordGroups(props: {
  groups: { kind: RecordKind; total: number; records: FoundRecord[] }[];
  kindHref: (kind: RecordKind) => string;
}) {
  return (
    <section class="record-groups" aria-labelledby="records-heading">
      <h2 id="records-heading">Records</h2>
      {props.groups.map((g) => (
        <section class="record-group" aria-labelledby={`records-${g.kind}`}>
          <h3 id={`records-${g.kind}`}>
            {RECORD_KIND_LABELS[g.kind].many} <span class="muted">({g.total.toLocaleString("en")})</span>
          </h3>
          <RecordList records={g.records} />
          {g.total > g.records.length ? (
            <p class="record-more">
              <a href={props.kindHref(g.kind)}>All {countOfKind(g.total, g.kind)}</a>
            </p>
          ) : null}
        </section>
      ))}
    </section>
  );
}
