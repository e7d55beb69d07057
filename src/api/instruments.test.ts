import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";
import { findCurrentRubric } from "../db/rubrics.js";
import * as t from "../db/schema/index.js";
import { DEFAULT_RUBRIC_SLUG } from "../domain/rubric.js";

interface List<T> {
  data: T[];
  meta: { total: number };
}
interface Instrument {
  id: string;
  state_iso3: string;
  title: string;
  status: string;
  adopted: { value: string; precision: string } | null;
  traffic_lights: { light: string; met: number; not_met: number; criteria: number }[];
}

describe.each(TEST_DRIVERS)("Instruments, assessments and rubrics API on $label", ({ driver, skip }) => {
  let t0: TestApp;
  beforeAll(async () => {
    if (skip) return;
    t0 = await createTestApp(driver);
    // Test rows written directly (the workflow is tested elsewhere): two ratings of Germany's seeded instrument.
    const rubric = (await findCurrentRubric(t0.database.db, DEFAULT_RUBRIC_SLUG))!;
    const [a, b] = rubric.criteria;
    await t0.database.db.insert(t.assessments).values([
      {
        instrumentId: "deu-first-cyber-strategy",
        criterionId: a!.id,
        rating: "met",
        externalUrl: "https://www.example.org/deu#p1",
        quote: "human rights",
        assessedOn: "2026-11-20",
      },
      {
        instrumentId: "deu-first-cyber-strategy",
        criterionId: b!.id,
        rating: "not-met",
        externalUrl: "https://www.example.org/deu#p2",
        assessedOn: "2026-11-20",
      },
    ]);
  });
  afterAll(async () => t0?.dispose());

  const get = async <T>(path: string) => {
    const res = await t0.app.request(path);
    return { status: res.status, body: (await res.json()) as T };
  };

  it.skipIf(skip)("lists the 135 seeded first strategies and filters by State", async () => {
    expect((await get<List<Instrument>>("/api/v1/instruments?kind=strategy&per_page=1")).body.meta.total).toBe(135);
    const { body } = await get<List<Instrument>>("/api/v1/instruments?state=alb");
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      id: "alb-first-cyber-strategy",
      status: "adopted",
      adopted: { value: "2015", precision: "year" },
      traffic_lights: [],
    });
    expect((await get<List<Instrument>>("/api/v1/instruments?state=ALBANIA")).body.data).toEqual(body.data);
    expect((await get("/api/v1/instruments?state=ALBANIEN")).status).toBe(400);
  });

  it.skipIf(skip)(
    "returns one instrument with its assessments, citations, sources and a red light (one criterion not met)",
    async () => {
      const { status, body } = await get<
        Instrument & {
          assessments: { criterion_code: string; rating: string; external_url: string; rubric_version: number }[];
          sources: { id: string }[];
        }
      >("/api/v1/instruments/deu-first-cyber-strategy");
      expect(status).toBe(200);
      expect(body.assessments.map((a) => [a.criterion_code, a.rating])).toEqual([
        ["human-rights-principle", "met"],
        ["civil-society-consulted", "not-met"],
      ]);
      expect(body.traffic_lights).toEqual([expect.objectContaining({ light: "red", met: 1, not_met: 1, criteria: 5 })]);
      expect(body.sources.map((s) => s.id)).toEqual(["dataset:kostyuk-strategies"]);
      expect((await get("/api/v1/instruments/no-such-instrument")).status).toBe(404);
    },
  );

  it.skipIf(skip)("exports assessments with sources as JSON and CSV", async () => {
    const json = await get<{ data: { instrument_id: string }[]; traffic_light_rule: string }>(
      "/api/v1/assessments?state=DEU",
    );
    expect(json.body.data).toHaveLength(2);
    expect(json.body.traffic_light_rule).toMatch(/red if any criterion is rated not met/);
    const res = await t0.app.request("/api/v1/assessments?format=csv");
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "instrument_id,state_iso3,rubric,rubric_version,criterion,rating,cited_paragraph,external_url,quote,note,assessed_on,sources",
    );
    expect(lines[1]).toMatch(
      /^deu-first-cyber-strategy,DEU,human-rights-multistakeholder,1,human-rights-principle,met,,https:\/\/www\.example\.org\/deu#p1,human rights,,2026-11-20,/,
    );
  });

  it.skipIf(skip)("serves the current rubric with its criteria and the list of versions", async () => {
    const { body } = await get<{ version: number; criteria: { code: string }[] }>(
      `/api/v1/rubrics/${DEFAULT_RUBRIC_SLUG}`,
    );
    expect(body.version).toBe(1);
    expect(body.criteria).toHaveLength(5);
    const versions = await get<{ data: { version: number; assessments: number }[] }>("/api/v1/rubrics");
    expect(versions.body.data).toEqual([expect.objectContaining({ version: 1, assessments: 2 })]);
    expect((await get(`/api/v1/rubrics/${DEFAULT_RUBRIC_SLUG}/versions/9`)).status).toBe(404);
  });
});
