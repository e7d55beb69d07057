import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { coalescedVersionReader, pageCache } from "./page-cache.js";

describe.each(TEST_DRIVERS)("page cache ($label)", ({ driver, skip }) => {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    if (!skip) t = await createTestDatabase(driver);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  function buildApp(db: TestDatabase["db"], clock: { now: Date }) {
    const rendered: string[] = [];
    const app = new Hono();
    app.use(pageCache({ db, now: () => clock.now }));
    app.get("/page", (c) => {
      rendered.push(c.req.path);
      return c.html(`<p>${"rendered ".repeat(300)}${rendered.length}</p>`);
    });
    app.get("/form", (c) => {
      rendered.push(c.req.path);
      setCookie(c, "nw_csrf", "token");
      return c.html("<form></form>");
    });
    app.get("/editor/desk", (c) => {
      rendered.push(c.req.path);
      return c.html("desk");
    });
    return { app, rendered };
  }

  it("renders a public page once per data version and day, answers 304 to a matching If-None-Match, and serves Brotli from the kept bytes", async (ctx) => {
    if (!t) return ctx.skip();
    const clock = { now: new Date("2026-12-01T10:00:00Z") };
    const { app, rendered } = buildApp(t.db, clock);
    const first = await app.request("/page");
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^W\/"/);
    const body = await first.text();
    const second = await app.request("/page");
    expect(await second.text()).toBe(body);
    expect(rendered).toEqual(["/page"]);
    const notModified = await app.request("/page", { headers: { "If-None-Match": etag! } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    const br = await app.request("/page", { headers: { "Accept-Encoding": "br" } });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Vary")).toMatch(/Accept-Encoding/);
    expect(rendered).toEqual(["/page"]);

    // A write to public data, committed by any server on the database, makes the next request render again.
    await t.db.execute(
      sql`INSERT INTO sources (id, kind, title, licence) VALUES ('page-cache-test', 'web-page', 'x', 'x')`,
    );
    await app.request("/page");
    expect(rendered).toEqual(["/page", "/page"]);
    await app.request("/page");
    expect(rendered).toHaveLength(2);
    // So does the next day (pages say what is running and next).
    clock.now = new Date("2026-12-02T00:00:01Z");
    await app.request("/page");
    expect(rendered).toHaveLength(3);
  });

  it("never serves or keeps an answer for a request with a cookie or a token, one that sets a cookie, or the editor's desk", async (ctx) => {
    if (!t) return ctx.skip();
    const { app, rendered } = buildApp(t.db, { now: new Date("2026-12-01T10:00:00Z") });
    await app.request("/page");
    await app.request("/page", { headers: { Cookie: "nw_session=abc" } });
    await app.request("/page", { headers: { Authorization: "Bearer x" } });
    expect(rendered).toEqual(["/page", "/page", "/page"]);
    await app.request("/form");
    const again = await app.request("/form");
    expect(again.headers.get("Set-Cookie")).toContain("nw_csrf");
    await app.request("/editor/desk");
    await app.request("/editor/desk");
    expect(rendered.filter((p) => p !== "/page")).toEqual(["/form", "/form", "/editor/desk", "/editor/desk"]);
  });
});

describe("coalescedVersionReader", () => {
  it("answers concurrent callers with one query, and a caller arriving while a query runs with the next query", async () => {
    let version = 1;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const read = coalescedVersionReader(() => {
      started.push(version);
      const seen = version;
      return new Promise<number>((resolve) => releases.push(() => resolve(seen)));
    });
    const a = read();
    const b = read();
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([1]);
    // A write commits while the first query runs: a caller arriving now must not get its answer.
    version = 2;
    const c = read();
    const d = read();
    releases[0]!();
    await expect(Promise.all([a, b])).resolves.toEqual([1, 1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2]);
    releases[1]!();
    await expect(Promise.all([c, d])).resolves.toEqual([2, 2]);
  });
});
