import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { loadAlignmentIndex } from "../analysis/alignment-index.js";
import { compareVoters, computeAgreementMatrix, selectEvents } from "../analysis/alignment.js";
import { seedDatabase } from "../ingest/seed.js";
import { getVoteEvent, listVoteEvents, listVoterCyberVotes, listVoters } from "./votes.js";

describe.each(TEST_DRIVERS)("recorded GA votes on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { seed: true });
  });
  afterAll(async () => database?.dispose());

  it.skipIf(skip)("holds the official totals of the key cyber resolutions, counted and reported alike", async () => {
    const expected: Record<string, [number, number, number]> = {
      "A/RES/73/27": [119, 46, 14],
      "A/RES/73/266": [138, 12, 16],
      "A/RES/73/187": [94, 59, 33],
      "A/RES/74/247": [79, 60, 33],
      "A/RES/75/240": [92, 50, 21],
    };
    for (const [symbol, [yes, no, abstain]] of Object.entries(expected)) {
      const event = await getVoteEvent(database.db, symbol);
      expect(event.counted, symbol).toMatchObject({ yes, no, abstain });
      expect(event.reported, symbol).toEqual({ yes, no, abstain });
      expect(event.hasTotalsMismatch).toBe(false);
      expect(event.cyberTopic).not.toBeNull();
    }
    const ahc = await getVoteEvent(database.db, "A/RES/74/247");
    expect(ahc.reportedBy).toBe("un-record");
    expect(ahc.counted.absent).toBe(21);
    expect((await getVoteEvent(database.db, "A/RES/73/27")).reportedBy).toBe("fact-base");
  });

  it.skipIf(skip)("keeps session 74 once, with both sources agreeing State by State", async () => {
    for (const symbol of ["A/RES/74/28", "A/RES/74/29", "A/RES/74/247"]) {
      const event = await getVoteEvent(database.db, symbol);
      expect(event.sourceIds).toEqual(["dataset:unxml-ga-resolutions", "dataset:voeten-unvotes"]);
      expect(event.crossCheck?.disagreements).toEqual([]);
      expect(event.crossCheck?.compared).toBeGreaterThan(170);
    }
    const { total } = await listVoteEvents(database.db, { query: "A/RES/74/247" });
    expect(total).toBe(1);
  });

  it.skipIf(skip)("flags totals the listed names do not reproduce instead of hiding them", async () => {
    const event = await getVoteEvent(database.db, "A/RES/77/293");
    expect(event.reported).toEqual({ yes: 100, no: 9, abstain: 59 });
    expect(event.counted).toMatchObject({ yes: 100, no: 9, abstain: 58 });
    expect(event.hasTotalsMismatch).toBe(true);
  });

  it.skipIf(skip)("filters cyber votes and keeps historical voters' votes", async () => {
    const cyber = await listVoteEvents(database.db, { isCyberOnly: true });
    expect(cyber.total).toBeGreaterThanOrEqual(17);
    expect(cyber.items.every((e) => e.cyberTopic !== null)).toBe(true);
    const voters = await listVoters(database.db);
    expect(voters.find((v) => v.code === "CSK")).toMatchObject({ isHistorical: true, stateIso3: null });
    const usa = await listVoterCyberVotes(database.db, "USA");
    expect(usa.find((r) => r.event.id === "A/RES/74/247")?.vote).toBe("N");
    expect(usa.find((r) => r.event.id === "A/RES/73/27")?.vote).toBe("N");
  });

  it.skipIf(skip)("re-importing changes nothing", async () => {
    const again = await seedDatabase(database, { force: true });
    const votes = again.find((r) => r.dataset === "votes")!;
    expect(votes.counts["vote_events"]).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: 6844 });
  });

  it.skipIf(skip)(
    "computes a symmetric 193 × 193 agreement matrix with 1 on the diagonal from real votes",
    async () => {
      const index = await loadAlignmentIndex(database.db);
      const members = index.voters.filter((v) => v.stateIso3 !== null).map((v) => v.code);
      expect(members).toHaveLength(193);
      const matrix = computeAgreementMatrix(index, members, selectEvents(index));
      for (let i = 0; i < 193; i++) {
        expect(matrix.values[i * 193 + i]).toBe(1);
        for (let j = i + 1; j < 193; j++) expect(matrix.values[i * 193 + j]).toBe(matrix.values[j * 193 + i]);
      }
      const at = (a: string, b: string, cyber = false) =>
        compareVoters(
          index,
          index.positionOf.get(a)!,
          index.positionOf.get(b)!,
          selectEvents(index, { isCyberOnly: cyber }),
        ).agreement!;
      expect(at("USA", "ISR")).toBeGreaterThan(at("USA", "CUB"));
      expect(at("RUS", "CHN", true)).toBeGreaterThan(at("RUS", "USA", true));
    },
  );
});
