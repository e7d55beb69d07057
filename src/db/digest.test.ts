// Drafting digest issues from the bundled data (December 2019, December 2021) and the draft → published rules,
// on PGlite and (with TEST_DATABASE_URL) PostgreSQL.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { monthPeriod, type ComposedDigest } from "../domain/digest.js";
import { ConflictError } from "../domain/errors.js";
import { insertAuditEntry } from "./audit-log.js";
import { evidence, instruments, programmes } from "./schema/implementation.js";
import { insertUpdate } from "./updates.js";
import { insertUser } from "./users.js";
import {
  draftDigestIssue,
  getDigestIssue,
  getPublishedDigestIssue,
  listDigestIssues,
  publishDigestIssue,
  updateDigestIssue,
} from "./digest.js";

interface SessionFile {
  id: string;
  name: string;
  start: string | null;
  end: string | null;
}
interface ResolutionFile {
  symbol: string;
  adoptedOn: string | null;
  topic: string;
}
const sessionsFile = JSON.parse(fs.readFileSync("datasets/reference/sessions.json", "utf8")) as SessionFile[];
const resolutionsFile = JSON.parse(fs.readFileSync("datasets/reference/resolutions.json", "utf8")) as ResolutionFile[];

/** Expectations computed from the dataset files: day-precision sessions overlapping the month, or starting in the weeks after. */
function expectedSessions(month: string) {
  const p = monthPeriod(month);
  const dayOnly = sessionsFile.filter((s) => s.start?.length === 10);
  return {
    held: dayOnly.filter((s) => s.start! < p.end && (s.end ?? s.start)! >= p.start).map((s) => s.id),
    upcoming: dayOnly.filter((s) => s.start! >= p.end && s.start! < p.horizonEnd).map((s) => s.id),
  };
}

function itemsOf(composed: ComposedDigest, sectionId: string) {
  return composed.sections.find((s) => s.id === sectionId)?.items ?? [];
}

