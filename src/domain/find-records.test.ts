import { describe, expect, it } from "vitest";
import {
  foldText,
  keywordTitleCase,
  paragraphQueryOf,
  RECORD_KIND_LABELS,
  voteRecordLabel,
  voteRecordTitle,
  likePattern,
  orderRecordKinds,
  parseRecordQuery,
  rankRecords,
  scoreRecord,
  wordStartPattern,
  type RecordCandidate,
} from "./find-records.js";

describe("parseRecordQuery", () => {
  it("reads short and full resolution symbols as the full symbol", () => {
    expect(parseRecordQuery("74/247").symbol).toBe("A/RES/74/247");
    expect(parseRecordQuery("A/RES/74/247").symbol).toBe("A/RES/74/247");
    expect(parseRecordQuery(" a/res/74/247 ").symbol).toBe("A/RES/74/247");
    expect(parseRecordQuery("cybercrime").symbol).toBeNull();
  });

  it("reads 13(c), 13c, 13 (c), norm c and Norm 13(c) as norm 13c, and a bare letter as nothing", () => {
    for (const text of ["13(c)", "13c", "13 (c)", "norm c", "Norm 13(c)", "norms (c)"])
      expect(parseRecordQuery(text).normId, text).toBe("13c");
    expect(parseRecordQuery("c").normId).toBeNull();
    expect(parseRecordQuery("13(l)").normId).toBeNull();
    expect(parseRecordQuery("normal").normId).toBeNull();
  });

  it("keeps words of two letters or more, folded, without the paragraph search's syntax", () => {
    expect(parseRecordQuery('"Critical  Infrastructure" OR -terrorist c').words).toEqual([
      "critical",
      "infrastructure",
    ]);
    expect(parseRecordQuery("Côte d’Ivoire").words).toEqual(["cote", "d'ivoire"]);
    expect(parseRecordQuery("Côte d’Ivoire").typedWords).toEqual(["côte", "d'ivoire"]);
    expect(parseRecordQuery("norm c").words).toEqual(["norm"]);
  });
});

describe("foldText and likePattern", () => {
  it("folds accents, case and spaces alike", () => {
    expect(foldText("  TÜRKİYE ")).toBe("turkiye");
    expect(foldText("São  Tomé")).toBe("sao tome");
  });

  it("escapes LIKE wildcards so a typed % or _ matches itself", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });

  it("matches a short word at the start of a word, its characters taken literally", () => {
    expect(wordStartPattern("eu")).toBe("\\meu");
    expect(wordStartPattern("a.")).toBe("\\ma\\.");
    expect(wordStartPattern("(c")).toBe("\\m\\(c");
  });
});

const candidate = (c: Partial<RecordCandidate> & Pick<RecordCandidate, "kind" | "id">): RecordCandidate => ({
  label: c.id,
  detail: null,
  path: `/${c.kind}/${c.id}`,
  keys: [c.id],
  names: [],
  ...c,
});

describe("scoring and ranking", () => {
  const france = candidate({ kind: "state", id: "FRA", keys: ["FRA", "FR"], names: ["France", "French Republic"] });
  const state = (id: string, name: string) => candidate({ kind: "state", id, keys: [id], names: [name] });
  const guineas = [
    state("PNG", "Papua New Guinea"),
    state("GNQ", "Equatorial Guinea"),
    state("GNB", "Guinea-Bissau"),
    state("GIN", "Guinea"),
  ];

  it("puts an exact code first, then an exact name, a name's start, and every word in a name", () => {
    expect(scoreRecord(parseRecordQuery("fra"), france)).toBe(100);
    expect(scoreRecord(parseRecordQuery("France"), france)).toBe(90);
    expect(scoreRecord(parseRecordQuery("french"), france)).toBe(70);
    expect(scoreRecord(parseRecordQuery("republic french"), france)).toBe(50);
    // Matched in the database by other text (a UN voting-list spelling, a summary): last.
    expect(scoreRecord(parseRecordQuery("fr"), france)).toBe(100);
    expect(scoreRecord(parseRecordQuery("gaul"), france)).toBe(20);
  });

  it("ranks best first and keeps the database's order between equal scores", () => {
    expect(rankRecords(parseRecordQuery("guinea"), guineas).map((r) => r.id)).toEqual(["GIN", "GNB", "PNG", "GNQ"]);
    expect(rankRecords(parseRecordQuery("GNQ"), guineas)[0]!.id).toBe("GNQ");
  });

  it("matches a symbol in its short or full form and a norm by its reference", () => {
    const vote = candidate({ kind: "vote", id: "A/RES/74/247", keys: ["A/RES/74/247", "74/247"] });
    expect(scoreRecord(parseRecordQuery("74/247"), vote)).toBe(100);
    expect(scoreRecord(parseRecordQuery("a/res/74/247"), vote)).toBe(100);
    const norm = candidate({ kind: "norm", id: "13c", keys: ["13c", "13(c)"], names: ["Do not knowingly allow…"] });
    expect(scoreRecord(parseRecordQuery("norm c"), norm)).toBe(100);
    expect(scoreRecord(parseRecordQuery("norm c"), { ...norm, id: "13d", keys: ["13d", "13(d)"] })).toBe(20);
  });

  it("orders kinds by their best match, then in the usual order", () => {
    const kinds = orderRecordKinds([
      { kind: "process", total: 1, best: 20 },
      { kind: "document", total: 1, best: 100 },
      { kind: "vote", total: 3, best: 100 },
      { kind: "state", total: 2, best: 20 },
    ]);
    expect(kinds.map((k) => k.kind)).toEqual(["vote", "document", "state", "process"]);
  });
});

