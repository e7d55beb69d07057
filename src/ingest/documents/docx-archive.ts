// Checks a DOCX (a ZIP archive) before mammoth opens it: entry count, total uncompressed size and compression ratio
// from the central directory, then each entry inflated and counted against what it declares, so a zip bomb (a small
// file that inflates to gigabytes, or entries that lie about their size) is refused before a parser sees it.
import yauzl from "yauzl";
import { DocumentParseError } from "./akn.js";

export interface ArchiveLimits {
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed over compressed size, checked once the archive inflates past `ratioCheckAboveBytes`. */
  maxRatio: number;
  ratioCheckAboveBytes: number;
}

// A long Word report is a few MB of XML and images that hardly compress; 1 MB of zip bomb inflates to a GB or more.
export const DOCX_LIMITS: ArchiveLimits = {
  maxEntries: 5000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioCheckAboveBytes: 10 * 1024 * 1024,
};

export async function assertSafeArchive(bytes: Uint8Array, limits: ArchiveLimits = DOCX_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw new DocumentParseError(`unreadable DOCX: ${(error as Error).message}`);
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw refusal(`${zip.entryCount} entries, over the limit of ${limits.maxEntries}`);
    const entries = await readEntries(zip);
    const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
    const compressed = Math.max(
      1,
      entries.reduce((n, e) => n + e.compressedSize, 0),
    );
    checkTotals(declared, compressed, limits, "declares");
    // The sizes above are the archive's own word: inflate every entry and count, stopping at the first that lies.
    let inflated = 0;
    for (const entry of entries) {
      inflated += await countEntryBytes(zip, entry);
      checkTotals(inflated, compressed, limits, "inflates to");
    }
  } finally {
    zip.close();
  }
}

function checkTotals(total: number, compressed: number, limits: ArchiveLimits, verb: string): void {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (total > limits.maxUncompressedBytes)
    throw refusal(`it ${verb} ${mb(total)} uncompressed, over the limit of ${mb(limits.maxUncompressedBytes)}`);
  if (total > limits.ratioCheckAboveBytes && total / compressed > limits.maxRatio) {
    throw refusal(
      `it ${verb} ${mb(total)} from ${Math.round(compressed / 1024)} KB compressed, a ratio of ${Math.round(total / compressed)}:1 (limit ${limits.maxRatio}:1)`,
    );
  }
}

function refusal(why: string): DocumentParseError {
  return new DocumentParseError(`refused DOCX: ${why}; a zip bomb or a damaged file`);
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (error: Error) => reject(new DocumentParseError(`unreadable DOCX: ${error.message}`)));
    zip.readEntry();
  });
}

async function countEntryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  if (entry.fileName.endsWith("/")) return 0;
  let count = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) count += (chunk as Buffer).length;
  } catch (error) {
    // yauzl stops an entry that inflates past its declared size ("too many bytes in the stream").
    throw refusal(`${entry.fileName}: ${(error as Error).message}`);
  }
  return count;
}
