import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { queryRows } from "../../db/client.js";
import { listDumpTables } from "../../db/dump.js";
import { memberships } from "../../db/schema/index.js";
import { exportDump } from "./export-dump.js";
import { importDump } from "./import-dump.js";

async function counts(database: TestDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of listDumpTables()) {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(t.name)}`,
    );
    out[t.name] = row!.n;
  }
  return out;
}

/** Row lines of a dump, without the header (which carries the creation time). */
function rowLines(file: string): string[] {
  const text = file.endsWith(".gz")
    ? gunzipSync(fs.readFileSync(file)).toString("utf8")
    : fs.readFileSync(file, "utf8");
  return text.trimEnd().split("\n").slice(1);
}

describe("dump tables", () => {
  it("lists every schema table with parents before the tables that reference them", () => {
    const names = listDumpTables().map((t) => t.name);
    for (const name of [
      "states",
      "sources",
      "record_sources",
      "processes",
      "vote_events",
      "users",
      "changes",
      "dataset_imports",
    ])
      expect(names).toContain(name);
    expect(names.indexOf("states")).toBeLessThan(names.indexOf("process_members"));
    expect(names.indexOf("sources")).toBeLessThan(names.indexOf("record_sources"));
    expect(names.indexOf("users")).toBeLessThan(names.indexOf("changes"));
  });
});

describe.each(TEST_DRIVERS)("export and import of a full dump on $label", ({ driver, skip }) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  let dump: string;
  beforeAll(async () => {
    if (skip) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-dump-"));
    dump = path.join(dir, "dump.ndjson.gz");
    source = await createTestDatabase(driver, { seed: true });
    target = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)("restores every table into a fresh database with the same rows, byte for byte", async () => {
    const exported = await exportDump(source, dump, { batchSize: 250 });
    const before = await counts(source);
    expect(exported.tables.find((t) => t.name === "states")!.rows).toBe(195);
    expect(Object.fromEntries(exported.tables.map((t) => [t.name, t.rows]))).toEqual(before);
    expect(fs.existsSync(`${dump}.partial`)).toBe(false);

    const imported = await importDump(target, dump, { batchSize: 100 });
    expect(imported.rows).toBe(exported.rows);
    expect(await counts(target)).toEqual(before);

    const again = path.join(dir, "again.ndjson");
    await exportDump(target, again);
    expect(rowLines(again)).toEqual(rowLines(dump));
    const [che] = await queryRows<{ name: string; regional_group: string }>(
      target.db,
      sql`SELECT name, un_regional_group AS regional_group FROM states WHERE iso3 = 'CHE'`,
    );
    expect(che).toEqual({ name: "Switzerland", regional_group: "WEOG" });
  });

  it.skipIf(skip)("resets serial sequences, so new rows after an import get fresh ids", async () => {
    const [last] = await target.db.select().from(memberships).orderBy(desc(memberships.id)).limit(1);
    await target.db.delete(memberships).where(eq(memberships.id, last!.id));
    const { id, ...values } = last!;
    const [inserted] = await target.db.insert(memberships).values(values).returning({ id: memberships.id });
    const max = { id };
    expect(inserted!.id).toBeGreaterThan(max!.id);
  });

  it.skipIf(skip)(
    "refuses a truncated or corrupt file with a clear error and leaves the database unchanged",
    async () => {
      const before = await counts(target);
      const text = gunzipSync(fs.readFileSync(dump)).toString("utf8");
      const cut = path.join(dir, "cut.ndjson");
      fs.writeFileSync(cut, text.slice(0, Math.floor(text.length * 0.6)));
      await expect(importDump(target, cut, { replace: true })).rejects.toThrow(
        /cut\.ndjson: (the file ends at line \d+ without its end line|line \d+ is not valid JSON)/,
      );
      const lines = text.split("\n");
      lines[Math.floor(lines.length / 2)] = '{"t":"states","r":{"iso3":';
      const broken = path.join(dir, "broken.ndjson.gz");
      fs.writeFileSync(broken, gzipSync(lines.join("\n")));
      await expect(importDump(target, broken, { replace: true })).rejects.toThrow(
        /line \d+ is not valid JSON: the file is corrupt/,
      );
      const gz = fs.readFileSync(dump);
      const half = path.join(dir, "half.gz");
      fs.writeFileSync(half, gz.subarray(0, Math.floor(gz.length / 2)));
      await expect(importDump(target, half, { replace: true })).rejects.toThrow(/half\.gz: /);
      expect(await counts(target)).toEqual(before);
    },
  );

  it.skipIf(skip)("refuses to overwrite a database that holds data unless asked to replace it", async () => {
    await expect(importDump(target, dump)).rejects.toThrow(/the database already holds data .*pass --replace/);
    const replaced = await importDump(target, dump, { replace: true });
    expect(replaced.tables.find((t) => t.name === "states")!.rows).toBe(195);
  });

  it.skipIf(skip)("refuses a file that is not a dump, or a dump from a newer format", async () => {
    const notDump = path.join(dir, "notes.txt");
    fs.writeFileSync(notDump, "hello\n");
    await expect(importDump(target, notDump, { replace: true })).rejects.toThrow(/it is not a Normwatch dump/);
    const [header, ...rest] = rowLinesWithHeader(dump);
    const newer = path.join(dir, "newer.ndjson");
    fs.writeFileSync(newer, [JSON.stringify({ ...JSON.parse(header!), formatVersion: 99 }), ...rest].join("\n"));
    await expect(importDump(target, newer, { replace: true })).rejects.toThrow(
      /dump format 99, newer than this Normwatch reads \(format 1\); upgrade Normwatch/,
    );
    await expect(importDump(target, path.join(dir, "missing.ndjson"), { replace: true })).rejects.toThrow(
      /no such file/,
    );
  });
});

function rowLinesWithHeader(file: string): string[] {
  return gunzipSync(fs.readFileSync(file)).toString("utf8").trimEnd().split("\n");
}
