// Document pages: the list of documents, and one document with its numbered paragraphs (id anchors), cites and cited by.
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../http/deps.js";
import { listCitationsFrom, listCitationsTo } from "../../db/documents-references.js";
import { getDocumentDetail, listDocuments } from "../../db/documents.js";
import type { Citation, DocumentDetail } from "../../domain/documents.js";
import { documentPath, paragraphPermalink } from "../../domain/documents.js";
import { InvalidInputError } from "../../domain/errors.js";
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from "../../domain/vocabulary.js";
import { listUpdates } from "../../db/updates.js";
import type { Update } from "../../domain/updates.js";
import { followHref, RecordUpdates } from "../components/updates.js";
import { CorpusLoadingNotice, loadCorpusStatus } from "../components/corpus-status.js";
import { Layout } from "../layout.js";

const PER_PAGE = 50;
const ListQuery = z.object({
  type: z.enum(DOCUMENT_TYPES).optional().or(z.literal("").transform(() => undefined)),
  page: z.union([z.literal("").transform(() => 1), z.coerce.number().int().min(1).max(10_000)]).default(1),
});

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
    if (!parsed.success) throw new InvalidInputError("invalid filter", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    const query = parsed.data;
    const { items, total } = await listDocuments(deps.db, { type: query.type }, { limit: PER_PAGE, offset: (query.page - 1) * PER_PAGE });
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const corpus = await loadCorpusStatus(deps.db);
    return c.html(
      <Layout title="Documents" path="/documents" description="UN documents ingested to the paragraph: resolutions, reports, statements">
        <h1>Documents</h1>
        <p class="lede">UN texts stored paragraph by paragraph, each paragraph with a permalink. <a href="/search">Search every paragraph</a>.</p>
        <form class="filters" method="get" action="/documents" aria-label="Filter documents">
          <label>
            Type
            <select name="type">
              <option value="">All types</option>
              {DOCUMENT_TYPES.map((t) => (
                <option value={t} selected={query.type === t}>{DOCUMENT_TYPE_LABELS[t]}</option>
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
            <tr><th scope="col">Symbol</th><th scope="col">Date</th><th scope="col">Title</th><th scope="col">Type</th><th scope="col">Paragraphs</th></tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr>
                <th scope="row"><a href={documentPath(d.slug)}>{d.symbol ?? d.slug}</a></th>
                <td>{d.date ?? <span class="muted">—</span>}</td>
                <td>{d.title}</td>
                <td>{DOCUMENT_TYPE_LABELS[d.type]}</td>
                <td>{d.paragraphCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {pages > 1 ? (
          <nav aria-label="Pages" class="pager">
            {query.page > 1 ? <a href={`/documents?${new URLSearchParams({ ...(query.type ? { type: query.type } : {}), page: String(query.page - 1) })}`} rel="prev">Previous</a> : null}
            <span> Page {query.page} of {pages} </span>
            {query.page < pages ? <a href={`/documents?${new URLSearchParams({ ...(query.type ? { type: query.type } : {}), page: String(query.page + 1) })}`} rel="next">Next</a> : null}
          </nav>
        ) : null}
      </Layout>,
    );
  });
  app.get("/*", async (c) => {
    const doc = await getDocumentDetail(deps.db, slugFromUrl(c.req.url));
    const [cites, citedBy, updates] = await Promise.all([
      listCitationsFrom(deps.db, doc.id),
      doc.symbol ? listCitationsTo(deps.db, doc.symbol) : Promise.resolve([]),
      listUpdates(deps.db, { link: { kind: "document", id: doc.slug } }, 10),
    ]);
    return c.html(<DocumentPage doc={doc} cites={cites} citedBy={citedBy} updates={updates} />);
  });
  return app;
}

function DocumentPage({ doc, cites, citedBy, updates }: { doc: DocumentDetail; cites: Citation[]; citedBy: Citation[]; updates: Update[] }) {
  const name = doc.symbol ?? doc.slug;
  const citedDocs = [...new Map(cites.map((c) => [c.targetSymbol, c])).values()];
  return (
    <Layout title={name} path="/documents" description={`${name}: ${doc.title}`}>
      <nav aria-label="Breadcrumb" class="breadcrumb"><a href="/documents">Documents</a> › {name}</nav>
      <h1>{name}</h1>
      <p class="lede">{doc.title}</p>
      <dl class="facts">
        <dt>Type</dt><dd>{DOCUMENT_TYPE_LABELS[doc.type]}</dd>
        <dt>Date</dt><dd>{doc.date ?? <span class="muted">not stated</span>}</dd>
        <dt>Language</dt><dd>{doc.language}</dd>
        {doc.authors.length ? (<><dt>Author</dt><dd>{doc.authors.join(", ")}</dd></>) : null}
        {doc.processId ? (<><dt>Process</dt><dd><a href={`/processes/${doc.processId}`}>{doc.processName ?? doc.processId}</a></dd></>) : null}
        {doc.symbol && doc.type === "resolution" ? (<><dt>Resolution record</dt><dd><a href={`/resolutions/${doc.symbol}`}>Adoption and votes</a></dd></>) : null}
        <dt>Source</dt><dd>{doc.sourceUrl ? <a href={doc.sourceUrl} rel="noopener">{doc.sourceTitle ?? doc.sourceUrl}</a> : <span class="muted">not recorded</span>}</dd>
        <dt>Licence</dt><dd>{doc.licence}{doc.attribution ? ` — ${doc.attribution}` : ""}</dd>
        <dt>Version</dt><dd>{doc.version} of {doc.versions.length} <span class="muted">(SHA-256 {doc.contentHash.slice(0, 12)}…)</span></dd>
      </dl>
      <section aria-labelledby="text-heading" class="document-text">
        <h2 id="text-heading">Text</h2>
        {doc.paragraphs.map((p) =>
          p.kind === "heading" ? (
            <h3 id={p.anchor} class="document-heading">{p.text}</h3>
          ) : (
            <div id={p.anchor} class={`paragraph paragraph-${p.kind}`}>
              <a class="paragraph-label" href={`#${p.anchor}`} title={`Permalink to ${p.label}`}>{p.label}</a>
              <p>{p.text}</p>
              {p.notes.length ? (
                <ol class="paragraph-notes">{p.notes.map((n) => <li>{n}</li>)}</ol>
              ) : null}
              {p.mentions.length ? (
                <p class="paragraph-mentions muted">
                  Mentions: {p.mentions.map((m, i) => (
                    <>{i > 0 ? ", " : ""}<span title={m.confidence < 1 ? `keyword match, confidence ${m.confidence}` : "named in the text"}>{m.kind === "norm" || m.kind === "norm-topic" ? `norm ${m.targetId}` : m.targetId}{m.confidence < 1 ? " (topic)" : ""}</span></>
                  ))}
                </p>
              ) : null}
            </div>
          ),
        )}
      </section>
      <section aria-labelledby="cites-heading">
        <h2 id="cites-heading">Cites</h2>
        {citedDocs.length ? (
          <ul class="plain citations">
            {citedDocs.map((c) => (
              <li>
                {c.targetSlug ? <a href={documentPath(c.targetSlug)}>{c.targetSymbol}</a> : <span>{c.targetSymbol}</span>}
                {c.targetTitle ? <span class="muted"> — {c.targetTitle}</span> : null} <span class="muted">(in {cites.filter((x) => x.targetSymbol === c.targetSymbol).map((x) => x.fromLabel).join(", ")})</span>
              </li>
            ))}
          </ul>
        ) : <p class="muted">No citations detected.</p>}
      </section>
      <section aria-labelledby="cited-by-heading">
        <h2 id="cited-by-heading">Cited by</h2>
        {citedBy.length ? (
          <ul class="plain citations">
            {citedBy.map((c) => (
              <li><a href={paragraphPermalink(c.fromSlug, c.fromAnchor)}>{c.fromSymbol ?? c.fromSlug}, {c.fromLabel}</a> <span class="muted">— {c.fromTitle}</span></li>
            ))}
          </ul>
        ) : <p class="muted">No stored document cites {name}.</p>}
      </section>
      {updates.length ? <RecordUpdates updates={updates} /> : null}
      {doc.symbol ? <p><a href={followHref("document", doc.symbol)}>Email alerts about {doc.symbol} (new versions, updates)</a></p> : null}
      <p><a href={`/api/v1/documents/${encodeURIComponent(doc.slug)}`}>This document as JSON</a> · <a href={`/api/v1/documents/${encodeURIComponent(doc.slug)}/citations`}>Citation graph (JSON)</a></p>
    </Layout>
  );
}
