// `normwatch datasets build-international-law`: regenerate datasets/international-law from ../shared/data (developers).
import path from "node:path";
import type { Command } from "commander";
import { buildInternationalLawDatasets } from "../ingest/international-law/build-international-law-datasets.js";

export function registerInternationalLawCommands(program: Command): void {
  const datasets = program.commands.find((c) => c.name() === "datasets") ?? program.command("datasets");
  datasets
    .command("build-international-law")
    .description("regenerate datasets/international-law from national-positions and treaty-status in ../shared/data")
    .option("--shared <dir>", "upstream data folder", "../shared/data")
    .option("--out <dir>", "output folder", "datasets/international-law")
    .option("--reference <dir>", "bundled reference folder (States)", "datasets/reference")
    .option(
      "--retrieved-on <date>",
      "retrieval date recorded on dataset sources",
      new Date().toISOString().slice(0, 10),
    )
    .action((options: { shared: string; out: string; reference: string; retrievedOn: string }) => {
      const report = buildInternationalLawDatasets(
        path.resolve(options.shared),
        path.resolve(options.out),
        options.retrievedOn,
        path.resolve(options.reference),
      );
      for (const [name, count] of Object.entries(report.counts)) console.log(`${name.padEnd(20)} ${count}`);
    });
}
