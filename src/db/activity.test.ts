// What happened (issue 16), on the bundled data: the digest of a month lists every fact dated in it, each citing a
// source of its own record; the home page, /updates and the updates feed show the derived facts, labelled.
// Expectations are computed here from the dataset files, independently of the code under test.
import fs from "node:fs";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";
import { monthPeriod, type DigestItem } from "../domain/digest.js";
import { draftDigestIssue } from "./digest.js";

const read = <T>(file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as T;
type Sourced = { sources: string[] };
const sessions = read<({ id: string; start: string | null; end: string | null } & Sourced)[]>(
  "datasets/reference/sessions.json",
);
const resolutions = read<({ symbol: string; adoptedOn: string | null } & Sourced)[]>(
  "datasets/reference/resolutions.json",
);
const strategies = read<({ stateIso3: string; firstAdopted: string | null } & Sourced)[]>(
  "datasets/reference/cyber-strategies.json",
);
const positions = read<({ id: string; published: string } & Sourced)[]>(
  "datasets/international-law/legal-positions.json",
);
const treatyActions = read<
  ({ id: string; treatyId: string; signed: string | null; consent: string | null } & Sourced)[]
>("datasets/international-law/treaty-actions.json");
const sourceFiles = [
  "datasets/reference/sources.json",
  "datasets/international-law/sources.json",
  "datasets/participation/sources.json",
];
const sourceUrls = new Map(
  sourceFiles.flatMap((f) => read<{ id: string; url: string | null }[]>(f)).map((s) => [s.id, s.url]),
);
const votes = zlib
  .gunzipSync(fs.readFileSync("datasets/votes/vote-events.jsonl.gz"))
  .toString("utf8")
  .split("\n")
  .filter((l) => l.includes('"A/RES/'))
  .map((l) => JSON.parse(l) as { id: string; sourceIds: string[] });

/** The addresses of a record's own sources (a source id that is an address stands for itself). */
function urlsOf(ids: string[]): string[] {
  return ids
    .map((id) => sourceUrls.get(id) ?? (id.startsWith("http") ? id : null))
    .filter((u): u is string => u !== null);
}

/** A date of the data wholly inside the month: day or month precision (a year-only date belongs to no month). */
function isInMonth(value: string | null, month: string): boolean {
  return value !== null && value.length >= 7 && value.startsWith(month);
}

/** Every fact of the bundled data dated in the month: its page on the site and the addresses of its record's sources. */
function expectedFacts(month: string): { path: string; urls: string[] }[] {
  const p = monthPeriod(month);
  return [
    ...sessions
      .filter((s) => s.start?.length === 10 && s.start < p.end && (s.end ?? s.start) >= p.start)
      .map((s) => ({ path: `/sessions/${s.id}`, urls: urlsOf(s.sources) })),
    ...resolutions
      .filter((r) => isInMonth(r.adoptedOn, month))
      .map((r) => ({ path: `/resolutions/${r.symbol}`, urls: urlsOf(r.sources) })),
    ...strategies
      .filter((s) => isInMonth(s.firstAdopted, month))
      .map((s) => ({
        path: `/instruments/${s.stateIso3.toLowerCase()}-first-cyber-strategy`,
        urls: urlsOf(s.sources),
      })),
    ...positions
      .filter((x) => isInMonth(x.published, month))
      .map((x) => ({ path: `/international-law#${x.id}`, urls: urlsOf(x.sources) })),
    ...treatyActions
      .filter((a) => isInMonth(a.signed, month) || isInMonth(a.consent, month))
      .map((a) => ({ path: `/treaties/${a.treatyId}`, urls: urlsOf(a.sources) })),
  ];
}

describe.each(TEST_DRIVERS)("what happened, derived from dated facts ($label)", ({ driver, skip }) => {
  let t: TestApp;
  const now = new Date("2026-11-23T12:00:00Z");
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver, { now });
  }, 240_000);
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "the drafts of December 2019 and January 2020 list every fact of the month, each citing a source of its own record",
    async () => {
      for (const month of ["2019-12", "2020-01"]) {
        const { composed } = await draftDigestIssue(t.database.db, { month, userId: null, now });
        const items: DigestItem[] = composed.sections.flatMap((s) => s.items);
        const expected = expectedFacts(month);
        if (month === "2019-12")
          expect(expected.map((e) => e.path)).toEqual(
            expect.arrayContaining(["/instruments/blz-first-cyber-strategy", "/resolutions/A/RES/74/247"]),
          );
        for (const fact of expected) {
          const item = items.find((i) => i.path === fact.path);
          expect(item, `${month}: ${fact.path}`).toBeDefined();
          expect(fact.urls, `${month}: ${fact.path} cites ${item!.source?.url}`).toContain(item!.source?.url);
        }
        for (const item of items.filter((i) => i.voteSource)) {
          const vote = votes.find((v) => `/resolutions/${v.id}` === item.path)!;
          expect(urlsOf(vote.sourceIds), `${item.path}: vote totals cited to the vote's own record`).toContain(
            item.voteSource!.url,
          );
        }
        // Nothing is placed in a month it does not have: year-only strategies (Belarus 2019) are in no month's draft.
        expect(items.some((i) => i.title.startsWith("Belarus:"))).toBe(false);
      }
      const december = (await draftDigestIssue(t.database.db, { month: "2019-12", userId: null, now })).composed
        .markdown;
      // 74/247: adopted per its own document, the totals per the vote record, not the draft A/C.3/74/L.11.
      expect(december).not.toContain("A-C-3-74-L-11");
      expect(december).not.toContain("gadis3643");
      expect(december).toContain("Belize: First national cybersecurity strategy");
    },
    120_000,
  );

  it.skipIf(skip)("the home page shows the latest facts, newest first, each with its source", async () => {
    const html = await (await t.app.request("/")).text();
    const section = html.slice(html.indexOf('id="facts-heading"'), html.indexOf('id="updates-heading"'));
    expect(section).toContain("What happened lately");
    const items = section.split('class="activity-item"').slice(1);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.includes("(source: <a href=") || i.includes("no source with an address"))).toBe(true);
    const days = [...section.matchAll(/<time datetime="([\d-]+)"/g)].map((m) => m[1]!);
    expect(days.every((d) => d <= "2026-11-23")).toBe(true);
    expect([...days].sort().reverse()).toEqual(days);
    expect(html).not.toContain("No updates yet");
  });

  it.skipIf(skip)(
    "/updates shows derived facts apart from editors' updates, labelled as derived from the data",
    async () => {
      const html = await (await t.app.request("/updates")).text();
      expect(html).toContain("From the data: what happened");
      expect(html).toContain("not written by an editor");
      expect(html).toMatch(/Treaty signed<\/span>: <a href="\/treaties\/un-cybercrime-2024">/);
      const filtered = await (await t.app.request("/updates?q=zzyzx")).text();
      expect(filtered).not.toContain("From the data: what happened");
    },
  );

  it.skipIf(skip)("the updates feed includes derived facts known to the day, labelled, with their source", async () => {
    const atom = await (await t.app.request("/feeds/updates.atom")).text();
    expect(atom).toContain('term="From the data: Treaty signed"');
    expect(atom).toContain("Derived from the data, not written by an editor.");
    expect(atom).toMatch(/<id>http:\/\/localhost\/treaties\/un-cybercrime-2024#treaty-signature%3A/);
    const rss = await (await t.app.request("/feeds/states/DZA.rss")).text();
    expect(rss).toContain("Algeria signed the");
  });
});
