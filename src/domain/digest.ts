// The monthly digest: which of a period's records go in, under which section, and the Markdown draft an
// editor starts from. Pure: the period (and so "now") is passed in; the db layer gathers the records.
import { activityWithin, type ActivityFact } from "./activity.js";
import { InvalidInputError } from "./errors.js";
import { formatPartialDate, lastDayOf, type PartialDate } from "./partial-date.js";
import { symbolPath } from "./resolution.js";
import { digestMarkdown } from "./digest-markdown.js";
import type { DigestStatus, ProcessKind, ResolutionTopic } from "./vocabulary.js";

/** A digest period: [start, end) in ISO days, and the end (exclusive) of the "coming up" window after it. */
export interface DigestPeriod {
  /** URL key of the issue, e.g. "2020-01". */
  slug: string;
  start: string;
  end: string;
  horizonEnd: string;
}

export const DIGEST_UPCOMING_WEEKS = 6;

export const DIGEST_SECTIONS = [
  { id: "cybercrime", heading: "UN cybercrime convention" },
  { id: "first-committee", heading: "First Committee: OEWG and GGE" },
  { id: "regional-national", heading: "Regional and national" },
  { id: "capacity-building", heading: "Capacity building" },
  { id: "participation", heading: "Participation and deadlines" },
  { id: "other", heading: "Other" },
] as const;
export type DigestSectionId = (typeof DIGEST_SECTIONS)[number]["id"];

/** Headings of the sections a reader's themes stand for (theme topics share the sections' ids). */
export function themeHeadings(topics: readonly string[]): string[] {
  return DIGEST_SECTIONS.filter((s) => topics.includes(s.id)).map((s) => s.heading);
}

/** What decides a record's section: the kind of the process it belongs to, or its resolution topic. */
export interface DigestTheme {
  processKind: ProcessKind | null;
  topic: ResolutionTopic | null;
}

export interface DigestLink {
  title: string;
  /** Site path (relative) or absolute URL of a source. */
  url: string;
}

/** The records of a period and the weeks after it, as the db layer gathers them (a superset is fine). */
export interface DigestRecords {
  updates: {
    slug: string;
    title: string;
    summary: string;
    publishedOn: string;
    links: DigestLink[];
    theme: DigestTheme;
  }[];
  resolutions: {
    symbol: string;
    title: string | null;
    topic: ResolutionTopic;
    adoptedOn: string | null;
    adoptionNote: string | null;
    yes: number | null;
    no: number | null;
    abstain: number | null;
    source: DigestLink | null;
  }[];
  /** Totals from the vote's own record (as its source reports them, else as counted), cited to that record's source. */
  voteEvents: {
    id: string;
    symbol: string | null;
    title: string | null;
    date: string;
    yes: number;
    no: number;
    abstain: number;
    topic: ResolutionTopic | null;
    source: DigestLink | null;
  }[];
  documents: {
    slug: string;
    path: string;
    symbol: string | null;
    title: string;
    typeLabel: string;
    documentDate: string | null;
    version: number;
    ingestedOn: string;
    sourceUrl: string | null;
    theme: DigestTheme;
  }[];
  sessions: {
    id: string;
    name: string;
    processShortName: string;
    processKind: ProcessKind;
    start: PartialDate | null;
    end: PartialDate | null;
    venue: string | null;
    source: DigestLink | null;
  }[];
  deadlines: {
    id: string;
    title: string;
    processShortName: string;
    kindLabel: string;
    opens: PartialDate | null;
    closes: PartialDate | null;
    source: DigestLink | null;
  }[];
  stakeholderActions: {
    id: string;
    title: string;
    kindLabel: string;
    processId: string | null;
    processShortName: string | null;
    actedOn: PartialDate | null;
    signatoryCount: string | null;
    source: DigestLink | null;
  }[];
  /**
   * Evidence, instruments and programmes of the period: by their own date (adopted, observed, started) when it is known to
   * the day or month, else by the day they were published (audit log). `precision` is the own date's ("month": no day shown).
   */
  implementation: {
    kind: "evidence" | "instrument" | "programme";
    id: string;
    title: string;
    publishedOn: string;
    precision?: PartialDate["precision"];
    path: string;
    source: DigestLink | null;
  }[];
  /** Dated facts derived from the data (domain/activity.ts); the digest adds those no other list covers (positions, treaty actions). */
  activity: ActivityFact[];
}

