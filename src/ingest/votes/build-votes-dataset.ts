// Builds datasets/votes from the upstream files in ../shared/data: Voeten roll calls (sessions 1–74) and the UN's
// records (sessions 74–80), reconciled on session 74 so each vote event appears once. Developer machines only.
import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import {
  normaliseVoetenSymbol,
  NO_DATA,
  VOTE_CODE_OF,
  voteOptionOf,
  type VoteEventCrossCheck,
} from "../../domain/votes.js";
import type { VoteOption } from "../../domain/vocabulary.js";
import type { CsvRow } from "../reference/shared-data.js";
import { parseUnxmlResolutions, parseUnxmlVotes } from "./unxml.js";
import {
  parseVoetenIssues,
  parseVoetenRollCalls,
  parseVoetenVotes,
  type ImportProblem,
  type VoetenRollCall,
} from "./voeten.js";
import { writeVoteDataset, type VoteEventRecord, type VoterRecord } from "./vote-dataset-file.js";
import { createVoterRegistry, type StateForVoters, type VoterRegistry } from "./voter-registry.js";

export interface VoteBuildReport {
  voters: number;
  events: number;
  votes: number;
  problems: ImportProblem[];
  unmappedSponsors: Map<string, number>;
  reconciled: { symbol: string; rcid: number; compared: number; disagreements: number }[];
}

const VOETEN_SOURCE = "dataset:voeten-unvotes";
const UNXML_SOURCE = "dataset:unxml-ga-resolutions";

function readCsvFile(file: string): CsvRow[] {
  const buffer = fs.readFileSync(file);
  const text = file.endsWith(".gz") ? gunzipSync(buffer) : buffer;
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_quotes: true }) as CsvRow[];
}

/** A vote vector under construction: one byte per voter, "-" until a source says otherwise. */
class VectorBuilder {
  readonly slots: string[];
  constructor(size: number) {
    this.slots = new Array<string>(size).fill(NO_DATA);
  }
  /** Sets a voter's position; returns the previous one when it conflicts. */
  set(position: number, vote: VoteOption): VoteOption | null {
    const previous = voteOptionOf(this.slots[position]);
    this.slots[position] = VOTE_CODE_OF[vote];
    return previous !== null && previous !== vote ? previous : null;
  }
  toString(): string {
    return this.slots.join("").replace(/-+$/, "");
  }
}

export function buildVotesDataset(sharedDir: string, datasetsDir: string): VoteBuildReport {
  const states = JSON.parse(
    fs.readFileSync(path.join(datasetsDir, "reference", "states.json"), "utf8"),
  ) as StateForVoters[];
  const registry = createVoterRegistry(states);
  const problems: ImportProblem[] = [];
  const voeten = readVoeten(sharedDir, registry, problems);
  const unxml = readUnxml(sharedDir, registry, problems);
  const reconciled: VoteBuildReport["reconciled"] = [];

  const events: VoteEventRecord[] = [];
  const mergedRcids = new Set<number>();
  for (const u of unxml.events) {
    if (u.session !== 74 || u.specialSession) continue;
    const candidates = voeten.events.filter((v) => v.session === 74 && v.symbol === u.symbol);
    const best = candidates
      .map((v) => ({ v, check: crossCheck(u.votes, v.votes, v.voetenRcid!, registry) }))
      .sort((a, b) => a.check.disagreements.length - b.check.disagreements.length)[0];
    if (!best) continue;
    mergedRcids.add(best.v.voetenRcid!);
    // The UN's own record wins (it has absences, sponsors and official totals); Voeten adds issue codes.
    u.crossCheck = best.check;
    u.voetenRcid = best.v.voetenRcid;
    u.issueCodes = best.v.issueCodes;
    u.isImportantVote = best.v.isImportantVote;
    u.sourceIds = [UNXML_SOURCE, VOETEN_SOURCE];
    reconciled.push({
      symbol: u.symbol!,
      rcid: best.v.voetenRcid!,
      compared: best.check.compared,
      disagreements: best.check.disagreements.length,
    });
  }
  events.push(...voeten.events.filter((v) => !mergedRcids.has(v.voetenRcid!)), ...unxml.events);
  assignIds(events);
  events.sort(
    (a, b) => a.date.localeCompare(b.date) || (a.voetenRcid ?? 0) - (b.voetenRcid ?? 0) || a.id.localeCompare(b.id),
  );

  const voters: VoterRecord[] = registry.voters.map((v) => ({ ...v }));
  writeVoteDataset(datasetsDir, voters, events);
  const votes = events.reduce((n, e) => n + e.votes.replace(/-/g, "").length, 0);
  return {
    voters: voters.length,
    events: events.length,
    votes,
    problems,
    unmappedSponsors: unxml.unmappedSponsors,
    reconciled,
  };
}

