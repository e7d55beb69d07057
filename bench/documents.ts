// Documents bench: import of the bundled corpus of 1,974 GA resolutions (documents/s, MB/s) and unchanged re-import on PGlite and PostgreSQL;
// search latency p50/p95 over 200 fixed queries against a bare SQL query of the same shape in the same run; and search
// p50/p95 per language once session 75 in the five other languages is added (issue 19).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { queryRows, type DriverName } from "../src/db/client.js";
import { searchParagraphs } from "../src/db/search.js";
import type { SearchFilters } from "../src/domain/search.js";
import { PARAGRAPHS_PER_DOCUMENT } from "../src/http/search-query.js";
import { ingestBatch, resolveInputs } from "../src/ingest/documents/batch.js";
import {
  CORPUS_DIR,
  importBundledCorpus,
  readCorpusEntries,
  readCorpusManifest,
} from "../src/ingest/documents/corpus.js";
import { BUNDLED_IMPORTERS, DATASETS_DIR } from "../src/ingest/seed.js";
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from "../test/database.js";

/** 100 realistic subjects of UN texts, each searched twice (plain, and as a phrase or with a filter) = 200 queries. */
const SUBJECTS = [
  "ad hoc intergovernmental committee of experts",
  "critical infrastructure",
  "information and communications technologies",
  "cybercrime",
  "human rights defenders",
  "climate change",
  "sustainable development goals",
  "peacekeeping operations",
  "nuclear disarmament",
  "small island developing States",
  "gender equality",
  "violence against women",
  "refugees",
  "internally displaced persons",
  "humanitarian assistance",
  "rule of law",
  "counter-terrorism",
  "arms trade treaty",
  "chemical weapons",
  "biological weapons",
  "outer space",
  "oceans and the law of the sea",
  "fisheries",
  "biodiversity",
  "desertification",
  "disaster risk reduction",
  "financing for development",
  "external debt",
  "least developed countries",
  "landlocked developing countries",
  "migration",
  "trafficking in persons",
  "corruption",
  "illicit financial flows",
  "drug problem",
  "rights of the child",
  "persons with disabilities",
  "older persons",
  "indigenous peoples",
  "racism",
  "freedom of expression",
  "right to privacy",
  "death penalty",
  "torture",
  "enforced disappearances",
  "Palestine refugees",
  "Syrian Arab Republic",
  "Ukraine",
  "Myanmar",
  "Afghanistan",
  "Democratic People's Republic of Korea",
  "Islamic Republic of Iran",
  "programme budget",
  "scale of assessments",
  "International Civil Service Commission",
  "joint inspection unit",
  "pension fund",
  "human resources management",
  "open-ended working group",
  "group of governmental experts",
  "confidence-building measures",
  "capacity-building",
  "responsible State behaviour",
  "international law",
  "Charter of the United Nations",
  "Security Council reform",
  "revitalization of the work of the General Assembly",
  "Secretary-General report",
  "COVID-19 pandemic",
  "global health",
  "universal health coverage",
  "education",
  "food security",
  "agriculture development",
  "water and sanitation",
  "renewable energy",
  "digital divide",
  "artificial intelligence",
  "science and technology",
  "culture of peace",
  "interreligious dialogue",
  "sport for development",
  "Olympic truce",
  "south-south cooperation",
  "entrepreneurship",
  "microfinance",
  "tourism",
  "cooperatives",
  "literacy",
  "youth",
  "family",
  "volunteerism",
  "mercenaries",
  "self-determination",
  "decolonization",
  "Convention against Cybercrime",
  "Non-Self-Governing Territories",
  "Western Sahara",
  "Gibraltar",
  "New Caledonia",
];

function queries(): { q: string; filters: SearchFilters }[] {
  const out: { q: string; filters: SearchFilters }[] = [];
  SUBJECTS.forEach((s, i) => {
    out.push({ q: s, filters: {} });
    out.push(
      i % 2 === 0 ? { q: `"${s}"`, filters: {} } : { q: s, filters: { type: "resolution", dateFrom: "2021-01-01" } },
    );
  });
  return out;
}

const TARGET_DOCS_PER_SECOND: Record<DriverName, number> = { pglite: 40, postgres: 60 };
const TARGET_REINGEST_PER_SECOND = 400;

