// Converts ../shared/data/cyber-processes/stakeholders_events.csv into datasets/participation. The CSV rows are
// free text, so each row is read through a written interpretation that names the row, checks that the facts it
// extracts (counts, names, States) appear in the row's own text, and keeps the row's sources and confidence.
// Every CSV row must be either interpreted or listed as left out with a reason, so new rows fail the build
// until someone reads them.
import fs from "node:fs";
import path from "node:path";
import { readCsv, sharedPath, type CsvRow } from "../reference/shared-data.js";
import { createSourceRegistry, type SourceRegistry } from "../reference/source-registry.js";
import {
  PARTICIPATION_FILES,
  type AccreditationRecord,
  type DeadlineRecord,
  type StakeholderActionRecord,
} from "./dataset-schemas.js";
import { ACCREDITATIONS, ACTIONS, DEADLINES, LEFT_OUT, type RowRef } from "./interpretations.js";

export interface ParticipationBuildReport {
  outputDir: string;
  counts: Record<string, number>;
  leftOut: { row: string; reason: string }[];
}

function rowLabel(row: CsvRow): string {
  return `${row["date"] || "(no date)"} ${row["process_id"]} ${row["event_type"]}`;
}

function findRow(rows: CsvRow[], ref: RowRef): CsvRow {
  const found = rows.filter(
    (r) =>
      (r["date"] ?? "") === ref.date &&
      r["process_id"] === ref.processId &&
      r["event_type"] === ref.eventType &&
      (r["description"] ?? "").startsWith(ref.startsWith),
  );
  if (found.length !== 1)
    throw new Error(`stakeholders_events.csv: expected one row ${JSON.stringify(ref)}, found ${found.length}`);
  return found[0]!;
}

/** Fails the build when a fact we extract is not in the row's text (the CSV changed, or the reading was wrong). */
function requireText(row: CsvRow, phrases: string[]): void {
  const text = `${row["description"]} ${row["lead_orgs"]} ${row["signatories_or_count"]}`;
  for (const phrase of phrases)
    if (!text.includes(phrase)) throw new Error(`row ${rowLabel(row)} no longer says "${phrase}"`);
}

function sourcesOf(registry: SourceRegistry, rows: CsvRow[]): string[] {
  return [...new Set(rows.flatMap((row) => registry.factBaseSources(row)))];
}

const weakest = (rows: CsvRow[]) => (rows.some((r) => r["confidence"] !== "high") ? "medium" : "high");

export function buildParticipationDatasets(
  sharedDir: string,
  outputDir: string,
  retrievedOn: string,
): ParticipationBuildReport {
  const rows = readCsv(sharedPath(sharedDir, "cyber-processes", "stakeholders_events.csv"));
  const registry = createSourceRegistry(retrievedOn);
  const used = new Set<CsvRow>();
  const take = (refs: RowRef[]) =>
    refs.map((ref) => {
      const row = findRow(rows, ref);
      requireText(row, ref.mustSay ?? []);
      used.add(row);
      return row;
    });

  const deadlines: DeadlineRecord[] = DEADLINES.map(({ rows: refs, ...d }) => {
    const found = take(refs);
    return { ...d, confidence: weakest(found), sources: sourcesOf(registry, found) };
  });
  const accreditations: AccreditationRecord[] = ACCREDITATIONS.map(({ rows: refs, ...a }) => {
    const found = take(refs);
    return { ...a, confidence: weakest(found), sources: sourcesOf(registry, found) };
  });
  const stakeholderActions: StakeholderActionRecord[] = ACTIONS.map(({ rows: refs, ...a }) => {
    const found = take(refs);
    const first = found[0]!;
    return {
      ...a,
      description: first["description"]!,
      documentUrl: a.documentUrl ?? null,
      signatoryCount: first["signatories_or_count"] || null,
      confidence: weakest(found),
      sources: sourcesOf(registry, found),
    };
  });
  const leftOut = LEFT_OUT.map(({ reason, ...ref }) => {
    const row = findRow(rows, ref);
    used.add(row);
    return { row: rowLabel(row), reason };
  });
  const unread = rows.filter((r) => !used.has(r));
  if (unread.length > 0)
    throw new Error(`stakeholders_events.csv rows with no interpretation: ${unread.map(rowLabel).join("; ")}`);

  const files: Record<keyof typeof PARTICIPATION_FILES, unknown[]> = {
    sources: registry.list(),
    deadlines,
    accreditations,
    stakeholderActions,
  };
  fs.mkdirSync(outputDir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [key, spec] of Object.entries(PARTICIPATION_FILES)) {
    // Validated with the schema the seed reads with; written in the schema's field order.
    const records = files[key as keyof typeof files].map((record) => spec.schema.parse(record));
    fs.writeFileSync(path.join(outputDir, spec.file), `${JSON.stringify(records, null, 1)}\n`);
    counts[key] = records.length;
  }
  return { outputDir, counts, leftOut };
}
