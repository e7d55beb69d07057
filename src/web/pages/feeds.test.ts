import ICAL from "ical.js";
import { XMLParser } from "fast-xml-parser";
import { parseFeed } from "@rowanmanning/feed-parser";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { insertUpdate } from "../../db/updates.js";

/** Parses with ical.js (independent of the generator) and returns the VEVENTs keyed by UID. */
function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map(
    calendar.getAllSubcomponents("vevent").map((v) => [String(v.getFirstPropertyValue("uid")), v]),
  );
  return { calendar, events };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("Calendar and syndication feeds", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertUpdate(
      t.database.db,
      {
        title: "Markup in a title: <test> & <script>alert(1)</script>",
        bodyMarkdown: "Plain text with <b>angle brackets</b> & ampersands.",
        publishedOn: "2022-04-21",
        links: [{ kind: "state", id: "UKR" }],
      },
      new Date("2026-11-20T10:00:00Z"),
    );
    await insertUpdate(
      t.database.db,
      {
        title: "Stakeholder modalities agreed for the OEWG",
        bodyMarkdown: "Agreed by **silence procedure** on 22 April 2022.",
        publishedOn: "2022-04-22",
        links: [
          { kind: "process", id: "oewg-2021-2025" },
          { kind: "state", id: "UKR" },
          { kind: "norm", id: "13c" },
        ],
      },
      new Date("2026-11-20T10:00:00Z"),
    );
  });
  afterAll(async () => t.dispose());

  it("serves the whole calendar as valid iCalendar with stable UIDs and all-day sessions whose DTEND is exclusive", async () => {
    const res = await t.app.request("/feeds/calendar.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const text = await res.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toMatch(/END:VCALENDAR\r\n$/);
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const { events } = parseIcs(text);
    const first = events.get("session-oewg-2019-2021-oewg-first-substantive-session@localhost")!;
    const start = first.getFirstPropertyValue("dtstart") as ICAL.Time;
    const end = first.getFirstPropertyValue("dtend") as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe("2019-09-09");
    expect(end.toString()).toBe("2019-09-14");
    expect(first.getFirstPropertyValue("location")).toBe("New York (Conference Room 4)");
    expect(events.has("deadline-oewg-2021-2025-non-ecosoc-accreditation-2022-closes@localhost")).toBe(true);
  });

  it("leaves sessions known only to the month out of feeds and says so in the description", async () => {
    const text = await (await t.app.request("/feeds/processes/oewg-2021-2025.ics")).text();
    const { calendar, events } = parseIcs(text);
    expect(events.has("session-oewg-2021-2025-oewg-tenth-substantive-session@localhost")).toBe(false);
    expect(events.has("session-oewg-2021-2025-oewg-eleventh-final-substantive-session@localhost")).toBe(true);
    expect([...events.keys()].every((uid) => uid.includes("oewg-2021-2025"))).toBe(true);
    expect(String(calendar.getFirstPropertyValue("x-wr-caldesc"))).toContain("known to the day");
  });

  it("has a deadlines-only feed and one per session kind", async () => {
    const deadlines = parseIcs(await (await t.app.request("/feeds/deadlines.ics")).text()).events;
    expect([...deadlines.keys()]).toEqual(["deadline-oewg-2021-2025-non-ecosoc-accreditation-2022-closes@localhost"]);
    const ceremonies = parseIcs(await (await t.app.request("/feeds/sessions/signing-ceremony.ics")).text()).events;
    expect([...ceremonies.keys()]).toEqual([
      "session-ahc-cybercrime-2022-2024-signing-ceremony-and-high-level-conference-of-the-un-convention-against-cybercrime-hanoi-conven@localhost",
    ]);
    expect((await t.app.request("/feeds/sessions/plenary.ics")).status).toBe(404);
    expect((await t.app.request("/feeds/processes/oewg-1999.ics")).status).toBe(404);
  });

  it("raises SEQUENCE when a session's dates change, and keeps it when nothing changed", async () => {
    const uid = "session-ahc-cybercrime-2022-2024-ahc-fourth-session@localhost";
    const sequenceOf = async () =>
      Number(
        parseIcs(await (await t.app.request("/feeds/calendar.ics")).text())
          .events.get(uid)!
          .getFirstPropertyValue("sequence"),
      );
    const before = await sequenceOf();
    expect(await sequenceOf()).toBe(before);
    await t.database.db.execute(
      sql`UPDATE sessions SET end_date = '2023-01-21' WHERE id = 'ahc-cybercrime-2022-2024-ahc-fourth-session'`,
    );
    const after = await sequenceOf();
    expect(after).toBe(before + 1);
    const end = parseIcs(await (await t.app.request("/feeds/calendar.ics")).text())
      .events.get(uid)!
      .getFirstPropertyValue("dtend") as ICAL.Time;
    expect(end.toString()).toBe("2023-01-22");
    await t.database.db.execute(
      sql`UPDATE sessions SET end_date = '2023-01-20' WHERE id = 'ahc-cybercrime-2022-2024-ahc-fourth-session'`,
    );
    expect(await sequenceOf()).toBe(before + 2);
  });

  it("serves one event as its own .ics for 'add to calendar'", async () => {
    const res = await t.app.request("/calendar/events/session-oewg-2019-2021-oewg-first-substantive-session.ics");
    expect(res.status).toBe(200);
    const { events } = parseIcs(await res.text());
    expect([...events.keys()]).toEqual(["session-oewg-2019-2021-oewg-first-substantive-session@localhost"]);
    expect(
      (await t.app.request("/calendar/events/session-oewg-2021-2025-oewg-tenth-substantive-session.ics")).status,
    ).toBe(404);
  });

  it("serves RSS 2.0 and Atom of updates and new records that an independent XML parser reads", async () => {
    const rss = await t.app.request("/feeds/updates.rss");
    expect(rss.headers.get("content-type")).toContain("application/rss+xml");
    const channel = xml.parse(await rss.text()).rss.channel;
    const items = [channel.item].flat();
    expect(items.map((i: { title: string }) => i.title)).toContain("Stakeholder modalities agreed for the OEWG");
    expect(items.some((i: { title: string }) => i.title.startsWith("A/RES/80/16"))).toBe(true);
    const atom = xml.parse(await (await t.app.request("/feeds/updates.atom")).text()).feed;
    const entries = [atom.entry].flat();
    const update = entries.find((e: { title: { "#text": string } | string }) =>
      JSON.stringify(e.title).includes("Stakeholder modalities"),
    );
    expect(JSON.stringify(update.content)).toContain("<strong>silence procedure</strong>");
  });

  it("serves Atom per State, norm, process and search with only the records in scope", async () => {
    const titles = async (path: string) => {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      return [xml.parse(await res.text()).feed.entry ?? []]
        .flat()
        .map((e: { title: unknown }) => JSON.stringify(e.title));
    };
    expect((await titles("/feeds/states/UKR.atom")).some((x) => x.includes("Stakeholder modalities"))).toBe(true);
    expect((await titles("/feeds/norms/13c.atom")).some((x) => x.includes("Stakeholder modalities"))).toBe(true);
    const process = await titles("/feeds/processes/oewg-2021-2025.atom");
    expect(process.some((x) => x.includes("OEWG eleventh (final) substantive session") || x.includes("eleventh"))).toBe(
      true,
    );
    expect(process.some((x) => x.includes("A/RES/75/240"))).toBe(true);
    expect((await titles("/feeds/states/FRA.atom")).some((x) => x.includes("Stakeholder modalities"))).toBe(false);
    const search = await titles("/feeds/search.atom?q=silence%20procedure");
    expect(search.some((x) => x.includes("Stakeholder modalities"))).toBe(true);
    expect((await t.app.request("/feeds/search.atom")).status).toBe(400);
    expect((await t.app.request("/feeds/states/XXX.atom")).status).toBe(404);
  });

  const FEEDS = [
    "/feeds/updates",
    "/feeds/states/UKR",
    "/feeds/norms/13c",
    "/feeds/processes/oewg-2021-2025",
    "/feeds/search",
    "/digest/feed",
  ];

  it("names an author on every Atom feed and gives each feed, search feeds included, its own id from the public address", async () => {
    const ids: string[] = [];
    for (const path of [
      ...FEEDS.map((f) => `${f}.atom${f === "/feeds/search" ? "?q=silence" : ""}`),
      "/feeds/search.atom?q=accreditation",
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      const feed = parseFeed(text);
      expect(feed.meta.type, path).toBe("atom");
      expect(
        feed.authors.map((a) => a.name),
        path,
      ).toEqual(["Normwatch"]);
      const raw = xml.parse(text).feed;
      expect(raw.author.name, path).toBe("Normwatch");
      expect(String(raw.id).startsWith("http://localhost/"), path).toBe(true);
      expect(feed.self, path).toBe(`http://localhost${path}`);
      ids.push(String(raw.id));
      for (const item of feed.items) expect(item.id?.startsWith("http://localhost/"), path).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sends titles and summaries as plain text that feed readers show literally, never as markup", async () => {
    const title = "Markup in a title: <test> & <script>alert(1)</script>";
    const atomText = await (await t.app.request("/feeds/states/UKR.atom")).text();
    expect(atomText).not.toContain("<script>");
    expect(atomText).not.toContain("<test>");
    const atom = parseFeed(atomText);
    const entry = atom.items.find((i) => i.title?.startsWith("Markup in a title"));
    expect(entry?.title).toBe(title);
    expect(entry?.description).toBe("Plain text with <b>angle brackets</b> & ampersands.");
    const rawEntry = [xml.parse(atomText).feed.entry]
      .flat()
      .find((e: { title: { "#text": string } }) => e.title["#text"] === title);
    expect(rawEntry.title["@type"]).toBe("text");
    expect(rawEntry.summary["@type"]).toBe("text");
    expect(rawEntry.content["@type"]).toBe("html");
    expect(rawEntry.content["#text"]).toContain("&lt;b&gt;angle brackets&lt;/b&gt;");

    const rssText = await (await t.app.request("/feeds/states/UKR.rss")).text();
    expect(rssText).not.toContain("<script>");
    expect(rssText).not.toContain("CDATA");
    const rss = parseFeed(rssText);
    expect(rss.meta.type).toBe("rss");
    const item = rss.items.find((i) => i.title?.startsWith("Markup in a title"));
    expect(item?.title).toBe(title);
    // An RSS description is HTML: the plain summary is sent escaped, and a reader turns it back into the same text.
    expect(item?.description).toBe("Plain text with <b>angle brackets</b> & ampersands.");
    expect(rssText).toContain(
      "Plain text with &amp;lt;b&amp;gt;angle brackets&amp;lt;/b&amp;gt; &amp;amp; ampersands.",
    );
    expect(item?.url).toMatch(/^http:\/\/localhost\/updates\//);
  });
});
