import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";

describe.each(TEST_DRIVERS)("votes and alignment API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(driver);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "serves a vote event by its symbol, with totals, every State's vote, breakdowns and sponsors",
    async () => {
      const res = await t.app.request("/api/v1/votes/A/RES/74/247");
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        reported_totals: unknown;
        counted_totals: unknown;
        votes: { voter_code: string; vote: string }[];
        by_regional_group: { id: string; yes: number; no: number; abstain: number }[];
        by_organization: { id: string; no: number; members: number }[];
        sponsors: { state_iso3: string | null }[];
      };
      expect(body.reported_totals).toEqual({ yes: 79, no: 60, abstain: 33 });
      expect(body.counted_totals).toEqual({ yes: 79, no: 60, abstain: 33, absent: 21 });
      expect(body.votes).toHaveLength(193);
      expect(body.votes).toContainEqual(expect.objectContaining({ voter_code: "RUS", vote: "yes" }));
      expect(body.votes).toContainEqual(expect.objectContaining({ voter_code: "USA", vote: "no" }));
      const total = body.by_regional_group.reduce((n, g) => n + g.yes, 0);
      expect(total).toBe(79);
      expect(body.by_organization.find((o) => o.id === "EU")).toMatchObject({ members: 27, no: 27 });
      expect(body.sponsors.map((s) => s.state_iso3)).toContain("RUS");
    },
  );

  it.skipIf(skip)(
    "gives absences as null where the source records none, and early roll calls no UN symbol (issue 15)",
    async () => {
      const body = (await (await t.app.request("/api/v1/votes/A/RES/73/27")).json()) as {
        counted_totals: unknown;
        by_regional_group: { absent: number | null }[];
      };
      expect(body.counted_totals).toEqual({ yes: 119, no: 46, abstain: 14, absent: null });
      expect(body.by_regional_group.every((g) => g.absent === null)).toBe(true);
      const early = (await (await t.app.request("/api/v1/votes/RC-319")).json()) as {
        symbol: string | null;
        source_symbol: string;
        label: string;
      };
      expect(early).toMatchObject({
        symbol: null,
        source_symbol: "R/7/69",
        label: "Roll call 319 (Voeten code R/7/69)",
      });
    },
  );

  it.skipIf(skip)(
    "counts an organisation's members on the day of the vote where the source dates membership (issue 15)",
    async () => {
      const body = (await (await t.app.request("/api/v1/votes/A/RES/74/247")).json()) as {
        by_organization: { id: string; members: number; membership?: string }[];
      };
      // internacia-db dates every ASEAN membership: Timor-Leste joined on 2025-10-26, after this vote of 27 December 2019.
      expect(body.by_organization.find((o) => o.id === "ASEAN")).toMatchObject({
        members: 10,
        membership: "at-vote-date",
      });
      // It dates no EU membership: today's members, said so.
      expect(body.by_organization.find((o) => o.id === "EU")).toMatchObject({ members: 27, membership: "current" });
      const later = (await (await t.app.request("/api/v1/votes/A/RES/80/6")).json()) as {
        date: string;
        by_organization: { id: string; members: number }[];
      };
      expect(later.date).toBe("2025-11-11");
      expect(later.by_organization.find((o) => o.id === "ASEAN")?.members).toBe(11);
    },
  );

  it.skipIf(skip)("exports a vote event as CSV", async () => {
    const res = await t.app.request("/api/v1/votes/A/RES/73/27.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("vote_event_id,symbol,date,session,voter_code,state_iso3,name,un_regional_group,vote");
    expect(lines.filter((l) => l.endsWith(",yes"))).toHaveLength(119);
  });

  it.skipIf(skip)("lists cyber votes only and answers an unknown event with 404", async () => {
    const res = await t.app.request("/api/v1/votes?cyber=true&per_page=100");
    const body = (await res.json()) as { data: { id: string; cyber_topic: string }[]; meta: { total: number } };
    expect(body.data.map((e) => e.id)).toEqual(expect.arrayContaining(["A/RES/73/27", "A/RES/74/247", "A/RES/78/237"]));
    expect(body.data.every((e) => e.cyber_topic)).toBe(true);
    expect((await t.app.request("/api/v1/votes/A/RES/99/999")).status).toBe(404);
  });

  it.skipIf(skip)("lists the States that moved from 73/187 to 74/247", async () => {
    const res = await t.app.request("/api/v1/votes/compare?a=A/RES/73/187&b=A/RES/74/247");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      shifts: { voter_code: string; from: string | null; to: string | null }[];
      moves: Record<string, number>;
    };
    expect(body.shifts.length).toBeGreaterThan(0);
    expect(body.shifts.every((s) => s.from !== s.to)).toBe(true);
  });

  it.skipIf(skip)(
    "compares in date order from short symbols and keeps changes of vote apart from presence changes (issue 17)",
    async () => {
      const res = await t.app.request("/api/v1/votes/compare?a=74/247&b=73/187");
      expect(res.status).toBe(200);
      type Shift = { voter_code: string; from: string | null; to: string | null };
      const body = (await res.json()) as {
        a: { id: string };
        b: { id: string };
        is_reordered: boolean;
        changes: Shift[];
        presence_changes: Shift[];
      };
      expect([body.a.id, body.b.id, body.is_reordered]).toEqual(["A/RES/73/187", "A/RES/74/247", true]);
      expect(body.changes).toHaveLength(20);
      const cast = ["yes", "no", "abstain"];
      expect(body.changes.every((s) => cast.includes(s.from!) && cast.includes(s.to!) && s.from !== s.to)).toBe(true);
      expect(body.presence_changes.length).toBeGreaterThan(0);
      expect(body.presence_changes.every((s) => !cast.includes(s.from ?? "") || !cast.includes(s.to ?? ""))).toBe(true);
    },
  );

  it.skipIf(skip)("gives pair agreement, a symmetric matrix as CSV, and group cohesion", async () => {
    const self = (await (await t.app.request("/api/v1/alignment/pair?a=FRA&b=FRA&scope=cyber")).json()) as {
      agreement: number;
    };
    expect(self.agreement).toBe(1);
    const pair = (await (await t.app.request("/api/v1/alignment/pair?a=USA&b=RUS&scope=cyber")).json()) as {
      agreement: number;
      events: number;
    };
    expect(pair.events).toBeGreaterThan(10);
    expect(pair.agreement).toBeLessThan(0.8);
    const csv = await (await t.app.request("/api/v1/alignment/matrix?format=csv")).text();
    const rows = csv
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    expect(rows).toHaveLength(194);
    for (let i = 1; i < 194; i++) expect(rows[i]![i]).toBe("1");
    expect(rows[3]![7]).toBe(rows[7]![3]);
    const eu = (await (await t.app.request("/api/v1/alignment/groups/EU?scope=cyber")).json()) as {
      cohesion: number;
      members: string[];
    };
    expect(eu.members).toHaveLength(27);
    expect(eu.cohesion).toBeGreaterThan(0.9);
    expect((await t.app.request("/api/v1/alignment/pair?a=USA&b=QQQ")).status).toBe(404);
    expect((await t.app.request("/api/v1/alignment/pair?a=USA&b=RUS&session_from=75&session_to=70")).status).toBe(400);
  });
});
