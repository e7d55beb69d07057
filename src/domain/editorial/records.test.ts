import { describe, expect, it } from "vitest";
import { fromRow, parseRecordForm, recordSchema, toRow } from "./records.js";

describe("editable record shapes", () => {
  it("parses a session form: blanks become null and the partial date keeps its precision in the row", () => {
    const record = parseRecordForm("session", {
      id: "oewg-x",
      processId: "oewg-2021-2025",
      name: "Fifth session",
      kind: "substantive",
      start: "2023-07",
      end: "",
      venue: " New York ",
      notes: "",
      confidence: "high",
    });
    const parsed = recordSchema("session").parse(record);
    expect(parsed).toMatchObject({ start: "2023-07", end: null, venue: "New York", notes: null });
    const row = toRow("session", parsed);
    expect(row).toMatchObject({ startDate: "2023-07-01", startPrecision: "month", endDate: null, endPrecision: null });
    expect(fromRow("session", row)).toEqual(parsed);
  });

  it("names the field of an impossible date, an end before the start, and an unknown field", () => {
    const base = {
      id: "s",
      processId: "p",
      name: "n",
      kind: "substantive",
      start: "2021-12-13",
      end: "2021-12-17",
      venue: null,
      notes: null,
      confidence: "high",
    };
    expect(recordSchema("session").safeParse({ ...base, start: "2021-02-30" }).error?.issues[0]?.path).toEqual([
      "start",
    ]);
    expect(recordSchema("session").safeParse({ ...base, end: "2021-12-01" }).error?.issues[0]?.path).toEqual(["end"]);
    expect(recordSchema("session").safeParse({ ...base, colour: "red" }).success).toBe(false);
  });

  it("requires a membership to name a member State or a member organisation, not both", () => {
    const m = { organizationId: "EU", role: "member", start: null, end: null, isCurrent: true };
    expect(recordSchema("membership").safeParse({ ...m, stateIso3: "FRA", memberOrganizationId: null }).success).toBe(
      true,
    );
    expect(recordSchema("membership").safeParse({ ...m, stateIso3: "FRA", memberOrganizationId: "NATO" }).success).toBe(
      false,
    );
    expect(recordSchema("membership").safeParse({ ...m, stateIso3: null, memberOrganizationId: null }).success).toBe(
      false,
    );
  });

  it("reads list fields one per line and numbers as numbers (text stays text so validation names it)", () => {
    const org = parseRecordForm("organization", {
      id: "GFCE",
      name: "Global Forum on Cyber Expertise",
      classification: "intergovernmental",
      links: "https://thegfce.org\r\n\r\nhttps://example.org",
      foundedYear: "2015",
    });
    expect(org["links"]).toEqual(["https://thegfce.org", "https://example.org"]);
    expect(org["foundedYear"]).toBe(2015);
    expect(parseRecordForm("organization", { foundedYear: "twenty" })["foundedYear"]).toBe("twenty");
  });
});
