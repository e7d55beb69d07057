// Every API query parameter that takes a State takes a name or a code, every one that takes a symbol takes the short
// form, and a value that matches nothing is a problem that names it (issue 17). On the bundled real data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";

interface Problem {
  status: number;
  detail: string;
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

describe("State and symbol query parameters of the API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.dispose());

  const get = async <T>(path: string) => {
    const res = await t.app.request(path);
    return { status: res.status, body: (await res.json()) as T };
  };

  it("takes a State filter as a code in any case or a name, the same answer each way", async () => {
    const paths = [
      (s: string) => `/api/v1/instruments?state=${s}`,
      (s: string) => `/api/v1/legal-positions?state=${s}`,
      (s: string) => `/api/v1/treaties/coe-ets-185/actions?state=${s}`,
      (s: string) => `/api/v1/evidence?state=${s}`,
      (s: string) => `/api/v1/implementation/indicators?state=${s}`,
      (s: string) => `/api/v1/assessments?state=${s}`,
    ];
    for (const path of paths) {
      const byCode = await get<unknown>(path("FRA"));
      expect(byCode.status, path("FRA")).toBe(200);
      for (const typed of ["fra", "France", "french%20republic", "r%C3%A9publique%20fran%C3%A7aise", "Francia"]) {
        const byName = await get<unknown>(path(typed));
        expect(byName.status, path(typed)).toBe(200);
        expect(byName.body, path(typed)).toEqual(byCode.body);
      }
    }
    const france = await get<{ data: { id: string }[] }>("/api/v1/instruments?state=France");
    expect(france.body.data.map((i) => i.id)).toContain("fra-first-cyber-strategy");
    const positions = await get<{ data: { state_iso3: string }[] }>("/api/v1/legal-positions?state=France");
    expect(positions.body.data.length).toBeGreaterThan(0);
    expect(new Set(positions.body.data.map((p) => p.state_iso3))).toEqual(new Set(["FRA"]));
  });

  it("answers a State that matches none with a 400 problem naming the value and the parameter", async () => {
    for (const [path, param] of [
      ["/api/v1/instruments?state=Atlantis", "state"],
      ["/api/v1/legal-positions?state=Atlantis", "state"],
      ["/api/v1/evidence?state=Atlantis", "state"],
      ["/api/v1/programmes?beneficiary=Atlantis", "beneficiary"],
      ["/api/v1/implementation/indicators?state=Atlantis", "state"],
    ] as const) {
      const { status, body } = await get<Problem>(path);
      expect(status, path).toBe(400);
      expect(body.detail, path).toContain("No State matches “Atlantis”");
      expect(body.error.details, path).toEqual([{ path: param, message: "no State by that name or code" }]);
    }
  });

  it("alignment pair: States by name, historical voters by code, an unknown name a 400", async () => {
    const byName = await get<{ a: string; b: string; agreement: number }>("/api/v1/alignment/pair?a=Brazil&b=Chine");
    expect(byName.status).toBe(200);
    expect([byName.body.a, byName.body.b]).toEqual(["BRA", "CHN"]);
    const byCode = await get<{ agreement: number }>("/api/v1/alignment/pair?a=BRA&b=CHN");
    expect(byName.body.agreement).toBe(byCode.body.agreement);
    expect((await get("/api/v1/alignment/pair?a=FRA&b=YUG")).status).toBe(200);
    const unknown = await get<Problem>("/api/v1/alignment/pair?a=Atlantis&b=FRA");
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain("No State matches “Atlantis”");
  });

  it("vote comparison and list: symbols short, full, in lower case or with spaces; an unknown one a 404 naming it", async () => {
    const full = await get<{ a: { id: string }; b: { id: string } }>(
      "/api/v1/votes/compare?a=A/RES/73/187&b=A/RES/74/247",
    );
    for (const [a, b] of [
      ["73/187", "74/247"],
      ["a/res/73/187", "a%2Fres%2F74%2F247"],
      ["73%20/%20187", "74/247"],
    ]) {
      const short = await get<unknown>(`/api/v1/votes/compare?a=${a}&b=${b}`);
      expect(short.status, `${a} ${b}`).toBe(200);
      expect(short.body).toEqual(full.body);
    }
    const unknown = await get<Problem>("/api/v1/votes/compare?a=73/187&b=73/999");
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain("A/RES/73/999");
    const list = await get<{ data: { id: string }[] }>("/api/v1/votes?q=a/res/074/247");
    expect(list.body.data.map((e) => e.id)).toContain("A/RES/74/247");
    expect(list.body).toEqual((await get<unknown>("/api/v1/votes?q=74/247")).body);
  });

  it("paragraph search: the State filter by name, the document filter by short symbol", async () => {
    const byCode = await get<{ meta: { total: number } }>("/api/v1/search?q=security&state=VNM");
    expect(byCode.status).toBe(200);
    expect((await get<unknown>("/api/v1/search?q=security&state=viet%20nam")).body).toEqual(byCode.body);
    const unknown = await get<Problem>("/api/v1/search?q=security&state=Atlantis");
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain("No State matches “Atlantis”");
    const full = await get<{ meta: { total: number } }>("/api/v1/search?q=security&document=A/RES/77/37");
    expect(full.body.meta.total).toBeGreaterThan(0);
    expect((await get<unknown>("/api/v1/search?q=security&document=77/37")).body).toEqual(full.body);
  });

  it("resolution: the symbol short or in any case, encoded or not", async () => {
    const full = await get<{ symbol: string }>("/api/v1/resolutions/A%2FRES%2F74%2F247");
    expect(full.body.symbol).toBe("A/RES/74/247");
    for (const path of [
      "/api/v1/resolutions/74%2F247",
      "/api/v1/resolutions/74/247",
      "/api/v1/resolutions/a/res/74/247",
    ])
      expect((await get<unknown>(path)).body, path).toEqual(full.body);
    expect((await get<unknown>("/api/v1/resolutions/74%2F999")).status).toBe(404);
  });

  it("States list: a name in another form finds its State", async () => {
    const { body } = await get<{ data: { iso3: string }[] }>("/api/v1/states?q=cote%20divoire");
    expect(body.data.map((s) => s.iso3)).toEqual(["CIV"]);
  });
});
