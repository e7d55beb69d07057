import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { findCurrentRubric } from "../../db/rubrics.js";
import * as t from "../../db/schema/index.js";
import { DEFAULT_RUBRIC_SLUG } from "../../domain/rubric.js";

describe("Instrument pages and the State profile's implementation sections", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    // Test rows written directly: Germany's seeded instrument rated on two criteria (one met, one partly).
    const rubric = (await findCurrentRubric(app.database.db, DEFAULT_RUBRIC_SLUG))!;
    await app.database.db.insert(t.assessments).values([
      {
        instrumentId: "deu-first-cyber-strategy",
        criterionId: rubric.criteria[0]!.id,
        rating: "met",
        externalUrl: "https://www.example.org/deu#p1",
        quote: "Grundrechte",
        assessedOn: "2026-11-20",
      },
      {
        instrumentId: "deu-first-cyber-strategy",
        criterionId: rubric.criteria[1]!.id,
        rating: "partly",
        externalUrl: "javascript:alert(1)",
        assessedOn: "2026-11-20",
      },
    ]);
  });
  afterAll(async () => app?.dispose());

  const html = async (path: string) => {
    const res = await app.app.request(path);
    return { status: res.status, text: await res.text() };
  };

  it("lists instruments filtered by State, with the light of assessed ones", async () => {
    const { status, text } = await html("/instruments?state=DEU&kind=&status=");
    expect(status).toBe(200);
    expect(text).toContain("1 instrument<");
    expect(text).toContain('href="/instruments/deu-first-cyber-strategy"');
    expect(text).toMatch(/data-light="amber"/);
    expect((await html("/instruments?kind=treaty")).status).toBe(400);
  });

  it("takes the State filter as a name or a code, and names the problem when none matches (issue 17)", async () => {
    for (const state of ["Germany", "deu", "federal republic of germany"]) {
      const { status, text } = await html(`/instruments?state=${encodeURIComponent(state)}`);
      expect(status).toBe(200);
      expect(text).toContain('href="/instruments/deu-first-cyber-strategy"');
    }
    const unknown = await html("/instruments?state=Atlantis");
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("No State matches “Atlantis”. Type a name (France) or a code (FRA).");
  });

  it("shows an instrument with status, the date at its precision, the dataset's note, each rating with its citation, and never links a non-http URL", async () => {
    const { status, text } = await html("/instruments/deu-first-cyber-strategy");
    expect(status).toBe(200);
    expect(text).toContain("<h1>First national cybersecurity strategy</h1>");
    expect(text).toContain("gives the date of the State&#39;s first national cybersecurity strategy but not its title");
    expect(text).toContain('href="https://www.example.org/deu#p1"');
    expect(text).toContain("<q>Grundrechte</q>");
    expect(text).not.toContain('href="javascript:');
    expect(text).toContain("Partly met");
    expect(text).toContain("1 met, 1 partly, 0 not met of 5");
    expect((await html("/instruments/no-such-thing")).status).toBe(404);
  });

  it("adds the evidence matrix, instruments with lights, programmes and gaps to the State profile", async () => {
    const { status, text } = await html("/states/DEU");
    expect(status).toBe(200);
    expect(text).toContain('id="implementation-heading"');
    expect(text).toContain("Evidence per norm and CBM for Germany");
    expect(text).toContain('href="/instruments/deu-first-cyber-strategy"');
    // Absence of data is not presented as a gap in implementation (issue 16).
    expect(text).toMatch(/id="gaps-heading">No published evidence yet \(\d+\)/);
    expect(text).not.toMatch(/>Gaps \(/);
    expect(text).toContain("No recorded capacity-building programme lists Germany as a beneficiary.");
    expect(text).toContain('href="/compare?states=DEU"');
  });
});
