import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DATASETS_DIR } from "../seed.js";
import { buildReferenceDatasets } from "./build-reference-datasets.js";
import { REFERENCE_FILES } from "./dataset-schemas.js";
import { readReferenceFile } from "./import-reference.js";

const SHARED = fileURLToPath(new URL("../../../../shared/data", import.meta.url));
const hasShared = fs.existsSync(path.join(SHARED, "cyber-processes"));

describe("bundled reference datasets", () => {
  it("hold real facts from the sources", () => {
    const resolutions = readReferenceFile(DATASETS_DIR, "resolutions");
    const r = resolutions.find((x) => x.symbol === "A/RES/74/247")!;
    expect([r.adoptedOn, r.yes, r.no, r.abstain, r.adoptionMethod]).toEqual([
      "2019-12-27",
      79,
      60,
      33,
      "recorded-vote",
    ]);
    const oewg = readReferenceFile(DATASETS_DIR, "processes").find((p) => p.id === "oewg-2019-2021")!;
    expect([oewg.chairName, oewg.chairStateIso3]).toEqual(["Jürg Lauber", "CHE"]);
    const norms = readReferenceFile(DATASETS_DIR, "frameworkItems").filter((i) => i.frameworkId === "un-norms-2015");
    expect(norms.map((n) => n.code)).toEqual([
      "13(a)",
      "13(b)",
      "13(c)",
      "13(d)",
      "13(e)",
      "13(f)",
      "13(g)",
      "13(h)",
      "13(i)",
      "13(j)",
      "13(k)",
    ]);
    // Names in the five other UN languages, from world-countries' translations (issue 19).
    const germany = readReferenceFile(DATASETS_DIR, "states").find((s) => s.iso3 === "DEU")!;
    expect(germany.names).toEqual({
      ar: { name: "ألمانيا", officialName: "جمهورية ألمانيا الاتحادية" },
      es: { name: "Alemania", officialName: "República Federal de Alemania" },
      fr: { name: "Allemagne", officialName: "République fédérale d'Allemagne" },
      ru: { name: "Германия", officialName: "Федеративная Республика Германия" },
      zh: { name: "德国", officialName: "德意志联邦共和国" },
    });
    const strategies = readReferenceFile(DATASETS_DIR, "cyberStrategies");
    expect(strategies).toHaveLength(193);
    expect(strategies.filter((s) => s.firstAdopted !== null)).toHaveLength(135);
  });

  it("give every record a source that exists", () => {
    const sourceIds = new Set(readReferenceFile(DATASETS_DIR, "sources").map((s) => s.id));
    for (const key of Object.keys(REFERENCE_FILES) as (keyof typeof REFERENCE_FILES)[]) {
      if (key === "sources") continue;
      for (const record of readReferenceFile(DATASETS_DIR, key) as { sources: string[] }[]) {
        expect(record.sources.length).toBeGreaterThan(0);
        for (const id of record.sources) expect(sourceIds.has(id), `${key}: unknown source ${id}`).toBe(true);
      }
    }
  });

  it.skipIf(!hasShared)(
    "are exactly what the converter makes from ../shared/data (skipped when ../shared is absent)",
    () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "nw-ref-"));
      const retrievedOn = readReferenceFile(DATASETS_DIR, "sources").find(
        (s) => s.id === "dataset:cyber-processes",
      )!.retrievedOn!;
      const report = buildReferenceDatasets(SHARED, out, retrievedOn);
      expect(report.counts["states"]).toBe(195);
      for (const spec of Object.values(REFERENCE_FILES)) {
        const built = fs.readFileSync(path.join(out, spec.file), "utf8");
        const bundled = fs.readFileSync(path.join(DATASETS_DIR, "reference", spec.file), "utf8");
        expect(built, `${spec.file} differs: run \`npm run normwatch -- datasets build\``).toBe(bundled);
      }
    },
  );
});
