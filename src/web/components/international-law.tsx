// Pieces of the international-law and treaty pages reused on State, process and resolution pages: a map coloured
// by category, the list of positions, a State's treaty status and a treaty's summary. Absence is never shown as a
// negative: topics not listed are "not extracted", a State without a treaty row has an unknown status.
import type { Child } from "hono/jsx";
import { formatPartialDate, parsePartialDate } from "../../domain/partial-date.js";
import {
  standingOf,
  summarizeTreaty,
  type LegalPosition,
  type Treaty,
  type TreatyAction,
} from "../../domain/international-law.js";
import type { Source } from "../../domain/source.js";
import { LEGAL_TOPIC_LABELS, TREATY_ACTION_KIND_LABELS } from "../../domain/vocabulary.js";
import { mapPlace, type MapState } from "./evidence-map.js";
import { RecordEditorialLinks } from "./history.js";
import { DateText } from "./partial-date.js";
import { assetUrl } from "../asset-urls.js";
import { ShapeMap } from "./world-map.js";

export function InternationalLawStyles() {
  return <link rel="stylesheet" href={assetUrl("static", "international-law.css")} />;
}

/** A day as "3 June 2019" from an ISO date. */
export function dayText(iso: string): string {
  return formatPartialDate(parsePartialDate(iso)!);
}

export interface MapCategory {
  key: string;
  label: string;
}

/**
 * States coloured by a category (one of `categories`, or none); States too small for the 1:110m shapes are drawn as
 * dots when they have a category. Every page that shows it has the same facts in a table or list beside it.
 */
export function CategoryMap(props: {
  id: string;
  states: MapState[];
  categoryOf: Map<string, string>;
  categories: MapCategory[];
  noneLabel: string;
  caption: string;
}) {
  const labels = new Map(props.categories.map((c) => [c.key, c.label]));
  return (
    <ShapeMap
      id={props.id}
      figureClass="category-map"
      entries={props.states.map((s) => ({
        ...mapPlace(s),
        className: `cat-${props.categoryOf.get(s.iso3) ?? "none"}`,
        title: `${s.name}: ${labels.get(props.categoryOf.get(s.iso3) ?? "") ?? props.noneLabel}`,
        hasDot: props.categoryOf.has(s.iso3),
      }))}
      noneClass="cat-none"
      caption={props.caption}
      legendClass="map-legend"
      legend={[
        ...props.categories.map((c) => ({ className: `cat-${c.key}`, label: c.label })),
        { className: "cat-none", label: props.noneLabel },
      ]}
    />
  );
}

export function TopicList(props: { topics: LegalPosition["topics"] }) {
  if (props.topics.length === 0) return <span class="muted">not extracted</span>;
  return <>{props.topics.map((t) => LEGAL_TOPIC_LABELS[t]).join(", ")}</>;
}

/** A row's sources folded under "N sources", each linked where it has an address; `children` follow the list. */
export function SourceLinks(props: { sources: Source[]; children?: Child }) {
  return (
    <details class="row-sources">
      <summary>
        {props.sources.length} source{props.sources.length === 1 ? "" : "s"}
      </summary>
      <ul>
        {props.sources.map((s) => (
          <li>
            {s.url ? (
              <a href={s.url} rel="external noopener">
                {s.title}
              </a>
            ) : (
              s.title
            )}
          </li>
        ))}
      </ul>
      {props.children}
    </details>
  );
}

/** One position: title (linked to the official text where a source cites it), date, context, topics, sources. */
export function PositionItem(props: { position: LegalPosition; showActor?: boolean }) {
  const p = props.position;
  return (
    <li id={p.id} class="position">
      {props.showActor ? (
        <>
          <strong>{p.stateIso3 ? <a href={`/states/${p.stateIso3}`}>{p.actorName}</a> : p.actorName}</strong>
          {": "}
        </>
      ) : null}
      {p.documentUrl ? (
        <a href={p.documentUrl} rel="external noopener">
          {p.title}
        </a>
      ) : (
        <span>{p.title}</span>
      )}
      {p.isTitleDescriptive ? <span class="muted"> (descriptive title: the source gives none)</span> : null}
      <div class="meta">
        <DateText value={p.publishedOn} /> · {p.context}
        {p.confidence === "medium" ? " · medium confidence (one secondary source)" : ""}
      </div>
      <div>
        Topics a source says it addresses: <TopicList topics={p.topics} />
      </div>
      {p.notes ? <div class="meta">{p.notes}</div> : null}
      <SourceLinks sources={p.sources} />
      <RecordEditorialLinks kind="legal-position" id={p.id} />
    </li>
  );
}

