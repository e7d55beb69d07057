import { describe, expect, it } from "vitest";
import {
  foldText,
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
