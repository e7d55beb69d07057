import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { TEST_DRIVERS } from "../../../test/database.js";

describe.each(TEST_DRIVERS)("International law and treaty pages on $label", ({ driver, skip }) => {
  let app: TestApp;
  beforeAll(async () => {
    if (!skip) app = await createTestApp(driver);
  }, 180_000);
  afterAll(async () => app?.dispose());

  const html = async (path: string) => {
    const res = await app.app.request(path);
    return { status: res.status, text: await res.text() };
  };

  it.skipIf(skip)(
    "shows the map, timeline, topic coverage, regional roll-up and list, and is in the navigation",
    async () => {
      const { status, text } = await html("/international-law");
      expect(status).toBe(200);
      expect(text).toContain('<a href="/international-law" aria-current="page">International law</a>');
      expect(text).toContain("44 positions of 31 States and African Union and European Union");
      expect(text).toContain('<path d="');
      expect(text).toMatch(
        /class="cat-position" data-iso3="FRA"><title>France: At least one published position<\/title>/,
      );
      expect(text).toMatch(
        /<th scope="row">2012<\/th><td class="count">.*?1<\/td><td><a href="#usa-2012-09-18">United States<\/a><\/td>/s,
      );
      expect(text).toContain("not extracted</strong>, which does not mean the position leaves it out");
      expect(text).toMatch(/<th scope="row">Due diligence<\/th>/);
      expect(text).toMatch(
        /<a href="\/states\?organization=AFUNION">[^<]+<\/a><\/th><td>1 of \d+: <a href="\/states\/KEN#international-law">Kenya<\/a><\/td><td>1 in our data<\/td>/,
      );
      // A position whose topics were not extracted says so rather than listing none.
      expect(text).toMatch(
        /<li id="ken-2021-07-13" class="position">.*?Topics a source says it addresses: <span class="muted">not extracted<\/span>/s,
      );
      expect(text).toContain('<time datetime="2020-08">August 2020</time>');
      expect(text).toContain(
        '<a href="/corrections/new?kind=legal-position&amp;id=fra-2019-09-09">Suggest a correction</a>',
      );
      expect(text).toContain('href="/api/v1/legal-positions?format=csv"');
    },
  );

  it.skipIf(skip)("shows a treaty with its map, table, as-of dates and 'partial' said plainly", async () => {
    const un = await html("/treaties/un-cybercrime-2024");
    expect(un.status).toBe(200);
    expect(un.text).toContain(
      "<strong>Partial status.</strong> The UN Treaty Collection page counts 72 signatories; 69 are identified here",
    );
    expect(un.text).toContain(
      "25 October 2025 to 19 November 2025: each row is as of the date of the page it comes from",
    );
    expect(un.text).toContain("Parties with a sourced row (69)");
    expect(un.text).toContain('<a href="/resolutions/A/RES/79/243">A/RES/79/243</a>');
    expect(un.text).toContain("No sourced row: status unknown");
    const budapest = await html("/treaties/coe-ets-185");
    expect(budapest.text).toMatch(
      /<a href="\/states\/FRA">France<\/a><\/th><td>Ratification<\/td><td><time datetime="2001-11-23">23 November 2001<\/time><\/td><td><time datetime="2006-01-10">10 January 2006<\/time><\/td><td>3 December 2015<\/td>/,
    );
    expect(budapest.text).toContain(
      '<a href="/history/treaty-action/coe-ets-185%3AFRA%3A2015-12-03">History of this record</a>',
    );
    expect((await html("/treaties/malabo")).status).toBe(404);
    expect((await html("/treaties")).text).toContain('href="/treaties/coe-ets-185"');
  });

  it.skipIf(skip)(
    "shows on State pages the positions and each treaty's status, unknown where no sourced row exists",
    async () => {
      const france = await html("/states/FRA");
      expect(france.text).toContain('<h2 id="international-law">Positions on international law (1)</h2>');
      expect(france.text).toMatch(
        /<a href="\/treaties\/coe-ets-185">Budapest Convention<\/a><span class="badge partial">partial data<\/span>: <strong>Ratification<\/strong>/,
      );
      expect(france.text).toMatch(
        /<a href="\/treaties\/un-cybercrime-2024">UN Convention against Cybercrime<\/a><span class="badge partial">partial data<\/span>: <strong>Signed<\/strong> · signed <time datetime="2025-10-25">25 October 2025<\/time>/,
      );
      const usa = await html("/states/USA");
      expect(usa.text).toMatch(
        /Budapest Convention<\/a><span class="badge partial">partial data<\/span>: <strong>Status unknown<\/strong>: no sourced row for this State in the partial status we hold \(not the same as &quot;not a party&quot;\)/,
      );
      const belize = await html("/states/BLZ");
      expect(belize.text).toContain("Positions on international law (0)");
      expect(belize.text).toContain("No published position in our data.");
      // Indicators beside evidence: each with its dataset, "unknown" where the data has no row, and no "Gaps" heading.
      expect(france.text).toContain(
        "<strong>Published a position on how international law applies to ICTs</strong>: yes, 9 September 2019",
      );
      expect(france.text).toContain("<strong>Party to the Budapest Convention</strong>: yes, 10 January 2006");
      expect(belize.text).toContain(
        "<strong>Signed the UN Convention against Cybercrime</strong>: no value in the data (unknown)",
      );
      expect(belize.text).toContain("<strong>First national cybersecurity strategy adopted</strong>: yes,");
      expect(belize.text).toMatch(
        /id="gaps-heading">No published evidence yet \(\d+\)<\/h2><p>Norms and CBMs for which Normwatch holds no published evidence about Belize yet\. That is missing data, not a finding/,
      );
    },
  );

  it.skipIf(skip)("shows the UN Convention's status on the Ad Hoc Committee's page and on A/RES/79/243", async () => {
    for (const path of ["/processes/ahc-cybercrime-2022-2024", "/resolutions/A/RES/79/243"]) {
      const { text } = await html(path);
      expect(text, path).toContain('<h2 id="treaty-status-heading">Treaty status</h2>');
      expect(text, path).toMatch(
        /UN Convention against Cybercrime<\/strong><\/a><span class="badge partial">partial data<\/span>: 69 parties with a sourced row — 69 signatures only, 0 ratifications or accessions \(as of 25 October 2025 to 19 November 2025, each row as of its own page\)/,
      );
    }
    expect((await html("/resolutions/A/RES/74/247")).text).not.toContain("Treaty status");
  });
});
