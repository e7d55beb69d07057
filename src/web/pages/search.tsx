// The search page: one box that finds records (States, resolutions, votes, norms, processes… with facets and counts per
// kind, issue 17) and, beneath them, ranked paragraphs with safely highlighted snippets, permalinks and pagination.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { runSearch } from "../../http/search-answer.js";
import type { SearchFilters, SearchHit, SearchPage, SearchResult, Snippet } from "../../domain/search.js";
import { snippetEdges, type SnippetEdges } from "../../domain/search-snippets.js";
import { listCitingParagraphs, listParagraphTexts, paragraphKey } from "../../db/search-mentions.js";
import { languageName, paragraphPermalink, textDirectionOf, UN_LANGUAGES } from "../../domain/documents.js";
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from "../../domain/vocabulary.js";
import {
  PARAGRAPHS_PER_DOCUMENT,
  resolveSearchState,
  SearchFilterFields,
  searchFiltersOf,
} from "../../http/search-query.js";
import { STATE_PARAM_MAX_LENGTH, STATE_PLACEHOLDER, unknownStateMessage } from "../../http/state-param.js";
import { z } from "zod";
import { CorpusLoadingNotice, loadCorpusStatus } from "../components/corpus-status.js";
import { followHref } from "../components/updates.js";
import { Pager } from "../components/pager.js";
import { Layout } from "../layout.js";
import { findRecords, type RecordSearch } from "../../db/find-records.js";
import {
  countOfKind,
  normLabel,
  paragraphQueryOf,
  parseRecordQuery,
  RECORD_KIND_LABELS,
  RECORD_KINDS,
  type RecordKind,
} from "../../domain/find-records.js";
import { blank } from "../../http/query-fields.js";
import { KindFacets, RecordGroups, RecordList, type KindFacet } from "../components/record-results.js";

const PER_PAGE = 20;
/** Records of each kind shown above the paragraphs before "All n …". */
const RECORDS_PER_KIND = 5;
const RESULT_KINDS = [...RECORD_KINDS, "paragraph"] as const;
type ResultKind = (typeof RESULT_KINDS)[number];
const SearchQuery = z.object({
  ...SearchFilterFields,
  kind: z.enum(RESULT_KINDS).optional().or(blank),
  page: z.union([z.literal("").transform(() => 1), z.coerce.number().int().min(1).max(10_000)]).default(1),
});

