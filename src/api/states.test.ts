import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";

describe.each(TEST_DRIVERS)("States API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)("lists the 193 Member States, with regional groups of 54/54/23/33/29", async () => {
    const res = await t.app.request("/api/v1/states?status=member&per_page=500");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { un_regional_group: string }[]; meta: { total: number } };
    expect(body.meta.total).toBe(193);
    const sizes: Record<string, number> = {};
    for (const s of body.data) sizes[s.un_regional_group] = (sizes[s.un_regional_group] ?? 0) + 1;
    expect(sizes).toEqual({ AFRICAN: 54, ASIA_PACIFIC: 54, EEG: 23, GRULAC: 33, WEOG: 29 });
  });

  it.skipIf(skip)("filters by organisation and paginates", async () => {
    const res = await t.app.request("/api/v1/states?organization=EU&per_page=10&page=3");
    const body = (await res.json()) as { data: { iso3: string }[]; meta: { total: number; page: number } };
    expect(body.meta).toEqual({ total: 27, page: 3, per_page: 10 });
    expect(body.data).toHaveLength(7);
  });

  it.skipIf(skip)("returns a State profile with memberships, strategy, processes and sources", async () => {
    const res = await t.app.request("/api/v1/states/che");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      name: string;
      un_regional_group: string;
      memberships: { organization_id: string }[];
      processes: { process_id: string; role: string }[];
      sources: { licence: string }[];
    };
    expect(body.name).toBe("Switzerland");
    expect(body.un_regional_group).toBe("WEOG");
    expect(body.memberships.map((m) => m.organization_id)).toContain("OSCE");
    expect(body.processes).toContainEqual(expect.objectContaining({ process_id: "oewg-2019-2021", role: "chair" }));
    expect(body.processes).toContainEqual(expect.objectContaining({ process_id: "gge-2019-2021", role: "member" }));
    expect(body.sources.length).toBeGreaterThan(0);
  });

  it.skipIf(skip)("answers an unknown State with 404 and a bad code with 400, in one error shape", async () => {
    const missing = await t.app.request("/api/v1/states/XXX");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found", message: "State not found: XXX" } });
    const bad = await t.app.request("/api/v1/states/toolong");
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error.code).toBe("invalid_input");
    const badQuery = await t.app.request("/api/v1/states?per_page=0");
    expect(badQuery.status).toBe(400);
  });

  it.skipIf(skip)("lists observer States apart from Member States", async () => {
    const res = await t.app.request("/api/v1/states?status=observer");
    const body = (await res.json()) as { data: { iso3: string }[] };
    expect(body.data.map((s) => s.iso3).sort()).toEqual(["PSE", "VAT"]);
  });
});
