// Editors keep participation records current through the review workflow: a new deadline appears on the public
// pages and feeds with the source the editor cited, and re-seeding the bundled data never removes or reverts it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { TEST_DRIVERS } from "../../../test/database.js";
import { insertChange, publishChange } from "../../db/changes.js";
import { findPublishedRecord } from "../../db/changes-publish.js";
import { insertUser } from "../../db/users.js";
import { InvalidInputError } from "../../domain/errors.js";
import { seedDatabase } from "../seed.js";

const SOURCE = {
  url: "https://meetings.unoda.org/ict-mechanism/2026",
  title: "UNODA meetings place: Global Mechanism",
  licence: "UN terms of use",
};
// A test record (not a real call): the point is what the workflow does with it.
const DEADLINE = {
  id: "zqx-test-registration-call",
  processId: "oewg-2021-2025",
  sessionId: null,
  kind: "stakeholder-registration",
  title: "Zqx test registration call",
  opens: "2026-11-01",
  closes: "2026-12-15",
  closesTime: "18:00",
  timeZone: "America/New_York",
  isRolling: false,
  eligibility: "ECOSOC-accredited organisations",
  notes: null,
  confidence: "high",
};

describe.each(TEST_DRIVERS)("participation records edited by editors on $label", ({ driver, skip }) => {
  let t: TestApp;
  let author: number;
  let reviewer: number;
  const now = new Date("2026-11-23T12:00:00Z");
  beforeAll(async () => {
    if (skip) return;
    t = await createTestApp(driver, { now });
    author = (await insertUser(t.database.db, { email: "ada@example.org", role: "editor", now })).id;
    reviewer = (await insertUser(t.database.db, { email: "grace@example.org", role: "editor", now })).id;
  });
  afterAll(async () => t?.dispose());

  const publish = async (
    kind: "deadline" | "accreditation" | "stakeholder-action",
    operation: "create" | "update",
    recordId: string | null,
    record: unknown,
  ) => {
    const change = await insertChange(t.database.db, {
      kind,
      operation,
      recordId,
      record,
      sources: [SOURCE],
      summary: "test",
      submit: true,
      authorId: author,
      now,
    });
    return publishChange(t.database.db, {
      changeId: change.id,
      reviewer: { id: reviewer, role: "editor" },
      minEditors: 2,
      now,
    });
  };

  it.skipIf(skip)(
    "refuses a closing time without its time zone and a session of another process, naming the field",
    async () => {
      const noZone = insertChange(t.database.db, {
        kind: "deadline",
        operation: "create",
        recordId: null,
        record: { ...DEADLINE, timeZone: null },
        sources: [SOURCE],
        summary: "x",
        authorId: author,
        now,
      });
      await expect(noZone).rejects.toSatisfy(
        (e: unknown) => e instanceof InvalidInputError && e.issues.some((i) => i.path === "timeZone"),
      );
      const wrongSession = insertChange(t.database.db, {
        kind: "deadline",
        operation: "create",
        recordId: null,
        record: { ...DEADLINE, sessionId: "gge-2019-2021-gge-regional-consultation-african-union" },
        sources: [SOURCE],
        summary: "x",
        authorId: author,
        now,
      });
      await expect(wrongSession).rejects.toSatisfy(
        (e: unknown) => e instanceof InvalidInputError && e.issues.some((i) => i.path === "sessionId"),
      );
    },
  );

  it.skipIf(skip)(
    "publishes a new deadline: upcoming in the API with the editor's source, and on the participation page",
    async () => {
      await publish("deadline", "create", null, DEADLINE);
      const body = (await (await t.app.request("/api/v1/deadlines?upcoming=true")).json()) as {
        data: { id: string; status: string; sources: { url: string | null }[] }[];
      };
      const found = body.data.find((d) => d.id === DEADLINE.id)!;
      expect(found.status).toBe("open");
      expect(found.sources.map((s) => s.url)).toEqual([SOURCE.url]);
      expect(await (await t.app.request("/participation")).text()).toContain("Zqx test registration call");
    },
  );

  it.skipIf(skip)("keeps editors' deadlines and edits when the bundled data is imported again", async () => {
    const bundled = (await findPublishedRecord(
      t.database.db,
      "deadline",
      "oewg-2021-2025-non-ecosoc-accreditation-2022",
    ))!;
    await publish("deadline", "update", bundled["id"] as string, { ...bundled, eligibility: "Edited by an editor" });
    await seedDatabase(t.database, { force: true });
    expect(await findPublishedRecord(t.database.db, "deadline", DEADLINE.id)).toMatchObject({
      title: DEADLINE.title,
      closesTime: "18:00",
    });
    expect((await findPublishedRecord(t.database.db, "deadline", bundled["id"] as string))!["eligibility"]).toBe(
      "Edited by an editor",
    );
  });
});
