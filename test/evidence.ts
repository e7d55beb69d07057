// Test helpers for the implementation tracker: publish evidence through the editorial workflow (draft → review →
// publish by a second editor), and find a real paragraph of a bundled document to cite.
import { and, eq } from "drizzle-orm";
import { insertChange, publishChange } from "../src/db/changes.js";
import type { Db } from "../src/db/client.js";
import * as t from "../src/db/schema/index.js";
import { insertUser } from "../src/db/users.js";
import type { ChangeSourceRef } from "../src/domain/editorial/change.js";
import type { EditableRecordKind } from "../src/domain/vocabulary.js";

export interface Publisher {
  authorId: number;
  publish(kind: EditableRecordKind, record: Record<string, unknown>, sources?: ChangeSourceRef[]): Promise<string>;
}

export const TEST_SOURCE: ChangeSourceRef = {
  url: "https://example.org/normwatch-test-source",
  title: "Synthetic test source (not real)",
  licence: "test only",
};

/** Two editors: one drafts and submits, the other publishes. */
export async function createPublisher(db: Db, now: Date, emailPrefix = "evidence"): Promise<Publisher> {
  const author = await insertUser(db, { email: `${emailPrefix}-author@example.org`, role: "editor", now });
  const reviewer = await insertUser(db, { email: `${emailPrefix}-reviewer@example.org`, role: "editor", now });
  return {
    authorId: author.id,
    async publish(kind, record, sources = [TEST_SOURCE]) {
      const change = await insertChange(db, {
        kind,
        operation: "create",
        recordId: null,
        record,
        sources,
        summary: `test ${kind}`,
        submit: true,
        authorId: author.id,
        now,
      });
      const published = await publishChange(db, {
        changeId: change.id,
        reviewer: { id: reviewer.id, role: "editor" },
        minEditors: 2,
        now,
      });
      return published.recordId!;
    },
  };
}

/** A full evidence record in its editorial shape, with every optional field empty. */
export function evidenceRecord(over: Record<string, unknown>): Record<string, unknown> {
  return {
    stateIso3: null,
    organizationId: null,
    itemId: "13c",
    kind: "statement",
    status: "planned",
    observed: null,
    quote: null,
    paragraphId: null,
    externalUrl: null,
    instrumentId: null,
    reporter: "self",
    reporterName: null,
    notes: null,
    confidence: "medium",
    ...over,
  };
}

export async function paragraphIdOf(db: Db, slug: string, anchor: string): Promise<number> {
  const [row] = await db
    .select({ id: t.documentParagraphs.id })
    .from(t.documentParagraphs)
    .innerJoin(t.documents, eq(t.documents.id, t.documentParagraphs.documentId))
    .where(and(eq(t.documents.slug, slug), eq(t.documents.isCurrent, true), eq(t.documentParagraphs.anchor, anchor)));
  if (!row) throw new Error(`no paragraph ${slug}#${anchor}`);
  return row.id;
}
