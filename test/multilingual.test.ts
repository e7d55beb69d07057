// The six UN languages end to end on a real text (issue 19): A/RES/75/240 in Arabic, Chinese, English, French, Russian
// and Spanish (test/fixtures/documents/multilingual, unchanged UN files; see PROVENANCE.md there) is ingested, each language
// version is read on its page and in the API, the versions link to each other, and search finds them in their language.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server.js";
import { ingestBatch, resolveInputs } from "../src/ingest/documents/batch.js";
import { createTestDeps } from "./app.js";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "./database.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/documents/multilingual/", import.meta.url));
const FILES = ["E", "A", "C", "F", "R", "S"].map((l) => path.join(FIXTURES, `75_240_${l}.xml`));
const NOW = new Date("2026-11-23T12:00:00Z");
/** The first words of op 1 ("Decides to convene…") in each language, as the texts print them. */
const OP1: Record<string, string> = {
  en: "Decides to convene, starting from 2021",
  ar: "تقرر أن ينعقد اعتبارا من عام 2021",
  zh: "决定，为了确保关于使用信息和通信技术安全",
  fr: "Décide, pour veiller à ce que le processus",
  ru: "постановляет созвать, начиная с 2021 года",
  es: "Decide establecer, a partir de 2021",
};
const LANGUAGES = Object.keys(OP1);
const page = (language: string) => `/documents/A/RES/75/240${language === "en" ? "" : `?lang=${language}`}`;

