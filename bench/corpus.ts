// Corpus bench: a fresh install's first page with the bundled corpus importing behind it, and how pages answer
// while it imports (autocannon on loopback): the figures of issue 15, each next to its target.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { startServerProcess } from "../test/server-process.js";
import { freePort, waitFor200 } from "./startup.js";

const FIRST_PAGE_TARGET_S = 60;
const P99_TARGET_MS = 250;
const CONNECTIONS = 10;
const SECONDS = 10;

async function progressOf(base: string): Promise<string> {
  const html = await (await fetch(`${base}/about/data`)).text();
  return /(Waiting to load|Loading|Loaded): ([\d,]+) of ([\d,]+) documents/.exec(html)?.[0] ?? "no progress shown";
}

/** The message of a log line: the `msg` of a JSON line (LOG_FORMAT=json), or the line itself. */
function logMessage(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === "string" ? parsed.msg : line;
  } catch {
    return line;
  }
}

export async function runCorpusBench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-bench-corpus-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server = startServerProcess(dataDir, { PORT: String(port), LOG_LEVEL: "info", BUNDLED_CORPUS: "background" });
  try {
    await waitFor200(`${base}/`);
    const firstPage = (performance.now() - started) / 1000;
    console.log(
      `fresh start (empty DATA_DIR: migrate, seed) to the first page, corpus importing behind it: ${firstPage.toFixed(1)} s (target < ${FIRST_PAGE_TARGET_S} s, npm install not included)`,
    );
    console.log(`  corpus before the load: ${await progressOf(base)}`);
    for (const route of ["/states/CHE", "/search?q=cybercrime"]) {
      const result = await autocannon({
        url: `${base}${route}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        timeout: 10,
      });
      const errors = result.errors + result.timeouts + result.non2xx;
      console.log(
        `  GET ${route.padEnd(22)} during the import: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms (target p99 < ${P99_TARGET_MS} ms)${errors ? `, ${errors} errors` : ""}; corpus now: ${await progressOf(base)}`,
      );
    }
    const line = await server.waitForLine(/corpus \S+: done/, 30 * 60_000);
    console.log(
      `  import finished ${((performance.now() - started) / 1000).toFixed(0)} s after the start: ${logMessage(line).replace(/^.*corpus/, "corpus")}`,
    );
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