/** Imports the bundled corpus (datasets/corpus) the way a fresh install does, then again with nothing new. */
async function ingestBench(driver: DriverName): Promise<TestDatabase> {
  const database = await createTestDatabase(driver, {
    seed: { importers: BUNDLED_IMPORTERS.filter((i) => i.name !== "documents" && i.name !== "votes") },
  });
  const manifest = readCorpusManifest(DATASETS_DIR)!;
  let bytes = 0;
  for await (const entry of readCorpusEntries(path.join(DATASETS_DIR, CORPUS_DIR, manifest.file)))
    bytes += entry.bytes.length;
  let started = performance.now();
  const result = (await importBundledCorpus(database, { datasetsDir: DATASETS_DIR, now: () => new Date() }))!;
  let seconds = (performance.now() - started) / 1000;
  const [{ n }] = (await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM document_paragraphs`,
  )) as [{ n: number }];
  console.log(
    `documents ingest on ${driver}: ${result.total} files (${(bytes / 1e6).toFixed(1)} MB), ${result.inserted} stored, ${result.failed} failed, ${n.toLocaleString("en")} paragraphs in ${seconds.toFixed(1)} s → ${(result.total / seconds).toFixed(1)} documents/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s (target ≥ ${TARGET_DOCS_PER_SECOND[driver]} documents/s)`,
  );
  // Forget the progress so every file is read, parsed-or-skipped again: unchanged files are skipped by content hash.
  await database.db.execute(sql`DELETE FROM corpus_imports`);
  started = performance.now();
  const again = (await importBundledCorpus(database, { datasetsDir: DATASETS_DIR, now: () => new Date() }))!;
  seconds = (performance.now() - started) / 1000;
  console.log(
    `documents re-ingest on ${driver} (unchanged files): ${again.skipped}/${again.total} skipped in ${seconds.toFixed(2)} s → ${(again.total / seconds).toFixed(0)} files/s (target ≥ ${TARGET_REINGEST_PER_SECOND})`,
  );
  return database;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function searchBench(database: TestDatabase, label: string = database.driver): Promise<void> {
  const list = queries();
  // Warm caches once, as a running server would be.
  for (const { q, filters } of list.slice(0, 20))
    await searchParagraphs(database.db, q, filters, { limit: 20, offset: 0 });
  const ours = new Timings();
  const bare = new Timings();
  const grouped = new Timings();
  for (const { q, filters } of list) {
    await ours.time(() => searchParagraphs(database.db, q, filters, { limit: 20, offset: 0 }));
    // As the search page asks: grouped by document.
    await grouped.time(() =>
      searchParagraphs(database.db, q, filters, { limit: 20, offset: 0, perDocument: PARAGRAPHS_PER_DOCUMENT }),
    );
    // The same shape written by hand for English only: match (on the English index, migration 0011), rank, count, page
    // of 20, headlines.
    await bare.time(() =>
      queryRows(
        database.db,
        sql`WITH hits AS (SELECT p.id, ts_rank_cd(p.tsv, websearch_to_tsquery('english', ${q}), 4) AS rank FROM document_paragraphs p JOIN documents d ON d.id = p.document_id
                        WHERE p.search_config = 'english' AND p.tsv @@ websearch_to_tsquery('english', ${q}) AND d.is_current ${filters.type ? sql`AND d.type = ${filters.type}` : sql``} ${filters.dateFrom ? sql`AND d.document_date >= ${filters.dateFrom}` : sql``}),
               page AS (SELECT id, rank, (SELECT count(*) FROM hits) AS total FROM hits ORDER BY rank DESC, id LIMIT 20)
          SELECT d.slug, p.anchor, page.rank, page.total, ts_headline('english', p.text, websearch_to_tsquery('english', ${q}), 'MaxFragments=2') AS headline
          FROM page JOIN document_paragraphs p ON p.id = page.id JOIN documents d ON d.id = p.document_id ORDER BY page.rank DESC`,
      ),
    );
  }
  console.log(
    `search on ${label} over ${list.length} queries: p50 ${ours.p(50)} ms, p95 ${ours.p(95)} ms; bare SQL p50 ${bare.p(50)} ms, p95 ${bare.p(95)} ms → ${(ours.p(95) / bare.p(95)).toFixed(2)}× (targets: p95 < 20 ms on PGlite, within 1.5× of bare SQL)`,
  );
  console.log(
    `search on ${label} grouped by document (${PARAGRAPHS_PER_DOCUMENT} paragraphs each, as the search page asks) over ${list.length} queries: p50 ${grouped.p(50)} ms, p95 ${grouped.p(95)} ms`,
  );
  if (database.driver === "pglite")
    console.log(`  ${PROCESS_CPU}: ${ours.cpu()}; grouped ${grouped.cpu()}; bare SQL ${bare.cpu()}`);
}

const PROCESS_CPU =
  "the same in process CPU time (PGlite runs in this process: the queries' own cost, without the waits of a busy machine)";

/** Wall-clock times of calls, and the process's CPU time during each (meaningful for PGlite, which runs in-process). */
class Timings {
  private readonly wall: number[] = [];
  private readonly cpuMs: number[] = [];
  async time(fn: () => Promise<unknown>): Promise<void> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await fn();
    this.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    this.cpuMs.push((used.user + used.system) / 1000);
  }
  /** A wall-clock percentile, ms rounded to 0.1. */
  p(n: number): number {
    return Number(
      percentile(
        [...this.wall].sort((a, b) => a - b),
        n,
      ).toFixed(1),
    );
  }
  cpu(): string {
    const sorted = [...this.cpuMs].sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`;
  }
}

