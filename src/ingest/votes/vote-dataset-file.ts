// The bundled vote dataset (datasets/votes): voters.json and vote-events.jsonl.gz, their schemas, writer and tolerant reader.
import fs from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import { MOTION_KINDS, VOTE_OPTIONS } from "../../domain/vocabulary.js";
import type { ImportProblem } from "./voeten.js";

export const VOTES_DIR = "votes";
export const VOTERS_FILE = `${VOTES_DIR}/voters.json`;
export const EVENTS_FILE = `${VOTES_DIR}/vote-events.jsonl.gz`;

export const VoterRecord = z.object({
  code: z.string().regex(/^[A-Z]{3}$/),
  position: z.number().int().min(0),
  name: z.string().min(1),
  stateIso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  isHistorical: z.boolean(),
  sourceCodes: z.array(z.string()),
  note: z.string().nullable(),
});
export type VoterRecord = z.infer<typeof VoterRecord>;

const Totals = z.object({
  yes: z.number().int().min(0),
  no: z.number().int().min(0),
  abstain: z.number().int().min(0),
});

export const VoteEventRecord = z.object({
  id: z.string().min(1).max(200),
  symbol: z.string().nullable(),
  sourceSymbol: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  session: z.number().int().min(1),
  specialSession: z.string().nullable(),
  motionKind: z.enum(MOTION_KINDS),
  title: z.string().nullable(),
  description: z.string().nullable(),
  reported: Totals.nullable(),
  /** One character per voter, by position: Y N A X (absent / not recorded) or - (no data). */
  votes: z.string().regex(/^[YNAX-]*$/),
  sponsors: z.array(z.object({ name: z.string(), code: z.string().nullable(), isAdditional: z.boolean() })),
  voetenRcid: z.number().int().nullable(),
  issueCodes: z.array(z.string()),
  isImportantVote: z.boolean().nullable(),
  sourceIds: z.array(z.string()).min(1),
  crossCheck: z
    .object({
      otherSource: z.literal("voeten-unvotes"),
      voetenRcid: z.number().int(),
      compared: z.number().int(),
      disagreements: z.array(
        z.object({
          voter: z.string(),
          unxml: z.enum(VOTE_OPTIONS).nullable(),
          voeten: z.enum(VOTE_OPTIONS).nullable(),
        }),
      ),
    })
    .nullable(),
});
export type VoteEventRecord = z.infer<typeof VoteEventRecord>;

export function writeVoteDataset(datasetsDir: string, voters: VoterRecord[], events: VoteEventRecord[]): void {
  fs.mkdirSync(path.join(datasetsDir, VOTES_DIR), { recursive: true });
  fs.writeFileSync(path.join(datasetsDir, VOTERS_FILE), `${JSON.stringify(voters, null, 1)}\n`);
  const lines = events.map((e) => JSON.stringify(VoteEventRecord.parse(e))).join("\n");
  // Level 9 and Node's fixed gzip header make the file byte-identical for identical data, so the seed's hash is stable.
  fs.writeFileSync(path.join(datasetsDir, EVENTS_FILE), gzipSync(`${lines}\n`, { level: 9 }));
}

export function readVoters(datasetsDir: string): VoterRecord[] {
  const raw = JSON.parse(fs.readFileSync(path.join(datasetsDir, VOTERS_FILE), "utf8")) as unknown[];
  return raw.map((r, i) => {
    const parsed = VoterRecord.safeParse(r);
    if (!parsed.success)
      throw new Error(`${VOTERS_FILE} record ${i + 1}: ${parsed.error.issues.map((x) => x.message).join("; ")}`);
    return parsed.data;
  });
}

/**
 * Parses event lines; a line that is not valid JSON, fails the schema, repeats an id or is longer than the voter
 * list is reported and skipped, so one bad line never blocks the rest of the import.
 */
export function parseVoteEventLines(
  text: string,
  voterCount: number,
  file = EVENTS_FILE,
): { events: VoteEventRecord[]; problems: ImportProblem[] } {
  const events: VoteEventRecord[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return void problems.push({ file, record: i + 1, message: "not valid JSON" });
    }
    const parsed = VoteEventRecord.safeParse(json);
    if (!parsed.success)
      return void problems.push({
        file,
        record: i + 1,
        message: parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "),
      });
    const e = parsed.data;
    if (seen.has(e.id)) return void problems.push({ file, record: i + 1, message: `duplicate vote event id ${e.id}` });
    if (e.votes.length > voterCount)
      return void problems.push({
        file,
        record: i + 1,
        message: `${e.votes.length} positions for ${voterCount} voters`,
      });
    seen.add(e.id);
    events.push(e);
  });
  return { events, problems };
}

export function readVoteEvents(
  datasetsDir: string,
  voterCount: number,
): { events: VoteEventRecord[]; problems: ImportProblem[] } {
  const text = gunzipSync(fs.readFileSync(path.join(datasetsDir, EVENTS_FILE))).toString("utf8");
  return parseVoteEventLines(text, voterCount);
}
