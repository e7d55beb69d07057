import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.js";
import { queryRows } from "../../db/client.js";
import { getDocumentDetail } from "../../db/documents.js";
import { searchParagraphs } from "../../db/search.js";
import { ingestBatch, resolveInputs, type BatchOptions } from "./batch.js";
import { fetchDocument, isPrivateAddress } from "./fetch-url.js";

const FIXTURES = fileURLToDir("../../../test/fixtures/documents");
const DATASET = fileURLToDir("../../../datasets/documents");
function fileURLToDir(relative: string): string {
  return new URL(relative, import.meta.url).pathname;
}

const options = (overrides: Partial<BatchOptions> = {}): BatchOptions => ({
  provenance: { licence: "test licence" },
  now: () => new Date("2026-11-23T12:00:00Z"),
  maxBytes: 1_000_000,
  maxRedirects: 2,
  allowPrivateAddresses: false,
  ...overrides,
});

describe("ingestBatch", () => {
  let database: TestDatabase;
  let tmp: string;
  beforeAll(async () => {
    database = await createTestDatabase("pglite", { seed: { importers: [] } });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-ingest-"));
  });
  afterAll(async () => {
    await database?.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("reports each bad file with its reason and still ingests the good ones", async () => {
    fs.writeFileSync(path.join(tmp, "huge.txt"), "x".repeat(1_000_001));
    fs.writeFileSync(path.join(tmp, "photo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const inputs = [
      ...(await resolveInputs([FIXTURES])),
      { kind: "file" as const, path: path.join(tmp, "huge.txt") },
      { kind: "file" as const, path: path.join(tmp, "photo.png") },
      { kind: "file" as const, path: path.join(DATASET, "A_RES_77_37.xml") },
    ];
    const results = await ingestBatch(database.db, inputs, options());
    const byName = (end: string) => results.find((r) => r.name.endsWith(end))!;
    expect(byName("billion-laughs.xml")).toMatchObject({ status: "failed", reason: expect.stringMatching(/DOCTYPE/) });
    expect(byName("corrupt.pdf")).toMatchObject({ status: "failed", reason: expect.stringMatching(/unreadable PDF/) });
    expect(byName("empty.txt")).toMatchObject({ status: "failed", reason: "empty file" });
    expect(byName("huge.txt")).toMatchObject({ status: "failed", reason: expect.stringMatching(/too large/) });
    expect(byName("photo.png")).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/unsupported file type/),
    });
    // Folders are read in name order: the DOCX comes first; the Markdown and PDF renderings of the same resolution
    // are stored as later versions of A/RES/74/247 where their extracted text differs.
    expect(byName("A_RES_74_247.docx")).toMatchObject({
      status: "inserted",
      slug: "A/RES/74/247",
      version: 1,
      paragraphs: 28,
    });
    expect(["skipped", "new-version"]).toContain(byName("A_RES_74_247.pdf").status);
    expect(byName("A_RES_77_37.xml")).toMatchObject({ status: "inserted", slug: "A/RES/77/37" });
    const [{ n }] = (await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM documents WHERE is_current`,
    )) as [{ n: number }];
    // Two from the top folder, and the six language versions of A/RES/75/240 in multilingual/.
    const multilingual = fs.readdirSync(path.join(FIXTURES, "multilingual")).filter((f) => f.endsWith(".xml")).length;
    expect(n).toBe(2 + multilingual);
  });

  it("skips unchanged files on a second run and keeps a changed file as a new version", async () => {
    const again = await ingestBatch(
      database.db,
      [{ kind: "file", path: path.join(DATASET, "A_RES_77_37.xml") }],
      options(),
    );
    expect(again[0]).toMatchObject({ status: "skipped", reason: expect.stringMatching(/same file/) });
    const edited = fs
      .readFileSync(path.join(DATASET, "A_RES_77_37.xml"), "utf8")
      .replace(
        "to include in the provisional agenda of its seventy-eighth",
        "to include in the draft agenda of its seventy-eighth",
      );
    fs.writeFileSync(path.join(tmp, "77_37_rev.xml"), edited);
    const changed = await ingestBatch(
      database.db,
      [{ kind: "file", path: path.join(tmp, "77_37_rev.xml") }],
      options(),
    );
    expect(changed[0]).toMatchObject({ status: "new-version", version: 2 });
    const doc = await getDocumentDetail(database.db, "A/RES/77/37");
    expect(doc.version).toBe(2);
    expect(doc.versions.map((v) => [v.version, v.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(doc.paragraphs.find((p) => p.anchor === "op-5")!.text).toMatch(/^Decides to include in the draft agenda/);
    // Search sees the current version only, with or without filters on the document.
    for (const filters of [{}, { type: "resolution" as const }]) {
      const hits = await searchParagraphs(
        database.db,
        '"include in the provisional agenda of its seventy-eighth"',
        filters,
        { limit: 10, offset: 0 },
      );
      expect(hits.hits.filter((h) => h.slug === "A/RES/77/37")).toEqual([]);
      const current = await searchParagraphs(
        database.db,
        '"include in the draft agenda of its seventy-eighth"',
        filters,
        { limit: 10, offset: 0 },
      );
      expect(current.hits.map((h) => [h.slug, h.anchor])).toEqual([["A/RES/77/37", "op-5"]]);
    }
  });
});

describe("fetchDocument", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/loop") return void res.writeHead(302, { location: "/loop" }).end();
      res.writeHead(200, { "content-type": "text/plain" }).end("1. Decides to remain seized of the matter.");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses loopback and private addresses unless allowed", async () => {
    await expect(
      fetchDocument(`${base}/doc.txt`, { maxBytes: 1000, maxRedirects: 2, allowPrivateAddresses: false }),
    ).rejects.toThrow(/private or loopback/);
    const ok = await fetchDocument(`${base}/doc.txt`, { maxBytes: 1000, maxRedirects: 2, allowPrivateAddresses: true });
    expect(Buffer.from(ok.bytes).toString()).toBe("1. Decides to remain seized of the matter.");
    for (const address of [
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    expect(isPrivateAddress("157.150.185.49")).toBe(false);
  });

  it("follows a bounded number of redirects and caps the size", async () => {
    await expect(
      fetchDocument(`${base}/loop`, { maxBytes: 1000, maxRedirects: 3, allowPrivateAddresses: true }),
    ).rejects.toThrow(/more than 3 redirects/);
    await expect(
      fetchDocument(`${base}/doc.txt`, { maxBytes: 10, maxRedirects: 0, allowPrivateAddresses: true }),
    ).rejects.toThrow(/too large/);
    await expect(
      fetchDocument("file:///etc/passwd", { maxBytes: 10, maxRedirects: 0, allowPrivateAddresses: true }),
    ).rejects.toThrow(/only http and https/);
  });
});
