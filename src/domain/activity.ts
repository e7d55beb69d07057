// What happened, derived from dated facts (issue 16): a session held, a resolution adopted and its recorded vote,
// a first national strategy adopted, a position on international law published, a treaty signed or consented to.
// Pure: the db layer loads the rows (with each record's own sources); nothing here is stored or written by editors.
import type { DigestLink, DigestTheme } from "./digest.js";
import type { FeedEntry } from "./feeds-syndication.js";
import type { LegalPosition, TreatyAction } from "./international-law.js";
import { formatPartialDate, lastDayOf, type PartialDate } from "./partial-date.js";
import { symbolPath } from "./resolution.js";
import type { Source } from "./source.js";
import type { ProcessKind, ResolutionTopic, SourceKind } from "./vocabulary.js";

export const ACTIVITY_KINDS = [
  "session",
  "resolution",
  "vote",
  "strategy",
  "legal-position",
  "treaty-signature",
  "treaty-consent",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  session: "Session",
  resolution: "Resolution adopted",
  vote: "Recorded vote",
  strategy: "National strategy adopted",
  "legal-position": "Position on international law published",
  "treaty-signature": "Treaty signed",
  "treaty-consent": "Treaty ratified or acceded to",
};

/** One dated fact, as news on its own date, with the record it comes from and a source of that record that supports it. */
export interface ActivityFact {
  /** Stable across runs: kind and record id. */
  key: string;
  kind: ActivityKind;
  label: string;
  /** The fact's own date at its own precision (a year-only date is never placed on a month or day). */
  date: PartialDate;
  /** Human date text at that precision ("9–13 December 2019", "December 2019"). */
  when: string;
  title: string;
  /** The record's page on this site. */
  path: string;
  detail: string | null;
  /** A source of this very record that supports the fact; null when the record has none with an address. */
  source: DigestLink | null;
  theme: DigestTheme;
  /** States the fact is about (the strategy's, position's or treaty party's State), for alerts on a State. */
  stateIso3: string | null;
  processId: string | null;
  symbol: string | null;
}

/** The rows the stream is derived from, each with the record's own sources. */
export interface ActivityRows {
  sessions: {
    id: string;
    name: string;
    processId: string;
    processShortName: string;
    processKind: ProcessKind;
    start: PartialDate | null;
    end: PartialDate | null;
    venue: string | null;
    sources: Source[];
  }[];
  resolutions: {
    symbol: string;
    title: string | null;
    topic: ResolutionTopic;
    adoptedOn: string | null;
    adoptionNote: string | null;
    sources: Source[];
  }[];
  /** Recorded votes on resolutions we track; totals as the vote's own source reports or as counted from its votes. */
  votes: {
    id: string;
    symbol: string | null;
    title: string | null;
    date: string;
    topic: ResolutionTopic | null;
    yes: number;
    no: number;
    abstain: number;
    sources: Source[];
  }[];
  strategies: {
    id: string;
    stateIso3: string | null;
    stateName: string | null;
    title: string;
    adopted: PartialDate | null;
    sources: Source[];
  }[];
  positions: LegalPosition[];
  treatyActions: (TreatyAction & {
    treatyShortTitle: string;
    resolutionSymbol: string | null;
    processId: string | null;
  })[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "source";
  }
}

/**
 * The source to cite for a fact: the first of the record's own sources with an address, in the order of kinds given
 * (a resolution's adoption: its own document first; a vote: the vote dataset). Never a source of another record.
 */
export function citeSource(
  list: readonly Source[],
  kinds: readonly SourceKind[] = ["document", "web-page", "dataset"],
): DigestLink | null {
  const withUrl = list.filter((s) => s.url);
  const best = kinds.map((k) => withUrl.find((s) => s.kind === k)).find(Boolean);
  if (!best) return null;
  // Web-page sources are often titled with their own address: show the host instead.
  const isTitled = /\s/.test(best.title) && best.title.length <= 100;
  return { title: isTitled ? best.title : best.kind === "document" ? best.title : hostOf(best.url!), url: best.url! };
}

function tally(yes: number, no: number, abstain: number): string {
  return `${yes} in favour, ${no} against, ${abstain} abstentions`;
}

function span(start: PartialDate, end: PartialDate | null): string {
  if (!end || (end.date === start.date && end.precision === start.precision)) return formatPartialDate(start);
  if (start.precision === "day" && end.precision === "day" && start.date.slice(0, 7) === end.date.slice(0, 7))
    return `${Number(start.date.slice(8, 10))}–${formatPartialDate(end)}`;
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}

const NO_THEME: DigestTheme = { processKind: null, topic: null };

