import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createEditorialTestApp, type EditorialTestApp } from "../../../test/editorial.js";
import { paragraphIdOf } from "../../../test/evidence.js";
import { getChange, publishChange, submitChange } from "../../db/changes.js";
import { queryRows } from "../../db/client.js";
import * as schema from "../../db/schema/index.js";
import { proposeCandidatesForStoredDocuments } from "../../ingest/documents/evidence-candidates.js";

const PASSWORD = "a long enough passphrase";

describe.each(TEST_DRIVERS)("candidate evidence queue on $label", ({ driver, skip }) => {
  let t: EditorialTestApp;
  let ids: Record<string, number>;
  beforeAll(async () => {
    if (skip) return;
    t = await createEditorialTestApp(driver, { seed: true });
    await t.addUser("ada@example.org", "editor", PASSWORD);
    await t.addUser("grace@example.org", "editor", PASSWORD);
    // The real text of A/RES/78/237, attributed to Germany for this test only (no State statement is bundled).
    await t.database.db
      .update(schema.documents)
      .set({ authors: ["Germany"] })
      .where(eq(schema.documents.slug, "A/RES/78/237"));
    await proposeCandidatesForStoredDocuments(t.database.db, t.clock.now);
    const rows = await queryRows<{ id: number; item_id: string }>(
      t.database.db,
      sql`SELECT id, item_id FROM evidence_candidates`,
    );
    ids = Object.fromEntries(rows.map((r) => [r.item_id, r.id]));
  });
  afterAll(async () => t?.dispose());

  const candidate = async (id: number) =>
    (await t.database.db.select().from(schema.evidenceCandidates).where(eq(schema.evidenceCandidates.id, id)))[0]!;

  it.skipIf(skip)("is for signed-in editors only, and its forms need the CSRF token", async () => {
    expect((await t.app.request("/editor/candidates")).status).toBe(401);
    expect((await t.app.request(`/editor/candidates/${ids["13k"]}/dismiss`, { method: "POST" })).status).toBe(401);
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    expect((await ada.post(`/editor/candidates/${ids["13k"]}/dismiss`, {}, { csrf: null })).status).toBe(403);
    expect((await candidate(ids["13k"]!)).status).toBe("open");
  });

  it.skipIf(skip)("lists open candidates with the excerpt and the paragraph permalink", async () => {
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    const html = await (await ada.get("/editor/candidates")).text();
    expect(html).toContain("3 open candidates.");
    expect(html).toContain('<a href="/documents/A/RES/78/237#op-4">A/RES/78/237, op 4</a>');
    expect(html).toContain(
      "Also welcomes the establishment of the global intergovernmental points of contact directory",
    );
    expect(html).toContain('action="/editor/candidates/' + ids["un-global-poc-directory"] + '/draft"');
  });

  it.skipIf(skip)(
    "drafts an evidence change prefilled from a candidate (not published), marks it accepted, and review publishes it",
    async () => {
      const ada = t.agent();
      await ada.logIn("ada@example.org", PASSWORD);
      await ada.get("/editor/candidates");
      const res = await ada.post(`/editor/candidates/${ids["un-global-poc-directory"]}/draft`, {});
      expect(res.status).toBe(303);
      const changeId = Number(/^\/editor\/changes\/(\d+)\/edit$/.exec(res.headers.get("location")!)![1]);
      const edit = await ada.get(res.headers.get("location")!);
      expect(edit.status).toBe(200);
      expect(await edit.text()).toContain("points of contact directory");
      const change = await getChange(t.database.db, changeId);
      const op4 = await paragraphIdOf(t.database.db, "A/RES/78/237", "op-4");
      expect(change).toMatchObject({
        recordKind: "evidence",
        operation: "create",
        status: "draft",
        sources: [{ sourceId: "document:A/RES/78/237" }],
      });
      expect(change.proposed).toMatchObject({
        stateIso3: "DEU",
        itemId: "un-global-poc-directory",
        paragraphId: op4,
        kind: "statement",
        status: "planned",
        reporter: "self",
        observed: "2023-12-22",
      });
      expect(await candidate(ids["un-global-poc-directory"]!)).toMatchObject({ status: "accepted", changeId });
      expect(((await (await t.app.request("/api/v1/evidence")).json()) as { meta: { total: number } }).meta.total).toBe(
        0,
      );
      expect((await ada.post(`/editor/candidates/${ids["un-global-poc-directory"]}/draft`, {})).status).toBe(409);

      const users = await queryRows<{ id: number; email: string }>(
        t.database.db,
        sql`SELECT id, email FROM users ORDER BY id`,
      );
      await submitChange(t.database.db, { changeId, userId: users[0]!.id, now: t.clock.now });
      await publishChange(t.database.db, {
        changeId,
        reviewer: { id: users[1]!.id, role: "editor" },
        minEditors: 2,
        now: t.clock.now,
      });
      const page = await (await t.app.request("/norms/un-global-poc-directory")).text();
      expect(page).toContain("Reported by the States themselves (1)");
      expect(page).toMatch(/class="ev-planned" data-iso3="DEU"/);
    },
  );

  it.skipIf(skip)("dismisses a candidate", async () => {
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    await ada.get("/editor/candidates");
    expect((await ada.post(`/editor/candidates/${ids["13k"]}/dismiss`, {})).status).toBe(303);
    expect((await candidate(ids["13k"]!)).status).toBe("dismissed");
    const html = await (await ada.get("/editor/candidates")).text();
    expect(html).toContain("1 open candidate.");
  });
});
