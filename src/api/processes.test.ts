import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";

interface ProcessBody {
  id: string;
  kind: string;
  start: { value: string; precision: string };
  end: { value: string; precision: string } | null;
  chair: { name: string | null; state_iso3: string | null; state_name: string | null };
  member_states: { iso3: string; name: string }[];
  sessions: { id: string; start: { value: string; precision: string } | null }[];
  resolutions: { symbol: string; relation: string; totals: { yes: number; no: number; abstain: number } | null }[];
  outcome: string | null;
  final_reports: string | null;
  mandate: string;
  sources: { id: string }[];
}

describe.each(TEST_DRIVERS)("Processes API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)("lists the ten processes in order of their start, paginated", async () => {
    const res = await t.app.request("/api/v1/processes?per_page=4&page=1");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: ProcessBody[]; meta: { total: number } };
    expect(body.meta).toEqual({ total: 10, page: 1, per_page: 4 });
    expect(body.data.map((p) => p.id)).toEqual(["gge-2004-2005", "gge-2009-2010", "gge-2012-2013", "gge-2014-2015"]);
  });

  it.skipIf(skip)("filters by kind and by the day a process was running", async () => {
    const ggeBody = (await (await t.app.request("/api/v1/processes?kind=gge&per_page=50")).json()) as {
      meta: { total: number };
    };
    expect(ggeBody.meta.total).toBe(6);
    const active = (await (await t.app.request("/api/v1/processes?active_on=2020-01-15")).json()) as {
      data: ProcessBody[];
    };
    expect(active.data.map((p) => p.id).sort()).toEqual(["gge-2019-2021", "oewg-2019-2021"]);
    // An end given as a year runs to the year's last day: the first GGE was still running on 31 December 2005.
    const late2005 = (await (await t.app.request("/api/v1/processes?active_on=2005-12-31")).json()) as {
      data: ProcessBody[];
    };
    expect(late2005.data.map((p) => p.id)).toEqual(["gge-2004-2005"]);
    const gm = (await (await t.app.request("/api/v1/processes?active_on=2026-11-23")).json()) as {
      data: ProcessBody[];
    };
    expect(gm.data.map((p) => p.id)).toEqual(["global-mechanism-ict-2026"]);
  });

  it.skipIf(skip)(
    "shows the OEWG 2019–2021 chaired by Jürg Lauber (Switzerland), its sessions, mandate and outcome",
    async () => {
      const res = await t.app.request("/api/v1/processes/oewg-2019-2021");
      expect(res.status).toBe(200);
      const body = (await res.json()) as ProcessBody;
      expect(body.chair).toEqual(
        expect.objectContaining({ name: "Jürg Lauber", state_iso3: "CHE", state_name: "Switzerland" }),
      );
      expect(body.start).toEqual({ value: "2019-06-03", precision: "day" });
      expect(body.end).toEqual({ value: "2021-03-12", precision: "day" });
      expect(body.mandate).toBe("A/RES/73/27");
      expect(body.resolutions).toEqual([
        expect.objectContaining({
          symbol: "A/RES/73/27",
          relation: "mandate",
          totals: { yes: 119, no: 46, abstain: 14 },
        }),
      ]);
      expect(body.sessions[0]).toEqual(
        expect.objectContaining({
          id: "oewg-2019-2021-oewg-organizational-session",
          start: { value: "2019-06-03", precision: "day" },
        }),
      );
      expect(body.sessions).toHaveLength(6);
      expect(body.outcome).toContain("Consensus report adopted");
      expect(body.final_reports).toContain("A/75/816");
      expect(body.sources.map((s) => s.id)).toContain("dataset:cyber-processes");
    },
  );

  it.skipIf(skip)("lists the 25 members of the GGE 2019–2021 and keeps month precision of its start", async () => {
    const body = (await (await t.app.request("/api/v1/processes/gge-2019-2021")).json()) as ProcessBody;
    expect(body.member_states).toHaveLength(25);
    expect(body.member_states).toContainEqual({ iso3: "CHE", name: "Switzerland" });
    expect(body.start).toEqual({ value: "2019-12", precision: "month" });
    expect(body.chair.state_iso3).toBe("BRA");
  });

  it.skipIf(skip)("answers an unknown process with 404 and a malformed id or filter with 400", async () => {
    const missing = await t.app.request("/api/v1/processes/oewg-1990-1991");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: { code: "not_found", message: "process not found: oewg-1990-1991" },
    });
    expect((await t.app.request("/api/v1/processes/OEWG_2019")).status).toBe(400);
    expect((await t.app.request("/api/v1/processes?kind=summit")).status).toBe(400);
    const badDate = await t.app.request("/api/v1/processes?active_on=2020-02-30");
    expect(badDate.status).toBe(400);
    expect(((await badDate.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });
});
