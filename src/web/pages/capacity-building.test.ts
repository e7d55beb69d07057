import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { insertProgrammesWithKenyaEvidence, syntheticCertSupport } from "../../../test/programmes.js";

describe("Capacity-building pages", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    // SYNTHETIC test rows written directly: one programme for Kenya and Ghana, one evidence record for Kenya on 13a.
    await insertProgrammesWithKenyaEvidence(app.database.db, [syntheticCertSupport("1250000.00")]);
  });
  afterAll(async () => app?.dispose());

  const html = async (path: string) => {
    const res = await app.app.request(path);
    return { status: res.status, text: await res.text() };
  };

  it("lists programmes with filters for beneficiary, funder and item, and links the CSV of the same filter", async () => {
    const all = await html("/capacity-building");
    expect(all.status).toBe(200);
    expect(all.text).toContain("1 programmes");
    expect(all.text).toContain("1,250,000 EUR");
    expect(all.text).toContain('<option value="Synthetic Donor">Synthetic Donor</option>');
    const filtered = await html("/capacity-building?beneficiary=GHA&funder=&item=13c");
    expect(filtered.text).toContain('href="/capacity-building/synthetic-cert-support"');
    expect(filtered.text).toContain("/api/v1/programmes?format=csv&amp;beneficiary=GHA&amp;item=13c");
    expect((await html("/capacity-building?beneficiary=BRA")).text).toContain("0 programmes");
    const byName = await html("/capacity-building?beneficiary=Ghana&item=13c");
    expect(byName.text).toContain("/api/v1/programmes?format=csv&amp;beneficiary=GHA&amp;item=13c");
    expect(byName.text).toContain('<option value="GHA" selected="">Ghana</option>');
    const unknown = await html("/capacity-building?beneficiary=12");
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("No State matches “12”. Type a name (France) or a code (FRA).");
    expect(unknown.text).toContain("0 programmes");
  });

  it("shows a programme against the gaps of each beneficiary State", async () => {
    const { status, text } = await html("/capacity-building/synthetic-cert-support");
    expect(status).toBe(200);
    expect(text).toContain('<a href="/states/KEN">Kenya</a>');
    expect(text).toMatch(
      /Kenya<\/a>: \d+ of \d+ norms and CBMs have no published evidence\. Of those this programme addresses, no evidence yet for: <a href="\/norms\/13c">13\(c\)<\/a>\./,
    );
    expect(text).toMatch(
      /Ghana<\/a>: \d+ of \d+ norms and CBMs have no published evidence\. Of those this programme addresses, no evidence yet for: <a href="\/norms\/13a">13\(a\)<\/a>, <a href="\/norms\/13c">13\(c\)<\/a>\./,
    );
    expect((await html("/capacity-building/none")).status).toBe(404);
  });

  it("lists the programme on its beneficiaries' profiles", async () => {
    expect((await html("/states/GHA")).text).toContain('href="/capacity-building/synthetic-cert-support"');
  });
});
