// Derived indicators: facts computed by a stated rule from bundled datasets, shown beside evidence and always
// labelled as derived. They are never evidence records and never count in the evidence roll-up.
import { latestActionPerParty, type TreatyAction } from "./international-law.js";
import type { PartialDate } from "./partial-date.js";

export const DERIVED_INDICATOR_IDS = [
  "first-cyber-strategy",
  "budapest-convention-party",
  "legal-position-published",
  "un-cybercrime-signed",
] as const;
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
  /**
   * Values exist only for States the dataset has a row for; any other State's value is unknown (the datasets of
   * positions and treaty status are partial), so counts read "n States in the data", never "n of all States".
   */
  hasValuesOnlyWhereSourced: boolean;
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
    hasValuesOnlyWhereSourced: false,
  },
  "budapest-convention-party": {
    id: "budapest-convention-party",
    label: "Party to the Budapest Convention",
    rule: "Derived: met when the State's latest sourced row of the Budapest Convention's status (Council of Europe chart of 3 December 2015, member States Albania to Germany only, and accessions of 2024) shows ratification or accession; not met when it shows a signature only. The status is partial: a State without a sourced row has no value (unknown, not \"not a party\").",
    sourceIds: ["dataset:treaty-status"],
    relatedItemIds: ["13d", "osce-2013-06"],
    hasValuesOnlyWhereSourced: true,
  },
  "legal-position-published": {
    id: "legal-position-published",
    label: "Published a position on how international law applies to ICTs",
    rule: "Derived: met when the bundled positions dataset lists at least one published position of the State (national paper, speech, submission to A/76/136…); the date shown is the earliest. The list is not complete: a State without a listed position has no value.",
    sourceIds: ["dataset:national-positions"],
    relatedItemIds: [],
    hasValuesOnlyWhereSourced: true,
  },
  "un-cybercrime-signed": {
    id: "un-cybercrime-signed",
    label: "Signed the UN Convention against Cybercrime",
    rule: "Derived: met when the bundled treaty status lists the State's signature of the UN Convention against Cybercrime (A/RES/79/243); the date shown is the signature's. 69 of the 72 signatories the UN counted are identified (as of 25 October to 19 November 2025): a State without a row has no value (unknown).",
    sourceIds: ["dataset:treaty-status"],
    relatedItemIds: ["13d"],
    hasValuesOnlyWhereSourced: true,
  },
};

/** The UN Convention against Cybercrime's id in the treaties table. */
export const UN_CYBERCRIME_CONVENTION_ID = "un-cybercrime-2024";

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
  return rows.map((r) => ({
    indicatorId: "first-cyber-strategy",
    stateIso3: r.stateIso3,
    isMet: r.firstAdopted !== null,
    since: r.firstAdopted,
  }));
}

/** Budapest Convention: one value per State with a sourced row (its latest); met when that row shows consent to be bound. */
export function deriveBudapestParty(actions: TreatyAction[]): DerivedIndicatorValue[] {
  return latestActionPerParty(actions.filter((a) => a.treatyId === BUDAPEST_CONVENTION_ID))
    .flatMap((a) =>
      a.stateIso3
        ? [
            {
              indicatorId: "budapest-convention-party" as const,
              stateIso3: a.stateIso3,
              isMet: a.kind !== "signature",
              since: a.kind !== "signature" ? a.consentOn : null,
            },
          ]
        : [],
    )
    .sort((a, b) => a.stateIso3.localeCompare(b.stateIso3));
}

/** Positions: one met value per State with a listed position, since the earliest one. */
export function deriveLegalPositionPublished(
  positions: { stateIso3: string | null; publishedOn: PartialDate }[],
): DerivedIndicatorValue[] {
  const earliest = new Map<string, PartialDate>();
  for (const p of positions) {
    if (!p.stateIso3) continue;
    const current = earliest.get(p.stateIso3);
    if (!current || p.publishedOn.date < current.date) earliest.set(p.stateIso3, p.publishedOn);
  }
  return [...earliest.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([stateIso3, since]) => ({ indicatorId: "legal-position-published", stateIso3, isMet: true, since }));
}

/** UN Convention: one met value per State with a sourced signature (or later action), since the signature. */
export function deriveUnCybercrimeSigned(actions: TreatyAction[]): DerivedIndicatorValue[] {
  return latestActionPerParty(actions.filter((a) => a.treatyId === UN_CYBERCRIME_CONVENTION_ID))
    .flatMap((a) =>
      a.stateIso3
        ? [
            {
              indicatorId: "un-cybercrime-signed" as const,
              stateIso3: a.stateIso3,
              isMet: true,
              since: a.signedOn ?? a.consentOn,
            },
          ]
        : [],
    )
    .sort((a, b) => a.stateIso3.localeCompare(b.stateIso3));
}

export interface IndicatorGroupCoverage {
  indicatorId: DerivedIndicatorId;
  /** Members of the group with the indicator met. */
  met: number;
  /** Members with any value (met or not); for indicators with values only where sourced, the rest are unknown. */
  withValue: number;
  members: number;
}

/** Per group (UN regional group or organisation): how many members meet each indicator, and how many have a value at all. */
export function indicatorCoverageByGroup(
  groups: { key: string; memberIso3s: string[] }[],
  values: DerivedIndicatorValue[],
): { key: string; cells: IndicatorGroupCoverage[] }[] {
  return groups.map((group) => {
    const members = new Set(group.memberIso3s);
    return {
      key: group.key,
      cells: DERIVED_INDICATOR_IDS.map((indicatorId) => {
        const inGroup = values.filter((v) => v.indicatorId === indicatorId && members.has(v.stateIso3));
        return {
          indicatorId,
          met: inGroup.filter((v) => v.isMet).length,
          withValue: inGroup.length,
          members: members.size,
        };
      }),
    };
  });
}

export function countMet(values: DerivedIndicatorValue[], id: DerivedIndicatorId): number {
  return values.filter((v) => v.indicatorId === id && v.isMet).length;
}

/** Indicators shown beside one norm or CBM. */
export function indicatorsForItem(itemId: string): DerivedIndicatorDefinition[] {
  return Object.values(DERIVED_INDICATORS).filter((d) => d.relatedItemIds.includes(itemId));
}
