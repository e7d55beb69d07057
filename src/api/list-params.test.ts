// `sort` and `since` on the API's lists (issue 18): an allow-list per list (anything else is a 400 naming it), a
// stable order with a tie-breaker so pages neither overlap nor skip, `since` validated as an ISO 8601 instant and
// answered from updated_at (stamped by a trigger only when a row really changes), and Link headers that keep both.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";
import { queryRows } from "../db/client.js";
import { listOrderOf, parseSince } from "./list-params.js";

interface List<T> {
  data: T[];
  meta: { total: number; page: number; per_page: number };
}

describe("parsing since and sort", () => {
  it("reads ISO 8601 dates and date-times with a zone, and refuses local times and impossible days", () => {
    expect(parseSince("2026-11-01")?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(parseSince("2026-11-01T09:30:00Z")?.toISOString()).toBe("2026-11-01T09:30:00.000Z");
    expect(parseSince("2026-11-01T09:30:00.250+01:00")?.toISOString()).toBe("2026-11-01T08:30:00.250Z");
    expect(parseSince("2026-11-01T09:30Z")?.toISOString()).toBe("2026-11-01T09:30:00.000Z");
    for (const bad of [
      "2026-11-01T09:30:00",
      "yesterday",
      "2026-02-30",
      "2026-13-01",
      "1700000000",
      "2026-11-01 09:30Z",
    ])
      expect(parseSince(bad), bad).toBeNull();
  });

  it("reads a leading - as descending", () => {
    expect(listOrderOf("-name")).toEqual({ key: "name", descending: true });
    expect(listOrderOf("name")).toEqual({ key: "name", descending: false });
    expect(listOrderOf(undefined)).toBeUndefined();
  });
});

describe.each(TEST_DRIVERS)("sort and since on the API's lists ($label)", ({ driver, skip }) => {
  let t: TestApp;
  const get = async <T>(path: string) => {
    const res = await t.app.request(path);
    return { status: res.status, headers: res.headers, body: (await res.json()) as T };
  };
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver);
  }, 180_000);
  afterAll(async () => t?.dispose());

  it.skipIf(skip)("orders by an allowed key either way, ties broken by the id", async () => {
    const asc = await get<List<{ id: string; name: string }>>("/api/v1/processes?sort=name&per_page=500");
    expect(asc.status).toBe(200);
    const names = asc.body.data.map((p) => p.name);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const desc = await get<List<{ id: string }>>("/api/v1/processes?sort=-name&per_page=500");
    expect(desc.body.data.map((p) => p.id)).toEqual(asc.body.data.map((p) => p.id).reverse());
    // Without sort, the usual order (by start) is kept.
    const usual = await get<List<{ start: { value: string } }>>("/api/v1/processes?per_page=500");
    const starts = usual.body.data.map((p) => p.start.value);
    expect(starts).toEqual([...starts].sort());
  });

  it.skipIf(skip)(
    "sorts States, organisations, votes, evidence, instruments and programmes by their own keys",
    async () => {
      const states = await get<List<{ iso3: string }>>("/api/v1/states?sort=-iso3&per_page=2");
      expect(states.body.data.map((s) => s.iso3)).toEqual(["ZWE", "ZMB"]);
      const organizations = await get<List<{ member_count: number }>>(
        "/api/v1/organizations?sort=-members&per_page=500",
      );
      const counts = organizations.body.data.map((o) => o.member_count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0]).toBeGreaterThan(counts.at(-1)!);
      const votes = await get<List<{ session: number }>>("/api/v1/votes?sort=session&per_page=3");
      expect(votes.body.data.map((v) => v.session)).toEqual([1, 1, 1]);
      for (const path of [
        "/api/v1/evidence?sort=-observed",
        "/api/v1/instruments?sort=-adopted",
        "/api/v1/programmes?sort=title",
        "/api/v1/stakeholder-actions?sort=-acted",
        "/api/v1/accreditations?sort=organization",
      ])
        expect((await get(path)).status, path).toBe(200);
      // Instruments and programmes page in SQL: two pages of one make the first two of the whole list.
      for (const list of ["instruments", "programmes"]) {
        const whole = await get<List<{ id: string }>>(`/api/v1/${list}?per_page=4`);
        const first = await get<List<{ id: string }>>(`/api/v1/${list}?per_page=2&page=1`);
        const second = await get<List<{ id: string }>>(`/api/v1/${list}?per_page=2&page=2`);
        expect(
          [...first.body.data, ...second.body.data].map((r) => r.id),
          list,
        ).toEqual(whole.body.data.map((r) => r.id));
        expect(second.body.meta.total, list).toBe(whole.body.meta.total);
      }
    },
  );

  it.skipIf(skip)("pages a sorted list without overlaps or gaps, even where many rows tie", async () => {
    // Every resolution of a GA session ties on the session: pages must still add up to the whole list.
    const whole = await get<List<{ symbol: string }>>("/api/v1/resolutions?sort=-session&per_page=500");
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(whole.body.meta.total / 7); page++) {
      const res = await get<List<{ symbol: string }>>(`/api/v1/resolutions?sort=-session&per_page=7&page=${page}`);
      paged.push(...res.body.data.map((r) => r.symbol));
    }
    expect(paged).toEqual(whole.body.data.map((r) => r.symbol));
    expect(new Set(paged).size).toBe(paged.length);
  });

  it.skipIf(skip)("answers an unknown sort with a 400 naming the allowed values", async () => {
    const res = await get<{ error: { code: string; details: { path: string; message: string }[] } }>(
      "/api/v1/sessions?sort=venue",
    );
    expect(res.status).toBe(400);
    const detail = res.body.error.details.find((d) => d.path === "sort")!;
    expect(detail.message).toBe("unknown sort; allowed: start, -start, name, -name, updated, -updated");
    expect((await get("/api/v1/deadlines?sort=-closes")).status).toBe(200);
    expect((await get("/api/v1/deadlines?sort=title")).status).toBe(400);
  });

  it.skipIf(skip)("refuses a since that is not an ISO 8601 instant", async () => {
    for (const since of ["yesterday", "2026-11-01T09:00:00", "2026-02-30"]) {
      const res = await get<{ error: { details: { path: string }[] } }>(
        `/api/v1/processes?since=${encodeURIComponent(since)}`,
      );
      expect(res.status, since).toBe(400);
      expect(res.body.error.details.map((d) => d.path)).toContain("since");
    }
  });

  it.skipIf(skip)(
    "lists only records changed after since: an edit counts, rewriting the same values does not",
    async () => {
      // Just after the latest stamp of any session, process or State (rounded up to the millisecond ISO 8601 can carry).
      const [latest] = await queryRows<{ ms: string | number }>(
        t.database.db,
        sql`SELECT ceil(extract(epoch FROM greatest((SELECT max(updated_at) FROM sessions), (SELECT max(updated_at) FROM processes), (SELECT max(updated_at) FROM states))) * 1000)::bigint + 1 AS ms`,
      );
      const since = new Date(Number(latest!.ms)).toISOString();
      expect((await get<List<unknown>>(`/api/v1/sessions?since=${since}`)).body.meta.total).toBe(0);
      // A State found by a name in another form obeys since too.
      expect((await get<List<unknown>>("/api/v1/states?q=cote%20divoire")).body.meta.total).toBe(1);
      expect((await get<List<unknown>>(`/api/v1/states?q=cote%20divoire&since=${since}`)).body.meta.total).toBe(0);
      const [session] = await queryRows<{ id: string; venue: string | null; process_id: string }>(
        t.database.db,
        sql`SELECT id, venue, process_id FROM sessions ORDER BY id LIMIT 2`,
      );
      // The same values written again: not a change.
      await t.database.db.execute(sql`UPDATE sessions SET venue = venue`);
      expect((await get<List<unknown>>(`/api/v1/sessions?since=${since}`)).body.meta.total).toBe(0);
      await t.database.db.execute(sql`UPDATE sessions SET notes = 'since test' WHERE id = ${session!.id}`);
      const changed = await get<List<{ id: string }>>(`/api/v1/sessions?since=${since}`);
      expect(changed.body.data.map((s) => s.id)).toEqual([session!.id]);
      expect(changed.body.meta.total).toBe(1);
      // The unchanged process is not listed as changed, other lists are unaffected.
      expect((await get<List<unknown>>(`/api/v1/processes?since=${since}`)).body.meta.total).toBe(0);
      await t.database.db.execute(sql`UPDATE states SET subregion = subregion || ' ' WHERE iso3 = 'CHE'`);
      const states = await get<List<{ iso3: string }>>(`/api/v1/states?since=${since}`);
      expect(states.body.data.map((s) => s.iso3)).toEqual(["CHE"]);
      // Editors' updates keep their own change time (stamped when published or edited).
      expect((await get<List<unknown>>("/api/v1/updates?since=2100-01-01")).body.meta.total).toBe(0);
      expect((await get("/api/v1/updates?since=2000-01-01")).status).toBe(200);
      // Every record is newer than a day long past.
      const all = await get<List<unknown>>("/api/v1/sessions?since=2000-01-01");
      expect(all.body.meta.total).toBe((await get<List<unknown>>("/api/v1/sessions")).body.meta.total);
    },
  );

  it.skipIf(skip)("keeps sort and since in the Link headers beside meta", async () => {
    const res = await get<List<unknown>>("/api/v1/resolutions?sort=-adopted&since=2000-01-01&per_page=2&page=2");
    const link = res.headers.get("link")!;
    expect(link).toContain('rel="next"');
    for (const part of link.split(", ")) {
      expect(part).toContain("sort=-adopted");
      expect(part).toContain("since=2000-01-01");
    }
    expect(res.body.meta).toMatchObject({ page: 2, per_page: 2 });
  });

  it.skipIf(skip)("documents each list's sort values and since in the OpenAPI document", async () => {
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get: { parameters: { name: string; schema?: { enum?: string[] } }[] } }>;
    };
    const sortOf = (path: string) => doc.paths[path]!.get.parameters.find((p) => p.name === "sort")?.schema?.enum;
    expect(sortOf("/api/v1/deadlines")).toEqual(["closes", "-closes", "opens", "-opens", "updated", "-updated"]);
    expect(sortOf("/api/v1/documents")).toContain("-date");
    for (const path of [
      "/api/v1/states",
      "/api/v1/organizations",
      "/api/v1/processes",
      "/api/v1/sessions",
      "/api/v1/resolutions",
      "/api/v1/votes",
      "/api/v1/documents",
      "/api/v1/deadlines",
      "/api/v1/accreditations",
      "/api/v1/stakeholder-actions",
      "/api/v1/evidence",
      "/api/v1/instruments",
      "/api/v1/programmes",
    ])
      expect(doc.paths[path]!.get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["sort", "since"]));
  });
});