function readVoeten(sharedDir: string, registry: VoterRegistry, problems: ImportProblem[]) {
  const dir = path.join(sharedDir, "unga-votes-voeten");
  const rc = parseVoetenRollCalls(readCsvFile(path.join(dir, "un_roll_calls.csv.gz")), "un_roll_calls.csv.gz");
  problems.push(...rc.problems);
  const byRcid = new Map<number, VoetenRollCall>(rc.rollCalls.map((r) => [r.rcid, r]));
  const vectors = new Map<number, VectorBuilder>(
    rc.rollCalls.map((r) => [r.rcid, new VectorBuilder(registry.voters.length)]),
  );
  const issues = parseVoetenIssues(readCsvFile(path.join(dir, "un_roll_call_issues.csv")), "un_roll_call_issues.csv");
  problems.push(...issues.problems);
  // Absences first, so that a yes/no/abstain for the same voter (none expected) shows up as a conflict.
  for (const file of ["un_votes_absent.csv.gz", "un_votes.csv.gz"]) {
    const parsed = parseVoetenVotes(
      readCsvFile(path.join(dir, file)),
      file,
      registry,
      (rcid) => byRcid.get(rcid)?.date,
    );
    problems.push(...parsed.problems);
    for (const v of parsed.votes) {
      const conflict = vectors.get(v.rcid)!.set(registry.byCode.get(v.voter)!.position, v.vote);
      if (conflict)
        problems.push({
          file,
          record: 0,
          message: `roll call ${v.rcid}: ${v.voter} is both ${conflict} and ${v.vote}`,
        });
    }
  }
  const events: VoteEventRecord[] = rc.rollCalls.map((r) => ({
    id: "",
    symbol: r.sourceSymbol ? normaliseVoetenSymbol(r.sourceSymbol, r.session) : null,
    sourceSymbol: r.sourceSymbol,
    date: r.date,
    session: r.session,
    specialSession: specialSessionOf(r.sourceSymbol),
    motionKind: r.motionKind,
    title: r.title,
    description: r.description && r.description !== r.title ? r.description : null,
    reported: null,
    votes: vectors.get(r.rcid)!.toString(),
    sponsors: [],
    voetenRcid: r.rcid,
    issueCodes: issues.issues.get(r.rcid) ?? [],
    isImportantVote: r.isImportantVote,
    sourceIds: [VOETEN_SOURCE],
    crossCheck: null,
  }));
  return { events };
}

function specialSessionOf(sourceSymbol: string | null): string | null {
  const m = /^(ESS|SS)\/(\d+)\//.exec(sourceSymbol ?? "");
  return m ? `${m[1] === "ESS" ? "ES" : "S"}-${m[2]}` : null;
}

