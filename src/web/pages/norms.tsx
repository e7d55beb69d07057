// Norms and CBMs pages: every framework with its items (stable id anchors), and one item's page with the States by
// evidence status (map and table), the evidence with citations (self-reports beside shadow reports), derived
// indicators where relevant and the documents that mention the item.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { getFrameworkItemDetail, listFrameworks } from "../../db/frameworks.js";
import { SourceList } from "../components/sources.js";
import { listUpdates } from "../../db/updates.js";
import { AlternateLinks, feedLinksFor, RecordUpdates, SubscribeLinks } from "../components/updates.js";
import { IndicatorCoverageSection } from "../components/indicator-coverage.js";
import { Layout } from "../layout.js";
import { shareImageFor } from "../og/share-image-pages.js";
import {
  countStatesWithEvidenceByItem,
  listDocumentsMentioningItem,
  listEvidence,
  listMapStates,
  listRollupGroups,
} from "../../db/evidence.js";
import { loadDerivedIndicatorValues } from "../../db/implementation-indicators.js";
import { deriveStateStatuses, splitByReporter } from "../../domain/evidence.js";
import { indicatorsForItem } from "../../domain/implementation-indicators.js";
import { ImplementationStyles } from "../components/evidence-map.js";
import { EvidenceColumns } from "../components/evidence-list.js";
import { DerivedIndicatorBox, RelatedDocuments, StateOnItemForm, StatesByStatus } from "../components/norm-sections.js";
import { findLinkTargets } from "../../db/link-targets.js";
import { symbolsToLookUp } from "../../domain/text-links.js";
import { LinkedText } from "../components/linked-text.js";

export function normsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const frameworks = await listFrameworks(deps.db);
    const evidenceCounts = await countStatesWithEvidenceByItem(deps.db);
    return c.html(
      <Layout
        title="Norms and CBMs"
        path="/norms"
        description="The 11 UN norms of responsible State behaviour and the OSCE, OAS, ARF and UN confidence-building measures, as stable, citable items"
      >
        <h1>Norms and CBMs</h1>
        <p class="lede">
          The 11 voluntary norms of responsible State behaviour, then the confidence-building measures of the OSCE, the
          OAS, the ASEAN Regional Forum and the UN. Each item has a stable id you can cite: <code>/norms/13c</code>, or{" "}
          <code>/norms#13c</code> on this page.
        </p>
        <nav aria-label="Frameworks">
          <ul>
            {frameworks.map((f) => (
              <li>
                <a href={`#framework-${f.id}`}>{f.name}</a> ({f.items.length})
              </li>
            ))}
          </ul>
        </nav>
        {frameworks.map((f) => (
          <section id={`framework-${f.id}`} aria-labelledby={`framework-${f.id}-heading`}>
            <h2 id={`framework-${f.id}-heading`}>{f.name}</h2>
            <p class="meta">
              {f.body}
              {f.instrument ? ` — ${f.instrument}` : ""}
            </p>
            {f.items.map((item) => (
              <article class="norm-item" id={item.id}>
                <h3>
                  <a href={`/norms/${item.id}`}>{item.code}</a> {item.shortTitle}
                </h3>
                {item.reference ? <p class="meta">{item.reference}</p> : null}
                <p class="meta">
                  {evidenceCounts.get(item.id)
                    ? `Published evidence from ${evidenceCounts.get(item.id)} State${evidenceCounts.get(item.id) === 1 ? "" : "s"}`
                    : "No published evidence yet"}
                </p>
              </article>
            ))}
          </section>
        ))}
      </Layout>,
    );
  });
  app.get("/:id{[a-z0-9-]+}", async (c) => {
    const { item, framework, sources } = await getFrameworkItemDetail(deps.db, c.req.param("id"));
    const updates = await listUpdates(deps.db, { link: { kind: "norm", id: item.id } }, 10);
    const feeds = feedLinksFor("norm", item.id, `${item.code} ${item.shortTitle}`);
    const { items: evidence } = await listEvidence(deps.db, { itemId: item.id });
    const mapStates = await listMapStates(deps.db);
    const statuses = deriveStateStatuses(evidence);
    const { self, shadow } = splitByReporter(evidence);
    const indicators = indicatorsForItem(item.id);
    // Every norm page shows the indicators per region beside its evidence (issue 16); related ones also get their box.
    const indicatorValues = await loadDerivedIndicatorValues(deps.db);
    const groups = await listRollupGroups(deps.db);
    const related = await listDocumentsMentioningItem(deps.db, item.id);
    const title = `${item.code} ${item.shortTitle}`;
    const texts = [item.reference, ...evidence.map((e) => e.quote), ...updates.map((u) => u.bodyMarkdown)];
    const links = await findLinkTargets(deps.db, symbolsToLookUp(texts));
    const here = `/norms/${item.id}`;
    return c.html(
      <Layout
        title={title}
        path="/norms"
        description={`${framework.name}: ${item.code} ${item.shortTitle}`}
        shareImage={shareImageFor(deps, "norms", item.id, `Evidence on ${item.code} by State, on the world map`)}
        head={
          <>
            <AlternateLinks links={feeds} />
            <ImplementationStyles />
          </>
        }
      >
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/norms">Norms and CBMs</a> › <a href={`/norms#${item.id}`}>{item.code}</a>
        </nav>
        <h1>
          {item.code} {item.shortTitle}
        </h1>
        <dl class="facts">
          <dt>Stable id</dt>
          <dd>
            <code>{item.id}</code>
          </dd>
          <dt>Framework</dt>
          <dd>
            <a href={`/norms#framework-${framework.id}`}>{framework.name}</a> ({framework.body})
          </dd>
          <dt>Reference</dt>
          <dd>
            {item.reference ? (
              <LinkedText text={item.reference} links={links} currentHref={here} />
            ) : (
              <span class="muted">—</span>
            )}
          </dd>
          <dt>Instrument</dt>
          <dd>{item.instrument ?? framework.instrument ?? <span class="muted">—</span>}</dd>
        </dl>
        <StatesByStatus item={item} statuses={statuses} mapStates={mapStates} />
        <StateOnItemForm itemId={item.id} itemCode={item.code} />
        <section aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">Evidence ({evidence.length})</h2>
          <p class="meta">
            Published evidence only, each citing a paragraph or a URL; editors review every record before it appears.
            Download: <a href={`/api/v1/evidence/export?item=${item.id}&format=csv`}>CSV</a> ·{" "}
            <a href={`/api/v1/evidence/export?item=${item.id}&format=json`}>JSON</a>.
          </p>
          <EvidenceColumns self={self} shadow={shadow} links={links} />
        </section>
        {indicators.map((d) => (
          <DerivedIndicatorBox definition={d} values={indicatorValues} states={mapStates} />
        ))}
        <IndicatorCoverageSection groups={groups} values={indicatorValues} />
        <RelatedDocuments documents={related} />
        <RecordUpdates updates={updates} feedHref={feeds[0]!.href} links={links} />
        <SubscribeLinks links={feeds} follow={{ kind: "norm", id: item.id, name: item.code }} />
        <SourceList sources={sources} compilerNote={{ notes: item.notes, confidence: item.confidence }} />
      </Layout>,
    );
  });
  return app;
}
