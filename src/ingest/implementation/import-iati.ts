// Imports an IATI activity file as capacity-building programmes: parse (bad activities reported, the rest go on),
// resolve recipient countries to States, then upsert by IATI identifier with the file or URL as the source.
// Imported records are published directly, not drafted for review: the file is the funder's own published record
// and is cited on every programme; editors then add the norms/CBMs addressed through the review workflow, and
// programmes they have changed are never overwritten by a later import.
import type { Db } from "../../db/client.js";
import { listIso3ByIso2, upsertImportedProgrammes, type ImportedProgramme } from "../../db/programmes.js";
import type { ImportCounts } from "../../db/schema/imports.js";
import { parseIatiActivities, programmeFromIati, type IatiProblem } from "./iati.js";

export interface IatiImportInput {
  xml: string;
  /** The file name (or URL) the XML came from, recorded as the source. */
  origin: string;
  /** Where the file is published, when known: becomes the source URL. */
  sourceUrl?: string | undefined;
  licence: string;
  retrievedOn: string;
}

export interface IatiImportReport {
  activities: number;
  counts: ImportCounts;
  sourceId: string;
  /** Activities not imported, with why. */
  problems: IatiProblem[];
  /** Imported with a caveat (unknown recipient country, budget left empty…). */
  warnings: IatiProblem[];
  /** Left as an editor published them. */
  locked: string[];
}

export async function importIatiActivities(db: Db, input: IatiImportInput): Promise<IatiImportReport> {
  const parsed = parseIatiActivities(input.xml);
  const iso3ByIso2 = await listIso3ByIso2(db);
  const problems = [...parsed.problems];
  const warnings = [...parsed.warnings];
  const seen = new Set<string>();
  const programmes: ImportedProgramme[] = [];
  parsed.activities.forEach(({ position, ...activity }) => {
    if (seen.has(activity.iatiIdentifier)) {
      problems.push({
        position,
        iatiIdentifier: activity.iatiIdentifier,
        message: "the same iati-identifier appears again in the file: only the first is imported",
      });
      return;
    }
    seen.add(activity.iatiIdentifier);
    const { programme, unknownCountries } = programmeFromIati(activity, iso3ByIso2);
    if (unknownCountries.length)
      warnings.push({
        position,
        iatiIdentifier: activity.iatiIdentifier,
        message: `recipient-country code ${unknownCountries.join(", ")} is not a State Normwatch knows: left out of the beneficiaries`,
      });
    programmes.push(programme);
  });
  const sourceId = input.sourceUrl ?? `iati-file:${input.origin}`;
  const result = await upsertImportedProgrammes(db, programmes, {
    id: sourceId,
    kind: input.sourceUrl ? "web-page" : "dataset",
    title: `IATI activity file ${input.origin}`,
    url: input.sourceUrl ?? null,
    licence: input.licence,
    retrievedOn: input.retrievedOn,
  });
  for (const id of result.clashes)
    problems.push({
      position: 0,
      iatiIdentifier: programmes.find((p) => p.id === id)?.iatiIdentifier ?? null,
      message: `programme id ${id} is already used by a programme with another IATI identifier`,
    });
  return {
    activities: parsed.activities.length + parsed.problems.length,
    counts: result.counts,
    sourceId,
    problems,
    warnings,
    locked: result.locked,
  };
}
