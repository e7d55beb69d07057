import fs from "node:fs";
import zlib from "node:zlib";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { DocumentParserPool } from "./parser-pool.js";
import { ingestUpload } from "./upload.js";

const fixture = (file: string) => fs.readFileSync(new URL(`../../../test/fixtures/documents/${file}`, import.meta.url));

/** The audit's file: 440 KB of HTML, 40,000 nested <div>, which froze the server for 35 s. */
const deepHtml = (depth: number) =>
  Buffer.from(
    `<html><body>${"<div>".repeat(depth)}<p>1. Decides to remain seized of the matter.</p>${"</div>".repeat(depth)}</body></html>`,
  );

/**
 * A DOCX-named zip bomb: word/document.xml inflates to `megabytes` MB of spaces from about 1 KB per MB. The deflate
 * stream is one 16 MB block sequence (full flush, so it can be repeated) written n times, then an empty final block.
 * With `lieAboutSize`, both headers declare 1,000 bytes uncompressed, as a bomb aimed at size checks would.
 */
function zipBombDocx(megabytes: number, lieAboutSize = false): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20), {
    level: 9,
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  const data = Buffer.concat([...Array<Buffer>(megabytes / 16).fill(block), Buffer.from([0x03, 0x00])]);
  const types = Buffer.from(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  return zip([
    { name: "[Content_Types].xml", data: zlib.deflateRawSync(types), size: types.length },
    { name: "word/document.xml", data, size: lieAboutSize ? 1000 : megabytes * 1024 * 1024 },
  ]);
}

/** A one-page PDF whose content stream (FlateDecode) inflates to `megabytes` MB of spaces from about 1 KB per MB. */
function pdfBomb(megabytes: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20), {
    level: 9,
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  const stream = Buffer.concat([
    Buffer.from([0x78, 0x9c]),
    ...Array<Buffer>(megabytes / 16).fill(block),
    Buffer.from([0x03, 0x00]),
    Buffer.alloc(4),
  ]);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: Buffer | string) => {
    const bytes = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (n: number, ...body: (Buffer | string)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    body.forEach(push);
    push("\nendobj\n");
  };
  push("%PDF-1.4\n");
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>");
  object(4, `<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream, "\nendstream");
  const xref = length;
  const rows = [1, 2, 3, 4].map((n) => `${String(offsets[n]).padStart(10, "0")} 00000 n \n`).join("");
  push(`xref\n0 5\n0000000000 65535 f \n${rows}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

function zip(entries: { name: string; data: Buffer; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A PDF with a line of text, encrypted with a user password (as pdfkit writes it). */
function encryptedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ userPassword: "secret", ownerPassword: "owner" });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.text("1. Decides to remain seized of the matter.");
  doc.end();
  return done;
}

/** Runs `work` while a 20 ms interval timer measures how late this thread's event loop runs it. */
async function withEventLoopWatch<T>(
  work: () => Promise<T>,
): Promise<{ outcome: PromiseSettledResult<T>; worstDelayMs: number; ticks: number }> {
  let last = performance.now();
  let worstDelayMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstDelayMs = Math.max(worstDelayMs, now - last - 20);
    last = now;
    ticks++;
  }, 20);
  const [outcome] = await Promise.allSettled([work()]);
  clearInterval(timer);
  return { outcome: outcome!, worstDelayMs, ticks };
}

