// Opens the database: embedded PGlite under DATA_DIR by default, or a PostgreSQL server when DATABASE_URL is set.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index.js";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DriverName = "pglite" | "postgres";

export interface Database {
  db: Db;
  driver: DriverName;
  /**
   * Runs fn while holding a cluster-wide advisory lock, so that app servers starting together on one
   * PostgreSQL server migrate and seed one after the other. PGlite has one process by construction.
   */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Closes connections and releases the data-folder lock; safe to call twice. */
  close(): Promise<void>;
  /** Connections of the pool (PostgreSQL server only; PGlite has none): open, idle, and callers waiting for one. */
  poolStats?(): PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL server URL; without it the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; omitted means an in-memory database (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    try {
      client = await PGlite.create(path.join(dataDir, "pglite"));
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    driver: "pglite",
    withExclusiveLock: (_key, fn) => fn(),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      lock?.release();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection can be cut by the server (restart, failover, an administrator, a dropped test
  // database). node-postgres drops that client from the pool and reports it here; without a listener the
  // report would end the process. The next query simply opens a new connection.
  pool.on("error", (error) => {
    process.stderr.write(
      `database: an idle connection was closed by the server (${error.message}); it will be replaced\n`,
    );
  });
  // Fail fast with the server's own message when the URL is wrong or the server is down.
  const probe = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    driver: "postgres",
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async withExclusiveLock(key, fn) {
      const holder = await pool.connect();
      try {
        await holder.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await fn();
        } finally {
          await holder.query("SELECT pg_advisory_unlock($1)", [key]);
        }
      } finally {
        holder.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Runs raw SQL (built with the `sql` template, so parameterised) and returns its rows on either driver. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
