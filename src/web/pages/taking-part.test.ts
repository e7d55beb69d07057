import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("taking part: how an NGO takes part, on process and session pages (issue 17)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite", { now: new Date("2026-06-01T12:00:00Z") });
  });
  afterAll(async () => t.dispose());

  it("gives a process's cited modalities, the register link its deadline cites, the next deadline and the next session with its venue", async () => {
    const html = await (await t.app.request("/processes/global-mechanism-ict-2026")).text();
    expect(html).toContain('<h2 id="taking-part-heading">Taking part as a non-governmental organisation</h2>');
    expect(html).toContain("Stakeholders, under the modalities set out in A/80/257");
    expect(html).toContain(
      'Apply or register: <a href="https://meetings.unoda.org/meeting/76825" rel="external">meetings.unoda.org/meeting/76825</a> (cited source)',
    );
    expect(html).toMatch(
      /<strong>Next deadline:<\/strong> none fixed: Global Mechanism: UNODA stakeholder-interest form \(rolling\) is open on a rolling basis/,
    );
    expect(html).toMatch(
      /<strong>Next session:<\/strong> <a href="\/sessions\/global-mechanism-ict-2026-global-mechanism-first-substantive-plenary-session">[^<]+<\/a>, [^,]+, venue not given in the sources\./,
    );
  });

  it("shows past accreditation and a closed deadline for the OEWG 2021–2025, and says when the sources give nothing", async () => {
    const oewg = await (await t.app.request("/processes/oewg-2021-2025")).text();
    expect(oewg).toContain("NGOs without ECOSOC status, as observers on a non-objection basis");
    expect(oewg).toMatch(/\d+ accreditation records \(1 for organisations with ECOSOC status, \d+ without\)/);
    expect(oewg).toContain("<strong>Next deadline:</strong> none known.");
    const gge = await (await t.app.request("/processes/gge-2004-2005")).text();
    expect(gge).toContain(
      "The sources gathered here give no modalities for non-governmental organisations in this process.",
    );
  });

  it("says on a session page how an NGO takes part in its process", async () => {
    const html = await (
      await t.app.request("/sessions/global-mechanism-ict-2026-global-mechanism-first-substantive-plenary-session")
    ).text();
    expect(html).toContain("Taking part as a non-governmental organisation");
    expect(html).toContain('href="https://meetings.unoda.org/meeting/76825"');
    expect(html).toContain("<dt>Venue</dt>");
  });
});
