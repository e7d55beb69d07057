// Dump bench: the public dump (GET /api/v1/dump) built in the background with the bundled corpus loaded on embedded
// PGlite, its build time and size, and how /states/FRA answers while it builds (autocannon on loopback, a steady
// rate), each figure next to its target. Uncached: the requests carry a cookie, so the page cache does not answer them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { startServerProcess, type ServerProcess } from "../test/server-process.js";
import { freePort, waitFor200 } from "./startup.js";

const P99_TARGET_MS = 250;
const CONNECTIONS = 4;
/** Pages asked for per second during the build: a busy site, not a saturating load (that measures the queue). */
const RATE = 20;

/** The message of a log line: the `msg` of a JSON line (LOG_FORMAT=json), or the line itself. */
function logMessage(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === "string" ? parsed.msg : line;
  } catch {
    return line;
  }
}

async function waitForPartialFile(dir: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).some((name) => name.includes(".partial-"))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no dump build started in ${dir} within ${timeoutMs} ms`);
}

function rssOf(pid: number | undefined): string {
  if (!pid) return "?";
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return `${Math.round(kb / 1024)} MB`;
}

/** Waits for the builder's log line and reads its figures. */
async function waitForBuild(server: ServerProcess): Promise<{ bytes: number; ms: number }> {
  const line = await server.waitForLine(/public dump: data version \d+, \d+ bytes in \d+ ms/, 10 * 60_000);
  const [, bytes, ms] = /(\d+) bytes in (\d+) ms/.exec(logMessage(line))!;
  return { bytes: Number(bytes), ms: Number(ms) };
}

export async function runDumpBench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-bench-dump-"));
  const dumps = path.join(dataDir, "dumps");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), LOG_LEVEL: "info", BUNDLED_CORPUS: "background" };
  let server = startServerProcess(dataDir, env);
  try {
    await waitFor200(`${base}/`);
    await server.waitForLine(/corpus \S+: done/, 30 * 60_000);
    // The builder waits for the data to be quiet after the import, then builds with nothing else asking.
    let rssDuring = "?";
    let sampler = setInterval(() => (rssDuring = rssOf(server.child.pid)), 250);
    const quiet = await waitForBuild(server);
    clearInterval(sampler);
    console.log(
      `public dump with the bundled corpus on PGlite, built in the background: ${(quiet.ms / 1000).toFixed(1)} s, ${(quiet.bytes / 1e6).toFixed(1)} MB gzipped (server RSS during the build ${rssDuring}, after ${rssOf(server.child.pid)})`,
    );
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/dump`);
    const size = (await res.arrayBuffer()).byteLength;
    console.log(
      `  GET /api/v1/dump: ${res.status}, ${(size / 1e6).toFixed(1)} MB streamed from disk in ${Math.round(performance.now() - started)} ms`,
    );

    // Again from a restart without the file, pages asked for at a steady rate while it builds.
    await server.stop();
    fs.rmSync(dumps, { recursive: true, force: true });
    server = startServerProcess(dataDir, { ...env, BUNDLED_CORPUS: "off" });
    await waitFor200(`${base}/`);
    const before = await fetch(`${base}/api/v1/dump`);
    console.log(
      `  GET /api/v1/dump before the first file: ${before.status}, Retry-After ${before.headers.get("retry-after")}`,
    );
    await waitForPartialFile(dumps, 60_000);
    let load: autocannon.Instance | undefined;
    const result = new Promise<autocannon.Result>((resolve, reject) => {
      load = autocannon(
        {
          url: `${base}/states/FRA`,
          connections: CONNECTIONS,
          overallRate: RATE,
          duration: 600,
          timeout: 10,
          headers: { cookie: "bench=uncached" },
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
    });
    sampler = setInterval(() => (rssDuring = rssOf(server.child.pid)), 250);
    const busy = await waitForBuild(server);
    clearInterval(sampler);
    load!.stop();
    const figures = await result;
    const errors = figures.errors + figures.timeouts + figures.non2xx;
    console.log(
      `  GET /states/FRA (uncached, ${RATE} req/s) during a build: p99 ${figures.latency.p99} ms (target p99 < ${P99_TARGET_MS} ms), p50 ${figures.latency.p50} ms, ${figures.requests.total} requests${errors ? `, ${errors} errors` : ""}; that build took ${(busy.ms / 1000).toFixed(1)} s`,
    );
    const idle = await autocannon({
      url: `${base}/states/FRA`,
      connections: CONNECTIONS,
      overallRate: RATE,
      duration: 10,
      timeout: 10,
      headers: { cookie: "bench=uncached" },
    });
    console.log(
      `  GET /states/FRA (uncached, ${RATE} req/s) with no build, for comparison: p99 ${idle.latency.p99} ms, p50 ${idle.latency.p50} ms`,
    );
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
