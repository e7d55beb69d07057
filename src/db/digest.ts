// Digest issues: drafting a month from its records, editing a draft, publishing, and reading issues.
// A published issue is never redrafted or edited here; every write is one transaction.
import { and, desc, eq } from "drizzle-orm";
import {
  composeDigest,
  monthPeriod,
  validateDigestEdit,
  type ComposedDigest,
  type DigestIssue,
} from "../domain/digest.js";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import type { DigestStatus } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { gatherDigestRecords } from "./digest-records.js";
import { digestIssues } from "./schema/newsletter.js";
import type { Tx } from "./upsert.js";

type Handle = Db | Tx;
type Row = typeof digestIssues.$inferSelect;

function toIssue(row: Row): DigestIssue {
  return { ...row };
}

export async function listDigestIssues(db: Handle, filter: { status?: DigestStatus } = {}): Promise<DigestIssue[]> {
  const rows = await db
    .select()
    .from(digestIssues)
    .where(filter.status ? eq(digestIssues.status, filter.status) : undefined)
    .orderBy(desc(digestIssues.periodStart), desc(digestIssues.id));
  return rows.map(toIssue);
}

export async function findDigestIssue(db: Handle, slug: string): Promise<DigestIssue | null> {
  const [row] = await db.select().from(digestIssues).where(eq(digestIssues.slug, slug));
  return row ? toIssue(row) : null;
}

export async function getDigestIssue(db: Handle, slug: string): Promise<DigestIssue> {
  const found = await findDigestIssue(db, slug);
  if (!found) throw new NotFoundError("digest issue", slug);
  return found;
}

/** A published issue; a draft is "not found" to the public. */
export async function getPublishedDigestIssue(db: Handle, slug: string): Promise<DigestIssue> {
  const [row] = await db
    .select()
    .from(digestIssues)
    .where(and(eq(digestIssues.slug, slug), eq(digestIssues.status, "published")));
  if (!row) throw new NotFoundError("digest issue", slug);
  return toIssue(row);
}

async function lockIssue(tx: Tx, slug: string): Promise<Row | undefined> {
  const [row] = await tx.select().from(digestIssues).where(eq(digestIssues.slug, slug)).for("update");
  return row;
}

function refuseIfPublished(row: Row, action: string): void {
  if (row.status === "published")
    throw new ConflictError(`digest issue ${row.slug} is published and cannot be ${action}`);
}

export interface DraftResult {
  issue: DigestIssue;
  composed: ComposedDigest;
  /** True when an existing draft's title and body were replaced. */
  isReplaced: boolean;
}

/**
 * Composes the draft of a month ("2020-01") from its records and stores it: a new draft, or the existing
 * draft's title and body replaced. A draft edited since it was composed is replaced only when the caller says
 * so (isReplacingEdits), and a published issue never (ConflictError).
 */
export async function draftDigestIssue(
  db: Db,
  input: { month: string; userId: number | null; now: Date; isReplacingEdits?: boolean },
): Promise<DraftResult> {
  const period = monthPeriod(input.month);
  const composed = composeDigest(await gatherDigestRecords(db, period), period);
  return db.transaction(async (tx) => {
    const existing = await lockIssue(tx, period.slug);
    const fields = {
      title: composed.title,
      bodyMarkdown: composed.markdown,
      composedAt: input.now,
      updatedAt: input.now,
      updatedBy: input.userId,
    };
    if (existing) {
      refuseIfPublished(existing, "redrafted");
      if (existing.updatedAt.getTime() > existing.composedAt.getTime() && !input.isReplacingEdits) {
        throw new ConflictError(
          `the draft of ${existing.slug} was edited after it was drafted: confirm that the edits are to be replaced`,
        );
      }
      const [row] = await tx.update(digestIssues).set(fields).where(eq(digestIssues.id, existing.id)).returning();
      return { issue: toIssue(row!), composed, isReplaced: true };
    }
    const [row] = await tx
      .insert(digestIssues)
      .values({ slug: period.slug, periodStart: period.start, periodEnd: period.end, status: "draft", ...fields })
      .returning();
    return { issue: toIssue(row!), composed, isReplaced: false };
  });
}

/** An editor's edit of a draft's title and Markdown. */
export async function updateDigestIssue(
  db: Db,
  input: { slug: string; title: string; bodyMarkdown: string; userId: number; now: Date },
): Promise<DigestIssue> {
  const valid = validateDigestEdit(input);
  return db.transaction(async (tx) => {
    const existing = await lockIssue(tx, input.slug);
    if (!existing) throw new NotFoundError("digest issue", input.slug);
    refuseIfPublished(existing, "edited");
    const [row] = await tx
      .update(digestIssues)
      .set({ ...valid, updatedAt: input.now, updatedBy: input.userId })
      .where(eq(digestIssues.id, existing.id))
      .returning();
    return toIssue(row!);
  });
}

/** Publishes a draft: it appears in the archive and feeds and may be sent; from now on it is immutable. */
export async function publishDigestIssue(
  db: Db,
  input: { slug: string; userId: number; now: Date },
): Promise<DigestIssue> {
  return db.transaction(async (tx) => {
    const existing = await lockIssue(tx, input.slug);
    if (!existing) throw new NotFoundError("digest issue", input.slug);
    refuseIfPublished(existing, "published again");
    validateDigestEdit(existing);
    const [row] = await tx
      .update(digestIssues)
      .set({ status: "published", publishedAt: input.now, publishedBy: input.userId })
      .where(eq(digestIssues.id, existing.id))
      .returning();
    return toIssue(row!);
  });
}
