// The list of sources shown under every record.
import type { Source } from "../../domain/source.js";

export function SourceList(props: { sources: Source[]; heading?: string }) {
  if (props.sources.length === 0) return null;
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{props.heading ?? "Sources"}</h2>
      <ol>
        {props.sources.map((s) => (
          <li>
            {s.url ? <a href={s.url} rel="external noopener">{s.title}</a> : <span>{s.title}</span>}
            <span class="meta">
              {" "}— {s.kind.replace("-", " ")}; licence: {s.licence}
              {s.retrievedOn ? `; retrieved ${s.retrievedOn}` : ""}
              {s.note ? `; ${s.note}` : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
