import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";

interface ResolutionBody {
  symbol: string;
  adopted_on: string | null;
  committee: string | null;
  adoption_method: string | null;
  totals: { yes: number; no: number; abstain: number } | null;
  votes_url: string | null;
  processes: { process_id: string; relation: string }[];
  sources: { id: string }[];
}

describe.each(TEST_DRIVERS)("Resolutions API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "returns A/RES/74/247: adopted 27 December 2019 by 79–60–33, mandating the Ad Hoc Committee",
    async () => {
      const res = await t.app.request("/api/v1/resolutions/A%2FRES%2F74%2F247");
      expect(res.status).toBe(200);
      const body = (await res.json()) as ResolutionBody;
      expect(body.adopted_on).toBe("2019-12-27");
      expect(body.totals).toEqual({ yes: 79, no: 60, abstain: 33 });
      expect(body.adoption_method).toBe("recorded-vote");
      expect(body.committee).toBe("Third Committee");
      expect(body.votes_url).toBe("/votes/A/RES/74/247");
      expect(body.processes).toEqual([
        expect.objectContaining({ process_id: "ahc-cybercrime-2022-2024", relation: "mandate" }),
      ]);
      expect(body.sources.length).toBeGreaterThan(1);
    },
  );

  it.skipIf(skip)("accepts the symbol unencoded as a path, and decisions with a space", async () => {
    const plain = (await (await t.app.request("/api/v1/resolutions/A/RES/74/247")).json()) as ResolutionBody;
    expect(plain.symbol).toBe("A/RES/74/247");
    const decision = await t.app.request("/api/v1/resolutions/decision%2074%2F567");
    expect(decision.status).toBe(200);
    const body = (await decision.json()) as ResolutionBody;
    expect(body.adopted_on).toBe("2020-08-14");
    expect(body.votes_url).toBeNull();
  });

  it.skipIf(skip)("filters by topic and GA session, in order of adoption", async () => {
    const res = await t.app.request("/api/v1/resolutions?topic=cybercrime&session=74");
    const body = (await res.json()) as { data: ResolutionBody[]; meta: { total: number } };
    expect(body.data.map((r) => r.symbol)).toEqual(["A/RES/74/173", "A/RES/74/247", "decision 74/567"]);
    const all = (await (await t.app.request("/api/v1/resolutions?per_page=500")).json()) as {
      data: ResolutionBody[];
      meta: { total: number };
    };
    expect(all.meta.total).toBe(47);
    expect(all.data[0]!.symbol).toBe("A/RES/53/70");
  });

  it.skipIf(skip)("answers an unknown symbol with 404 and bad filters with 400", async () => {
    const missing = await t.app.request("/api/v1/resolutions/A%2FRES%2F99%2F999");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: { code: "not_found", message: "resolution not found: A/RES/99/999" },
    });
    expect((await t.app.request("/api/v1/resolutions/A/RES/99/999")).status).toBe(404);
    expect((await t.app.request("/api/v1/resolutions?topic=space")).status).toBe(400);
    expect((await t.app.request("/api/v1/resolutions?session=seventy")).status).toBe(400);
  });

  it.skipIf(skip)("documents the encoded symbol parameter in the OpenAPI document", async () => {
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; description?: string }[] } }>;
    };
    const param = doc.paths["/api/v1/resolutions/{symbol}"]?.get?.parameters?.find((p) => p.name === "symbol");
    expect(param?.description).toContain("URL-encoded");
  });
});
