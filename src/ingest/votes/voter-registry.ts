// Who voted: maps Voeten country codes and UN voting-list spellings to voter codes (ISO3 for States, own codes for historical States).
import type { Voter } from "../../domain/votes.js";

export interface StateForVoters {
  iso3: string;
  iso2: string;
  name: string;
  officialName: string;
  unStatus: string;
  unGaNames: string[];
}

/**
 * Voters of the Voeten data that are not States today. Each keeps its own code (ISO 3166-3 where one exists) so
 * that its votes stay its own: successors are separate voters, as the UN recorded them.
 */
const HISTORICAL_VOTERS: { code: string; name: string; voetenCode: string; voetenName: string; note: string }[] = [
  { code: "CSK", name: "Czechoslovakia", voetenCode: "CS", voetenName: "Czechoslovakia", note: "Voeten code CS." },
  {
    code: "DDR",
    name: "German Democratic Republic",
    voetenCode: "DD",
    voetenName: "German Democratic Republic",
    note: "Voeten code DD.",
  },
  {
    code: "FRG",
    name: "Federal Republic of Germany",
    voetenCode: "",
    voetenName: "Federal Republic of Germany",
    note: "No code in the Voeten data; votes before German unification. Germany (DEU) is a separate voter.",
  },
  {
    code: "YAR",
    name: "Yemen Arab Republic",
    voetenCode: "",
    voetenName: "Yemen Arab Republic",
    note: "No code in the Voeten data; votes before Yemeni unification. Yemen (YEM) is a separate voter.",
  },
  {
    code: "YMD",
    name: "Yemen People's Republic",
    voetenCode: "YD",
    voetenName: "Yemen People's Republic",
    note: "Voeten code YD.",
  },
  { code: "ZAN", name: "Zanzibar", voetenCode: "", voetenName: "Zanzibar", note: "No code in the Voeten data (1964)." },
  {
    code: "TWN",
    name: "Taiwan",
    voetenCode: "TW",
    voetenName: "Taiwan",
    note: "Voeten code TW: the votes cast in China's seat by the Republic of China (until 1971).",
  },
  {
    code: "YUG",
    name: "Yugoslavia",
    voetenCode: "YU",
    voetenName: "Yugoslavia",
    note: "Voeten code YU before 4 February 2003.",
  },
  {
    code: "SCG",
    name: "Serbia and Montenegro",
    voetenCode: "YU",
    voetenName: "Yugoslavia",
    note: "Voeten code YU from 4 February 2003 to 2 June 2006.",
  },
];

/** Voeten codes Serbia as YU throughout; split by the dates the name and the State changed. */
function voterForYugoslavia(date: string): string {
  if (date < "2003-02-04") return "YUG";
  if (date < "2006-06-03") return "SCG";
  return "SRB";
}

export interface VoterRegistry {
  voters: Voter[];
  byCode: Map<string, Voter>;
  /** Voter code of a Voeten row, or null when the code or name is unknown. */
  findVoeten(countryCode: string, countryName: string, date: string): string | null;
  /** Voter code of a name in a UN voting list (any case), or null. */
  findUnName(name: string): string | null;
  /**
   * State code of a sponsor entry: a Member or observer State, also when the entry reads "Cuba (on behalf of the
   * States Members … of the Group of 77 and China)" or "The Niger". Null for entries that are not one State.
   */
  findSponsor(name: string): string | null;
}

/** Upper case, no diacritics, single spaces: how UN lists are compared. */
export function normaliseUnName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

export function createVoterRegistry(states: StateForVoters[]): VoterRegistry {
  const members = states.filter((s) => s.unStatus === "member");
  const entries: Omit<Voter, "position">[] = [
    ...members.map((s) => ({
      code: s.iso3,
      name: s.name,
      stateIso3: s.iso3,
      isHistorical: false,
      sourceCodes: [s.iso2, ...s.unGaNames],
      note: null,
    })),
    ...HISTORICAL_VOTERS.map((h) => ({
      code: h.code,
      name: h.name,
      stateIso3: null,
      isHistorical: true,
      sourceCodes: [h.voetenCode || h.voetenName],
      note: h.note,
    })),
  ].sort((a, b) => a.code.localeCompare(b.code));
  const voters: Voter[] = entries.map((v, position) => ({ ...v, position }));
  const byCode = new Map(voters.map((v) => [v.code, v]));
  const byIso2 = new Map(members.map((s) => [s.iso2, s.iso3]));
  const historicalByName = new Map(
    HISTORICAL_VOTERS.filter((h) => h.voetenCode === "").map((h) => [h.voetenName, h.code]),
  );
  const byUnName = new Map<string, string>();
  for (const s of members) {
    for (const n of [...s.unGaNames, s.name, s.officialName]) byUnName.set(normaliseUnName(n), s.iso3);
  }
  const sponsorNames = new Map(byUnName);
  for (const s of states.filter((x) => x.unStatus === "observer")) {
    for (const n of [...s.unGaNames, s.name, s.officialName]) sponsorNames.set(normaliseUnName(n), s.iso3);
  }
  return {
    voters,
    byCode,
    findVoeten(countryCode, countryName, date) {
      if (countryCode === "YU") return voterForYugoslavia(date);
      if (countryCode === "") return historicalByName.get(countryName) ?? null;
      const historical = HISTORICAL_VOTERS.find((h) => h.voetenCode === countryCode);
      if (historical) return historical.code;
      return byIso2.get(countryCode) ?? null;
    },
    findUnName(name) {
      return byUnName.get(normaliseUnName(name)) ?? null;
    },
    findSponsor(name) {
      const plain = normaliseUnName(name)
        .replace(/,? \(?(ON BEHALF OF|IN ITS CAPACITY AS) .*$/, "")
        .replace(/^THE /, "")
        .replace(/ \(THE\)$/, "");
      return sponsorNames.get(normaliseUnName(name)) ?? sponsorNames.get(plain) ?? null;
    },
  };
}
