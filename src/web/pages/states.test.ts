import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("State pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("lists States filtered by regional group without JavaScript", async () => {
    const res = await t.app.request("/states?group=EEG");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("23 States");
    expect(html).toContain('href="/states/POL"');
    expect(html).not.toContain('href="/states/FRA"');
  });

  it("shows a State profile with its regional group, memberships, first strategy and sources", async () => {
    const res = await t.app.request("/states/EST");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("<h1>Estonia</h1>");
    expect(html).toContain("Eastern European Group");
    expect(html).toContain("North Atlantic Treaty Organization");
    expect(html).toContain("GGE 2019–2021");
    expect(html).toMatch(/First national cybersecurity strategy<\/dt><dd><time datetime="2008/);
    expect(html).toContain("licence: ODbL-1.0");
  });

  it("shows a State's other names, the UN's among them, without changing its name", async () => {
    for (const [iso3, name, also] of [
      ["VAT", "Vatican City", "Holy See (Vatican City State); Vatican; Stato della Città del Vaticano"],
      ["GBR", "United Kingdom", "UK; Great Britain"],
      ["CIV", "Ivory Coast", "Côte d&#39;Ivoire; République de Côte d&#39;Ivoire"],
      ["MMR", "Myanmar", "Burma; Pyidaunzu Thanmăda Myăma Nainngandaw"],
    ] as const) {
      const html = await (await t.app.request(`/states/${iso3}`)).text();
      expect(html, iso3).toContain(`<h1>${name}</h1>`);
      expect(html, iso3).toContain(`<dt>Also known as</dt><dd>${also}</dd>`);
    }
    // A State without other English names has no such line.
    const russia = await (await t.app.request("/states/RUS")).text();
    expect(russia).not.toContain("Also known as");
  });

  it("finds a State's page by a UN name or an abbreviation", async () => {
    for (const [path, code] of [
      ["/states/Holy%20See", "VAT"],
      ["/states/UK", "GBR"],
      ["/states/Cabo%20Verde", "CPV"],
      // Three letters, but no code: UAE is ARE.
      ["/states/UAE", "ARE"],
      ["/states/DRC", "COD"],
    ] as const) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get("location"), path).toBe(`/states/${code}`);
    }
  });

  it("answers an unknown State with a 404 page", async () => {
    const res = await t.app.request("/states/QQQ");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("<h1>Not found</h1>");
  });

  it("finds a State's page by its name in English or French, and says 404 for a name that is no State", async () => {
    for (const [path, code] of [
      ["/states/France", "FRA"],
      ["/states/Allemagne", "DEU"],
      ["/states/c%C3%B4te%20d'ivoire", "CIV"],
    ] as const) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get("location"), path).toBe(`/states/${code}`);
    }
    const unknown = await t.app.request("/states/Atlantis");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("<h1>Not found</h1>");
  });

  it("sends security headers", async () => {
    const res = await t.app.request("/states");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
