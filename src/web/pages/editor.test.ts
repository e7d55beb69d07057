import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertChange, rejectChange } from "../../db/changes.js";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createEditorialTestApp, type EditorialTestApp } from "../../../test/editorial.js";

const PASSWORD = "a long enough passphrase";
const SOURCE = {
  url: "https://meetings.unoda.org/oewg-ict/2021",
  title: "UNODA meetings place: OEWG 2021–2025",
  licence: "UN terms of use",
};

describe.each(TEST_DRIVERS)("editor desk on $label", ({ driver, skip }) => {
  let t: EditorialTestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createEditorialTestApp(driver, { seed: true });
    await t.addUser("ada@example.org", "editor", PASSWORD);
    await t.addUser("grace@example.org", "editor", PASSWORD);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "publishes an editor's update through review, with its links, on the updates page and the linked process page",
    async () => {
      const ada = t.agent();
      await ada.logIn("ada@example.org", PASSWORD);
      await ada.get("/editor/new/update");
      const form = {
        slug: "oewg-final-report-adopted",
        title: "Zqx update: the OEWG adopted its final report",
        bodyMarkdown: "The group adopted its **final report** by consensus. <script>alert(1)</script>",
        publishedOn: "2025-07-11",
        links: "process:oewg-2021-2025\r\nstate:CHE",
        _kind: "update",
        _operation: "create",
        _summary: "New update",
        source_url: SOURCE.url,
        source_title: SOURCE.title,
        source_licence: SOURCE.licence,
      };
      const saved = await ada.post("/editor/changes", form);
      expect(saved.status).toBe(303);
      const changeId = Number(/\/editor\/changes\/(\d+)/.exec(saved.headers.get("location")!)![1]);
      expect((await t.app.request("/updates/oewg-final-report-adopted")).status).toBe(404);
      await ada.post(`/editor/changes/${changeId}/submit`, {});

      const grace = t.agent();
      await grace.logIn("grace@example.org", PASSWORD);
      await grace.get(`/editor/changes/${changeId}`);
      expect((await grace.post(`/editor/changes/${changeId}/review`, { decision: "approve", note: "" })).status).toBe(
        303,
      );

      const page = await (await t.app.request("/updates/oewg-final-report-adopted")).text();
      expect(page).toContain("Zqx update: the OEWG adopted its final report");
      expect(page).toContain("<strong>final report</strong>");
      expect(page).not.toContain("<script>alert(1)</script>");
      expect(await (await t.app.request("/processes/oewg-2021-2025")).text()).toContain("Zqx update");
      const links = (await t.database.db.execute(
        `select l.record_kind, l.record_id from update_links l join updates u on u.id = l.update_id where u.slug = 'oewg-final-report-adopted' order by 1, 2` as never,
      )) as unknown as { rows: { record_kind: string; record_id: string }[] };
      expect(links.rows).toEqual([
        { record_kind: "process", record_id: "oewg-2021-2025" },
        { record_kind: "state", record_id: "CHE" },
      ]);
    },
  );

  it.skipIf(skip)("refuses an update link that is not kind:id, naming the field", async () => {
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    await ada.get("/editor/new/update");
    const res = await ada.post("/editor/changes", {
      slug: "bad-links",
      title: "t",
      bodyMarkdown: "b",
      publishedOn: "2025-01-01",
      links: "planet:mars",
      _kind: "update",
      _summary: "s",
      source_url: SOURCE.url,
      source_title: SOURCE.title,
      source_licence: SOURCE.licence,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("kind:id");
  });

  it.skipIf(skip)("lists every decided change page by page, newest first", async () => {
    const users = (await t.database.db.execute(`select id, email from users order by id` as never)) as unknown as {
      rows: { id: number; email: string }[];
    };
    const [author, reviewer] = users.rows;
    for (let i = 0; i < 52; i++) {
      const org = {
        id: `ZQXORG${i}`,
        name: `Zqx organisation ${i}`,
        abbreviation: null,
        classification: "ngo",
        blocTypes: [],
        foundedYear: null,
        wikidataId: null,
        links: [],
        description: null,
      };
      t.clock.advanceMinutes(1);
      const change = await insertChange(t.database.db, {
        kind: "organization",
        operation: "create",
        recordId: null,
        record: org,
        sources: [SOURCE],
        summary: `zqx decision ${i}`,
        submit: true,
        authorId: author!.id,
        now: t.clock.now,
      });
      await rejectChange(t.database.db, {
        changeId: change.id,
        reviewer: { id: reviewer!.id, role: "editor" },
        note: "not needed",
        now: t.clock.now,
      });
    }
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    const first = await (await ada.get("/editor/decided")).text();
    expect(first).toContain("zqx decision 51");
    expect(first).not.toContain("zqx decision 1<");
    expect(first).toContain('href="/editor/decided?page=2"');
    const second = await (await ada.get("/editor/decided?page=2")).text();
    expect(second).toContain("zqx decision 1<");
    expect(second).toContain('href="/editor/decided?page=1"');
    expect((await t.app.request("/editor/decided")).status).not.toBe(200);
  });
});
