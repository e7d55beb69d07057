import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { CsvRow } from "../reference/shared-data.js";
import { parseUnxmlVotes } from "./unxml.js";
import { parseVoetenVotes } from "./voeten.js";
import { createVoterRegistry, type StateForVoters } from "./voter-registry.js";

// The upstream files live beside the repository (../shared/data) on developer machines and in CI.
const SHARED = fileURLToPath(new URL("../../../../shared/data", import.meta.url));
const hasShared = fs.existsSync(path.join(SHARED, "unga-votes-voeten", "un_votes.csv.gz"));
const read = (file: string) =>
  parse(gunzipSync(fs.readFileSync(path.join(SHARED, file))), { columns: true }) as CsvRow[];

describe.skipIf(!hasShared)(
  `the two vote sources on session 74${hasShared ? "" : " (skipped: ../shared/data not found)"}`,
  () => {
    it("agree State by State on A/RES/74/28, 74/29 and 74/247", () => {
      const states = JSON.parse(
        fs.readFileSync(fileURLToPath(new URL("../../../datasets/reference/states.json", import.meta.url)), "utf8"),
      ) as StateForVoters[];
      const registry = createVoterRegistry(states);
      const rcids: Record<string, number> = { "A/RES/74/28": 9076, "A/RES/74/29": 9093, "A/RES/74/247": 9087 };
      const rcRows = parse(
        gunzipSync(fs.readFileSync(path.join(SHARED, "unga-votes-voeten", "un_roll_calls.csv.gz"))),
        { columns: true, relax_quotes: true },
      ) as CsvRow[];
      for (const [symbol, rcid] of Object.entries(rcids))
        expect(rcRows.find((r) => r["rcid"] === String(rcid))?.["unres"]).toBe(symbol);
      const wanted = new Set(Object.values(rcids).map(String));
      const voeten = parseVoetenVotes(
        read("unga-votes-voeten/un_votes.csv.gz").filter((r) => wanted.has(r["rcid"]!)),
        "un_votes.csv.gz",
        registry,
        () => "2019-12-27",
      );
      const unxml = parseUnxmlVotes(
        read("unga-resolutions-unxml/votes.csv.gz").filter((r) => r["symbol"]! in rcids),
        "votes.csv.gz",
        registry,
      );
      expect(voeten.problems).toEqual([]);
      expect(unxml.problems).toEqual([]);
      for (const [symbol, rcid] of Object.entries(rcids)) {
        const fromVoeten = new Map(voeten.votes.filter((v) => v.rcid === rcid).map((v) => [v.voter, v.vote]));
        const fromUn = new Map(
          unxml.votes.filter((v) => v.symbol === symbol && v.vote !== "absent").map((v) => [v.voter, v.vote]),
        );
        expect(fromVoeten.size).toBeGreaterThan(170);
        expect(Object.fromEntries(fromUn)).toEqual(Object.fromEntries(fromVoeten));
      }
    });
  },
);
