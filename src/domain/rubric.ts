// The assessment rubric (versioned: a change makes a new version, so old scores keep the criteria they were
// given against) and the traffic-light summary of an instrument's ratings on one rubric version.
import { InvalidInputError } from "./errors.js";
import type { AssessmentRating } from "./vocabulary.js";

export interface RubricCriterion {
  id: number;
  rubricId: number;
  code: string;
  position: number;
  title: string;
  guidance: string;
}

export interface Rubric {
  id: number;
  slug: string;
  version: number;
  title: string;
  description: string;
  createdAt: Date;
  createdBy: number | null;
  criteria: RubricCriterion[];
}

export interface RubricVersionSummary {
  id: number;
  slug: string;
  version: number;
  title: string;
  createdAt: Date;
  criteriaCount: number;
  assessmentCount: number;
}

/** What an editor submits for a new version: the whole rubric as it should read. */
export interface RubricDraft {
  title: string;
  description: string;
  criteria: { code: string; title: string; guidance: string }[];
}

export const DEFAULT_RUBRIC_SLUG = "human-rights-multistakeholder";
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_CRITERIA = 30;

/** Trims and checks a draft; throws InvalidInputError listing every problem with its field. */
export function validateRubricDraft(draft: RubricDraft): RubricDraft {
  const issues: { path: string; message: string }[] = [];
  const title = draft.title.trim();
  const description = draft.description.trim();
  if (!title || title.length > 200) issues.push({ path: "title", message: "1 to 200 characters" });
  if (!description || description.length > 4000) issues.push({ path: "description", message: "1 to 4,000 characters" });
  const criteria = draft.criteria.map((c) => ({
    code: c.code.trim(),
    title: c.title.trim(),
    guidance: c.guidance.trim(),
  }));
  if (criteria.length === 0) issues.push({ path: "criteria", message: "a rubric needs at least one criterion" });
  if (criteria.length > MAX_CRITERIA) issues.push({ path: "criteria", message: `at most ${MAX_CRITERIA} criteria` });
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (!CODE.test(c.code) || c.code.length > 60)
      issues.push({ path: `code_${i}`, message: "lower-case letters, digits and hyphens" });
    else if (seen.has(c.code)) issues.push({ path: `code_${i}`, message: `code ${c.code} is used twice` });
    seen.add(c.code);
    if (!c.title || c.title.length > 300) issues.push({ path: `title_${i}`, message: "1 to 300 characters" });
    if (c.guidance.length > 4000) issues.push({ path: `guidance_${i}`, message: "at most 4,000 characters" });
  });
  if (issues.length) throw new InvalidInputError("the new rubric version is not valid", issues);
  return { title, description, criteria };
}

/** True when the draft reads exactly like the version it starts from (nothing to save). */
export function isSameAsRubric(draft: RubricDraft, rubric: Rubric): boolean {
  if (
    draft.title !== rubric.title ||
    draft.description !== rubric.description ||
    draft.criteria.length !== rubric.criteria.length
  )
    return false;
  const ordered = [...rubric.criteria].sort((a, b) => a.position - b.position);
  return draft.criteria.every(
    (c, i) => c.code === ordered[i]!.code && c.title === ordered[i]!.title && c.guidance === ordered[i]!.guidance,
  );
}

export const TRAFFIC_LIGHTS = ["green", "amber", "red", "grey"] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];
export const TRAFFIC_LIGHT_LABELS: Record<TrafficLight, string> = {
  green: "Green",
  amber: "Amber",
  red: "Red",
  grey: "Not assessed",
};

/** The rule, in words, shown wherever a light is shown. */
export const TRAFFIC_LIGHT_RULE =
  "Per rubric version: red if any criterion is rated not met; green if every criterion is rated met; grey if no criterion has a rating other than unknown; amber otherwise (some criteria met or partly met, none not met, but not all met).";

export interface TrafficLightSummary {
  light: TrafficLight;
  /** Criteria in the rubric version. */
  total: number;
  met: number;
  partly: number;
  notMet: number;
  unknown: number;
  /** Criteria with no assessment at all. */
  unassessed: number;
}

/**
 * The traffic light of one instrument on one rubric version (see TRAFFIC_LIGHT_RULE). Ratings on criteria
 * outside `criteria` (another version) are ignored; a criterion with no rating counts as unassessed.
 */
export function summarizeAssessments(
  criteria: { id: number }[],
  ratings: { criterionId: number; rating: AssessmentRating }[],
): TrafficLightSummary {
  const byCriterion = new Map(ratings.map((r) => [r.criterionId, r.rating]));
  const s: TrafficLightSummary = {
    light: "grey",
    total: criteria.length,
    met: 0,
    partly: 0,
    notMet: 0,
    unknown: 0,
    unassessed: 0,
  };
  for (const c of criteria) {
    const rating = byCriterion.get(c.id);
    if (rating === undefined) s.unassessed++;
    else if (rating === "met") s.met++;
    else if (rating === "partly") s.partly++;
    else if (rating === "not-met") s.notMet++;
    else s.unknown++;
  }
  if (s.notMet > 0) s.light = "red";
  else if (s.total > 0 && s.met === s.total) s.light = "green";
  else if (s.met + s.partly === 0) s.light = "grey";
  else s.light = "amber";
  return s;
}

/** An instrument's light on each rubric version its assessments use, newest version first. */
export function summarizeByRubricVersion(
  rubrics: Rubric[],
  ratings: { criterionId: number; rating: AssessmentRating }[],
): { rubric: Rubric; summary: TrafficLightSummary }[] {
  const used = rubrics.filter((r) => r.criteria.some((c) => ratings.some((x) => x.criterionId === c.id)));
  return used
    .sort((a, b) => a.slug.localeCompare(b.slug) || b.version - a.version)
    .map((rubric) => ({ rubric, summary: summarizeAssessments(rubric.criteria, ratings) }));
}
