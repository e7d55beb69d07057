// The send rate shared by every app process (issue 18): reservations made at once, on separate connections of a
// PostgreSQL pool as two servers would, get distinct slots at least the interval apart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { reserveRateSlot } from "./rate-limits.js";

describe.each(TEST_DRIVERS)("shared rate slots on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.dispose());

  it.skipIf(skip)("spaces concurrent reservations by the interval, whoever makes them", async () => {
    const now = new Date("2026-01-05T10:00:00.000Z");
    const slots = await Promise.all(
      Array.from({ length: 8 }, () => reserveRateSlot(database.db, { key: "test-send", now, intervalMs: 500 })),
    );
    const times = slots.map((s) => s.getTime()).sort((a, b) => a - b);
    expect(times).toEqual(Array.from({ length: 8 }, (_, i) => now.getTime() + i * 500));
    // Later, after the last slot passed: the next one is now.
    const later = new Date(now.getTime() + 60_000);
    expect((await reserveRateSlot(database.db, { key: "test-send", now: later, intervalMs: 500 })).getTime()).toBe(
      later.getTime(),
    );
    // Another key has its own rate.
    expect((await reserveRateSlot(database.db, { key: "other", now, intervalMs: 500 })).getTime()).toBe(now.getTime());
  });
});
