// Reads an IATI activity file (standard 2.0x: iati-activities/iati-activity) into activities, and an activity into a
// capacity-building programme (domain/programme.ts). Untrusted XML: no DOCTYPE or entity declarations are accepted
// and only the five predefined entities and character references are decoded.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { InvalidInputError } from "../../domain/errors.js";
import { parsePartialDate, type PartialDate } from "../../domain/partial-date.js";
import type { Programme } from "../../domain/programme.js";

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

const REPEATED = new Set([
  "iati-activity",
  "narrative",
  "participating-org",
  "recipient-country",
  "recipient-region",
  "activity-date",
  "budget",
  "description",
]);
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

const text = (value: unknown): string =>
  decode(
    typeof value === "string"
      ? value
      : typeof value === "object" && value && "#text" in value
        ? String((value as Node)["#text"])
        : "",
  )
    .replace(/\s+/g, " ")
    .trim();
const attr = (node: unknown, name: string): string | null => {
  const v = typeof node === "object" && node ? (node as Node)[`@${name}`] : undefined;
  return typeof v === "string" && v.trim() ? decode(v).trim() : null;
};
const list = (node: unknown, name: string): Node[] =>
  ((typeof node === "object" && node ? (node as Node)[name] : undefined) as Node[] | undefined) ?? [];

/**
 * The narrative in English, else the first one (IATI gives one narrative per language). A narrative without
 * xml:lang is in the activity's default language (`lang`).
 */
function narrativeIn(node: unknown, lang: string | null): string {
  const all = list(node, "narrative");
  const english = all.find((n) => (attr(n, "xml:lang") ?? lang)?.toLowerCase().split("-")[0] === "en");
  return text(english ?? all[0] ?? "");
}

function orgName(org: Node, lang: string | null): string | null {
  return narrativeIn(org, lang) || attr(org, "ref");
}

/** Parses the whole file; throws InvalidInputError for XML that is unsafe, not well formed or not IATI activities. */
export function parseIatiActivities(xml: string): IatiParseResult {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new InvalidInputError("XML with a document type declaration (DOCTYPE/ENTITY) is refused");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InvalidInputError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = parser.parse(xml) as Node;
  const container = root["iati-activities"];
  const activities = container !== undefined ? list(container, "iati-activity") : list(root, "iati-activity");
  if (activities.length === 0)
    throw new InvalidInputError("no iati-activity element found (expected an IATI activity file)");
  const result: IatiParseResult = { activities: [], problems: [], warnings: [] };
  const defaultCurrency = attr(container, "default-currency");
  const fileLanguage = attr(container, "xml:lang") ?? attr(container, "default-language");
  activities.forEach((node, i) => {
    const position = i + 1;
    const iatiIdentifier = text(node["iati-identifier"]) || null;
    try {
      const warnings: string[] = [];
      result.activities.push({
        ...readActivity(node, iatiIdentifier, { currency: defaultCurrency, language: fileLanguage }, warnings),
        position,
      });
      for (const message of warnings) result.warnings.push({ position, iatiIdentifier, message });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      result.problems.push({ position, iatiIdentifier, message: error.message });
    }
  });
  return result;
}

function readActivity(
  node: Node,
  iatiIdentifier: string | null,
  fileDefaults: { currency: string | null; language: string | null },
  warnings: string[],
): IatiActivity {
  if (!iatiIdentifier) throw new InvalidInputError("no iati-identifier");
  if (iatiIdentifier.length > 200) throw new InvalidInputError("iati-identifier longer than 200 characters");
  // The activity's default language: @xml:lang (IATI 2.0x), @default-language (older files), else the file's.
  const lang = attr(node, "xml:lang") ?? attr(node, "default-language") ?? fileDefaults.language;
  const narrative = (n: unknown) => narrativeIn(n, lang);
  const title = narrative(node["title"]);
  if (!title) throw new InvalidInputError("no title narrative");
  const descriptions = list(node, "description");
  const general = descriptions.find((d) => (attr(d, "type") ?? "1") === "1") ?? descriptions[0];
  const orgs = list(node, "participating-org");
  const byRole = (role: string) => [
    ...new Set(
      orgs
        .filter((o) => attr(o, "role") === role)
        .map((o) => orgName(o, lang))
        .filter((n): n is string => !!n),
    ),
  ];
  const countries = list(node, "recipient-country").map((c) => (attr(c, "code") ?? "").toUpperCase());
  if (countries.some((c) => !/^[A-Z]{2}$/.test(c)))
    throw new InvalidInputError("a recipient-country code is not two letters (ISO 3166-1 alpha-2)");
  const regions = list(node, "recipient-region").map((r) => {
    const name = narrative(r);
    const code = attr(r, "code");
    return name && code ? `${name} (${code})` : name || code;
  });
  const dates = new Map(list(node, "activity-date").map((d) => [attr(d, "type"), attr(d, "iso-date")]));
  const dateOf = (type: string) => {
    const value = dates.get(type);
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.slice(0, 10)))
      throw new InvalidInputError(`activity-date type ${type}: not an ISO date "${value}"`);
    return parsePartialDate(value.slice(0, 10));
  };
  const start = dateOf("2") ?? dateOf("1");
  const end = dateOf("4") ?? dateOf("3");
  const { budget, currency } = readBudget(node, attr(node, "default-currency") ?? fileDefaults.currency, warnings);
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

