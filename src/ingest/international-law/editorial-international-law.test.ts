// Editors add and correct positions on international law and treaty actions through the review workflow: one editor
// drafts, another publishes; the record shows its history, carries the editor's source, and re-seeding the bundled
// data never reverts or removes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createEditorialTestApp, type EditorialTestApp } from "../../../test/editorial.js";
import { insertChange, publishChange, submitChange } from "../../db/changes.js";
import { findPublishedRecord, listRecordSourceIds } from "../../db/changes-publish.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { EditableRecordKind } from "../../domain/vocabulary.js";
import { seedDatabase } from "../seed.js";

const SOURCE = { url: "https://example.org/zqx-test-source", title: "Zqx test source", licence: "test" };
// Test records (not real facts), marked "Zqx test": the point is what the workflow does with them.
const POSITION = {
  id: "fra-2099-01",
  stateIso3: "FRA",
  organizationId: null,
  title: "Zqx test position",
  isTitleDescriptive: false,
  published: "2099-01",
  languages: ["fr"],
  documentUrl: null,
  context: "national paper",
  topics: ["sovereignty", "due-diligence"],
  notes: null,
  confidence: "medium",
};
const ACTION = {
  id: "coe-ets-185:KEN:2099-01-01",
  treatyId: "coe-ets-185",
  stateIso3: "KEN",
  organizationId: null,
  partyName: "Zqx test party",
  kind: "signature",
  signed: "2099-01-01",
  consent: null,
  asOf: "2099-01-01",
  isAsOfLowerBound: false,
  notes: null,
  confidence: "medium",
};
const PASSWORD = "a long enough passphrase";
const BUNDLED_POSITION = "aus-2017-10";
const BUNDLED_ACTION = "coe-ets-185:FRA:2015-12-03";

