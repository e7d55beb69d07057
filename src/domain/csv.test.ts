import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { defuseFormula, writeCsv } from "./csv.js";

describe("CSV writer", () => {
  it("ends every record with CRLF and round-trips quotes, commas and line breaks through csv-parse", () => {
    const text = writeCsv(
      ["name", "note", "count"],
      [["Côte d'Ivoire", 'said "yes", then\nno', 3], { name: "Chad", note: "line\r\nbreak", count: null }],
    );
    expect(text.startsWith("name,note,count\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const parsed = parse(text, { record_delimiter: "\r\n" }) as string[][];
    expect(parsed).toEqual([
      ["name", "note", "count"],
      ["Côte d'Ivoire", 'said "yes", then\nno', "3"],
      ["Chad", "line\r\nbreak", ""],
    ]);
    // Outside quoted fields, every line break is CRLF.
    expect(text.replace(/"[^"]*(""[^"]*)*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("starts with a byte-order mark only when asked", () => {
    expect(writeCsv(["a"], [["x"]]).charCodeAt(0)).toBe(0x61);
    const withBom = writeCsv(["a"], [["x"]], { bom: true });
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(parse(withBom, { bom: true, columns: true })).toEqual([{ a: "x" }]);
  });

  it("keeps spreadsheet formulas from running: text starting with = + - @ tab or CR gets an apostrophe, numbers do not", () => {
    const cells = [
      '=HYPERLINK("https://evil.example","Click")',
      "+1+1",
      "-2+3",
      "@SUM(A1)",
      "\tx",
      "\r=1",
      "plain",
      "-0.5",
      "+12",
      "1e5",
    ];
    const text = writeCsv(["v"], [...cells.map((c) => [c]), [-7], [1.25]]);
    const parsed = (parse(text, { columns: true, bom: true }) as { v: string }[]).map((r) => r.v);
    expect(parsed).toEqual([
      `'=HYPERLINK("https://evil.example","Click")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\r=1",
      "plain",
      "-0.5",
      "+12",
      "1e5",
      "-7",
      "1.25",
    ]);
    expect(defuseFormula("a=b")).toBe("a=b");
  });
});
