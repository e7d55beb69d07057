// Finds a State from what a reader types in a form: its ISO3 code, or a name (short, official, as GA voting lists print
// it), in any case, with or without accents and punctuation ("cote d'ivoire", "TÜRKİYE", "Bosnia").
import { states } from "./schema/reference.js";
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
  names: string[];
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
    })
    .from(states);
  return matchStateIso3(
    rows.map((r) => ({ iso3: r.iso3, names: [r.name, r.officialName, ...r.unGaNames] })),
    text,
  );
}

/** The one State a text names: its code, else a name in full, else the start of names of one State only. */
export function matchStateIso3(candidates: NamedState[], input: string): string | null {
  const text = input.trim();
  const code = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && candidates.some((s) => s.iso3 === code)) return code;
  const folded = foldStateName(text);
  if (!folded) return null;
  const exact = new Set(candidates.filter((s) => s.names.some((n) => foldStateName(n) === folded)).map((s) => s.iso3));
  if (exact.size > 0) return exact.size === 1 ? [...exact][0]! : null;
  if (folded.length < MIN_PREFIX_LENGTH) return null;
  const byPrefix = new Set(
    candidates.filter((s) => s.names.some((n) => foldStateName(n).startsWith(`${folded} `))).map((s) => s.iso3),
  );
  return byPrefix.size === 1 ? [...byPrefix][0]! : null;
}
