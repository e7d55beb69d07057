import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATASETS_DIR } from "../ingest/seed.js";
import { readParticipationFile } from "../ingest/participation/import-participation.js";
import { parsePartialDate } from "./partial-date.js";
import { summarizeAccreditations, type Accreditation } from "./participation.js";

/** The bundled records as the domain sees them (sources left out: the summary does not read them). */
function bundled(processId: string, sessionId: string | null): Accreditation[] {
  return readParticipationFile(path.resolve(DATASETS_DIR), "accreditations")
    .filter((r) => r.processId === processId && r.sessionId === sessionId)
    .map(({ applied, decided, sources: _s, ...r }) => ({
      ...r,
      applied: parsePartialDate(applied),
      decided: parsePartialDate(decided),
      sources: [],
    }));
}

describe("Accreditation summary", () => {
  it("reports the OEWG 2021–2025 vetoes from the reported totals (32 of 86), not from the named examples", () => {
    const summary = summarizeAccreditations(bundled("oewg-2021-2025", null));
    const nonEcosoc = summary.groups.find((g) => g.ecosocStatus === "non-ecosoc")!;
    expect(nonEcosoc).toMatchObject({ basis: "aggregate", applicants: 86, accredited: 54, objected: 32 });
    expect(nonEcosoc.accredited! + nonEcosoc.objected!).toBe(nonEcosoc.applicants);
    expect(Math.round(nonEcosoc.objectedShare! * 1000) / 10).toBe(37.2);
    expect(nonEcosoc.namedObjected).toHaveLength(13);
    expect(nonEcosoc.namedObjected).toContain("Chatham House");
    expect(summary.groups.find((g) => g.ecosocStatus === "ecosoc")).toMatchObject({
      applicants: null,
      accredited: 17,
      objected: null,
      objectedShare: null,
    });
    expect(summary.objectingStates).toEqual(["RUS", "UKR"]);
  });

  it("reports every non-ECOSOC applicant refused for the OEWG 2019–2021 first substantive session", () => {
    const summary = summarizeAccreditations(bundled("oewg-2019-2021", "oewg-2019-2021-oewg-first-substantive-session"));
    expect(summary.groups).toHaveLength(1);
    expect(summary.groups[0]).toMatchObject({
      ecosocStatus: "non-ecosoc",
      basis: "aggregate",
      applicants: 18,
      accredited: 0,
      objected: 18,
      objectedShare: 1,
      namedObjected: ["Global Partners Digital"],
    });
    expect(summary.objectingStates).toEqual([]);
  });

  it("counts named applications when no totals are reported", () => {
    const summary = summarizeAccreditations(
      bundled("ahc-cybercrime-2022-2024", "ahc-cybercrime-2022-2024-ahc-session-on-organizational-matters"),
    );
    expect(summary.groups[0]).toMatchObject({
      basis: "records",
      applicants: 1,
      accredited: 1,
      objected: 0,
      objectedShare: 0,
    });
  });

  it("gives an unknown share when an aggregate leaves a count out", () => {
    const [ecosoc] = bundled("oewg-2021-2025", null).filter((r) => r.ecosocStatus === "ecosoc");
    const summary = summarizeAccreditations([
      ecosoc!,
      { ...ecosoc!, id: "second", applicants: 10, accreditedCount: 10, objectedCount: 0 },
    ]);
    expect(summary.groups[0]).toMatchObject({ applicants: null, accredited: 27, objected: null, objectedShare: null });
  });
});
