import { describe, expect, it } from "vitest";
import { ConflictError } from "../errors.js";
import { assertMayApprove, assertTransition, diffRecords } from "./change.js";

describe("editorial changes", () => {
  it("diffs two versions field by field, in field order, treating missing as null", () => {
    const before = { id: "s1", start: "2021-12-13", venue: "New York", notes: null };
    const after = { id: "s1", start: "2021-12-14", venue: "New York", notes: "Hybrid" };
    expect(diffRecords(before, after)).toEqual([
      { field: "start", before: "2021-12-13", after: "2021-12-14" },
      { field: "notes", before: null, after: "Hybrid" },
    ]);
    expect(diffRecords(null, { id: "x" })).toEqual([{ field: "id", before: null, after: "x" }]);
    expect(diffRecords({ links: ["a"] }, { links: ["a"] })).toEqual([]);
  });

  it("allows draft → in review → published or rejected, and nothing after a decision", () => {
    expect(() => assertTransition("draft", "in_review")).not.toThrow();
    expect(() => assertTransition("in_review", "published")).not.toThrow();
    expect(() => assertTransition("draft", "published")).toThrow(ConflictError);
    expect(() => assertTransition("published", "in_review")).toThrow(ConflictError);
    expect(() => assertTransition("rejected", "published")).toThrow(ConflictError);
  });

  it("forbids approving your own change once the instance has enough editors, unless the rule is off", () => {
    const change = { authorId: 7 };
    const self = { id: 7, role: "editor" as const };
    expect(() => assertMayApprove(change, self, 1, 2)).not.toThrow();
    expect(() => assertMayApprove(change, self, 2, 2)).toThrow(/another editor/);
    expect(() => assertMayApprove(change, { id: 8, role: "editor" }, 5, 2)).not.toThrow();
    expect(() => assertMayApprove(change, self, 5, 0)).not.toThrow();
  });
});
