// Loads the rows the derived indicators are computed from (strategies dataset, memberships) and applies their rules.
import { eq } from "drizzle-orm";
import { deriveBudapestParty, deriveFirstStrategy, BUDAPEST_CONVENTION_ID, type DerivedIndicatorValue } from "../domain/implementation-indicators.js";
import type { Db } from "./client.js";
import { cyberStrategyAdoptions, memberships, states } from "./schema/reference.js";
import { partialDateOf } from "./states.js";

/** Every derived indicator value: per State in the strategies dataset, and per UN Member State for the Budapest Convention. */
export async function loadDerivedIndicatorValues(db: Db): Promise<DerivedIndicatorValue[]> {
  const strategies = await db.select().from(cyberStrategyAdoptions).orderBy(cyberStrategyAdoptions.stateIso3);
  const memberStates = await db.select({ iso3: states.iso3 }).from(states).where(eq(states.unStatus, "member")).orderBy(states.iso3);
  const budapest = await db.select().from(memberships).where(eq(memberships.organizationId, BUDAPEST_CONVENTION_ID));
  const parties = budapest.filter((m) => m.stateIso3 !== null).map((m) => m.stateIso3!);
  // Parties outside the UN membership (none today) still count: the indicator is about the treaty.
  const subjects = [...new Set([...memberStates.map((s) => s.iso3), ...parties])].sort();
  return [
    ...deriveFirstStrategy(strategies.map((s) => ({ stateIso3: s.stateIso3, firstAdopted: partialDateOf(s.firstAdoptedOn, s.firstAdoptedPrecision) }))),
    ...deriveBudapestParty(
      subjects,
      budapest.map((m) => ({ organizationId: m.organizationId, stateIso3: m.stateIso3, role: m.role, isCurrent: m.isCurrent, start: partialDateOf(m.startDate, m.startPrecision) })),
    ),
  ];
}