describe("DocumentParserPool parses untrusted files in a worker thread with limits", () => {
  const pool = new DocumentParserPool();
  beforeAll(async () => {
    // Warm the worker up (it loads tsx and the parsers), so the checks below measure parsing only.
    await pool.parse(Buffer.from("1. Decides to remain seized of the matter."), "warm.txt");
  });
  afterAll(() => pool.close());

  it("refuses 40,000 nested <div> at once, with the event loop free meanwhile", async () => {
    const started = performance.now();
    const { outcome, worstDelayMs } = await withEventLoopWatch(() => pool.parse(deepHtml(40_000), "deep.html"));
    expect(outcome).toMatchObject({
      status: "rejected",
      reason: { message: "refused HTML: elements nested 40003 deep, over the limit of 512" },
    });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(worstDelayMs).toBeLessThan(1_000);
  });

  it("still reads nesting as deep as real pages go, and HTML with many block elements in linear time", async () => {
    const doc = await pool.parse(deepHtml(400), "nested.html");
    expect(doc.paragraphs.map((p) => p.text)).toEqual(["1. Decides to remain seized of the matter."]);
    // 20,000 list items inside 200 nested lists: the leaf-block walk visits each element once.
    const lists = Buffer.from(
      `<html><body>${"<ul><li>".repeat(200)}${Array.from({ length: 20_000 }, (_, i) => `<li>${i + 1}. Item ${i + 1}</li>`).join("")}${"</li></ul>".repeat(200)}</body></html>`,
    );
    const { outcome, worstDelayMs } = await withEventLoopWatch(() => pool.parse(lists, "lists.html"));
    expect(outcome.status).toBe("fulfilled");
    expect(
      (outcome as PromiseFulfilledResult<{ paragraphs: unknown[] }>).value.paragraphs.length,
    ).toBeGreaterThanOrEqual(20_000);
    expect(worstDelayMs).toBeLessThan(1_000);
  });

  it("refuses a 1 MB DOCX zip bomb (1 GB inflated) from its central directory, with memory bounded", async () => {
    const bomb = zipBombDocx(1024);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    await expect(pool.parse(bomb, "bomb.docx")).rejects.toThrow(
      /^refused DOCX: it declares 1024 MB uncompressed, over the limit of 200 MB/,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it("refuses a zip bomb whose headers lie about its size once it inflates past what it declares", async () => {
    const before = process.memoryUsage().rss;
    await expect(pool.parse(zipBombDocx(256, true), "liar.docx")).rejects.toThrow(
      /^refused DOCX: word\/document\.xml: too many bytes in the stream/,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it("keeps the existing refusals: billion laughs, encrypted and corrupt PDF, corrupt DOCX, unsupported types", async () => {
    await expect(pool.parse(await encryptedPdf(), "encrypted.pdf")).rejects.toThrow(
      /^unreadable PDF: it is encrypted \(password-protected\)/,
    );
    await expect(pool.parse(fixture("billion-laughs.xml"), "billion-laughs.xml")).rejects.toThrow(/DOCTYPE/);
    await expect(pool.parse(fixture("corrupt.pdf"), "corrupt.pdf")).rejects.toThrow(/unreadable PDF/);
    await expect(pool.parse(fixture("broken.docx"), "broken.docx")).rejects.toThrow(/unreadable DOCX/);
    await expect(pool.parse(Buffer.from([0, 1, 2, 3, 255]), "image.png")).rejects.toThrow(
      /unsupported file type \.png/,
    );
    const doc = await pool.parse(fixture("A_RES_74_247.docx"), "A_RES_74_247.docx");
    expect(doc).toMatchObject({ symbol: "A/RES/74/247", format: "docx" });
  });

  it("terminates a worker that overruns its time limit and answers the next file from a new one", async () => {
    const [first] = pool.threadIds;
    // A large real PDF parse cannot finish in 1 ms.
    await expect(pool.parse(fixture("A_RES_74_247.pdf"), "slow.pdf", null, { timeoutMs: 1 })).rejects.toThrow(
      /^refused: parsing took longer than 1 ms, so it was stopped/,
    );
    expect(pool.threadIds).not.toContain(first);
    const doc = await pool.parse(fixture("A_RES_74_247.md"), "A_RES_74_247.md");
    expect(doc.symbol).toBe("A/RES/74/247");
    expect(pool.threadIds).toHaveLength(1);
    expect(pool.threadIds).not.toContain(first);
  });

  it("stops a worker whose decoded buffers (outside the V8 heap) grow past the memory limit: a 0.5 MB PDF inflating to 512 MB", async () => {
    const watched = new DocumentParserPool({ maxMemoryGrowthMb: 256, timeoutMs: 120_000 });
    try {
      await watched.parse(Buffer.from("1. Warm."), "warm.txt");
      const before = process.memoryUsage.rss();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
      await expect(watched.parse(pdfBomb(512), "bomb.pdf")).rejects.toThrow(
        /^refused: parsing used more than 256 MB of memory, so it was stopped/,
      );
      clearInterval(sampler);
      // Without the watch the parse peaks near 1.5 GB; with it, the limit plus what one check interval lets through.
      expect(peak - before).toBeLessThan(700 * 1024 * 1024);
    } finally {
      await watched.close();
    }
  });

  it("stops a worker that runs out of its heap and says so", async () => {
    const small = new DocumentParserPool({ maxHeapMb: 96 });
    try {
      const html = Buffer.from(
        `<html><body>${"<p>1. Decides to remain seized of the matter, with many words to hold.</p>".repeat(300_000)}</body></html>`,
      );
      await expect(small.parse(html, "huge.html")).rejects.toThrow(/needed more than 96 MB of memory/);
    } finally {
      await small.close();
    }
  });
});

describe.each(TEST_DRIVERS)("uploads go through the parser worker on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { seed: { importers: [] } });
  });
  afterAll(() => database?.dispose());
  const upload = (name: string, bytes: Uint8Array, contentType: string | null) =>
    ingestUpload(database.db, {
      name,
      bytes,
      contentType,
      fields: { licence: "test" },
      maxBytes: 50 * 1024 * 1024,
      now: () => new Date("2026-11-23T12:00:00Z"),
    });

  it.skipIf(skip)(
    "refuses deep-nested HTML and a zip bomb with their reasons while the event loop keeps running",
    async () => {
      const deep = await withEventLoopWatch(() => upload("deep.html", deepHtml(40_000), "text/html"));
      expect(deep.outcome).toMatchObject({
        status: "fulfilled",
        value: { status: "failed", reason: expect.stringMatching(/nested 40003 deep/) },
      });
      expect(deep.worstDelayMs).toBeLessThan(1_000);
      const bomb = await upload(
        "report.docx",
        zipBombDocx(1024),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      expect(bomb).toMatchObject({
        status: "failed",
        reason: expect.stringMatching(/^refused DOCX: it declares 1024 MB uncompressed/),
      });
      const good = await upload("A_RES_74_247.docx", fixture("A_RES_74_247.docx"), null);
      expect(good).toMatchObject({ status: "inserted", slug: "A/RES/74/247" });
    },
  );
});
