// Converts the upstream reference data in ../shared/data into the bundled files of datasets/reference,
// keeping a source (with licence) on every record. Run by `normwatch datasets build` on a developer machine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as r from "./dataset-schemas.js";
import { readCsv, readJson, sharedPath, splitList, type CsvRow } from "./shared-data.js";
import { createSourceRegistry, type SourceRegistry } from "./source-registry.js";
import { createStateNameIndex, type StateNameIndex } from "./state-names.js";
import { selectAlsoKnownAs } from "./state-also-known-as.js";

export interface BuildReport {
  outputDir: string;
  counts: Record<string, number>;
  warnings: string[];
}

interface WorldCountry {
  cca3: string;
  altSpellings: string[];
  name: { common: string; official: string };
  /** Names in other languages by ISO 639-3 code ("fra": { common: "Allemagne", official: "République fédérale d'Allemagne" }). */
  translations: Record<string, { common: string; official: string }>;
}

/** The five other UN languages (our ISO 639-1 codes) and world-countries' ISO 639-3 keys for them. */
const TRANSLATION_KEYS: Record<keyof r.StateRecord["names"], string> = {
  ar: "ara",
  es: "spa",
  fr: "fra",
  ru: "rus",
  zh: "zho",
};

interface UpstreamOrganization {
  id: string;
  name: string;
  blocktype: string[] | null;
  founded: string | null;
  wikidata_id: string | null;
  links: string[] | null;
  description: string | null;
}

/** Organisations whose members share a region (our classification, from each body's membership). */
const REGIONAL_ORGANIZATIONS = new Set([
  "AFUNION",
  "EU",
  "OAS",
  "OSCE",
  "ASEAN",
  "ARF",
  "COE",
  "CIS",
  "CSTO",
  "SCO",
  "APEC",
  "ECOWAS",
  "SADC",
  "EAC",
  "CARICOM",
  "PIF",
  "CCASG",
  "LAS",
  "CELAC",
  "SICA",
  "ECCAS",
  "IGAD",
  "COMESA",
  "EAEU",
  "SAARC",
  "UNASUR",
  "GUAM",
  "BIMSTEC",
  "UMA",
]);

const ORGANIZATION_NAMES: Record<string, string> = { AFUNION: "AU", CCASG: "GCC", LAS: "Arab League" };
/**
 * Upstream lists the Budapest Convention as an organisation with "members"; that list is wrong for at least four
 * States and undated. Treaty status comes from datasets/international-law (each row sourced and dated), so the
 * upstream entry is left out here (issue 16).
 */
const LEFT_OUT_ORGANIZATIONS = new Set(["BUDCONV"]);

export function buildReferenceDatasets(sharedDir: string, outputDir: string, retrievedOn: string): BuildReport {
  const warnings: string[] = [];
  const registry = createSourceRegistry(retrievedOn);
  const members = readCsv(sharedPath(sharedDir, "countries", "un_member_states.csv"));
  const countries = readCsv(sharedPath(sharedDir, "countries", "countries.csv"));
  const world = readJson<WorldCountry[]>(
    sharedPath(sharedDir, "countries", "upstream", "world-countries-5.1.0-countries.json"),
  );
  const names = createStateNameIndex(
    countries,
    world,
    readCsv(sharedPath(sharedDir, "countries", "un_ga_name_lookup.csv")),
  );

  const states = buildStates(members, countries, world, registry);
  const stateIds = new Set(states.map((s) => s.iso3));
  const organizations = buildOrganizations(sharedDir, registry);
  const memberships = buildMemberships(sharedDir, stateIds, registry, warnings);
  const resolutions = buildResolutions(sharedDir, registry);
  const resolutionIds = new Set(resolutions.map((x) => x.symbol));
  const processes = buildProcesses(sharedDir, names, resolutionIds, registry, warnings);
  const sessions = buildSessions(sharedDir, registry);
  const { frameworks, items } = buildFrameworks(sharedDir, registry);
  const strategies = buildStrategies(sharedDir, stateIds, registry);

  const files: Record<keyof typeof r.REFERENCE_FILES, unknown[]> = {
    sources: registry.list(),
    states,
    organizations,
    memberships,
    resolutions,
    processes,
    sessions,
    frameworks,
    frameworkItems: items,
    cyberStrategies: strategies,
  };
  fs.mkdirSync(outputDir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [key, spec] of Object.entries(r.REFERENCE_FILES)) {
    const rows = files[key as keyof typeof files];
    // Validate what we write with the same schema the seed reads with.
    rows.forEach((row) => spec.schema.parse(row));
    fs.writeFileSync(path.join(outputDir, spec.file), `${JSON.stringify(rows, null, 1)}\n`);
    counts[key] = rows.length;
  }
  return { outputDir, counts, warnings };
}

