import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DRIVERS } from "../../test/database.js";
import { createEditorialTestApp, type EditorialTestApp } from "../../test/editorial.js";
import { insertApiToken } from "../db/api-tokens.js";

const SESSION = "oewg-2021-2025-oewg-first-substantive-session";
const NOTES =
  "Programme of work not adopted at first (UK objected over stakeholder modalities). Virtual informal consultative meeting with stakeholders on 16 Dec 2021 (2-minute slots).";
const SOURCE = {
  url: "https://meetings.unoda.org/oewg-ict/2021",
  title: "OEWG on ICTs 2021–2025: meetings",
  licence: "UN terms of use",
};

describe.each(TEST_DRIVERS)("write API and history on $label", ({ driver, skip }) => {
  let t: EditorialTestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    if (skip) return;
    t = await createEditorialTestApp(driver, { seed: true });
    for (const name of ["ada", "grace"]) {
      const user = await t.addUser(`${name}@example.org`, "editor");
      tokens[name] = (
        await insertApiToken(t.database.db, {
          userId: user.id,
          name: "test",
          scopes: ["changes:write", "changes:review"],
          now: t.clock.now,
        })
      ).secret;
    }
    const writer = await t.addUser("bot@example.org", "editor");
    tokens["writeOnly"] = (
      await insertApiToken(t.database.db, {
        userId: writer.id,
        name: "bot",
        scopes: ["changes:write"],
        now: t.clock.now,
      })
    ).secret;
  });
  afterAll(async () => t?.dispose());

  const call = (who: string, method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const publicSession = async () =>
    (await (await t.app.request(`/api/v1/sessions/${SESSION}`)).json()) as {
      start: { value: string };
      sources: { id: string }[];
    };
  const sessionRecord = (start: string) => ({
    id: SESSION,
    process_id: "oewg-2021-2025",
    name: "OEWG first substantive session",
    kind: "substantive",
    start,
    end: "2021-12-17",
    venue: "New York",
    notes: NOTES,
    confidence: "high",
  });

  it.skipIf(skip)(
    "publishes a session date only after another editor approves it, with the change's source and a field diff in history",
    async () => {
      const created = await call("ada", "POST", "/api/v1/changes", {
        record_kind: "session",
        operation: "update",
        record_id: SESSION,
        record: sessionRecord("2021-12-14"),
        sources: [SOURCE],
        summary: "Start date per UNODA meetings page",
        submit: true,
      });
      expect(created.status).toBe(201);
      const change = (await created.json()) as { id: number; status: string; diff: unknown[] };
      expect(change.status).toBe("in_review");
      expect(change.diff).toEqual([{ field: "start", before: "2021-12-13", after: "2021-12-14" }]);
      expect((await publicSession()).start.value).toBe("2021-12-13");

      const own = await call("ada", "POST", `/api/v1/changes/${change.id}/approve`, {});
      expect(own.status).toBe(409);
      expect((await publicSession()).start.value).toBe("2021-12-13");

      const approved = await call("grace", "POST", `/api/v1/changes/${change.id}/approve`, { note: "checked" });
      expect(approved.status).toBe(200);
      const session = await publicSession();
      expect(session.start.value).toBe("2021-12-14");
      expect(session.sources.map((s) => s.id)).toContain(SOURCE.url);

      const history = (await (await t.app.request(`/api/v1/history/session/${SESSION}`)).json()) as {
        imported_from: string;
        entries: { diff: unknown[]; author: string | null; sources: unknown[] }[];
      };
      expect(history.imported_from).toBeTruthy();
      expect(history.entries).toHaveLength(1);
      expect(history.entries[0]!.diff).toEqual([{ field: "start", before: "2021-12-13", after: "2021-12-14" }]);
      expect(history.entries[0]!.author).toBeNull();
      expect(history.entries[0]!.sources).toEqual([SOURCE]);
    },
  );

  it.skipIf(skip)("restores an earlier version as a new reviewed change", async () => {
    const history = (await (await t.app.request(`/api/v1/history/session/${SESSION}`)).json()) as {
      entries: { id: number }[];
    };
    const restore = await call("grace", "POST", "/api/v1/changes/restore", {
      history_entry_id: history.entries[0]!.id,
      version: "before",
    });
    expect(restore.status).toBe(201);
    const draft = (await restore.json()) as { id: number; status: string; diff: unknown[] };
    expect(draft.status).toBe("draft");
    expect(draft.diff).toEqual([{ field: "start", before: "2021-12-14", after: "2021-12-13" }]);
    expect((await call("grace", "POST", `/api/v1/changes/${draft.id}/submit`)).status).toBe(200);
    expect((await call("ada", "POST", `/api/v1/changes/${draft.id}/approve`, {})).status).toBe(200);
    expect((await publicSession()).start.value).toBe("2021-12-13");
    const after = (await (await t.app.request(`/api/v1/history/session/${SESSION}`)).json()) as { entries: unknown[] };
    expect(after.entries).toHaveLength(2);
  });

  it.skipIf(skip)(
    "refuses a change without a source, an invalid record, and an unknown process, with clear errors",
    async () => {
      const noSource = await call("ada", "POST", "/api/v1/changes", {
        record_kind: "session",
        operation: "update",
        record_id: SESSION,
        record: sessionRecord("2021-12-15"),
        sources: [],
        summary: "x",
      });
      expect(noSource.status).toBe(400);
      const badDate = await call("ada", "POST", "/api/v1/changes", {
        record_kind: "session",
        operation: "update",
        record_id: SESSION,
        record: sessionRecord("2021-13-01"),
        sources: [SOURCE],
        summary: "x",
      });
      expect(badDate.status).toBe(400);
      expect(((await badDate.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe(
        "start",
      );
      const orphan = await call("ada", "POST", "/api/v1/changes", {
        record_kind: "session",
        operation: "create",
        record: { ...sessionRecord("2030-01"), id: "new-session", process_id: "no-such-process", end: null },
        sources: [SOURCE],
        summary: "x",
      });
      expect(orphan.status).toBe(400);
      expect(JSON.stringify(await orphan.json())).toContain("no published process no-such-process");
    },
  );

  it.skipIf(skip)("creates and withdraws an organisation; a write-only token cannot approve", async () => {
    const org = {
      id: "GFCE",
      name: "Global Forum on Cyber Expertise",
      abbreviation: "GFCE",
      classification: "intergovernmental",
      bloc_types: [],
      founded_year: 2015,
      wikidata_id: null,
      links: ["https://thegfce.org"],
      description: null,
    };
    const created = (await (
      await call("writeOnly", "POST", "/api/v1/changes", {
        record_kind: "organization",
        operation: "create",
        record: org,
        sources: [{ url: "https://thegfce.org/about", title: "About the GFCE", licence: "© GFCE" }],
        summary: "Add the GFCE",
        submit: true,
      })
    ).json()) as { id: number };
    expect((await call("writeOnly", "POST", `/api/v1/changes/${created.id}/approve`, {})).status).toBe(403);
    expect((await call("ada", "POST", `/api/v1/changes/${created.id}/approve`, {})).status).toBe(200);
    expect((await t.app.request("/api/v1/organizations/GFCE")).status).toBe(200);
    const withdraw = (await (
      await call("ada", "POST", "/api/v1/changes", {
        record_kind: "organization",
        operation: "withdraw",
        record_id: "GFCE",
        sources: [{ source_id: "https://thegfce.org/about" }],
        summary: "Out of scope",
        submit: true,
      })
    ).json()) as { id: number };
    expect((await call("grace", "POST", `/api/v1/changes/${withdraw.id}/approve`, {})).status).toBe(200);
    expect((await t.app.request("/api/v1/organizations/GFCE")).status).toBe(404);
  });

  it.skipIf(skip)("refuses to withdraw a process that still has sessions", async () => {
    const res = await call("ada", "POST", "/api/v1/changes", {
      record_kind: "process",
      operation: "withdraw",
      record_id: "oewg-2021-2025",
      sources: [SOURCE],
      summary: "x",
      submit: true,
    });
    const change = (await res.json()) as { id: number };
    const approve = await call("grace", "POST", `/api/v1/changes/${change.id}/approve`, {});
    expect(approve.status).toBe(409);
    expect((await t.app.request("/api/v1/processes/oewg-2021-2025")).status).toBe(200);
  });

  it.skipIf(skip)("refuses an approval when the record changed after the draft was written", async () => {
    const first = (await (
      await call("ada", "POST", "/api/v1/changes", {
        record_kind: "session",
        operation: "update",
        record_id: SESSION,
        record: { ...sessionRecord("2021-12-13"), venue: "New York (UNHQ)" },
        sources: [SOURCE],
        summary: "venue",
        submit: true,
      })
    ).json()) as { id: number };
    const second = (await (
      await call("ada", "POST", "/api/v1/changes", {
        record_kind: "session",
        operation: "update",
        record_id: SESSION,
        record: { ...sessionRecord("2021-12-13"), notes: `${NOTES} Held in person.` },
        sources: [SOURCE],
        summary: "notes",
        submit: true,
      })
    ).json()) as { id: number };
    expect((await call("grace", "POST", `/api/v1/changes/${first.id}/approve`, {})).status).toBe(200);
    expect((await call("grace", "POST", `/api/v1/changes/${second.id}/approve`, {})).status).toBe(409);
  });
});
