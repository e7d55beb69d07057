// Resolutions adopted in parts (A/RES/75/254 A-C, A/RES/75/242 B) in the GA corpus of sessions 74–79: each part keeps its
// symbol, date and session, is stored under its own symbol and answers to the bare symbol (issue 15).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { getDocumentDetail } from "../../db/documents.js";
import { listCitationsFrom, listCitationsTo } from "../../db/documents-references.js";
import { parseAkn } from "./akn.js";
import { ingestBatch, resolveInputs } from "./batch.js";

const ARCHIVE = fileURLToPath(
  new URL("../../../../shared/data/unga-resolutions-akn/english-sessions-74-79.tar.xz", import.meta.url),
);
const hasCorpus = fs.existsSync(ARCHIVE);
// Every file of the corpus whose symbol has parts or whose FRBR URI omits the part letter, and the parts' other halves.
const FILES = [
  "english/75/75_254_E.xml",
  "english/75/75_242_E.xml",
  "english/75/A_RES_75_242 B-2108986E.xml",
  "english/75/75_245_E.xml",
  "english/75/75_245B_E.xml",
  "english/75/75_251_E.xml",
  "english/75/75_251_B_E.xml",
  "english/75/A_RES_75_251 C_E.xml",
  "english/74/74_232B_E.xml",
  "english/75/A_RES_S-32_1-2107229E.xml",
  // Cites "resolution 75/254 A to C of 31 December 2020".
  "english/76/A_RES_76_171-2119205E.xml",
];
let dir = "";

describe.skipIf(!hasCorpus)(
  `resolutions adopted in parts${hasCorpus ? "" : " (skipped: ../shared/data/unga-resolutions-akn not found)"}`,
  () => {
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-parts-"));
      execFileSync("tar", ["-xJf", ARCHIVE, "-C", dir, ...FILES]);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const parse = (file: string) => parseAkn(fs.readFileSync(path.join(dir, file), "utf8"));

    it("reads each part's own symbol and date from the document, not the FRBR URI that omits the letter", () => {
      expect(parse("english/75/75_254_E.xml")).toMatchObject({
        symbol: "A/RES/75/254 A-C",
        date: "2020-12-31",
        type: "resolution",
      });
      expect(parse("english/75/75_242_E.xml")).toMatchObject({ symbol: "A/RES/75/242", date: "2020-12-31" });
      // Its FRBR URI reads /2021-06-30/75-242/: the docNumber marked #symbol says "A/RES/75/242 B".
      expect(parse("english/75/A_RES_75_242 B-2108986E.xml")).toMatchObject({
        symbol: "A/RES/75/242 B",
        date: "2021-06-30",
      });
      expect(parse("english/75/75_245B_E.xml").symbol).toBe("A/RES/75/245 B");
      expect(parse("english/75/A_RES_75_251 C_E.xml").symbol).toBe("A/RES/75/251 C");
      expect(parse("english/74/74_232B_E.xml")).toMatchObject({ symbol: "A/RES/74/232 B", date: "2020-08-11" });
      expect(parse("english/75/A_RES_S-32_1-2107229E.xml")).toMatchObject({
        symbol: "A/RES/S-32/1",
        date: "2021-06-02",
      });
    });

    describe.each(TEST_DRIVERS)("stored on $label", ({ driver, skip }) => {
      let database: TestDatabase;
      beforeAll(async () => {
        if (!skip) database = await createTestDatabase(driver, { seed: false });
      }, 120_000);
      afterAll(async () => database?.dispose());

      it.skipIf(skip)(
        "stores every part as its own current document, addressable by its symbol and by the bare symbol",
        async () => {
          const results = await ingestBatch(database.db, await resolveInputs(FILES.map((f) => path.join(dir, f))), {
            provenance: { licence: "Source: United Nations, DGACM machine-readable GA resolutions" },
            now: () => new Date("2026-11-23T12:00:00Z"),
            maxBytes: 20_000_000,
            maxRedirects: 0,
            allowPrivateAddresses: false,
          });
          expect(results.map((r) => r.status)).toEqual(FILES.map(() => "inserted"));
          expect(results.map((r) => r.slug).sort()).toEqual([
            "A/RES/74/232 B",
            "A/RES/75/242",
            "A/RES/75/242 B",
            "A/RES/75/245",
            "A/RES/75/245 B",
            "A/RES/75/251",
            "A/RES/75/251 B",
            "A/RES/75/251 C",
            "A/RES/75/254 A-C",
            "A/RES/76/171",
            "A/RES/S-32/1",
          ]);
          const b = await getDocumentDetail(database.db, "A/RES/75/242 B");
          expect(b).toMatchObject({ symbol: "A/RES/75/242 B", date: "2021-06-30", gaSession: 75, version: 1 });
          expect((await getDocumentDetail(database.db, "A/RES/75/242")).date).toBe("2020-12-31");
          // The bare symbol of a resolution stored only in parts answers with its (first) part.
          expect((await getDocumentDetail(database.db, "A/RES/75/254")).slug).toBe("A/RES/75/254 A-C");
          expect((await getDocumentDetail(database.db, "A/RES/74/232")).slug).toBe("A/RES/74/232 B");
          await expect(getDocumentDetail(database.db, "A/RES/75/999")).rejects.toThrow(/not found/);
          // "75/254 A to C" is cited as A/RES/75/254 and leads to the document stored in parts, which lists it as citing it.
          const cites = await listCitationsFrom(database.db, (await getDocumentDetail(database.db, "A/RES/76/171")).id);
          expect(cites.find((c) => c.targetSymbol === "A/RES/75/254")).toMatchObject({
            targetSlug: "A/RES/75/254 A-C",
          });
          expect((await listCitationsTo(database.db, "A/RES/75/254 A-C")).map((c) => c.fromSlug)).toContain(
            "A/RES/76/171",
          );
        },
      );
    });
  },
);
