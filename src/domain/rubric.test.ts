import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import { isSameAsRubric, summarizeAssessments, validateRubricDraft, type Rubric } from "./rubric.js";

const criteria = [{ id: 1 }, { id: 2 }, { id: 3 }];

describe("summarizeAssessments (traffic light)", () => {
  it("is green only when every criterion of the version is met", () => {
    expect(
      summarizeAssessments(
        criteria,
        [1, 2, 3].map((id) => ({ criterionId: id, rating: "met" as const })),
      ),
    ).toMatchObject({ light: "green", met: 3, total: 3 });
    expect(
      summarizeAssessments(
        criteria,
        [1, 2].map((id) => ({ criterionId: id, rating: "met" as const })),
      ).light,
    ).toBe("amber");
  });
  it("is red as soon as one criterion is not met, whatever the others say", () => {
    const s = summarizeAssessments(criteria, [
      { criterionId: 1, rating: "met" },
      { criterionId: 2, rating: "met" },
      { criterionId: 3, rating: "not-met" },
    ]);
    expect(s).toMatchObject({ light: "red", met: 2, notMet: 1 });
  });
  it("is amber for partly met criteria with none not met", () => {
    expect(
      summarizeAssessments(criteria, [
        { criterionId: 1, rating: "partly" },
        { criterionId: 2, rating: "unknown" },
      ]),
    ).toMatchObject({ light: "amber", partly: 1, unknown: 1, unassessed: 1 });
  });
  it("is grey when nothing was assessed or everything is unknown, and ignores ratings of another version's criteria", () => {
    expect(summarizeAssessments(criteria, []).light).toBe("grey");
    expect(summarizeAssessments(criteria, [{ criterionId: 2, rating: "unknown" }]).light).toBe("grey");
    expect(summarizeAssessments(criteria, [{ criterionId: 99, rating: "not-met" }])).toMatchObject({
      light: "grey",
      notMet: 0,
      unassessed: 3,
    });
    expect(summarizeAssessments([], []).light).toBe("grey");
  });
});

describe("validateRubricDraft", () => {
  const draft = {
    title: " Rubric ",
    description: "Ours",
    criteria: [{ code: "human-rights-principle", title: " Human rights named ", guidance: "" }],
  };
  it("trims and accepts a valid draft", () => {
    expect(validateRubricDraft(draft)).toEqual({
      title: "Rubric",
      description: "Ours",
      criteria: [{ code: "human-rights-principle", title: "Human rights named", guidance: "" }],
    });
  });
  it("reports every problem with its field: bad or duplicate codes, empty titles, no criteria", () => {
    try {
      validateRubricDraft({
        title: "",
        description: "d",
        criteria: [
          { code: "Bad Code", title: "x", guidance: "" },
          { code: "a", title: "", guidance: "" },
          { code: "a", title: "y", guidance: "" },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual(["title", "code_0", "title_1", "code_2"]);
    }
    expect(() => validateRubricDraft({ ...draft, criteria: [] })).toThrow(InvalidInputError);
  });
  it("knows when a draft changes nothing", () => {
    const rubric: Rubric = {
      id: 1,
      slug: "s",
      version: 1,
      title: "Rubric",
      description: "Ours",
      createdAt: new Date(0),
      createdBy: null,
      criteria: [
        { id: 5, rubricId: 1, code: "human-rights-principle", position: 1, title: "Human rights named", guidance: "" },
      ],
    };
    expect(isSameAsRubric(validateRubricDraft(draft), rubric)).toBe(true);
    expect(isSameAsRubric({ ...validateRubricDraft(draft), title: "Other" }, rubric)).toBe(false);
  });
});
