// National instruments (strategies, laws, agencies, policies) and their assessments, and the honest seed the
// first-strategy dataset supports: one "first national cybersecurity strategy" per State with a date, no title.
import { parsePartialDate, type PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import type { AssessmentRating, Confidence, InstrumentKind, InstrumentStatus } from "./vocabulary.js";

export interface Instrument {
  id: string;
  stateIso3: string | null;
  organizationId: string | null;
  kind: InstrumentKind;
  title: string;
  status: InstrumentStatus;
  adopted: PartialDate | null;
  superseded: PartialDate | null;
  documentId: number | null;
  url: string | null;
  notes: string | null;
  confidence: Confidence;
}

/** An instrument with the display name of whom it belongs to. */
export interface InstrumentSummary extends Instrument {
  subjectName: string;
}

export interface Assessment {
  id: number;
  instrumentId: string;
  criterionId: number;
  rating: AssessmentRating;
  paragraphId: number | null;
  externalUrl: string | null;
  quote: string | null;
  note: string | null;
  assessedOn: string;
}

/** An assessment with what a reader needs to check it: the criterion, its rubric version and the cited paragraph. */
export interface AssessmentDetail extends Assessment {
  criterionCode: string;
  criterionTitle: string;
  rubricSlug: string;
  rubricVersion: number;
  /** The cited paragraph of an ingested document (its page is /documents/<slug>#<anchor>), when the citation is one. */
  paragraph: { documentSlug: string; documentTitle: string; label: string; anchor: string } | null;
  sources: Source[];
}

/** An instrument with the assessments of it (each naming its State, if any). */
export interface InstrumentAssessments {
  instrument: InstrumentSummary;
  assessments: (AssessmentDetail & { stateIso3: string | null })[];
}

export interface InstrumentFilter {
  stateIso3?: string | undefined;
  organizationId?: string | undefined;
  kind?: InstrumentKind | undefined;
  status?: InstrumentStatus | undefined;
}

export const INSTRUMENT_KIND_LABELS: Record<InstrumentKind, string> = {
  strategy: "Strategy",
  law: "Law",
  agency: "Agency or CERT",
  policy: "Policy",
};
export const INSTRUMENT_STATUS_LABELS: Record<InstrumentStatus, string> = {
  "in-progress": "In progress",
  adopted: "Adopted",
  superseded: "Superseded",
};
export const ASSESSMENT_RATING_LABELS: Record<AssessmentRating, string> = {
  met: "Met",
  partly: "Partly met",
  "not-met": "Not met",
  unknown: "Unknown",
};

/** The source every seeded first-strategy instrument cites (the bundled Kostyuk dataset). */
export const FIRST_STRATEGY_SOURCE_ID = "dataset:kostyuk-strategies";
export const FIRST_STRATEGY_TITLE = "First national cybersecurity strategy";

export function firstStrategyInstrumentId(iso3: string): string {
  return `${iso3.toLowerCase()}-first-cyber-strategy`;
}

/** A row of the instruments table as the seed writes it (drizzle property names). */
export interface InstrumentSeedRow {
  id: string;
  stateIso3: string;
  organizationId: null;
  kind: "strategy";
  title: string;
  status: "adopted";
  adoptedOn: string;
  adoptedPrecision: PartialDate["precision"];
  supersededOn: null;
  supersededPrecision: null;
  documentId: null;
  url: null;
  notes: string;
  confidence: Confidence;
}

/**
 * One instrument per State whose first strategy has a date in the dataset. The dataset gives only the date
 * (at day or year precision) and a count of later versions: no title, text or adopting body, so the title is
 * generic and the note says so. Later versions have no dates, so the first one is not marked superseded.
 */
export function buildFirstStrategyInstruments(
  records: { stateIso3: string; firstAdopted: string | null; strategiesTotal: number }[],
): InstrumentSeedRow[] {
  const rows: InstrumentSeedRow[] = [];
  for (const record of records) {
    const adopted = parsePartialDate(record.firstAdopted);
    if (!adopted) continue;
    const later =
      record.strategiesTotal > 1
        ? ` The dataset counts ${record.strategiesTotal} strategies adopted 2000–2024 (this one and later versions), without their dates, so whether a later one superseded it is not recorded here.`
        : "";
    rows.push({
      id: firstStrategyInstrumentId(record.stateIso3),
      stateIso3: record.stateIso3,
      organizationId: null,
      kind: "strategy",
      title: FIRST_STRATEGY_TITLE,
      status: "adopted",
      adoptedOn: adopted.date,
      adoptedPrecision: adopted.precision,
      supersededOn: null,
      supersededPrecision: null,
      documentId: null,
      url: null,
      notes: `Seeded from the National Cybersecurity Strategy Data (Kostyuk), which gives the date of the State's first national cybersecurity strategy but not its title, text or adopting body.${later}`,
      confidence: "medium",
    });
  }
  return rows;
}

export const ASSESSMENT_CSV_COLUMNS = [
  "instrument_id",
  "state_iso3",
  "rubric",
  "rubric_version",
  "criterion",
  "rating",
  "cited_paragraph",
  "external_url",
  "quote",
  "note",
  "assessed_on",
  "sources",
] as const;

/** Assessments as CSV rows, each with its citation (paragraph permalink path or URL) and sources. */
export function assessmentCsvRows(
  assessments: (AssessmentDetail & { stateIso3: string | null })[],
  paragraphPath: (p: NonNullable<AssessmentDetail["paragraph"]>) => string,
): string[][] {
  return assessments.map((a) => [
    a.instrumentId,
    a.stateIso3 ?? "",
    a.rubricSlug,
    String(a.rubricVersion),
    a.criterionCode,
    a.rating,
    a.paragraph ? paragraphPath(a.paragraph) : "",
    a.externalUrl ?? "",
    a.quote ?? "",
    a.note ?? "",
    a.assessedOn,
    a.sources.map((s) => s.url ?? s.id).join("; "),
  ]);
}
