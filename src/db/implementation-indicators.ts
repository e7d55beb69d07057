// Loads the rows the derived indicators are computed from (strategies dataset, treaty status) and applies their rules.
import {
  BUDAPEST_CONVENTION_ID,
  deriveBudapestParty,
  deriveFirstStrategy,
  deriveLegalPositionPublished,
  deriveUnCybercrimeSigned,
  UN_CYBERCRIME_CONVENTION_ID,
  type DerivedIndicatorValue,
} from "../domain/implementation-indicators.js";
import type { Db } from "./client.js";
import { listLegalPositions, listTreatyActions } from "./international-law.js";
import { cyberStrategyAdoptions } from "./schema/reference.js";
import { partialDateOf } from "./states.js";

/** Every derived indicator value: per State in the strategies dataset; per State with a sourced row for the Budapest and UN conventions and the positions on international law. */
export async function loadDerivedIndicatorValues(db: Db): Promise<DerivedIndicatorValue[]> {
  const strategies = await db.select().from(cyberStrategyAdoptions).orderBy(cyberStrategyAdoptions.stateIso3);
  const budapest = await listTreatyActions(db, { treatyId: BUDAPEST_CONVENTION_ID });
  const unConvention = await listTreatyActions(db, { treatyId: UN_CYBERCRIME_CONVENTION_ID });
  const positions = await listLegalPositions(db);
  return [
    ...deriveFirstStrategy(
      strategies.map((s) => ({
        stateIso3: s.stateIso3,
        firstAdopted: partialDateOf(s.firstAdoptedOn, s.firstAdoptedPrecision),
      })),
    ),
    ...deriveBudapestParty(budapest),
    ...deriveLegalPositionPublished(positions),
    ...deriveUnCybercrimeSigned(unConvention),
  ];
}
