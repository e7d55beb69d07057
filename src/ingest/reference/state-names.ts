// Finds a State's ISO3 code from the many ways sources spell its name (common, official, UN voting lists, short forms).
import type { CsvRow } from "./shared-data.js";

export interface StateNameIndex {
  find(name: string): string | null;
}

/** Short forms used in the fact base that no upstream list spells out. */
const ALIASES: Record<string, string> = { uk: "GBR", usa: "USA", russia: "RUS" };

export function normalizeStateName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\(.*?\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/^the /, "")
    .trim();
}

export function createStateNameIndex(
  countries: CsvRow[],
  world: { cca3: string; altSpellings: string[]; name: { common: string; official: string } }[],
  unGaNames: CsvRow[],
): StateNameIndex {
  const index = new Map<string, string>(Object.entries(ALIASES));
  const put = (name: string | undefined, iso3: string | undefined) => {
    if (!name || !iso3) return;
    const key = normalizeStateName(name);
    if (key && !index.has(key)) index.set(key, iso3);
  };
  for (const c of countries) {
    put(c["name_common"], c["iso3"]);
    put(c["name_official"], c["iso3"]);
  }
  for (const row of unGaNames) put(row["un_ga_name"], row["iso3"]);
  for (const w of world) for (const alt of w.altSpellings) if (alt.length > 3) put(alt, w.cca3);
  return { find: (name) => index.get(normalizeStateName(name)) ?? null };
}
