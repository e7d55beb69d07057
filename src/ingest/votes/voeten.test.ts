import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseUnxmlVotes } from "./unxml.js";
import { parseVoetenRollCalls, parseVoetenVotes } from "./voeten.js";
import { parseVoteEventLines } from "./vote-dataset-file.js";
import { createVoterRegistry, type StateForVoters } from "./voter-registry.js";

const states = JSON.parse(
  fs.readFileSync(fileURLToPath(new URL("../../../datasets/reference/states.json", import.meta.url)), "utf8"),
) as StateForVoters[];
const registry = createVoterRegistry(states);

describe("parsing vote files", () => {
  it("maps Voeten codes to voters, historical States and Yugoslavia by date included", () => {
    expect(registry.findVoeten("US", "United States", "2018-12-05")).toBe("USA");
    expect(registry.findVoeten("CS", "Czechoslovakia", "1980-01-01")).toBe("CSK");
    expect(registry.findVoeten("", "Federal Republic of Germany", "1980-01-01")).toBe("FRG");
    expect(registry.findVoeten("YU", "Yugoslavia", "1990-01-01")).toBe("YUG");
    expect(registry.findVoeten("YU", "Yugoslavia", "2004-01-01")).toBe("SCG");
    expect(registry.findVoeten("YU", "Yugoslavia", "2018-12-05")).toBe("SRB");
    expect(registry.voters.filter((v) => !v.isHistorical)).toHaveLength(193);
  });

  it("maps UN voting-list spellings, including the variants of one State", () => {
    for (const name of ["TURKEY", "TÜRKIYE", "TÜRKİYE", "NETHERLANDS (KINGDOM OF THE)"])
      expect(registry.findUnName(name)).not.toBeNull();
    expect(registry.findUnName("TÜRKIYE")).toBe("TUR");
    expect(
      registry.findSponsor(
        "Cuba (on behalf of the States Members of the United Nations that are members of the Group of 77 and China)",
      ),
    ).toBe("CUB");
    expect(registry.findSponsor("STATE OF PALESTINE")).toBe("PSE");
    expect(registry.findSponsor("submitted by the Chair of the Committee")).toBeNull();
  });

  it("reports a malformed or unknown Voeten row and keeps the others", () => {
    const rc = parseVoetenRollCalls(
      [
        {
          rcid: "9087",
          session: "74",
          importantvote: "",
          date: "2019-12-27",
          unres: "A/RES/74/247",
          amend: "",
          para: "",
          short: "x",
          descr: "y",
        },
        {
          rcid: "abc",
          session: "74",
          importantvote: "",
          date: "2019-12-27",
          unres: "",
          amend: "",
          para: "",
          short: "",
          descr: "",
        },
      ],
      "rc.csv",
    );
    expect(rc.rollCalls).toHaveLength(1);
    expect(rc.problems).toEqual([
      expect.objectContaining({ file: "rc.csv", record: 2, message: expect.stringContaining("rcid") }),
    ]);
    const votes = parseVoetenVotes(
      [
        { rcid: "9087", country: "Estonia", country_code: "EE", vote: "yes" },
        { rcid: "9087", country: "Atlantis", country_code: "QQ", vote: "yes" },
        { rcid: "9087", country: "Estonia", country_code: "EE", vote: "maybe" },
        { rcid: "1", country: "Estonia", country_code: "EE", vote: "no" },
      ],
      "votes.csv",
      registry,
      (rcid) => (rcid === 9087 ? "2019-12-27" : undefined),
    );
    expect(votes.votes).toEqual([{ rcid: 9087, voter: "EST", vote: "yes" }]);
    expect(votes.problems.map((p) => [p.record, p.message])).toEqual([
      [2, 'unknown voter "Atlantis" (code "QQ")'],
      [3, expect.stringContaining("vote")],
      [4, "unknown roll call 1"],
    ]);
  });

  it("reports a UN spelling that maps to no State, or to another State than the row says", () => {
    const parsed = parseUnxmlVotes(
      [
        { symbol: "A/RES/75/240", iso3: "CHE", un_ga_name: "SWITZERLAND", vote: "yes" },
        { symbol: "A/RES/75/240", iso3: "CHE", un_ga_name: "HELVETIA", vote: "yes" },
        { symbol: "A/RES/75/240", iso3: "AUT", un_ga_name: "SWITZERLAND", vote: "yes" },
        { symbol: "A/RES/75/240", iso3: "TKM", un_ga_name: "", vote: "not_recorded" },
      ],
      "votes.csv",
      registry,
    );
    expect(parsed.votes).toEqual([
      { symbol: "A/RES/75/240", voter: "CHE", vote: "yes" },
      { symbol: "A/RES/75/240", voter: "TKM", vote: "absent" },
    ]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'unknown UN spelling "HELVETIA"',
      '"SWITZERLAND" is CHE, but the row says AUT',
    ]);
  });

  it("skips and reports a bad line of the bundled events file", () => {
    const good = {
      id: "A/RES/74/247",
      symbol: "A/RES/74/247",
      sourceSymbol: null,
      date: "2019-12-27",
      session: 74,
      specialSession: null,
      motionKind: "resolution",
      title: null,
      description: null,
      reported: null,
      votes: "YN",
      sponsors: [],
      voetenRcid: null,
      issueCodes: [],
      isImportantVote: null,
      sourceIds: ["dataset:unxml-ga-resolutions"],
      crossCheck: null,
    };
    const text = [
      JSON.stringify(good),
      "{not json",
      JSON.stringify({ ...good, id: "x", votes: "YQ" }),
      JSON.stringify(good),
      JSON.stringify({ ...good, id: "y", votes: "YYY" }),
    ].join("\n");
    const parsed = parseVoteEventLines(text, 2);
    expect(parsed.events.map((e) => e.id)).toEqual(["A/RES/74/247"]);
    expect(parsed.problems.map((p) => [p.record, p.message.split(":")[0]])).toEqual([
      [2, "not valid JSON"],
      [3, "votes"],
      [4, "duplicate vote event id A/RES/74/247"],
      [5, "3 positions for 2 voters"],
    ]);
  });
});