export type DigestItemKind =
  | "update"
  | "resolution"
  | "vote-event"
  | "document"
  | "session-held"
  | "session-upcoming"
  | "deadline"
  | "stakeholder-action"
  | "evidence"
  | "instrument"
  | "programme"
  | "legal-position"
  | "treaty-action";

export interface DigestItem {
  kind: DigestItemKind;
  /** e.g. "Resolution adopted", "Coming up". */
  label: string;
  /** Human date text at the precision the source gives. */
  when: string;
  /** ISO day for ordering. */
  sortKey: string;
  title: string;
  /** The record's page on this site (relative). */
  path: string;
  detail: string | null;
  /** Further pages on this site: the full text, the vote, linked records. */
  links: DigestLink[];
  source: DigestLink | null;
  /** The source of the vote totals in `detail`, when they come from a recorded vote (its own record, not the resolution's). */
  voteSource?: DigestLink | null;
}

export interface DigestSection {
  id: DigestSectionId;
  heading: string;
  items: DigestItem[];
}

export interface ComposedDigest {
  title: string;
  intro: string;
  sections: DigestSection[];
  markdown: string;
}

/** One stored issue of the digest (table digest_issues). */
export interface DigestIssue {
  id: number;
  slug: string;
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  title: string;
  bodyMarkdown: string;
  status: DigestStatus;
  composedAt: Date;
  updatedAt: Date;
  updatedBy: number | null;
  publishedAt: Date | null;
  publishedBy: number | null;
}

