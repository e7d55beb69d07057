// The PostgreSQL pool survives the server closing an idle connection (a restart or failover does that).
import pg from "pg";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DATABASE_URL } from "../../test/database.js";
import { queryRows } from "./client.js";

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL connection pool${TEST_DATABASE_URL ? "" : " (skipped: TEST_DATABASE_URL not set)"}`,
  () => {
    it("replaces an idle connection the server terminated, without an unhandled error", async () => {
      const database = await createTestDatabase("postgres");
      try {
        const [{ name }] = (await queryRows<{ name: string }>(database.db, sql`SELECT current_database() AS name`)) as [
          { name: string },
        ];
        const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await admin.connect();
        const killed = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [
          name,
        ]);
        await admin.end();
        expect(killed.rowCount).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const [{ one }] = (await queryRows<{ one: number }>(database.db, sql`SELECT 1 AS one`)) as [{ one: number }];
        expect(one).toBe(1);
      } finally {
        await database.dispose();
      }
    });
  },
);
