// Imports datasets/international-law (positions on international law, treaties, treaty actions and their sources),
// idempotently by natural key with counts. Records an editor changed are left as the editor left them; sources
// already stored by another dataset are left as that dataset wrote them.
import path from "node:path";
import type { z } from "zod";
import { loadEditorialLocks } from "../../db/changes.js";
import * as t from "../../db/schema/index.js";
import type { ImportCounts } from "../../db/schema/imports.js";
import { addCounts, emptyCounts, syncRows } from "../../db/upsert.js";
import { dateParts, readDatasetFile } from "../dataset-file.js";
import type { DatasetImporter } from "../dataset-importer.js";
import { INTERNATIONAL_LAW_FILES } from "./dataset-schemas.js";
import { insertNewSources, syncRecordSources } from "../record-sources.js";

type FileKey = keyof typeof INTERNATIONAL_LAW_FILES;
type RecordOf<K extends FileKey> = z.infer<(typeof INTERNATIONAL_LAW_FILES)[K]["schema"]>;
const DIR = "international-law";

export function readInternationalLawFile<K extends FileKey>(datasetsDir: string, key: K): RecordOf<K>[] {
  const spec = INTERNATIONAL_LAW_FILES[key];
  return readDatasetFile(path.join(datasetsDir, DIR, spec.file), spec.schema) as RecordOf<K>[];
}

export const internationalLawImporter: DatasetImporter = {
  name: "international-law",
  files: Object.values(INTERNATIONAL_LAW_FILES).map((spec) => `${DIR}/${spec.file}`),
  async run(tx, dir) {
    const sourceRows = readInternationalLawFile(dir, "sources");
    const positions = readInternationalLawFile(dir, "legalPositions");
    const treaties = readInternationalLawFile(dir, "treaties");
    const actions = readInternationalLawFile(dir, "treatyActions");
    const locks = await loadEditorialLocks(tx);
    // Positions and treaty actions an editor published stay as the editor left them; treaties are not an editable kind (the dataset owns them).
    const locked = {
      position: locks.ids["legal-position"],
      treaty: new Set<string>(),
      action: locks.ids["treaty-action"],
    };
    const byId = (ids: Set<string>) => (row: Record<string, unknown>) => ids.has(String(row["id"]));
    const counts: Record<string, ImportCounts> = {};

    counts["sources"] = await insertNewSources(tx, sourceRows);

    counts["legal_positions"] = await syncRows(
      tx,
      t.legalPositions,
      [t.legalPositions.id],
      positions.map(({ sources: _s, published, ...row }) => {
        const p = dateParts(published);
        return { ...row, publishedOn: p.date, publishedPrecision: p.precision };
      }),
      { deleteMissing: true, isLocked: byId(locked.position) },
    );
    counts["treaties"] = await syncRows(
      tx,
      t.treaties,
      [t.treaties.id],
      treaties.map(({ sources: _s, ...row }) => row),
      { deleteMissing: true, isLocked: byId(locked.treaty) },
    );
    counts["treaty_actions"] = await syncRows(
      tx,
      t.treatyActions,
      [t.treatyActions.id],
      actions.map(({ sources: _s, signed, consent, ...row }) => {
        const s = dateParts(signed);
        const c = dateParts(consent);
        return {
          ...row,
          signedOn: s.date,
          signedPrecision: s.precision,
          consentOn: c.date,
          consentPrecision: c.precision,
        };
      }),
      { deleteMissing: true, isLocked: byId(locked.action) },
    );
    counts["record_sources"] = [
      await syncRecordSources(tx, "legal-position", positions, locked.position),
      await syncRecordSources(tx, "treaty", treaties, locked.treaty),
      await syncRecordSources(tx, "treaty-action", actions, locked.action),
    ].reduce(addCounts, emptyCounts());
    return counts;
  },
};