function buildStates(
  members: CsvRow[],
  countries: CsvRow[],
  world: WorldCountry[],
  registry: SourceRegistry,
): r.StateRecord[] {
  const byIso3 = new Map(countries.map((c) => [c["iso3"]!, c]));
  const worldByIso3 = new Map(world.map((w) => [w.cca3, w]));
  const namesOf = (iso3: string) => translatedNames(worldByIso3.get(iso3), iso3);
  const isoTwoLetterCodes = new Set(countries.map((c) => c["iso2"]!));
  const alsoKnownAsOf = (c: CsvRow) =>
    selectAlsoKnownAs(
      {
        name: c["name_common"]!,
        officialName: c["name_official"]!,
        altSpellings: worldByIso3.get(c["iso3"]!)!.altSpellings,
      },
      isoTwoLetterCodes,
    );
  const worldSource = registry.dataset("world-countries");
  const unxmlSource = registry.dataset("unxml-ga-resolutions");
  const states: r.StateRecord[] = members.map((m) => {
    const c = byIso3.get(m["iso3"]!)!;
    return {
      ...stateBase(c),
      names: namesOf(m["iso3"]!),
      unStatus: "member",
      unRegionalGroup: m["un_regional_group_code"] as r.StateRecord["unRegionalGroup"],
      unGaNames: splitList(m["un_ga_voting_name_variants"], "|"),
      alsoKnownAs: alsoKnownAsOf(c),
      sources: [worldSource, unxmlSource],
    };
  });
  // Non-member observer States, each with the GA text that states its standing.
  const observers: { iso3: string; document: string; note: string }[] = [
    {
      iso3: "PSE",
      document: "A/RES/74/11",
      note: "recalls resolution 67/19, by which Palestine was accorded non-member observer State status",
    },
    {
      iso3: "VAT",
      document: "A/RES/79/249",
      note: "the Holy See, which is not a member of the United Nations but which participates in certain of its activities",
    },
  ];
  for (const o of observers) {
    const c = byIso3.get(o.iso3)!;
    states.push({
      ...stateBase(c),
      names: namesOf(o.iso3),
      unStatus: "observer",
      unRegionalGroup: null,
      unGaNames: [],
      alsoKnownAs: alsoKnownAsOf(c),
      sources: [worldSource, registry.document(o.document, o.note)],
    });
  }
  return states.sort((a, b) => a.iso3.localeCompare(b.iso3));
}

/**
 * The State's common and official names in the five other UN languages, as world-countries gives them (its
 * `translations`; ODbL, same source as the English names). These are not always the UN's own forms (the UN's Arabic
 * for the Russian Federation is الاتحاد الروسي, world-countries has روسيا الاتحادية): reference detection matches what is here.
 */
function translatedNames(w: WorldCountry | undefined, iso3: string): r.StateRecord["names"] {
  const names = {} as r.StateRecord["names"];
  for (const [language, key] of Object.entries(TRANSLATION_KEYS) as [keyof r.StateRecord["names"], string][]) {
    const t = w?.translations[key];
    if (!t) throw new Error(`world-countries has no ${key} name for ${iso3}`);
    names[language] = { name: t.common.trim(), officialName: t.official.trim() };
  }
  return names;
}

function stateBase(c: CsvRow) {
  const number = (s: string | undefined) => (s && s !== "" ? Number(s) : null);
  return {
    iso3: c["iso3"]!,
    iso2: c["iso2"]!,
    isoNumeric: c["iso_numeric"]!,
    name: c["name_common"]!,
    officialName: c["name_official"]!,
    admittedOn: null,
    region: c["region"] || null,
    subregion: c["subregion"] || null,
    latitude: number(c["lat"]),
    longitude: number(c["lng"]),
    flag: c["flag"] || null,
  };
}

