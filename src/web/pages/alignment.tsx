// Alignment page: pair lookup, group cohesion with "voted against its group", and the Member State heatmap in bloc order.
import { Hono } from "hono";
import { z } from "zod";
import {
  computeBlocAgreement,
  findMajorBlocs,
  rankBetweenBlocs,
  type BetweenBlocsRow,
  type BlocPartition,
} from "../../analysis/alignment-blocs.js";
import {
  checkSessionRange,
  getGroupAnalysis,
  getMemberMatrix,
  getPairAgreement,
  type MemberMatrix,
} from "../../analysis/alignment-queries.js";
import type { EventSelection } from "../../analysis/alignment.js";
import type { AppDeps } from "../../http/deps.js";
import { resolveStateFields, STATE_PARAM_MAX_LENGTH } from "../../http/state-param.js";
import { UnknownStateNotice } from "../components/forms.js";
import { InvalidInputError, NotFoundError } from "../../domain/errors.js";
import { voteEventPath } from "../../domain/votes.js";
import { UN_REGIONAL_GROUP_LABELS, UN_REGIONAL_GROUPS } from "../../domain/vocabulary.js";
import { Layout } from "../layout.js";
import { BREAKDOWN_ORGANIZATIONS, listVotersCached } from "../../analysis/vote-event-detail.js";
import { VOTE_LABELS } from "../components/world-map.js";
import { blank } from "../../http/query-fields.js";

const session = z.coerce.number().int().min(1).max(200).optional().or(blank);
const Query = z.object({
  scope: z.enum(["all", "cyber"]).default("cyber"),
  session_from: session,
  session_to: session,
  /** Names or codes; one that matches no State is said on the page. */
  a: z.string().trim().optional().or(blank),
  b: z.string().trim().optional().or(blank),
  group: z.string().max(40).optional().or(blank),
});

const CELL = 3;
const BUCKETS = 10;
const SHOWN_BETWEEN = 40;

function percent(v: number | null): string {
  return v === null ? "—" : `${(v * 100).toFixed(0)} %`;
}

/** The colour scale: one swatch per tenth of agreement, and the colour of pairs without a shared vote. */
function HeatmapLegend() {
  return (
    <ul class="heatmap-legend" aria-label="Colour scale">
      {Array.from({ length: BUCKETS }, (_, b) => (
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" class={`agree-${b}`} />
          </svg>{" "}
          {b * 10}–{b === BUCKETS - 1 ? 100 : b * 10 + 10} %
        </li>
      ))}
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <rect width="14" height="14" class="agree-none" stroke="#767676" />
        </svg>{" "}
        no shared vote
      </li>
    </ul>
  );
}

/**
 * The matrix as an SVG heatmap: one path per colour bucket keeps 37,000 cells small; each major bloc is outlined and
 * lettered on both axes, and each row carries its State's name as a tooltip.
 */