function StandingText(props: { actions: TreatyAction[]; stateIso3: string; treaty: Treaty }) {
  const standing = standingOf(props.actions, props.stateIso3);
  if (standing.status === "unknown") {
    return (
      <>
        <strong>Status unknown</strong>: no sourced row for this State
        {props.treaty.isStatusPartial ? " in the partial status we hold" : ""} (not the same as "not a party").
      </>
    );
  }
  const a = standing.action;
  return (
    <>
      <strong>{a.kind === "signature" ? "Signed" : TREATY_ACTION_KIND_LABELS[a.kind]}</strong>
      {a.signedOn ? (
        <>
          {" "}
          · signed <DateText value={a.signedOn} />
        </>
      ) : null}
      {a.consentOn ? (
        <>
          {" "}
          · {TREATY_ACTION_KIND_LABELS[a.kind].toLowerCase()} <DateText value={a.consentOn} />
        </>
      ) : null}{" "}
      <span class="as-of">
        (as of {dayText(a.asOf)}
        {a.isAsOfLowerBound ? " or later: the page gives no status date" : ""}
        {a.confidence === "medium" ? "; medium confidence" : ""})
      </span>
    </>
  );
}

/** A State's status under each treaty we hold, with the as-of date and "partial" where it is. */
export function StateTreatyStatus(props: {
  stateIso3: string;
  treaties: { treaty: Treaty; actions: TreatyAction[] }[];
}) {
  return (
    <ul class="treaty-status">
      {props.treaties.map(({ treaty, actions }) => (
        <li>
          <a href={`/treaties/${treaty.id}`}>{treaty.shortTitle}</a>
          {treaty.isStatusPartial ? <span class="badge partial">partial data</span> : null}:{" "}
          <StandingText actions={actions} stateIso3={props.stateIso3} treaty={treaty} />
        </li>
      ))}
    </ul>
  );
}

/** A treaty's status in one paragraph, for the pages of the resolution that adopted it and the process that negotiated it. */
export function TreatySummaryBox(props: { treaty: Treaty; actions: TreatyAction[] }) {
  const { treaty } = props;
  const s = summarizeTreaty(props.actions);
  return (
    <div class="treaty-summary">
      <p>
        <a href={`/treaties/${treaty.id}`}>
          <strong>{treaty.shortTitle}</strong>
        </a>
        {treaty.isStatusPartial ? <span class="badge partial">partial data</span> : null}: {s.parties} parties with a
        sourced row — {s.signedOnly} signature{s.signedOnly === 1 ? "" : "s"} only, {s.consented} ratification
        {s.consented === 1 ? "" : "s"} or accession{s.consented === 1 ? "" : "s"}
        {s.asOf ? (
          <>
            {" "}
            (as of{" "}
            {s.asOf.from === s.asOf.to
              ? dayText(s.asOf.from)
              : `${dayText(s.asOf.from)} to ${dayText(s.asOf.to)}, each row as of its own page`}
            )
          </>
        ) : null}
        .
      </p>
      <p class="meta">{treaty.coverageNote}</p>
    </div>
  );
}

/** The "Treaty status" section of a resolution or process page; nothing when no treaty is linked. */
export function TreatyStatusSection(props: { statuses: { treaty: Treaty; actions: TreatyAction[] }[] }) {
  if (props.statuses.length === 0) return null;
  return (
    <section aria-labelledby="treaty-status-heading">
      <InternationalLawStyles />
      <h2 id="treaty-status-heading">Treaty status</h2>
      {props.statuses.map(({ treaty, actions }) => (
        <TreatySummaryBox treaty={treaty} actions={actions} />
      ))}
    </section>
  );
}
