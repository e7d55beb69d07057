// `normwatch datasets build`: regenerate datasets/reference from ../shared/data (developer machines).
import path from "node:path";
import { buildReferenceDatasets } from "../ingest/reference/build-reference-datasets.js";

export function runDatasetsBuild(options: { shared: string; out: string; retrievedOn: string }): void {
  const report = buildReferenceDatasets(path.resolve(options.shared), path.resolve(options.out), options.retrievedOn);
  for (const [name, count] of Object.entries(report.counts)) console.log(`${name.padEnd(18)} ${count}`);
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
}
