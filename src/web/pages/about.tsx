// "About the data": the bundled datasets with their sources and licences, and how to cite Normwatch.
import { Hono } from "hono";
import { listDatasetSources } from "../../db/about.js";
import type { AppDeps } from "../../http/deps.js";
import { CorpusProgress, loadCorpusStatus } from "../components/corpus-status.js";
import { Layout } from "../layout.js";
import { TableScroll } from "../components/table-scroll.js";

export function aboutPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/data", async (c) => {
    const datasets = await listDatasetSources(deps.db);
    const corpus = await loadCorpusStatus(deps.db);
    const today = deps.now().toISOString().slice(0, 10);
    return c.html(
      <Layout
        title="About the data"
        path="/about/data"
        description="The datasets bundled with Normwatch, their sources and licences, and how to cite"
      >
        <h1>About the data</h1>
        <p class="lede">
          Normwatch ships with real reference data. Every record names its sources; the datasets below are the bundled
          ones, each with its licence. Facts from web pages and UN documents are cited record by record on each page.
        </p>
        <TableScroll label="Datasets">
          <table class="data" id="datasets">
            <caption>Bundled datasets ({datasets.length})</caption>
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Licence</th>
                <th scope="col">Attribution</th>
                <th scope="col">Retrieved</th>
                <th scope="col" class="num">
                  Records citing it
                </th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr>
                  <th scope="row">
                    {d.url ? (
                      <a href={d.url} rel="external noopener">
                        {d.title}
                      </a>
                    ) : (
                      d.title
                    )}
                    {d.datasetPath ? (
                      <div class="meta">
                        <code>{d.datasetPath}</code>
                      </div>
                    ) : null}
                  </th>
                  <td>{d.licence}</td>
                  <td>{d.attribution ?? <span class="muted">—</span>}</td>
                  <td>{d.retrievedOn ?? <span class="muted">—</span>}</td>
                  <td class="num">{d.recordCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <section aria-labelledby="corpus" id="corpus-section">
          <h2 id="corpus">Document corpus</h2>
          <p>
            The English texts of the General Assembly's resolutions of sessions 74 to 79 (Akoma Ntoso, from the UN's
            machine-readable resolutions; source: United Nations, DGACM), searchable paragraph by paragraph.
          </p>
          <CorpusProgress status={corpus} />
        </section>
        <section aria-labelledby="bulk-heading">
          <h2 id="bulk-heading">Bulk download</h2>
          <p>
            All public data in one file: <a href="/api/v1/dump">normwatch-public.ndjson.gz</a> (gzipped NDJSON, the
            format <code>normwatch export --public</code> writes and <code>normwatch import</code> reads). It holds
            published records with their sources, never accounts, subscribers or drafts, and is rebuilt when the data
            changes.
          </p>
        </section>
        <section aria-labelledby="cite-heading">
          <h2 id="cite-heading">How to cite</h2>
          <p>
            Cite the record's permanent address and the date you consulted it, and the original source named on the
            record. For example:
          </p>
          <blockquote>
            <p>
              Normwatch, “A/RES/74/247”, /resolutions/A/RES/74/247 (consulted {today}); source: United Nations, General
              Assembly resolution A/RES/74/247.
            </p>
          </blockquote>
          <p>
            When you reuse data, keep each dataset's licence and attribution: the UN asks to be acknowledged as the
            source; mledoze/countries data is under ODbL-1.0; Voeten's voting data is CC0; internacia-db is MIT;
            Kostyuk's strategy data states no licence, so cite the paper. The same data is available as JSON from the{" "}
            <a href="/api/docs">API</a>.
          </p>
        </section>
      </Layout>,
    );
  });
  return app;
}
