import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";
import { createPublisher, evidenceRecord, paragraphIdOf, TEST_SOURCE } from "../../test/evidence.js";
import { insertChange } from "../db/changes.js";
import { queryRows } from "../db/client.js";
import { evidence } from "../db/schema/index.js";
import { InvalidInputError } from "../domain/errors.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const DRAFT_MARKER = "Zqvdraftonly";
const readJson = <T>(name: string): T =>
  JSON.parse(fs.readFileSync(new URL(`../../datasets/reference/${name}`, import.meta.url), "utf8")) as T;

interface List<T> {
  data: T[];
  meta: { total: number };
}
type EvidenceJson = {
  id: number;
  subject_id: string;
  item_id: string;
  reporter: string;
  citation_url: string | null;
  cited_paragraph: { anchor: string; document_slug: string } | null;
  sources: { url: string | null }[];
};

describe.each(TEST_DRIVERS)("Evidence and implementation API on $label", ({ driver, skip }) => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    if (skip) return;
    t = await createTestApp(driver, { now: NOW });
    const db = t.database.db;
    const publisher = await createPublisher(db, NOW);
    // Synthetic evidence (not real claims about these States), published through the editorial workflow.
    const op4 = await paragraphIdOf(db, "A/RES/78/237", "op-4");
    ids = {
      deuSelf: await publisher.publish(
        "evidence",
        evidenceRecord({
          stateIso3: "DEU",
          itemId: "13c",
          status: "implemented",
          paragraphId: op4,
          quote: "points of contact directory",
          observed: "2023-12",
        }),
      ),
      deuShadow: await publisher.publish(
        "evidence",
        evidenceRecord({
          stateIso3: "DEU",
          itemId: "13c",
          status: "regressed",
          reporter: "civil-society",
          reporterName: "Test NGO",
          externalUrl: "https://example.org/shadow",
        }),
      ),
      fraPoc: await publisher.publish(
        "evidence",
        evidenceRecord({
          stateIso3: "FRA",
          itemId: "un-global-poc-directory",
          status: "implemented",
          kind: "practice",
          externalUrl: "https://example.org/fra",
        }),
      ),
      osce: await publisher.publish(
        "evidence",
        evidenceRecord({
          organizationId: "OSCE",
          itemId: "osce-2013-08",
          status: "in-progress",
          reporter: "intergovernmental",
          externalUrl: "https://example.org/osce",
        }),
      ),
    };
    await insertChange(db, {
      kind: "evidence",
      operation: "create",
      recordId: null,
      record: evidenceRecord({ stateIso3: "BRA", quote: DRAFT_MARKER, externalUrl: "https://example.org/draft" }),
      sources: [TEST_SOURCE],
      summary: "draft",
      submit: true,
      authorId: publisher.authorId,
      now: NOW,
    });
  });
  afterAll(async () => t?.dispose());

  const get = async <T>(path: string) => {
    const res = await t.app.request(path);
    return { status: res.status, body: (await res.json()) as T };
  };

  it.skipIf(skip)(
    "refuses evidence without a source in the editorial workflow, and the database refuses it too",
    async () => {
      const db = t.database.db;
      const publisher = {
        authorId: (await queryRows<{ id: number }>(db, sql`SELECT id FROM users ORDER BY id LIMIT 1`))[0]!.id,
      };
      const attempt = insertChange(db, {
        kind: "evidence",
        operation: "create",
        recordId: null,
        record: evidenceRecord({ stateIso3: "DEU" }),
        sources: [TEST_SOURCE],
        summary: "no source",
        authorId: publisher.authorId,
        now: NOW,
      });
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
      await expect(attempt).rejects.toMatchObject({
        issues: [{ path: "externalUrl", message: "evidence needs a source: a cited paragraph or a URL" }],
      });
      const direct = db.insert(evidence).values({
        stateIso3: "DEU",
        itemId: "13c",
        kind: "statement",
        status: "planned",
        reporter: "self",
        confidence: "medium",
      });
      await expect(direct).rejects.toThrow();
    },
  );

  it.skipIf(skip)(
    "lists published evidence only, with filters by State, organisation, item, framework, reporter, status and kind",
    async () => {
      const all = await get<List<EvidenceJson>>("/api/v1/evidence");
      expect(all.status).toBe(200);
      expect(all.body.meta.total).toBe(4);
      expect(JSON.stringify(all.body)).not.toContain(DRAFT_MARKER);
      const count = async (query: string) =>
        (await get<List<EvidenceJson>>(`/api/v1/evidence?${query}`)).body.meta.total;
      expect(await count("state=deu")).toBe(2);
      expect(await count("organization=OSCE")).toBe(1);
      expect(await count("item=13c&status=implemented")).toBe(1);
      expect(await count("framework=un-norms-2015")).toBe(2);
      expect(await count("reporter=civil-society")).toBe(1);
      expect(await count("kind=practice")).toBe(1);
      expect((await get("/api/v1/evidence?status=done")).status).toBe(400);
    },
  );

  it.skipIf(skip)(
    "gives one record with its cited paragraph permalink and its sources; 404 for an unknown id",
    async () => {
      const one = await get<EvidenceJson>(`/api/v1/evidence/${ids["deuSelf"]}`);
      expect(one.status).toBe(200);
      expect(one.body.cited_paragraph).toMatchObject({ document_slug: "A/RES/78/237", anchor: "op-4" });
      expect(one.body.citation_url).toBe("/documents/A/RES/78/237#op-4");
      expect(one.body.sources.map((s) => s.url)).toEqual([(TEST_SOURCE as { url: string }).url]);
      expect((await get(`/api/v1/evidence/${ids["osce"]}`)).body).toMatchObject({
        subject_kind: "organization",
        subject_id: "OSCE",
        citation_url: "https://example.org/osce",
      });
      expect((await get("/api/v1/evidence/999999")).status).toBe(404);
    },
  );

  it.skipIf(skip)("exports published evidence with sources as CSV and JSON", async () => {
    const csv = await t.app.request("/api/v1/evidence/export?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,subject_kind,subject_id,subject_name,item_id,item_code,framework_id,kind,status,observed,observed_precision,quote,document_slug,paragraph_anchor,paragraph_label,citation_url,external_url,reporter,reporter_name,confidence,notes,sources",
    );
    expect(lines).toHaveLength(5);
    expect(lines.join("\n")).not.toContain(DRAFT_MARKER);
    const deu = lines.find((l) => l.startsWith(`${ids["deuSelf"]},`))!;
    expect(deu).toContain("/documents/A/RES/78/237#op-4");
    expect(deu).toContain("Synthetic test source (not real) <https://example.org/normwatch-test-source> (test only)");
    const json = await get<EvidenceJson[]>("/api/v1/evidence/export?format=json&state=FRA");
    expect(json.body.map((e) => [e.subject_id, e.item_id, e.sources.length])).toEqual([
      ["FRA", "un-global-poc-directory", 1],
    ]);
  });

  it.skipIf(skip)(
    "rolls evidence up per UN regional group and organisation over the members in the bundled data",
    async () => {
      const states = readJson<{ iso3: string; unStatus: string; unRegionalGroup: string | null }[]>("states.json");
      const memberships =
        readJson<{ organizationId: string; stateIso3: string | null; isCurrent: boolean }[]>("memberships.json");
      const weogSize = states.filter((s) => s.unStatus === "member" && s.unRegionalGroup === "WEOG").length;
      const euSize = memberships.filter((m) => m.organizationId === "EU" && m.isCurrent && m.stateIso3).length;
      type Rollup = {
        items: { id: string }[];
        groups: {
          key: string;
          cells: {
            item_id: string;
            group_size: number;
            states_with_any: number;
            states_implemented: number;
            coverage_any: number;
          }[];
        }[];
      };
      const { body } = await get<Rollup>("/api/v1/implementation/rollup?framework=un-norms-2015");
      expect(body.items.map((i) => i.id)).toHaveLength(11);
      const cell = (key: string, item: string) =>
        body.groups.find((g) => g.key === key)!.cells.find((c) => c.item_id === item)!;
      // Germany (WEOG, EU) has two records on 13(c), one implemented: counted once. France's evidence is on a UN CBM, not a norm.
      expect(cell("group:WEOG", "13c")).toEqual({
        item_id: "13c",
        group_size: weogSize,
        states_with_any: 1,
        states_implemented: 1,
        coverage_any: 1 / weogSize,
        coverage_implemented: 1 / weogSize,
      });
      expect(cell("organization:EU", "13c")).toMatchObject({
        group_size: euSize,
        states_with_any: 1,
        states_implemented: 1,
      });
      expect(cell("group:AFRICAN", "13c")).toMatchObject({ states_with_any: 0 });
      expect(body.groups.slice(0, 5).map((g) => g.key)).toEqual([
        "group:AFRICAN",
        "group:ASIA_PACIFIC",
        "group:EEG",
        "group:GRULAC",
        "group:WEOG",
      ]);
    },
  );

  it.skipIf(skip)(
    "derives the indicators from the bundled data: first strategies (135) and Budapest Convention parties where a sourced row exists (20 of 21)",
    async () => {
      const strategies = readJson<{ firstAdopted: string | null }[]>("cyber-strategies.json");
      const expectedStrategies = strategies.filter((s) => s.firstAdopted !== null).length;
      // The Budapest rows are partial (issue 16): Andorra's 2015 row shows a signature only; States without a row have no value.
      const expectedParties = 20;
      expect(expectedStrategies).toBe(135);
      type Indicators = {
        indicators: { id: string; is_derived: boolean; rule: string; states_met: number }[];
        values: { indicator_id: string; state_iso3: string; is_met: boolean; since: { value: string } | null }[];
      };
      const { body } = await get<Indicators>("/api/v1/implementation/indicators?state=DEU");
      expect(body.indicators.map((i) => [i.id, i.states_met, i.is_derived])).toEqual([
        ["first-cyber-strategy", expectedStrategies, true],
        ["budapest-convention-party", expectedParties, true],
        // 31 States with a listed position; 68 States among the 69 identified signatories (the 69th is the EU).
        ["legal-position-published", 31, true],
        ["un-cybercrime-signed", 68, true],
      ]);
      expect(body.indicators[0]!.rule).toMatch(/^Derived: /);
      expect(body.values.map((v) => [v.indicator_id, v.state_iso3, v.is_met])).toEqual([
        ["first-cyber-strategy", "DEU", true],
        ["budapest-convention-party", "DEU", true],
        ["legal-position-published", "DEU", true],
      ]);
      // No sourced Budapest or UN Convention row for the United States: no value (unknown), never "not met".
      expect(
        (await get<Indicators>("/api/v1/implementation/indicators?state=USA")).body.values.map((v) => v.indicator_id),
      ).toEqual(["first-cyber-strategy", "legal-position-published"]);
    },
  );

  it.skipIf(skip)("documents the evidence and implementation endpoints in the OpenAPI document", async () => {
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      paths: Record<
        string,
        { get?: { parameters?: { name: string }[]; responses?: Record<string, { content?: Record<string, unknown> }> } }
      >;
    };
    for (const path of [
      "/api/v1/evidence",
      "/api/v1/evidence/{id}",
      "/api/v1/evidence/export",
      "/api/v1/implementation/rollup",
      "/api/v1/implementation/indicators",
    ])
      expect(doc.paths[path]?.get, path).toBeDefined();
    expect(doc.paths["/api/v1/evidence"]!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "state",
        "organization",
        "item",
        "framework",
        "reporter",
        "status",
        "kind",
        "page",
        "per_page",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/evidence/export"]!.get!.responses!["200"]!.content!)).toEqual([
      "text/csv",
      "application/json",
    ]);
  });
});