describe.each(TEST_DRIVERS)("A/RES/75/240 in six languages on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  let app: Hono;
  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver, { seed: false });
    const results = await ingestBatch(database.db, await resolveInputs(FILES), {
      provenance: { licence: "Source: United Nations, DGACM machine-readable GA resolutions" },
      now: () => NOW,
      maxBytes: 20_000_000,
      maxRedirects: 0,
      allowPrivateAddresses: false,
    });
    expect(results.map((r) => r.status)).toEqual(FILES.map(() => "inserted"));
    app = createApp(createTestDeps(database, { now: () => NOW }));
  }, 120_000);
  afterAll(async () => database?.dispose());

  it.skipIf(skip).each(LANGUAGES)("shows the %s version in its own script and direction", async (language) => {
    const res = await app.request(page(language));
    expect(res.status).toBe(200);
    const html = await res.text();
    const dir = language === "ar" ? "rtl" : "ltr";
    expect(html).toContain(`<div lang="${language}" dir="${dir}">`);
    expect(html).toContain(OP1[language]);
    expect(html).toMatch(new RegExp(`<strong aria-current="page" lang="${language}">`));
    for (const other of LANGUAGES.filter((l) => l !== language))
      expect(html, `${language} page has no text of ${other}`).not.toContain(OP1[other]);
  });

  it.skipIf(skip)("links every language version to every other, and the links round-trip", async () => {
    for (const language of LANGUAGES) {
      const html = await (await app.request(page(language))).text();
      const links = [...html.matchAll(/<a href="([^"]+)" hreflang="([a-z]+)"/g)].map((m) => ({
        href: m[1]!.replace(/&amp;/g, "&"),
        language: m[2]!,
      }));
      expect(links.map((l) => l.language).sort()).toEqual(LANGUAGES.filter((l) => l !== language).sort());
      for (const link of links) {
        const there = await (await app.request(link.href)).text();
        expect(there).toContain(`<strong aria-current="page" lang="${link.language}">`);
        expect(there).toContain(`href="${page(language).replace(/&/g, "&amp;")}" hreflang="${language}"`);
      }
    }
  });

  it.skipIf(skip)("answers the API in the language asked for, with the other languages listed", async () => {
    const body = (await (await app.request("/api/v1/documents/A%2FRES%2F75%2F240?language=fr")).json()) as {
      language: string;
      title: string;
      page_url: string;
      languages: { language: string; page_url: string }[];
      paragraphs: { anchor: string; text: string; permalink: string }[];
    };
    expect(body.language).toBe("fr");
    expect(body.page_url).toBe("/documents/A/RES/75/240?lang=fr");
    expect(body.languages.map((l) => l.language)).toEqual(["ar", "zh", "en", "fr", "ru", "es"]);
    expect(body.paragraphs.find((p) => p.anchor === "op-1")).toMatchObject({
      permalink: "/documents/A/RES/75/240?lang=fr#op-1",
    });
    const unencoded = (await (await app.request("/api/v1/documents/A/RES/75/240?language=ar")).json()) as {
      language: string;
    };
    expect(unencoded.language).toBe("ar");
    expect((await app.request("/api/v1/documents/A/RES/75/240?language=de")).status).toBe(404);
  });

  it.skipIf(skip)(
    "gives corresponding paragraphs the same anchor in every language (op 1 is op 1 in Arabic too)",
    async () => {
      for (const language of LANGUAGES) {
        const body = (await (await app.request(`/api/v1/documents/A/RES/75/240?language=${language}`)).json()) as {
          paragraphs: { anchor: string; text: string }[];
        };
        expect(
          body.paragraphs.map((p) => p.anchor),
          language,
        ).toEqual([...Array.from({ length: 22 }, (_, i) => `pp-${i + 1}`), "op-1", "op-2", "op-3", "op-4", "op-5"]);
        expect(body.paragraphs.find((p) => p.anchor === "op-1")!.text.startsWith(OP1[language]!), language).toBe(true);
      }
      const html = await (await app.request(page("ar"))).text();
      expect(html).not.toContain('id="paragraph-correspondence"');
    },
  );

  it.skipIf(skip)("shows two languages side by side, paragraph by paragraph", async () => {
    const html = await (await app.request("/documents/A/RES/75/240?lang=fr&with=ar")).text();
    const row = /<tr id="op-1">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? "";
    expect(row).toContain(OP1["fr"]);
    expect(row).toContain(OP1["ar"]);
    expect(row).toContain('<td lang="ar" dir="rtl"');
  });

  type ApiHits = {
    meta: { total: number };
    data: {
      anchor: string;
      permalink: string;
      document: { language: string };
      snippet: { text: string; match: boolean }[];
    }[];
  };
  const search = async (q: string, language?: string) =>
    (await (
      await app.request(
        `/api/v1/search?per_page=100&q=${encodeURIComponent(q)}${language ? `&language=${language}` : ""}`,
      )
    ).json()) as ApiHits;
  const paragraphsWith = async (language: string, word: string) => {
    const body = (await (await app.request(`/api/v1/documents/A/RES/75/240?language=${language}`)).json()) as {
      paragraphs: { anchor: string; text: string }[];
    };
    return body.paragraphs
      .filter((p) => p.text.includes(word))
      .map((p) => p.anchor)
      .sort();
  };

  it.skipIf(skip).each(["安全", "国际"])(
    "finds the Chinese paragraphs with the ordinary word %s (split into words at ingest and query)",
    async (word) => {
      const expected = await paragraphsWith("zh", word);
      expect(expected.length).toBeGreaterThan(3);
      const found = await search(word, "zh");
      expect(found.data.map((h) => h.anchor).sort()).toEqual(expected);
      expect(found.data.every((h) => h.snippet.some((s) => s.match && s.text === word))).toBe(true);
      // The snippet reads as the text does, without the spaces the segmentation put in.
      expect(
        found.data.every((h) => !/\p{Script=Han} \p{Script=Han}/u.test(h.snippet.map((s) => s.text).join(""))),
      ).toBe(true);
      // Without a language filter the Chinese paragraphs are found too.
      expect((await search(word)).data.filter((h) => h.document.language === "zh").length).toBe(expected.length);
    },
  );

  it.skipIf(skip)("finds a Chinese phrase typed without spaces as its words side by side", async () => {
    const found = await search("国际安全", "zh");
    expect(found.data.length).toBeGreaterThan(0);
    expect(found.data.map((h) => h.anchor).sort()).toEqual(await paragraphsWith("zh", "国际安全"));
  });

  it.skipIf(skip)(
    "finds Arabic paragraphs whatever the spelling variant of the query (hamza seat, alef, diacritics, tatweel)",
    async () => {
      // op 1 speaks of "السلوك المسؤول للدول" (responsible State behaviour); the query writes the hamza on a ya seat.
      const written = await search("السلوك المسؤول", "ar");
      const variant = await search("السلوك المسئول", "ar");
      expect(written.data.map((h) => h.anchor)).toContain("op-1");
      expect(variant.data.map((h) => h.anchor).sort()).toEqual(written.data.map((h) => h.anchor).sort());
      const decorated = await search("السُّلوك المسـؤول", "ar");
      expect(decorated.data.map((h) => h.anchor).sort()).toEqual(written.data.map((h) => h.anchor).sort());
      expect(written.data.every((h) => h.permalink.includes("?lang=ar#"))).toBe(true);
    },
  );

  it.skipIf(skip)("opens a search hit in the language it matched in", async () => {
    const html = await (
      await app.request(`/search?q=${encodeURIComponent("sécurité internationale")}&language=fr`)
    ).text();
    expect(html).toContain('href="/documents/A/RES/75/240?lang=fr#');
    expect(html).toContain('<option value="fr" selected="" lang="fr">');
    expect(html).toContain('<p class="snippet" lang="fr" dir="ltr">');
    const api = (await (
      await app.request(`/api/v1/search?q=${encodeURIComponent("международной безопасности")}&language=ru`)
    ).json()) as { data: { permalink: string; document: { language: string } }[] };
    expect(api.data.length).toBeGreaterThan(0);
    expect(
      api.data.every((h) => h.document.language === "ru" && h.permalink.startsWith("/documents/A/RES/75/240?lang=ru#")),
    ).toBe(true);
  });
});

it("keeps the fixtures with their provenance", () => {
  expect(fs.readFileSync(path.join(FIXTURES, "PROVENANCE.md"), "utf8")).toContain(
    "42a69b67bb92d23969fc45bba151320b82eb8e52",
  );
});

