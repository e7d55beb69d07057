import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { insertUpdate } from "../../db/updates.js";
import { seedDatabase } from "../../ingest/seed.js";

describe("Calendar, participation and updates pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite", { now: new Date("2022-06-15T12:00:00Z") });
  });
  afterAll(async () => t.dispose());

  it("shows a month with its sessions and deadlines, and filters by process and kind", async () => {
    const html = await (await t.app.request("/calendar?month=2022-06")).text();
    expect(html).toContain('<h2 id="month-heading">June 2022</h2>');
    expect(html).toContain("AHC second intersessional consultation");
    expect(html).toContain("Deadline: OEWG 2021–2025: silence procedure on accrediting non-ECOSOC stakeholders ends");
    const filtered = await (await t.app.request("/calendar?month=2022-06&process=oewg-2021-2025&kind=deadline")).text();
    expect(filtered).toContain("silence procedure");
    expect(filtered).not.toContain("AHC second intersessional consultation");
    expect(filtered).toContain('href="/feeds/processes/oewg-2021-2025.ics"');
  });

  it("lists upcoming events relative to the given day, with an .ics link for each", async () => {
    const html = await (await t.app.request("/calendar?view=list")).text();
    const upcoming = html.slice(html.indexOf("Upcoming"), html.indexOf("<h2>Past</h2>"));
    expect(upcoming).toContain("silence procedure");
    expect(upcoming).toContain(
      'href="/calendar/events/deadline-oewg-2021-2025-non-ecosoc-accreditation-2022-closes.ics"',
    );
    expect(upcoming).not.toContain("OEWG second substantive session");
    expect(html).toContain("Dates not yet announced");
  });

  it("shows upcoming deadlines and the accreditation summary on the participation pages", async () => {
    const home = await (await t.app.request("/participation")).text();
    expect(home).toContain("Deadlines not yet closed");
    const process = await (await t.app.request("/participation/processes/oewg-2021-2025")).text();
    expect(process).toMatch(
      /<td class="num">86<\/td><td class="num">54<\/td><td class="num">32<\/td><td class="num">37%<\/td>/,
    );
    expect(process).toContain('<a href="/states/UKR">Ukraine</a>');
    expect(process).toContain("Centre for Multilateral Affairs");
    const session = await (
      await t.app.request("/participation/sessions/oewg-2019-2021-oewg-first-substantive-session")
    ).text();
    expect(session).toContain("Global Partners Digital");
    expect(session).toMatch(
      /<td class="num">18<\/td><td class="num">0<\/td><td class="num">18<\/td><td class="num">100%<\/td>/,
    );
    const deadline = await t.app.request(
      "/participation/deadlines/global-mechanism-ict-2026-stakeholder-interest-form",
    );
    expect(deadline.status).toBe(200);
    // The deadline's own page says where to apply: the web page it cites.
    expect(await deadline.text()).toContain(
      '<dt>Apply or register</dt><dd><a href="https://meetings.unoda.org/meeting/76825" rel="external">meetings.unoda.org/meeting/76825</a>',
    );
  });

  it("renders an update's Markdown safely on its page and lists it under the record it links to", async () => {
    const update = await insertUpdate(
      t.database.db,
      {
        title: "Test of unsafe input",
        bodyMarkdown: "Fine **text** <script>alert(1)</script> [x](javascript:alert(1))",
        publishedOn: "2022-06-10",
        links: [{ kind: "process", id: "oewg-2021-2025" }],
      },
      new Date("2022-06-10T09:00:00Z"),
    );
    const html = await (await t.app.request(`/updates/${update.slug}`)).text();
    expect(html).toContain("<strong>text</strong>");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain('href="javascript:');
    const listed = await (await t.app.request("/updates?record=process:oewg-2021-2025")).text();
    expect(listed).toContain("Test of unsafe input");
  });

  it("imports the participation dataset idempotently", async () => {
    const [result] = await seedDatabase(t.database, {
      force: true,
      importers: [(await import("../../ingest/participation/import-participation.js")).participationImporter],
    });
    expect(result!.counts["accreditations"]).toEqual({ inserted: 0, updated: 0, unchanged: 18, deleted: 0 });
    expect(result!.counts["deadlines"]).toEqual({ inserted: 0, updated: 0, unchanged: 2, deleted: 0 });
    expect(result!.counts["stakeholder_actions"]).toEqual({ inserted: 0, updated: 0, unchanged: 6, deleted: 0 });
  });

  it("lists an update on the resolution, document and deadline pages it links to", async () => {
    await insertUpdate(
      t.database.db,
      {
        title: "Zqx update about the cybercrime committee",
        bodyMarkdown: "Linked to a resolution, its text and a deadline.",
        publishedOn: "2022-06-10",
        links: [
          { kind: "resolution", id: "A/RES/74/247" },
          { kind: "document", id: "A/RES/74/247" },
          { kind: "deadline", id: "oewg-2021-2025-non-ecosoc-accreditation-2022" },
        ],
      },
      new Date("2022-06-10T10:00:00Z"),
    );
    for (const path of [
      "/resolutions/A/RES/74/247",
      "/documents/A/RES/74/247",
      "/participation/deadlines/oewg-2021-2025-non-ecosoc-accreditation-2022",
    ]) {
      const html = await (await t.app.request(path)).text();
      expect(html, path).toContain("Zqx update about the cybercrime committee");
    }
    expect(await (await t.app.request("/resolutions/A/RES/74/28")).text()).not.toContain("Zqx update");
  });
});
