// Evidence records as pages show them: subject, status, kind, date, quote, the cited paragraph or URL, who reports it.
import { citationHref, type Evidence } from "../../domain/evidence.js";
import {
  EVIDENCE_KIND_LABELS,
  EVIDENCE_STATUS_LABELS,
  type EvidenceKind,
  type ReporterKind,
} from "../../domain/vocabulary.js";
import type { KnownLinkTargets } from "../../domain/text-links.js";
import { historyHref } from "./history.js";
import { LinkedText } from "./linked-text.js";
import { DateText } from "./partial-date.js";

/** Who reports it, as it reads after "reported by". */
const REPORTED_BY: Record<ReporterKind, string> = {
  self: "the State itself",
  "civil-society": "civil society",
  researcher: "researchers",
  intergovernmental: "an intergovernmental body",
};

function kindText(kind: EvidenceKind): string {
  const label = EVIDENCE_KIND_LABELS[kind];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function Citation(props: { evidence: Evidence }) {
  const e = props.evidence;
  const href = citationHref(e);
  if (e.paragraph)
    return (
      <a href={href!}>
        {e.paragraph.documentSymbol ?? e.paragraph.documentTitle}, {e.paragraph.label}
      </a>
    );
  return href ? (
    <a href={href} rel="external noopener">
      {href}
    </a>
  ) : (
    <span class="muted">none</span>
  );
}

/** One record; `links` turns the symbols and norm references its quote names into links (see LinkedText). */
export function EvidenceItem(props: { evidence: Evidence; showItem?: boolean; links?: KnownLinkTargets | undefined }) {
  const e = props.evidence;
  const subjectHref =
    e.subjectKind === "state" ? `/states/${e.subjectId}` : `/organizations/${encodeURIComponent(e.subjectId)}`;
  return (
    <li class={`status-${e.status}`} id={`evidence-${e.id}`}>
      <p>
        <a href={subjectHref}>{e.subjectName}</a>
        {props.showItem ? (
          <>
            {" "}
            on <a href={`/norms/${e.itemId}`}>{e.itemCode}</a>
          </>
        ) : null}
        : <span class="status-label">{EVIDENCE_STATUS_LABELS[e.status]}</span> ({kindText(e.kind)},{" "}
        <DateText value={e.observed} fallback="undated" />)
      </p>
      {e.quote ? (
        <blockquote cite={citationHref(e) ?? undefined}>
          <LinkedText text={e.quote} links={props.links} />
        </blockquote>
      ) : null}
      <p class="meta">
        Source: <Citation evidence={e} /> · reported by{" "}
        {e.reporterName ? `${e.reporterName} (${REPORTED_BY[e.reporter]})` : REPORTED_BY[e.reporter]} · confidence{" "}
        {e.confidence} · <a href={historyHref("evidence", String(e.id))}>history</a>
      </p>
      {e.notes ? <p class="meta">{e.notes}</p> : null}
    </li>
  );
}

/** Self-reports and "shadow" reports side by side. */
export function EvidenceColumns(props: {
  self: Evidence[];
  shadow: Evidence[];
  showItem?: boolean;
  links?: KnownLinkTargets | undefined;
}) {
  return (
    <div class="reports">
      <section aria-labelledby="self-reports-heading">
        <h3 id="self-reports-heading">Reported by the States themselves ({props.self.length})</h3>
        {props.self.length ? (
          <ul class="evidence-list">
            {props.self.map((e) => (
              <EvidenceItem evidence={e} showItem={props.showItem} links={props.links} />
            ))}
          </ul>
        ) : (
          <p class="muted">No self-reports published.</p>
        )}
      </section>
      <section aria-labelledby="shadow-reports-heading">
        <h3 id="shadow-reports-heading">
          Shadow reports: civil society, researchers, intergovernmental bodies ({props.shadow.length})
        </h3>
        {props.shadow.length ? (
          <ul class="evidence-list">
            {props.shadow.map((e) => (
              <EvidenceItem evidence={e} showItem={props.showItem} links={props.links} />
            ))}
          </ul>
        ) : (
          <p class="muted">No shadow reports published.</p>
        )}
      </section>
    </div>
  );
}