function buildOrganizations(sharedDir: string, registry: SourceRegistry): r.OrganizationRecord[] {
  const upstream = readJson<UpstreamOrganization[]>(sharedPath(sharedDir, "countries", "organizations.json"));
  const source = registry.dataset("internacia-db");
  return upstream
    .filter((o) => !LEFT_OUT_ORGANIZATIONS.has(o.id))
    .map((o) => ({
      id: o.id,
      name: o.name,
      abbreviation: ORGANIZATION_NAMES[o.id] ?? o.id,
      classification: REGIONAL_ORGANIZATIONS.has(o.id) ? "regional" : "intergovernmental",
      blocTypes: o.blocktype ?? [],
      foundedYear: o.founded && /^\d{4}$/.test(o.founded) ? Number(o.founded) : null,
      wikidataId: o.wikidata_id,
      links: o.links ?? [],
      description: o.description,
      sources: [source],
    }));
}

/**
 * Join and departure dates where internacia-db gives them (its `includes[].joined` / `left`, e.g. every ASEAN member, Timor-Leste
 * 2025-10-26). org_memberships.csv drops them, so they are read from the upstream file it was built from (zstd-compressed:
 * decompressed with the zstd command, which developer machines have; without it the memberships stay undated, with a warning).
 */
function readMembershipDates(
  sharedDir: string,
  warnings: string[],
): Map<string, { joined: string | null; left: string | null }> {
  const dates = new Map<string, { joined: string | null; left: string | null }>();
  let text: string;
  try {
    text = execFileSync(
      "zstd",
      ["-dc", sharedPath(sharedDir, "countries", "upstream", "internacia-intblocks.jsonl.zst")],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    warnings.push(
      `membership dates not read (zstd -dc of internacia-intblocks.jsonl.zst failed: ${(error as Error).message.split("\n")[0]}): memberships stay undated`,
    );
    return dates;
  }
  const isDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v);
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const block = JSON.parse(line) as { id: string; includes?: { id: string; joined?: unknown; left?: unknown }[] };
    for (const member of block.includes ?? []) {
      const joined = isDate(member.joined) ? member.joined : null;
      const left = isDate(member.left) ? member.left : null;
      if (joined || left) dates.set(`${block.id}:${member.id}`, { joined, left });
    }
  }
  return dates;
}

function buildMemberships(
  sharedDir: string,
  stateIds: Set<string>,
  registry: SourceRegistry,
  warnings: string[],
): r.MembershipRecord[] {
  const rows = readCsv(sharedPath(sharedDir, "countries", "org_memberships.csv"));
  const source = registry.dataset("internacia-db");
  const dates = readMembershipDates(sharedDir, warnings);
  const out: r.MembershipRecord[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const iso3 = row["iso3"] ?? "";
    if (LEFT_OUT_ORGANIZATIONS.has(row["org_id"] ?? "")) continue;
    const isOrganization = row["member_type"] === "organization";
    if (!isOrganization && !stateIds.has(iso3)) {
      skipped.push(`${row["org_id"]}:${row["country_name"]}`);
      continue;
    }
    out.push({
      organizationId: row["org_id"]!,
      stateIso3: isOrganization ? null : iso3,
      memberOrganizationId: isOrganization ? (row["country_name"] === "European Union" ? "EU" : null) : null,
      role: "member",
      startDate: dates.get(`${row["org_id"]}:${row["iso2"]}`)?.joined ?? null,
      endDate: dates.get(`${row["org_id"]}:${row["iso2"]}`)?.left ?? null,
      isCurrent: !dates.get(`${row["org_id"]}:${row["iso2"]}`)?.left,
      sources: [source],
    });
  }
  if (skipped.length > 0)
    warnings.push(`memberships of territories that are not States left out (${skipped.length}): ${skipped.join(", ")}`);
  return out.filter((m) => m.stateIso3 !== null || m.memberOrganizationId !== null);
}

const TOPICS: Record<string, r.ResolutionRecord["topic"]> = {
  "ICT in international security": "ict-security",
  cybercrime: "cybercrime",
  "cybercrime (related)": "cybercrime-related",
};

function adoptionMethodOf(text: string): r.ResolutionRecord["adoptionMethod"] {
  if (text === "recorded vote") return "recorded-vote";
  if (/without a vote|consensus/.test(text)) return "without-vote";
  return null;
}

