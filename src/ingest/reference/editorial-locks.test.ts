import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { insertChange, publishChange } from "../../db/changes.js";
import { findPublishedRecord, listRecordSourceIds } from "../../db/changes-publish.js";
import * as t from "../../db/schema/index.js";
import { insertUser } from "../../db/users.js";
import type { EditableRecordKind } from "../../domain/vocabulary.js";
import { seedDatabase } from "../seed.js";

const SESSION = "oewg-2021-2025-oewg-first-substantive-session";
const SOURCE = {
  url: "https://meetings.unoda.org/oewg-ict/2021",
  title: "OEWG on ICTs: meetings",
  licence: "UN terms of use",
};

describe.each(TEST_DRIVERS)("re-seeding after editorial changes on $label", ({ driver, skip }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    db = await createTestDatabase(driver, { seed: true });
    const now = new Date("2026-11-23T12:00:00Z");
    const author = await insertUser(db.db, { email: "ada@example.org", role: "editor", now });
    const reviewer = {
      id: (await insertUser(db.db, { email: "grace@example.org", role: "editor", now })).id,
      role: "editor" as const,
    };
    const publish = async (
      kind: EditableRecordKind,
      operation: "create" | "update" | "withdraw",
      recordId: string | null,
      record: unknown,
    ) => {
      const change = await insertChange(db.db, {
        kind,
        operation,
        recordId,
        record,
        sources: [SOURCE],
        summary: "test",
        submit: true,
        authorId: author.id,
        now,
      });
      return publishChange(db.db, { changeId: change.id, reviewer, minEditors: 2, now });
    };
    const session = (await findPublishedRecord(db.db, "session", SESSION))!;
    await publish("session", "update", SESSION, { ...session, start: "2021-12-14" });
    const [dza] = await db.db
      .select({ id: t.memberships.id })
      .from(t.memberships)
      .where(
        and(
          eq(t.memberships.organizationId, "AFUNION"),
          eq(t.memberships.stateIso3, "DZA"),
          isNull(t.memberships.memberOrganizationId),
        ),
      );
    await publish("membership", "withdraw", String(dza!.id), null);
    await publish("framework-item", "create", null, {
      id: "zqx-test-item",
      frameworkId: "osce-cbms",
      code: "Test 1",
      position: 99,
      shortTitle: "A test item added by an editor",
      reference: null,
      instrument: null,
      notes: null,
      confidence: "medium",
    });
    const item13c = (await findPublishedRecord(db.db, "framework-item", "13c"))!;
    await publish("framework-item", "update", "13c", { ...item13c, notes: "Checked against A/70/174 by an editor" });
    // Drift in a record nobody edited: the re-seed must still repair it.
    await db.db
      .update(t.sessions)
      .set({ venue: "Nowhere" })
      .where(eq(t.sessions.id, "oewg-2021-2025-oewg-second-substantive-session"));
    await seedDatabase(db, { force: true });
  });
  afterAll(async () => db?.dispose());

  it.skipIf(skip)("keeps an editor's published session date and the source it cited", async () => {
    expect((await findPublishedRecord(db.db, "session", SESSION))!["start"]).toBe("2021-12-14");
    expect(await listRecordSourceIds(db.db, "session", SESSION)).toContain(SOURCE.url);
  });

  it.skipIf(skip)("does not bring back a membership an editor withdrew", async () => {
    const rows = await db.db
      .select()
      .from(t.memberships)
      .where(and(eq(t.memberships.organizationId, "AFUNION"), eq(t.memberships.stateIso3, "DZA")));
    expect(rows).toEqual([]);
  });

  it.skipIf(skip)("still repairs records no editor changed", async () => {
    expect(
      (await findPublishedRecord(db.db, "session", "oewg-2021-2025-oewg-second-substantive-session"))!["venue"],
    ).not.toBe("Nowhere");
  });

  it.skipIf(skip)("keeps a norm or CBM an editor added or edited, with its sources", async () => {
    expect((await findPublishedRecord(db.db, "framework-item", "zqx-test-item"))!["shortTitle"]).toBe(
      "A test item added by an editor",
    );
    expect(await listRecordSourceIds(db.db, "framework-item", "zqx-test-item")).toEqual([SOURCE.url]);
    expect((await findPublishedRecord(db.db, "framework-item", "13c"))!["notes"]).toBe(
      "Checked against A/70/174 by an editor",
    );
    expect(await listRecordSourceIds(db.db, "framework-item", "13c")).toContain(SOURCE.url);
  });
});
