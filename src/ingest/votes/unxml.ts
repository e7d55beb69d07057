// Parses the UN's own records (UNxml/GAresolutions extracts, sessions 74–80): recorded votes, official totals,
// per-State lists and sponsors. Every spelling is mapped through the voter registry; what does not map is reported.
import { z } from "zod";
import type { VoteEventSponsor, VoteTotals } from "../../domain/votes.js";
import type { VoteOption } from "../../domain/vocabulary.js";
import type { CsvRow } from "../reference/shared-data.js";
import type { ImportProblem } from "./voeten.js";
import type { VoterRegistry } from "./voter-registry.js";

const count = z.union([z.literal("").transform(() => null), z.coerce.number().int().min(0)]);

const ResolutionRow = z.object({
  symbol: z.string().regex(/^A\/RES\/[\w-]+\/\d+/),
  session: z.string().regex(/^(\d+|ES-\d+|S-\d+)$/),
  title: z.string(),
  adoption_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  adoption_type: z.string(),
  committee: z.string(),
  agenda_item_name: z.string(),
  total_yes: count,
  total_no: count,
  total_abstain: count,
  sponsors: z.string(),
  additional_sponsors: z.string(),
});

const VoteRow = z.object({
  symbol: z.string().min(1),
  iso3: z.string().regex(/^[A-Z]{3}$/),
  un_ga_name: z.string(),
  vote: z.enum(["yes", "no", "abstain", "not_recorded"]),
});

export interface UnxmlRecordedVote {
  symbol: string;
  /** "74" for a regular session, "ES-11" or "S-32" for special ones. */
  sessionLabel: string;
  date: string;
  title: string | null;
  description: string | null;
  reported: VoteTotals | null;
  sponsors: VoteEventSponsor[];
}

export interface UnxmlVote {
  symbol: string;
  voter: string;
  vote: VoteOption;
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ");
}

function splitNames(value: string): string[] {
  return value
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The recorded votes among all resolutions, with sponsors mapped to voters where they are States. */
export function parseUnxmlResolutions(
  rows: CsvRow[],
  file: string,
  registry: VoterRegistry,
): {
  recordedVotes: UnxmlRecordedVote[];
  unmappedSponsors: Map<string, number>;
  regularSessionStarts: Map<number, string>;
  problems: ImportProblem[];
} {
  const recordedVotes: UnxmlRecordedVote[] = [];
  const problems: ImportProblem[] = [];
  const unmappedSponsors = new Map<string, number>();
  const regularSessionStarts = new Map<number, string>();
  rows.forEach((raw, i) => {
    const parsed = ResolutionRow.safeParse(raw);
    if (!parsed.success) return void problems.push({ file, record: i + 1, message: describe(parsed.error) });
    const r = parsed.data;
    if (/^\d+$/.test(r.session)) {
      const session = Number(r.session);
      const first = regularSessionStarts.get(session);
      if (!first || r.adoption_date < first) regularSessionStarts.set(session, r.adoption_date);
    }
    if (r.adoption_type !== "By a recorded vote") return;
    const sponsorOf = (name: string, isAdditional: boolean): VoteEventSponsor => {
      const code = registry.findSponsor(name);
      if (!code) unmappedSponsors.set(name, (unmappedSponsors.get(name) ?? 0) + 1);
      return { name, code, isAdditional };
    };
    const reported =
      r.total_yes !== null || r.total_no !== null || r.total_abstain !== null
        ? { yes: r.total_yes ?? 0, no: r.total_no ?? 0, abstain: r.total_abstain ?? 0 }
        : null;
    recordedVotes.push({
      symbol: r.symbol,
      sessionLabel: r.session,
      date: r.adoption_date,
      title: r.title.trim() || null,
      description: [r.committee, r.agenda_item_name].filter((s) => s.trim() !== "").join(": ") || null,
      reported,
      sponsors: [
        ...splitNames(r.sponsors).map((n) => sponsorOf(n, false)),
        ...splitNames(r.additional_sponsors).map((n) => sponsorOf(n, true)),
      ],
    });
  });
  return { recordedVotes, unmappedSponsors, regularSessionStarts, problems };
}

/**
 * Maps each listed name to a voter through the UN spellings of the States (not the pre-mapped iso3 column, which is
 * only checked against it); an unknown spelling or a disagreement is a problem, and the row is skipped.
 */
export function parseUnxmlVotes(
  rows: CsvRow[],
  file: string,
  registry: VoterRegistry,
): { votes: UnxmlVote[]; problems: ImportProblem[] } {
  const votes: UnxmlVote[] = [];
  const problems: ImportProblem[] = [];
  rows.forEach((raw, i) => {
    const parsed = VoteRow.safeParse(raw);
    if (!parsed.success) return void problems.push({ file, record: i + 1, message: describe(parsed.error) });
    const r = parsed.data;
    let voter: string | null;
    if (r.un_ga_name !== "") {
      voter = registry.findUnName(r.un_ga_name);
      if (!voter) return void problems.push({ file, record: i + 1, message: `unknown UN spelling "${r.un_ga_name}"` });
      if (voter !== r.iso3)
        return void problems.push({
          file,
          record: i + 1,
          message: `"${r.un_ga_name}" is ${voter}, but the row says ${r.iso3}`,
        });
    } else {
      voter = registry.byCode.has(r.iso3) ? r.iso3 : null;
      if (!voter) return void problems.push({ file, record: i + 1, message: `unknown State ${r.iso3}` });
    }
    votes.push({ symbol: r.symbol, voter, vote: r.vote === "not_recorded" ? "absent" : r.vote });
  });
  return { votes, problems };
}