function buildResolutions(sharedDir: string, registry: SourceRegistry): r.ResolutionRecord[] {
  const rows = readCsv(sharedPath(sharedDir, "cyber-processes", "resolutions.csv"));
  const int = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  return rows.map((row) => ({
    symbol: row["symbol"]!,
    recordType: row["record_type"] as r.ResolutionRecord["recordType"],
    topic: TOPICS[row["topic"]!]!,
    gaSession: int(row["session"]),
    adoptedOn: row["date_adopted"] || null,
    title: row["title"] || null,
    committee: row["committee"] || null,
    adoptionMethod: adoptionMethodOf(row["adoption"] ?? ""),
    adoptionNote: row["adoption"] || null,
    yes: int(row["yes"]),
    no: int(row["no"]),
    abstain: int(row["abstain"]),
    firstCommitteeVote: row["first_committee_vote"] || null,
    summary: row["what_it_does"] || null,
    notes: row["notes"] || null,
    confidence: row["confidence"] as r.ResolutionRecord["confidence"],
    sources: registry.factBaseSources(row),
  }));
}

const PROCESS_KINDS: Record<string, r.ProcessRecord["kind"]> = {
  GGE: "gge",
  OEWG: "oewg",
  AHC: "ahc",
  "permanent mechanism": "permanent-mechanism",
};

function shortNameOf(row: CsvRow): string {
  const id = row["id"]!;
  const years = /(\d{4})-(\d{4})/.exec(id);
  if (id.startsWith("gge-") && years) return `GGE ${years[1]}–${years[2]}`;
  if (id.startsWith("oewg-") && years) return `OEWG ${years[1]}–${years[2]}`;
  if (id.startsWith("ahc-")) return "Ad Hoc Committee on cybercrime";
  if (id.startsWith("global-mechanism")) return "Global Mechanism on ICT security";
  return row["name"]!;
}

function buildProcesses(
  sharedDir: string,
  names: StateNameIndex,
  resolutionIds: Set<string>,
  registry: SourceRegistry,
  warnings: string[],
): r.ProcessRecord[] {
  const rows = readCsv(sharedPath(sharedDir, "cyber-processes", "processes.csv"));
  return rows.map((row) => {
    const listed = /\(([^)]*,[^)]*)\)/.exec(row["membership"] ?? "");
    const memberStates = listed
      ? listed[1]!.split(",").map((n) => {
          const iso3 = names.find(n.trim());
          if (!iso3) warnings.push(`${row["id"]}: member "${n.trim()}" not matched to a State`);
          return iso3;
        })
      : [];
    const chairCountry = row["chair_country"] ?? "";
    const chairStateIso3 = chairCountry ? names.find(chairCountry) : null;
    if (chairCountry && !chairStateIso3) warnings.push(`${row["id"]}: chair country "${chairCountry}" not matched`);
    const chairs = row["chairs"] ?? "";
    const symbols = [...new Set((row["mandating_resolution"] ?? "").match(/A\/RES\/\d+\/\d+/g) ?? [])];
    return {
      id: row["id"]!,
      name: row["name"]!,
      shortName: shortNameOf(row),
      kind: PROCESS_KINDS[row["kind"]!]!,
      parentBody: row["parent_body"] || null,
      mandatingResolutions: row["mandating_resolution"]!,
      start: row["start"]!,
      end: row["end"] || null,
      // "(Brazil; individual not confirmed)" names no person: keep the State, not a chair name.
      chairName: chairs && !chairs.startsWith("(") ? chairs : null,
      chairStateIso3: chairStateIso3 ?? null,
      chairConfidence: (row["chair_confidence"] || null) as r.ProcessRecord["chairConfidence"],
      membership: row["membership"]!,
      memberStates: memberStates.filter((x): x is string => x !== null),
      finalReports: row["final_report_symbols"] || null,
      outcome: row["outcome"] || null,
      notes: row["notes"] || null,
      relatedResolutions: symbols
        .filter((s) => resolutionIds.has(s))
        .map((symbol, i) => ({ symbol, relation: i === 0 ? "mandate" : "related" })),
      confidence: row["confidence"] as r.ProcessRecord["confidence"],
      sources: registry.factBaseSources(row),
    };
  });
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function buildSessions(sharedDir: string, registry: SourceRegistry): r.SessionRecord[] {
  const rows = readCsv(sharedPath(sharedDir, "cyber-processes", "sessions.csv"));
  const seen = new Set<string>();
  return rows.map((row) => {
    const processId = row["process_id"]!;
    let id = slugify(row["session_name"]!);
    if (!id.startsWith(processId)) id = `${processId}-${id}`;
    id = id.slice(0, 120);
    for (let n = 2; seen.has(id); n++) id = `${id}-${n}`;
    seen.add(id);
    const kind = slugify((row["kind"] ?? "").replace(/\(.*\)/, "")) as r.SessionRecord["kind"];
    return {
      id,
      processId: row["process_id"]!,
      name: row["session_name"]!,
      kind,
      start: row["start_date"] || null,
      end: row["end_date"] || null,
      venue: row["venue"] || null,
      notes: row["notes"] || null,
      confidence: row["confidence"] as r.SessionRecord["confidence"],
      sources: registry.factBaseSources(row),
    };
  });
}

