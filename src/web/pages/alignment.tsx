// Alignment page: pair lookup, group cohesion with "voted against its group", and the Member State heatmap in bloc order.
import { Hono } from "hono";
import { z } from "zod";
import { checkSessionRange, getGroupAnalysis, getMemberMatrix, getPairAgreement, type MemberMatrix } from "../../analysis/alignment-queries.js";
import type { EventSelection } from "../../analysis/alignment.js";
import type { AppDeps } from "../../http/deps.js";
import { InvalidInputError } from "../../domain/errors.js";
import { voteEventPath } from "../../domain/votes.js";
import { UN_REGIONAL_GROUP_LABELS, UN_REGIONAL_GROUPS } from "../../domain/vocabulary.js";
import { Layout } from "../layout.js";
import { BREAKDOWN_ORGANIZATIONS } from "../../analysis/vote-event-detail.js";
import { VOTE_LABELS } from "../components/world-map.js";

const session = z.coerce.number().int().min(1).max(200).optional().or(z.literal("").transform(() => undefined));
const Query = z.object({
  scope: z.enum(["all", "cyber"]).default("cyber"),
  session_from: session,
  session_to: session,
  a: z.string().regex(/^[A-Za-z]{3}$/).optional().or(z.literal("").transform(() => undefined)),
  b: z.string().regex(/^[A-Za-z]{3}$/).optional().or(z.literal("").transform(() => undefined)),
  group: z.string().max(40).optional().or(z.literal("").transform(() => undefined)),
});

const CELL = 3;
const BUCKETS = 10;

/** The matrix as an SVG heatmap: one path per colour bucket keeps 37,000 cells to a few hundred kilobytes. */
function Heatmap(props: { m: MemberMatrix }) {
  const { matrix, clustering, blocs, names } = props.m;
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
  return (
    <figure class="heatmap">
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} role="img" aria-labelledby="heatmap-caption" xmlns="http://www.w3.org/2000/svg">
        {paths.map((d, b) => (d.length ? <path d={d.join("")} class={b === BUCKETS ? "agree-none" : `agree-${b}`} /> : null))}
      </svg>
      <figcaption id="heatmap-caption">
        Agreement of the {n} Member States with each other, rows and columns in dendrogram order (average linkage on 1 − agreement), darker = more agreement.
        The same matrix is available as <a href={`/api/v1/alignment/matrix?format=csv&scope=${props.m.scope.isCyberOnly ? "cyber" : "all"}`}>CSV</a>; blocs are listed below.
      </figcaption>
      <ol class="blocs">
        {[...new Set(order.map((i) => blocs[i]!))].map((bloc) => (
          <li>Bloc {bloc + 1}: {order.filter((i) => blocs[i] === bloc).map((i) => names[i]!).join(", ")}</li>
        ))}
      </ol>
    </figure>
  );
}

export function alignmentPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const parsed = Query.safeParse(c.req.query());
    if (!parsed.success) throw new InvalidInputError("invalid parameters", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    const q = parsed.data;
    checkSessionRange(q.session_from, q.session_to);
    const selection: EventSelection = { isCyberOnly: q.scope === "cyber", sessionFrom: q.session_from, sessionTo: q.session_to };
    const pair = q.a && q.b ? await getPairAgreement(deps.db, q.a, q.b, selection) : null;
    const group = q.group ? await getGroupAnalysis(deps.db, q.group.toUpperCase(), selection) : null;
    const matrix = await getMemberMatrix(deps.db, selection);
    return c.html(
      <Layout title="Voting alignment" path="/alignment">
        <h1>Voting alignment</h1>
        <p>
          Agreement index of two States = (same votes + ½ × votes where one abstained and the other voted yes or no) ÷ votes where both voted yes, no or abstain.
          Yes against no counts 0; votes where either was absent or not a member are left out. {matrix.scope.eventCount} vote events selected.
        </p>
        <form class="filters" method="get" action="/alignment">
          <label>Votes <select name="scope"><option value="cyber" selected={q.scope === "cyber"}>Cyber votes only</option><option value="all" selected={q.scope === "all"}>All recorded votes</option></select></label>
          <label>From session <input type="number" name="session_from" min="1" max="200" value={q.session_from ? String(q.session_from) : ""} /></label>
          <label>To session <input type="number" name="session_to" min="1" max="200" value={q.session_to ? String(q.session_to) : ""} /></label>
          <label>State <input name="a" value={q.a ?? ""} placeholder="USA" size={4} /></label>
          <label>and State <input name="b" value={q.b ?? ""} placeholder="CHN" size={4} /></label>
          <label>
            Group
            <select name="group">
              <option value="">—</option>
              {UN_REGIONAL_GROUPS.map((g) => <option value={g} selected={q.group === g}>{UN_REGIONAL_GROUP_LABELS[g]}</option>)}
              {BREAKDOWN_ORGANIZATIONS.map((o) => <option value={o} selected={q.group === o}>{o}</option>)}
            </select>
          </label>
          <button type="submit">Show</button>
        </form>
        {pair ? (
          <section aria-labelledby="pair-heading">
            <h2 id="pair-heading">{pair.a} and {pair.b}</h2>
            <p class="pair-result">
              {pair.agreement === null ? "No vote in common in this selection." : `Agreement ${(pair.agreement * 100).toFixed(1)} % over ${pair.events} votes: ${pair.same} same, ${pair.half} with one abstention, ${pair.opposite} opposite.`}
            </p>
          </section>
        ) : null}
        {group ? (
          <section aria-labelledby="group-heading">
            <h2 id="group-heading">{group.name}: cohesion</h2>
            <p>{group.cohesion.cohesion === null ? "No pair of members voted together in this selection." : `Mean agreement of its ${group.cohesion.members.length} members: ${(group.cohesion.cohesion * 100).toFixed(1)} %.`}</p>
            <table class="data">
              <caption>Voted against the group's majority ({group.defections.length}; latest 200 shown)</caption>
              <thead><tr><th scope="col">Vote</th><th scope="col">Date</th><th scope="col">State</th><th scope="col">Its vote</th><th scope="col">Group majority</th></tr></thead>
              <tbody>
                {group.defections.slice(0, 200).map((d) => (
                  <tr><th scope="row"><a href={`/votes/${voteEventPath(d.eventId)}`}>{d.eventId}</a></th><td>{d.date}</td><td><a href={`/states/${d.voter}/votes`}>{d.voter}</a></td><td>{VOTE_LABELS[d.vote]}</td><td>{VOTE_LABELS[d.groupMajority]}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <section aria-labelledby="matrix-heading">
          <h2 id="matrix-heading">Blocs and heatmap</h2>
          <Heatmap m={matrix} />
        </section>
      </Layout>,
    );
  });
  return app;
}
