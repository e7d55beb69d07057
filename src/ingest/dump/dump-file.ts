// The public dump as a file on disk (GET /api/v1/dump, issue 18): built in the background after start and after the
// data changes (debounced, one build at a time), written as .partial and renamed when whole, named after the data
// version and a hash of its bytes, files of older data versions removed. Requests only ever stream a finished file,
// so none waits for a build and no process keeps the ~76 MB file in memory.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Database } from "../../db/client.js";
import { DumpDataChangedError, exportDumpTo } from "./export-dump.js";

export interface PublicDumpFile {
  /** The data version it was read at. */
  version: number;
  path: string;
  size: number;
  /** Strong, from the data version and the SHA-256 of the bytes. */
  etag: string;
  createdAt: Date;
  /** The name to save it as. */
  filename: string;
}

/** Writes the gzipped public dump to out and ends it. */
export type PublicDumpWriter = (out: Writable, createdAt: Date) => Promise<void>;

export interface PublicDumpFilesOptions {
  /** Where the files live (publicDumpDir). */
  dir: string;
  /** The current data version. */
  readVersion: () => Promise<number>;
  /** publicDumpWriter(database) in the app; tests inject one they control. */
  write: PublicDumpWriter;
  now: () => Date;
  /** Quiet time after a change is seen before building: a burst of writes (an import) makes one build. */
  debounceMs?: number;
  /** The longest a seen change waits for quiet. */
  maxDelayMs?: number;
  /** How often the data version is read to notice changes without a request; 0: only when asked. */
  pollMs?: number;
  log?: (line: string) => void;
  onError?: (error: unknown) => void;
}

export interface PublicDumpFiles {
  /** The newest finished file, possibly of an older data version than the current one; undefined before the first. */
  current(): PublicDumpFile | undefined;
  /** The data version of the build running now, if one is. */
  buildingVersion(): number | undefined;
  /** The data version is `version` (seen by a request): builds after the debounce unless the file already has it. */
  notice(version: number): void;
  /** Builds now unless the file has the current data version (after any running build); the file then current. */
  refresh(): Promise<PublicDumpFile | undefined>;
  /** Starts noticing changes (a first check at once, then every pollMs). */
  start(): void;
  /** Stops the timers and waits for a running build. */
  close(): Promise<void>;
}

/** Rows per statement when building on PGlite. */
const PGLITE_BATCH_ROWS = 200;

const FILE_NAME = /^public-(\d+)-([A-Za-z0-9_-]{43})\.ndjson\.gz$/;

/**
 * DATA_DIR/dumps when it can be written to, else a folder in the system's temporary directory (a read-only DATA_DIR,
 * an app server on PostgreSQL without a local data folder).
 */
export function publicDumpDir(dataDir: string | undefined): string {
  const candidates = [dataDir ? path.join(dataDir, "dumps") : undefined, path.join(os.tmpdir(), "normwatch-dumps")];
  for (const dir of candidates) {
    if (!dir) continue;
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
      return dir;
    } catch {
      // Try the next one.
    }
  }
  throw new Error(`no writable folder for the public dump (tried ${candidates.filter(Boolean).join(", ")})`);
}

/**
 * The export's own code path (`normwatch export --public`): on PostgreSQL one REPEATABLE READ snapshot (it holds one
 * pool connection, nobody else waits); on embedded PGlite in batches that let pages through between them, the build
 * failing (and retried later) if the data changed meanwhile.
 */
export function publicDumpWriter(database: Pick<Database, "db" | "driver">): PublicDumpWriter {
  return async (out, createdAt) => {
    await exportDumpTo(database, out, true, {
      isPublic: true,
      now: () => createdAt,
      consistency: database.driver === "pglite" ? "batches" : "snapshot",
      // Each batch holds PGlite's one connection and the event loop: small ones keep a waiting page's delay short.
      batchSize: database.driver === "pglite" ? PGLITE_BATCH_ROWS : 1000,
    });
  };
}

function fileOf(dir: string, name: string, stat?: fs.Stats): PublicDumpFile | undefined {
  const match = FILE_NAME.exec(name);
  if (!match) return undefined;
  const version = Number(match[1]);
  const file = path.join(dir, name);
  const info = stat ?? fs.statSync(file);
  return {
    version,
    path: file,
    size: info.size,
    etag: `"v${version}-${match[2]}"`,
    createdAt: info.mtime,
    filename: `normwatch-public-${info.mtime.toISOString().slice(0, 10)}-v${version}.ndjson.gz`,
  };
}

/** The finished file of the newest data version in dir (another process sharing the folder may have built it). */
function findNewestFile(dir: string): PublicDumpFile | undefined {
  let newest: PublicDumpFile | undefined;
  for (const name of fs.readdirSync(dir)) {
    try {
      const file = fileOf(dir, name);
      if (file && (!newest || file.version > newest.version)) newest = file;
    } catch {
      // Removed meanwhile.
    }
  }
  return newest;
}

