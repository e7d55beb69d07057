// `normwatch datasets build-participation`: regenerate datasets/participation from ../shared/data (developers).
import path from "node:path";
import type { Command } from "commander";
import { buildParticipationDatasets } from "../ingest/participation/build-participation-datasets.js";

export function registerParticipationCommands(program: Command): void {
  const datasets = program.commands.find((c) => c.name() === "datasets") ?? program.command("datasets");
  datasets
    .command("build-participation")
    .description("regenerate datasets/participation from stakeholders_events.csv in ../shared/data")
    .option("--shared <dir>", "upstream data folder", "../shared/data")
    .option("--out <dir>", "output folder", "datasets/participation")
    .option(
      "--retrieved-on <date>",
      "retrieval date recorded on dataset sources",
      new Date().toISOString().slice(0, 10),
    )
    .action((options: { shared: string; out: string; retrievedOn: string }) => {
      const report = buildParticipationDatasets(
        path.resolve(options.shared),
        path.resolve(options.out),
        options.retrievedOn,
      );
      for (const [name, count] of Object.entries(report.counts)) console.log(`${name.padEnd(20)} ${count}`);
      for (const { row, reason } of report.leftOut) console.log(`left out: ${row}: ${reason}`);
    });
}