const CBM_FRAMEWORKS: Record<string, { id: string; name: string; body: string }> = {
  OSCE: {
    id: "osce-cbms",
    name: "OSCE confidence-building measures to reduce the risks of conflict stemming from the use of ICTs",
    body: "OSCE",
  },
  OAS: { id: "oas-cbms", name: "OAS cyber confidence-building measures", body: "OAS" },
  ARF: { id: "arf-ict", name: "ASEAN Regional Forum work plan on security of and in the use of ICTs", body: "ARF" },
  UN: { id: "un-global-cbms", name: "UN global confidence-building measures (OEWG 2021–2025)", body: "United Nations" },
};

function buildFrameworks(sharedDir: string, registry: SourceRegistry) {
  const norms = readCsv(sharedPath(sharedDir, "cyber-processes", "norms.csv"));
  const cbms = readCsv(sharedPath(sharedDir, "cyber-processes", "cbms.csv"));
  const factBase = registry.dataset("cyber-processes");
  const frameworks: r.FrameworkRecord[] = [
    {
      id: "un-norms-2015",
      name: "Voluntary, non-binding norms of responsible State behaviour (GGE report A/70/174)",
      kind: "norms",
      body: "UN Group of Governmental Experts 2014–2015",
      instrument: "A/70/174, para 13 (a)–(k)",
      sources: [factBase],
    },
  ];
  const items: r.FrameworkItemRecord[] = norms.map((row, i) => ({
    id: row["id"]!,
    frameworkId: "un-norms-2015",
    code: `13(${row["id"]!.slice(2)})`,
    position: i + 1,
    shortTitle: row["short_title"]!,
    reference: row["a70_174_ref"] || null,
    instrument: "A/70/174",
    notes:
      [row["notes"], row["a76_135_guidance"] ? `2021 GGE guidance (A/76/135): ${row["a76_135_guidance"]}` : ""]
        .filter(Boolean)
        .join(" ") || null,
    confidence: row["confidence"] as r.FrameworkItemRecord["confidence"],
    sources: registry.factBaseSources(row),
  }));
  const positions = new Map<string, number>();
  for (const row of cbms) {
    const framework = CBM_FRAMEWORKS[row["framework"]!.split(" ")[0]!]!;
    if (!frameworks.some((f) => f.id === framework.id)) {
      frameworks.push({
        id: framework.id,
        name: framework.name,
        kind: "cbms",
        body: framework.body,
        instrument: null,
        sources: [factBase],
      });
    }
    const position = (positions.get(framework.id) ?? 0) + 1;
    positions.set(framework.id, position);
    items.push({
      id: row["id"]!,
      frameworkId: framework.id,
      code: row["id"]!.toUpperCase(),
      position,
      shortTitle: row["short_title"]!,
      reference: null,
      instrument: row["instrument"] || null,
      notes: row["notes"] || null,
      confidence: row["confidence"] as r.FrameworkItemRecord["confidence"],
      sources: registry.factBaseSources(row),
    });
  }
  return { frameworks, items };
}

function buildStrategies(sharedDir: string, stateIds: Set<string>, registry: SourceRegistry): r.CyberStrategyRecord[] {
  const rows = readCsv(sharedPath(sharedDir, "national-cyber-strategies", "inaugural_cybstrategies_2000_2024.csv"));
  const source = registry.dataset("kostyuk-strategies");
  return rows
    .filter((row) => stateIds.has(row["Countries"]!))
    .map((row) => {
      const raw = row["DATE"] ?? "NA";
      // Upstream writes 0101 when only the year is known; keep that as year precision.
      const firstAdopted =
        raw === "NA"
          ? null
          : raw.endsWith("0101")
            ? raw.slice(0, 4)
            : `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
      return {
        stateIso3: row["Countries"]!,
        firstAdopted,
        strategiesTotal: Number(row["total_strategies"]),
        sources: [source],
      };
    });
}
