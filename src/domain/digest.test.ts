// Composition of the monthly digest from a period's records: what goes in, where, in which order, and safe Markdown.
// The records here are synthetic test fixtures (names and numbers invented), except where a test says otherwise.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.js";
import { selectDigestSections } from "./digest-markdown.js";
import { composeDigest, formatSpan, monthPeriod, sectionOf, themeHeadings, type DigestRecords } from "./digest.js";
import { escapeMarkdown, splitDigestMarkdown } from "./digest-markdown.js";

function empty(): DigestRecords {
  return {
    updates: [],
    resolutions: [],
    voteEvents: [],
    documents: [],
    sessions: [],
    deadlines: [],
    stakeholderActions: [],
    implementation: [],
    activity: [],
  };
}

const day = (date: string) => ({ date, precision: "day" as const });
const month = (date: string) => ({ date: `${date}-01`, precision: "month" as const });

describe("monthPeriod", () => {
  it("spans the month, exclusive end, and six weeks after it", () => {
    expect(monthPeriod("2020-01")).toEqual({
      slug: "2020-01",
      start: "2020-01-01",
      end: "2020-02-01",
      horizonEnd: "2020-03-14",
    });
    expect(monthPeriod("2019-12")).toEqual({
      slug: "2019-12",
      start: "2019-12-01",
      end: "2020-01-01",
      horizonEnd: "2020-02-12",
    });
    expect(monthPeriod("2024-02", 2).end).toBe("2024-03-01");
  });
  it("refuses anything but YYYY-MM", () => {
    expect(() => monthPeriod("2020-13")).toThrow(/YYYY-MM/);
    expect(() => monthPeriod("January")).toThrow(/YYYY-MM/);
  });
});

describe("sectionOf", () => {
  it("puts the AHC and cybercrime resolutions under the cybercrime convention, GGE/OEWG/mechanism under the First Committee", () => {
    expect(sectionOf({ processKind: "ahc", topic: null })).toBe("cybercrime");
    expect(sectionOf({ processKind: null, topic: "cybercrime-related" })).toBe("cybercrime");
    expect(sectionOf({ processKind: "oewg", topic: null })).toBe("first-committee");
    expect(sectionOf({ processKind: "gge", topic: "cybercrime" })).toBe("first-committee");
    expect(sectionOf({ processKind: "permanent-mechanism", topic: null })).toBe("first-committee");
    expect(sectionOf({ processKind: null, topic: "ict-security" })).toBe("first-committee");
    expect(sectionOf({ processKind: null, topic: null })).toBe("other");
    expect(sectionOf({ processKind: null, topic: null }, "participation")).toBe("participation");
  });
});

describe("formatSpan", () => {
  it("writes ranges without repeating the month and keeps partial dates at their precision", () => {
    expect(formatSpan(day("2019-12-09"), day("2019-12-13"))).toBe("9–13 December 2019");
    expect(formatSpan(day("2022-02-28"), day("2022-03-11"))).toBe("28 February 2022 – 11 March 2022");
    expect(formatSpan(month("2024-05"), month("2024-05"))).toBe("May 2024");
    expect(formatSpan(day("2021-06-01"), null)).toBe("1 June 2021");
  });
});

