// Derived indicators: facts computed by a stated rule from bundled datasets, shown beside evidence and always
// labelled as derived. They are never evidence records and never count in the evidence roll-up.
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

export const BUDAPEST_CONVENTION_ID = "BUDCONV";

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
    rule: `Derived: met when the bundled memberships list the State as a current member with the role "party" of the Budapest Convention on Cybercrime (organisation ${BUDAPEST_CONVENTION_ID}).`,
    sourceIds: ["dataset:internacia-db"],
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

export interface MembershipRow {
  organizationId: string;
  stateIso3: string | null;
  role: string;
  isCurrent: boolean;
  start: PartialDate | null;
}

/** First strategy: one value per State in the strategies dataset; met when it has a first-adoption date. */
export function deriveFirstStrategy(rows: StrategyRow[]): DerivedIndicatorValue[] {
  return rows.map((r) => ({ indicatorId: "first-cyber-strategy", stateIso3: r.stateIso3, isMet: r.firstAdopted !== null, since: r.firstAdopted }));
}

/** Budapest Convention: one value per State given; met for current "party" memberships of BUDCONV. */
export function deriveBudapestParty(stateIso3s: string[], memberships: MembershipRow[]): DerivedIndicatorValue[] {
  const parties = new Map<string, PartialDate | null>();
  for (const m of memberships) {
    if (m.organizationId === BUDAPEST_CONVENTION_ID && m.role === "party" && m.isCurrent && m.stateIso3) parties.set(m.stateIso3, m.start);
  }
  return stateIso3s.map((iso3) => ({ indicatorId: "budapest-convention-party", stateIso3: iso3, isMet: parties.has(iso3), since: parties.get(iso3) ?? null }));
}

export function countMet(values: DerivedIndicatorValue[], id: DerivedIndicatorId): number {
  return values.filter((v) => v.indicatorId === id && v.isMet).length;
}

/** Indicators shown beside one norm or CBM. */
export function indicatorsForItem(itemId: string): DerivedIndicatorDefinition[] {
  return Object.values(DERIVED_INDICATORS).filter((d) => d.relatedItemIds.includes(itemId));
}
