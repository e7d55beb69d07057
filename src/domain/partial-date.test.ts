import { describe, expect, it } from "vitest";
import { formatPartialDate, formatPartialDateIso, lastDayOf, parsePartialDate } from "./partial-date.js";

describe("partial dates", () => {
  it("keeps the precision a source gives", () => {
    expect(parsePartialDate("2019")).toEqual({ date: "2019-01-01", precision: "year" });
    expect(parsePartialDate("2019-06")).toEqual({ date: "2019-06-01", precision: "month" });
    expect(parsePartialDate("2019-12-27")).toEqual({ date: "2019-12-27", precision: "day" });
    expect(parsePartialDate("  ")).toBeNull();
  });

  it("rejects text that is not a calendar date", () => {
    expect(() => parsePartialDate("2019-02-30")).toThrow("not a calendar date");
    expect(() => parsePartialDate("27 Dec 2019")).toThrow("not a date");
    expect(() => parsePartialDate("2019-13")).toThrow();
  });

  it("formats without inventing a day", () => {
    expect(formatPartialDate({ date: "2019-06-01", precision: "month" })).toBe("June 2019");
    expect(formatPartialDate({ date: "2019-12-27", precision: "day" })).toBe("27 December 2019");
    expect(formatPartialDate({ date: "2004-01-01", precision: "year" })).toBe("2004");
    expect(formatPartialDateIso({ date: "2019-06-01", precision: "month" })).toBe("2019-06");
  });

  it("knows the last day a month or year can mean", () => {
    expect(lastDayOf({ date: "2024-02-01", precision: "month" })).toBe("2024-02-29");
    expect(lastDayOf({ date: "2025-01-01", precision: "year" })).toBe("2025-12-31");
    expect(lastDayOf({ date: "2025-07-11", precision: "day" })).toBe("2025-07-11");
  });
});
