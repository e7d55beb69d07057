import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("About and API docs pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("lists the bundled datasets with their licences and how to cite", async () => {
    const res = await t.app.request("/about/data");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("world-countries 5.1.0 (mledoze/countries)");
    expect(html).toContain("<td>ODbL-1.0</td>");
    expect(html).toContain("United Nations General Assembly Voting Data (Voeten)");
    expect(html).toContain("How to cite");
  });

  it("lists every operation of the OpenAPI document as HTML, without scripts", async () => {
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const res = await t.app.request("/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<a href="/api/openapi.json">');
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        operations++;
        expect(html).toContain(`<h3><code class="method">${method.toUpperCase()}</code><code>${path}</code></h3>`);
      }
    }
    expect(operations).toBeGreaterThanOrEqual(12);
    expect(html).toContain("<code>active_on</code>");
    expect(html).not.toMatch(/<script(?![^>]*src="\/assets\/)/);
  });
});
