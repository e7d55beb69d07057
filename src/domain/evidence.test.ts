import { describe, expect, it } from "vitest";
import { citationHref, deriveStateStatuses, splitByReporter, type Evidence } from "./evidence.js";

// Synthetic evidence records (not real data) for the pure rules.
function record(over: Partial<Evidence>): Evidence {
  return {
    id: 1,
    subjectKind: "state",
    subjectId: "DEU",
    subjectName: "Germany",
    itemId: "13c",
    itemCode: "13(c)",
    itemShortTitle: "",
    frameworkId: "un-norms-2015",
    kind: "statement",
    status: "planned",
    observed: null,
    quote: null,
    paragraph: null,
    externalUrl: "https://example.org/x",
    instrumentId: null,
    reporter: "self",
    reporterName: null,
    notes: null,
    confidence: "medium",
    sources: [],
    ...over,
  };
}

describe("evidence rules", () => {
  it("gives each State the status of its most recent record; undated records count as older", () => {
    const statuses = deriveStateStatuses([
      record({ id: 1, status: "implemented", observed: { date: "2021-01-01", precision: "year" } }),
      record({ id: 2, status: "regressed", observed: { date: "2023-05-01", precision: "month" } }),
      record({ id: 3, status: "planned", observed: null }),
      record({ id: 4, subjectId: "FRA", subjectName: "France", status: "in-progress" }),
      record({ id: 5, subjectId: "FRA", subjectName: "France", status: "implemented" }),
      record({ id: 6, subjectKind: "organization", subjectId: "OSCE", subjectName: "OSCE", status: "implemented" }),
    ]);
    expect(statuses).toEqual([
      { stateIso3: "FRA", name: "France", status: "implemented", records: 2 },
      { stateIso3: "DEU", name: "Germany", status: "regressed", records: 3 },
    ]);
  });

  it("cites the paragraph permalink when there is one, else the external URL", () => {
    const paragraph = {
      id: 9,
      documentSlug: "A/RES/78/237",
      documentSymbol: "A/RES/78/237",
      documentTitle: "t",
      anchor: "op-4",
      label: "op 4",
    };
    expect(citationHref(record({ paragraph }))).toBe("/documents/A/RES/78/237#op-4");
    expect(citationHref(record({}))).toBe("https://example.org/x");
  });

  it("puts self-reports on one side and civil-society, research and intergovernmental reports on the other", () => {
    const { self, shadow } = splitByReporter([
      record({ id: 1 }),
      record({ id: 2, reporter: "civil-society" }),
      record({ id: 3, reporter: "researcher" }),
      record({ id: 4, reporter: "intergovernmental" }),
    ]);
    expect(self.map((e) => e.id)).toEqual([1]);
    expect(shadow.map((e) => e.id)).toEqual([2, 3, 4]);
  });
});
