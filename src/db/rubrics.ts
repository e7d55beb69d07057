// Queries and the one command on assessment rubrics: versions are only ever added, never changed, so scores
// given against an older version keep their criteria.
import { and, asc, count, desc, eq, inArray, max } from "drizzle-orm";
import { ConflictError, InvalidInputError, NotFoundError } from "../domain/errors.js";
import {
  isSameAsRubric,
  validateRubricDraft,
  type Rubric,
  type RubricCriterion,
  type RubricDraft,
  type RubricVersionSummary,
} from "../domain/rubric.js";
import type { Db } from "./client.js";
import * as t from "./schema/index.js";
import type { Tx } from "./upsert.js";

type RubricRow = typeof t.rubrics.$inferSelect;

async function withCriteria(db: Db | Tx, rows: RubricRow[]): Promise<Rubric[]> {
  if (rows.length === 0) return [];
  const criteria = await db
    .select()
    .from(t.rubricCriteria)
    .where(
      inArray(
        t.rubricCriteria.rubricId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(t.rubricCriteria.position), asc(t.rubricCriteria.id));
  return rows.map((r) => ({ ...r, criteria: criteria.filter((c): c is RubricCriterion => c.rubricId === r.id) }));
}

/** Every version of every rubric (or of one slug), newest version first, with how many assessments use each. */
export async function listRubricVersions(db: Db, slug?: string): Promise<RubricVersionSummary[]> {
  const rows = await db
    .select()
    .from(t.rubrics)
    .where(slug ? eq(t.rubrics.slug, slug) : undefined)
    .orderBy(asc(t.rubrics.slug), desc(t.rubrics.version));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const criteria = await db
    .select({ rubricId: t.rubricCriteria.rubricId, n: count() })
    .from(t.rubricCriteria)
    .where(inArray(t.rubricCriteria.rubricId, ids))
    .groupBy(t.rubricCriteria.rubricId);
  const assessed = await db
    .select({ rubricId: t.rubricCriteria.rubricId, n: count() })
    .from(t.assessments)
    .innerJoin(t.rubricCriteria, eq(t.rubricCriteria.id, t.assessments.criterionId))
    .where(inArray(t.rubricCriteria.rubricId, ids))
    .groupBy(t.rubricCriteria.rubricId);
  const countOf = (list: { rubricId: number; n: number }[], id: number) =>
    Number(list.find((x) => x.rubricId === id)?.n ?? 0);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    version: r.version,
    title: r.title,
    createdAt: r.createdAt,
    criteriaCount: countOf(criteria, r.id),
    assessmentCount: countOf(assessed, r.id),
  }));
}

/** The newest version of a rubric, or null when there is none. */
export async function findCurrentRubric(db: Db, slug: string): Promise<Rubric | null> {
  const rows = await db
    .select()
    .from(t.rubrics)
    .where(eq(t.rubrics.slug, slug))
    .orderBy(desc(t.rubrics.version))
    .limit(1);
  return (await withCriteria(db, rows))[0] ?? null;
}

export async function getRubric(db: Db, slug: string, version: number): Promise<Rubric> {
  const rows = await db
    .select()
    .from(t.rubrics)
    .where(and(eq(t.rubrics.slug, slug), eq(t.rubrics.version, version)));
  const [rubric] = await withCriteria(db, rows);
  if (!rubric) throw new NotFoundError("Rubric version", `${slug} v${version}`);
  return rubric;
}

/** The rubric versions the given criteria belong to, with all their criteria (for traffic lights). */
export async function listRubricsOfCriteria(db: Db, criterionIds: number[]): Promise<Rubric[]> {
  if (criterionIds.length === 0) return [];
  const ids = await db
    .selectDistinct({ id: t.rubricCriteria.rubricId })
    .from(t.rubricCriteria)
    .where(inArray(t.rubricCriteria.id, criterionIds));
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(t.rubrics)
    .where(
      inArray(
        t.rubrics.id,
        ids.map((r) => r.id),
      ),
    )
    .orderBy(asc(t.rubrics.slug), desc(t.rubrics.version));
  return withCriteria(db, rows);
}

/**
 * Adds the next version of a rubric, written by an editor, in one transaction. `basedOn` is the version the
 * editor started from: if another version was added meanwhile the command refuses rather than overwrite it.
 * Criteria are copied as given (a kept code keeps its code; a new row is a new criterion); old versions are untouched.
 */
export async function insertRubricVersion(
  db: Db,
  input: { slug: string; basedOn: number; draft: RubricDraft; userId: number; now: Date },
): Promise<Rubric> {
  const draft = validateRubricDraft(input.draft);
  const created = await db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: max(t.rubrics.version) })
      .from(t.rubrics)
      .where(eq(t.rubrics.slug, input.slug));
    const current = latest?.version ?? null;
    if (current === null) throw new NotFoundError("Rubric", input.slug);
    if (current !== input.basedOn)
      throw new ConflictError(
        `version ${current} of this rubric was published after you started from version ${input.basedOn}: start again from the newest version`,
      );
    const [base] = await withCriteria(
      tx,
      await tx
        .select()
        .from(t.rubrics)
        .where(and(eq(t.rubrics.slug, input.slug), eq(t.rubrics.version, current))),
    );
    if (base && isSameAsRubric(draft, base)) throw new InvalidInputError("the new version changes nothing");
    const [row] = await tx
      .insert(t.rubrics)
      .values({
        slug: input.slug,
        version: current + 1,
        title: draft.title,
        description: draft.description,
        createdAt: input.now,
        createdBy: input.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new ConflictError(
        "another editor published a version at the same moment: start again from the newest version",
      );
    await tx.insert(t.rubricCriteria).values(
      draft.criteria.map((c, i) => ({
        rubricId: row.id,
        code: c.code,
        position: i + 1,
        title: c.title,
        guidance: c.guidance,
      })),
    );
    return row;
  });
  return getRubric(db, created.slug, created.version);
}
