// Imports the bundled vote dataset (datasets/votes) idempotently: voters, then one row per vote event.
import * as t from "../../db/schema/index.js";
import type { ImportCounts } from "../../db/schema/imports.js";
import { syncRows, type Tx } from "../../db/upsert.js";
import { countVotes } from "../../domain/votes.js";
import type { DatasetImporter } from "../dataset-importer.js";
import type { ImportProblem } from "./voeten.js";
import { EVENTS_FILE, readVoteEvents, readVoters, VOTERS_FILE, type VoteEventRecord } from "./vote-dataset-file.js";

export interface VoteImportResult {
  counts: Record<string, ImportCounts>;
  /** Lines of the bundled file that were skipped, each with the reason. */
  problems: ImportProblem[];
}

export async function importVotes(tx: Tx, datasetsDir: string): Promise<VoteImportResult> {
  const voters = readVoters(datasetsDir);
  const { events, problems } = readVoteEvents(datasetsDir, voters.length);
  const counts: Record<string, ImportCounts> = {};
  counts["voters"] = await syncRows(tx, t.voters, [t.voters.code], voters, { deleteMissing: true });
  counts["vote_events"] = await syncRows(tx, t.voteEvents, [t.voteEvents.id], events.map(toRow), {
    deleteMissing: true,
  });
  return { counts, problems };
}

function toRow(e: VoteEventRecord) {
  const counted = countVotes(e.votes);
  return {
    id: e.id,
    symbol: e.symbol,
    sourceSymbol: e.sourceSymbol,
    date: e.date,
    session: e.session,
    specialSession: e.specialSession,
    body: "General Assembly",
    motionKind: e.motionKind,
    title: e.title,
    description: e.description,
    reportedYes: e.reported?.yes ?? null,
    reportedNo: e.reported?.no ?? null,
    reportedAbstain: e.reported?.abstain ?? null,
    countedYes: counted.yes,
    countedNo: counted.no,
    countedAbstain: counted.abstain,
    countedAbsent: counted.absent,
    votes: e.votes,
    sponsors: e.sponsors,
    voetenRcid: e.voetenRcid,
    issueCodes: e.issueCodes,
    isImportantVote: e.isImportantVote,
    sourceIds: e.sourceIds,
    crossCheck: e.crossCheck,
  };
}

export const votesImporter: DatasetImporter = {
  name: "votes",
  files: [VOTERS_FILE, EVENTS_FILE],
  async run(tx, dir) {
    const { counts, problems } = await importVotes(tx, dir);
    // The importer contract has no warning channel yet: say what was skipped rather than fail the whole seed.
    for (const p of problems) console.warn(`votes: ${p.file} line ${p.record} skipped: ${p.message}`);
    return counts;
  },
};