/** An xsd:decimal ("1000", "-2.5", "+.75", "1000.125"), the form IATI budget values take. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal as an integer count of 10^-scale units, exactly (no float). */
function toUnits(amount: string, scale: number): bigint {
  const sign = amount.startsWith("-") ? -1n : 1n;
  const [whole = "", fraction = ""] = amount.replace(/^[+-]/, "").split(".");
  return sign * BigInt(`${whole || "0"}${fraction.padEnd(scale, "0")}`);
}

/** Units of 10^-scale rounded half away from zero to cents, as decimal text with two decimals. */
function centsText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const divisor = 10n ** BigInt(scale - 2);
  const cents = (abs + divisor / 2n) / divisor;
  return `${negative && cents > 0n ? "-" : ""}${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

interface BudgetLine {
  type: string;
  start: string | null;
  end: string | null;
  amount: string;
  currency: string;
}

/** Whether two budget periods overlap (the same period when either lacks dates). */
function overlaps(a: BudgetLine, b: BudgetLine): boolean {
  if (!a.start || !a.end || !b.start || !b.end) return a.start === b.start && a.end === b.end;
  return a.start <= b.end && b.start <= a.end;
}

/**
 * The total budget over all periods. A revised budget (type 2) replaces the original (type 1) of the period it
 * covers; periods that were never revised keep their original budget. Summed exactly, then rounded to cents (the
 * stored precision) with a warning when that changes the value. Budgets in several currencies are not added up.
 */
function readBudget(
  node: Node,
  defaultCurrency: string | null,
  warnings: string[],
): { budget: string | null; currency: string | null } {
  const lines: BudgetLine[] = list(node, "budget").map((b) => {
    const value = b["value"];
    const amount = text(value);
    if (!DECIMAL.test(amount)) throw new InvalidInputError(`budget value "${amount}" is not a decimal number`);
    const currency = attr(value, "currency") ?? defaultCurrency;
    if (!currency || !/^[A-Z]{3}$/.test(currency))
      throw new InvalidInputError("a budget value has no ISO 4217 currency (value/@currency or @default-currency)");
    const date = (name: string) => attr(b[name], "iso-date")?.slice(0, 10) ?? null;
    return { type: attr(b, "type") ?? "1", start: date("period-start"), end: date("period-end"), amount, currency };
  });
  if (lines.length === 0) return { budget: null, currency: null };
  const revised = lines.filter((l) => l.type === "2");
  const counted = [...revised, ...lines.filter((l) => l.type !== "2" && !revised.some((r) => overlaps(l, r)))];
  const currencies = new Set(counted.map((l) => l.currency));
  if (currencies.size > 1) {
    warnings.push(`budgets in several currencies (${[...currencies].join(", ")}) are not added up: budget left empty`);
    return { budget: null, currency: null };
  }
  const scale = Math.max(2, ...counted.map((l) => l.amount.split(".")[1]?.length ?? 0));
  const total = counted.reduce((sum, l) => sum + toUnits(l.amount, scale), 0n);
  const budget = centsText(total, scale);
  if (toUnits(budget, scale) !== total)
    warnings.push(`budget total ${formatUnits(total, scale)} rounded to ${budget} (two decimals are stored)`);
  return { budget, currency: [...currencies][0]! };
}

function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A stable programme id from an IATI identifier: "iati-" and the identifier in lower-case slug form. */
export function programmeIdFromIati(iatiIdentifier: string): string {
  return `iati-${iatiIdentifier
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")}`.slice(0, 200);
}

/** The programme an activity becomes; recipient countries not found among the States are reported, not guessed. */
export function programmeFromIati(
  activity: IatiActivity,
  iso3ByIso2: Map<string, string>,
): { programme: Omit<Programme, "itemIds" | "url" | "notes" | "confidence">; unknownCountries: string[] } {
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
