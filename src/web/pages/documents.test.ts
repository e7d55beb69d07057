import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("document and search pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(async () => t?.dispose());

  it("shows a resolution with anchored paragraphs, what it cites and what cites it", async () => {
    const res = await t.app.request("/documents/A/RES/74/247");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="op-2"');
    expect(html).toContain("Decides to establish an open-ended ad hoc intergovernmental committee of experts");
    expect(html).toContain('href="/documents/A/RES/79/243#pp-1"');
  });

  it("lists documents and answers an unknown symbol with 404", async () => {
    expect(await (await t.app.request("/documents")).text()).toContain("14 documents");
    expect((await t.app.request("/documents/A/RES/12/345")).status).toBe(404);
  });

  it("highlights matches with <mark> and escapes text from the data", async () => {
    const html = await (
      await t.app.request(`/search?q=${encodeURIComponent("ad hoc intergovernmental committee")}`)
    ).text();
    expect(html).toContain('href="/documents/A/RES/74/247#op-2"');
    expect(html).toMatch(/<mark>committee<\/mark>/i);
    const hostile = await (await t.app.request(`/search?q=${encodeURIComponent("<script>alert(1)</script>")}`)).text();
    expect(hostile).not.toContain("<script>alert(1)</script>");
  });

  it("answers an empty query and bad filters on the page, never with an error", async () => {
    const empty = await t.app.request("/search?q=");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("Type words to search");
    const bad = await t.app.request("/search?q=cyber&from=not-a-date");
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("Please check the filters");
  });
});