describe("composeDigest", () => {
  const period = monthPeriod("2019-12");

  it("keeps only the period's records, with upcoming sessions from the following weeks", () => {
    const records = empty();
    records.sessions = [
      {
        id: "s-held",
        name: "Held session",
        processShortName: "OEWG",
        processKind: "oewg",
        start: day("2019-12-09"),
        end: day("2019-12-13"),
        venue: "New York",
        source: null,
      },
      {
        id: "s-spanning",
        name: "Spanning session",
        processShortName: "GGE",
        processKind: "gge",
        start: day("2019-11-28"),
        end: day("2019-12-02"),
        venue: null,
        source: null,
      },
      {
        id: "s-next",
        name: "Next session",
        processShortName: "AHC",
        processKind: "ahc",
        start: day("2020-02-10"),
        end: day("2020-02-14"),
        venue: null,
        source: null,
      },
      {
        id: "s-late",
        name: "Too late session",
        processShortName: "OEWG",
        processKind: "oewg",
        start: day("2020-02-12"),
        end: null,
        venue: null,
        source: null,
      },
      {
        id: "s-before",
        name: "Earlier session",
        processShortName: "OEWG",
        processKind: "oewg",
        start: day("2019-11-01"),
        end: day("2019-11-05"),
        venue: null,
        source: null,
      },
      {
        id: "s-year",
        name: "Year-only session",
        processShortName: "OEWG",
        processKind: "oewg",
        start: { date: "2019-01-01", precision: "year" },
        end: null,
        venue: null,
        source: null,
      },
    ];
    const digest = composeDigest(records, period);
    const titles = digest.sections.flatMap((s) => s.items.map((i) => `${s.id}:${i.kind}:${i.title}`));
    expect(titles).toEqual([
      "cybercrime:session-upcoming:Next session",
      "first-committee:session-held:Spanning session",
      "first-committee:session-held:Held session",
    ]);
    expect(digest.title).toBe("Normwatch digest: December 2019");
    expect(digest.intro).toContain("until 11 February 2020");
  });

  it("merges a resolution's vote event and full text into the adoption item, and lists other cyber votes separately", () => {
    const records = empty();
    records.resolutions = [
      {
        symbol: "A/RES/99/1",
        title: "Test resolution",
        topic: "cybercrime",
        adoptedOn: "2019-12-27",
        adoptionNote: "recorded vote",
        yes: 1,
        no: 2,
        abstain: 3,
        source: { title: "UN record", url: "https://example.org/r" },
      },
    ];
    records.voteEvents = [
      {
        id: "A/RES/99/1",
        symbol: "A/RES/99/1",
        title: "Test resolution",
        date: "2019-12-27",
        yes: 79,
        no: 60,
        abstain: 33,
        topic: "cybercrime",
        source: { title: "Vote dataset", url: "https://example.org/votes" },
      },
      {
        id: "RC-1",
        symbol: "A/RES/99/1",
        title: "Paragraph 5",
        date: "2019-12-27",
        yes: 10,
        no: 20,
        abstain: 30,
        topic: "cybercrime",
        source: null,
      },
      {
        id: "RC-2",
        symbol: "A/RES/99/2",
        title: "Not cyber",
        date: "2019-12-20",
        yes: 1,
        no: 1,
        abstain: 1,
        topic: null,
        source: null,
      },
    ];
    records.documents = [
      {
        slug: "A/RES/99/1",
        path: "/documents/A/RES/99/1",
        symbol: "A/RES/99/1",
        title: "Test resolution",
        typeLabel: "Resolution",
        documentDate: "2019-12-27",
        version: 1,
        ingestedOn: "2026-11-23",
        sourceUrl: "https://example.org/doc",
        theme: { processKind: null, topic: "cybercrime" },
      },
    ];
    const [section] = composeDigest(records, period).sections;
    expect(section!.id).toBe("cybercrime");
    expect(section!.items.map((i) => [i.kind, i.title])).toEqual([
      ["resolution", "A/RES/99/1"],
      ["vote-event", "A/RES/99/1"],
    ]);
    const adopted = section!.items[0]!;
    expect(adopted.detail).toBe("Test resolution; recorded vote, 79 in favour, 60 against, 33 abstentions");
    expect(adopted.links).toEqual([
      { title: "full text", url: "/documents/A/RES/99/1" },
      { title: "votes by State", url: "/votes/A/RES/99/1" },
    ]);
    expect(section!.items[1]!.path).toBe("/votes/RC-1");
    // The adoption is cited to the resolution's source, the totals to the vote's own record (issue 16).
    expect([adopted.source?.url, adopted.voteSource?.url]).toEqual([
      "https://example.org/r",
      "https://example.org/votes",
    ]);
    expect(composeDigest(records, period).markdown).toContain(
      "source: [UN record](https://example.org/r) · vote: [Vote dataset](https://example.org/votes)",
    );
  });

  it("labels documents new or amended and files them by process, topic or under Other", () => {
    const records = empty();
    const base = { sourceUrl: null, typeLabel: "Report", version: 1, ingestedOn: "2026-01-01" };
    records.documents = [
      {
        ...base,
        slug: "d1",
        path: "/documents/d1",
        symbol: "A/AC.1/1",
        title: "Dated report",
        documentDate: "2019-12-03",
        theme: { processKind: "oewg", topic: null },
      },
      {
        ...base,
        slug: "d2",
        path: "/documents/d2",
        symbol: null,
        title: "Amended note",
        documentDate: "2018-01-01",
        version: 3,
        ingestedOn: "2019-12-20",
        theme: { processKind: null, topic: null },
      },
      {
        ...base,
        slug: "d3",
        path: "/documents/d3",
        symbol: null,
        title: "Old report",
        documentDate: "2019-11-30",
        theme: { processKind: null, topic: null },
      },
    ];
    const items = composeDigest(records, period).sections.flatMap((s) =>
      s.items.map((i) => `${s.id}|${i.label}|${i.when}|${i.title}`),
    );
    expect(items).toEqual([
      "first-committee|New report|3 December 2019|A/AC.1/1",
      "other|Amended report (version 3)|20 December 2019|Amended note",
    ]);
  });

  it("files a dated document under the month of its date, not the month a corpus import stored it (issue 15)", () => {
    const records = empty();
    // A/RES/74/173 (bundled corpus, dated 18 December 2019) stored by a corpus import in November 2026.
    const doc = {
      slug: "A/RES/74/173",
      path: "/documents/A/RES/74/173",
      symbol: "A/RES/74/173",
      title:
        "Promoting technical assistance and capacity-building to strengthen national measures and international cooperation to combat cybercrime, including information-sharing",
      typeLabel: "Resolution",
      version: 1,
      ingestedOn: "2026-11-23",
      sourceUrl: null,
      theme: { processKind: null, topic: null },
    };
    records.documents = [
      { ...doc, documentDate: "2019-12-18" },
      { ...doc, slug: "undated", path: "/documents/undated", symbol: null, title: "Undated note", documentDate: null },
    ];
    const titles = (month: string) =>
      composeDigest(records, monthPeriod(month)).sections.flatMap((s) => s.items.map((i) => i.title));
    expect(titles("2026-11")).toEqual(["Undated note"]);
    expect(titles("2019-12")).toEqual(["A/RES/74/173"]);
  });

  it("puts deadlines opening or closing (now or in the coming weeks) and stakeholder actions under participation", () => {
    const records = empty();
    const d = { processShortName: "OEWG", kindLabel: "Call for written inputs", source: null };
    records.deadlines = [
      { ...d, id: "closes-in", title: "Closes in December", opens: null, closes: day("2019-12-15") },
      { ...d, id: "closes-soon", title: "Closes in January", opens: day("2019-11-01"), closes: day("2020-01-20") },
      { ...d, id: "opens-in", title: "Opens in December", opens: day("2019-12-02"), closes: day("2020-06-01") },
      {
        ...d,
        id: "rolling",
        title: "Rolling, year only",
        opens: { date: "2019-01-01", precision: "year" },
        closes: null,
      },
    ];
    records.stakeholderActions = [
      {
        id: "letter",
        title: "Joint letter",
        kindLabel: "Joint letter",
        processId: "oewg-x",
        processShortName: "OEWG",
        actedOn: month("2019-12"),
        signatoryCount: "44 States",
        source: { title: "letter", url: "https://example.org/l" },
      },
      {
        id: "undated",
        title: "Undated letter",
        kindLabel: "Joint letter",
        processId: null,
        processShortName: null,
        actedOn: null,
        signatoryCount: null,
        source: null,
      },
    ];
    const [section] = composeDigest(records, period).sections;
    expect(section!.id).toBe("participation");
    expect(section!.items.map((i) => `${i.label}: ${i.title}`)).toEqual([
      "Stakeholders: Joint letter",
      "Deadline opened: Opens in December",
      "Deadline closed: Closes in December",
      "Deadline coming up: Closes in January",
    ]);
    expect(section!.items[0]!.detail).toBe("Joint letter, OEWG, signatories: 44 States");
  });

  it("files updates by their linked process and implementation records by kind", () => {
    const records = empty();
    records.updates = [
      {
        slug: "2019-12-05-news",
        title: "News",
        summary: "Short.",
        publishedOn: "2019-12-05",
        links: [{ title: "AHC", url: "/processes/ahc-x" }],
        theme: { processKind: "ahc", topic: null },
      },
    ];
    records.implementation = [
      {
        kind: "programme",
        id: "p1",
        title: "Workshop",
        publishedOn: "2019-12-10",
        path: "/history/programme/p1",
        source: null,
      },
      {
        kind: "instrument",
        id: "i1",
        title: "Strategy",
        publishedOn: "2019-12-11",
        path: "/history/instrument/i1",
        source: null,
      },
      {
        kind: "evidence",
        id: "7",
        title: "Evidence outside",
        publishedOn: "2020-01-01",
        path: "/history/evidence/7",
        source: null,
      },
    ];
    const digest = composeDigest(records, period);
    expect(digest.sections.map((s) => [s.id, s.items.map((i) => i.title)])).toEqual([
      ["cybercrime", ["News"]],
      ["regional-national", ["Strategy"]],
      ["capacity-building", ["Workshop"]],
    ]);
    expect(digest.markdown).toContain(
      "- **Update, 5 December 2019:** [News](/updates/2019-12-05-news): Short. ([AHC](/processes/ahc-x))",
    );
  });

  it("says so when nothing changed", () => {
    const digest = composeDigest(empty(), period);
    expect(digest.sections).toEqual([]);
    expect(digest.markdown).toContain("Nothing tracked changed in this period.");
  });

  it("writes record text so that it cannot become HTML, links or emphasis", () => {
    const records = empty();
    records.sessions = [
      {
        id: "s",
        name: "<script>alert(1)</script> [x](javascript:alert(1)) *bold*",
        processShortName: "OEWG",
        processKind: "oewg",
        start: day("2019-12-02"),
        end: null,
        venue: null,
        source: { title: "src", url: "https://example.org/a (b)" },
      },
    ];
    const html = renderMarkdown(composeDigest(records, period).markdown);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain("<em>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('href="https://example.org/a%20(b)"');
  });
});

describe("digest Markdown", () => {
  it("escapes Markdown syntax and collapses line breaks", () => {
    expect(escapeMarkdown("a *b*\n[c](d) <e> #f")).toBe("a \\*b\\* \\[c\\]\\(d\\) \\<e\\> \\#f");
  });
  it("splits an issue at its second-level headings, ignoring fenced code", () => {
    const parts = splitDigestMarkdown(
      "# Title\n\nIntro text.\n\n## One\n\n- a\n\n```\n## not a heading\n```\n## Two\ntext\n",
    );
    expect(parts.heading).toBe("Title");
    expect(parts.intro).toBe("Intro text.");
    expect(parts.sections.map((s) => s.heading)).toEqual(["One", "Two"]);
    expect(parts.sections[0]!.markdown).toContain("## not a heading");
    expect(parts.sections[1]!.markdown).toBe("text");
  });
});

describe("themed digest", () => {
  const markdown =
    "# March\n\nIntro line.\n\n## UN cybercrime convention\n\n- item A\n\n## First Committee: OEWG and GGE\n\n- item B\n\n## Capacity building\n\n";
  it("keeps the title, introduction and only the chosen themes' sections that have items", () => {
    const picked = selectDigestSections(markdown, themeHeadings(["cybercrime", "capacity-building"]))!;
    expect(picked).toBe("# March\n\nIntro line.\n\n## UN cybercrime convention\n\n- item A\n");
    expect(picked).not.toContain("item B");
  });
  it("gives nothing when the chosen themes have no items this month", () => {
    expect(selectDigestSections(markdown, themeHeadings(["capacity-building"]))).toBeNull();
    expect(themeHeadings(["digest", "first-committee"])).toEqual(["First Committee: OEWG and GGE"]);
  });
});