function readUnxml(sharedDir: string, registry: VoterRegistry, problems: ImportProblem[]) {
  const dir = path.join(sharedDir, "unga-resolutions-unxml");
  const res = parseUnxmlResolutions(readCsvFile(path.join(dir, "resolutions.csv")), "resolutions.csv", registry);
  problems.push(...res.problems);
  const votes = parseUnxmlVotes(readCsvFile(path.join(dir, "votes.csv.gz")), "votes.csv.gz", registry);
  problems.push(...votes.problems);
  const vectors = new Map<string, VectorBuilder>();
  for (const v of votes.votes) {
    let vector = vectors.get(v.symbol);
    if (!vector) vectors.set(v.symbol, (vector = new VectorBuilder(registry.voters.length)));
    const conflict = vector.set(registry.byCode.get(v.voter)!.position, v.vote);
    if (conflict)
      problems.push({
        file: "votes.csv.gz",
        record: 0,
        message: `${v.symbol}: ${v.voter} is both ${conflict} and ${v.vote}`,
      });
  }
  const starts = [...res.regularSessionStarts.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  // Special sessions meet within a regular session: take the regular session whose first adoption precedes the date.
  const regularSessionOf = (date: string) =>
    [...starts].reverse().find(([, start]) => start <= date)?.[0] ?? Number(date.slice(0, 4)) - 1946;
  const events: VoteEventRecord[] = res.recordedVotes.map((r) => {
    const isRegular = /^\d+$/.test(r.sessionLabel);
    return {
      id: "",
      symbol: r.symbol,
      sourceSymbol: r.symbol,
      date: r.date,
      session: isRegular ? Number(r.sessionLabel) : regularSessionOf(r.date),
      specialSession: isRegular ? null : r.sessionLabel,
      motionKind: "resolution",
      title: r.title,
      description: r.description,
      reported: r.reported,
      votes: vectors.get(r.symbol)?.toString() ?? "",
      sponsors: r.sponsors,
      voetenRcid: null,
      issueCodes: [],
      isImportantVote: null,
      sourceIds: [UNXML_SOURCE],
      crossCheck: null,
    };
  });
  return { events, unmappedSponsors: res.unmappedSponsors };
}

/** Compares two vectors voter by voter: any voter with a yes/no/abstain in either source counts. */
function crossCheck(unxml: string, voeten: string, rcid: number, registry: VoterRegistry): VoteEventCrossCheck {
  const disagreements: VoteEventCrossCheck["disagreements"] = [];
  let compared = 0;
  const cast = (o: VoteOption | null) => (o === "absent" ? null : o);
  for (const voter of registry.voters) {
    const a = cast(voteOptionOf(unxml[voter.position]));
    const b = cast(voteOptionOf(voeten[voter.position]));
    if (a === null && b === null) continue;
    compared++;
    if (a !== b)
      disagreements.push({
        voter: voter.code,
        unxml: voteOptionOf(unxml[voter.position]),
        voeten: voteOptionOf(voeten[voter.position]),
      });
  }
  return { otherSource: "voeten-unvotes", voetenRcid: rcid, compared, disagreements };
}

/** The symbol is the id when it names one event only; other Voeten roll calls are RC-<rcid>. */
function assignIds(events: VoteEventRecord[]): void {
  const uses = new Map<string, number>();
  for (const e of events) if (e.symbol) uses.set(e.symbol, (uses.get(e.symbol) ?? 0) + 1);
  for (const e of events) {
    const isUnxml = e.sourceIds.includes(UNXML_SOURCE);
    e.id = e.symbol && (isUnxml || uses.get(e.symbol) === 1) ? e.symbol : `RC-${e.voetenRcid}`;
  }
}

/** The build report as committed beside the data (datasets/votes/build-report.txt). */
export function formatVoteBuildReport(report: VoteBuildReport): string {
  const lines = [
    "Build report of datasets/votes (written by `normwatch votes build`)",
    "",
    `voters: ${report.voters}`,
    `vote events: ${report.events}`,
    `votes (yes/no/abstain/absent positions): ${report.votes}`,
    "",
    `Session 74 events found in both sources and kept once (${report.reconciled.length}):`,
    ...report.reconciled.map(
      (r) =>
        `  ${r.symbol} = Voeten roll call ${r.rcid}: ${r.compared} voters compared, ${r.disagreements} disagreements`,
    ),
    "",
    `Rows that could not be imported (${report.problems.length}):`,
    ...summariseProblems(report.problems),
    "",
    `Sponsor entries that are not States (${report.unmappedSponsors.size} distinct):`,
    ...[...report.unmappedSponsors.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) => `  ${n}× ${name}`),
  ];
  return `${lines.join("\n")}\n`;
}

function summariseProblems(problems: ImportProblem[]): string[] {
  const byMessage = new Map<string, ImportProblem[]>();
  for (const p of problems) {
    const key = `${p.file}: ${p.message}`;
    byMessage.set(key, [...(byMessage.get(key) ?? []), p]);
  }
  return [...byMessage.entries()].map(
    ([key, list]) => `  ${list.length}× ${key}${list[0]!.record ? ` (first at record ${list[0]!.record})` : ""}`,
  );
}
