// Capacity-building programmes, whose fields are named after IATI activities, and the reading of an IATI
// activity file (standard 2.0x: iati-activities/iati-activity) into them. Untrusted XML: no DOCTYPE or
// entity declarations are accepted and only the five predefined entities and character references are decoded.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { InvalidInputError } from "./errors.js";
import { formatPartialDateIso, parsePartialDate, type PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import type { Confidence } from "./vocabulary.js";

export interface Programme {
  id: string;
  iatiIdentifier: string | null;
  title: string;
  description: string | null;
  funders: string[];
  implementers: string[];
  beneficiaryStates: string[];
  region: string | null;
  start: PartialDate | null;
  end: PartialDate | null;
  /** Decimal text as stored (numeric(16,2)), never a float. */
  budget: string | null;
  currency: string | null;
  itemIds: string[];
  url: string | null;
  notes: string | null;
  confidence: Confidence;
}

export interface ProgrammeDetail extends Programme {
  sources: Source[];
}

export interface ProgrammeFilter {
  beneficiary?: string | undefined;
  funder?: string | undefined;
  itemId?: string | undefined;
}

/** One iati-activity as read from the file, before State codes are resolved. */
export interface IatiActivity {
  iatiIdentifier: string;
  title: string;
  description: string | null;
  funders: string[];
  implementers: string[];
  /** recipient-country codes as the file gives them (ISO 3166-1 alpha-2). */
  recipientCountries: string[];
  region: string | null;
  start: PartialDate | null;
  end: PartialDate | null;
  budget: string | null;
  currency: string | null;
}

export interface IatiProblem {
  /** 1-based position of the iati-activity in the file. */
  position: number;
  iatiIdentifier: string | null;
  message: string;
}

export interface IatiParseResult {
  /** Each with its 1-based position in the file. */
  activities: (IatiActivity & { position: number })[];
  /** Activities left out, each with why; the others are still read. */
  problems: IatiProblem[];
  /** Things read with a caveat (e.g. budgets in several currencies left out). */
  warnings: IatiProblem[];
}

type Node = Record<string, unknown>;

const REPEATED = new Set(["iati-activity", "narrative", "participating-org", "recipient-country", "recipient-region", "activity-date", "budget", "description"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, ref: string) => {
    if (!ref.startsWith("#")) return PREDEFINED[ref] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
  });
}

const text = (value: unknown): string => decode(typeof value === "string" ? value : typeof value === "object" && value && "#text" in value ? String((value as Node)["#text"]) : "").replace(/\s+/g, " ").trim();
const attr = (node: unknown, name: string): string | null => {
  const v = typeof node === "object" && node ? (node as Node)[`@${name}`] : undefined;
  return typeof v === "string" && v.trim() ? decode(v).trim() : null;
};
const list = (node: unknown, name: string): Node[] => ((typeof node === "object" && node ? (node as Node)[name] : undefined) as Node[] | undefined) ?? [];

/** The narrative in English, else the first one (IATI gives one narrative per language). */
function narrative(node: unknown): string {
  const all = list(node, "narrative");
  const english = all.find((n) => attr(n, "xml:lang")?.toLowerCase() === "en");
  return text(english ?? all[0] ?? "");
}

function orgName(org: Node): string | null {
  return narrative(org) || attr(org, "ref");
}

/** Parses the whole file; throws InvalidInputError for XML that is unsafe, not well formed or not IATI activities. */
export function parseIatiActivities(xml: string): IatiParseResult {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new InvalidInputError("XML with a document type declaration (DOCTYPE/ENTITY) is refused");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InvalidInputError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = parser.parse(xml) as Node;
  const container = root["iati-activities"];
  const activities = container !== undefined ? list(container, "iati-activity") : list(root, "iati-activity");
  if (activities.length === 0) throw new InvalidInputError("no iati-activity element found (expected an IATI activity file)");
  const result: IatiParseResult = { activities: [], problems: [], warnings: [] };
  const defaultCurrency = attr(container, "default-currency");
  activities.forEach((node, i) => {
    const position = i + 1;
    const iatiIdentifier = text(node["iati-identifier"]) || null;
    try {
      const warnings: string[] = [];
      result.activities.push({ ...readActivity(node, iatiIdentifier, defaultCurrency, warnings), position });
      for (const message of warnings) result.warnings.push({ position, iatiIdentifier, message });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      result.problems.push({ position, iatiIdentifier, message: error.message });
    }
  });
  return result;
}

