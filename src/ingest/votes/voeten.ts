// Parses the Voeten roll-call files (via the unvotes package) into validated plain records; bad rows become problems, not failures.
import { z } from "zod";
import type { MotionKind, VoteOption } from "../../domain/vocabulary.js";
import type { CsvRow } from "../reference/shared-data.js";
import type { VoterRegistry } from "./voter-registry.js";

export interface ImportProblem {
  file: string;
  /** 1-based record number in the file (header excluded). */
  record: number;
  message: string;
}

const flag = z.enum(["0", "1", ""]);

const RollCallRow = z.object({
  rcid: z.coerce.number().int().positive(),
  session: z.coerce.number().int().min(1).max(200),
  importantvote: flag,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  unres: z.string(),
  amend: flag,
  para: flag,
  short: z.string(),
  descr: z.string(),
});

const VoteRow = z.object({
  rcid: z.coerce.number().int().positive(),
  country: z.string().min(1),
  country_code: z.string().regex(/^([A-Z]{2})?$/),
  vote: z.enum(["yes", "no", "abstain", "absent"]),
});

const IssueRow = z.object({
  rcid: z.coerce.number().int().positive(),
  short_name: z.string().regex(/^[a-z]{2}$/),
  issue: z.string(),
});

export interface VoetenRollCall {
  rcid: number;
  session: number;
  date: string;
  sourceSymbol: string | null;
  motionKind: MotionKind;
  isImportantVote: boolean | null;
  title: string | null;
  description: string | null;
}

export interface VoetenVote {
  rcid: number;
  voter: string;
  vote: VoteOption;
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ");
}

/** Voeten codes amend/para only for some roll calls; uncoded ones stay "unspecified" rather than guessed. */
function motionKindOf(amend: string, para: string): MotionKind {
  if (amend === "1") return "amendment";
  if (para === "1") return "paragraph";
  if (amend === "0" && para === "0") return "resolution";
  return "unspecified";
}

export function parseVoetenRollCalls(
  rows: CsvRow[],
  file: string,
): { rollCalls: VoetenRollCall[]; problems: ImportProblem[] } {
  const rollCalls: VoetenRollCall[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<number>();
  rows.forEach((raw, i) => {
    const parsed = RollCallRow.safeParse(raw);
    if (!parsed.success) return void problems.push({ file, record: i + 1, message: describe(parsed.error) });
    const r = parsed.data;
    if (seen.has(r.rcid)) return void problems.push({ file, record: i + 1, message: `duplicate roll call ${r.rcid}` });
    seen.add(r.rcid);
    const text = (s: string) => (s.trim() === "" ? null : s.trim());
    rollCalls.push({
      rcid: r.rcid,
      session: r.session,
      date: r.date,
      sourceSymbol: text(r.unres),
      motionKind: motionKindOf(r.amend, r.para),
      isImportantVote: r.importantvote === "" ? null : r.importantvote === "1",
      title: text(r.short),
      description: text(r.descr),
    });
  });
  return { rollCalls, problems };
}

/** Validates vote rows and maps each country to a voter; rows of unknown roll calls or countries are reported. */
export function parseVoetenVotes(
  rows: CsvRow[],
  file: string,
  registry: VoterRegistry,
  dateOf: (rcid: number) => string | undefined,
): { votes: VoetenVote[]; problems: ImportProblem[] } {
  const votes: VoetenVote[] = [];
  const problems: ImportProblem[] = [];
  rows.forEach((raw, i) => {
    const parsed = VoteRow.safeParse(raw);
    if (!parsed.success) return void problems.push({ file, record: i + 1, message: describe(parsed.error) });
    const r = parsed.data;
    const date = dateOf(r.rcid);
    if (!date) return void problems.push({ file, record: i + 1, message: `unknown roll call ${r.rcid}` });
    const voter = registry.findVoeten(r.country_code, r.country, date);
    if (!voter)
      return void problems.push({
        file,
        record: i + 1,
        message: `unknown voter "${r.country}" (code "${r.country_code}")`,
      });
    votes.push({ rcid: r.rcid, voter, vote: r.vote });
  });
  return { votes, problems };
}

export function parseVoetenIssues(
  rows: CsvRow[],
  file: string,
): { issues: Map<number, string[]>; problems: ImportProblem[] } {
  const issues = new Map<number, string[]>();
  const problems: ImportProblem[] = [];
  rows.forEach((raw, i) => {
    const parsed = IssueRow.safeParse(raw);
    if (!parsed.success) return void problems.push({ file, record: i + 1, message: describe(parsed.error) });
    const list = issues.get(parsed.data.rcid) ?? [];
    if (!list.includes(parsed.data.short_name)) list.push(parsed.data.short_name);
    issues.set(parsed.data.rcid, list);
  });
  return { issues, problems };
}
