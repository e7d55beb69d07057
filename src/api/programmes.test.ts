import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";
import { insertProgrammesWithKenyaEvidence, syntheticCertSupport } from "../../test/programmes.js";
import * as t from "../db/schema/index.js";

interface Programme {
  id: string;
  beneficiary_states: string[];
  funders: string[];
  budget: string | null;
  start: { value: string; precision: string } | null;
}

describe.each(TEST_DRIVERS)("Programmes API on $label", ({ driver, skip }) => {
  let app: TestApp;
  beforeAll(async () => {
    if (skip) return;
    app = await createTestApp(driver);
    // SYNTHETIC test rows, written directly: two programmes and one evidence record for Kenya on norm 13a.
    await insertProgrammesWithKenyaEvidence(app.database.db, [
      syntheticCertSupport("1000.50"),
      {
        id: "synthetic-diplomacy-course",
        title: "Synthetic diplomacy course",
        funders: ["Other Donor"],
        beneficiaryStates: ["BRA"],
        itemIds: [],
        confidence: "medium",
      },
    ]);
  });
  afterAll(async () => app?.dispose());

  const get = async <T>(path: string) => {
    const res = await app.app.request(path);
    return { status: res.status, body: (await res.json()) as T };
  };

  it.skipIf(skip)("lists programmes with IATI-shaped fields and filters by beneficiary, funder and item", async () => {
    const all = await get<{ data: Programme[]; meta: { total: number } }>("/api/v1/programmes");
    expect(all.body.meta.total).toBe(2);
    expect(all.body.data[0]).toMatchObject({
      id: "synthetic-cert-support",
      budget: "1000.50",
      start: { value: "2024-03", precision: "month" },
      beneficiary_states: ["KEN", "GHA"],
    });
    expect((await get<{ data: Programme[] }>("/api/v1/programmes?beneficiary=bra")).body.data.map((p) => p.id)).toEqual(
      ["synthetic-diplomacy-course"],
    );
    expect(
      (await get<{ data: Programme[] }>("/api/v1/programmes?funder=Synthetic%20Donor&item=13c")).body.data.map(
        (p) => p.id,
      ),
    ).toEqual(["synthetic-cert-support"]);
    expect((await get("/api/v1/programmes?beneficiary=1")).status).toBe(400);
  });

  it.skipIf(skip)("shows, per beneficiary State, the addressed items with no published evidence (gaps)", async () => {
    const { body } = await get<{ gaps: { state_iso3: string; item_ids: string[] }[] }>(
      "/api/v1/programmes/synthetic-cert-support",
    );
    expect(body.gaps).toEqual([
      { state_iso3: "KEN", item_ids: ["13c"] },
      { state_iso3: "GHA", item_ids: ["13a", "13c"] },
    ]);
    expect((await get("/api/v1/programmes/nothing-here")).status).toBe(404);
  });

  it.skipIf(skip)("documents the implementation resources in the OpenAPI document", async () => {
    const { body } = await get<{ paths: Record<string, unknown> }>("/api/openapi.json");
    for (const path of [
      "/api/v1/programmes",
      "/api/v1/programmes/{id}",
      "/api/v1/instruments",
      "/api/v1/instruments/{id}",
      "/api/v1/assessments",
      "/api/v1/rubrics",
      "/api/v1/rubrics/{slug}",
      "/api/v1/rubrics/{slug}/versions/{version}",
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
  });

  it.skipIf(skip)("exports CSV with lists joined, CRLF line ends and no paging", async () => {
    const res = await app.app.request("/api/v1/programmes?format=csv&per_page=1");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="programmes.csv"');
    const text = await res.text();
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      "synthetic-cert-support,,Synthetic CERT support,Synthetic Donor,Synthetic Institute,KEN; GHA,,2024-03,,1000.50,EUR,13a; 13c,,medium,",
    );
  });

  it.skipIf(skip)(
    "keeps a title that looks like a spreadsheet formula from running, and adds a byte-order mark on ?bom=1",
    async () => {
      const title = '=HYPERLINK("https://evil.example/","Click here")';
      await app.database.db.insert(t.programmes).values({
        id: "synthetic-formula-title",
        title,
        funders: ["@Donor"],
        beneficiaryStates: ["KEN"],
        itemIds: [],
        confidence: "medium",
      });
      try {
        // Response.text() drops a byte-order mark, so the bytes are read.
        const bytes = Buffer.from(
          await (await app.app.request("/api/v1/programmes?format=csv&bom=1&beneficiary=KEN")).arrayBuffer(),
        );
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
        const row = rows.find((r) => r["id"] === "synthetic-formula-title")!;
        expect(row["title"]).toBe(`'${title}`);
        expect(row["funders"]).toBe("'@Donor");
        expect(rows.find((r) => r["id"] === "synthetic-cert-support")!["budget"]).toBe("1000.50");
        expect(Buffer.from(await (await app.app.request("/api/v1/programmes?format=csv")).arrayBuffer())[0]).toBe(
          "i".charCodeAt(0),
        );
      } finally {
        await app.database.db.delete(t.programmes).where(eq(t.programmes.id, "synthetic-formula-title"));
      }
    },
  );
});
