// Every page form that takes a State takes a name or a code, every one that takes a symbol takes the short form, and
// a value that matches nothing is said on the page beside the kept form (issue 17). On the bundled real data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("State and symbol fields of the pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.dispose());

  const html = async (path: string) => {
    const res = await t.app.request(path);
    return { status: res.status, text: await res.text() };
  };

  it("alignment: a pair by names, codes in any case, accents or none", async () => {
    for (const [a, b] of <[string, string][]>[
      ["Brazil", "China"],
      ["bra", "CHN"],
      ["brazil", "people's republic of china"],
    ]) {
      const { status, text } = await html(`/alignment?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
      expect(status, `${a} ${b}`).toBe(200);
      expect(text).toMatch(/<h2 id="pair-heading">Brazil and China<\/h2><p class="pair-result">Agreement [\d.]+ %/);
    }
    const ivory = await html(`/alignment?a=${encodeURIComponent("cote d'ivoire")}&b=Turkiye`);
    expect(ivory.text).toMatch(/<h2 id="pair-heading">[^<]+ and Türkiye<\/h2>/);
  });

  it("takes a State's name in French or another UN language, with or without accents", async () => {
    const pair = await html(`/alignment?a=Allemagne&b=${encodeURIComponent("Brésil")}`);
    expect(pair.text).toMatch(/<h2 id="pair-heading">Germany and Brazil<\/h2>/);
    expect((await html("/alignment?a=bresil&b=Alemania")).text).toMatch(
      /<h2 id="pair-heading">Brazil and Germany<\/h2>/,
    );
    const instruments = await html("/instruments?state=Allemagne");
    expect(instruments.text).toContain('href="/instruments/deu-first-cyber-strategy"');
    expect(instruments.text).not.toContain("No State matches");
    expect((await html("/compare?states=Allemagne,Chine")).text).toContain("<h1>Compare Germany, China</h1>");
    expect((await html(`/states?q=${encodeURIComponent("République fédérale d'Allemagne")}`)).text).toContain(
      'href="/states/DEU"',
    );
  });

  it("alignment: an unknown State is said beside the kept form, and an observer State's missing votes too", async () => {
    const { status, text } = await html("/alignment?a=Atlantis&b=France");
    expect(status).toBe(200);
    expect(text).toContain("No State matches “Atlantis”. Type a name (France) or a code (FRA).");
    expect(text).toContain('<input name="a" value="Atlantis"');
    const observer = await html("/alignment?a=State%20of%20Palestine&b=France");
    expect(observer.status).toBe(200);
    expect(observer.text).toContain("observer States do not vote");
  });

  it("instruments: the State filter by name, and an unknown one said on the page with no list", async () => {
    const france = await html("/instruments?state=France");
    expect(france.status).toBe(200);
    expect(france.text).toContain('href="/instruments/fra-first-cyber-strategy"');
    expect(france.text).not.toContain('href="/instruments/deu-first-cyber-strategy"');
    expect(france.text).toContain('placeholder="France or FRA"');
    const unknown = await html("/instruments?state=Freedonia");
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("No State matches “Freedonia”. Type a name (France) or a code (FRA).");
    expect(unknown.text).toContain('value="Freedonia"');
    expect(unknown.text).toContain("0 instruments");
  });

  it("vote comparison: symbols short, full, lower case or with spaces", async () => {
    for (const [a, b] of <[string, string][]>[
      ["73/187", "74/247"],
      ["a/res/73/187", "A/RES/74/247"],
      ["73 / 187", " 74/247 "],
    ]) {
      const { status, text } = await html(`/votes/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
      expect(status, `${a} ${b}`).toBe(200);
      expect(text).toMatch(/\d+ States changed their vote/);
    }
  });

  it("vote comparison: a symbol with no recorded vote is said on the page, not a 404", async () => {
    const { status, text } = await html("/votes/compare?a=73/187&b=73/999");
    expect(status).toBe(200);
    expect(text).toContain(
      "No recorded vote matches “73/999”. Type a symbol, short (74/247) or in full (A/RES/74/247).",
    );
    expect(text).toContain('value="73/999"');
    expect(text).not.toMatch(/States changed their vote/);
  });

  it("vote list: a symbol typed short or in lower case finds its vote", async () => {
    const counts = new Set<number>();
    for (const q of ["74/247", "A/RES/74/247", "a/res/074/247", "74 / 247"]) {
      const { text } = await html(`/votes?q=${encodeURIComponent(q)}`);
      expect(text, q).toContain('href="/votes/A/RES/74/247"');
      counts.add(Number(/role="status">(\d+) cyber vote events/.exec(text)?.[1]));
    }
    expect([...counts]).toHaveLength(1);
    expect([...counts][0]).toBeGreaterThan(0);
    // Among all recorded votes, the words 73, / and 187 are found in more than the one vote on 73/187.
    const spaced = await html(`/votes?all=1&q=${encodeURIComponent("73 / 187")}`);
    expect(spaced.text).toMatch(/role="status">1 vote events/);
  });

  it("resolution page: the symbol in the address short or in lower case", async () => {
    for (const path of ["/resolutions/74/247", "/resolutions/a/res/74/247", "/resolutions/A%2FRES%2F74%2F247"]) {
      const { status, text } = await html(path);
      expect(status, path).toBe(200);
      expect(text, path).toContain("A/RES/74/247");
    }
    expect((await html("/resolutions/74/999")).status).toBe(404);
  });

  it("search: the State filter takes a name, and one that matches none is said on the page", async () => {
    const named = await html("/search?q=security&state=Viet%20Nam");
    expect(named.status).toBe(200);
    expect(named.text).not.toContain("Please check the filters");
    expect(named.text).toContain('placeholder="France or FRA"');
    const unknown = await html("/search?q=security&state=Atlantis");
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("Please check the filters: No State matches “Atlantis”.");
    expect(unknown.text).toContain('value="Atlantis"');
  });

  it("compare States: names in the address, an unknown one and too many said on the page", async () => {
    const named = await html("/compare?states=France,Germany");
    expect(named.status).toBe(200);
    expect(named.text).toContain("<h1>Compare France, Germany</h1>");
    const unknown = await html("/compare?states=France,Atlantis");
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("No State matches “Atlantis”.");
    const many = await html("/compare?states=FRA,DEU,BRA,USA");
    expect(many.status).toBe(200);
    expect(many.text).toContain("Compare at most 3 States at a time");
    expect(many.text).toContain("<h1>Compare France, Germany, Brazil</h1>");
  });

  it("States list: a name in another form finds its State, and none says so", async () => {
    const ivory = await html(`/states?q=${encodeURIComponent("cote d'ivoire")}`);
    expect(ivory.text).toContain('href="/states/CIV"');
    expect(ivory.text).toContain("1 States");
    const none = await html("/states?q=Atlantis");
    expect(none.text).toContain("No State matches “Atlantis”.");
  });
});
