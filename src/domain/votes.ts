// Vote events and votes as the rest of the code sees them, the one-character vote codes, totals and symbols.
import { normalizeSymbol, resolutionSymbolFromShortForm } from "./symbols.js";
import type { MotionKind, ResolutionTopic, UnRegionalGroup, VoteOption } from "./vocabulary.js";

/** One character per voter in a stored vote vector; "-" means the source has no data for that voter. */
export const VOTE_CODE_OF: Record<VoteOption, string> = { yes: "Y", no: "N", abstain: "A", absent: "X" };
export const NO_DATA = "-";
const OPTION_OF: Record<string, VoteOption> = { Y: "yes", N: "no", A: "abstain", X: "absent" };

export function voteOptionOf(code: string | undefined): VoteOption | null {
  return code ? (OPTION_OF[code] ?? null) : null;
}

export interface VoteTotals {
  yes: number;
  no: number;
  abstain: number;
}

export interface CountedTotals extends VoteTotals {
  absent: number;
}

/** Counts the positions in a vote vector. */
export function countVotes(vector: string): CountedTotals {
  const totals = { yes: 0, no: 0, abstain: 0, absent: 0 };
  for (let i = 0; i < vector.length; i++) {
    const option = OPTION_OF[vector[i]!];
    if (option) totals[option]++;
  }
  return totals;
}

/** True when both totals are known and differ (an official count that the listed names do not reproduce). */
export function hasTotalsMismatch(reported: VoteTotals | null, counted: CountedTotals): boolean {
  return (
    reported !== null &&
    (reported.yes !== counted.yes || reported.no !== counted.no || reported.abstain !== counted.abstain)
  );
}

export interface Voter {
  code: string;
  position: number;
  name: string;
  stateIso3: string | null;
  isHistorical: boolean;
  sourceCodes: string[];
  note: string | null;
}

export interface VoteEventSponsor {
  /** Name as the UN prints it. */
  name: string;
  /** Voter code when the name is a State; null for entries that are not (e.g. "submitted by the Chair"). */
  code: string | null;
  isAdditional: boolean;
}

export interface VoteEventCrossCheck {
  otherSource: "voeten-unvotes";
  voetenRcid: number;
  /** Voters with a yes/no/abstain position in both sources. */
  compared: number;
  disagreements: { voter: string; unxml: VoteOption | null; voeten: VoteOption | null }[];
}

export interface VoteEventSummary {
  id: string;
  symbol: string | null;
  sourceSymbol: string | null;
  date: string;
  session: number;
  specialSession: string | null;
  body: string;
  motionKind: MotionKind;
  title: string | null;
  /** Totals as officially reported: from the UN's record of the vote, or from the cyber fact base (which cites its source). */
  reported: VoteTotals | null;
  reportedBy: "un-record" | "fact-base" | null;
  /** Totals counted from the per-voter positions. */
  counted: CountedTotals;
  hasTotalsMismatch: boolean;
  /** Topic of the resolution in the cyber fact base, when the event is a vote on one. */
  cyberTopic: ResolutionTopic | null;
  sourceIds: string[];
}

export interface VoteEvent extends VoteEventSummary {
  description: string | null;
  votes: string;
  sponsors: VoteEventSponsor[];
  voetenRcid: number | null;
  issueCodes: string[];
  isImportantVote: boolean | null;
  crossCheck: VoteEventCrossCheck | null;
}

/** One voter's position in one event, with what the page and CSV need about the voter. */
export interface VoterPosition {
  code: string;
  name: string;
  stateIso3: string | null;
  isoNumeric: string | null;
  unRegionalGroup: UnRegionalGroup | null;
  vote: VoteOption;
}

export interface VoteEventFilter {
  isCyberOnly?: boolean | undefined;
  session?: number | undefined;
  sessionFrom?: number | undefined;
  sessionTo?: number | undefined;
  /** Words, each matching the symbol, title or description, or the cyber fact base's title, summary or topic. */
  query?: string | undefined;
}

/** A State's move between two vote events, e.g. yes → abstain. */
export interface VoteShift {
  code: string;
  name: string;
  from: VoteOption | null;
  to: VoteOption | null;
}

/** Lists the voters whose position differs between two vectors (both over the same voters). */
export function listVoteShifts(voters: Pick<Voter, "code" | "name" | "position">[], a: string, b: string): VoteShift[] {
  const shifts: VoteShift[] = [];
  for (const v of voters) {
    const from = voteOptionOf(a[v.position]);
    const to = voteOptionOf(b[v.position]);
    if (from === to || (from === null && to === null)) continue;
    shifts.push({ code: v.code, name: v.name, from, to });
  }
  return shifts;
}

