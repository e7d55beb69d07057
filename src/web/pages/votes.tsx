// Vote pages: the list (cyber only, session), one vote event with map, table and breakdowns, and the comparison of two events.
import { Hono } from "hono";
import { z } from "zod";
import {
  compareVoteEvents,
  getVoteEventDetail,
  listVotersCached,
  type GroupTally,
} from "../../analysis/vote-event-detail.js";
import { findVoteSeries } from "../../analysis/vote-series.js";
import type { AppDeps } from "../../http/deps.js";
import { findVoteEvent, listVoteEvents } from "../../db/votes.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { ResolutionSeries } from "../../domain/vote-series.js";
import {
  displayVoteTitle,
  isAbsenceRecorded,
  isDecisionVote,
  voteEventLabel,
  voteEventPath,
  type VoteEventSummary,
} from "../../domain/votes.js";
import { RESOLUTION_TOPIC_LABELS, UN_REGIONAL_GROUP_LABELS } from "../../domain/vocabulary.js";
import { Pager } from "../components/pager.js";
import { TableScroll } from "../components/table-scroll.js";
import { Layout } from "../layout.js";
import { shareImageFor } from "../og/share-image-pages.js";
import { VOTE_LABELS, WorldMap } from "../components/world-map.js";
import { VoteComparisonView } from "./votes-compare.js";
import { findLinkTargets } from "../../db/link-targets.js";
import { symbolsToLookUp } from "../../domain/text-links.js";
import { LinkedText } from "../components/linked-text.js";
import { VoteRecordLinks } from "../components/vote-record-links.js";
import { blank } from "../../http/query-fields.js";
import {
  parseSymbolParam,
  SYMBOL_PARAM_MAX_LENGTH,
  unknownVoteMessage,
  voteEventIdParam,
} from "../../http/symbol-param.js";

