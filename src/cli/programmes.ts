// `normwatch programmes import-iati <file>` and `normwatch programmes export --csv`: capacity-building programmes.
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { listProgrammes } from "../db/programmes.js";
import { listSourcesByRecord } from "../db/sources.js";
import { writeCsv } from "../domain/csv.js";
import { PROGRAMME_CSV_COLUMNS, programmeCsvRows } from "../domain/programme.js";
import { importIatiActivities } from "../ingest/implementation/import-iati.js";
import { withDatabase } from "./database.js";

export function registerProgrammesCommands(program: Command): void {
  const programmes = program.command("programmes").description("capacity-building programmes");
  programmes
    .command("import-iati <file>")
    .description(
      "import an IATI activity XML file (one or many iati-activity): upserts by iati-identifier, cites the file, reports inserted/updated/unchanged and every activity left out",
    )
    .option("--source-url <url>", "where the file is published (recorded as the source URL)")
    .option(
      "--licence <text>",
      "licence of the file",
      "as published by the reporting organisation on the IATI Registry",
    )
    .option("--retrieved-on <date>", "when the file was retrieved", new Date().toISOString().slice(0, 10))
    .option("--json", "print the report (counts, problems, warnings) as JSON", false)
    .action(
      async (file: string, options: { sourceUrl?: string; licence: string; retrievedOn: string; json: boolean }) => {
        const xml = fs.readFileSync(file, "utf8");
        // Recipient countries resolve against the bundled States (seeded when they changed).
        const report = await withDatabase(
          loadConfig(),
          (database) =>
            importIatiActivities(database.db, {
              xml,
              origin: path.basename(file),
              sourceUrl: options.sourceUrl,
              licence: options.licence,
              retrievedOn: options.retrievedOn,
            }),
          { seed: true },
        );
        if (report.problems.length) process.exitCode = 1;
        if (options.json) return console.log(JSON.stringify(report, null, 2));
        const { inserted, updated, unchanged } = report.counts;
        console.log(
          `${report.activities} activities: ${inserted} inserted, ${updated} updated, ${unchanged} unchanged, ${report.problems.length} left out (source ${report.sourceId})`,
        );
        for (const id of report.locked) console.log(`kept as an editor published it: ${id}`);
        for (const w of report.warnings)
          console.log(`warning: activity ${w.position} ${w.iatiIdentifier ?? ""}: ${w.message}`);
        for (const p of report.problems)
          console.error(`left out: activity ${p.position} ${p.iatiIdentifier ?? "(no identifier)"}: ${p.message}`);
      },
    );
  programmes
    .command("export")
    .description("write every programme to standard output")
    .option("--csv", "as CSV (the only format for now)", true)
    .option("--bom", "start the CSV with a UTF-8 byte-order mark (for Excel)", false)
    .action(async (options: { bom: boolean }) => {
      const csv = await withDatabase(loadConfig(), async (database) => {
        const all = await listProgrammes(database.db);
        const sources = await listSourcesByRecord(
          database.db,
          "programme",
          all.map((p) => p.id),
        );
        return writeCsv(
          PROGRAMME_CSV_COLUMNS,
          programmeCsvRows(all.map((p) => ({ ...p, sources: sources.get(p.id) ?? [] }))),
          { bom: options.bom },
        );
      });
      process.stdout.write(csv);
    });
}
