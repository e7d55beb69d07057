// The list of sources shown under every record.
import type { Source } from "../../domain/source.js";
import type { Confidence } from "../../domain/vocabulary.js";

/**
 * The fact base's `notes` and `confidence` are its compiler's provenance notes ("as shown on dig.watch…", "July 2022
 * inferred"): they belong with the sources, as the compiler's note, not among the record's public facts. Confidence is
 * shown only where it is not high.
 */
export interface CompilerNote {
  notes: string | null;
  confidence: Confidence;
}

export function SourceList(props: { sources: Source[]; heading?: string; compilerNote?: CompilerNote }) {
  const note = props.compilerNote;
  const hasNote = note !== undefined && (note.notes !== null || note.confidence !== "high");
  if (props.sources.length === 0 && !hasNote) return null;
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{props.heading ?? "Sources"}</h2>
      <ol>
        {props.sources.map((s) => (
          <li>
            {s.url ? (
              <a href={s.url} rel="external noopener">
                {s.title}
              </a>
            ) : (
              <span>{s.title}</span>
            )}
            <span class="meta">
              {" "}
              — {s.kind.replace("-", " ")}; licence: {s.licence}
              {s.retrievedOn ? `; retrieved ${s.retrievedOn}` : ""}
              {s.note ? `; ${s.note}` : ""}
            </span>
          </li>
        ))}
      </ol>
      {hasNote ? (
        <p class="meta compiler-note">
          {note.notes ? <>Compiler&#39;s note: {note.notes}</> : null}
          {note.confidence !== "high" ? (
            <>
              {note.notes ? " " : ""}(Confidence: {note.confidence}.)
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
