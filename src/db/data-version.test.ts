import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import {
  getDataVersion,
  listenForDataVersionChanges,
  listTablesWithoutVersionTrigger,
  UNVERSIONED_TABLES,
} from "./data-version.js";
import { queryRows } from "./client.js";

describe.each(TEST_DRIVERS)("data version ($label)", ({ driver, skip }) => {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    if (skip) return;
    t = await createTestDatabase(driver);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("has the bump trigger on every table except the private bookkeeping ones", async (ctx) => {
    if (!t) return ctx.skip();
    expect(await listTablesWithoutVersionTrigger(t.db)).toEqual([...UNVERSIONED_TABLES].sort());
  });

  it("grows when a transaction writes public data, once it commits, and not for private tables or a rollback", async (ctx) => {
    if (!t) return ctx.skip();
    const db = t.db;
    const before = await getDataVersion(db);
    await db.execute(sql`INSERT INTO rate_limit_events (key, occurred_at) VALUES ('test', now())`);
    expect(await getDataVersion(db)).toBe(before);
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO sources (id, kind, title, licence) VALUES ('dv-test', 'web-page', 'x', 'x')`);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await getDataVersion(db)).toBe(before);
    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO sources (id, kind, title, licence) VALUES ('dv-test', 'web-page', 'x', 'x')`);
      await tx.execute(sql`DELETE FROM sources WHERE id = 'dv-test'`);
    });
    expect(await getDataVersion(db)).toBe(before + 2);
    expect(await queryRows(db, sql`SELECT 1 FROM sources WHERE id = 'dv-test'`)).toEqual([]);
  });

  it("tells an embedded server of each committed write before the commit returns (never of a rollback); a PostgreSQL server keeps reading", async (ctx) => {
    if (!t) return ctx.skip();
    const db = t.db;
    let changes = 0;
    const isWatching = await listenForDataVersionChanges(db, () => changes++);
    expect(isWatching).toBe(driver === "pglite");
    if (!isWatching) return;
    await db
      .transaction(async (tx) => {
        await tx.execute(
          sql`INSERT INTO sources (id, kind, title, licence) VALUES ('dv-listen', 'web-page', 'x', 'x')`,
        );
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(changes).toBe(0);
    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO sources (id, kind, title, licence) VALUES ('dv-listen', 'web-page', 'x', 'x')`);
      expect(changes).toBe(0);
    });
    expect(changes).toBe(1);
    await db.execute(sql`DELETE FROM sources WHERE id = 'dv-listen'`);
    expect(changes).toBe(2);
  });
});
