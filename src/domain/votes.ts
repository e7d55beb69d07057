// Vote events and votes as the rest of the code sees them, the one-character vote codes, totals and symbols.
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
  return reported !== null && (reported.yes !== counted.yes || reported.no !== counted.no || reported.abstain !== counted.abstain);
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
  /** Matches symbol or title. */
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

const ROMAN: [number, string][] = [[10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];

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

/**
 * Turns a Voeten resolution code into a UN document symbol: R/73/27 → A/RES/73/27, R/54/54D → A/RES/54/54 D,
 * ESS/10/2 → A/RES/ES-10/2, SS/12/1 → A/RES/S-12/1, R/2/181 → A/RES/181(II) (sessions 1–30 numbered resolutions
 * consecutively). Returns null for codes whose UN form we cannot derive with certainty (lettered ones before 1976).
 */
export function normaliseVoetenSymbol(code: string): string | null {
  const text = code.trim();
  if (/^A\/RES\/[\w-]+\/\d+( [A-Z](-[A-Z])?)?$/.test(text)) return text;
  const m = /^(R|ESS|SS)\/(\d+)\/(\d+)([A-Z])?$/.exec(text);
  if (!m) return null;
  const [, kind, sessionText, number, letter] = m;
  const session = Number(sessionText);
  if (kind === "ESS") return `A/RES/ES-${session}/${number}${letter ? ` ${letter}` : ""}`;
  if (kind === "SS") return `A/RES/S-${session}/${number}${letter ? ` ${letter}` : ""}`;
  if (session >= 31) return `A/RES/${session}/${number}${letter ? ` ${letter}` : ""}`;
  return letter ? null : `A/RES/${number}(${toRoman(session)})`;
}

/** The path of an event's page and API resource: symbols keep their slashes, e.g. /votes/A/RES/74/247. */
export function voteEventPath(id: string): string {
  return id.split("/").map(encodeURIComponent).join("/");
}
