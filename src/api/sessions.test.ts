import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";

interface SessionBody {
  id: string;
  process_id: string;
  kind: string;
  start: { value: string; precision: string } | null;
  end: { value: string; precision: string } | null;
  venue: string | null;
  process_name?: string;
  sources?: { id: string }[];
}

describe.each(TEST_DRIVERS)("Sessions API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver, { now: new Date("2026-11-23T12:00:00Z") });
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "lists upcoming sessions relative to today: the Global Mechanism's meetings of 7–11 December 2026",
    async () => {
      const res = await t.app.request("/api/v1/sessions?upcoming=true");
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: SessionBody[]; meta: { total: number } };
      expect(body.data.map((s) => s.id)).toEqual([
        "global-mechanism-ict-2026-global-mechanism-dedicated-thematic-group-dtg-meetings",
      ]);
      expect(body.data[0]!.start).toEqual({ value: "2026-12-07", precision: "day" });
    },
  );

  it.skipIf(skip)("filters by process, kind and date range", async () => {
    const oewg = (await (await t.app.request("/api/v1/sessions?process=oewg-2019-2021&kind=substantive")).json()) as {
      data: SessionBody[];
    };
    expect(oewg.data.map((s) => s.id)).toEqual([
      "oewg-2019-2021-oewg-first-substantive-session",
      "oewg-2019-2021-oewg-second-substantive-session",
      "oewg-2019-2021-oewg-third-final-substantive-session",
    ]);
    const feb2020 = (await (await t.app.request("/api/v1/sessions?from=2020-02-01&to=2020-02-29")).json()) as {
      data: SessionBody[];
    };
    expect(feb2020.data.map((s) => s.id)).toEqual([
      "oewg-2019-2021-oewg-second-substantive-session",
      "gge-2019-2021-gge-second-session",
    ]);
    // A session dated only to the month counts for the whole month.
    const june2019 = (await (await t.app.request("/api/v1/sessions?from=2019-06-30&to=2019-06-30")).json()) as {
      data: SessionBody[];
    };
    expect(june2019.data.map((s) => s.id).sort()).toEqual([
      "gge-2019-2021-gge-regional-consultation-european-union",
      "gge-2019-2021-gge-regional-consultation-osce",
    ]);
  });

  it.skipIf(skip)("paginates and puts undated sessions last", async () => {
    const res = await t.app.request("/api/v1/sessions?process=oewg-2021-2025&per_page=7&page=3");
    const body = (await res.json()) as { data: SessionBody[]; meta: { total: number } };
    expect(body.meta.total).toBe(16);
    expect(body.data.map((s) => s.start)).toEqual([null, null]);
  });

  it.skipIf(skip)("returns one session with its process, venue and sources", async () => {
    const res = await t.app.request("/api/v1/sessions/ahc-cybercrime-2022-2024-ahc-reconvened-concluding-session");
    expect(res.status).toBe(200);
    const body = (await res.json()) as SessionBody;
    expect(body).toEqual(
      expect.objectContaining({
        process_id: "ahc-cybercrime-2022-2024",
        venue: "New York",
        start: { value: "2024-07-29", precision: "day" },
        end: { value: "2024-08-09", precision: "day" },
      }),
    );
    expect(body.process_name).toContain("Ad Hoc Committee");
    expect(body.sources!.length).toBeGreaterThan(0);
  });

  it.skipIf(skip)("answers an unknown session with 404 and bad parameters with 400", async () => {
    const missing = await t.app.request("/api/v1/sessions/oewg-2019-2021-twelfth-session");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect((await t.app.request("/api/v1/sessions?upcoming=yes")).status).toBe(400);
    expect((await t.app.request("/api/v1/sessions?kind=party")).status).toBe(400);
    expect((await t.app.request("/api/v1/sessions/Not%20An%20Id")).status).toBe(400);
  });
});
