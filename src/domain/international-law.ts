// Positions on international law and treaty status (issue 16): the record types and the pure rules that read
// them (topic coverage, positions per year, a State's status under a treaty). Absence of a row is never read as
// a negative: a topic not listed is "not extracted", a State without a treaty row has an unknown status.
import { formatPartialDateIso, type PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import { LEGAL_TOPICS, type Confidence, type LegalTopic, type TreatyActionKind } from "./vocabulary.js";

export interface LegalPosition {
  id: string;
  stateIso3: string | null;
  organizationId: string | null;
  /** Display name of the State or organisation. */
  actorName: string;
  title: string;
  isTitleDescriptive: boolean;
  publishedOn: PartialDate;
  languages: string[];
  documentUrl: string | null;
  context: string;
  topics: LegalTopic[];
  notes: string | null;
  confidence: Confidence;
  sources: Source[];
}

export interface Treaty {
  id: string;
  title: string;
  shortTitle: string;
  resolutionSymbol: string | null;
  processId: string | null;
  depositary: string | null;
  statusUrl: string | null;
  isStatusPartial: boolean;
  coverageNote: string;
  sources: Source[];
}

export interface TreatyAction {
  id: string;
  treatyId: string;
  stateIso3: string | null;
  organizationId: string | null;
  partyName: string;
  signedOn: PartialDate | null;
  consentOn: PartialDate | null;
  kind: TreatyActionKind;
  asOf: string;
  isAsOfLowerBound: boolean;
  notes: string | null;
  confidence: Confidence;
  sources: Source[];
}

/** A State's status under one treaty as far as sourced rows go. */
export type TreatyStanding = { status: "unknown" } | { status: "signed" | "consented"; action: TreatyAction };

/** The most recent sourced row for the State (latest as-of, then latest action), or unknown when there is none. */
export function standingOf(actions: TreatyAction[], stateIso3: string): TreatyStanding {
  const rows = actions.filter((a) => a.stateIso3 === stateIso3);
  if (rows.length === 0) return { status: "unknown" };
  const latest = [...rows].sort(
    (a, b) => b.asOf.localeCompare(a.asOf) || actionDate(b).localeCompare(actionDate(a)),
  )[0]!;
  return { status: latest.kind === "signature" ? "signed" : "consented", action: latest };
}

function actionDate(a: TreatyAction): string {
  return a.consentOn?.date ?? a.signedOn?.date ?? "";
}

/** Latest row per party (State or organisation) of one treaty, in party-name order. */
export function latestActionPerParty(actions: TreatyAction[]): TreatyAction[] {
  const byParty = new Map<string, TreatyAction>();
  for (const a of actions) {
    const key = a.stateIso3 ?? `org:${a.organizationId}`;
    const current = byParty.get(key);
    if (!current || a.asOf > current.asOf || (a.asOf === current.asOf && actionDate(a) > actionDate(current)))
      byParty.set(key, a);
  }
  return [...byParty.values()].sort((a, b) => a.partyName.localeCompare(b.partyName));
}

/** The as-of dates the rows of a treaty span: one date, or the earliest and the latest. */
export function asOfRange(actions: TreatyAction[]): { from: string; to: string } | null {
  if (actions.length === 0) return null;
  const dates = actions.map((a) => a.asOf).sort();
  return { from: dates[0]!, to: dates[dates.length - 1]! };
}

export interface TopicCoverage {
  topic: LegalTopic;
  /** Positions whose extracted topics include it. */
  positions: number;
  /** States and organisations with at least one such position. */
  actors: number;
}

/** How many positions (and actors) a read source says address each topic; the rest are "not extracted". */
export function topicCoverage(positions: LegalPosition[]): { topics: TopicCoverage[]; withoutExtractedTopics: number } {
  const topics = LEGAL_TOPICS.map((topic) => {
    const matching = positions.filter((p) => p.topics.includes(topic));
    return { topic, positions: matching.length, actors: new Set(matching.map(actorKeyOf)).size };
  });
  return { topics, withoutExtractedTopics: positions.filter((p) => p.topics.length === 0).length };
}

export function actorKeyOf(p: { stateIso3: string | null; organizationId: string | null }): string {
  return p.stateIso3 ?? `org:${p.organizationId}`;
}

/** Positions per publication year, oldest year first, each year's positions in date order. */
export function positionsByYear(positions: LegalPosition[]): { year: number; positions: LegalPosition[] }[] {
  const years = new Map<number, LegalPosition[]>();
  for (const p of positions) {
    const year = Number(p.publishedOn.date.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), p]);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => ({
      year,
      positions: [...list].sort(
        (a, b) => a.publishedOn.date.localeCompare(b.publishedOn.date) || a.id.localeCompare(b.id),
      ),
    }));
}

/** Regional organisations whose members' positions the roll-up shows. */
export const POSITION_ROLLUP_ORGANIZATIONS = ["AFUNION", "EU", "OAS", "OSCE", "ASEAN"] as const;

export const LEGAL_POSITION_CSV_COLUMNS = [
  "id",
  "state_iso3",
  "organization_id",
  "actor",
  "title",
  "title_is_descriptive",
  "published",
  "precision",
  "context",
  "languages",
  "topics_extracted",
  "document_url",
  "confidence",
  "notes",
  "sources",
] as const;

/** Positions as CSV rows: dates at their precision; lists joined with "; "; blank topics mean "not extracted". */
export function legalPositionCsvRows(positions: LegalPosition[]): string[][] {
  return positions.map((p) => [
    p.id,
    p.stateIso3 ?? "",
    p.organizationId ?? "",
    p.actorName,
    p.title,
    p.isTitleDescriptive ? "yes" : "no",
    formatPartialDateIso(p.publishedOn),
    p.publishedOn.precision,
    p.context,
    p.languages.join("; "),
    p.topics.join("; "),
    p.documentUrl ?? "",
    p.confidence,
    p.notes ?? "",
    p.sources.map((s) => s.url ?? s.id).join("; "),
  ]);
}

export const TREATY_ACTION_CSV_COLUMNS = [
  "id",
  "treaty_id",
  "state_iso3",
  "organization_id",
  "party_name",
  "kind",
  "signed",
  "consent",
  "as_of",
  "as_of_is_lower_bound",
  "confidence",
  "notes",
  "sources",
] as const;

export function treatyActionCsvRows(actions: TreatyAction[]): string[][] {
  const date = (d: PartialDate | null) => (d ? formatPartialDateIso(d) : "");
  return actions.map((a) => [
    a.id,
    a.treatyId,
    a.stateIso3 ?? "",
    a.organizationId ?? "",
    a.partyName,
    a.kind,
    date(a.signedOn),
    date(a.consentOn),
    a.asOf,
    a.isAsOfLowerBound ? "yes" : "no",
    a.confidence,
    a.notes ?? "",
    a.sources.map((s) => s.url ?? s.id).join("; "),
  ]);
}

export interface TreatySummary {
  /** Parties (States and organisations) with a sourced row. */
  parties: number;
  /** Of those, the latest row shows consent to be bound (ratification, accession…). */
  consented: number;
  /** Of those, the latest row shows a signature only. */
  signedOnly: number;
  asOf: { from: string; to: string } | null;
}

export function summarizeTreaty(actions: TreatyAction[]): TreatySummary {
  const latest = latestActionPerParty(actions);
  const consented = latest.filter((a) => a.kind !== "signature").length;
  return { parties: latest.length, consented, signedOnly: latest.length - consented, asOf: asOfRange(actions) };
}