describe.each(TEST_DRIVERS)("digest drafts from the bundled data ($label)", ({ driver, skip }) => {
  let database: TestDatabase;
  const now = new Date("2026-11-23T12:00:00Z");
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { seed: true });
  }, 120_000);
  afterAll(async () => database?.dispose());

  it.skipIf(skip)(
    "December 2019 lists the month's resolutions, votes and sessions and the sessions of the following weeks",
    async () => {
      const { issue, composed } = await draftDigestIssue(database.db, { month: "2019-12", userId: null, now });
      expect(issue).toMatchObject({
        slug: "2019-12",
        periodStart: "2019-12-01",
        periodEnd: "2020-01-01",
        status: "draft",
        title: "Normwatch digest: December 2019",
      });

      const sessions = expectedSessions("2019-12");
      expect(sessions.held).toEqual(
        expect.arrayContaining([
          "gge-2019-2021-gge-first-session",
          "oewg-2019-2021-oewg-informal-intersessional-multistakeholder-meeting",
        ]),
      );
      expect(sessions.upcoming).toEqual(["oewg-2019-2021-oewg-second-substantive-session"]);
      const firstCommittee = itemsOf(composed, "first-committee");
      const sessionPaths = (kind: string) => firstCommittee.filter((i) => i.kind === kind).map((i) => i.path);
      expect(sessionPaths("session-held").sort()).toEqual(sessions.held.map((id) => `/sessions/${id}`).sort());
      expect(sessionPaths("session-upcoming")).toEqual(["/sessions/oewg-2019-2021-oewg-second-substantive-session"]);
      expect(firstCommittee.find((i) => i.path === "/sessions/gge-2019-2021-gge-first-session")?.when).toBe(
        "9–13 December 2019",
      );
      // 24 February 2020 is past the six weeks after December.
      expect(composed.markdown).not.toContain("gge-2019-2021-gge-second-session");

      const adopted = resolutionsFile.filter((r) => r.adoptedOn?.startsWith("2019-12"));
      expect(adopted.map((r) => r.symbol).sort()).toEqual([
        "A/RES/74/173",
        "A/RES/74/247",
        "A/RES/74/28",
        "A/RES/74/29",
      ]);
      const resolutionItems = composed.sections.flatMap((s) =>
        s.items.filter((i) => i.kind === "resolution").map((i) => i.title),
      );
      expect(resolutionItems.sort()).toEqual(adopted.map((r) => r.symbol).sort());

      const cybercrime = itemsOf(composed, "cybercrime");
      const res247 = cybercrime.find((i) => i.title === "A/RES/74/247")!;
      expect(res247.when).toBe("27 December 2019");
      expect(res247.detail).toContain("recorded vote, 79 in favour, 60 against, 33 abstentions");
      expect(res247.links.map((l) => l.url)).toEqual(["/documents/A/RES/74/247", "/votes/A/RES/74/247"]);
      expect(cybercrime.map((i) => i.title)).toContain("A/RES/74/173");
      expect(
        firstCommittee
          .filter((i) => i.kind === "resolution")
          .map((i) => i.title)
          .sort(),
      ).toEqual(["A/RES/74/28", "A/RES/74/29"]);

      expect(composed.markdown).toContain("[A/RES/74/247](/resolutions/A/RES/74/247)");
      expect(issue.bodyMarkdown).toBe(composed.markdown);
    },
  );

  it.skipIf(skip)("December 2021 lists the stakeholder letters of the month under participation", async () => {
    const { composed } = await draftDigestIssue(database.db, { month: "2021-12", userId: null, now });
    const participation = itemsOf(composed, "participation").map((i) => i.title);
    expect(participation).toEqual(
      expect.arrayContaining([
        "Letter of 44 States and stakeholders to the Chair on transparency and participation",
        "Letter to the AHC Chair on civil-society participation and human-rights safeguards",
      ]),
    );
    expect(itemsOf(composed, "first-committee").map((i) => i.title)).toEqual(
      expect.arrayContaining(["A/RES/76/19", "OEWG first substantive session"]),
    );
    expect(
      itemsOf(composed, "first-committee").some(
        (i) =>
          i.kind === "session-upcoming" &&
          i.path === "/sessions/oewg-2021-2025-oewg-informal-open-ended-virtual-session-on-stakeholder-modalities",
      ),
    ).toBe(true);
  });

  it.skipIf(skip)("files an editor's update of the month under the section of the process it links to", async () => {
    // A synthetic update written by the test.
    await insertUpdate(
      database.db,
      {
        title: "Test update on the AHC",
        bodyMarkdown: "Some news, in **brief**",
        publishedOn: "2022-03-04",
        links: [{ kind: "process", id: "ahc-cybercrime-2022-2024" }],
      },
      now,
    );
    const { composed } = await draftDigestIssue(database.db, { month: "2022-03", userId: null, now });
    const update = itemsOf(composed, "cybercrime").find((i) => i.kind === "update")!;
    expect(update).toMatchObject({
      title: "Test update on the AHC",
      path: "/updates/2022-03-04-test-update-on-the-ahc",
      detail: "Some news, in brief",
      links: [{ title: "Ad Hoc Committee on cybercrime", url: "/processes/ahc-cybercrime-2022-2024" }],
    });
    expect(itemsOf(composed, "cybercrime").map((i) => i.title)).toContain("AHC first session");
  });

  it.skipIf(skip)(
    "lists evidence, instruments and programmes created in the month (audit log), under regional and national or capacity building",
    async () => {
      // Synthetic implementation records and their audit entries, written by the test; not shipped data.
      const at = new Date("2023-05-10T09:00:00Z");
      await database.db.insert(instruments).values({
        id: "zz-test-strategy",
        stateIso3: "DEU",
        kind: "strategy",
        title: "Test strategy",
        status: "adopted",
        confidence: "high",
        url: "https://example.org/strategy",
      });
      await database.db
        .insert(programmes)
        .values({ id: "zz-test-programme", title: "Test workshop", confidence: "high" });
      const [ev] = await database.db
        .insert(evidence)
        .values({
          stateIso3: "FRA",
          itemId: "13c",
          kind: "statement",
          status: "implemented",
          externalUrl: "https://example.org/evidence",
          reporter: "self",
          confidence: "high",
        })
        .returning();
      const entry = {
        actorId: null,
        authorId: null,
        operation: "create" as const,
        changeId: null,
        diff: [],
        before: null,
        after: {},
        summary: "test",
      };
      await insertAuditEntry(database.db, { ...entry, at, recordKind: "instrument", recordId: "zz-test-strategy" });
      await insertAuditEntry(database.db, { ...entry, at, recordKind: "programme", recordId: "zz-test-programme" });
      await insertAuditEntry(database.db, { ...entry, at, recordKind: "evidence", recordId: String(ev!.id) });
      await insertAuditEntry(database.db, {
        ...entry,
        at: new Date("2023-06-01T00:00:00Z"),
        recordKind: "programme",
        recordId: "zz-test-programme",
        operation: "update",
      });
      const { composed } = await draftDigestIssue(database.db, { month: "2023-05", userId: null, now });
      expect(itemsOf(composed, "regional-national").map((i) => [i.kind, i.title, i.path, i.source?.url])).toEqual([
        [
          "evidence",
          expect.stringMatching(/^France: 13\(c\) \S/),
          `/history/evidence/${ev!.id}`,
          "https://example.org/evidence",
        ],
        ["instrument", "Germany: Test strategy", "/instruments/zz-test-strategy", "https://example.org/strategy"],
      ]);
      expect(itemsOf(composed, "capacity-building").map((i) => [i.title, i.path, i.when])).toEqual([
        ["Test workshop", "/capacity-building/zz-test-programme", "10 May 2023"],
      ]);
      const june = await draftDigestIssue(database.db, { month: "2023-06", userId: null, now });
      expect(itemsOf(june.composed, "capacity-building")).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "files a dated instrument under the month of its own date, not the month it entered the database (issue 15)",
    async () => {
      // Bundled: Belize's first national cybersecurity strategy, December 2019 (datasets/reference/cyber-strategies.json), seeded today.
      const december = await draftDigestIssue(database.db, { month: "2019-12", userId: null, now });
      const belize = itemsOf(december.composed, "regional-national").find(
        (i) => i.path === "/instruments/blz-first-cyber-strategy" || i.title.startsWith("Belize:"),
      );
      expect(belize).toMatchObject({ kind: "instrument", title: "Belize: First national cybersecurity strategy" });
      expect(belize!.when).toMatch(/December 2019$/);
      // Year-only dates (Belarus, 2019) have no month to belong to.
      expect(itemsOf(december.composed, "regional-national").some((i) => i.title.startsWith("Belarus:"))).toBe(false);
      const november2026 = await draftDigestIssue(database.db, { month: "2026-11", userId: null, now });
      expect(itemsOf(november2026.composed, "regional-national").filter((i) => i.kind === "instrument")).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "redrafts a draft in place, keeps edits out of a published issue, and refuses to redraft it",
    async () => {
      const editor = await insertUser(database.db, { email: `digest-${driver}@example.org`, role: "editor", now });
      const first = await draftDigestIssue(database.db, { month: "2020-02", userId: editor.id, now });
      expect(first.isReplaced).toBe(false);
      const later = new Date("2026-11-24T00:00:00Z");
      await updateDigestIssue(database.db, {
        slug: "2020-02",
        title: "February, edited",
        bodyMarkdown: "# Edited\n\nBody.",
        userId: editor.id,
        now: later,
      });
      await expect(draftDigestIssue(database.db, { month: "2020-02", userId: editor.id, now: later })).rejects.toThrow(
        /edited after it was drafted/,
      );
      expect((await getDigestIssue(database.db, "2020-02")).title).toBe("February, edited");
      const again = await draftDigestIssue(database.db, {
        month: "2020-02",
        userId: editor.id,
        now: later,
        isReplacingEdits: true,
      });
      expect(again.isReplaced).toBe(true);
      expect(again.issue.id).toBe(first.issue.id);
      expect(again.issue.title).toBe("Normwatch digest: February 2020");

      await expect(getPublishedDigestIssue(database.db, "2020-02")).rejects.toThrow(/not found/);
      const published = await publishDigestIssue(database.db, { slug: "2020-02", userId: editor.id, now });
      expect(published).toMatchObject({ status: "published", publishedBy: editor.id, publishedAt: now });
      await expect(draftDigestIssue(database.db, { month: "2020-02", userId: editor.id, now })).rejects.toThrow(
        ConflictError,
      );
      await expect(
        updateDigestIssue(database.db, { slug: "2020-02", title: "x", bodyMarkdown: "y", userId: editor.id, now }),
      ).rejects.toThrow(/published and cannot be edited/);
      await expect(publishDigestIssue(database.db, { slug: "2020-02", userId: editor.id, now })).rejects.toThrow(
        ConflictError,
      );
      expect((await getDigestIssue(database.db, "2020-02")).bodyMarkdown).toBe(again.issue.bodyMarkdown);
      expect((await listDigestIssues(database.db, { status: "published" })).map((i) => i.slug)).toEqual(["2020-02"]);
    },
  );
});
