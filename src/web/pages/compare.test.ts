import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { getPairAgreement } from "../../analysis/alignment-queries.js";

describe("Compare States page", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.dispose());

  const html = async (path: string) => {
    const res = await app.app.request(path);
    return { status: res.status, text: await res.text() };
  };

  it("compares three States: each pair's agreement index as the alignment analysis computes it, instruments and evidence", async () => {
    const { status, text } = await html("/compare?states=FRA,DEU,BRA");
    expect(status).toBe(200);
    expect(text).toContain("<h1>Compare France, Germany, Brazil</h1>");
    const fraDeu = await getPairAgreement(app.database.db, "FRA", "DEU", { isCyberOnly: true });
    expect(text).toContain(`${(fraDeu.agreement! * 100).toFixed(1)}% (${fraDeu.events} votes`);
    expect(text).toContain("France – Brazil");
    expect(text).toContain("Germany – Brazil");
    expect(text).toContain('href="/instruments/bra-first-cyber-strategy"');
    expect(text).toContain("Norms and CBMs with no evidence (gaps)");
    expect(text).toMatch(/<option value="DEU" selected="">Germany<\/option>/);
  });

  it("takes the form's three selects (blank ones ignored) as well as the comma list", async () => {
    const { status, text } = await html("/compare?states=fra&states=&states=DEU");
    expect(status).toBe(200);
    expect(text).toContain("<h1>Compare France, Germany</h1>");
  });

  it("takes names as well as codes, and says beside the form which match no State and when there are too many", async () => {
    const named = await html("/compare?states=FRA,GERMANY");
    expect(named.status).toBe(200);
    expect(named.text).toContain("<h1>Compare France, Germany</h1>");
    const unknown = await html("/compare?states=FRA,XYZ");
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("No State matches “XYZ”. Type a name (France) or a code (FRA).");
    const many = await html("/compare?states=FRA,DEU,BRA,USA");
    expect(many.status).toBe(200);
    expect(many.text).toContain("Compare at most 3 States at a time: the first 3 are shown.");
  });

  it("shows only the form when no State is chosen", async () => {
    const { status, text } = await html("/compare");
    expect(status).toBe(200);
    expect(text).toContain("Choose two or three States");
  });

  it("puts the derived indicators side by side, each with its dataset, unknown where the data has no row (issue 16)", async () => {
    const html = await (await app.app.request("/compare?states=FRA,USA")).text();
    const table = html.slice(
      html.indexOf('id="compare-indicators"'),
      html.indexOf("</table>", html.indexOf('id="compare-indicators"')),
    );
    expect(table).toMatch(
      /Party to the Budapest Convention <span class="meta">\(treaty status \(partial, each row as of its own page\)\)<\/span><\/th><td>yes, 10 January 2006<\/td><td><span class="muted">unknown<\/span><\/td>/,
    );
    expect(table).toMatch(
      /Published a position on how international law applies to ICTs <span class="meta">[^<]+<\/span><\/th><td>yes, 9 September 2019<\/td><td>yes, 18 September 2012<\/td>/,
    );
  });
});
