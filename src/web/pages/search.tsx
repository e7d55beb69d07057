// The search page: a form with filters, ranked paragraphs with safely highlighted snippets and permalinks, pagination.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { runSearch, type SearchAnswer } from "../../http/search-answer.js";
import type { Snippet } from "../../domain/search.js";
import { languageName, paragraphPermalink, textDirectionOf, UN_LANGUAGES } from "../../domain/documents.js";
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from "../../domain/vocabulary.js";
import { PARAGRAPHS_PER_DOCUMENT, SearchFilterFields, searchFiltersOf } from "../../http/search-query.js";
import { z } from "zod";
import { CorpusLoadingNotice, loadCorpusStatus } from "../components/corpus-status.js";
import { followHref } from "../components/updates.js";
import { Pager } from "../components/pager.js";
import { Layout } from "../layout.js";

const PER_PAGE = 20;
const SearchQuery = z.object({
  ...SearchFilterFields,
  page: z.union([z.literal("").transform(() => 1), z.coerce.number().int().min(1).max(10_000)]).default(1),
});

export function searchPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const raw = c.req.query();
    const parsed = SearchQuery.safeParse(raw);
    // Bad filters are answered on the page with the reason, never with an error page.
    const problem = parsed.success
      ? null
      : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    const q = parsed.success ? parsed.data : null;
    const answer: SearchAnswer | null = q
      ? await runSearch(deps.db, q.q, searchFiltersOf(q), {
          limit: PER_PAGE,
          offset: (q.page - 1) * PER_PAGE,
          perDocument: q.group === "paragraph" ? undefined : PARAGRAPHS_PER_DOCUMENT,
        })
      : null;
    const corpus = await loadCorpusStatus(deps.db);
    const pages = answer ? Math.max(1, Math.ceil(answer.pageable / PER_PAGE)) : 1;
    const pageLink = (page: number) => `/search?${new URLSearchParams({ ...raw, page: String(page) })}`;
    return c.html(
      <Layout
        title={raw["q"] ? `Search: ${raw["q"]}` : "Search"}
        path="/search"
        description="Full-text search over every paragraph of every stored UN document"
        islands={["search-suggest"]}
      >
        <h1>Search documents</h1>
        <form
          class="filters search-form"
          method="get"
          action="/search"
          role="search"
          aria-label="Search paragraphs"
          data-suggest=""
        >
          <label class="search-query">
            Words or "a phrase"
            <input
              type="search"
              name="q"
              value={raw["q"] ?? ""}
              maxlength={500}
              placeholder='e.g. "critical infrastructure" -terrorist'
            />
          </label>
          <label>
            Type
            <select name="type">
              <option value="">All types</option>
              {DOCUMENT_TYPES.map((t) => (
                <option value={t} selected={raw["type"] === t}>
                  {DOCUMENT_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Language
            <select name="language">
              <option value="">All languages</option>
              {UN_LANGUAGES.map((l) => (
                <option value={l} selected={raw["language"] === l} lang={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </label>
          <label>
            GA session <input type="number" name="session" min="1" max="200" value={raw["session"] ?? ""} />
          </label>
          <label>
            From <input type="date" name="from" value={raw["from"] ?? ""} />
          </label>
          <label>
            To <input type="date" name="to" value={raw["to"] ?? ""} />
          </label>
          <label>
            State (ISO3) <input type="text" name="state" size={4} maxlength={3} value={raw["state"] ?? ""} />
          </label>
          <label>
            Norm <input type="text" name="norm" size={4} maxlength={10} placeholder="13c" value={raw["norm"] ?? ""} />
          </label>
          <button type="submit">Search</button>
        </form>
        <div id="search-suggestions" class="search-suggestions" aria-live="polite" />
        {problem ? (
          <p role="alert" class="notice">
            Please check the filters: {problem}
          </p>
        ) : null}
        <CorpusLoadingNotice status={corpus} />
        {answer ? (
          <>
            <p role="status">
              {answer.message ??
                `${plural(answer.total, "paragraph")} in ${plural(answer.documents, "document")} match “${answer.query}”`}
            </p>
            {q!.document ? (
              <p>
                Only paragraphs of {q!.document}.{" "}
                <a href={`/search?${new URLSearchParams(withoutKeys(raw, ["document", "page"]))}`}>
                  Search every document
                </a>
              </p>
            ) : null}
            {answer.isEmptyQuery ? null : (
              <p>
                <a href={followHref("search", answer.query)}>Email alerts when new paragraphs match “{answer.query}”</a>
              </p>
            )}
            <ol class="search-results" start={(q!.page - 1) * PER_PAGE + 1}>
              {answer.hits.map((h, i) => (
                <li class="search-hit">
                  <a class="search-hit-link" href={paragraphPermalink(h.slug, h.anchor, h.language)}>
                    {h.symbol ?? h.slug}, {h.label}
                  </a>
                  {h.language !== "en" ? <span class="muted"> [{languageName(h.language)}]</span> : null}
                  <span class="muted">
                    {" "}
                    —{" "}
                    <span lang={h.language} dir={textDirectionOf(h.language)}>
                      {h.title}
                    </span>
                    {h.date ? ` (${h.date})` : ""}
                  </span>
                  <p class="snippet" lang={h.language} dir={textDirectionOf(h.language)}>
                    <SnippetText snippet={h.snippet} />
                  </p>
                  {!q!.document && h.inDocument > PARAGRAPHS_PER_DOCUMENT && answer.hits[i + 1]?.slug !== h.slug ? (
                    <p class="search-more">
                      <a href={`/search?${new URLSearchParams({ ...withoutKeys(raw, ["page"]), document: h.slug })}`}>
                        All {plural(h.inDocument, "paragraph")} in {h.symbol ?? h.slug}
                      </a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
            <Pager label="Result pages" page={q!.page} pages={pages} hasNext={q!.page < pages} href={pageLink} />
          </>
        ) : null}
      </Layout>,
    );
  });
  return app;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

function withoutKeys(raw: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !keys.includes(k)));
}

/** Highlights as <mark> elements built from plain text segments: the text is escaped like any other JSX text. */
function SnippetText({ snippet }: { snippet: Snippet }) {
  return <>{snippet.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}</>;
}
