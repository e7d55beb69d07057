// Finds a State from what a reader types in a form: its ISO3 code, or a name (short, official, as GA voting lists print
// it, another English name: UK, Burma, Holy See, or in another UN language: Allemagne), in any case, with or without
// accents and punctuation ("cote d'ivoire", "TÜRKİYE", "Bosnia").
import { eq } from "drizzle-orm";
import { stateNames, states } from "./schema/reference.js";
import type { Db } from "./client.js";

const MAX_INPUT_LENGTH = 100;
/** A name shorter than this matches only in full, not as the start of a longer name ("Ni" is not Niger). */
const MIN_PREFIX_LENGTH = 4;

/**
 * The form of a name we compare: no accents, lower case, punctuation as spaces, "&" as "and", "St" as "Saint", no
 * leading "the" — so "Côte d'Ivoire", "COTE D'IVOIRE" and "cote divoire" meet, and so do "Timor-Leste" and "timor leste".
 */
export function foldStateName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "")
    .replace(/\bst\b/g, "saint");
}

interface NamedState {
  iso3: string;
  /** English names and the UN voting-list spellings: a match here wins over one in another language. */
  names: string[];
  /** Other English names ("UK", "DPRK", "Burma"): a match here wins over one in another language. */
  alsoKnownAs?: string[];
  /** Names in the other UN languages (Allemagne, Alemania, Германия). */
  otherNames?: string[];
}

/** The ISO3 code of the State a reader means ("FRA", "fra", "France", "french republic"), or null when none or several match. */
export async function findStateIso3(db: Db, input: string): Promise<string | null> {
  const text = input.trim();
  if (!text || text.length > MAX_INPUT_LENGTH) return null;
  const rows = await db
    .select({
      iso3: states.iso3,
      name: states.name,
      officialName: states.officialName,
      unGaNames: states.unGaNames,
      alsoKnownAs: states.alsoKnownAs,
    })
    .from(states);
  const translated = await db
    .select({ iso3: stateNames.stateIso3, name: stateNames.name, officialName: stateNames.officialName })
    .from(stateNames);
  const otherNames = new Map<string, string[]>();
  for (const n of translated) otherNames.set(n.iso3, [...(otherNames.get(n.iso3) ?? []), n.name, n.officialName]);
  return matchStateIso3(
    rows.map((r) => ({
      iso3: r.iso3,
      names: [r.name, r.officialName, ...r.unGaNames],
      alsoKnownAs: r.alsoKnownAs,
      otherNames: otherNames.get(r.iso3) ?? [],
    })),
    text,
  );
}

/**
 * The one State a text names: its code, else an English or UN name in full, else another English name in full (after
 * the names, so an alternative spelling never takes a name from the State it names today), else a name in another UN
 * language in full, else the first words of one State's names only ("Holy See" of "Holy See (Vatican City State)").
 * Several States at the first tier that matches give null.
 */
export function matchStateIso3(candidates: NamedState[], input: string): string | null {
  const text = input.trim();
  const code = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && candidates.some((s) => s.iso3 === code)) return code;
  const folded = foldStateName(text);
  if (!folded) return null;
  const states = candidates.map((s) => ({
    iso3: s.iso3,
    names: s.names.map(foldStateName),
    alsoKnownAs: (s.alsoKnownAs ?? []).map(foldStateName),
    otherNames: (s.otherNames ?? []).map(foldStateName),
  }));
  type Folded = (typeof states)[number];
  const tiers: ((s: Folded) => boolean)[] = [
    (s) => s.names.includes(folded),
    (s) => s.alsoKnownAs.includes(folded),
    (s) => s.otherNames.includes(folded),
  ];
  if (folded.length >= MIN_PREFIX_LENGTH)
    tiers.push((s) => [...s.names, ...s.alsoKnownAs, ...s.otherNames].some((n) => n.startsWith(`${folded} `)));
  for (const isMatch of tiers) {
    const found = new Set(states.filter(isMatch).map((s) => s.iso3));
    if (found.size > 0) return found.size === 1 ? [...found][0]! : null;
  }
  return null;
}

/** A State's other English names ("UK", "Great Britain"), as the bundled dataset orders them; none for an unknown code. */
export async function listStateAlsoKnownAs(db: Db, iso3: string): Promise<string[]> {
  const [row] = await db.select({ alsoKnownAs: states.alsoKnownAs }).from(states).where(eq(states.iso3, iso3));
  return row?.alsoKnownAs ?? [];
}
