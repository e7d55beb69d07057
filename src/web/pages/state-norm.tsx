// One State's record on one norm or CBM (/states/FRA/norms/13c): its status and published evidence for the item, the
// paragraphs of stored documents that name both, its derived indicators and published positions on international
// law, with links on to the norm, the State and the comparison. /norms/13c/state?state=France finds the page by name.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { getFrameworkItemDetail } from "../../db/frameworks.js";
import { getState } from "../../db/states.js";
import { listEvidence } from "../../db/evidence.js";
import { listStateNormParagraphs } from "../../db/state-norm.js";
import { loadDerivedIndicatorValues } from "../../db/implementation-indicators.js";
import { listLegalPositions } from "../../db/international-law.js";
import { findLinkTargets } from "../../db/link-targets.js";
import { deriveStateStatuses, splitByReporter, STATE_STATUS_RULE } from "../../domain/evidence.js";
import { EVIDENCE_STATUS_LABELS } from "../../domain/vocabulary.js";
import { symbolsToLookUp } from "../../domain/text-links.js";
import { resolveStateFields, unknownStateMessage } from "../../http/state-param.js";
import { EvidenceColumns } from "../components/evidence-list.js";
import { ImplementationStyles } from "../components/evidence-map.js";
import { StateOnItemForm } from "../components/norm-sections.js";
import { StateIndicatorList } from "../components/indicator-coverage.js";
import { InternationalLawStyles, PositionItem } from "../components/international-law.js";
import { SubscribeLinks } from "../components/updates.js";
import { correctionHref } from "../components/history.js";
import { Layout } from "../layout.js";

const ITEM_ID = "[a-z0-9-]+";

export function stateNormPages(deps: AppDeps) {
  const app = new Hono();
  app.get(`/:iso3{[A-Za-z]{3}}/norms/:id{${ITEM_ID}}`, async (c) => {
    const iso3 = c.req.param("iso3").toUpperCase();
    if (iso3 !== c.req.param("iso3")) return c.redirect(`/states/${iso3}/norms/${c.req.param("id")}`, 301);
    const state = await getState(deps.db, iso3);
    const { item, framework } = await getFrameworkItemDetail(deps.db, c.req.param("id"));
    const { items: evidence } = await listEvidence(deps.db, { itemId: item.id, stateIso3: iso3 });
    const status = deriveStateStatuses(evidence).find((s) => s.stateIso3 === iso3);
    const { self, shadow } = splitByReporter(evidence);
    const paragraphs = await listStateNormParagraphs(deps.db, state, item.id);
    const indicatorValues = await loadDerivedIndicatorValues(deps.db);
    const positions = await listLegalPositions(deps.db, { stateIso3: iso3 });
    const links = await findLinkTargets(deps.db, symbolsToLookUp(evidence.map((e) => e.quote)));
    const title = `${state.name} and ${item.code}`;
    return c.html(
      <Layout
        title={title}
        path="/states"
        description={`${state.name}'s published record on ${item.code} ${item.shortTitle}: evidence, documents and positions`}
        head={
          <>
            <ImplementationStyles />
            <InternationalLawStyles />
          </>
        }
      >
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/states">States</a> › <a href={`/states/${iso3}`}>{state.name}</a> ›{" "}
          <a href={`/norms/${item.id}`}>{item.code}</a>
        </nav>
        <h1>
          {state.name} and {item.code} {item.shortTitle}
        </h1>
        <p class="lede">
          {status ? (
            <>
              Status: <strong>{EVIDENCE_STATUS_LABELS[status.status]}</strong>, from {status.records} published evidence{" "}
              {status.records === 1 ? "record" : "records"}.
            </>
          ) : (
            <>
              <strong>No published evidence yet</strong> for {state.name} on {item.code}. Editors publish evidence only
              with a cited paragraph or page; <a href={correctionHref("framework-item", item.id)}>suggest a source</a>.
            </>
          )}
        </p>
        <p class="meta">
          {STATE_STATUS_RULE} The item: <a href={`/norms/${item.id}`}>{item.code}</a> of {framework.name}. All States on
          this item: <a href={`/norms/${item.id}`}>its page</a>; {state.name} on every item:{" "}
          <a href={`/states/${iso3}#implementation-heading`}>its profile</a>.
        </p>
        <section aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">Evidence ({evidence.length})</h2>
          <EvidenceColumns self={self} shadow={shadow} links={links} />
        </section>
        <section aria-labelledby="paragraphs-heading">
          <h2 id="paragraphs-heading">Texts that name both ({paragraphs.total})</h2>
          <p class="meta">
            Paragraphs of stored documents that cite {item.code} explicitly and name {state.name}, or that belong to a
            document {state.name} authored. A mention is a lead to read, not evidence.
          </p>
          {paragraphs.items.length ? (
            <ul>
              {paragraphs.items.map((p) => (
                <li>
                  <a href={`/documents/${p.slug}#${p.anchor}`}>
                    {p.symbol ?? p.title}, {p.label}
                  </a>
                  {p.symbol ? ` — ${p.title}` : ""}
                  {p.documentDate ? ` (${p.documentDate})` : ""}
                  {p.byTheState ? ` · by ${state.name}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">
              No stored paragraph cites {item.code} and names {state.name}. Search the texts:{" "}
              <a href={`/search?${new URLSearchParams({ q: state.name })}`}>{state.name}</a>.
            </p>
          )}
        </section>
        <section aria-labelledby="positions-heading">
          <h2 id="positions-heading">
            {state.name}'s published positions on international law in cyberspace ({positions.length})
          </h2>
          <p class="meta">
            Listed with the topics a source says each addresses; no source ties a position to {item.code}, so none is
            counted as evidence for it.
          </p>
          {positions.length ? (
            <ul class="plain">
              {positions.map((p) => (
                <PositionItem position={p} />
              ))}
            </ul>
          ) : (
            <p class="muted">The bundled list (not complete) has no published position of {state.name}.</p>
          )}
        </section>
        <StateIndicatorList stateIso3={iso3} values={indicatorValues} />
        <SubscribeLinks links={[]} follow={{ kind: "state", id: iso3, name: state.name }} />
      </Layout>,
    );
  });
  return app;
}

/** /norms/13c/state?state=France: the norm page's form finds one State's record on the item by name or code. */
export function normStateFinderPages(deps: AppDeps) {
  const app = new Hono();
  app.get(`/:id{${ITEM_ID}}/state`, async (c) => {
    const { item } = await getFrameworkItemDetail(deps.db, c.req.param("id"));
    const input = c.req.query("state");
    const { codes, unknown } = await resolveStateFields(deps.db, [input]);
    const iso3 = codes[0];
    if (iso3) return c.redirect(`/states/${iso3}/norms/${item.id}`, 303);
    return c.html(
      <Layout title={`A State on ${item.code}`} path="/norms">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/norms">Norms and CBMs</a> › <a href={`/norms/${item.id}`}>{item.code}</a>
        </nav>
        <h1>A State's record on {item.code}</h1>
        {unknown.length ? <p role="alert">{unknownStateMessage(unknown)}</p> : <p>Type a State's name or code.</p>}
        <StateOnItemForm itemId={item.id} itemCode={item.code} value={input ?? ""} />
      </Layout>,
      unknown.length ? 404 : 200,
    );
  });
  return app;
}