const ROMAN: [number, string][] = [
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function toRoman(n: number): string {
  let out = "";
  for (const [value, numeral] of ROMAN) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** Voeten's `unres` numbers are resolution numbers from session 18 (R/18/1881 = 1881(XVIII)); before, they are not. */
const FIRST_SESSION_OF_RESOLUTION_NUMBERS = 18;
/** Emergency special sessions ES-1 to ES-5 numbered their resolutions in the regular series (1004(ES-II)); from ES-6 (1980), ES-6/1. */
const FIRST_NUMBERED_EMERGENCY_SESSION = 6;
/** Special sessions S-1 to S-7 numbered their resolutions in the regular series (3201(S-VI)); from S-8 (1978), S-8/1. */
const FIRST_NUMBERED_SPECIAL_SESSION = 8;
/** From session 31 decisions are numbered from 301; resolution numbers first passed 300 in session 57 (57/300). */
const LAST_SESSION_OF_DECISIONS_ABOVE_300 = 56;

/**
 * Turns a Voeten resolution code into a UN document symbol: R/73/27 → A/RES/73/27, R/54/54D → A/RES/54/54 D,
 * ESS/10/2 → A/RES/ES-10/2, SS/12/1 → A/RES/S-12/1, R/26/2758 → A/RES/2758(XXVI) (sessions 18–30 numbered
 * resolutions consecutively). Returns null where the UN form is not known with certainty, and never builds one from a
 * number that is not a resolution number: Voeten's numbers of sessions 1–17 (R/7/69 is a 1952 apartheid vote, not
 * resolution 69(VII)) and of special and emergency special sessions before the 1976 numbering (SS/1/175,
 * ESS/5/41) are not the UN's; lettered codes before 1976 are ambiguous; decisions (R/39/412, isDecisionVote) have no
 * symbol the sources give. `rollCallSession` is the session the roll call belongs to, which wins over the one written
 * in the code (roll call 1959-11-06 of session 14 reads R/19/595).
 */
export function normaliseVoetenSymbol(code: string, rollCallSession?: number): string | null {
  if (rollCallSession !== undefined && rollCallSession < FIRST_SESSION_OF_RESOLUTION_NUMBERS) return null;
  const text = code.trim();
  if (/^A\/RES\/[\w-]+\/\d+( [A-Z](-[A-Z])?)?$/.test(text)) return text;
  const m = /^(R|ESS|SS)\/(\d+)\/(\d+)([A-Z])?$/.exec(text);
  if (!m) return null;
  const [, kind, sessionText, numberText, letter] = m;
  const session = Number(sessionText);
  const number = Number(numberText);
  const part = letter ? ` ${letter}` : "";
  if (kind === "ESS")
    return session >= FIRST_NUMBERED_EMERGENCY_SESSION ? `A/RES/ES-${session}/${number}${part}` : null;
  if (kind === "SS") return session >= FIRST_NUMBERED_SPECIAL_SESSION ? `A/RES/S-${session}/${number}${part}` : null;
  if (isDecisionNumber(session, number)) return null;
  if (session >= 31) return `A/RES/${session}/${number}${part}`;
  if (session < FIRST_SESSION_OF_RESOLUTION_NUMBERS) return null;
  return letter ? null : `A/RES/${number}(${toRoman(session)})`;
}

function isDecisionNumber(session: number, number: number): boolean {
  return session >= 31 && session <= LAST_SESSION_OF_DECISIONS_ABOVE_300 && number > 300;
}

/**
 * True when the vote was on a decision rather than a resolution: Voeten codes a decision like a resolution (R/39/412
 * is decision 39/412), and sessions 31–56 numbered decisions from 301 while resolutions stayed below 300. Neither
 * source gives a decision's UN document symbol, so none is made up: such a vote is named by its roll call.
 */
export function isDecisionVote(event: { sourceSymbol: string | null }): boolean {
  const m = /^R\/(\d+)\/(\d+)[A-Z]?$/.exec(event.sourceSymbol?.trim() ?? "");
  return m !== null && isDecisionNumber(Number(m[1]), Number(m[2]));
}

/**
 * What a page calls a vote event: its UN symbol when one is known, else the source's own identifier
 * (Voeten roll call number, with its code as given), never a symbol made up from that code.
 */
export function voteEventLabel(event: { id: string; symbol: string | null; sourceSymbol: string | null }): string {
  if (event.symbol) return event.symbol;
  const rcid = /^RC-(\d+)$/.exec(event.id)?.[1];
  if (rcid) return `Roll call ${rcid}${event.sourceSymbol ? ` (Voeten code ${event.sourceSymbol})` : ""}`;
  return event.sourceSymbol ?? event.id;
}

/** Voeten's absences (code 8) survive only for sessions 1–70; the UN's records list "not recorded" for sessions 74–80. */
const LAST_VOETEN_SESSION_WITH_ABSENCES = 70;

/**
 * True when the event's source records who was absent: the UN's record, or Voeten's data up to session 70. Elsewhere
 * (Voeten sessions 71–74) a member without a position has no data, which is not the same as absent.
 */
export function isAbsenceRecorded(event: { session: number; sourceIds: string[] }): boolean {
  return event.sourceIds.includes("dataset:unxml-ga-resolutions") || event.session <= LAST_VOETEN_SESSION_WITH_ABSENCES;
}

/**
 * The members of an organisation on the day of a vote: where the source dates every membership (ASEAN: Timor-Leste joined
 * 2025-10-26), those that had joined and not left by then; where it does not, today's members, labelled as such.
 */
export function membersOnDate(
  org: { memberIso3: string[]; memberships: { iso3: string; startDate: string | null; endDate: string | null }[] },
  date: string,
): { iso3: string[]; isAtVoteDate: boolean } {
  const isDated = org.memberships.length > 0 && org.memberships.every((m) => m.startDate !== null);
  if (!isDated) return { iso3: org.memberIso3, isAtVoteDate: false };
  return {
    iso3: org.memberships
      .filter((m) => m.startDate! <= date && (m.endDate === null || m.endDate > date))
      .map((m) => m.iso3),
    isAtVoteDate: true,
  };
}

/** The path of an event's page and API resource: symbols keep their slashes, e.g. /votes/A/RES/74/247. */
export function voteEventPath(id: string): string {
  return id.split("/").map(encodeURIComponent).join("/");
}

/**
 * The event id a reader means: "73/187", "A/RES/73/187" and "a/res/73/187" are all A/RES/73/187 (ids of events on a
 * symbol are the symbol); anything else (RC-319) is kept as typed.
 */
export function voteEventIdOf(input: string): string {
  const text = input.trim();
  const short = resolutionSymbolFromShortForm(text);
  if (short) return short;
  if (/^a\/(res|dec)\//i.test(text)) return normalizeSymbol(text.toUpperCase()) ?? text;
  return text;
}

const CATALOGUE_SUFFIX = "resolution / adopted by the General Assembly";
/** Acronyms and numerals kept in capitals when an all-capitals title is put in sentence case. */
const KEPT_CAPITALS = new Set([
  "UN",
  "U.N.",
  "UK",
  "US",
  "USA",
  "USSR",
  "UNRWA",
  "UNICEF",
  "UNESCO",
  "UNCTAD",
  "UNHCR",
  "UNDP",
  "UNEP",
  "UNIDO",
  "IAEA",
  "OAU",
  "PLO",
  "SWAPO",
  "ANC",
  "ECOSOC",
  "NATO",
  "II",
  "III",
  "IV",
  "VI",
  "VII",
  "VIII",
  "IX",
  "XI",
  "XII",
]);

/**
 * A vote title as a list shows it: without the library catalogue's " : resolution / adopted by the General Assembly"
 * (often cut short in the source), and in sentence case where the source writes it all in capitals (Voeten's
 * "AMENDMENTS, RULES OF PROCEDURE" → "Amendments, rules of procedure"; known acronyms stay). The event page keeps the
 * source's title as given.
 */
export function displayVoteTitle(title: string): string {
  let text = title.trim();
  const cut = text.lastIndexOf(" : ");
  if (cut > 0) {
    const rest = text.slice(cut + 3).trim();
    if (rest.length >= 2 && CATALOGUE_SUFFIX.startsWith(rest)) text = text.slice(0, cut).trim();
  }
  if (/[A-Z]/.test(text) && text === text.toUpperCase()) {
    const words = text
      .split(/(\s+)/)
      .map((w, i) =>
        KEPT_CAPITALS.has(w.replace(/[,;:()]/g, ""))
          ? w
          : i === 0
            ? w.charAt(0) + w.slice(1).toLowerCase()
            : w.toLowerCase(),
      );
    text = words.join("");
  }
  return text;
}

/** A position cast in a vote, as opposed to being absent or not recorded. */
export const CAST_VOTE_OPTIONS = ["yes", "no", "abstain"] as const;
export type CastVoteOption = (typeof CAST_VOTE_OPTIONS)[number];

function isCast(option: VoteOption | null): option is CastVoteOption {
  return option === "yes" || option === "no" || option === "abstain";
}

/** Who voted how in one event and how in a later one: cast votes in a from→to table, presence changes apart. */
export interface VoteTransitions {
  /** cells[from][to]: the voters who voted `from` in the first event and `to` in the second (the diagonal: unchanged). */
  cells: Record<CastVoteOption, Record<CastVoteOption, { code: string; name: string }[]>>;
  /** Voters who cast a vote in both events and changed it. */
  changes: VoteShift[];
  /** Voters present in one event and absent, not a member or without data in the other: not a change of vote. */
  presenceChanges: VoteShift[];
}

export function tabulateVoteTransitions(
  voters: Pick<Voter, "code" | "name" | "position">[],
  a: string,
  b: string,
): VoteTransitions {
  const row = () => ({ yes: [], no: [], abstain: [] }) as Record<CastVoteOption, { code: string; name: string }[]>;
  const cells = { yes: row(), no: row(), abstain: row() };
  const changes: VoteShift[] = [];
  const presenceChanges: VoteShift[] = [];
  for (const v of [...voters].sort((x, y) => x.name.localeCompare(y.name))) {
    const from = voteOptionOf(a[v.position]);
    const to = voteOptionOf(b[v.position]);
    if (isCast(from) && isCast(to)) {
      cells[from][to].push({ code: v.code, name: v.name });
      if (from !== to) changes.push({ code: v.code, name: v.name, from, to });
    } else if (from !== to && (isCast(from) || isCast(to))) {
      presenceChanges.push({ code: v.code, name: v.name, from, to });
    }
  }
  return { cells, changes, presenceChanges };
}
