// Pieces of the international-law and treaty pages reused on State, process and resolution pages: a map coloured
// by category, the list of positions, a State's treaty status and a treaty's summary. Absence is never shown as a
// negative: topics not listed are "not extracted", a State without a treaty row has an unknown status.
import { formatPartialDate, parsePartialDate } from "../../domain/partial-date.js";
import {
  standingOf,
  summarizeTreaty,
  type LegalPosition,
  type Treaty,
  type TreatyAction,
} from "../../domain/international-law.js";
import { LEGAL_TOPIC_LABELS, TREATY_ACTION_KIND_LABELS } from "../../domain/vocabulary.js";
import type { MapState } from "./evidence-map.js";
import { RecordEditorialLinks } from "./history.js";
import { DateText } from "./partial-date.js";
import { assetUrl } from "../asset-urls.js";
import { HEIGHT, loadShapes, WIDTH } from "./world-map.js";

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
  const { paths, project } = loadShapes();
  const labels = new Map(props.categories.map((c) => [c.key, c.label]));
  const byNumeric = new Map(props.states.filter((s) => s.isoNumeric).map((s) => [s.isoNumeric!, s]));
  const dots = props.states.filter((s) => (!s.isoNumeric || !paths.has(s.isoNumeric)) && props.categoryOf.has(s.iso3));
  const label = (s: MapState) => `${s.name}: ${labels.get(props.categoryOf.get(s.iso3) ?? "") ?? props.noneLabel}`;
  const captionId = `${props.id}-caption`;
  return (
    <figure class="category-map" id={props.id}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={captionId} xmlns="http://www.w3.org/2000/svg">
        <g class="countries">
          {[...paths.entries()].map(([numeric, d]) => {
            const state = byNumeric.get(numeric);
            return (
              <path
                d={d}
                class={`cat-${(state && props.categoryOf.get(state.iso3)) ?? "none"}`}
                data-iso3={state?.iso3}
              >
                {state ? <title>{label(state)}</title> : null}
              </path>
            );
          })}
        </g>
        <g class="small-states">
          {dots.map((s) => {
            const at = s.latitude !== null && s.longitude !== null ? project(s.longitude, s.latitude) : null;
            if (!at) return null;
            return (
              <circle
                cx={at[0].toFixed(1)}
                cy={at[1].toFixed(1)}
                r="3.5"
                class={`cat-${props.categoryOf.get(s.iso3)}`}
                data-iso3={s.iso3}
              >
                <title>{label(s)}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <figcaption id={captionId}>
        {props.caption}
        <ul class="map-legend">
          {props.categories.map((c) => (
            <li>
              <span class={`swatch cat-${c.key}`} aria-hidden="true"></span>
              {c.label}
            </li>
          ))}
          <li>
            <span class="swatch cat-none" aria-hidden="true"></span>
            {props.noneLabel}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

export function TopicList(props: { topics: LegalPosition["topics"] }) {
  if (props.topics.length === 0) return <span class="muted">not extracted</span>;
  return <>{props.topics.map((t) => LEGAL_TOPIC_LABELS[t]).join(", ")}</>;
}

function SourceLinks(props: { sources: LegalPosition["sources"] }) {
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
