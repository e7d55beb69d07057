// Resolution pages: the table of GA resolutions and decisions, and one resolution (the symbol is the rest of the path).
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../http/deps.js";
import { getResolutionDetail, listResolutions } from "../../db/resolutions.js";
import { InvalidInputError } from "../../domain/errors.js";
import { symbolPath, type ResolutionDetail } from "../../domain/resolution.js";
import { findLinkTargets } from "../../db/link-targets.js";
import { documentPath } from "../../domain/documents.js";
import { symbolsToLookUp, type KnownLinkTargets } from "../../domain/text-links.js";
import { voteEventPath } from "../../domain/votes.js";
import { LinkedText } from "../components/linked-text.js";
import { PROCESS_KIND_LABELS, RESOLUTION_TOPIC_LABELS, RESOLUTION_TOPICS } from "../../domain/vocabulary.js";
import { DateText } from "../components/partial-date.js";
import { AdoptionText, ResolutionLink } from "../components/resolution-link.js";
import { SourceList } from "../components/sources.js";
import { RecordEditorialLinks } from "../components/history.js";
import { RecordUpdates } from "../components/updates.js";
import { listUpdates } from "../../db/updates.js";
import type { Update } from "../../domain/updates.js";
import { listTreatyStatusesFor } from "../../db/international-law.js";
import type { Treaty, TreatyAction } from "../../domain/international-law.js";
import { TreatyStatusSection } from "../components/international-law.js";
import { Layout } from "../layout.js";
import { blank } from "../../http/query-fields.js";
import { parseSymbolParam } from "../../http/symbol-param.js";

const ListQuery = z.object({
  topic: z.enum(RESOLUTION_TOPICS).optional().or(blank),
  session: z.union([blank, z.coerce.number().int().min(1).max(200)]).optional(),
});