function readActivity(node: Node, iatiIdentifier: string | null, fileCurrency: string | null, warnings: string[]): IatiActivity {
  if (!iatiIdentifier) throw new InvalidInputError("no iati-identifier");
  if (iatiIdentifier.length > 200) throw new InvalidInputError("iati-identifier longer than 200 characters");
  const title = narrative(node["title"]);
  if (!title) throw new InvalidInputError("no title narrative");
  const descriptions = list(node, "description");
  const general = descriptions.find((d) => (attr(d, "type") ?? "1") === "1") ?? descriptions[0];
  const orgs = list(node, "participating-org");
  const byRole = (role: string) => [...new Set(orgs.filter((o) => attr(o, "role") === role).map(orgName).filter((n): n is string => !!n))];
  const countries = list(node, "recipient-country").map((c) => (attr(c, "code") ?? "").toUpperCase());
  if (countries.some((c) => !/^[A-Z]{2}$/.test(c))) throw new InvalidInputError("a recipient-country code is not two letters (ISO 3166-1 alpha-2)");
  const regions = list(node, "recipient-region").map((r) => {
    const name = narrative(r);
    const code = attr(r, "code");
    return name && code ? `${name} (${code})` : name || code;
  });
  const dates = new Map(list(node, "activity-date").map((d) => [attr(d, "type"), attr(d, "iso-date")]));
  const dateOf = (type: string) => {
    const value = dates.get(type);
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.slice(0, 10))) throw new InvalidInputError(`activity-date type ${type}: not an ISO date "${value}"`);
    return parsePartialDate(value.slice(0, 10));
  };
  const start = dateOf("2") ?? dateOf("1");
  const end = dateOf("4") ?? dateOf("3");
  const { budget, currency } = readBudget(node, attr(node, "default-currency") ?? fileCurrency, warnings);
  return {
    iatiIdentifier,
    title: title.slice(0, 500),
    description: general ? narrative(general) || null : null,
    funders: byRole("1"),
    implementers: byRole("4"),
    recipientCountries: [...new Set(countries)],
    region: regions.filter(Boolean).join("; ") || null,
    start,
    end,
    budget,
    currency,
  };
}

/**
 * The total budget: revised budgets (type 2) when the activity has any, otherwise original ones (type 1), summed
 * over periods in cents so no float rounding creeps in. Budgets in several currencies are not added up.
 */
function readBudget(node: Node, defaultCurrency: string | null, warnings: string[]): { budget: string | null; currency: string | null } {
  const budgets = list(node, "budget");
  if (budgets.length === 0) return { budget: null, currency: null };
  const revised = budgets.filter((b) => attr(b, "type") === "2");
  const chosen = revised.length ? revised : budgets;
  let cents = 0n;
  const currencies = new Set<string>();
  for (const b of chosen) {
    const value = b["value"];
    const amount = text(value);
    if (!/^-?\d+(\.\d{1,2})?$/.test(amount)) throw new InvalidInputError(`budget value "${amount}" is not a number with at most two decimals`);
    const [whole, fraction = ""] = amount.replace("-", "").split(".");
    cents += (BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"))) * (amount.startsWith("-") ? -1n : 1n);
    const currency = attr(value, "currency") ?? defaultCurrency;
    if (!currency || !/^[A-Z]{3}$/.test(currency)) throw new InvalidInputError("a budget value has no ISO 4217 currency (value/@currency or @default-currency)");
    currencies.add(currency);
  }
  if (currencies.size > 1) {
    warnings.push(`budgets in several currencies (${[...currencies].join(", ")}) are not added up: budget left empty`);
    return { budget: null, currency: null };
  }
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return { budget: `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`, currency: [...currencies][0]! };
}

/** A stable programme id from an IATI identifier: "iati-" and the identifier in lower-case slug form. */
export function programmeIdFromIati(iatiIdentifier: string): string {
  return `iati-${iatiIdentifier.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}`.slice(0, 200);
}

/** The programme an activity becomes; recipient countries not found among the States are reported, not guessed. */
export function programmeFromIati(activity: IatiActivity, iso3ByIso2: Map<string, string>): { programme: Omit<Programme, "itemIds" | "url" | "notes" | "confidence">; unknownCountries: string[] } {
  const unknownCountries = activity.recipientCountries.filter((c) => !iso3ByIso2.has(c));
  return {
    programme: {
      id: programmeIdFromIati(activity.iatiIdentifier),
      iatiIdentifier: activity.iatiIdentifier,
      title: activity.title,
      description: activity.description,
      funders: activity.funders,
      implementers: activity.implementers,
      beneficiaryStates: activity.recipientCountries.filter((c) => iso3ByIso2.has(c)).map((c) => iso3ByIso2.get(c)!),
      region: activity.region,
      start: activity.start,
      end: activity.end,
      budget: activity.budget,
      currency: activity.currency,
    },
    unknownCountries,
  };
}

/** Items a programme addresses with no published evidence in a beneficiary State: where support meets a gap. */
export function findProgrammeGaps(programme: Pick<Programme, "beneficiaryStates" | "itemIds">, evidencedItemsByState: Map<string, Set<string>>): { stateIso3: string; itemIds: string[] }[] {
  return programme.beneficiaryStates.map((stateIso3) => {
    const evidenced = evidencedItemsByState.get(stateIso3) ?? new Set<string>();
    return { stateIso3, itemIds: programme.itemIds.filter((id) => !evidenced.has(id)) };
  });
}

export const PROGRAMME_CSV_COLUMNS = ["id", "iati_identifier", "title", "funders", "implementers", "beneficiary_states", "region", "start", "end", "budget", "currency", "item_ids", "url", "confidence", "sources"] as const;

/** Programmes as CSV rows (lists joined with "; ", dates at their precision, sources as URLs or ids). */
export function programmeCsvRows(programmes: ProgrammeDetail[]): string[][] {
  const date = (d: PartialDate | null) => (d ? formatPartialDateIso(d) : "");
  return programmes.map((p) => [
    p.id,
    p.iatiIdentifier ?? "",
    p.title,
    p.funders.join("; "),
    p.implementers.join("; "),
    p.beneficiaryStates.join("; "),
    p.region ?? "",
    date(p.start),
    date(p.end),
    p.budget ?? "",
    p.currency ?? "",
    p.itemIds.join("; "),
    p.url ?? "",
    p.confidence,
    p.sources.map((s) => s.url ?? s.id).join("; "),
  ]);
}
