// Document pages: the list of documents, and one document with its numbered paragraphs (id anchors), cites and cited by.
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../http/deps.js";
import {
  listCitationsFrom,
  listCitationsTo,
  listStateNamesIn,
  listUnresolvedCitationsFrom,
  type UnresolvedCitation,
} from "../../db/documents-references.js";
import { describeUnresolvedReference } from "../../domain/references-bodies.js";
import {
  DocumentLanguageNotFoundError,
  getDocumentDetail,
  listDocumentLanguages,
  listDocuments,
  type DocumentLanguageVersion,
} from "../../db/documents.js";
import type { Citation, DocumentDetail, DocumentParagraph, ParagraphMention } from "../../domain/documents.js";
import {
  compareParagraphAnchors,
  documentPath,
  LANGUAGE_NAMES,
  languageName,
  paragraphPermalink,
  textDirectionOf,
  UN_LANGUAGES,
} from "../../domain/documents.js";
import { InvalidInputError } from "../../domain/errors.js";
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from "../../domain/vocabulary.js";
import { listUpdates } from "../../db/updates.js";
import type { Update } from "../../domain/updates.js";
import { followHref, RecordUpdates } from "../components/updates.js";
import { CorpusLoadingNotice, loadCorpusStatus } from "../components/corpus-status.js";
import { Pager } from "../components/pager.js";
import { Layout } from "../layout.js";
import { blank } from "../../http/query-fields.js";
import { findLinkTargets } from "../../db/link-targets.js";
import { symbolPath } from "../../domain/resolution.js";
import { symbolWithoutPart } from "../../domain/symbols.js";
import { voteEventPath } from "../../domain/votes.js";
import { hrefOfSymbol, symbolsToLookUp, type KnownLinkTargets } from "../../domain/text-links.js";
import { LinkedText } from "../components/linked-text.js";

const PER_PAGE = 50;
const ListQuery = z.object({
  type: z.enum(DOCUMENT_TYPES).optional().or(blank),
  page: z.union([z.literal("").transform(() => 1), z.coerce.number().int().min(1).max(10_000)]).default(1),
});

const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, "an ISO 639-1 language code such as fr")
  .optional()
  .or(blank);
/** `lang`: the language version to show; `with`: a second language shown beside it, paragraph by paragraph. */
const DocumentQuery = z.object({ lang: languageCode, with: languageCode });

function slugFromUrl(url: string): string {
  const raw = new URL(url).pathname.replace(/^\/documents\//, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new InvalidInputError(`not a valid document symbol: ${raw}`);
  }
}

