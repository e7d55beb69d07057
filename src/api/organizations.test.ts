import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";

interface OrganizationBody {
  id: string;
  name: string;
  member_count: number;
  members: { state_iso3: string | null; organization_id: string | null; name: string; role: string }[];
}

describe.each(TEST_DRIVERS)("Organizations API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "lists the 44 organizations by name, paginated (the Budapest Convention is a treaty, not one of them)",
    async () => {
      const body = (await (await t.app.request("/api/v1/organizations?per_page=5")).json()) as {
        data: OrganizationBody[];
        meta: { total: number };
      };
      expect(body.meta.total).toBe(44);
      expect(body.data).toHaveLength(5);
      const names = body.data.map((o) => o.name);
      expect([...names].sort()).toEqual(names);
    },
  );

  it.skipIf(skip)("returns the EU with its 27 member States", async () => {
    const res = await t.app.request("/api/v1/organizations/EU");
    expect(res.status).toBe(200);
    const body = (await res.json()) as OrganizationBody;
    expect(body.member_count).toBe(27);
    expect(body.members.map((m) => m.state_iso3)).toContain("EST");
    expect(body.members.every((m) => m.organization_id === null)).toBe(true);
  });

  it.skipIf(skip)("includes member organizations, such as the EU in the ASEAN Regional Forum", async () => {
    const body = (await (await t.app.request("/api/v1/organizations/arf")).json()) as OrganizationBody;
    expect(body.id).toBe("ARF");
    expect(body.members).toContainEqual(
      expect.objectContaining({ state_iso3: null, organization_id: "EU", name: "European Union" }),
    );
  });

  it.skipIf(skip)("answers an unknown organization with 404 and a malformed id with 400", async () => {
    const missing = await t.app.request("/api/v1/organizations/XYZ");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: { code: "not_found", message: "organization not found: XYZ" },
    });
    expect((await t.app.request("/api/v1/organizations/E%20U")).status).toBe(400);
  });
});
