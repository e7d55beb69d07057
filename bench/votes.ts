// Benchmarks of the vote data: import speed on PGlite and PostgreSQL, and the 193 × 193 agreement matrix in memory
// (cold and warm) against a plain SQL self-join computing the same numbers.
import { sql } from "drizzle-orm";
import { loadAlignmentIndex } from "../src/analysis/alignment-index.js";
import { computeAgreementMatrix, selectEvents, type AlignmentIndex } from "../src/analysis/alignment.js";
import { queryRows, type DriverName } from "../src/db/client.js";
import { seedDatabase, BUNDLED_IMPORTERS } from "../src/ingest/seed.js";
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from "../test/database.js";

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function importBench(driver: DriverName): Promise<TestDatabase> {
  const database = await createTestDatabase(driver);
  const others = BUNDLED_IMPORTERS.filter((i) => i.name !== "votes");
  await seedDatabase(database, { importers: others });
  const votes = BUNDLED_IMPORTERS.filter((i) => i.name === "votes");
  const [result] = await seedDatabase(database, { importers: votes });
  const [counts] = await queryRows<{ events: number; positions: number }>(
    database.db,
    sql`SELECT count(*)::int AS events, coalesce(sum(length(replace(votes, '-', ''))), 0)::int AS positions FROM vote_events`,
  );
  const { events, positions } = counts!;
  const seconds = result!.milliseconds / 1000;
  console.log(
    `votes import on ${driver}: ${events} vote events, ${positions} positions in ${fmt(result!.milliseconds)}` +
      ` → ${Math.round(positions / seconds).toLocaleString("en")} votes/s (${Math.round(events / seconds).toLocaleString("en")} event rows/s)`,
  );
  const started = performance.now();
  await seedDatabase(database, { importers: votes, force: true });
  console.log(`votes re-import on ${driver} (nothing changed): ${fmt(performance.now() - started)}`);
  return database;
}

function members(index: AlignmentIndex): string[] {
  return index.voters.filter((v) => v.stateIso3 !== null).map((v) => v.code);
}

async function matrixBench(database: TestDatabase): Promise<void> {
  const coldStart = performance.now();
  const index = await loadAlignmentIndex(database.db);
  const loaded = performance.now() - coldStart;
  const codes = members(index);
  const mask = selectEvents(index);
  computeAgreementMatrix(index, codes, mask);
  const cold = performance.now() - coldStart;
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    computeAgreementMatrix(index, codes, mask);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const warm = runs[3]!;
  console.log(
    `agreement matrix ${codes.length}×${codes.length} over ${index.events.length} vote events (${database.driver}):`,
  );
  console.log(`  cold (load index from the database + compute): ${fmt(cold)} (load ${fmt(loaded)}; target < 1 s)`);
  console.log(`  warm (index in memory), median of 7: ${fmt(warm)} (target < 100 ms)`);

  // The same numbers by a plain SQL self-join on one row per (event, voter): yes = 2, abstain = 1, no = 0.
  await database.db.execute(sql`DROP TABLE IF EXISTS bench_vote_rows`);
  const expand = performance.now();
  await database.db.execute(sql`
    CREATE TABLE bench_vote_rows AS
    SELECT e.id AS event_id, v.code AS voter, CASE substr(e.votes, v.position + 1, 1) WHEN 'Y' THEN 2 WHEN 'A' THEN 1 ELSE 0 END AS level
    FROM vote_events e JOIN voters v ON v.state_iso3 IS NOT NULL AND substr(e.votes, v.position + 1, 1) IN ('Y', 'N', 'A')`);
  await database.db.execute(sql`CREATE INDEX ON bench_vote_rows (event_id)`);
  const expanded = performance.now() - expand;
  const [expandedRows] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM bench_vote_rows`,
  );
  const n = expandedRows!.n;
  const joinStart = performance.now();
  const rows = await queryRows<{ a: string; b: string; agreement: number }>(
    database.db,
    sql`SELECT x.voter AS a, y.voter AS b, 1 - sum(abs(x.level - y.level))::float8 / (2 * count(*)) AS agreement
        FROM bench_vote_rows x JOIN bench_vote_rows y ON x.event_id = y.event_id AND x.voter <= y.voter
        GROUP BY x.voter, y.voter`,
  );
  const join = performance.now() - joinStart;
  await database.db.execute(sql`DROP TABLE bench_vote_rows`);
  const matrix = computeAgreementMatrix(index, codes, mask);
  const at = new Map(codes.map((c, i) => [c, i]));
  const maxDiff = rows.reduce(
    (m, r) => Math.max(m, Math.abs(r.agreement - matrix.values[at.get(r.a)! * codes.length + at.get(r.b)!]!)),
    0,
  );
  console.log(
    `  SQL self-join on ${database.driver}: ${fmt(join)} for ${rows.length} pairs (expanding to one row per vote first: ${n} rows in ${fmt(expanded)}, ${Math.round(n / (expanded / 1000)).toLocaleString("en")} rows/s); largest difference from the in-memory matrix ${maxDiff.toExponential(1)}`,
  );
  console.log(
    `  ratio SQL self-join / in-memory warm: ${(join / warm).toFixed(0)}×; / cold: ${(join / cold).toFixed(1)}×`,
  );
}

export async function runVotesBench(): Promise<void> {
  const pglite = await importBench("pglite");
  try {
    await matrixBench(pglite);
  } finally {
    await pglite.dispose();
  }
  if (!TEST_DATABASE_URL) {
    console.log("votes import on PostgreSQL: skipped (set TEST_DATABASE_URL to run)");
    return;
  }
  const postgres = await importBench("postgres");
  try {
    await matrixBench(postgres);
  } finally {
    await postgres.dispose();
  }
}