export function documentsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const parsed = ListQuery.safeParse(c.req.query());
    if (!parsed.success)
      throw new InvalidInputError(
        "invalid filter",
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    const query = parsed.data;
    const { items, total } = await listDocuments(
      deps.db,
      { type: query.type },
      { limit: PER_PAGE, offset: (query.page - 1) * PER_PAGE },
    );
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const corpus = await loadCorpusStatus(deps.db);
    return c.html(
      <Layout
        title="Documents"
        path="/documents"
        description="UN documents ingested to the paragraph: resolutions, reports, statements"
      >
        <h1>Documents</h1>
        <p class="lede">
          UN texts stored paragraph by paragraph, each paragraph with a permalink.{" "}
          <a href="/search">Search every paragraph</a>.
        </p>
        <form class="filters" method="get" action="/documents" aria-label="Filter documents">
          <label>
            Type
            <select name="type">
              <option value="">All types</option>
              {DOCUMENT_TYPES.map((t) => (
                <option value={t} selected={query.type === t}>
                  {DOCUMENT_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Filter</button>
        </form>
        <CorpusLoadingNotice status={corpus} />
        <p role="status">{total} documents</p>
        <table class="data" id="documents-table">
          <caption class="visually-hidden">Documents</caption>
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col">Type</th>
              <th scope="col">Paragraphs</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr>
                <th scope="row">
                  <a href={documentPath(d.slug)}>{d.symbol ?? d.slug}</a>
                </th>
                <td>{d.date ?? <span class="muted">—</span>}</td>
                <td>{d.title}</td>
                <td>{DOCUMENT_TYPE_LABELS[d.type]}</td>
                <td>{d.paragraphCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager
          page={query.page}
          pages={pages}
          hasNext={query.page < pages}
          href={(p) =>
            `/documents?${new URLSearchParams({ ...(query.type ? { type: query.type } : {}), page: String(p) })}`
          }
        />
      </Layout>,
    );
  });
  app.get("/*", async (c) => {
    const parsed = DocumentQuery.safeParse(c.req.query());
    if (!parsed.success)
      throw new InvalidInputError(
        `invalid language: ${parsed.error.issues.map((i) => `${String(i.path[0])}=${c.req.query(String(i.path[0]))}`).join(", ")}`,
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    const { lang, with: other } = parsed.data;
    try {
      return await documentPage(c, lang, other);
    } catch (error) {
      // Stored, but not in the language asked for (or asked to be shown beside it): say so and link the versions there are.
      if (!(error instanceof DocumentLanguageNotFoundError)) throw error;
      c.status(404);
      return c.html(<LanguageMissingPage missing={error} />);
    }
  });

  async function documentPage(c: Context, lang: string | undefined, other: string | undefined) {
    const doc = await getDocumentDetail(deps.db, slugFromUrl(c.req.url), lang);
    const mentionedStates = [
      ...new Set(doc.paragraphs.flatMap((p) => p.mentions.filter((m) => m.kind === "state").map((m) => m.targetId))),
    ];
    const [cites, citedBy, updates, languages, otherDoc, unresolved, stateNames] = await Promise.all([
      listCitationsFrom(deps.db, doc.id),
      doc.symbol ? listCitationsTo(deps.db, doc.symbol) : Promise.resolve([]),
      listUpdates(deps.db, { link: { kind: "document", id: doc.slug } }, 10),
      listDocumentLanguages(deps.db, doc.slug),
      other && other !== doc.language ? getDocumentDetail(deps.db, doc.slug, other) : Promise.resolve(null),
      listUnresolvedCitationsFrom(deps.db, doc.id),
      listStateNamesIn(deps.db, doc.language, mentionedStates),
    ]);
    const texts = [doc, ...(otherDoc ? [otherDoc] : [])].flatMap((d) =>
      d.paragraphs.flatMap((p) => [p.text, ...p.notes]),
    );
    const own = doc.symbol ? [doc.symbol, symbolWithoutPart(doc.symbol)] : [];
    const cited = cites.map((c) => c.targetSymbol);
    const links = await findLinkTargets(deps.db, [...own, ...cited, ...symbolsToLookUp(texts)]);
    return c.html(
      <DocumentPage
        doc={doc}
        cites={cites}
        unresolved={unresolved}
        citedBy={citedBy}
        updates={updates}
        languages={languages}
        beside={otherDoc}
        links={links}
        stateNames={stateNames}
      />,
    );
  }
  return app;
}

/** The command that imports sessions 75 and 76 in the five other UN languages (README, "Languages"). */
export const MULTILINGUAL_IMPORT_COMMAND =
  "tar -xJf ../shared/data/unga-resolutions-akn/multilingual-sessions-75-76.tar.xz -C /tmp && normwatch ingest /tmp/multilingual --source dataset:unxml-ga-resolutions";
/** The GA sessions whose other language versions that command brings. */
const MULTILINGUAL_SESSIONS = ["75", "76"];

/**
 * A symbol stored in some languages, asked for in another: a 404 (the address names a version that does not exist,
 * so it must not be indexed or cached as a page of the text) whose body names what exists and how to add the rest.
 */
function LanguageMissingPage({ missing }: { missing: DocumentLanguageNotFoundError }) {
  const name = LANGUAGE_NAMES[missing.language]?.english ?? missing.language;
  const session = /^A\/RES\/(\d+)\//.exec(missing.slug)?.[1];
  const isUnLanguage = (UN_LANGUAGES as readonly string[]).includes(missing.language);
  return (
    <Layout title={`${missing.slug} is not available in ${name}`} path="/documents">
      <h1>
        {missing.slug} is not available in {name} in Normwatch
      </h1>
      <p class="lede">
        Normwatch stores this text in {missing.available.length === 1 ? "one language" : "these languages"}; read it in:
      </p>
      <ul class="document-languages" aria-label="Language versions stored">
        {missing.available.map((l) => (
          <li>
            <a href={documentPath(missing.slug, l)} hreflang={l} lang={l}>
              {languageName(l)}
            </a>
          </li>
        ))}
      </ul>
      {!isUnLanguage ? (
        <p>
          Normwatch keeps texts in the six official languages of the United Nations: Arabic, Chinese, English, French,
          Russian and Spanish.
        </p>
      ) : session && MULTILINGUAL_SESSIONS.includes(session) ? (
        <>
          <p>
            The {name} texts of sessions 75 and 76 are not bundled with Normwatch, so that its first start stays fast.
            An administrator adds them, with the other languages of those sessions, with one command (on the embedded
            database, stop the server first):
          </p>
          <pre>
            <code>{MULTILINGUAL_IMPORT_COMMAND}</code>
          </pre>
        </>
      ) : (
        <p>
          The texts in the other UN languages that come with Normwatch's data cover sessions 75 and 76 only (imported
          with <code>{MULTILINGUAL_IMPORT_COMMAND}</code>). A {name} version of this text can be added with{" "}
          <code>normwatch ingest</code> from an official file of it.
        </p>
      )}
    </Layout>
  );
}

function DocumentPage({
  doc,
  cites,
  unresolved,
  citedBy,
  updates,
  languages,
  beside,
  links,
  stateNames,
}: {
  doc: DocumentDetail;
  cites: Citation[];
  unresolved: UnresolvedCitation[];
  citedBy: Citation[];
  updates: Update[];
  languages: DocumentLanguageVersion[];
  beside: DocumentDetail | null;
  links: KnownLinkTargets;
  /** The mentioned States' names in the page's language (English where none is stored). */
  stateNames: Map<string, string>;
}) {
  const name = doc.symbol ?? doc.slug;
  const citedDocs = [...new Map(cites.map((c) => [c.targetSymbol, c])).values()];
  const unresolvedKey = (u: UnresolvedCitation) => `${u.body} ${u.matchedText}`;
  const citedUnresolved = [...new Map(unresolved.map((u) => [unresolvedKey(u), u])).values()];
  const dir = textDirectionOf(doc.language);
  const others = languages.filter((l) => l.language !== doc.language);
  const here =
    languages.find((l) => l.language === doc.language)?.anchors ??
    doc.paragraphs.filter((p) => p.kind !== "heading").map((p) => p.anchor);
  const differences = others
    .map((l) => ({ language: l.language, ...compareParagraphAnchors(here, l.anchors) }))
    .filter((d) => d.onlyHere.length || d.onlyThere.length);
  const head = languages.map((l) => (
    <link rel="alternate" hreflang={l.language} href={documentPath(doc.slug, l.language)} />
  ));
  return (
    <Layout title={name} path="/documents" description={`${name}: ${doc.title}`} head={<>{head}</>}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/documents">Documents</a> › {name}
      </nav>
      <h1>{name}</h1>
      <p class="lede" lang={doc.language} dir={dir}>
        {doc.title}
      </p>
      {languages.length > 1 ? (
        <nav aria-label="Languages" class="document-languages">
          <span>Languages: </span>
          <ul class="inline-list">
            {languages.map((l) => (
              <li>
                {l.language === doc.language ? (
                  <strong aria-current="page" lang={l.language}>
                    {languageName(l.language)}
                  </strong>
                ) : (
                  <a href={documentPath(doc.slug, l.language)} hreflang={l.language} lang={l.language}>
                    {languageName(l.language)}
                  </a>
                )}
              </li>
            ))}
          </ul>
          {others.length ? (
            <form method="get" action={documentPath(doc.slug)} class="side-by-side-form">
              {doc.language !== "en" ? <input type="hidden" name="lang" value={doc.language} /> : null}
              <label>
                Side by side with{" "}
                <select name="with">
                  {others.map((l) => (
                    <option value={l.language} selected={beside?.language === l.language}>
                      {languageName(l.language)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">Show</button>
            </form>
          ) : null}
        </nav>
      ) : null}
      {differences.length ? (
        <div class="notice" role="note" id="paragraph-correspondence">
          <p>
            The paragraphs of this version do not all correspond to the other language versions: a paragraph link into
            another language lands on the paragraph with the same number, which may differ here.
          </p>
          <ul>
            {differences.map((d) => (
              <li>
                {languageName(d.language)}: {d.corresponding} corresponding paragraphs
                {d.onlyHere.length
                  ? `; only in this version: ${d.onlyHere.slice(0, 12).join(", ")}${d.onlyHere.length > 12 ? ` and ${d.onlyHere.length - 12} more` : ""}`
                  : ""}
                {d.onlyThere.length
                  ? `; only in the ${languageName(d.language)} version: ${d.onlyThere.slice(0, 12).join(", ")}${d.onlyThere.length > 12 ? ` and ${d.onlyThere.length - 12} more` : ""}`
                  : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl class="facts">
        <dt>Type</dt>
        <dd>{DOCUMENT_TYPE_LABELS[doc.type]}</dd>
        <dt>Date</dt>
        <dd>{doc.date ?? <span class="muted">not stated</span>}</dd>
        <dt>Language</dt>
        <dd>{languageName(doc.language)}</dd>
        {doc.authors.length ? (
          <>
            <dt>Author</dt>
            <dd>{doc.authors.join(", ")}</dd>
          </>
        ) : null}
        {doc.processId ? (
          <>
            <dt>Process</dt>
            <dd>
              <a href={`/processes/${doc.processId}`}>{doc.processName ?? doc.processId}</a>
            </dd>
          </>
        ) : null}
        <RecordLinks symbol={doc.symbol} links={links} />
        <dt>Source</dt>
        <dd>
          {doc.sourceUrl ? (
            <a href={doc.sourceUrl} rel="noopener">
              {doc.sourceTitle ?? doc.sourceUrl}
            </a>
          ) : (
            <span class="muted">not recorded</span>
          )}
        </dd>
        <dt>Licence</dt>
        <dd>
          {doc.licence}
          {doc.attribution ? ` — ${doc.attribution}` : ""}
        </dd>
        <dt>Version</dt>
        <dd>
          {doc.version} of {doc.versions.length} <span class="muted">(SHA-256 {doc.contentHash.slice(0, 12)}…)</span>
        </dd>
      </dl>
      {beside ? (
        <SideBySide doc={doc} beside={beside} links={links} />
      ) : (
        <section aria-labelledby="text-heading" class="document-text">
          <h2 id="text-heading">Text</h2>
          <div lang={doc.language} dir={dir}>
            {doc.paragraphs.map((p) =>
              p.kind === "heading" ? (
                <h3 id={p.anchor} class="document-heading">
                  {p.text}
                </h3>
              ) : (
                <div id={p.anchor} class={`paragraph paragraph-${p.kind}`}>
                  <a class="paragraph-label" href={`#${p.anchor}`} title={`Permalink to ${p.label}`} lang="en">
                    {p.label}
                  </a>
                  <p>
                    <LinkedText text={p.text} links={links} />
                  </p>
                  {p.notes.length ? (
                    <ol class="paragraph-notes">
                      {p.notes.map((n) => (
                        <li>
                          <LinkedText text={n} links={links} />
                        </li>
                      ))}
                    </ol>
                  ) : null}
                  {p.mentions.length ? (
                    <p class="paragraph-mentions muted">
                      Mentions:{" "}
                      {p.mentions.map((m, i) => (
                        <>
                          {i > 0 ? ", " : ""}
                          <a
                            href={mentionHref(m)}
                            title={m.confidence < 1 ? `keyword match, confidence ${m.confidence}` : "named in the text"}
                          >
                            {m.kind === "norm" || m.kind === "norm-topic"
                              ? `norm ${m.targetId}`
                              : m.kind === "state"
                                ? (stateNames.get(m.targetId) ?? m.targetId)
                                : m.targetId}
                          </a>
                          {m.confidence < 1 ? " (topic)" : ""}
                        </>
                      ))}
                    </p>
                  ) : null}
                </div>
              ),
            )}
          </div>
        </section>
      )}
      <section aria-labelledby="cites-heading">
        <h2 id="cites-heading">Cites</h2>
        {citedDocs.length || citedUnresolved.length ? (
          <ul class="plain citations">
            {citedDocs.map((c) => (
              <li>
                {c.targetSlug ? (
                  <a href={documentPath(c.targetSlug)}>{c.targetSymbol}</a>
                ) : (
                  <SymbolOrLink symbol={c.targetSymbol} links={links} />
                )}
                {c.targetTitle ? <span class="muted"> — {c.targetTitle}</span> : null}{" "}
                <span class="muted">
                  (in{" "}
                  {cites
                    .filter((x) => x.targetSymbol === c.targetSymbol)
                    .map((x) => x.fromLabel)
                    .join(", ")}
                  )
                </span>
              </li>
            ))}
            {citedUnresolved.map((u) => (
              <li>
                {describeUnresolvedReference(u)}, not in Normwatch{" "}
                <span class="muted">
                  (in{" "}
                  {unresolved
                    .filter((x) => unresolvedKey(x) === unresolvedKey(u))
                    .map((x) => x.fromLabel)
                    .join(", ")}
                  )
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No citations detected.</p>
        )}
      </section>
      <section aria-labelledby="cited-by-heading">
        <h2 id="cited-by-heading">Cited by</h2>
        {citedBy.length ? (
          <ul class="plain citations">
            {citedBy.map((c) => (
              <li>
                <a href={paragraphPermalink(c.fromSlug, c.fromAnchor)}>
                  {c.fromSymbol ?? c.fromSlug}, {c.fromLabel}
                </a>{" "}
                <span class="muted">— {c.fromTitle}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No stored document cites {name}.</p>
        )}
      </section>
      {updates.length ? <RecordUpdates updates={updates} /> : null}
      {doc.symbol ? (
        <p>
          <a href={followHref("document", doc.symbol)}>Email alerts about {doc.symbol} (new versions, updates)</a>
        </p>
      ) : null}
      <p>
        <a
          href={`/api/v1/documents/${encodeURIComponent(doc.slug)}${doc.language === "en" ? "" : `?language=${doc.language}`}`}
        >
          This document as JSON
        </a>{" "}
        · <a href={`/api/v1/documents/${encodeURIComponent(doc.slug)}/citations`}>Citation graph (JSON)</a>
      </p>
    </Layout>
  );
}

/** Where a paragraph's mention leads: the State, norm or CBM, or process page (detection only knows ids that exist). */
function mentionHref(m: ParagraphMention): string {
  const id = encodeURIComponent(m.targetId);
  if (m.kind === "state") return `/states/${id}`;
  if (m.kind === "process") return `/processes/${id}`;
  return `/norms/${id}`;
}

/** A cited symbol whose text is not stored: its resolution page or recorded vote when there is one, else the symbol. */
function SymbolOrLink({ symbol, links }: { symbol: string; links: KnownLinkTargets }) {
  const href = hrefOfSymbol(symbol, links);
  return href ? <a href={href}>{symbol}</a> : <span>{symbol}</span>;
}

/** The document's resolution record and recorded votes, when they exist. */
function RecordLinks({ symbol, links }: { symbol: string | null; links: KnownLinkTargets }) {
  if (!symbol) return null;
  const record = [symbol, symbolWithoutPart(symbol)].find((s) => links.resolutions.has(s));
  const votes = links.votes.get(symbol) ?? links.votes.get(symbolWithoutPart(symbol)) ?? [];
  return (
    <>
      {record ? (
        <>
          <dt>Resolution record</dt>
          <dd>
            <a href={`/resolutions/${symbolPath(record)}`}>Adoption, processes and sources of {record}</a>
          </dd>
        </>
      ) : null}
      {votes.length ? (
        <>
          <dt>Recorded {votes.length === 1 ? "vote" : "votes"}</dt>
          <dd>
            {votes.map((id, i) => (
              <>
                {i > 0 ? ", " : ""}
                <a href={`/votes/${voteEventPath(id)}`}>
                  {votes.length === 1 ? `How each State voted on ${id}` : id.replace(/^RC-/, "roll call ")}
                </a>
              </>
            ))}
          </dd>
        </>
      ) : null}
    </>
  );
}

/**
 * Two language versions of one text, paragraph by paragraph: rows are paired by anchor (the texts' own structure), in the
 * order of the first version, and a paragraph one version lacks is shown beside an empty cell that says so.
 */
function SideBySide({ doc, beside, links }: { doc: DocumentDetail; beside: DocumentDetail; links: KnownLinkTargets }) {
  const byAnchor = new Map(beside.paragraphs.map((p) => [p.anchor, p]));
  const seen = new Set(doc.paragraphs.map((p) => p.anchor));
  const rows: [DocumentParagraph | null, DocumentParagraph | null][] = doc.paragraphs.map((p) => [
    p,
    byAnchor.get(p.anchor) ?? null,
  ]);
  for (const p of beside.paragraphs) if (!seen.has(p.anchor)) rows.push([null, p]);
  const cell = (p: DocumentParagraph | null, d: DocumentDetail, missing: string) =>
    p ? (
      <td lang={d.language} dir={textDirectionOf(d.language)} class={`paragraph-${p.kind}`}>
        <a class="paragraph-label" href={paragraphPermalink(d.slug, p.anchor, d.language)} lang="en">
          {p.label}
        </a>{" "}
        <LinkedText text={p.text} links={links} />
      </td>
    ) : (
      <td class="muted">{missing}</td>
    );
  return (
    <section aria-labelledby="text-heading" class="document-text side-by-side">
      <h2 id="text-heading">
        Text: {languageName(doc.language)} and {languageName(beside.language)}
      </h2>
      <p>
        <a href={documentPath(doc.slug, doc.language)}>Show {languageName(doc.language)} alone</a>
      </p>
      <div class="table-scroll" role="region" aria-label="Side-by-side text" tabindex={0}>
        <table class="data side-by-side-table">
          <thead>
            <tr>
              <th scope="col">{languageName(doc.language)}</th>
              <th scope="col">{languageName(beside.language)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([a, b]) => (
              <tr id={(a ?? b)!.anchor}>
                {cell(a, doc, `No corresponding paragraph in the ${languageName(doc.language)} version.`)}
                {cell(b, beside, `No corresponding paragraph in the ${languageName(beside.language)} version.`)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
