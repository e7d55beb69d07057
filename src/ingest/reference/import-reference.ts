// Importers of the bundled reference datasets (sources, States and organisations, cyber processes, strategies).
import path from "node:path";
import type { z } from "zod";
import * as t from "../../db/schema/index.js";
import type { ImportCounts } from "../../db/schema/imports.js";
import { loadEditorialLocks, membershipKeyOf } from "../../db/changes.js";
import { addCounts, emptyCounts, syncRows } from "../../db/upsert.js";
import type { DatasetImporter } from "../dataset-importer.js";
import { REFERENCE_FILES } from "./dataset-schemas.js";
import { dateParts, readDatasetFile } from "../dataset-file.js";
import { syncRecordSources } from "../record-sources.js";

type FileKey = keyof typeof REFERENCE_FILES;
type RecordOf<K extends FileKey> = z.infer<(typeof REFERENCE_FILES)[K]["schema"]>;

const DIR = "reference";

/** Reads and validates one bundled file; a bad record is reported with its position. */
export function readReferenceFile<K extends FileKey>(datasetsDir: string, key: K): RecordOf<K>[] {
  const spec = REFERENCE_FILES[key];
  return readDatasetFile(path.join(datasetsDir, DIR, spec.file), spec.schema) as RecordOf<K>[];
}

/** Leaves alone every row of a record with a published editorial change, so a re-seed never reverts it. */
const lockedBy = (ids: Set<string>, field: string) => (row: Record<string, unknown>) => ids.has(String(row[field]));

const file = (key: FileKey) => `${DIR}/${REFERENCE_FILES[key].file}`;

export const sourcesImporter: DatasetImporter = {
  name: "sources",
  files: [file("sources")],
  async run(tx, dir) {
    const rows = readReferenceFile(dir, "sources");
    return { sources: await syncRows(tx, t.sources, [t.sources.id], rows) };
  },
};

export const statesImporter: DatasetImporter = {
  name: "states-and-organizations",
  files: [file("states"), file("organizations"), file("memberships")],
  async run(tx, dir) {
    const states = readReferenceFile(dir, "states");
    const organizations = readReferenceFile(dir, "organizations");
    const memberships = readReferenceFile(dir, "memberships");
    const locks = await loadEditorialLocks(tx);
    const isMembershipLocked = (row: Record<string, unknown>) =>
      (row["id"] !== undefined && locks.ids.membership.has(String(row["id"]))) ||
      locks.membershipKeys.has(membershipKeyOf(row));
    const counts: Record<string, ImportCounts> = {};
    counts["states"] = await syncRows(
      tx,
      t.states,
      [t.states.iso3],
      states.map(({ sources: _s, names: _n, ...row }) => row),
    );
    // Names in the other UN languages (issue 19), one row per State and language, from the same source as the State.
    counts["state_names"] = await syncRows(
      tx,
      t.stateNames,
      [t.stateNames.stateIso3, t.stateNames.language],
      states.flatMap((s) =>
        Object.entries(s.names).map(([language, n]) => ({
          stateIso3: s.iso3,
          language,
          name: n.name,
          officialName: n.officialName,
        })),
      ),
      { deleteMissing: true },
    );
    counts["organizations"] = await syncRows(
      tx,
      t.organizations,
      [t.organizations.id],
      organizations.map(({ sources: _s, ...row }) => row),
      { isLocked: lockedBy(locks.ids.organization, "id") },
    );
    counts["memberships"] = await syncRows(
      tx,
      t.memberships,
      [t.memberships.organizationId, t.memberships.stateIso3, t.memberships.memberOrganizationId, t.memberships.role],
      memberships.map(({ sources: _s, startDate, endDate, ...row }) => {
        const start = dateParts(startDate);
        const end = dateParts(endDate);
        return {
          ...row,
          startDate: start.date,
          startPrecision: start.precision,
          endDate: end.date,
          endPrecision: end.precision,
        };
      }),
      { deleteMissing: true, isLocked: isMembershipLocked },
    );
    const membershipIds = await tx
      .select({
        id: t.memberships.id,
        organizationId: t.memberships.organizationId,
        stateIso3: t.memberships.stateIso3,
        member: t.memberships.memberOrganizationId,
        role: t.memberships.role,
      })
      .from(t.memberships);
    const idOf = new Map(
      membershipIds.map((m) => [`${m.organizationId}|${m.stateIso3}|${m.member}|${m.role}`, String(m.id)]),
    );
    counts["record_sources"] = await syncRecordSources(
      tx,
      "state",
      states.map((s) => ({ id: s.iso3, sources: s.sources })),
    );
    const orgSources = await syncRecordSources(tx, "organization", organizations, locks.ids.organization);
    const memberSources = await syncRecordSources(
      tx,
      "membership",
      memberships
        .filter((m) => !isMembershipLocked(m))
        .map((m) => ({
          id: idOf.get(`${m.organizationId}|${m.stateIso3}|${m.memberOrganizationId}|${m.role}`)!,
          sources: m.sources,
        })),
      locks.ids.membership,
    );
    counts["record_sources"] = sum(counts["record_sources"], orgSources, memberSources);
    return counts;
  },
};

