// Test helpers for the capacity-building tracker: SYNTHETIC programme and evidence rows (not real ones), written
// directly to the database, shared by the programmes API tests and the capacity-building page tests.
import type { Db } from "../src/db/client.js";
import * as t from "../src/db/schema/index.js";

export type ProgrammeRow = typeof t.programmes.$inferInsert;

/** A SYNTHETIC programme for Kenya and Ghana on 13a and 13c from March 2024, in euros; `budget` differs per test. */
export function syntheticCertSupport(budget: string): ProgrammeRow {
  return {
    id: "synthetic-cert-support",
    title: "Synthetic CERT support",
    funders: ["Synthetic Donor"],
    implementers: ["Synthetic Institute"],
    beneficiaryStates: ["KEN", "GHA"],
    itemIds: ["13a", "13c"],
    startOn: "2024-03-01",
    startPrecision: "month",
    budget,
    currency: "EUR",
    confidence: "medium",
  };
}

/** Writes the programmes and one SYNTHETIC evidence record for Kenya on 13a, so Kenya's gaps differ from Ghana's. */
export async function insertProgrammesWithKenyaEvidence(db: Db, programmes: ProgrammeRow[]): Promise<void> {
  await db.insert(t.programmes).values(programmes);
  await db.insert(t.evidence).values({
    stateIso3: "KEN",
    itemId: "13a",
    kind: "policy",
    status: "implemented",
    externalUrl: "https://www.example.org/ken",
    reporter: "self",
    confidence: "medium",
  });
}
