import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";

interface ItemBody {
  id: string;
  code: string;
  framework_id: string;
  reference: string | null;
  framework?: { id: string; name: string };
  sources?: { id: string }[];
}

describe.each(TEST_DRIVERS)("Norms and CBMs API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)("lists the frameworks with the 11 norms first, then OSCE, OAS, ARF and UN global CBMs", async () => {
    const body = (await (await t.app.request("/api/v1/frameworks")).json()) as {
      data: { id: string; item_count: number }[];
    };
    expect(body.data.map((f) => [f.id, f.item_count])).toEqual([
      ["un-norms-2015", 11],
      ["osce-cbms", 16],
      ["oas-cbms", 6],
      ["arf-ict", 1],
      ["un-global-cbms", 2],
    ]);
  });

  it.skipIf(skip)("returns the 11 norms 13(a)–(k) of A/70/174 in order", async () => {
    const res = await t.app.request("/api/v1/frameworks/un-norms-2015");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: ItemBody[]; instrument: string };
    expect(body.items.map((i) => i.code)).toEqual([
      "13(a)",
      "13(b)",
      "13(c)",
      "13(d)",
      "13(e)",
      "13(f)",
      "13(g)",
      "13(h)",
      "13(i)",
      "13(j)",
      "13(k)",
    ]);
    expect(body.instrument).toContain("A/70/174");
  });

  it.skipIf(skip)("lists items across frameworks, paginated and filtered, and one item by its stable id", async () => {
    const page = (await (await t.app.request("/api/v1/framework-items?per_page=10&page=2")).json()) as {
      data: ItemBody[];
      meta: { total: number };
    };
    expect(page.meta.total).toBe(36);
    expect(page.data[0]!.id).toBe("13k");
    expect(page.data[1]!.id).toBe("osce-2013-01");
    const osce = (await (await t.app.request("/api/v1/framework-items?framework=osce-cbms&per_page=500")).json()) as {
      data: ItemBody[];
    };
    expect(osce.data.at(-1)!.id).toBe("osce-2016-05");
    const item = (await (await t.app.request("/api/v1/framework-items/13c")).json()) as ItemBody;
    expect(item).toEqual(expect.objectContaining({ id: "13c", code: "13(c)", reference: "A/70/174 para 13(c)" }));
    expect(item.framework!.id).toBe("un-norms-2015");
    expect(item.sources!.length).toBeGreaterThan(0);
  });

  it.skipIf(skip)("answers unknown ids with 404 and malformed ones with 400", async () => {
    const missing = await t.app.request("/api/v1/framework-items/13z");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found", message: "norm or CBM not found: 13z" } });
    expect((await t.app.request("/api/v1/frameworks/nato-cbms")).status).toBe(404);
    expect((await t.app.request("/api/v1/framework-items/13(c)")).status).toBe(400);
    expect((await t.app.request("/api/v1/framework-items?per_page=1000")).status).toBe(400);
  });
});
