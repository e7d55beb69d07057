// Converts ../shared/data/national-positions and ../shared/data/treaty-status into datasets/international-law.
// Each row keeps the pages it was checked against (its sources), its confidence and notes; blank topics stay
// empty ("not extracted"), dates keep their precision, and each treaty row keeps the as-of date of its own page.
import fs from "node:fs";
import path from "node:path";
import { parsePartialDate } from "../../domain/partial-date.js";
import { LEGAL_TOPICS, type LegalTopic, type TreatyActionKind } from "../../domain/vocabulary.js";
import type { SourceRecord } from "../reference/dataset-schemas.js";
import { readCsv, readJson, sharedPath, splitList, type CsvRow } from "../reference/shared-data.js";
import { createSourceRegistry } from "../reference/source-registry.js";
import {
  INTERNATIONAL_LAW_FILES,
  type LegalPositionRecord,
  type TreatyActionRecord,
  type TreatyRecord,
} from "./dataset-schemas.js";
import { ORGANIZATION_ACTORS, TREATIES } from "./treaty-descriptions.js";

export interface InternationalLawBuildReport {
  outputDir: string;
  counts: Record<string, number>;
}

const FACT_BASE_LICENCE = "facts compiled from the cited public sources; see each source";

/** The two upstream tables as bundled datasets, cited beside the pages each row was checked against. */
function datasetSources(retrievedOn: string): Record<"positions" | "treaties", SourceRecord> {
  return {
    positions: {
      id: "dataset:national-positions",
      kind: "dataset",
      title:
        "Normwatch fact base: published national and regional positions on how international law applies to cyberspace (each row hand-checked against the pages it cites)",
      url: null,
      datasetPath: "datasets/international-law/legal-positions.json",
      licence: FACT_BASE_LICENCE,
      attribution: null,
      retrievedOn,
    },
    treaties: {
      id: "dataset:treaty-status",
      kind: "dataset",
      title:
        "Normwatch fact base: signatures and ratifications of cybercrime treaties, transcribed from stored copies of status pages (each row keeps its own as-of date)",
      url: null,
      datasetPath: "datasets/international-law/treaty-actions.json",
      licence: FACT_BASE_LICENCE,
      attribution: null,
      retrievedOn,
    },
  };
}

/** The dataset writes "use of force", "self-defence", "IHL": our codes with or without hyphens, any case. */
const TOPIC_CODES = new Map<string, LegalTopic>(
  LEGAL_TOPICS.flatMap(
    (topic) =>
      [
        [topic, topic],
        [topic.replace(/-/g, " "), topic],
      ] as [string, LegalTopic][],
  ),
);

function topicOf(text: string, row: string): LegalTopic {
  const topic = TOPIC_CODES.get(text.toLowerCase());
  if (!topic) throw new Error(`${row}: unknown topic "${text}"`);
  return topic;
}

function requireDate(text: string | undefined, row: string): string {
  const value = parsePartialDate(text);
  if (!value) throw new Error(`${row}: missing date`);
  return (text ?? "").trim();
}

function actorOf(
  row: CsvRow,
  knownStates: Set<string>,
  label: string,
): { stateIso3: string | null; organizationId: string | null } {
  const code = (row["state_iso3"] ?? "").trim();
  const organization = ORGANIZATION_ACTORS[code] ?? ORGANIZATION_ACTORS[row["state_name"] ?? ""];
  if (organization) return { stateIso3: null, organizationId: organization };
  if (!knownStates.has(code)) throw new Error(`${label}: "${code}" is not a State in datasets/reference/states.json`);
  return { stateIso3: code, organizationId: null };
}

