// One counter that every app server reads to know whether the public data changed (issue 17): a statement-level
// trigger on each table that public pages and API answers show bumps it in the writing transaction (see the
// migration data_version and db/data-version.ts), so a server's cached page is current exactly while it holds.
import { bigint, pgTable, smallint, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const dataVersion = pgTable(
  "data_version",
  {
    /** Always 1: the table holds one row. */
    id: smallint("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("data_version_single_row", sql`${t.id} = 1`)],
);
