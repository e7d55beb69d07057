import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { TEST_DRIVERS } from "../../test/database.js";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { insertUpdate } from "../db/updates.js";
import { ingestBatch } from "../ingest/documents/batch.js";

interface List<T> {
  data: T[];
  meta: { total: number; page: number; per_page: number };
}

describe.each(TEST_DRIVERS)("Participation API on $label", ({ driver, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createTestApp(driver, { now: new Date("2026-11-23T12:00:00Z") });
    await insertUpdate(
      t.database.db,
      {
        title: "Stakeholder modalities agreed for the OEWG",
        bodyMarkdown: "Agreed by **silence procedure** on 22 April 2022.",
        publishedOn: "2022-04-22",
        links: [{ kind: "process", id: "oewg-2021-2025" }],
      },
      new Date("2026-11-20T10:00:00Z"),
    );
  });
  afterAll(async () => t?.dispose());

  const get = async <T>(path: string) => {
    const res = await t.app.request(path);
    return { status: res.status, body: (await res.json()) as T };
  };

  it.skipIf(skip)(
    "lists deadlines with their status at the server's time; the 2022 silence procedure is closed, not upcoming",
    async () => {
      const all = await get<List<{ id: string; status: string; closes: { value: string } | null; sources: unknown[] }>>(
        "/api/v1/deadlines?process=oewg-2021-2025",
      );
      expect(all.status).toBe(200);
      const silence = all.body.data.find((d) => d.id === "oewg-2021-2025-non-ecosoc-accreditation-2022")!;
      expect(silence).toMatchObject({ status: "closed", closes: { value: "2022-06-30" } });
      expect(silence.sources.length).toBeGreaterThan(0);
      const upcoming = await get<List<{ id: string }>>("/api/v1/deadlines?upcoming=true");
      expect(upcoming.body.data.map((d) => d.id)).not.toContain("oewg-2021-2025-non-ecosoc-accreditation-2022");
      expect(
        (await get<{ id: string }>("/api/v1/deadlines/oewg-2021-2025-non-ecosoc-accreditation-2022")).body.id,
      ).toBe("oewg-2021-2025-non-ecosoc-accreditation-2022");
      expect((await get("/api/v1/deadlines/no-such-deadline")).status).toBe(404);
      expect((await get("/api/v1/deadlines?kind=nonsense")).status).toBe(400);
    },
  );

  it.skipIf(skip)(
    "cuts deadlines, stakeholder actions and updates into pages in the order and with the total of the whole list",
    async () => {
      type Row = { id?: string; slug?: string; kind?: string };
      const keyOf = (x: Row) => x.id ?? x.slug;
      for (const [list, least] of [
        ["/api/v1/deadlines", 2],
        ["/api/v1/deadlines?kind=no-objection-period", 1],
        ["/api/v1/stakeholder-actions", 2],
        ["/api/v1/updates", 1],
      ] as const) {
        const join = list.includes("?") ? "&" : "?";
        const whole = await get<List<Row>>(`${list}${join}per_page=500`);
        expect(whole.body.meta.total, list).toBe(whole.body.data.length);
        expect(whole.body.meta.total, list).toBeGreaterThanOrEqual(least);
        for (const page of [1, 2]) {
          const one = await get<List<Row>>(`${list}${join}per_page=1&page=${page}`);
          expect(one.body.meta, list).toEqual({ total: whole.body.meta.total, page, per_page: 1 });
          expect(one.body.data.map(keyOf), list).toEqual(whole.body.data.slice(page - 1, page).map(keyOf));
        }
      }
      const kinds = (await get<List<Row>>("/api/v1/deadlines?kind=no-objection-period")).body.data.map((d) => d.kind);
      expect(kinds).toEqual(["no-objection-period"]);
    },
  );

  it.skipIf(skip)(
    "summarises accreditation per ECOSOC status: 32 of 86 non-ECOSOC applicants to the OEWG 2021–2025 blocked",
    async () => {
      const { status, body } = await get<
        List<unknown> & {
          summary: {
            groups: { ecosoc_status: string; applicants: number | null; objected: number | null; basis: string }[];
          };
        }
      >("/api/v1/accreditations?process=oewg-2021-2025&per_page=5");
      expect(status).toBe(200);
      expect(body.meta.total).toBe(15);
      expect(body.data).toHaveLength(5);
      expect(body.summary.groups.find((g) => g.ecosoc_status === "non-ecosoc")).toMatchObject({
        applicants: 86,
        objected: 32,
        basis: "aggregate",
      });
    },
  );

  it.skipIf(skip)("lists stakeholder actions of a process with signatories and sources", async () => {
    const { body } = await get<List<{ process_id: string; sources: unknown[] }>>(
      "/api/v1/stakeholder-actions?process=oewg-2021-2025",
    );
    expect(body.meta.total).toBe(2);
    for (const a of body.data) {
      expect(a.process_id).toBe("oewg-2021-2025");
      expect(a.sources.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(skip)("links a stakeholder action to its text once that is ingested from the action's URL", async () => {
    const url = "https://www.hrw.org/news/2022/01/13/letter-un-ad-hoc-committee-cybercrime";
    const id = "ahc-cybercrime-2022-2024-hrw-eff-letter-2021-12-22";
    const before = await get<List<{ id: string; document: unknown }>>(
      "/api/v1/stakeholder-actions?process=ahc-cybercrime-2022-2024",
    );
    expect(before.body.data.find((a) => a.id === id)!.document).toBeNull();
    // A stand-in for the fetched page (the network is closed in tests): what matters is the URL it came from.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "nw-action-"));
    const file = path.join(dir, "letter.md");
    await fs.writeFile(
      file,
      "# Letter to the UN Ad Hoc Committee on Cybercrime (test stand-in)\n\nTest stand-in paragraph for the letter's text.\n",
    );
    const [result] = await ingestBatch(t.database.db, [{ kind: "file", path: file }], {
      provenance: { sourceUrl: url, licence: "test", type: "letter" },
      now: () => new Date("2026-11-23T12:00:00Z"),
      maxBytes: 1_000_000,
      allowPrivateAddresses: false,
      maxRedirects: 0,
    });
    expect(result!.status).toBe("inserted");
    const after = await get<List<{ id: string; document: { slug: string; url: string } | null }>>(
      "/api/v1/stakeholder-actions?process=ahc-cybercrime-2022-2024",
    );
    const doc = after.body.data.find((a) => a.id === id)!.document!;
    expect(doc.slug).toBe(result!.slug);
    expect(doc.url).toBe(`/documents/${result!.slug}`);
    expect(await (await t.app.request("/participation")).text()).toContain(`href="/documents/${result!.slug}"`);
    await fs.rm(dir, { recursive: true });
  });

  it.skipIf(skip)("lists updates by linked record and returns one by slug; link parameters come together", async () => {
    const list = await get<
      List<{ slug: string; title: string; links: { kind: string; id: string; page_url: string }[] }>
    >("/api/v1/updates?link_kind=process&link_id=oewg-2021-2025");
    expect(list.body.data.map((u) => u.title)).toEqual(["Stakeholder modalities agreed for the OEWG"]);
    expect(list.body.data[0]!.links).toEqual([
      { kind: "process", id: "oewg-2021-2025", page_url: "/processes/oewg-2021-2025" },
    ]);
    expect((await get<List<unknown>>("/api/v1/updates?link_kind=state&link_id=CHE")).body.data).toEqual([]);
    expect((await get(`/api/v1/updates/${list.body.data[0]!.slug}`)).status).toBe(200);
    expect((await get("/api/v1/updates?link_kind=process")).status).toBe(400);
  });

  it.skipIf(skip)(
    "lists calendar events in a date range: the Global Mechanism's December 2026 meetings, with a one-event .ics link",
    async () => {
      const { status, body } = await get<
        List<{ uid: string; kind: string; record_id: string; start: { value: string }; ics_url: string | null }>
      >("/api/v1/calendar?from=2026-12-01&to=2026-12-31");
      expect(status).toBe(200);
      const dtg = body.data.find(
        (e) => e.record_id === "global-mechanism-ict-2026-global-mechanism-dedicated-thematic-group-dtg-meetings",
      )!;
      expect(dtg).toMatchObject({ kind: "session", start: { value: "2026-12-07" } });
      expect(dtg.ics_url).toMatch(/^\/calendar\/events\/session-.+\.ics$/);
      const ics = await t.app.request(dtg.ics_url!);
      expect(ics.status).toBe(200);
      // The API's uid is the UID the calendar file carries, in the instance's domain.
      expect((await ics.text()).replace(/\r\n[ \t]/g, "")).toContain(`\r\nUID:${dtg.uid}\r\n`);
      expect(dtg.uid).toMatch(/^session-.+@localhost$/);
      for (const e of body.data) expect(e.start.value <= "2026-12-31").toBe(true);
      expect((await get("/api/v1/calendar?from=2026-12-31&to=2026-12-01")).status).toBe(400);
    },
  );
});
