// The `normwatch` command: parses arguments, calls one function per command, exits non-zero on error.
import { Command } from "commander";
import { ConfigError, loadConfig } from "../config.js";
import { APP_VERSION } from "../version.js";
import { runMigrate, runSeed } from "./db.js";
import { runCorpusBuild, runDatasetsBuild } from "./datasets-build.js";
import { registerInternationalLawCommands } from "./international-law.js";
import { runServe } from "./serve.js";
import { registerUserCommands } from "./user.js";
import { registerVotesCommands } from "./votes.js";
import { registerIngestCommand } from "./ingest.js";
import { registerExportCommand } from "./export.js";
import { registerImportCommand } from "./import.js";
import { registerParticipationCommands } from "./participation.js";
import { registerNewsletterCommands } from "./newsletter.js";
import { registerProgrammesCommands } from "./programmes.js";
import { registerDigestCommands } from "./digest.js";
import { registerCandidatesCommands } from "./candidates.js";
import { registerDocumentsCommands } from "./documents.js";

const program = new Command()
  .name("normwatch")
  .description("Normwatch: an observatory of international cyber diplomacy (site, API and data tools)")
  .version(APP_VERSION, "-V, --version", "print the version")
  .showHelpAfterError()
  // Usage errors (unknown command or option, missing argument) exit 2, like ConfigError below; help and
  // --version exit 0. Set before the commands are added, so every subcommand inherits it.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

program
  .command("serve")
  .description("serve the site and API (migrates and seeds on first start)")
  .action(() => runServe(loadConfig()));

const db = program.command("db").description("database maintenance");
db.command("migrate")
  .description("apply pending migrations")
  .action(() => runMigrate(loadConfig()));

program
  .command("seed")
  .description("re-run the idempotent import of the bundled datasets and print counts per table")
  .option("--only-changed", "skip datasets whose files are unchanged since the last import", false)
  .option("--json", "print the counts per dataset and table as JSON", false)
  .action((options: { onlyChanged: boolean; json: boolean }) => runSeed(loadConfig(), options));

const datasets = program.command("datasets").description("bundled datasets (developers)");
datasets
  .command("build")
  .description("regenerate datasets/reference from the upstream files in ../shared/data")
  .option("--shared <dir>", "upstream data folder", "../shared/data")
  .option("--out <dir>", "output folder", "datasets/reference")
  .option("--retrieved-on <date>", "retrieval date recorded on dataset sources", new Date().toISOString().slice(0, 10))
  .action((options: { shared: string; out: string; retrievedOn: string }) => runDatasetsBuild(options));
datasets
  .command("build-corpus")
  .description("re-pack the English GA resolutions of sessions 74–79 from ../shared/data as datasets/corpus")
  .option("--shared <dir>", "upstream data folder", "../shared/data")
  .option("--datasets <dir>", "datasets folder", "datasets")
  .action((options: { shared: string; datasets: string }) => runCorpusBuild(options));

registerVotesCommands(program);
registerIngestCommand(program);
registerUserCommands(program);
registerExportCommand(program);
registerImportCommand(program);
registerParticipationCommands(program);
registerNewsletterCommands(program);
registerProgrammesCommands(program);
registerDigestCommands(program);
registerCandidatesCommands(program);
registerDocumentsCommands(program);
registerInternationalLawCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`normwatch: ${error.message}`);
    process.exit(2);
  }
  const e = error as Error;
  console.error(`normwatch: ${e.message ?? String(error)}`);
  process.exit(1);
});
