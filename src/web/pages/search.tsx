// The search page: a form with filters, ranked paragraphs with safely highlighted snippets and permalinks, pagination.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { runSearch, type SearchAnswer } from "../../http/search-answer.js";
import type { Snippet } from "../../domain/search.js";
import { paragraphPermalink } from "../../domain/documents.js";
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from "../../domain/vocabulary.js";
import { z } from "zod";
import { CorpusLoadingNotice, loadCorpusStatus } from "../components/corpus-status.js";
import { followHref } from "../components/updates.js";
import { Layout } from "../layout.js";

const PER_PAGE = 20;
const blank = z.literal("").transform(() => undefined);
const SearchQuery = z.object({
  q: z.string().max(500, "the query is too long: use at most 500 characters").default(""),
  page: z.union([z.literal("").transform(() => 1), z.coerce.number().int().min(1).max(10_000)]).default(1),
  type: z.enum(DOCUMENT_TYPES).optional().or(blank),
  process: z.string().max(80).optional().or(blank),
  session: z.coerce.number().int().min(1).max(200).optional().or(blank),
  from: z.iso.date("a date like 2021-01-31").optional().or(blank),
  to: z.iso.date("a date like 2021-12-31").optional().or(blank),
  language: z.string().regex(/^[a-z]{2,3}$/).optional().or(blank),
  state: z.string().regex(/^[A-Za-z]{3}$/, "an ISO3 code such as VNM").transform((s) => s.toUpperCase()).optional().or(blank),
  norm: z.string().max(40).optional().or(blank),
  norm_topics: z.enum(["true", "false"]).optional().or(blank),
});

export function searchPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const raw = c.req.query();
    const parsed = SearchQuery.safeParse(raw);
    // Bad filters are answered on the page with the reason, never with an error page.
    const problem = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    const q = parsed.success ? parsed.data : null;
    const answer: SearchAnswer | null = q
      ? await runSearch(deps.db, q.q, { type: q.type, processId: q.process, gaSession: q.session, dateFrom: q.from, dateTo: q.to, language: q.language, state: q.state, norm: q.norm, normTopics: q.norm_topics === "true" }, { limit: PER_PAGE, offset: (q.page - 1) * PER_PAGE })
      : null;
    const corpus = await loadCorpusStatus(deps.db);
    const pages = answer ? Math.max(1, Math.ceil(answer.total / PER_PAGE)) : 1;
    const pageLink = (page: number) => `/search?${new URLSearchParams({ ...raw, page: String(page) })}`;
    return c.html(
      <Layout title={raw["q"] ? `Search: ${raw["q"]}` : "Search"} path="/search" description="Full-text search over every paragraph of every stored UN document" islands={["search-suggest"]}>
        <h1>Search documents</h1>
        <form class="filters search-form" method="get" action="/search" role="search" aria-label="Search paragraphs" data-suggest="">
          <label class="search-query">
            Words or "a phrase"
            <input type="search" name="q" value={raw["q"] ?? ""} maxlength={500} placeholder='e.g. "critical infrastructure" -terrorist' />
          </label>
          <label>
            Type
            <select name="type">
              <option value="">All types</option>
              {DOCUMENT_TYPES.map((t) => <option value={t} selected={raw["type"] === t}>{DOCUMENT_TYPE_LABELS[t]}</option>)}
            </select>
          </label>
          <label>GA session <input type="number" name="session" min="1" max="200" value={raw["session"] ?? ""} /></label>
          <label>From <input type="date" name="from" value={raw["from"] ?? ""} /></label>
          <label>To <input type="date" name="to" value={raw["to"] ?? ""} /></label>
          <label>State (ISO3) <input type="text" name="state" size={4} maxlength={3} value={raw["state"] ?? ""} /></label>
          <label>Norm <input type="text" name="norm" size={4} maxlength={10} placeholder="13c" value={raw["norm"] ?? ""} /></label>
          <button type="submit">Search</button>
        </form>
        <div id="search-suggestions" class="search-suggestions" aria-live="polite" />
        {problem ? <p role="alert" class="notice">Please check the filters: {problem}</p> : null}
        <CorpusLoadingNotice status={corpus} />
        {answer ? (
          <>
            <p role="status">{answer.message ?? `${answer.total} paragraph${answer.total === 1 ? "" : "s"} match “${answer.query}”`}</p>
            {answer.isEmptyQuery ? null : <p><a href={followHref("search", answer.query)}>Email alerts when new paragraphs match “{answer.query}”</a></p>}
            <ol class="search-results" start={(q!.page - 1) * PER_PAGE + 1}>
              {answer.hits.map((h) => (
                <li class="search-hit">
                  <a class="search-hit-link" href={paragraphPermalink(h.slug, h.anchor)}>{h.symbol ?? h.slug}, {h.label}</a>
                  <span class="muted"> — {h.title}{h.date ? ` (${h.date})` : ""}</span>
                  <p class="snippet"><SnippetText snippet={h.snippet} /></p>
                </li>
              ))}
            </ol>
            {pages > 1 ? (
              <nav aria-label="Result pages" class="pager">
                {q!.page > 1 ? <a href={pageLink(q!.page - 1)} rel="prev">Previous</a> : null}
                <span> Page {q!.page} of {pages} </span>
                {q!.page < pages ? <a href={pageLink(q!.page + 1)} rel="next">Next</a> : null}
              </nav>
            ) : null}
          </>
        ) : null}
      </Layout>,
    );
  });
  return app;
}

/** Highlights as <mark> elements built from plain text segments: the text is escaped like any other JSX text. */
function SnippetText({ snippet }: { snippet: Snippet }) {
  return <>{snippet.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}</>;
}
