// Facts derived from dated records (issue 16), as a list for the home page and /updates: each item links its record
// and cites a source of that record; labelled as derived from the data, apart from editors' updates.
import type { ActivityFact } from "../../domain/activity.js";
import { formatPartialDateIso } from "../../domain/partial-date.js";

export function ActivityList(props: { facts: ActivityFact[]; id?: string; empty?: string }) {
  if (props.facts.length === 0) return <p class="muted">{props.empty ?? "No dated fact is recorded yet."}</p>;
  return (
    <ol class="plain activity" id={props.id}>
      {props.facts.map((f) => (
        <li class="activity-item" data-kind={f.kind}>
          <time datetime={formatPartialDateIso(f.date)}>{f.when}</time> · <span class="meta">{f.label}</span>:{" "}
          <a href={f.path}>{f.title}</a>
          {f.detail ? <span class="meta"> — {f.detail}</span> : null}
          {f.source ? (
            <>
              {" "}
              (source:{" "}
              <a href={f.source.url} rel="external noopener">
                {f.source.title}
              </a>
              )
            </>
          ) : (
            <span class="muted"> (no source with an address)</span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The plain words that say what these items are. */
export function ActivityNote() {
  return (
    <p class="meta">
      Derived from the dated records of the data (sessions, resolutions and votes, strategies, positions on
      international law, treaty actions), not written by an editor; each links its record and cites that record's
      source. Dates are shown as precisely as the source gives them.
    </p>
  );
}