// Sub-items are lettered "(a)" in English and Chinese, "a)" in French and "(أ)" in Arabic; all become op-10-a (A/RES/75/104).
const ARCHIVES = fileURLToPath(new URL("../../shared/data/unga-resolutions-akn/", import.meta.url));
const hasArchives = fs.existsSync(path.join(ARCHIVES, "multilingual-sessions-75-76.tar.xz"));
describe.skipIf(!hasArchives)(
  `sub-item anchors across languages${hasArchives ? "" : " (skipped: ../shared/data/unga-resolutions-akn not found)"}`,
  () => {
    it("gives A/RES/75/104's sub-items (and 75/169's and 75/159's Arabic paragraphs) the same anchors as the English", async () => {
      const { execFileSync } = await import("node:child_process");
      const os = await import("node:os");
      const { parseAkn } = await import("../src/ingest/documents/akn.js");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-75-104-"));
      try {
        execFileSync("tar", [
          "-xJf",
          path.join(ARCHIVES, "english-sessions-74-79.tar.xz"),
          "-C",
          dir,
          "english/75/75_104_E.xml",
        ]);
        execFileSync("tar", [
          "-xJf",
          path.join(ARCHIVES, "multilingual-sessions-75-76.tar.xz"),
          "-C",
          dir,
          "multilingual/75/French/75_104_F.xml",
          "multilingual/75/Arabic/75_104_A.xml",
          "multilingual/75/Chinese/75_104_C.xml",
        ]);
        const anchors = (file: string) =>
          parseAkn(fs.readFileSync(path.join(dir, file), "utf8"))
            .paragraphs.filter((p) => p.kind !== "heading")
            .map((p) => p.anchor);
        const english = anchors("english/75/75_104_E.xml");
        expect(english).toContain("op-10-a");
        for (const file of [
          "multilingual/75/French/75_104_F.xml",
          "multilingual/75/Arabic/75_104_A.xml",
          "multilingual/75/Chinese/75_104_C.xml",
        ])
          expect(anchors(file), file).toEqual(english);
        // Arabic numbers written "54-" (75/169) and item letters in presentation forms, "(ﻫ)" for (e) (75/159).
        execFileSync("tar", [
          "-xJf",
          path.join(ARCHIVES, "english-sessions-74-79.tar.xz"),
          "-C",
          dir,
          "english/75/75_169_E.xml",
          "english/75/75_159_E.xml",
        ]);
        execFileSync("tar", [
          "-xJf",
          path.join(ARCHIVES, "multilingual-sessions-75-76.tar.xz"),
          "-C",
          dir,
          "multilingual/75/Arabic/75_169_A.xml",
          "multilingual/75/Arabic/75_159_A.xml",
        ]);
        expect(anchors("multilingual/75/Arabic/75_169_A.xml")).toEqual(anchors("english/75/75_169_E.xml"));
        expect(anchors("multilingual/75/Arabic/75_159_A.xml")).toEqual(anchors("english/75/75_159_E.xml"));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);

// A/RES/75/185: the French text prints op 43 without its number, so its versions do not correspond there; the page says so.
describe.skipIf(!hasArchives)(
  `a reader is told where language versions do not correspond${hasArchives ? "" : " (skipped: ../shared/data/unga-resolutions-akn not found)"}`,
  () => {
    it("lists the paragraphs of A/RES/75/185 that only one of its English and French versions has", async () => {
      const { execFileSync } = await import("node:child_process");
      const os = await import("node:os");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-75-185-"));
      const database = await createTestDatabase("pglite", { seed: false });
      try {
        execFileSync("tar", [
          "-xJf",
          path.join(ARCHIVES, "english-sessions-74-79.tar.xz"),
          "-C",
          dir,
          "english/75/75_185_E.xml",
        ]);
        execFileSync("tar", [
          "-xJf",
          path.join(ARCHIVES, "multilingual-sessions-75-76.tar.xz"),
          "-C",
          dir,
          "multilingual/75/French/75_185_F.xml",
        ]);
        const inputs = await resolveInputs([
          path.join(dir, "english/75/75_185_E.xml"),
          path.join(dir, "multilingual/75/French/75_185_F.xml"),
        ]);
        await ingestBatch(database.db, inputs, {
          provenance: { licence: "Source: United Nations, DGACM machine-readable GA resolutions" },
          now: () => NOW,
          maxBytes: 20_000_000,
          maxRedirects: 0,
          allowPrivateAddresses: false,
        });
        const app = createApp(createTestDeps(database, { now: () => NOW }));
        const html = await (await app.request("/documents/A/RES/75/185?lang=fr")).text();
        const note =
          /<div class="notice" role="note" id="paragraph-correspondence">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
        expect(note).toContain("English: ");
        expect(note).toContain("only in the English version: op-43");
        expect(note).toContain("only in this version: p-1");
      } finally {
        await database.dispose();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  },
);