const SYNTHETIC_PARAGRAPHS = 1_000_000;
const DOCUMENT_COLUMNS =
  "language, version, is_current, type, format, title, document_date, ga_session, process_id, session_id, authors, source_id, source_url, licence, attribution, content_hash, text_hash, byte_size, paragraph_count, ingested_at";
const PARAGRAPH_COLUMNS =
  "position, anchor, label, kind, heading, text, notes, search_text, search_notes, search_config";

/**
 * Grows the real corpus to about a million paragraphs by copying its documents under new slugs (no symbol, so
 * citations are not duplicated): real text, real word frequencies, ten times the rows to match, rank and count.
 */
async function growToSyntheticCorpus(database: TestDatabase): Promise<number> {
  const [{ n }] = (await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM document_paragraphs`,
  )) as [{ n: number }];
  const copies = Math.ceil(SYNTHETIC_PARAGRAPHS / n) - 1;
  const started = performance.now();
  for (let k = 1; k <= copies; k++) {
    const suffix = `~synthetic-${k}`;
    await database.db.execute(
      sql`INSERT INTO documents (slug, symbol, ${sql.raw(DOCUMENT_COLUMNS)}) SELECT slug || ${suffix}, NULL, ${sql.raw(DOCUMENT_COLUMNS)} FROM documents WHERE slug NOT LIKE '%~synthetic-%'`,
    );
    await database.db.execute(
      sql`INSERT INTO document_paragraphs (document_id, ${sql.raw(PARAGRAPH_COLUMNS)})
          SELECT nd.id, ${sql.raw(
            PARAGRAPH_COLUMNS.split(", ")
              .map((c) => `p.${c}`)
              .join(", "),
          )}
          FROM document_paragraphs p JOIN documents od ON od.id = p.document_id
          JOIN documents nd ON nd.slug = od.slug || ${suffix} AND nd.language = od.language AND nd.version = od.version
          WHERE od.slug NOT LIKE '%~synthetic-%'`,
    );
  }
  await database.db.execute(sql`ANALYZE documents`);
  await database.db.execute(sql`ANALYZE document_paragraphs`);
  const [{ total }] = (await queryRows<{ total: number }>(
    database.db,
    sql`SELECT count(*)::int AS total FROM document_paragraphs`,
  )) as [{ total: number }];
  console.log(
    `synthetic corpus on postgres: ${total.toLocaleString("en")} paragraphs (the real ${n.toLocaleString("en")} and ${copies} copies) built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return total;
}

const MULTILINGUAL_ARCHIVE = fileURLToPath(
  new URL("../../shared/data/unga-resolutions-akn/multilingual-sessions-75-76.tar.xz", import.meta.url),
);
/** Ordinary subjects of UN texts in each of the five other languages (issue 19), each searched with its language filter and across all languages. */
const SUBJECTS_BY_LANGUAGE: Record<string, string[]> = {
  fr: [
    "sécurité internationale",
    "changements climatiques",
    "droits de l'homme",
    "développement durable",
    "désarmement nucléaire",
    "technologies de l'information",
    "maintien de la paix",
    "réfugiés",
  ],
  es: [
    "seguridad internacional",
    "cambio climático",
    "derechos humanos",
    "desarrollo sostenible",
    "desarme nuclear",
    "tecnologías de la información",
    "mantenimiento de la paz",
    "refugiados",
  ],
  ru: [
    "международной безопасности",
    "изменение климата",
    "права человека",
    "устойчивого развития",
    "ядерного разоружения",
    "информационно-коммуникационных технологий",
    "поддержанию мира",
    "беженцев",
  ],
  ar: [
    "الأمن الدولي",
    "تغير المناخ",
    "حقوق الإنسان",
    "التنمية المستدامة",
    "نزع السلاح النووي",
    "تكنولوجيات المعلومات والاتصالات",
    "حفظ السلام",
    "اللاجئين",
  ],
  zh: ["国际安全", "气候变化", "人权", "可持续发展", "核裁军", "信息和通信技术", "维持和平", "难民"],
};

/**
 * Search p50/p95 per language on the session-75 resolutions in the five other languages (../shared/data), added to the
 * English corpus already stored: each subject with its language filter and across every language, five times.
 */
export async function multilingualSearchBench(database: TestDatabase): Promise<void> {
  if (!fs.existsSync(MULTILINGUAL_ARCHIVE))
    return console.log(
      "search per language: skipped (../shared/data/unga-resolutions-akn/multilingual-sessions-75-76.tar.xz not found)",
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-bench-multilingual-"));
  try {
    execFileSync("tar", ["-xJf", MULTILINGUAL_ARCHIVE, "-C", dir, "multilingual/75"]);
    const started = performance.now();
    const results = await ingestBatch(database.db, await resolveInputs([path.join(dir, "multilingual/75")]), {
      provenance: { licence: "Source: United Nations, DGACM machine-readable GA resolutions" },
      now: () => new Date(),
      maxBytes: 50_000_000,
      maxRedirects: 0,
      allowPrivateAddresses: false,
    });
    const failed = results.filter((r) => r.status === "failed");
    console.log(
      `documents ingest of session 75 in five languages on ${database.driver}: ${results.length} files, ${failed.length} failed${failed[0] ? ` (first: ${failed[0].reason})` : ""}, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const [language, subjects] of Object.entries(SUBJECTS_BY_LANGUAGE)) {
      for (const filtered of [true, false]) {
        const times = new Timings();
        for (let round = 0; round < 6; round++) {
          for (const q of subjects) {
            const search = () =>
              searchParagraphs(database.db, q, filtered ? { language } : {}, { limit: 20, offset: 0 });
            // The first round warms caches.
            await (round > 0 ? times.time(search) : search());
          }
        }
        console.log(
          `search in ${language} on ${database.driver} (${filtered ? "language filter" : "all languages"}) over ${subjects.length * 5} queries: p50 ${times.p(50)} ms, p95 ${times.p(95)} ms${database.driver === "pglite" ? `; process CPU ${times.cpu()}` : ""}`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runDocumentsBench(): Promise<void> {
  const drivers: DriverName[] = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  if (!TEST_DATABASE_URL) console.log("documents on PostgreSQL: skipped (set TEST_DATABASE_URL to run)");
  for (const driver of drivers) {
    const database = await ingestBench(driver);
    try {
      await searchBench(database);
      await multilingualSearchBench(database);
      if (driver === "postgres") {
        await growToSyntheticCorpus(database);
        await searchBench(database, "postgres, synthetic 1M-paragraph corpus");
      }
    } finally {
      await database.dispose();
    }
  }
  if (!TEST_DATABASE_URL)
    console.log("documents: synthetic 1M-paragraph corpus on PostgreSQL: skipped (set TEST_DATABASE_URL to run)");
}

if (import.meta.url === `file://${process.argv[1]}`) await runDocumentsBench();