/** Every dated fact of the rows, oldest first (ties by key). Facts without a date are left out: they are not news on any day. */
export function deriveActivity(rows: ActivityRows): ActivityFact[] {
  const out: ActivityFact[] = [];
  const base = { stateIso3: null, processId: null, symbol: null, detail: null } as const;
  for (const s of rows.sessions) {
    if (!s.start) continue;
    out.push({
      ...base,
      key: `session:${s.id}`,
      kind: "session",
      label: ACTIVITY_LABELS.session,
      date: s.start,
      when: span(s.start, s.end),
      title: s.name,
      path: `/sessions/${s.id}`,
      detail: [s.processShortName, s.venue].filter(Boolean).join(", ") || null,
      source: citeSource(s.sources, ["document", "web-page", "dataset"]),
      theme: { processKind: s.processKind, topic: null },
      processId: s.processId,
    });
  }
  for (const r of rows.resolutions) {
    if (!r.adoptedOn) continue;
    const date: PartialDate = { date: r.adoptedOn, precision: "day" };
    out.push({
      ...base,
      key: `resolution:${r.symbol}`,
      kind: "resolution",
      label: ACTIVITY_LABELS.resolution,
      date,
      when: formatPartialDate(date),
      title: r.symbol,
      path: `/resolutions/${symbolPath(r.symbol)}`,
      detail: [r.title, r.adoptionNote].filter(Boolean).join("; ") || null,
      source: citeSource(r.sources, ["document", "dataset"]),
      theme: { processKind: null, topic: r.topic },
      symbol: r.symbol,
    });
  }
  for (const v of rows.votes) {
    const date: PartialDate = { date: v.date, precision: "day" };
    out.push({
      ...base,
      key: `vote:${v.id}`,
      kind: "vote",
      label: ACTIVITY_LABELS.vote,
      date,
      when: formatPartialDate(date),
      title: v.symbol ?? v.id,
      path: `/votes/${symbolPath(v.id)}`,
      detail: [v.title, tally(v.yes, v.no, v.abstain)].filter(Boolean).join("; "),
      source: citeSource(v.sources, ["dataset", "document"]),
      theme: { processKind: null, topic: v.topic },
      symbol: v.symbol,
    });
  }
  for (const s of rows.strategies) {
    if (!s.adopted) continue;
    out.push({
      ...base,
      key: `strategy:${s.id}`,
      kind: "strategy",
      label: ACTIVITY_LABELS.strategy,
      date: s.adopted,
      when: formatPartialDate(s.adopted),
      title: s.stateName ? `${s.stateName}: ${s.title}` : s.title,
      path: `/instruments/${encodeURIComponent(s.id)}`,
      source: citeSource(s.sources),
      theme: NO_THEME,
      stateIso3: s.stateIso3,
    });
  }
  for (const p of rows.positions) {
    out.push({
      ...base,
      key: `legal-position:${p.id}`,
      kind: "legal-position",
      label: ACTIVITY_LABELS["legal-position"],
      date: p.publishedOn,
      when: formatPartialDate(p.publishedOn),
      title: `${p.actorName}: ${p.title}`,
      path: `/international-law#${encodeURIComponent(p.id)}`,
      detail: p.context || null,
      source: citeSource(p.sources),
      theme: NO_THEME,
      stateIso3: p.stateIso3,
    });
  }
  for (const a of rows.treatyActions) {
    const theme: DigestTheme = {
      processKind: a.processId ? "ahc" : null,
      topic: a.resolutionSymbol ? "cybercrime" : null,
    };
    const common = {
      ...base,
      path: `/treaties/${encodeURIComponent(a.treatyId)}`,
      source: citeSource(a.sources),
      theme,
      stateIso3: a.stateIso3,
      processId: a.processId,
      symbol: a.resolutionSymbol,
    };
    if (a.signedOn)
      out.push({
        ...common,
        key: `treaty-signature:${a.id}`,
        kind: "treaty-signature",
        label: ACTIVITY_LABELS["treaty-signature"],
        date: a.signedOn,
        when: formatPartialDate(a.signedOn),
        title: `${a.partyName} signed the ${a.treatyShortTitle}`,
      });
    if (a.consentOn)
      out.push({
        ...common,
        key: `treaty-consent:${a.id}`,
        kind: "treaty-consent",
        label: ACTIVITY_LABELS["treaty-consent"],
        date: a.consentOn,
        when: formatPartialDate(a.consentOn),
        title: `${a.partyName}: ${a.kind} of the ${a.treatyShortTitle}`,
      });
  }
  return out.sort((a, b) => a.date.date.localeCompare(b.date.date) || a.key.localeCompare(b.key));
}

/** Facts whose own date lies wholly inside [start, end): a month-precision fact counts for its month, a year-only fact for no month. */
export function activityWithin(facts: readonly ActivityFact[], start: string, end: string): ActivityFact[] {
  return facts.filter((f) => f.date.precision !== "year" && f.date.date >= start && lastDayOf(f.date) < end);
}

/** The latest facts up to `today` (day or month precision, whole month past or current), newest first. */
export function latestActivity(facts: readonly ActivityFact[], today: string, limit: number): ActivityFact[] {
  return facts
    .filter((f) => f.date.precision !== "year" && f.date.date <= today)
    .sort((a, b) => b.date.date.localeCompare(a.date.date) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** Facts known to the day, for feeds and alerts, which need a day: month- and year-only facts are not placed on one. */
export function activityOnDays(facts: readonly ActivityFact[]): ActivityFact[] {
  return facts.filter((f) => f.date.precision === "day");
}

/**
 * Feed entries of facts known to the day (a feed entry needs a day; month- and year-only facts stay off feeds).
 * Resolutions adopted are left out: feeds list them already as resolutions. Each entry's id is its record's page
 * with the fact's key as fragment, since several facts share a page (a treaty's signatures).
 */
export function activityFeedEntries(facts: readonly ActivityFact[]): FeedEntry[] {
  return activityOnDays(facts)
    .filter((f) => f.kind !== "resolution")
    .map((f) => ({
      title: f.title,
      path: f.path.includes("#") ? f.path : `${f.path}#${encodeURIComponent(f.key)}`,
      date: new Date(`${f.date.date}T00:00:00Z`),
      summary: [
        `${f.label}, ${f.when}.`,
        f.detail ? `${f.detail}.` : null,
        f.source ? `Source: ${f.source.title} (${f.source.url}).` : "No source with an address.",
        "Derived from the data, not written by an editor.",
      ]
        .filter(Boolean)
        .join(" "),
      contentHtml: null,
      category: `From the data: ${f.label}`,
    }));
}