const session = z.coerce.number().int().min(1).max(200).optional().or(blank);
const ListQuery = z.object({
  cyber: z.enum(["1", "true", ""]).optional(),
  /** The list opens on the cyber votes; all=1 lists every recorded vote. */
  all: z.enum(["1", "true", ""]).optional(),
  session,
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
const PER_PAGE = 100;

function parse<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success)
    throw new InvalidInputError(
      "invalid filter",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return parsed.data;
}

export function Totals(props: { event: VoteEventSummary }) {
  const e = props.event;
  const hasAbsences = isAbsenceRecorded(e);
  return (
    <table class="data totals">
      <caption>
        Totals{e.hasTotalsMismatch ? " — the counted positions do not reproduce the reported totals" : ""}
      </caption>
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col" class="num">
            Yes
          </th>
          <th scope="col" class="num">
            No
          </th>
          <th scope="col" class="num">
            Abstain
          </th>
          <th scope="col" class="num">
            Absent / not recorded
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">As officially reported{e.reportedBy === "fact-base" ? " (fact base)" : ""}</th>
          {e.reported ? (
            <>
              <td class="num">{e.reported.yes}</td>
              <td class="num">{e.reported.no}</td>
              <td class="num">{e.reported.abstain}</td>
              <td class="num">—</td>
            </>
          ) : (
            <td colspan={4}>not available in the source</td>
          )}
        </tr>
        <tr class={e.hasTotalsMismatch ? "mismatch" : undefined}>
          <th scope="row">Counted from the State list</th>
          <td class="num">{e.counted.yes}</td>
          <td class="num">{e.counted.no}</td>
          <td class="num">{e.counted.abstain}</td>
          <td class="num">{hasAbsences ? e.counted.absent : "no data"}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Says why the absent column reads "no data" rather than a count. */
function AbsenceNote(props: { event: VoteEventSummary }) {
  return isAbsenceRecorded(props.event) ? null : (
    <p class="note">
      The source (Voeten, session {props.event.session}) records yes, no and abstain only: who was absent or not a
      member is not known, so absences show as no data, not as 0.
    </p>
  );
}

/** The previous and next recorded votes of the resolution's series, each with its comparison, and the whole series. */
function SeriesNav(props: { series: ResolutionSeries; current: string }) {
  const { series, current } = props;
  const compare = (x: string, y: string) => `/votes/compare?${new URLSearchParams({ a: x, b: y })}`;
  return (
    <nav class="series" aria-label="Votes of this series">
      <p>
        {series.previousVote ? (
          <>
            ← Previous vote:{" "}
            <a href={`/votes/${voteEventPath(series.previousVote.symbol)}`} rel="prev">
              {series.previousVote.symbol}
            </a>{" "}
            (<a href={compare(series.previousVote.symbol, current)}>compare</a>)
          </>
        ) : (
          "No earlier recorded vote in this series"
        )}
        {" · "}
        {series.nextVote ? (
          <>
            Next vote:{" "}
            <a href={`/votes/${voteEventPath(series.nextVote.symbol)}`} rel="next">
              {series.nextVote.symbol}
            </a>{" "}
            (<a href={compare(current, series.nextVote.symbol)}>compare</a>) →
          </>
        ) : (
          "no later recorded vote in this series"
        )}
      </p>
      <details>
        <summary>
          The series “{series.title}” ({series.entries.length} resolutions)
        </summary>
        <ol>
          {series.entries.map((s) => (
            <li>
              {s.symbol === current ? (
                <strong aria-current="page">{s.symbol}</strong>
              ) : s.hasRecordedVote ? (
                <a href={`/votes/${voteEventPath(s.symbol)}`}>{s.symbol}</a>
              ) : (
                <a href={`/resolutions/${s.symbol}`}>{s.symbol}</a>
              )}
              {s.adoptedOn ? ` (${s.adoptedOn})` : ""}
              {s.hasRecordedVote ? "" : ": no recorded vote"}
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}

function EventLink(props: { event: VoteEventSummary }) {
  return <a href={`/votes/${voteEventPath(props.event.id)}`}>{voteEventLabel(props.event)}</a>;
}

function TallyTable(props: { caption: string; rows: GroupTally[]; hasAbsences: boolean }) {
  return (
    <table class="data">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col" class="num">
            Members
          </th>
          <th scope="col" class="num">
            Yes
          </th>
          <th scope="col" class="num">
            No
          </th>
          <th scope="col" class="num">
            Abstain
          </th>
          <th scope="col" class="num">
            Absent
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">
              {r.name}
              {r.isAtVoteDate === false ? <span class="muted"> (current members)</span> : null}
            </th>
            <td class="num">{r.members}</td>
            <td class="num">{r.yes}</td>
            <td class="num">{r.no}</td>
            <td class="num">{r.abstain}</td>
            <td class="num">{props.hasAbsences ? r.absent : "no data"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function votesPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const q = parse(ListQuery, c.req.query());
    const isCyber = !(q.all === "1" || q.all === "true");
    const { items, total } = await listVoteEvents(
      deps.db,
      // A symbol is searched in its full form, however it was typed (74/247, a/res/74/247, 74 / 247).
      { isCyberOnly: isCyber, session: q.session, query: q.q ? (parseSymbolParam(q.q) ?? q.q) : undefined },
      { limit: PER_PAGE, offset: (q.page - 1) * PER_PAGE },
    );
    const pageLink = (page: number) =>
      `/votes?${new URLSearchParams({ ...(isCyber ? {} : { all: "1" }), ...(q.session ? { session: String(q.session) } : {}), ...(q.q ? { q: q.q } : {}), page: String(page) })}`;
    return c.html(
      <Layout title="Recorded votes" path="/votes">
        <h1>Recorded General Assembly votes</h1>
        <p>
          Every recorded vote of the General Assembly plenary, 1946–2026: Voeten's roll calls (sessions 1–74, CC0) and
          the UN's own records (sessions 74–80). <a href="/alignment">Alignment analytics</a> ·{" "}
          <a href="/votes/compare">Compare two votes</a>
        </p>
        <form class="filters" method="get" action="/votes" role="search" aria-label="Filter votes">
          <fieldset class="switch">
            <legend>Which votes</legend>
            <label>
              <input type="radio" name="all" value="" checked={isCyber} /> Cyber votes
            </label>
            <label>
              <input type="radio" name="all" value="1" checked={!isCyber} /> All recorded votes
            </label>
          </fieldset>
          <label>
            Session <input type="number" name="session" min="1" max="200" value={q.session ? String(q.session) : ""} />
          </label>
          <label>
            Symbol or words <input type="search" name="q" value={q.q ?? ""} placeholder="74/247, cybercrime" />
          </label>
          <button type="submit">Filter</button>
        </form>
        <p role="status">
          {total} {isCyber ? "cyber vote events" : "vote events"}
          {q.q ? ` matching “${q.q}”` : ""}
          {isCyber ? (
            <>
              {" "}
              ·{" "}
              <a href={`/votes?${new URLSearchParams({ all: "1", ...(q.q ? { q: q.q } : {}) })}`}>
                search all recorded votes
              </a>
            </>
          ) : null}
        </p>
        <table class="data">
          <caption class="visually-hidden">Vote events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Vote</th>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col" class="num">
                Yes–No–Abstain
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr>
                <th scope="row">
                  <EventLink event={e} />
                  {isDecisionVote(e)
                    ? " (decision)"
                    : e.motionKind !== "resolution" && e.motionKind !== "unspecified"
                      ? ` (${e.motionKind})`
                      : ""}
                </th>
                <td>{e.date}</td>
                <td>
                  {e.title ? displayVoteTitle(e.title) : "—"}
                  {e.cyberTopic ? <span class="tag"> {RESOLUTION_TOPIC_LABELS[e.cyberTopic]}</span> : null}
                </td>
                <td class="num">
                  {`${e.counted.yes}–${e.counted.no}–${e.counted.abstain}`}
                  {e.hasTotalsMismatch ? " ⚠" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={q.page} hasNext={q.page * PER_PAGE < total} href={pageLink} />
      </Layout>,
    );
  });

  app.get("/compare", async (c) => {
    const a = (c.req.query("a") ?? "").slice(0, SYMBOL_PARAM_MAX_LENGTH);
    const b = (c.req.query("b") ?? "").slice(0, SYMBOL_PARAM_MAX_LENGTH);
    // A symbol short or in full (73/187, a/res/73/187); one that names no recorded vote is said on the page, not a 404.
    const [eventA, eventB] = [
      a.trim() ? await findVoteEvent(deps.db, voteEventIdParam(a)) : undefined,
      b.trim() ? await findVoteEvent(deps.db, voteEventIdParam(b)) : undefined,
    ];
    const unknown = [eventA === null ? a : null, eventB === null ? b : null].filter((x): x is string => x !== null);
    const comparison = eventA && eventB ? await compareVoteEvents(deps.db, eventA.id, eventB.id) : null;
    return c.html(
      <Layout
        title={
          comparison
            ? `Compare ${voteEventLabel(comparison.a)} and ${voteEventLabel(comparison.b)}`
            : "Compare two votes"
        }
        path="/votes"
      >
        <h1>Compare two votes</h1>
        <form class="filters" method="get" action="/votes/compare">
          <label>
            First vote <input name="a" value={a} placeholder="73/187 or A/RES/73/187" required />
          </label>
          <label>
            Second vote <input name="b" value={b} placeholder="74/247 or A/RES/74/247" required />
          </label>
          <button type="submit">Compare</button>
        </form>
        {unknown.length ? (
          <p class="error" role="alert">
            {unknownVoteMessage(unknown)}
          </p>
        ) : null}
        <p class="note">
          A symbol in full (A/RES/73/187) or short (73/187), in either order: the earlier vote comes first.
        </p>
        {comparison ? <VoteComparisonView comparison={comparison} /> : null}
      </Layout>,
    );
  });

  app.get("/:id{.+}", async (c) => {
    const id = decodeURIComponent(c.req.param("id"));
    const detail = await getVoteEventDetail(deps.db, id);
    const series = await findVoteSeries(deps.db, detail.event.id);
    const voters = new Map((await listVotersCached(deps.db)).map((v) => [v.code, v]));
    const e = detail.event;
    const name = voteEventLabel(e);
    // What the voted symbol and the symbols its title and description name link to (issue 17).
    const symbols = [...(e.symbol ? [e.symbol] : []), ...symbolsToLookUp([e.title, e.description])];
    const links = await findLinkTargets(deps.db, symbols);
    const mapVoters = detail.positions.map((p) => ({
      ...p,
      latitude: voters.get(p.code)?.latitude ?? null,
      longitude: voters.get(p.code)?.longitude ?? null,
    }));
    return c.html(
      <Layout
        title={`Vote on ${name}`}
        path="/votes"
        description={`${name}: recorded vote of ${e.date}, per State, with map and breakdowns`}
        shareImage={shareImageFor(deps, "votes", e.id, `How each State voted on ${name}, on the world map`)}
      >
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/votes">Votes</a> › {name}
        </nav>
        <h1>{name}</h1>
        <p class="lede">{e.title ? <LinkedText text={e.title} links={links} /> : "Untitled"}</p>
        <dl class="facts">
          <dt>Date</dt>
          <dd>{e.date}</dd>
          <dt>Session</dt>
          <dd>
            {e.session}
            {e.specialSession ? ` (${e.specialSession})` : ""}
          </dd>
          <dt>Body</dt>
          <dd>{e.body}</dd>
          <dt>UN symbol</dt>
          <dd>{e.symbol ?? "none known (the source's code is not a UN symbol)"}</dd>
          {e.voetenRcid ? (
            <>
              <dt>Source identifier</dt>
              <dd>{`Voeten roll call ${e.voetenRcid}${e.sourceSymbol ? `, code ${e.sourceSymbol} as given` : ""}`}</dd>
            </>
          ) : null}
          <dt>Motion</dt>
          <dd>
            {isDecisionVote(e)
              ? "decision"
              : e.motionKind === "unspecified"
                ? "not specified by the source"
                : e.motionKind}
          </dd>
          {e.cyberTopic ? (
            <>
              <dt>Cyber topic</dt>
              <dd>{RESOLUTION_TOPIC_LABELS[e.cyberTopic]}</dd>
            </>
          ) : null}
          {e.crossCheck ? (
            <>
              <dt>Cross-check</dt>
              <dd>{`Voeten roll call ${e.crossCheck.voetenRcid}: ${e.crossCheck.compared} States compared, ${e.crossCheck.disagreements.length} disagreements`}</dd>
            </>
          ) : null}
        </dl>
        <VoteRecordLinks symbol={e.symbol} description={e.description} links={links} />
        {series ? <SeriesNav series={series} current={e.id} /> : null}
        <Totals event={e} />
        <AbsenceNote event={e} />
        <p>
          <a href={`/api/v1/votes/${voteEventPath(e.id)}.csv`} download>
            Download the votes as CSV
          </a>{" "}
          · <a href={`/votes/compare?a=${encodeURIComponent(e.id)}`}>Compare with another vote</a>
        </p>
        {/* The map across the page, then the State table (a box of its own that scrolls, its header row kept in
            view) beside the tallies by group, under each other on a narrow screen. */}
        <WorldMap voters={mapVoters} caption={`How each State voted on ${name}`} />
        <div class="vote-tables">
          <TableScroll label={`Vote of each State (${detail.positions.length})`} class="vote-table-scroll">
            <table class="data vote-table" id="vote-table">
              <caption>Vote of each State ({detail.positions.length})</caption>
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col">Regional group</th>
                  <th scope="col">Vote</th>
                </tr>
              </thead>
              <tbody>
                {detail.positions.map((p) => (
                  <tr data-vote={p.vote}>
                    <th scope="row">{p.stateIso3 ? <a href={`/states/${p.stateIso3}/votes`}>{p.name}</a> : p.name}</th>
                    <td>{p.unRegionalGroup ? UN_REGIONAL_GROUP_LABELS[p.unRegionalGroup] : "—"}</td>
                    <td class={`vote-cell vote-${p.vote}`}>{VOTE_LABELS[p.vote]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div class="vote-tallies">
            <TallyTable
              caption="By UN regional group"
              rows={detail.byRegionalGroup}
              hasAbsences={isAbsenceRecorded(e)}
            />
            <TallyTable
              caption={`By organisation: members on ${e.date} where the source dates membership, else today's members`}
              rows={detail.byOrganization}
              hasAbsences={isAbsenceRecorded(e)}
            />
          </div>
        </div>
        {e.sponsors.length ? (
          <section aria-labelledby="sponsors-heading">
            <h2 id="sponsors-heading">Sponsors ({e.sponsors.length})</h2>
            <ul class="columns">
              {e.sponsors.map((s) => (
                <li>
                  {s.code ? <a href={`/states/${s.code}`}>{s.name}</a> : s.name}
                  {s.isAdditional ? " (additional)" : ""}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section class="sources" aria-labelledby="sources-heading">
          <h2 id="sources-heading">Sources</h2>
          <ul>
            {e.sourceIds.includes("dataset:unxml-ga-resolutions") ? (
              <li>
                Source: United Nations, DGACM machine-readable GA resolutions (UNxml/GAresolutions); acknowledge the
                United Nations as the source.
              </li>
            ) : null}
            {e.sourceIds.includes("dataset:voeten-unvotes") ? (
              <li>
                Erik Voeten, United Nations General Assembly Voting Data (via unvotes), CC0
                {e.voetenRcid ? `, roll call ${e.voetenRcid}` : ""}.
              </li>
            ) : null}
            {e.reportedBy === "fact-base" ? (
              <li>Reported totals: Normwatch cyber fact base, which cites the official record of {e.symbol}.</li>
            ) : null}
          </ul>
        </section>
      </Layout>,
    );
  });
  return app;
}