function Heatmap(props: { m: MemberMatrix; partition: BlocPartition }) {
  const { matrix, clustering, names } = props.m;
  const { blocs, blocOf } = props.partition;
  const n = matrix.codes.length;
  const order = clustering.order;
  const paths = Array.from({ length: BUCKETS + 1 }, () => [] as string[]);
  order.forEach((i, row) => {
    order.forEach((j, col) => {
      const v = matrix.values[i * n + j]!;
      const bucket = Number.isNaN(v) ? BUCKETS : Math.min(BUCKETS - 1, Math.floor(v * BUCKETS));
      paths[bucket]!.push(`M${col * CELL} ${row * CELL}h${CELL}v${CELL}h-${CELL}z`);
    });
  });
  const size = n * CELL;
  const margin = 16;
  const spans = blocs.map((b) => {
    const rows = b.members.map((i) => order.indexOf(i));
    return { bloc: b, from: Math.min(...rows), to: Math.max(...rows) + 1 };
  });
  return (
    <figure class="heatmap">
      <svg
        viewBox={`-${margin} -${margin} ${size + margin} ${size + margin}`}
        width={size + margin}
        height={size + margin}
        role="img"
        aria-labelledby="heatmap-caption"
        xmlns="http://www.w3.org/2000/svg"
      >
        {paths.map((d, b) =>
          d.length ? <path d={d.join("")} class={b === BUCKETS ? "agree-none" : `agree-${b}`} /> : null,
        )}
        {spans.map((s) => (
          <g class="bloc-span">
            <rect
              x={s.from * CELL}
              y={s.from * CELL}
              width={(s.to - s.from) * CELL}
              height={(s.to - s.from) * CELL}
              fill="none"
              stroke="#d95f02"
              stroke-width="1.5"
            />
            <text x={((s.from + s.to) / 2) * CELL} y={-4} text-anchor="middle" font-size="11">
              {s.bloc.letter}
            </text>
            <text x={-4} y={((s.from + s.to) / 2) * CELL + 4} text-anchor="end" font-size="11">
              {s.bloc.letter}
            </text>
          </g>
        ))}
        {order.map((i, row) => (
          <rect x={0} y={row * CELL} width={size} height={CELL} fill="transparent">
            <title>{`${names[i]}${blocOf[i]! >= 0 ? ` (bloc ${blocs[blocOf[i]!]!.letter})` : " (no bloc)"}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption id="heatmap-caption">
        Agreement of the {n} Member States with each other, rows and columns in the same dendrogram order (average
        linkage on 1 − agreement), darker = more agreement; the major blocs are outlined and lettered. The blocs and
        their members are listed as tables below; the whole matrix is available as{" "}
        <a href={`/api/v1/alignment/matrix?format=csv&scope=${props.m.scope.isCyberOnly ? "cyber" : "all"}`}>CSV</a>.
      </figcaption>
      <HeatmapLegend />
    </figure>
  );
}

/** The blocs as a table: name, size, cohesion and agreement with each other bloc, then the members. */
function BlocTables(props: { m: MemberMatrix; partition: BlocPartition; between: (number | null)[][] }) {
  const { blocs, blocOf } = props.partition;
  const { names, clustering } = props.m;
  const unassigned = clustering.order.filter((i) => blocOf[i] === -1);
  return (
    <>
      <table class="data">
        <caption>Major blocs: mean agreement within each bloc (diagonal) and between blocs</caption>
        <thead>
          <tr>
            <th scope="col">Bloc</th>
            <th scope="col" class="num">
              States
            </th>
            {blocs.map((b) => (
              <th scope="col" class="num">
                with {b.letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {blocs.map((b, x) => (
            <tr>
              <th scope="row">
                {b.letter}: {b.name}
              </th>
              <td class="num">{b.members.length}</td>
              {props.between[x]!.map((v) => (
                <td class="num">{percent(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="blocs">
        {blocs.map((b) => (
          <li>
            <strong>
              Bloc {b.letter} ({b.members.length}):
            </strong>{" "}
            {b.members.map((i) => names[i]!).join(", ")}
          </li>
        ))}
        {unassigned.length ? (
          <li>
            <strong>In no major bloc ({unassigned.length}):</strong> {unassigned.map((i) => names[i]!).join(", ")}
          </li>
        ) : null}
      </ul>
    </>
  );
}

/** States ranked by how evenly they agree with the two blocs they are closest to. */
function BetweenBlocs(props: { rows: BetweenBlocsRow[]; partition: BlocPartition }) {
  const { blocs } = props.partition;
  if (blocs.length < 2) return <p>Fewer than two major blocs in this selection: no State can be between them.</p>;
  return (
    <>
      <p class="bloc-key">
        {blocs.map((b, i) => (
          <>
            {i ? " · " : ""}
            <strong>Bloc {b.letter}</strong> {b.name} ({b.members.length} States)
          </>
        ))}
      </p>
      <table class="data">
        <caption>
          The {Math.min(SHOWN_BETWEEN, props.rows.length)} States closest to two blocs at once: mean agreement with each
          bloc's members; gap = closest bloc minus the next
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              Rank
            </th>
            <th scope="col">State</th>
            <th scope="col">Own bloc</th>
            {blocs.map((b) => (
              <th scope="col" class="num">
                Bloc {b.letter}
              </th>
            ))}
            <th scope="col" class="num">
              Gap
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.slice(0, SHOWN_BETWEEN).map((r, rank) => (
            <tr>
              <td class="num">{rank + 1}</td>
              <th scope="row">
                <a href={`/states/${r.code}/votes`}>{r.name}</a>
              </th>
              <td>{r.bloc >= 0 ? blocs[r.bloc]!.letter : "none"}</td>
              {r.agreements.map((a) => (
                <td class="num">{percent(a)}</td>
              ))}
              <td class="num">{(r.gap * 100).toFixed(1)} pts</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function alignmentPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const parsed = Query.safeParse(c.req.query());
    if (!parsed.success)
      throw new InvalidInputError(
        "invalid parameters",
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    const q = parsed.data;
    // A period typed backwards (from 80 to 70) is read the right way round and said beside the form, not a bare 400.
    const reversed = q.session_from !== undefined && q.session_to !== undefined && q.session_from > q.session_to;
    if (reversed) [q.session_from, q.session_to] = [q.session_to, q.session_from];
    checkSessionRange(q.session_from, q.session_to);
    const selection: EventSelection = {
      isCyberOnly: q.scope === "cyber",
      sessionFrom: q.session_from,
      sessionTo: q.session_to,
    };
    // A State by code or name (France, fra, FRA); an unknown one is said on the page, not a bare 400.
    const {
      codes: [codeA, codeB],
      unknown,
    } = await resolveStateFields(deps.db, [q.a, q.b]);
    // An observer State (Holy See, Palestine) has no recorded votes: said on the page, not a 404.
    const pair =
      codeA && codeB
        ? await getPairAgreement(deps.db, codeA, codeB, selection).catch((error: unknown) => {
            if (error instanceof NotFoundError) return null;
            throw error;
          })
        : null;
    const group = q.group ? await getGroupAnalysis(deps.db, q.group.toUpperCase(), selection) : null;
    const matrix = await getMemberMatrix(deps.db, selection);
    const groupOf = new Map(
      (await listVotersCached(deps.db)).map((v) => [
        v.code,
        v.unRegionalGroup ? UN_REGIONAL_GROUP_LABELS[v.unRegionalGroup] : null,
      ]),
    );
    const partition = findMajorBlocs(
      matrix.matrix,
      matrix.clustering,
      matrix.names,
      matrix.matrix.codes.map((c) => groupOf.get(c) ?? null),
    );
    const between = rankBetweenBlocs(matrix.matrix, partition, matrix.names);
    const nameOf = (code: string) => matrix.names[matrix.matrix.codes.indexOf(code)] ?? code;
    return c.html(
      <Layout title="Voting alignment" path="/alignment">
        <h1>Voting alignment</h1>
        <p>
          Agreement index of two States = (same votes + ½ × votes where one abstained and the other voted yes or no) ÷
          votes where both voted yes, no or abstain. Yes against no counts 0; votes where either was absent or not a
          member are left out. {matrix.scope.eventCount} vote events selected.
        </p>
        <form class="filters" method="get" action="/alignment">
          <label>
            Votes{" "}
            <select name="scope">
              <option value="cyber" selected={q.scope === "cyber"}>
                Cyber votes only
              </option>
              <option value="all" selected={q.scope === "all"}>
                All recorded votes
              </option>
            </select>
          </label>
          <label>
            From session{" "}
            <input
              type="number"
              name="session_from"
              min="1"
              max="200"
              value={q.session_from ? String(q.session_from) : ""}
            />
          </label>
          <label>
            To session{" "}
            <input type="number" name="session_to" min="1" max="200" value={q.session_to ? String(q.session_to) : ""} />
          </label>
          <label>
            State{" "}
            <input
              name="a"
              value={q.a ?? ""}
              placeholder="Brazil or BRA"
              size={12}
              maxlength={STATE_PARAM_MAX_LENGTH}
            />
          </label>
          <label>
            and State{" "}
            <input name="b" value={q.b ?? ""} placeholder="China or CHN" size={12} maxlength={STATE_PARAM_MAX_LENGTH} />
          </label>
          <label>
            Group
            <select name="group">
              <option value="">—</option>
              {UN_REGIONAL_GROUPS.map((g) => (
                <option value={g} selected={q.group === g}>
                  {UN_REGIONAL_GROUP_LABELS[g]}
                </option>
              ))}
              {BREAKDOWN_ORGANIZATIONS.map((o) => (
                <option value={o} selected={q.group === o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Show</button>
        </form>
        <UnknownStateNotice inputs={unknown} />
        {reversed ? (
          <p class="note" role="status">
            The sessions were given last first: shown from session {q.session_from} to session {q.session_to}.
          </p>
        ) : null}
        {q.a && !q.b && codeA ? (
          <p class="note">
            Give a second State to compare {nameOf(codeA)} with, or see{" "}
            <a href={`/states/${codeA}/votes`}>its agreement with every State</a>.
          </p>
        ) : null}
        {codeA && codeB && !pair ? (
          <p class="error" role="alert">
            No recorded General Assembly votes for {nameOf(codeA)} or {nameOf(codeB)}: observer States do not vote.
          </p>
        ) : null}
        {pair ? (
          <section aria-labelledby="pair-heading">
            <h2 id="pair-heading">
              {nameOf(pair.a)} and {nameOf(pair.b)}
            </h2>
            <p class="pair-result">
              {pair.agreement === null
                ? "No vote in common in this selection."
                : `Agreement ${(pair.agreement * 100).toFixed(1)} % over ${pair.events} votes: ${pair.same} same, ${pair.half} with one abstention, ${pair.opposite} opposite.`}
            </p>
          </section>
        ) : null}
        <section aria-labelledby="between-heading">
          <h2 id="between-heading">Between the blocs</h2>
          <p>
            Blocs are the {partition.blocs.length} largest clusters of States that vote alike over the selected{" "}
            {matrix.scope.eventCount} votes
            {q.scope === "cyber" ? " on cyber resolutions" : ""}
            {q.session_from || q.session_to ? ` (sessions ${q.session_from ?? "1"}–${q.session_to ?? "latest"})` : ""}.
            A State is between two blocs when its agreement with both is nearly the same. Change the period above to see
            how this shifts.
          </p>
          <BetweenBlocs rows={between} partition={partition} />
        </section>
        {group ? (
          <section aria-labelledby="group-heading">
            <h2 id="group-heading">{group.name}: cohesion</h2>
            <p>
              {group.cohesion.cohesion === null
                ? "No pair of members voted together in this selection."
                : `Mean agreement of its ${group.cohesion.members.length} members: ${(group.cohesion.cohesion * 100).toFixed(1)} %.`}
            </p>
            <table class="data">
              <caption>Voted against the group's majority ({group.defections.length}; latest 200 shown)</caption>
              <thead>
                <tr>
                  <th scope="col">Vote</th>
                  <th scope="col">Date</th>
                  <th scope="col">State</th>
                  <th scope="col">Its vote</th>
                  <th scope="col">Group majority</th>
                </tr>
              </thead>
              <tbody>
                {group.defections.slice(0, 200).map((d) => (
                  <tr>
                    <th scope="row">
                      <a href={`/votes/${voteEventPath(d.eventId)}`}>{d.eventId}</a>
                    </th>
                    <td>{d.date}</td>
                    <td>
                      <a href={`/states/${d.voter}/votes`}>{d.voter}</a>
                    </td>
                    <td>{VOTE_LABELS[d.vote]}</td>
                    <td>{VOTE_LABELS[d.groupMajority]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <section aria-labelledby="matrix-heading">
          <h2 id="matrix-heading">Blocs and heatmap</h2>
          <BlocTables m={matrix} partition={partition} between={computeBlocAgreement(matrix.matrix, partition)} />
          <Heatmap m={matrix} partition={partition} />
        </section>
      </Layout>,
    );
  });
  return app;
}