describe.each(TEST_DRIVERS)(
  "positions on international law and treaty actions edited by editors on $label",
  ({ driver, skip }) => {
    let t: EditorialTestApp;
    let author: number;
    let reviewer: number;
    const now = new Date("2026-11-23T12:00:00Z");
    beforeAll(async () => {
      if (skip) return;
      t = await createEditorialTestApp(driver, { seed: true });
      author = (await t.addUser("ada@example.org", "editor", PASSWORD)).id;
      reviewer = (await t.addUser("grace@example.org", "editor", PASSWORD)).id;
    });
    afterAll(async () => t?.dispose());

    /** The author drafts and submits; the other editor publishes. */
    const publish = async (
      kind: EditableRecordKind,
      operation: "create" | "update",
      recordId: string | null,
      record: unknown,
    ) => {
      const draft = await insertChange(t.database.db, {
        kind,
        operation,
        recordId,
        record,
        sources: [SOURCE],
        summary: "test",
        authorId: author,
        now,
      });
      expect(draft.status).toBe("draft");
      expect(await findPublishedRecord(t.database.db, kind, recordId ?? String((record as { id: string }).id))).toEqual(
        operation === "create" ? null : expect.anything(),
      );
      await submitChange(t.database.db, { changeId: draft.id, userId: author, now });
      return publishChange(t.database.db, {
        changeId: draft.id,
        reviewer: { id: reviewer, role: "editor" },
        minEditors: 2,
        now,
      });
    };

    const refusedFields = async (kind: EditableRecordKind, record: unknown): Promise<string[]> => {
      const attempt = insertChange(t.database.db, {
        kind,
        operation: "create",
        recordId: null,
        record,
        sources: [SOURCE],
        summary: "x",
        authorId: author,
        now,
      });
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as InvalidInputError).issues.map((i) => i.path);
    };

    it.skipIf(skip)(
      "refuses a position with an unknown topic or both a State and an organisation, and a treaty action whose dates do not fit its kind or whose treaty is unknown",
      async () => {
        expect(await refusedFields("legal-position", { ...POSITION, topics: ["cyber-peace"] })).toContain("topics");
        expect(await refusedFields("legal-position", { ...POSITION, organizationId: "EU" })).toContain("stateIso3");
        expect(await refusedFields("treaty-action", { ...ACTION, consent: "2099-02-01" })).toContain("consent");
        expect(await refusedFields("treaty-action", { ...ACTION, id: "coe-ets-185:KEN" })).toContain("id");
        expect(
          await refusedFields("treaty-action", { ...ACTION, id: "zqx-treaty:KEN:2099-01-01", treatyId: "zqx-treaty" }),
        ).toContain("treatyId");
      },
    );

    it.skipIf(skip)(
      "publishes a new position and a correction of a bundled one after another editor's review, with the source and history",
      async () => {
        const created = await publish("legal-position", "create", null, POSITION);
        expect(created.status).toBe("published");
        expect(await findPublishedRecord(t.database.db, "legal-position", POSITION.id)).toEqual(POSITION);
        expect(await listRecordSourceIds(t.database.db, "legal-position", POSITION.id)).toEqual([SOURCE.url]);

        const bundled = (await findPublishedRecord(t.database.db, "legal-position", BUNDLED_POSITION))!;
        const ada = t.agent();
        await ada.logIn("ada@example.org", PASSWORD);
        expect(await (await ada.get(`/editor/edit/legal-position/${BUNDLED_POSITION}`)).text()).toContain(
          "use-of-force\nself-defence",
        );
        await publish("legal-position", "update", BUNDLED_POSITION, { ...bundled, notes: "Zqx edited by an editor" });
        const history = await t.app.request(`/history/legal-position/${BUNDLED_POSITION}`);
        expect(history.status).toBe(200);
        const html = await history.text();
        expect(html).toContain("Zqx edited by an editor");
        expect(html).toContain("History of position on international law aus-2017-10");
      },
    );

    it.skipIf(skip)(
      "publishes a new treaty action and a correction of a bundled one after another editor's review, with the source and history",
      async () => {
        const ada = t.agent();
        await ada.logIn("ada@example.org", PASSWORD);
        const form = await ada.get("/editor/new/treaty-action");
        expect(await form.text()).toContain('name="consent"');
        const saved = await ada.post("/editor/changes", {
          ...Object.fromEntries(Object.entries(ACTION).map(([k, value]) => [k, value === null ? "" : String(value)])),
          _kind: "treaty-action",
          _operation: "create",
          _summary: "New treaty action",
          _action: "submit",
          source_url: SOURCE.url,
          source_title: SOURCE.title,
          source_licence: SOURCE.licence,
        });
        expect(saved.status).toBe(303);
        const changeId = Number(/\/editor\/changes\/(\d+)/.exec(saved.headers.get("location")!)![1]);
        expect(await findPublishedRecord(t.database.db, "treaty-action", ACTION.id)).toBeNull();
        const grace = t.agent();
        await grace.logIn("grace@example.org", PASSWORD);
        await grace.get(`/editor/changes/${changeId}`);
        expect((await grace.post(`/editor/changes/${changeId}/review`, { decision: "approve", note: "" })).status).toBe(
          303,
        );
        expect(await findPublishedRecord(t.database.db, "treaty-action", ACTION.id)).toEqual(ACTION);
        expect(await listRecordSourceIds(t.database.db, "treaty-action", ACTION.id)).toEqual([SOURCE.url]);

        const bundled = (await findPublishedRecord(t.database.db, "treaty-action", BUNDLED_ACTION))!;
        expect(bundled).toMatchObject({ kind: "ratification", signed: "2001-11-23", consent: "2006-01-10" });
        await publish("treaty-action", "update", BUNDLED_ACTION, { ...bundled, notes: "Zqx edited by an editor" });
        const history = await t.app.request(`/history/treaty-action/${encodeURIComponent(BUNDLED_ACTION)}`);
        expect(history.status).toBe(200);
        expect(await history.text()).toContain("Zqx edited by an editor");
        expect((await t.app.request(`/history/treaty-action/${encodeURIComponent(ACTION.id)}`)).status).toBe(200);
      },
    );

    it.skipIf(skip)(
      "keeps editors' positions and treaty actions, and their corrections, when the bundled data is imported again",
      async () => {
        await seedDatabase(t.database, { force: true });
        expect(await findPublishedRecord(t.database.db, "legal-position", POSITION.id)).toEqual(POSITION);
        expect((await findPublishedRecord(t.database.db, "legal-position", BUNDLED_POSITION))!["notes"]).toBe(
          "Zqx edited by an editor",
        );
        expect(await listRecordSourceIds(t.database.db, "legal-position", BUNDLED_POSITION)).toContain(SOURCE.url);
        expect(await findPublishedRecord(t.database.db, "treaty-action", ACTION.id)).toEqual(ACTION);
        expect((await findPublishedRecord(t.database.db, "treaty-action", BUNDLED_ACTION))!["notes"]).toBe(
          "Zqx edited by an editor",
        );
        expect(await listRecordSourceIds(t.database.db, "treaty-action", ACTION.id)).toEqual([SOURCE.url]);
      },
    );
  },
);