describe("the reference a query names", () => {
  it("reads a symbol alone or with a word saying what it is as that symbol's citations", () => {
    for (const text of [
      "74/247",
      "A/RES/74/247",
      "resolution 74/247",
      "Resolution A/RES/74/247",
      "GA resolution 74/247,",
    ]) {
      const query = parseRecordQuery(text);
      expect(query.symbol, text).toBe("A/RES/74/247");
      expect(query.reference, text).toEqual({ kind: "symbol", symbol: "A/RES/74/247", label: "A/RES/74/247" });
    }
  });

  it("keeps the symbol of a query with other words for the records, but searches the words", () => {
    const query = parseRecordQuery("cybercrime 74/247");
    expect(query.symbol).toBe("A/RES/74/247");
    expect(query.reference).toBeNull();
    // Two symbols name neither.
    expect(parseRecordQuery("74/247 and 75/282").symbol).toBeNull();
  });

  it("reads a norm reference as the norm, labelled as the report numbers it", () => {
    expect(parseRecordQuery("13(c)").reference).toEqual({ kind: "norm", normId: "13c", label: "13(c)" });
    expect(parseRecordQuery("norm c").reference).toEqual({ kind: "norm", normId: "13c", label: "13(c)" });
    expect(parseRecordQuery("critical infrastructure").reference).toBeNull();
  });

  it("writes GA symbols in the paragraph query as resolutions cite them", () => {
    expect(paragraphQueryOf("A/RES/74/247 cybercrime")).toBe("74/247 cybercrime");
    expect(paragraphQueryOf('"a/res/74/247" OR A/RES/75/282')).toBe('"74/247" OR 75/282');
    expect(paragraphQueryOf("A/70/174 norms")).toBe("A/70/174 norms");
  });

  it("names organizations as the site's menu does", () => {
    expect(RECORD_KIND_LABELS.organization.many).toBe("Organizations");
  });
});

describe("votes as the search box lists them", () => {
  const voeten = { resolutionTitle: null, voetenRcid: 4042 };

  it("labels a vote by its symbol, day and counts, so it differs from its resolution's and text's links", () => {
    const counted = { yes: 79, no: 60, abstain: 33 };
    expect(voteRecordLabel({ symbol: "A/RES/74/247", date: "2019-12-27", counted })).toBe(
      "A/RES/74/247 — vote of 27 December 2019 (79–60–33)",
    );
    expect(voteRecordLabel({ symbol: null, date: "1959-12-02", counted })).toBe("Vote of 2 December 1959 (79–60–33)");
  });

  it("prefers Voeten's description in ordinary case to his capitalised keywords", () => {
    expect(
      voteRecordTitle({
        ...voeten,
        title: "U.N., OSCE, COOPERATION",
        description: "Cooperation between the UN and the Organization for Security and Cooperation in Europe",
      }),
    ).toBe("Cooperation between the UN and the Organization for Security and Cooperation in Europe");
  });

  it("puts Voeten's keywords in title case when his description is a capitalised summary or a statement", () => {
    const description =
      "TO EXPRESS REGRET THAT THE SIGNATURE OF ADDITIONAL PROTOCOL I BY FRANCE, WHICH TOOK PLACE ON MARCH 2, 1979";
    expect(voteRecordTitle({ ...voeten, title: "PROTOCAL I, FRANCE", description })).toBe("Protocal I, France");
    expect(keywordTitleCase("DENUCLEARIZATION, LATIN AMERICA")).toBe("Denuclearization, Latin America");
    expect(keywordTitleCase("QUESTION OF THE COMOROS, 10TH SESSION")).toBe("Question of the Comoros, 10th Session");
    expect(
      voteRecordTitle({
        ...voeten,
        title: null,
        description: "The Acting President: I now put to the vote the draft.",
      }),
    ).toBeNull();
  });

  it("keeps a cyber resolution's title and a UN title as the votes list shows them", () => {
    expect(
      voteRecordTitle({
        title: "X : resolution / adopted by the General Assembly",
        description: null,
        resolutionTitle: "Y",
        voetenRcid: null,
      }),
    ).toBe("Y");
    expect(
      voteRecordTitle({
        title: "Transparency in armaments",
        description: "First Committee: …",
        resolutionTitle: null,
        voetenRcid: null,
      }),
    ).toBe("Transparency in armaments");
  });
});