/** Removes finished files of data versions older than keep's, and .partial files this process left. */
function removeOldFiles(dir: string, keep: PublicDumpFile): void {
  for (const name of fs.readdirSync(dir)) {
    const match = FILE_NAME.exec(name);
    const isOld = match && Number(match[1]) < keep.version;
    const isOwnPartial = name.endsWith(`.partial-${process.pid}`);
    // A reader streaming a removed file keeps its bytes (POSIX): the name goes, the open file stays readable.
    if (isOld || isOwnPartial) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export function createPublicDumpFiles(options: PublicDumpFilesOptions): PublicDumpFiles {
  const { dir, readVersion, write, now } = options;
  const debounceMs = options.debounceMs ?? 10_000;
  const maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  const log = options.log ?? (() => {});
  const onError = options.onError ?? (() => {});
  fs.mkdirSync(dir, { recursive: true });
  let current = findNewestFile(dir);
  if (current) removeOldFiles(dir, current);
  let running: { version: number | undefined; done: Promise<PublicDumpFile | undefined> } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let poller: NodeJS.Timeout | undefined;
  let pending: { version: number; since: number } | undefined;
  let closed = false;

  async function build(version: number): Promise<PublicDumpFile> {
    const createdAt = now();
    const partial = path.join(dir, `public-${version}.ndjson.gz.partial-${process.pid}`);
    const hash = createHash("sha256");
    let size = 0;
    const tap = new PassThrough();
    tap.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    const started = performance.now();
    try {
      fs.rmSync(partial, { force: true });
      const out = fs.createWriteStream(partial, { flags: "wx", mode: 0o644 });
      await Promise.all([write(tap, createdAt), pipeline(tap, out)]);
      const digest = hash.digest("base64url");
      const name = `public-${version}-${digest}.ndjson.gz`;
      fs.renameSync(partial, path.join(dir, name));
      fs.utimesSync(path.join(dir, name), createdAt, createdAt);
      const file = fileOf(dir, name, { size, mtime: createdAt } as fs.Stats)!;
      log(`public dump: data version ${version}, ${size} bytes in ${Math.round(performance.now() - started)} ms`);
      return file;
    } catch (error) {
      tap.destroy();
      fs.rmSync(partial, { force: true });
      throw error;
    }
  }

  /** Builds unless the newest file (here, or built by another process in the folder) has the data version. */
  async function buildIfStale(): Promise<PublicDumpFile | undefined> {
    const version = await readVersion();
    const found = findNewestFile(dir);
    if (found && (!current || found.version > current.version)) current = found;
    if (current && current.version >= version) return current;
    running!.version = version;
    try {
      const file = await build(version);
      if (!current || current.version <= file.version) {
        current = file;
        removeOldFiles(dir, file);
      }
    } catch (error) {
      if (!(error instanceof DumpDataChangedError)) throw error;
      log(`public dump: ${error.message}; built again once the data is quiet`);
    }
    // A write during the build (or the retry above): look again after the debounce.
    noticeLater();
    return current;
  }

  function run(): Promise<PublicDumpFile | undefined> {
    const entry: NonNullable<typeof running> = { version: undefined, done: Promise.resolve(undefined) };
    entry.done = buildIfStale().finally(() => {
      if (running === entry) running = undefined;
    });
    running = entry;
    return entry.done;
  }

  function fire(): void {
    timer = undefined;
    const seen = pending;
    if (closed) return;
    readVersion().then((version) => {
      if (closed) return;
      // Still changing (the version is sampled, not pushed): wait for a quiet debounce, up to maxDelayMs in all.
      if (seen && version !== seen.version && Date.now() < seen.since + maxDelayMs) {
        pending = undefined;
        schedule(version, seen.since);
        return;
      }
      pending = undefined;
      if (running) {
        // One build at a time: look again when this one ends.
        void running.done.then(noticeLater, noticeLater);
        return;
      }
      run().catch((error: unknown) => {
        log(`public dump: build failed: ${error instanceof Error ? error.message : String(error)}`);
        onError(error);
      });
    }, onError);
  }

  function schedule(version: number, since = pending?.since ?? Date.now()): void {
    if (closed) return;
    if (current && current.version >= version) return;
    if (running?.version !== undefined && running.version >= version) return;
    // The debounce restarts only when the version moved, not on every request that sees the same one.
    if (timer && pending?.version === version) return;
    pending = { version, since };
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(debounceMs, since + maxDelayMs - Date.now())));
    timer.unref();
  }

  function noticeLater(): void {
    if (closed) return;
    readVersion().then(schedule, onError);
  }

  return {
    current: () => current,
    buildingVersion: () => running?.version,
    notice: (version) => schedule(version),
    async refresh() {
      while (running) await running.done.catch(() => undefined);
      return run();
    },
    start() {
      noticeLater();
      if (options.pollMs) {
        poller = setInterval(noticeLater, options.pollMs);
        poller.unref();
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poller);
      await running?.done.catch(() => undefined);
    },
  };
}
