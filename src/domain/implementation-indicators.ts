// Derived indicators: facts computed by a stated rule from bundled datasets, shown beside evidence and always
// labelled as derived. They are never evidence records and never count in the evidence roll-up.
import { latestActionPerParty, type TreatyAction } from "./international-law.js";
import type { PartialDate } from "./partial-date.js";

export const DERIVED_INDICATOR_IDS = ["first-cyber-strategy", "budapest-convention-party"] as const;
export type DerivedIndicatorId = (typeof DERIVED_INDICATOR_IDS)[number];

export interface DerivedIndicatorDefinition {
  id: DerivedIndicatorId;
  label: string;
  /** The rule, in words, as pages and the API print it. */
  rule: string;
  /** Source ids of the datasets it is computed from. */
  sourceIds: string[];
  /**
   * Norms and CBMs it is shown beside, for context only: items whose text names the same thing (sharing
   * national strategies; laws and cooperation against criminal use of ICTs).
   */
  relatedItemIds: string[];
}

/** The Budapest Convention's id in the treaties table (datasets/international-law). */
export const BUDAPEST_CONVENTION_ID = "coe-ets-185";

export const DERIVED_INDICATORS: Record<DerivedIndicatorId, DerivedIndicatorDefinition> = {
  "first-cyber-strategy": {
    id: "first-cyber-strategy",
    label: "First national cybersecurity strategy adopted",
    rule: "Derived: met when the bundled national cybersecurity strategies dataset (Kostyuk, 2000–2024) gives a date for the State's first strategy; the date shown is that date.",
    sourceIds: ["dataset:kostyuk-strategies"],
    relatedItemIds: ["osce-2013-07", "oas-01"],
  },
  "budapest-convention-party": {
    id: "budapest-convention-party",
    label: "Party to the Budapest Convention",
    rule:
      "Derived: met when the State's latest sourced row of the Budapest Convention's status (Council of Europe chart of 3 December 2015, member States Albania to Germany only, and accessions of 2024) shows ratification or accession; not met when it shows a signature only. The status is partial: a State without a sourced row has no value (unknown, not \"not a party\").",
    sourceIds: ["dataset:treaty-status"],
    relatedItemIds: ["13d", "osce-2013-06"],
  },
};

/** One State's value of one indicator: met or not, and since when where the data says. */
export interface DerivedIndicatorValue {
  indicatorId: DerivedIndicatorId;
  stateIso3: string;
  isMet: boolean;
  since: PartialDate | null;
}

export interface StrategyRow {
  stateIso3: string;
  firstAdopted: PartialDate | null;
}

/** First strategy: one value per State in the strategies dataset; met when it has a first-adoption date. */
export function deriveFirstStrategy(rows: StrategyRow[]): DerivedIndicatorValue[] {
  return rows.map((r) => ({ indicatorId: "first-cyber-strategy", stateIso3: r.stateIso3, isMet: r.firstAdopted !== null, since: r.firstAdopted }));
}

/** Budapest Convention: one value per State with a sourced row (its latest); met when that row shows consent to be bound. */
export function deriveBudapestParty(actions: TreatyAction[]): DerivedIndicatorValue[] {
  return latestActionPerParty(actions.filter((a) => a.treatyId === BUDAPEST_CONVENTION_ID))
    .flatMap((a) => (a.stateIso3 ? [{ indicatorId: "budapest-convention-party" as const, stateIso3: a.stateIso3, isMet: a.kind !== "signature", since: a.kind !== "signature" ? a.consentOn : null }] : []))
    .sort((a, b) => a.stateIso3.localeCompare(b.stateIso3));
}

export function countMet(values: DerivedIndicatorValue[], id: DerivedIndicatorId): number {
  return values.filter((v) => v.indicatorId === id && v.isMet).length;
}

/** Indicators shown beside one norm or CBM. */
export function indicatorsForItem(itemId: string): DerivedIndicatorDefinition[] {
  return Object.values(DERIVED_INDICATORS).filter((d) => d.relatedItemIds.includes(itemId));
}