function buildPositions(
  rows: CsvRow[],
  knownStates: Set<string>,
  sourcesOf: (row: CsvRow) => string[],
): LegalPositionRecord[] {
  const ids = new Map<string, number>();
  return rows.map((row, i) => {
    const label = `national_positions.csv row ${i + 2} (${row["state_iso3"]} ${row["published_on"]})`;
    const published = requireDate(row["published_on"], label);
    const precision = parsePartialDate(published)!.precision;
    if (precision !== row["precision"])
      throw new Error(`${label}: precision "${row["precision"]}" does not match the date`);
    const actor = actorOf(row, knownStates, label);
    const base = `${(actor.stateIso3 ?? actor.organizationId!).toLowerCase()}-${published}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    const notes = row["notes"]?.trim() || null;
    return {
      id: n === 1 ? base : `${base}-${n}`,
      ...actor,
      title: row["title"]!.trim(),
      isTitleDescriptive: /title descriptive/i.test(notes ?? ""),
      published,
      languages: splitList(row["language"]),
      documentUrl: row["doc_url"]?.trim() || null,
      context: row["context"]!.trim(),
      topics: [...new Set(splitList(row["topics"]).map((topic) => topicOf(topic, label)))],
      notes,
      confidence: row["confidence"] as LegalPositionRecord["confidence"],
      sources: sourcesOf(row),
    };
  });
}

const ACTION_KINDS: Record<string, TreatyActionKind> = {
  "signature only": "signature",
  ratification: "ratification",
  accession: "accession",
  acceptance: "acceptance",
  approval: "approval",
};

function buildTreatyActions(
  rows: CsvRow[],
  knownStates: Set<string>,
  sourcesOf: (row: CsvRow) => string[],
): TreatyActionRecord[] {
  return rows.map((row, i) => {
    const label = `treaty_status.csv row ${i + 2} (${row["treaty_id"]} ${row["state_name"]})`;
    const treatyId = row["treaty_id"]!;
    if (!TREATIES.some((t) => t.id === treatyId)) throw new Error(`${label}: unknown treaty`);
    const kind = ACTION_KINDS[row["action_kind"] ?? ""];
    if (!kind) throw new Error(`${label}: unknown action kind "${row["action_kind"]}"`);
    const actor = actorOf(row, knownStates, label);
    const asOf = row["as_of"]!.trim();
    const notes = row["notes"]?.trim() || null;
    return {
      id: `${treatyId}:${actor.stateIso3 ?? actor.organizationId}:${asOf}`,
      treatyId,
      ...actor,
      partyName: row["state_name"]!.trim(),
      signed: row["signed_on"]?.trim() ? requireDate(row["signed_on"], label) : null,
      consent: row["ratified_on"]?.trim() ? requireDate(row["ratified_on"], label) : null,
      kind,
      asOf,
      // The page showed no status date: the row's as-of is the latest action visible on it.
      isAsOfLowerBound: /lower bound/i.test(notes ?? ""),
      notes,
      confidence: row["confidence"] as TreatyActionRecord["confidence"],
      sources: sourcesOf(row),
    };
  });
}

function writeCompact(file: string, records: unknown[]): void {
  fs.writeFileSync(file, `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`);
}

export function buildInternationalLawDatasets(
  sharedDir: string,
  outputDir: string,
  retrievedOn: string,
  referenceDir: string,
): InternationalLawBuildReport {
  const positionRows = readCsv(sharedPath(sharedDir, "national-positions", "national_positions.csv"));
  const treatyRows = readCsv(sharedPath(sharedDir, "treaty-status", "treaty_status.csv"));
  const knownStates = new Set(readJson<{ iso3: string }[]>(path.join(referenceDir, "states.json")).map((s) => s.iso3));
  const registry = createSourceRegistry(retrievedOn);
  const own = datasetSources(retrievedOn);
  const pages = (row: CsvRow) => splitList(row["source_url"], " ; ").map((url) => registry.webPage(url));

  const legalPositions = buildPositions(positionRows, knownStates, (row) => [
    ...new Set([...pages(row), own.positions.id]),
  ]);
  const treatyActions = buildTreatyActions(treatyRows, knownStates, (row) => [
    ...new Set([...pages(row), own.treaties.id]),
  ]);
  const treaties: TreatyRecord[] = TREATIES.filter((t) => treatyActions.some((a) => a.treatyId === t.id)).map(
    ({ sourceUrls, resolutionSources, ...t }) => ({
      ...t,
      sources: [
        ...sourceUrls.map((url) => registry.webPage(url)),
        ...resolutionSources.map((symbol) => registry.document(symbol)),
        own.treaties.id,
      ],
    }),
  );

  const files: Record<keyof typeof INTERNATIONAL_LAW_FILES, unknown[]> = {
    sources: [...registry.list(), own.positions, own.treaties].sort((a, b) => a.id.localeCompare(b.id)),
    legalPositions,
    treaties,
    treatyActions,
  };
  fs.mkdirSync(outputDir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [key, spec] of Object.entries(INTERNATIONAL_LAW_FILES)) {
    const records = files[key as keyof typeof files].map((record) => spec.schema.parse(record));
    writeCompact(path.join(outputDir, spec.file), records);
    counts[key] = records.length;
  }
  return { outputDir, counts };
}
