import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { createPublisher, evidenceRecord } from "../../../test/evidence.js";
import { ingestBatch } from "../../ingest/documents/batch.js";
import { listStateNormParagraphs } from "../../db/state-norm.js";

const NOW = new Date("2026-11-23T12:00:00Z");

describe("a State's record on one norm (/states/FRA/norms/13c)", () => {
  let t: TestApp;
  let tmp: string;
  beforeAll(async () => {
    t = await createTestApp();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-state-norm-"));
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("says plainly that France has no published evidence on 13(c), and shows its real position and indicators", async () => {
    const res = await t.app.request("/states/FRA/norms/13c");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      "<h1>France and 13(c) Do not knowingly allow territory to be used for wrongful ICT acts</h1>",
    );
    expect(html).toContain("<strong>No published evidence yet</strong> for France on 13(c)");
    // The bundled positions dataset: France's 2019 paper of the Ministry of the Armed Forces.
    expect(html).toContain("Droit international appliqué aux opérations dans le cyberespace");
    expect(html).toContain('<h2 id="state-indicators-heading">');
    expect(html).toContain("Texts that name both (0)");
    expect(html).toContain('<a href="/norms/13c">13(c)</a>');
    // The reference is said once (the framework's name already names the report), and the link to suggest a source works.
    expect(html).not.toContain("(A/70/174 para 13(c))");
    const suggest = /<a href="([^"]+)">suggest a source<\/a>/.exec(html)![1]!.replaceAll("&amp;", "&");
    expect((await t.app.request(suggest)).status).toBe(200);
  });

  it("shows the status and the record once evidence for France on 13(c) is published", async () => {
    const publisher = await createPublisher(t.database.db, NOW, "state-norm");
    // A synthetic evidence record (not a real claim about France), published through the editorial workflow.
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "FRA",
        itemId: "13c",
        status: "in-progress",
        externalUrl: "https://example.org/synthetic-13c",
        observed: "2024",
      }),
    );
    const html = await (await t.app.request("/states/FRA/norms/13c")).text();
    expect(html).toContain("Status: <strong>In progress</strong>, from 1 published evidence record.");
    expect(html).toContain("Evidence (1)");
    // The norm page's table and the State page's matrix lead to this record.
    const norm = await (await t.app.request("/norms/13c")).text();
    expect(norm).toContain('<a href="/states/FRA/norms/13c">France</a>');
    const state = await (await t.app.request("/states/FRA")).text();
    expect(state).toContain('<a href="/states/FRA/norms/13c">13(c)</a>');
  });

  it("lists a paragraph citing 13(c) in a document the State authored", async () => {
    // A synthetic statement (not a real text), attributed to France at ingest by its name.
    const file = path.join(tmp, "statement.txt");
    fs.writeFileSync(file, "Statement to the Working Group\n\nWe act on norm 13 (c) with our partners.\n");
    const [result] = await ingestBatch(t.database.db, [{ kind: "file", path: file }], {
      provenance: { licence: "test only", type: "statement", authors: ["France"] },
      now: () => NOW,
      maxBytes: 1_000_000,
      maxRedirects: 0,
      allowPrivateAddresses: false,
    });
    expect(result!.status).toBe("inserted");
    const found = await listStateNormParagraphs(t.database.db, { iso3: "FRA", name: "France" }, "13c");
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ slug: result!.slug, byTheState: true });
    expect(await listStateNormParagraphs(t.database.db, { iso3: "DEU", name: "Germany" }, "13c")).toEqual({
      items: [],
      total: 0,
    });
    const html = await (await t.app.request("/states/FRA/norms/13c")).text();
    expect(html).toContain("Texts that name both (1)");
    expect(html).toContain(" · by France");
  });

  it("finds the page from the norm page's form by name or code, and says when no State matches", async () => {
    const form = await (await t.app.request("/norms/13c")).text();
    expect(form).toContain('action="/norms/13c/state"');
    const byName = await t.app.request("/norms/13c/state?state=France");
    expect(byName.status).toBe(303);
    expect(byName.headers.get("location")).toBe("/states/FRA/norms/13c");
    expect((await t.app.request("/norms/13c/state?state=fra")).headers.get("location")).toBe("/states/FRA/norms/13c");
    const unknown = await t.app.request("/norms/13c/state?state=Atlantis");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("No State matches “Atlantis”.");
    const lower = await t.app.request("/states/fra/norms/13c");
    expect(lower.status).toBe(301);
    expect(lower.headers.get("location")).toBe("/states/FRA/norms/13c");
    expect((await t.app.request("/states/FRA/norms/13z")).status).toBe(404);
    expect((await t.app.request("/states/XXX/norms/13c")).status).toBe(404);
  });
});
