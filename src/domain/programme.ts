// Capacity-building programmes: the record (fields named after IATI activities, so an IATI import maps onto it),
// where support meets a gap in evidence, and the CSV rows of the export. The IATI reader is ingest/implementation/iati.ts.
import { formatPartialDateIso, type PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import type { Confidence } from "./vocabulary.js";

export interface Programme {
  id: string;
  iatiIdentifier: string | null;
  title: string;
  description: string | null;
  funders: string[];
  implementers: string[];
  beneficiaryStates: string[];
  region: string | null;
  start: PartialDate | null;
  end: PartialDate | null;
  /** Decimal text as stored (numeric(16,2)), never a float. */
  budget: string | null;
  currency: string | null;
  itemIds: string[];
  url: string | null;
  notes: string | null;
  confidence: Confidence;
}

export interface ProgrammeDetail extends Programme {
  sources: Source[];
}

export interface ProgrammeFilter {
  beneficiary?: string | undefined;
  funder?: string | undefined;
  itemId?: string | undefined;
}

/** Items a programme addresses with no published evidence in a beneficiary State: where support meets a gap. */
export function findProgrammeGaps(
  programme: Pick<Programme, "beneficiaryStates" | "itemIds">,
  evidencedItemsByState: Map<string, Set<string>>,
): { stateIso3: string; itemIds: string[] }[] {
  return programme.beneficiaryStates.map((stateIso3) => {
    const evidenced = evidencedItemsByState.get(stateIso3) ?? new Set<string>();
    return { stateIso3, itemIds: programme.itemIds.filter((id) => !evidenced.has(id)) };
  });
}

export const PROGRAMME_CSV_COLUMNS = [
  "id",
  "iati_identifier",
  "title",
  "funders",
  "implementers",
  "beneficiary_states",
  "region",
  "start",
  "end",
  "budget",
  "currency",
  "item_ids",
  "url",
  "confidence",
  "sources",
] as const;

/** Programmes as CSV rows (lists joined with "; ", dates at their precision, sources as URLs or ids). */
export function programmeCsvRows(programmes: ProgrammeDetail[]): string[][] {
  const date = (d: PartialDate | null) => (d ? formatPartialDateIso(d) : "");
  return programmes.map((p) => [
    p.id,
    p.iatiIdentifier ?? "",
    p.title,
    p.funders.join("; "),
    p.implementers.join("; "),
    p.beneficiaryStates.join("; "),
    p.region ?? "",
    date(p.start),
    date(p.end),
    p.budget ?? "",
    p.currency ?? "",
    p.itemIds.join("; "),
    p.url ?? "",
    p.confidence,
    p.sources.map((s) => s.url ?? s.id).join("; "),
  ]);
}
