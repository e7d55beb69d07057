// Loads the rows the derived indicators are computed from (strategies dataset, treaty status) and applies their rules.
import { deriveBudapestParty, deriveFirstStrategy, BUDAPEST_CONVENTION_ID, type DerivedIndicatorValue } from "../domain/implementation-indicators.js";
import type { Db } from "./client.js";
import { listTreatyActions } from "./international-law.js";
import { cyberStrategyAdoptions } from "./schema/reference.js";
import { partialDateOf } from "./states.js";

/** Every derived indicator value: per State in the strategies dataset, and per State with a sourced Budapest Convention row. */
export async function loadDerivedIndicatorValues(db: Db): Promise<DerivedIndicatorValue[]> {
  const strategies = await db.select().from(cyberStrategyAdoptions).orderBy(cyberStrategyAdoptions.stateIso3);
  const budapest = await listTreatyActions(db, { treatyId: BUDAPEST_CONVENTION_ID });
  return [
    ...deriveFirstStrategy(strategies.map((s) => ({ stateIso3: s.stateIso3, firstAdopted: partialDateOf(s.firstAdoptedOn, s.firstAdoptedPrecision) }))),
    ...deriveBudapestParty(budapest),
  ];
}
