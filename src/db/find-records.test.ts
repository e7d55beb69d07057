import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { sql } from "drizzle-orm";
import { queryRows } from "./client.js";
import type { FoundRecord } from "../domain/find-records.js";
import { findRecords, type RecordSearch } from "./find-records.js";

/** The bundled cyber resolutions, read as the seed reads them. */
const resolutions = JSON.parse(
  fs.readFileSync(new URL("../../datasets/reference/resolutions.json", import.meta.url), "utf8"),
) as { symbol: string; title: string | null; topic: string; summary: string | null }[];

const kindsOf = (s: RecordSearch) => s.kinds.map((k) => k.kind);
const recordsOf = (s: RecordSearch, kind: string) => s.kinds.find((k) => k.kind === kind)?.records ?? [];
const totalOf = (s: RecordSearch, kind: string) => s.kinds.find((k) => k.kind === kind)?.total ?? 0;

describe.each(TEST_DRIVERS)("finding records by what a reader types, on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { seed: true });
  }, 300_000);
  afterAll(async () => database?.dispose());
  const find = (q: string, limit = 50) => findRecords(database.db, q, { limit });

  it.skipIf(skip)("finds a State first by its name, official name or ISO code, in any case", async () => {
    for (const q of ["France", "france", "fra", "FRA", "French Republic"]) {
      const found = await find(q);
      expect(kindsOf(found)[0], q).toBe("state");
      expect(recordsOf(found, "state")[0], q).toMatchObject({ id: "FRA", label: "France", path: "/states/FRA" });
    }
    // Accents and UN voting-list spellings: Türkiye, São Tomé and Príncipe, Côte d'Ivoire (named Ivory Coast here).
    expect(recordsOf(await find("turkiye"), "state")[0]?.id).toBe("TUR");
    expect(recordsOf(await find("São Tomé"), "state")[0]?.id).toBe("STP");
    expect(recordsOf(await find("cote d'ivoire"), "state")[0]?.id).toBe("CIV");
  });

  it.skipIf(skip)("finds a State by its French name, short or formal, and shows the name it was found by", async () => {
    const germany = recordsOf(await find("Allemagne"), "state");
    expect(germany.map((r) => r.id)).toEqual(["DEU"]);
    expect(germany[0]!.detail).toContain("Allemagne");
    expect(recordsOf(await find("République fédérale d'Allemagne"), "state")[0]?.id).toBe("DEU");
    expect(recordsOf(await find("republique francaise"), "state")[0]?.id).toBe("FRA");
    // Found in English, no other name is added.
    expect(recordsOf(await find("Germany"), "state")[0]!.detail).not.toContain("Allemagne");
  });

  it.skipIf(skip)("puts the resolution, its vote and its text first for 74/247 or A/RES/74/247", async () => {
    for (const q of ["74/247", "A/RES/74/247", "a/res/74/247"]) {
      const found = await find(q);
      expect(kindsOf(found).slice(0, 3), q).toEqual(["resolution", "vote", "document"]);
      expect(recordsOf(found, "resolution")[0], q).toMatchObject({
        id: "A/RES/74/247",
        score: 100,
        path: "/resolutions/A/RES/74/247",
      });
      expect(recordsOf(found, "vote")[0], q).toMatchObject({ id: "A/RES/74/247", path: "/votes/A/RES/74/247" });
      expect(recordsOf(found, "document")[0], q).toMatchObject({ id: "A/RES/74/247", path: "/documents/A/RES/74/247" });
      // The Ad Hoc Committee was mandated by 74/247: found too, after the exact matches.
      expect(recordsOf(found, "process").map((r) => r.id)).toContain("ahc-cybercrime-2022-2024");
    }
  });

  it.skipIf(skip)(
    "finds the resolution, its vote and its text for resolution 74/247, each labelled by its kind",
    async () => {
      const found = await find("resolution 74/247");
      expect(kindsOf(found).slice(0, 3)).toEqual(["resolution", "vote", "document"]);
      const [resolution, vote, text] = ["resolution", "vote", "document"].map((k) => recordsOf(found, k)[0]!) as [
        FoundRecord,
        FoundRecord,
        FoundRecord,
      ];
      expect(resolution).toMatchObject({ id: "A/RES/74/247", score: 100 });
      expect(resolution.label).toBe(
        "A/RES/74/247 — resolution: Countering the use of information and communications technologies for criminal purposes",
      );
      expect(vote.label).toMatch(/^A\/RES\/74\/247 — vote of \d{1,2} [A-Z][a-z]+ 2019 \(\d+–\d+–\d+\)$/);
      const [paragraphs] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM document_paragraphs p JOIN documents d ON d.id = p.document_id
          WHERE d.slug = 'A/RES/74/247' AND d.language = 'en' AND d.is_current`,
      );
      expect(text.label).toBe(`A/RES/74/247 — text (English, ${paragraphs!.n} paragraphs)`);
    },
  );

  it.skipIf(skip)("lists votes newest first after an exact symbol, with Voeten's titles readable", async () => {
    const votes = recordsOf(await find("France", 100), "vote");
    expect(votes.length).toBeGreaterThan(10);
    const days = await queryRows<{ id: string; date: string }>(
      database.db,
      sql`SELECT id, date::text AS date FROM vote_events WHERE id IN ${votes.map((v) => v.id)}`,
    );
    const dateOf = new Map(days.map((d) => [d.id, d.date]));
    const dates = votes.map((v) => dateOf.get(v.id)!);
    expect(dates).toEqual([...dates].sort().reverse());
    // Voeten's "PROTOCAL I, FRANCE" (his spelling) in title case, not "Protocal i, france".
    expect(votes.find((v) => v.id === "A/RES/37/71")?.detail).toBe("Protocal I, France");
    const osce = recordsOf(await find("OSCE", 100), "vote");
    expect(osce.find((v) => v.id === "RC-4042")?.detail).toBe(
      "Cooperation between the UN and the Organization for Security and Cooperation in Europe",
    );
    // The exact symbol comes first even when older.
    expect(recordsOf(await find("73/27"), "vote")[0]?.id).toBe("A/RES/73/27");
  });

  it.skipIf(skip)("orders the kinds alike whether every kind is listed or one is chosen", async () => {
    for (const q of ["cybercrime", "France", "security"]) {
      const all = kindsOf(await find(q, 5));
      for (const kind of ["vote", "document", "resolution"] as const) {
        const chosen = await findRecords(database.db, q, { kind, limit: 20, offset: 20 });
        expect(
          kindsOf(chosen).filter((k) => all.includes(k)),
          `${q} ${kind}`,
        ).toEqual(all);
      }
    }
  });

  it.skipIf(skip)("finds every cybercrime resolution by the word, and their votes", async () => {
    const found = await find("cybercrime");
    const expected = resolutions
      .filter((r) => [r.symbol, r.title, r.topic, r.summary].some((t) => t?.toLowerCase().includes("cybercrime")))
      .map((r) => r.symbol);
    expect(expected).toEqual(expect.arrayContaining(["A/RES/73/187", "A/RES/74/247", "A/RES/79/243"]));
    expect(
      recordsOf(found, "resolution")
        .map((r) => r.id)
        .sort(),
    ).toEqual([...expected].sort());
    expect(totalOf(found, "resolution")).toBe(expected.length);
    const votes = recordsOf(found, "vote").map((r) => r.id);
    expect(votes).toEqual(expect.arrayContaining(["A/RES/73/187", "A/RES/74/247"]));
    expect(recordsOf(found, "process").map((r) => r.id)).toContain("ahc-cybercrime-2022-2024");
  });

  it.skipIf(skip)("finds a norm by 13(c), 13c, norm c or words of its title", async () => {
    for (const q of ["13(c)", "13c", "norm c", "knowingly allow territory"]) {
      const found = await find(q);
      expect(kindsOf(found)[0], q).toBe("norm");
      expect(recordsOf(found, "norm")[0], q).toMatchObject({ id: "13c", path: "/norms/13c" });
    }
    expect(totalOf(await find("knowingly allow territory"), "norm")).toBe(1);
    // CBMs are their own kind: the OSCE's are found with the organisation.
    const osce = await find("OSCE");
    expect(recordsOf(osce, "organization").map((r) => r.id)).toContain("OSCE");
    expect(totalOf(osce, "cbm")).toBeGreaterThanOrEqual(16);
    expect(recordsOf(osce, "cbm").every((r) => r.path.startsWith("/norms/osce-"))).toBe(true);
  });

  it.skipIf(skip)("matches a two-letter word only at the start of a word: EU is the European Union", async () => {
    const eu = await find("EU");
    expect(kindsOf(eu)[0]).toBe("organization");
    expect(recordsOf(eu, "organization")[0]?.id).toBe("EU");
    // Ecuador's French name Équateur holds "eu" inside a word: not a match.
    expect(recordsOf(eu, "state").map((r) => r.id)).not.toContain("ECU");
  });

  it.skipIf(skip)("finds processes and sessions by name", async () => {
    const found = await find("OEWG 2021–2025");
    expect(recordsOf(found, "process")[0]?.id).toBe("oewg-2021-2025");
    const sessions = await find("Global Mechanism");
    expect(recordsOf(sessions, "session").length).toBeGreaterThan(0);
    expect(recordsOf(sessions, "session").every((r) => r.path.startsWith("/sessions/"))).toBe(true);
  });

  it.skipIf(skip)("limits the records to one kind, counts every kind alike and pages through the kind", async () => {
    const all = await find("cybercrime", 100);
    const votes = await findRecords(database.db, "cybercrime", { kind: "vote", limit: 2, offset: 0 });
    const totals = (s: RecordSearch) => s.kinds.map((k) => `${k.kind} ${k.total}`).sort();
    expect(totals(votes)).toEqual(totals(all));
    expect(votes.kinds.filter((k) => k.records.length > 0).map((k) => k.kind)).toEqual(["vote"]);
    expect(recordsOf(votes, "vote")).toHaveLength(2);
    const second = await findRecords(database.db, "cybercrime", { kind: "resolution", limit: 1, offset: 1 });
    expect(recordsOf(second, "resolution").map((r) => r.id)).toEqual([recordsOf(all, "resolution")[1]!.id]);
  });

  it.skipIf(skip)("reads a typed % or _ as itself, and finds nothing without a word, symbol or norm", async () => {
    expect((await find("%%")).kinds).toEqual([]);
    expect((await find("__")).kinds).toEqual([]);
    expect((await find("x")).kinds).toEqual([]);
    expect((await find("   ")).kinds).toEqual([]);
  });
});
