// `normwatch votes build`: regenerate datasets/votes from ../shared/data and print what could not be mapped.
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { buildVotesDataset, formatVoteBuildReport } from "../ingest/votes/build-votes-dataset.js";

export function registerVotesCommands(program: Command): void {
  const votes = program.command("votes").description("recorded General Assembly votes (developers)");
  votes
    .command("build")
    .description("regenerate datasets/votes from the Voeten and UN vote files in ../shared/data")
    .option("--shared <dir>", "upstream data folder", "../shared/data")
    .option("--datasets <dir>", "datasets folder (reads reference/states.json, writes votes/)", "datasets")
    .action((options: { shared: string; datasets: string }) => runVotesBuild(options));
}

export function runVotesBuild(options: { shared: string; datasets: string }): void {
  const report = buildVotesDataset(path.resolve(options.shared), path.resolve(options.datasets));
  const text = formatVoteBuildReport(report);
  fs.writeFileSync(path.resolve(options.datasets, "votes", "build-report.txt"), text);
  console.log(text);
}
