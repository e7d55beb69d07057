// What the implementation tracker knows about one State: evidence per norm/CBM (by status and by who reports
// it), instruments with their assessments and rubric versions, programmes benefiting it, and gaps.
import { and, asc, count, eq } from "drizzle-orm";
import type { ItemEvidenceRow, StateImplementation } from "../domain/state-implementation.js";
import type { Db } from "./client.js";
import { listFrameworks } from "./frameworks.js";
import { listAssessedInstruments } from "./instruments.js";
import { listProgrammes } from "./programmes.js";
import * as t from "./schema/index.js";

/** Published evidence of one State counted per item, status and reporter. */
async function countEvidence(db: Db, iso3: string) {
  return db
    .select({ itemId: t.evidence.itemId, status: t.evidence.status, reporter: t.evidence.reporter, n: count() })
    .from(t.evidence)
    .where(and(eq(t.evidence.stateIso3, iso3)))
    .groupBy(t.evidence.itemId, t.evidence.status, t.evidence.reporter)
    .orderBy(asc(t.evidence.itemId));
}

export async function getStateImplementation(db: Db, iso3: string): Promise<StateImplementation> {
  const code = iso3.toUpperCase();
  const [frameworks, counts, instruments, programmes] = [
    await listFrameworks(db),
    await countEvidence(db, code),
    await listAssessedInstruments(db, { stateIso3: code }),
    await listProgrammes(db, { beneficiary: code }),
  ];
  const items: ItemEvidenceRow[] = frameworks.flatMap((f) =>
    f.items.map((item) => {
      const row: ItemEvidenceRow = { item, frameworkName: f.name, total: 0, byStatus: {}, byReporter: {} };
      for (const c of counts.filter((x) => x.itemId === item.id)) {
        const n = Number(c.n);
        row.total += n;
        row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + n;
        row.byReporter[c.reporter] = (row.byReporter[c.reporter] ?? 0) + n;
      }
      return row;
    }),
  );
  return {
    stateIso3: code,
    items,
    instruments: instruments.items,
    rubrics: instruments.rubrics,
    programmes,
    gaps: items.filter((i) => i.total === 0),
  };
}
