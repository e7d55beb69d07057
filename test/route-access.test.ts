// Every route of the app built by createApp, whoever added it: each write refuses the anonymous public,
// and no public page, feed, export or API response shows a draft or a change under review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_WRITE_PATHS } from "../src/http/editorial-guard.js";
import { insertChange, rejectChange } from "../src/db/changes.js";
import { createEditorialTestApp, type EditorialTestApp } from "./editorial.js";

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
/** A word that appears only in unpublished content; pages are checked for phrases containing it, not for the word (a search page echoes its query). */
const MARKER = "Vqpleaked";
const LEAK_PHRASES = [
  `${MARKER} session`,
  `${MARKER} venue`,
  `${MARKER} renamed`,
  `${MARKER} rename`,
  `${MARKER} organisation`,
  `${MARKER} source`,
];
const DRAFT_SESSION = "zqx-draft-session";
const EDITED_SESSION = "oewg-2021-2025-oewg-first-substantive-session";
const SOURCE = { url: "https://example.org/zqx-draft-source", title: `${MARKER} source`, licence: "CC0" };

/** A concrete path for a route pattern: every parameter (with or without a regex) and wildcard becomes `value`. */
function fill(pattern: string, value: string, kind = "session"): string {
  return pattern
    .replace(/:kind(\{[^}]*\})?/g, kind)
    .replace(/:[A-Za-z_]+(\{(?:[^{}]|\{[^}]*\})*\})?/g, encodeURIComponent(value))
    .replace(/\*/g, value);
}

describe("route access (every route of createApp)", () => {
  let t: EditorialTestApp;
  let paths: { method: string; path: string }[];
  beforeAll(async () => {
    t = await createEditorialTestApp("pglite", { seed: true });
    const author = await t.addUser("author@example.org", "editor");
    const reviewer = await t.addUser("reviewer@example.org", "editor");
    const now = t.clock.now;
    const session = {
      id: DRAFT_SESSION,
      processId: "oewg-2021-2025",
      name: `${MARKER} session`,
      kind: "substantive",
      start: "2026-12",
      end: null,
      venue: `${MARKER} venue`,
      notes: null,
      confidence: "high",
    };
    await insertChange(t.database.db, {
      kind: "session",
      operation: "create",
      recordId: null,
      record: session,
      sources: [SOURCE],
      summary: `${MARKER} create`,
      authorId: author.id,
      now,
    });
    const edit = {
      id: EDITED_SESSION,
      processId: "oewg-2021-2025",
      name: `${MARKER} renamed`,
      kind: "substantive",
      start: "2021-12-13",
      end: "2021-12-17",
      venue: "New York",
      notes: null,
      confidence: "high",
    };
    await insertChange(t.database.db, {
      kind: "session",
      operation: "update",
      recordId: EDITED_SESSION,
      record: edit,
      sources: [SOURCE],
      summary: `${MARKER} rename`,
      submit: true,
      authorId: author.id,
      now,
    });
    const org = {
      id: "ZQXDRAFTORG",
      name: `${MARKER} organisation`,
      abbreviation: null,
      classification: "ngo",
      blocTypes: [],
      foundedYear: null,
      wikidataId: null,
      links: [],
      description: null,
    };
    const orgChange = await insertChange(t.database.db, {
      kind: "organization",
      operation: "create",
      recordId: null,
      record: org,
      sources: [SOURCE],
      summary: `${MARKER} org`,
      submit: true,
      authorId: author.id,
      now,
    });
    await rejectChange(t.database.db, {
      changeId: orgChange.id,
      reviewer: { id: reviewer.id, role: "editor" },
      note: "no",
      now,
    });
    const seen = new Set<string>();
    paths = [];
    for (const r of t.app.routes) {
      const key = `${r.method} ${r.path}`;
      if (seen.has(key) || r.path.startsWith("/static") || r.path.startsWith("/assets")) continue;
      seen.add(key);
      paths.push({ method: r.method, path: r.path });
    }
  });
  afterAll(async () => t?.dispose());

  it("finds the editorial write routes among the app's routes", () => {
    const writes = paths.filter((p) => WRITE_METHODS.includes(p.method)).map((p) => `${p.method} ${p.path}`);
    expect(writes).toContain("POST /api/v1/changes");
    expect(writes).toContain("POST /login");
    expect(writes.length).toBeGreaterThan(10);
  });

  it("refuses every write method on every route to the anonymous public (401), and to forms without a CSRF token (403)", async () => {
    const failures: string[] = [];
    const distinct = [...new Set(paths.filter((p) => p.path !== "*" && p.path !== "/*").map((p) => p.path))];
    for (const pattern of distinct) {
      for (const method of WRITE_METHODS) {
        const path = fill(pattern, "1");
        const res = await t.app.request(path, {
          method,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "x=1",
        });
        // An API path that has no operation for the method answers 405 (with Allow) before anyone is asked to sign in.
        const expected = PUBLIC_WRITE_PATHS.includes(path) ? [403] : path.startsWith("/api/") ? [401, 405] : [401];
        const allowed = (res.headers.get("allow") ?? "").split(/,\s*/);
        if (!expected.includes(res.status) || (res.status === 405 && allowed.includes(method)))
          failures.push(`${method} ${path} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses anonymous writes even with a valid anonymous CSRF token, except the public forms", async () => {
    const agent = t.agent();
    await agent.get("/login");
    const failures: string[] = [];
    for (const { method, path: pattern } of paths.filter((p) => WRITE_METHODS.includes(p.method))) {
      const path = fill(pattern, "1");
      if (PUBLIC_WRITE_PATHS.includes(path)) continue;
      const res = await agent.request(path, {
        method,
        headers: { "content-type": "application/x-www-form-urlencoded", "x-csrf-token": agent.csrf! },
        body: `_csrf=${agent.csrf}`,
      });
      if (res.status !== 401) failures.push(`${method} ${path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("shows no draft, change under review or rejected change on any public page, feed, export or API response", async () => {
    const candidates = [DRAFT_SESSION, EDITED_SESSION, "oewg-2021-2025", "ZQXDRAFTORG"];
    const leaks: string[] = [];
    const gets = paths.filter((p) => p.method === "GET" || p.method === "ALL");
    for (const { path: pattern } of gets) {
      if (pattern === "*" || pattern === "/*") continue;
      const variants =
        pattern.includes(":") || pattern.includes("*") ? candidates.map((v) => fill(pattern, v)) : [pattern];
      for (const path of new Set(variants.flatMap((p) => [p, `${p}?q=${MARKER}&per_page=500`]))) {
        const res = await t.app.request(path);
        // A 503 with Retry-After (the public dump before its first file is built) is "ask again", not an error.
        if (res.status >= 500 && !(res.status === 503 && res.headers.get("retry-after")))
          leaks.push(`${path} → ${res.status}`);
        const text = await res.text();
        const lower = text.toLowerCase();
        if (LEAK_PHRASES.some((phrase) => lower.includes(phrase.toLowerCase()))) leaks.push(`${path} shows a draft`);
      }
    }
    expect(leaks).toEqual([]);
    // The same check does see unpublished content where it belongs: the editors' queue.
    await t.addUser("checker@example.org", "editor", "a long enough passphrase");
    const editor = t.agent();
    await editor.logIn("checker@example.org", "a long enough passphrase");
    expect(await (await editor.get("/editor")).text()).toContain(`${MARKER} rename`);
  });
});
