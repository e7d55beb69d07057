// `normwatch datasets build`: regenerate datasets/reference from ../shared/data (developer machines).
import path from "node:path";
import { buildGaCorpus } from "../ingest/documents/corpus-build.js";
import { buildReferenceDatasets } from "../ingest/reference/build-reference-datasets.js";

export function runDatasetsBuild(options: { shared: string; out: string; retrievedOn: string }): void {
  const report = buildReferenceDatasets(path.resolve(options.shared), path.resolve(options.out), options.retrievedOn);
  for (const [name, count] of Object.entries(report.counts)) console.log(`${name.padEnd(18)} ${count}`);
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
}

/** `normwatch datasets build-corpus`: re-pack the English GA resolutions of sessions 74–79 as datasets/corpus. */
export function runCorpusBuild(options: { shared: string; datasets: string }): void {
  const manifest = buildGaCorpus(path.resolve(options.shared), path.resolve(options.datasets));
  console.log(
    `${manifest.corpus}: ${manifest.documents} documents in ${manifest.file} (sha256 ${manifest.sha256.slice(0, 12)}…)`,
  );
}
