// The activity stream derived from dated facts (issue 16): dates keep their precision, citations come from the record's own sources.
import { describe, expect, it } from "vitest";
import {
  activityOnDays,
  activityWithin,
  citeSource,
  deriveActivity,
  latestActivity,
  type ActivityRows,
} from "./activity.js";
import type { Source } from "./source.js";

const source = (id: string, kind: Source["kind"], url: string | null, title = id): Source => ({
  id,
  kind,
  title,
  url,
  licence: "test",
  attribution: null,
  retrievedOn: null,
  note: null,
});

// Synthetic rows (invented names and addresses).
function rows(): ActivityRows {
  return {
    sessions: [
      {
        id: "s1",
        name: "First session",
        processId: "p1",
        processShortName: "OEWG",
        processKind: "oewg",
        start: { date: "2019-12-09", precision: "day" },
        end: { date: "2019-12-13", precision: "day" },
        venue: "New York",
        sources: [source("w", "web-page", "https://example.org/s1")],
      },
    ],
    resolutions: [
      {
        symbol: "A/RES/99/1",
        title: "Test",
        topic: "cybercrime",
        adoptedOn: "2019-12-27",
        adoptionNote: "recorded vote",
        sources: [
          source("draft", "web-page", "https://example.org/draft-L11"),
          source("document:A/RES/99/1", "document", "https://example.org/A-RES-99-1", "A/RES/99/1"),
        ],
      },
      {
        symbol: "A/RES/99/2",
        title: "Undated",
        topic: "ict-security",
        adoptedOn: null,
        adoptionNote: null,
        sources: [],
      },
    ],
    votes: [
      {
        id: "A/RES/99/1",
        symbol: "A/RES/99/1",
        title: null,
        date: "2019-12-27",
        topic: "cybercrime",
        yes: 79,
        no: 60,
        abstain: 33,
        sources: [source("dataset:votes", "dataset", "https://example.org/votes", "Vote dataset")],
      },
    ],
    strategies: [
      {
        id: "aaa-first-cyber-strategy",
        stateIso3: "AAA",
        stateName: "Atlantis",
        title: "First national cybersecurity strategy",
        adopted: { date: "2019-12-01", precision: "month" },
        sources: [source("dataset:strategies", "dataset", "https://example.org/strategies", "Strategies dataset")],
      },
      {
        id: "bbb-first-cyber-strategy",
        stateIso3: "BBB",
        stateName: "Borduria",
        title: "First national cybersecurity strategy",
        adopted: { date: "2019-01-01", precision: "year" },
        sources: [],
      },
    ],
    positions: [],
    treatyActions: [],
  };
}

describe("deriveActivity", () => {
  it("makes one fact per dated record, oldest first, and leaves undated records out", () => {
    const facts = deriveActivity(rows());
    expect(facts.map((f) => f.key)).toEqual([
      "strategy:bbb-first-cyber-strategy",
      "strategy:aaa-first-cyber-strategy",
      "session:s1",
      "resolution:A/RES/99/1",
      "vote:A/RES/99/1",
    ]);
  });

  it("cites an adoption to the resolution's own document, never to a draft, and a vote to the vote's own record", () => {
    const facts = deriveActivity(rows());
    expect(facts.find((f) => f.kind === "resolution")!.source).toEqual({
      title: "A/RES/99/1",
      url: "https://example.org/A-RES-99-1",
    });
    const vote = facts.find((f) => f.kind === "vote")!;
    expect(vote.source).toEqual({ title: "Vote dataset", url: "https://example.org/votes" });
    expect(vote.detail).toBe("79 in favour, 60 against, 33 abstentions");
  });

  it("keeps each date's precision: a month-only fact counts for its month, a year-only fact for no month and no day", () => {
    const facts = deriveActivity(rows());
    const december = activityWithin(facts, "2019-12-01", "2020-01-01");
    expect(december.map((f) => [f.key, f.when])).toEqual([
      ["strategy:aaa-first-cyber-strategy", "December 2019"],
      ["session:s1", "9–13 December 2019"],
      ["resolution:A/RES/99/1", "27 December 2019"],
      ["vote:A/RES/99/1", "27 December 2019"],
    ]);
    expect(activityWithin(facts, "2019-01-01", "2019-02-01")).toEqual([]);
    expect(activityOnDays(facts).map((f) => f.kind)).toEqual(["session", "resolution", "vote"]);
    expect(latestActivity(facts, "2019-12-20", 2).map((f) => f.key)).toEqual([
      "session:s1",
      "strategy:aaa-first-cyber-strategy",
    ]);
  });
});

describe("citeSource", () => {
  it("takes the first kind asked for that has an address, and shows a host for sources titled with their address", () => {
    const list = [
      source("https://example.org/page", "web-page", "https://www.example.org/page"),
      source("dataset:x", "dataset", null),
    ];
    expect(citeSource(list)).toEqual({ title: "example.org", url: "https://www.example.org/page" });
    expect(citeSource(list, ["dataset"])).toBeNull();
  });
});