function parseQuery(query: Record<string, string>) {
  const parsed = ListQuery.safeParse(query);
  if (!parsed.success)
    throw new InvalidInputError(
      "invalid filter",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return parsed.data;
}

const day = (iso: string | null) =>
  iso ? <DateText value={{ date: iso, precision: "day" }} /> : <span class="muted">not known</span>;

/** The symbol from the raw path: everything after /resolutions/, percent-decoded (so "decision%2074/567" works). */
function symbolFromUrl(url: string): string {
  const raw = new URL(url).pathname.replace(/^\/resolutions\//, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new InvalidInputError(`not a valid symbol: ${raw}`);
  }
}

export function resolutionsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const query = parseQuery(c.req.query());
    const { items, total } = await listResolutions(deps.db, { topic: query.topic, gaSession: query.session });
    const links = await findLinkTargets(deps.db, symbolsToLookUp(items.map((r) => r.title)));
    return c.html(
      <Layout
        title="Resolutions"
        path="/resolutions"
        description="General Assembly resolutions and decisions on ICTs in international security and on cybercrime since 1998"
      >
        <h1>Resolutions</h1>
        <p class="lede">
          General Assembly resolutions and decisions on ICTs in international security and on cybercrime, in order of
          adoption.
        </p>
        <form class="filters" method="get" action="/resolutions" role="search" aria-label="Filter resolutions">
          <label>
            Topic
            <select name="topic">
              <option value="">All topics</option>
              {RESOLUTION_TOPICS.map((t) => (
                <option value={t} selected={query.topic === t}>
                  {RESOLUTION_TOPIC_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            GA session{" "}
            <input type="number" name="session" min="1" max="200" value={query.session ? String(query.session) : ""} />
          </label>
          <button type="submit">Filter</button>
        </form>
        <p role="status">{total} resolutions and decisions</p>
        <table class="data" id="resolutions-table">
          <caption class="visually-hidden">Resolutions matching the filter</caption>
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Adopted</th>
              <th scope="col">Title</th>
              <th scope="col">Committee</th>
              <th scope="col">Adoption (yes–no–abstain)</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr>
                <th scope="row">
                  <ResolutionLink symbol={r.symbol} />
                </th>
                <td>{day(r.adoptedOn)}</td>
                <td>{r.title ? <LinkedText text={r.title} links={links} /> : <span class="muted">—</span>}</td>
                <td>{r.committee ?? <span class="muted">—</span>}</td>
                <td>
                  <AdoptionText resolution={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });
  app.get("/*", async (c) => {
    // The symbol however written (/resolutions/73/187, /resolutions/a/res/73/187) is the resolution's own.
    const typed = symbolFromUrl(c.req.url);
    const detail = await getResolutionDetail(deps.db, parseSymbolParam(typed) ?? typed);
    const updates = await listUpdates(deps.db, { link: { kind: "resolution", id: detail.resolution.symbol } }, 10);
    const treaties = await listTreatyStatusesFor(deps.db, { resolutionSymbol: detail.resolution.symbol });
    const r = detail.resolution;
    const texts = [r.title, r.summary, ...updates.map((u) => u.bodyMarkdown)];
    const links = await findLinkTargets(deps.db, [r.symbol, ...symbolsToLookUp(texts)]);
    return c.html(<ResolutionPage detail={detail} updates={updates} treaties={treaties} links={links} />);
  });
  return app;
}

function ResolutionPage({
  detail,
  updates,
  treaties,
  links,
}: {
  detail: ResolutionDetail;
  updates: Update[];
  treaties: { treaty: Treaty; actions: TreatyAction[] }[];
  links: KnownLinkTargets;
}) {
  const { resolution: r, processes, sources } = detail;
  const here = `/resolutions/${symbolPath(r.symbol)}`;
  const votes = links.votes.get(r.symbol) ?? [];
  const text = links.documents.get(r.symbol);
  return (
    <Layout title={r.symbol} path="/resolutions" description={`${r.symbol}${r.title ? `: ${r.title}` : ""}`}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/resolutions">Resolutions</a> › {r.symbol}
      </nav>
      <h1>{r.symbol}</h1>
      {r.title ? (
        <p class="lede">
          <LinkedText text={r.title} links={links} currentHref={here} />
        </p>
      ) : null}
      <dl class="facts">
        <dt>Type</dt>
        <dd>
          {r.recordType === "decision" ? "Decision" : "Resolution"} — {RESOLUTION_TOPIC_LABELS[r.topic]}
        </dd>
        <dt>GA session</dt>
        <dd>{r.gaSession ?? <span class="muted">not known</span>}</dd>
        <dt>Adopted</dt>
        <dd>{day(r.adoptedOn)}</dd>
        <dt>Committee</dt>
        <dd>{r.committee ?? <span class="muted">—</span>}</dd>
        <dt>Adoption</dt>
        <dd>
          <AdoptionText resolution={r} />
          {r.adoptionNote && r.adoptionNote !== "recorded vote" && r.adoptionNote !== "without a vote" ? (
            <span class="muted"> ({r.adoptionNote})</span>
          ) : null}
        </dd>
        {r.yes !== null && r.no !== null && r.abstain !== null ? (
          <>
            <dt>Totals</dt>
            <dd>
              {r.yes} in favour, {r.no} against, {r.abstain} abstentions
            </dd>
          </>
        ) : null}
        <dt>First Committee vote</dt>
        <dd>{r.firstCommitteeVote ?? <span class="muted">not recorded</span>}</dd>
      </dl>
      {votes.length || text ? (
        <ul class="plain record-links">
          {votes.map((id) => (
            <li>
              <a href={`/votes/${voteEventPath(id)}`}>
                {id === r.symbol
                  ? `How each State voted on ${r.symbol}`
                  : id.startsWith("RC-")
                    ? `Recorded vote (roll call ${id.slice(3)})`
                    : `Recorded vote ${id}`}
              </a>
            </li>
          ))}
          {text ? (
            <li>
              <a href={documentPath(text)}>The text of {r.symbol}</a>, paragraph by paragraph
            </li>
          ) : null}
        </ul>
      ) : null}
      {r.summary ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">What it does</h2>
          <p>
            <LinkedText text={r.summary} links={links} currentHref={here} />
          </p>
        </section>
      ) : null}
      {processes.length ? (
        <section aria-labelledby="processes-heading">
          <h2 id="processes-heading">Processes</h2>
          <ul class="plain">
            {processes.map((p) => (
              <li>
                <a href={`/processes/${p.processId}`}>{p.shortName}</a> — {p.relation} ({PROCESS_KIND_LABELS[p.kind]})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <TreatyStatusSection statuses={treaties} />
      {updates.length ? <RecordUpdates updates={updates} links={links} /> : null}
      <SourceList sources={sources} compilerNote={{ notes: r.notes, confidence: r.confidence }} />
      <RecordEditorialLinks kind="resolution" id={r.symbol} />
    </Layout>
  );
}
