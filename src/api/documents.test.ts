import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";

describe.each(TEST_DRIVERS)("documents and search API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)("lists the bundled documents newest first", async () => {
    const res = await t.app.request("/api/v1/documents?per_page=3");
    const body = (await res.json()) as { data: { symbol: string; date: string }[]; meta: { total: number } };
    expect(res.status).toBe(200);
    expect(body.meta.total).toBe(14);
    expect(body.data[0]).toMatchObject({ symbol: "A/RES/80/16", date: "2025-12-01" });
  });

  it.skipIf(skip)("returns a document by encoded or plain symbol, with paragraph permalinks", async () => {
    for (const path of ["/api/v1/documents/A%2FRES%2F77%2F37", "/api/v1/documents/A/RES/77/37"]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        symbol: string;
        paragraphs: { anchor: string; permalink: string; text: string }[];
      };
      expect(body.symbol).toBe("A/RES/77/37");
      const op5 = body.paragraphs.find((p) => p.anchor === "op-5")!;
      expect(op5.permalink).toBe("/documents/A/RES/77/37#op-5");
      expect(op5.text).toMatch(/^Decides to include in the provisional agenda of its seventy-eighth session/);
    }
    expect((await t.app.request("/api/v1/documents/A/RES/1/1")).status).toBe(404);
  });

  it.skipIf(skip)("serves the citation graph of a document", async () => {
    const res = await t.app.request("/api/v1/documents/A/RES/79/243/citations");
    const body = (await res.json()) as {
      cites: { target_symbol: string }[];
      edges: { source: string; target: string }[];
    };
    expect(res.status).toBe(200);
    expect(body.cites.map((c) => c.target_symbol)).toEqual(expect.arrayContaining(["A/RES/74/247", "A/RES/75/282"]));
    expect(body.edges).toContainEqual(expect.objectContaining({ source: "A/RES/79/243", target: "A/RES/74/247" }));
  });

  it.skipIf(skip)("searches paragraphs with snippets as plain segments and helpful messages", async () => {
    const res = await t.app.request(
      `/api/v1/search?q=${encodeURIComponent("ad hoc intergovernmental committee of experts")}&type=resolution`,
    );
    const body = (await res.json()) as {
      data: { permalink: string; snippet: { text: string; match: boolean }[] }[];
      meta: { total: number; message: string | null };
    };
    expect(res.status).toBe(200);
    expect(body.data.map((h) => h.permalink)).toContain("/documents/A/RES/74/247#op-2");
    expect(body.meta.message).toBeNull();
    const empty = (await (await t.app.request("/api/v1/search?q=")).json()) as { meta: { message: string } };
    expect(empty.meta.message).toMatch(/Type words/);
    const stop = (await (await t.app.request("/api/v1/search?q=the%20of")).json()) as { meta: { message: string } };
    expect(stop.meta.message).toMatch(/common words/);
    expect((await t.app.request(`/api/v1/search?q=${"a".repeat(600)}`)).status).toBe(400);
    expect((await t.app.request("/api/v1/search?q=cyber&from=yesterday")).status).toBe(400);
  });
});
