import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";

interface FindBody {
  data: { kind: string; id: string; label: string; score: number; page_url: string; url: string }[];
  meta: {
    query: string;
    total: number;
    page: number;
    per_page: number;
    kinds: { kind: string; label: string; total: number }[];
    paragraphs_url: string;
  };
}

describe("the find API (issue 17)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  }, 300_000);
  afterAll(async () => t?.dispose());
  const find = async (query: string) => {
    const res = await t.app.request(`/api/v1/find?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()) as FindBody;
  };

  it("answers 74/247 with the resolution, then its vote, each with its page and API address", async () => {
    const body = await find("q=74%2F247");
    expect(body.data[0]).toMatchObject({
      kind: "resolution",
      id: "A/RES/74/247",
      score: 100,
      page_url: "/resolutions/A/RES/74/247",
      url: "/api/v1/resolutions/A%2FRES%2F74%2F247",
    });
    const vote = body.data.find((r) => r.kind === "vote")!;
    expect(vote).toMatchObject({ id: "A/RES/74/247", page_url: "/votes/A/RES/74/247" });
    expect((await t.app.request(vote.url)).status).toBe(200);
    expect((await t.app.request(body.data[0]!.url)).status).toBe(200);
    expect(body.meta.kinds.slice(0, 2).map((k) => k.kind)).toEqual(["resolution", "vote"]);
    expect(body.meta.paragraphs_url).toBe("/api/v1/search?q=74%2F247");
  });

  it("answers a State's name or code with the State first, and links to it in the API", async () => {
    for (const q of ["France", "fra"]) {
      const body = await find(`q=${q}`);
      expect(body.data[0], q).toMatchObject({ kind: "state", id: "FRA", url: "/api/v1/states/FRA" });
    }
    const norm = await find(`q=${encodeURIComponent("13(c)")}`);
    expect(norm.data[0]).toMatchObject({ kind: "norm", id: "13c", url: "/api/v1/framework-items/13c" });
    expect((await t.app.request(norm.data[0]!.url)).status).toBe(200);
  });

  it("limits to one kind, counts every kind, and pages with Link headers", async () => {
    const all = await find("q=cybercrime&per_page=100");
    const byKind = Object.fromEntries(all.meta.kinds.map((k) => [k.kind, k.total]));
    expect(all.meta.total).toBe(Object.values(byKind).reduce((a, b) => a + b, 0));
    const resolutions = await find("q=cybercrime&kind=resolution&per_page=5");
    expect(resolutions.meta.total).toBe(byKind["resolution"]);
    expect(resolutions.meta.kinds).toEqual(expect.arrayContaining(all.meta.kinds));
    expect(resolutions.data).toHaveLength(5);
    expect(new Set(resolutions.data.map((r) => r.kind))).toEqual(new Set(["resolution"]));
    const second = await find("q=cybercrime&kind=resolution&per_page=5&page=2");
    expect(second.data.map((r) => r.id)).toEqual(
      all.data
        .filter((r) => r.kind === "resolution")
        .slice(5, 10)
        .map((r) => r.id),
    );
    // Every kind at once: the pages join up into the whole list, kind after kind.
    const page1 = await find("q=cybercrime&per_page=7");
    const page2 = await find("q=cybercrime&per_page=7&page=2");
    expect([...page1.data, ...page2.data].map((r) => `${r.kind} ${r.id}`)).toEqual(
      all.data.slice(0, 14).map((r) => `${r.kind} ${r.id}`),
    );
    const res = await t.app.request("/api/v1/find?q=cybercrime&per_page=7");
    expect(res.headers.get("link")).toContain('rel="next"');
  });

  it("answers a missing query, an unknown kind and an unknown parameter with 400", async () => {
    for (const query of ["", "q=", "q=France&kind=planet", "q=France&sort=name", "q=France&per_page=1000"]) {
      const res = await t.app.request(`/api/v1/find?${query}`);
      expect(res.status, query).toBe(400);
    }
  });
});
