// A State's other English names for the States dataset: world-countries' altSpellings ("UK", "DPRK", "Burma",
// "Holy See (Vatican City State)"; ODbL, the same source as the English names), as readers type them.
import { foldStateName } from "../../db/state-names.js";

/** Letters of a script other than Latin (Korean, Arabic…): such spellings are not English names. */
const OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The spellings worth keeping as "also known as", in upstream order: not an ISO 3166 two-letter code ("GB", "VA": they
 * collide with words, and codes are looked up as codes), not in another script, and not the State's name or official
 * name again or a spelling kept already, ignoring case, accents and punctuation ("Cote d'Ivoire" after "Côte d'Ivoire").
 */
export function selectAlsoKnownAs(
  state: { name: string; officialName: string; altSpellings: string[] },
  isoTwoLetterCodes: ReadonlySet<string>,
): string[] {
  const seen = new Set([foldStateName(state.name), foldStateName(state.officialName)]);
  const kept: string[] = [];
  for (const raw of state.altSpellings) {
    const spelling = raw.trim();
    if (isoTwoLetterCodes.has(spelling) || OTHER_SCRIPT.test(spelling)) continue;
    const folded = foldStateName(spelling);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    kept.push(spelling);
  }
  return kept;
}
