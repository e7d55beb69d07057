import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { createPublisher, evidenceRecord, paragraphIdOf } from "../../../test/evidence.js";

describe("Norms and CBMs pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("lists the 11 norms 13(a)–(k) first, each with its stable id anchor, then OSCE, OAS, ARF and UN CBMs", async () => {
    const res = await t.app.request("/norms");
    expect(res.status).toBe(200);
    const html = await res.text();
    const anchors = [...html.matchAll(/<article class="norm-item" id="([a-z0-9-]+)">/g)].map((m) => m[1]);
    expect(anchors).toHaveLength(36);
    expect(anchors.slice(0, 11)).toEqual(["13a", "13b", "13c", "13d", "13e", "13f", "13g", "13h", "13i", "13j", "13k"]);
    expect(anchors).toContain("osce-2016-05");
    const sections = [...html.matchAll(/<section id="framework-([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(["un-norms-2015", "osce-cbms", "oas-cbms", "arf-ict", "un-global-cbms"]);
    expect(html).toContain('<a href="/norms/13c">13(c)</a>');
  });

  it("shows one norm with its framework, reference and sources, the compiler's note under the sources (issue 15)", async () => {
    const res = await t.app.request("/norms/13c");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("A/70/174 para 13(c)");
    expect(html).toContain("Voluntary, non-binding norms of responsible State behaviour");
    // Bundled notes of 13(c): "Letters (a)-(k) as shown on dig.watch; …" is provenance, not a public Note; confidence is high, so not shown.
    expect(html).not.toContain('id="notes-heading"');
    expect(html).not.toContain("<dt>Confidence</dt>");
    const sources = html.slice(html.indexOf('<h2 id="sources-heading">Sources</h2>'));
    expect(sources).toContain("Compiler&#39;s note: Letters (a)-(k) as shown on dig.watch");
    expect(sources).not.toContain("Confidence:");
  });

  it("shows an OSCE CBM by its stable id and answers an unknown id with a 404 page", async () => {
    const osce = await t.app.request("/norms/osce-2016-05");
    expect(osce.status).toBe(200);
    expect(await osce.text()).toContain("OSCE-2016-05");
    expect((await t.app.request("/norms/13z")).status).toBe(404);
  });

  it("shows a framework and an item an editor published through the editorial workflow, at their stable URLs", async () => {
    const publisher = await createPublisher(t.database.db, new Date("2026-11-23T12:00:00Z"), "norms-framework");
    // A synthetic framework and item (not real), to prove the workflow; the source is the test source.
    await publisher.publish("framework", {
      id: "test-cbms",
      name: "Test CBMs (synthetic)",
      kind: "cbms",
      body: "Test body",
      instrument: null,
    });
    await publisher.publish("framework-item", {
      id: "test-cbm-1",
      frameworkId: "test-cbms",
      code: "TEST-1",
      position: 1,
      shortTitle: "A synthetic test measure",
      reference: null,
      instrument: null,
      notes: null,
      confidence: "medium",
    });
    const list = await (await t.app.request("/norms")).text();
    expect(list).toContain('<section id="framework-test-cbms"');
    expect(list).toContain('<a href="/norms/test-cbm-1">TEST-1</a>');
    const page = await t.app.request("/norms/test-cbm-1");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("A synthetic test measure");
    expect(html).toContain("Synthetic test source (not real)");
  });

  it("shows States by status on a map and in a table, evidence with citations side by side, and documents that mention the item", async () => {
    const db = t.database.db;
    const publisher = await createPublisher(db, new Date("2026-11-23T12:00:00Z"), "norms-evidence");
    // Synthetic evidence records (not real claims about these States).
    const op4 = await paragraphIdOf(db, "A/RES/78/237", "op-4");
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "DEU",
        itemId: "13k",
        status: "implemented",
        paragraphId: op4,
        quote: "computer emergency response teams channels",
        observed: "2023",
      }),
    );
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "DEU",
        itemId: "13k",
        status: "in-progress",
        reporter: "civil-society",
        reporterName: "Test NGO",
        externalUrl: "https://example.org/shadow-13k",
        observed: "2024",
      }),
    );
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "KEN",
        itemId: "13k",
        status: "planned",
        externalUrl: "https://example.org/ken-13k",
      }),
    );
    const html = await (await t.app.request("/norms/13k")).text();
    expect(html).toMatch(/<link rel="stylesheet" href="\/static\/implementation\.css\?v=[0-9a-f]{12}"\/>/);
    // Germany's latest record (2024, civil society) decides its status; Kenya's only record is planned.
    expect(html).toMatch(/<path d="[^"]+" class="ev-in-progress" data-iso3="DEU"><title>Germany: In progress<\/title>/);
    expect(html).toMatch(/class="ev-planned" data-iso3="KEN"/);
    const table = html.slice(
      html.indexOf('id="states-by-status"'),
      html.indexOf("</table>", html.indexOf('id="states-by-status"')),
    );
    expect(table).toContain("2 of");
    expect(table).toMatch(
      /In progress<\/th><td class="num">1<\/td><td><a href="\/states\/DEU\/norms\/13k">Germany<\/a>/,
    );
    const self = html.slice(html.indexOf('id="self-reports-heading"'), html.indexOf('id="shadow-reports-heading"'));
    expect(self).toContain("Reported by the States themselves (2)");
    expect(self).toContain('<a href="/documents/A/RES/78/237#op-4">A/RES/78/237, op 4</a>');
    expect(self).toContain("<blockquote");
    const shadow = html.slice(html.indexOf('id="shadow-reports-heading"'));
    expect(shadow).toContain("Test NGO (civil society)");
    expect(shadow).toContain('href="https://example.org/shadow-13k"');
    const list = await (await t.app.request("/norms")).text();
    const article = list.slice(
      list.indexOf('<article class="norm-item" id="13k">'),
      list.indexOf("</article>", list.indexOf('id="13k"')),
    );
    expect(article).toContain("Published evidence from 2 States");
    expect(list.slice(list.indexOf('id="13j"'), list.indexOf('id="13k"'))).toContain("No published evidence yet");
    const related = html.slice(html.indexOf('id="related-documents-heading"'));
    expect(related).toContain('<a href="/documents/A/RES/78/237#op-4">op 4</a> (topic)');
  });

  it("shows a derived indicator beside the items it relates to, labelled as derived, with its rule and the bundled count", async () => {
    const html = await (await t.app.request("/norms/13d")).text();
    expect(html).toContain('<span class="badge">Derived indicator</span> Party to the Budapest Convention');
    expect(html).toContain(
      "Derived: met when the State&#39;s latest sourced row of the Budapest Convention&#39;s status",
    );
    // Partial data (issue 16): the count is of States in the data, never a share of all States.
    expect(html).toContain(
      "<strong>20</strong> States in the data (of 21 with a sourced row); for the others the data says nothing (unknown).",
    );
    expect(html).toContain('<span class="badge">Derived indicator</span> Signed the UN Convention against Cybercrime');
    const strategy = await (await t.app.request("/norms/oas-01")).text();
    expect(strategy).toContain("<strong>135</strong> of 193 States.");
    const other = await (await t.app.request("/norms/13c")).text();
    expect(other).not.toContain('<span class="badge">Derived indicator</span>');
    // Every norm page shows the indicators per region beside the evidence, labelled and not counted (issue 16).
    expect(other).toContain('<span class="badge">Derived indicators</span> From sourced datasets, beside the evidence');
    expect(other).toMatch(
      /<th scope="row">Western European and Others Group[^<]*<\/th><td>\d+ of \d+<\/td><td>[1-9]\d* of \d+/,
    );
  });
});