export const cyberProcessesImporter: DatasetImporter = {
  name: "cyber-processes",
  files: [file("resolutions"), file("processes"), file("sessions"), file("frameworks"), file("frameworkItems")],
  async run(tx, dir) {
    const resolutions = readReferenceFile(dir, "resolutions");
    const processes = readReferenceFile(dir, "processes");
    const sessions = readReferenceFile(dir, "sessions");
    const frameworks = readReferenceFile(dir, "frameworks");
    const items = readReferenceFile(dir, "frameworkItems");
    const locks = await loadEditorialLocks(tx);
    const counts: Record<string, ImportCounts> = {};
    counts["resolutions"] = await syncRows(
      tx,
      t.resolutions,
      [t.resolutions.symbol],
      resolutions.map(({ sources: _s, ...row }) => row),
      { isLocked: lockedBy(locks.ids.resolution, "symbol") },
    );
    counts["processes"] = await syncRows(
      tx,
      t.processes,
      [t.processes.id],
      processes.map(({ sources: _s, memberStates: _m, relatedResolutions: _r, start, end, ...row }) => {
        const s = dateParts(start);
        const e = dateParts(end);
        return { ...row, startDate: s.date!, startPrecision: s.precision!, endDate: e.date, endPrecision: e.precision };
      }),
      { isLocked: lockedBy(locks.ids.process, "id") },
    );
    counts["process_members"] = await syncRows(
      tx,
      t.processMembers,
      [t.processMembers.processId, t.processMembers.stateIso3],
      processes.flatMap((p) => p.memberStates.map((stateIso3) => ({ processId: p.id, stateIso3 }))),
      { deleteMissing: true, isLocked: lockedBy(locks.ids.process, "processId") },
    );
    counts["process_resolutions"] = await syncRows(
      tx,
      t.processResolutions,
      [t.processResolutions.processId, t.processResolutions.resolutionSymbol],
      processes.flatMap((p) =>
        p.relatedResolutions.map((r) => ({ processId: p.id, resolutionSymbol: r.symbol, relation: r.relation })),
      ),
      {
        deleteMissing: true,
        isLocked: (row) =>
          lockedBy(locks.ids.process, "processId")(row) || lockedBy(locks.ids.resolution, "resolutionSymbol")(row),
      },
    );
    counts["sessions"] = await syncRows(
      tx,
      t.sessions,
      [t.sessions.id],
      sessions.map(({ sources: _s, start, end, ...row }) => {
        const s = dateParts(start);
        const e = dateParts(end);
        return { ...row, startDate: s.date, startPrecision: s.precision, endDate: e.date, endPrecision: e.precision };
      }),
      { isLocked: lockedBy(locks.ids.session, "id") },
    );
    counts["frameworks"] = await syncRows(
      tx,
      t.frameworks,
      [t.frameworks.id],
      frameworks.map(({ sources: _s, ...row }) => row),
      { isLocked: lockedBy(locks.ids.framework, "id") },
    );
    counts["framework_items"] = await syncRows(
      tx,
      t.frameworkItems,
      [t.frameworkItems.id],
      items.map(({ sources: _s, ...row }) => row),
      { isLocked: lockedBy(locks.ids["framework-item"], "id") },
    );
    counts["record_sources"] = sum(
      await syncRecordSources(
        tx,
        "resolution",
        resolutions.map((r) => ({ id: r.symbol, sources: r.sources })),
        locks.ids.resolution,
      ),
      await syncRecordSources(tx, "process", processes, locks.ids.process),
      await syncRecordSources(tx, "session", sessions, locks.ids.session),
      await syncRecordSources(tx, "framework", frameworks, locks.ids.framework),
      await syncRecordSources(tx, "framework-item", items, locks.ids["framework-item"]),
    );
    return counts;
  },
};

export const cyberStrategiesImporter: DatasetImporter = {
  name: "cyber-strategies",
  files: [file("cyberStrategies")],
  async run(tx, dir) {
    const records = readReferenceFile(dir, "cyberStrategies");
    const counts: Record<string, ImportCounts> = {};
    counts["cyber_strategy_adoptions"] = await syncRows(
      tx,
      t.cyberStrategyAdoptions,
      [t.cyberStrategyAdoptions.stateIso3],
      records.map((r) => {
        const d = dateParts(r.firstAdopted);
        return {
          stateIso3: r.stateIso3,
          firstAdoptedOn: d.date,
          firstAdoptedPrecision: d.precision,
          strategiesTotal: r.strategiesTotal,
        };
      }),
    );
    counts["record_sources"] = await syncRecordSources(
      tx,
      "cyber-strategy",
      records.map((r) => ({ id: r.stateIso3, sources: r.sources })),
    );
    return counts;
  },
};

function sum(...all: (ImportCounts | undefined)[]): ImportCounts {
  return all.reduce<ImportCounts>((a, b) => (b ? addCounts(a, b) : a), emptyCounts());
}