/** An editor's edit of an issue, checked before it is stored. */
export function validateDigestEdit(input: { title: string; bodyMarkdown: string }): {
  title: string;
  bodyMarkdown: string;
} {
  const issues: { path: string; message: string }[] = [];
  const title = input.title.replace(/\s+/g, " ").trim();
  if (title === "") issues.push({ path: "title", message: "a title is required" });
  if (title.length > 200) issues.push({ path: "title", message: "at most 200 characters" });
  if (input.bodyMarkdown.trim() === "") issues.push({ path: "bodyMarkdown", message: "the issue needs a body" });
  if (input.bodyMarkdown.length > 100_000) issues.push({ path: "bodyMarkdown", message: "at most 100,000 characters" });
  if (issues.length > 0) throw new InvalidInputError("invalid digest issue", issues);
  return { title, bodyMarkdown: input.bodyMarkdown.replace(/\r\n?/g, "\n") };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The period of a month ("2020-01"): its first day, the next month's first day, and the weeks after. */
export function monthPeriod(month: string, upcomingWeeks = DIGEST_UPCOMING_WEEKS): DigestPeriod {
  const match = MONTH.exec(month.trim());
  if (!match)
    throw new InvalidInputError(`not a month (YYYY-MM): "${month}"`, [
      { path: "month", message: "a month as YYYY-MM" },
    ]);
  const [year, mon] = [Number(match[1]), Number(match[2])];
  const start = `${match[1]}-${match[2]}-01`;
  const end = new Date(Date.UTC(year, mon, 1)).toISOString().slice(0, 10);
  return { slug: `${match[1]}-${match[2]}`, start, end, horizonEnd: addDays(end, upcomingWeeks * 7) };
}

/** Every month from `from` to `to` inclusive ("2019-01" … "2026-11"), for drafting a range in one go. */
export function monthsBetween(from: string, to: string): string[] {
  const [first, last] = [monthPeriod(from), monthPeriod(to)];
  if (first.start > last.start)
    throw new InvalidInputError(`the range starts after it ends: ${first.slug} to ${last.slug}`, [
      { path: "from", message: "a month on or before --to" },
    ]);
  const out: string[] = [];
  for (let day = first.start; day <= last.start; day = monthPeriod(day.slice(0, 7)).end) out.push(day.slice(0, 7));
  return out;
}

/** The section of a record: cybercrime (AHC, cybercrime resolutions), First Committee (GGE, OEWG, mechanism), else the fallback. */
export function sectionOf(theme: DigestTheme, fallback: DigestSectionId = "other"): DigestSectionId {
  if (theme.processKind === "ahc") return "cybercrime";
  if (theme.processKind) return "first-committee";
  if (theme.topic === "cybercrime" || theme.topic === "cybercrime-related") return "cybercrime";
  if (theme.topic === "ict-security") return "first-committee";
  return fallback;
}

/** A partial date entirely inside [start, end): a month-precision date counts for its month, a year never for a month. */
function isWithin(value: PartialDate | null, start: string, end: string): value is PartialDate {
  return value !== null && value.date >= start && lastDayOf(value) < end;
}

function isDayWithin(day: string | null, start: string, end: string): day is string {
  return day !== null && day >= start && day < end;
}

function formatDay(day: string): string {
  return formatPartialDate({ date: day, precision: "day" });
}

/** "9–13 December 2019", "30 March – 2 April 2026", or one date at its precision. */
export function formatSpan(start: PartialDate, end: PartialDate | null): string {
  if (!end || (end.date === start.date && end.precision === start.precision)) return formatPartialDate(start);
  if (start.precision === "day" && end.precision === "day" && start.date.slice(0, 7) === end.date.slice(0, 7)) {
    return `${Number(start.date.slice(8, 10))}–${formatPartialDate(end)}`;
  }
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}

function tally(yes: number | null, no: number | null, abstain: number | null): string | null {
  return yes === null ? null : `${yes} in favour, ${no ?? 0} against, ${abstain ?? 0} abstentions`;
}

function sessionItems(records: DigestRecords, period: DigestPeriod): [DigestSectionId, DigestItem][] {
  const out: [DigestSectionId, DigestItem][] = [];
  for (const s of records.sessions) {
    if (!s.start || s.start.precision === "year") continue;
    const last = lastDayOf(s.end ?? s.start);
    const isHeld = s.start.date < period.end && last >= period.start;
    const isUpcoming = s.start.date >= period.end && s.start.date < period.horizonEnd;
    if (!isHeld && !isUpcoming) continue;
    const item: DigestItem = {
      kind: isHeld ? "session-held" : "session-upcoming",
      label: isHeld ? "Session" : "Coming up",
      when: formatSpan(s.start, s.end),
      sortKey: s.start.date,
      title: s.name,
      path: `/sessions/${s.id}`,
      detail: [s.processShortName, s.venue].filter(Boolean).join(", "),
      links: [],
      source: s.source,
    };
    out.push([sectionOf({ processKind: s.processKind, topic: null }), item]);
  }
  return out;
}

function resolutionItems(records: DigestRecords, period: DigestPeriod): [DigestSectionId, DigestItem][] {
  const out: [DigestSectionId, DigestItem][] = [];
  const adopted = records.resolutions.filter((r) => isDayWithin(r.adoptedOn, period.start, period.end));
  const symbols = new Set(adopted.map((r) => r.symbol));
  for (const r of adopted) {
    const vote = records.voteEvents.find((e) => e.id === r.symbol);
    const fullText = records.documents.find((d) => d.symbol === r.symbol);
    const counts = vote ? tally(vote.yes, vote.no, vote.abstain) : tally(r.yes, r.no, r.abstain);
    const links = [
      ...(fullText ? [{ title: "full text", url: fullText.path }] : []),
      ...(vote ? [{ title: "votes by State", url: `/votes/${symbolPath(vote.id)}` }] : []),
    ];
    const detail = [r.title, counts ? `recorded vote, ${counts}` : r.adoptionNote].filter(Boolean).join("; ");
    const item: DigestItem = {
      kind: "resolution",
      label: "Adopted",
      when: formatDay(r.adoptedOn!),
      sortKey: r.adoptedOn!,
      title: r.symbol,
      path: `/resolutions/${symbolPath(r.symbol)}`,
      detail: detail || null,
      links,
      source: r.source,
    };
    // Totals from the vote record are cited to it; totals from the resolution's own record (no vote record) to the resolution's source.
    out.push([sectionOf({ processKind: null, topic: r.topic }), vote ? { ...item, voteSource: vote.source } : item]);
  }
  for (const e of records.voteEvents) {
    if (
      !e.topic ||
      !isDayWithin(e.date, period.start, period.end) ||
      (e.symbol !== null && symbols.has(e.symbol) && e.id === e.symbol)
    )
      continue;
    const title = e.symbol ?? e.id;
    out.push([
      sectionOf({ processKind: null, topic: e.topic }),
      {
        kind: "vote-event",
        label: "Recorded vote",
        when: formatDay(e.date),
        sortKey: e.date,
        title,
        path: `/votes/${symbolPath(e.id)}`,
        detail: [e.title, tally(e.yes, e.no, e.abstain)].filter(Boolean).join("; "),
        links: [],
        source: e.source,
      },
    ]);
  }
  return out;
}

function documentItems(
  records: DigestRecords,
  period: DigestPeriod,
  resolutionSymbols: Set<string>,
): [DigestSectionId, DigestItem][] {
  const out: [DigestSectionId, DigestItem][] = [];
  for (const d of records.documents) {
    const isDated = isDayWithin(d.documentDate, period.start, period.end);
    const isIngested = isDayWithin(d.ingestedOn, period.start, period.end);
    const isAmended = d.version > 1 && isIngested;
    // A dated document is news in the month of its date, not in the month a corpus import stored it; an amendment is news when stored.
    if (!isDated && !isAmended && !(isIngested && d.documentDate === null)) continue;
    if (d.symbol && resolutionSymbols.has(d.symbol)) continue;
    const day = isAmended || !isDated ? d.ingestedOn : d.documentDate!;
    const label = isAmended
      ? `Amended ${d.typeLabel.toLowerCase()} (version ${d.version})`
      : `New ${d.typeLabel.toLowerCase()}`;
    out.push([
      sectionOf(d.theme),
      {
        kind: "document",
        label,
        when: formatDay(day),
        sortKey: day,
        title: d.symbol ?? d.title,
        path: d.path,
        detail: d.symbol ? d.title : null,
        links: [],
        source: d.sourceUrl ? { title: "source", url: d.sourceUrl } : null,
      },
    ]);
  }
  return out;
}

function participationItems(records: DigestRecords, period: DigestPeriod): [DigestSectionId, DigestItem][] {
  const out: [DigestSectionId, DigestItem][] = [];
  for (const d of records.deadlines) {
    const closes = isWithin(d.closes, period.start, period.horizonEnd) ? d.closes : null;
    const opens = isWithin(d.opens, period.start, period.end) ? d.opens : null;
    const at = closes ?? opens;
    if (!at) continue;
    const label = closes ? (closes.date >= period.end ? "Deadline coming up" : "Deadline closed") : "Deadline opened";
    out.push([
      "participation",
      {
        kind: "deadline",
        label,
        when: formatPartialDate(at),
        sortKey: at.date,
        title: d.title,
        path: `/participation/deadlines/${d.id}`,
        detail: `${d.kindLabel}, ${d.processShortName}`,
        links: [],
        source: d.source,
      },
    ]);
  }
  for (const a of records.stakeholderActions) {
    if (!isWithin(a.actedOn, period.start, period.end)) continue;
    const detail = [a.kindLabel, a.processShortName, a.signatoryCount ? `signatories: ${a.signatoryCount}` : null]
      .filter(Boolean)
      .join(", ");
    const path = a.processId ? `/participation/processes/${a.processId}` : "/participation";
    out.push([
      "participation",
      {
        kind: "stakeholder-action",
        label: "Stakeholders",
        when: formatPartialDate(a.actedOn),
        sortKey: a.actedOn.date,
        title: a.title,
        path,
        detail,
        links: [],
        source: a.source,
      },
    ]);
  }
  return out;
}

const IMPLEMENTATION_LABELS = {
  evidence: "New evidence",
  instrument: "New instrument",
  programme: "Capacity building",
} as const;

function otherItems(records: DigestRecords, period: DigestPeriod): [DigestSectionId, DigestItem][] {
  const out: [DigestSectionId, DigestItem][] = [];
  for (const u of records.updates) {
    if (!isDayWithin(u.publishedOn, period.start, period.end)) continue;
    out.push([
      sectionOf(u.theme),
      {
        kind: "update",
        label: "Update",
        when: formatDay(u.publishedOn),
        sortKey: u.publishedOn,
        title: u.title,
        path: `/updates/${u.slug}`,
        detail: u.summary || null,
        links: u.links,
        source: null,
      },
    ]);
  }
  for (const r of records.implementation) {
    if (!isDayWithin(r.publishedOn, period.start, period.end)) continue;
    const section = r.kind === "programme" ? "capacity-building" : "regional-national";
    const when = r.precision
      ? formatPartialDate({ date: r.publishedOn, precision: r.precision })
      : formatDay(r.publishedOn);
    out.push([
      section,
      {
        kind: r.kind,
        label: IMPLEMENTATION_LABELS[r.kind],
        when,
        sortKey: r.publishedOn,
        title: r.title,
        path: r.path,
        detail: null,
        links: [],
        source: r.source,
      },
    ]);
  }
  return out;
}

/** Positions on international law and treaty actions dated in the period (other facts have their own lists above). */
function activityItems(records: DigestRecords, period: DigestPeriod): [DigestSectionId, DigestItem][] {
  const out: [DigestSectionId, DigestItem][] = [];
  for (const f of activityWithin(records.activity, period.start, period.end)) {
    if (f.kind !== "legal-position" && f.kind !== "treaty-signature" && f.kind !== "treaty-consent") continue;
    const kind = f.kind === "legal-position" ? "legal-position" : "treaty-action";
    out.push([
      sectionOf(f.theme, "regional-national"),
      {
        kind,
        label: f.label,
        when: f.when,
        sortKey: f.date.date,
        title: f.title,
        path: f.path,
        detail: f.detail,
        links: [],
        source: f.source,
      },
    ]);
  }
  return out;
}

function monthName(period: DigestPeriod): string {
  return formatPartialDate({ date: period.start, precision: "month" });
}

/** Composes a digest from the period's records: items filtered to the period, grouped and ordered; deterministic. */
export function composeDigest(records: DigestRecords, period: DigestPeriod): ComposedDigest {
  const adopted = new Set(
    records.resolutions.filter((r) => isDayWithin(r.adoptedOn, period.start, period.end)).map((r) => r.symbol),
  );
  const placed = [
    ...resolutionItems(records, period),
    ...sessionItems(records, period),
    ...documentItems(records, period, adopted),
    ...participationItems(records, period),
    ...otherItems(records, period),
    ...activityItems(records, period),
  ];
  const isLater = (item: DigestItem) => (item.sortKey >= period.end ? 1 : 0);
  const sections = DIGEST_SECTIONS.map((s) => ({
    id: s.id,
    heading: s.heading,
    items: placed
      .filter(([id]) => id === s.id)
      .map(([, item]) => item)
      .sort(
        (a, b) =>
          isLater(a) - isLater(b) ||
          a.sortKey.localeCompare(b.sortKey) ||
          a.title.localeCompare(b.title) ||
          a.path.localeCompare(b.path),
      ),
  })).filter((s) => s.items.length > 0);
  const title = `Normwatch digest: ${monthName(period)}`;
  const intro = `What changed in UN cyber diplomacy in ${monthName(period)}, and what comes up until ${formatDay(addDays(period.horizonEnd, -1))}.`;
  return { title, intro, sections, markdown: digestMarkdown(title, intro, sections) };
}