export function searchPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const raw = c.req.query();
    const parsed = SearchQuery.safeParse(raw);
    // Bad filters are answered on the page with the reason, never with an error page.
    const parsedProblem = parsed.success
      ? null
      : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    // The State filter by code or name (VNM, Viet Nam); one that matches none is said with the filters' problems.
    const state = parsed.success ? await resolveSearchState(deps.db, parsed.data.state) : null;
    const problem = parsedProblem ?? (state?.unknown ? unknownStateMessage([state.unknown]) : null);
    const q = parsed.success && !state?.unknown ? { ...parsed.data, state: state?.iso3 } : null;
    const kind: ResultKind | null = q?.kind || null;
    const recordKind: RecordKind | null = kind && kind !== "paragraph" ? kind : null;
    // With one document chosen, only its paragraphs are asked for; records are looked up on the first page of "All".
    const records: RecordSearch | null =
      q && !q.document
        ? await findRecords(
            deps.db,
            q.q,
            recordKind
              ? { kind: recordKind, limit: PER_PAGE, offset: (q.page - 1) * PER_PAGE }
              : { limit: kind === null && q.page === 1 ? RECORDS_PER_KIND : 0 },
          )
        : null;
    const answer: ParagraphAnswer | null = q
      ? await loadParagraphs(deps, q.q, searchFiltersOf(q), {
          // Limited to one kind of record, the paragraphs are only counted (for their facet).
          limit: recordKind ? 1 : PER_PAGE,
          offset: recordKind ? 0 : (q.page - 1) * PER_PAGE,
          perDocument: q.group === "paragraph" ? undefined : PARAGRAPHS_PER_DOCUMENT,
        })
      : null;
    const corpus = await loadCorpusStatus(deps.db);
    const pages = answer ? Math.max(1, Math.ceil(answer.pageable / PER_PAGE)) : 1;
    const pageLink = (page: number) => `/search?${new URLSearchParams({ ...raw, page: String(page) })}`;
    const kindHref = (k: ResultKind | null) =>
      `/search?${new URLSearchParams({ ...withoutKeys(raw, ["kind", "page"]), ...(k ? { kind: k } : {}) })}`;
    const facets = records && answer ? facetsOf(records, answer, kindHref) : [];
    const chosen = recordKind ? records?.kinds.find((k) => k.kind === recordKind) : undefined;
    return c.html(
      <Layout
        title={raw["q"] ? `Search: ${raw["q"]}` : "Search"}
        path="/search"
        description="Find States, organizations, processes, sessions, norms, CBMs, resolutions, votes and documents, and search every paragraph of every stored UN document"
        islands={["search-suggest"]}
      >
        <h1>Search</h1>
        <form
          class="filters search-form"
          method="get"
          action="/search"
          role="search"
          aria-label="Search records and paragraphs"
          data-suggest=""
        >
          <label class="search-query">
            Words or "a phrase"
            <input
              type="search"
              name="q"
              value={raw["q"] ?? ""}
              maxlength={500}
              placeholder='e.g. France, 74/247, 13(c), "critical infrastructure"'
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
            State{" "}
            <input
              type="text"
              name="state"
              size={12}
              maxlength={STATE_PARAM_MAX_LENGTH}
              placeholder={STATE_PLACEHOLDER}
              value={raw["state"] ?? ""}
            />
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
        {facets.length > 1 ? <KindFacets facets={facets} current={kind} /> : null}
        {recordKind && q ? (
          <>
            <p role="status">
              {chosen && chosen.total > 0
                ? `${countOfKind(chosen.total, recordKind)} ${chosen.total === 1 ? "matches" : "match"} “${q.q.trim()}”`
                : `No ${RECORD_KIND_LABELS[recordKind].inText} match “${q.q.trim()}”.`}
            </p>
            {chosen && chosen.records.length > 0 ? (
              <>
                <h2>{RECORD_KIND_LABELS[recordKind].many}</h2>
                <RecordList records={chosen.records} start={(q.page - 1) * PER_PAGE + 1} />
                <Pager
                  label="Result pages"
                  page={q.page}
                  pages={Math.max(1, Math.ceil(chosen.total / PER_PAGE))}
                  hasNext={q.page * PER_PAGE < chosen.total}
                  href={pageLink}
                />
              </>
            ) : null}
          </>
        ) : null}
        {kind === null && q?.page === 1 && records && records.kinds.length > 0 ? (
          <RecordGroups groups={records.kinds} kindHref={kindHref} />
        ) : null}
        {answer && !recordKind ? (
          <>
            {answer.heading || (records && records.kinds.length > 0 && kind === null) ? (
              <h2 id="paragraphs-heading">{answer.heading ?? "Paragraphs"}</h2>
            ) : null}
            <p role="status">{answer.status}</p>
            {q!.document ? (
              <p>
                Only paragraphs of {q!.document}.{" "}
                <a href={`/search?${new URLSearchParams(withoutKeys(raw, ["document", "page"]))}`}>
                  Search every document
                </a>
              </p>
            ) : null}
            {answer.follow ? (
              <p>
                <a href={answer.follow.href}>{answer.follow.text}</a>
              </p>
            ) : null}
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
                    {h.isStart ? null : "… "}
                    <SnippetText snippet={h.snippet} />
                    {h.isEnd ? null : " …"}
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

/** "All" and each kind found with its count, in the order the page shows their sections, then the paragraphs. */
function facetsOf(
  records: RecordSearch,
  answer: ParagraphAnswer,
  href: (kind: ResultKind | null) => string,
): KindFacet[] {
  const facets: KindFacet[] = [{ kind: null, label: "All", count: null, href: href(null) }];
  for (const { kind, total } of records.kinds)
    facets.push({ kind, label: RECORD_KIND_LABELS[kind].many, count: total, href: href(kind) });
  if (!answer.isEmptyQuery)
    facets.push({ kind: "paragraph", label: "Paragraphs", count: answer.total, href: href("paragraph") });
  return facets;
}

/** The paragraphs part of the page: what heads it, the sentence that counts it, its hits and its alert link. */
interface ParagraphAnswer extends Omit<SearchResult, "hits"> {
  hits: (SearchHit & SnippetEdges)[];
  heading: string | null;
  status: string;
  follow: { href: string; text: string } | null;
}

/**
 * A query naming a norm or a symbol ("13(c)", "A/RES/74/247", "resolution 74/247") lists the paragraphs citing it,
 * found by the reference detector, instead of matching its digits and letters as words; filters without words (a
 * norm, a State) list the paragraphs they select; any other query is a full-text search, with GA symbols written as
 * texts cite them (A/RES/74/247 → 74/247).
 */
async function loadParagraphs(
  deps: AppDeps,
  q: string,
  filters: SearchFilters,
  page: SearchPage,
): Promise<ParagraphAnswer> {
  const reference = parseRecordQuery(q).reference;
  const counted = (r: SearchResult) => `${plural(r.total, "paragraph")} in ${plural(r.documents, "document")}`;
  if (reference?.kind === "norm") {
    const what = `norm ${reference.label}`;
    const follow = { href: followHref("norm", reference.normId), text: `Email alerts about ${what}` };
    const cited = await listCitingParagraphs(deps.db, { normId: reference.normId }, filters, page);
    if (cited.total > 0)
      return { ...cited, heading: `Paragraphs that cite ${what}`, status: `${counted(cited)} cite ${what}`, follow };
    // No paragraph names the norm by its number: those the detector matched to its topic by keywords, said as such.
    const topic = await listCitingParagraphs(deps.db, { normId: reference.normId, normTopics: true }, filters, page);
    return {
      ...topic,
      heading: `Paragraphs on the topic of ${what}`,
      status:
        topic.total > 0
          ? `No paragraph cites ${what} by its number; ${counted(topic)} match its topic's keywords`
          : `No paragraph cites ${what}, by its number or by its topic's keywords.`,
      follow,
    };
  }
  if (reference?.kind === "symbol") {
    const cited = await listCitingParagraphs(deps.db, { symbol: reference.symbol }, filters, page);
    return {
      ...cited,
      heading: `Paragraphs that cite ${reference.label}`,
      status: cited.total > 0 ? `${counted(cited)} cite ${reference.label}` : `No paragraph cites ${reference.label}.`,
      follow: null,
    };
  }
  if (!q.trim() && (filters.norm || filters.state)) {
    const listed = await listCitingParagraphs(deps.db, {}, filters, page);
    const chosen = [
      filters.norm
        ? `cite norm ${normLabel(filters.norm)}${filters.normTopics ? " or match its topic's keywords" : ""}`
        : null,
      filters.state ? `name ${filters.state}` : null,
    ].filter((x): x is string => x !== null);
    const what = chosen.join(" and ");
    return {
      ...listed,
      heading: `Paragraphs that ${what}`,
      status:
        listed.total > 0
          ? `${counted(listed)} ${what}`
          : "No paragraph matches these filters. Try other filters, or type words.",
      follow: null,
    };
  }
  const searched = await runSearch(deps.db, paragraphQueryOf(q), filters, page);
  const texts = await listParagraphTexts(deps.db, searched.hits);
  const hits = searched.hits.map((h) => {
    const text = texts.get(paragraphKey(h));
    return { ...h, ...(text === undefined ? { isStart: true, isEnd: true } : snippetEdges(h.snippet, text)) };
  });
  return {
    ...searched,
    hits,
    heading: null,
    status: searched.message ?? `${counted(searched)} match “${searched.query}”`,
    follow: searched.isEmptyQuery
      ? null
      : {
          href: followHref("search", searched.query),
          text: `Email alerts when new paragraphs match “${searched.query}”`,
        },
  };
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
