// HTTP bench: requests/s and p99 latency with autocannon on loopback for a State page and its API, next to a
// bare Hono "hello" handler in the same run, each server in its own process.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startServerProcess } from "../test/server-process.js";
import { freePort, waitFor200 } from "./startup.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONNECTIONS = 10;
const SECONDS = 5;

const HELLO_SERVER = `
import { serve } from "@hono/node-server";
import { Hono } from "hono";
const app = new Hono();
app.get("/", (c) => c.text("hello"));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
`;

/** Issue 17's target for a State page and its JSON: at least 2,000 requests/s with p99 under 50 ms. */
const TARGET = { requestsPerSecond: 2000, p99Ms: 50 };

async function measure(label: string, url: string, options: { target?: boolean } = {}): Promise<void> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: 10 });
  const errors = result.errors + result.timeouts + result.non2xx;
  const rate = Math.round(result.requests.average);
  const target = options.target
    ? `   target ≥ ${TARGET.requestsPerSecond.toLocaleString("en")} req/s, p99 < ${TARGET.p99Ms} ms: ${rate >= TARGET.requestsPerSecond && result.latency.p99 < TARGET.p99Ms ? "met" : "NOT met"}`
    : "";
  console.log(
    `  ${label.padEnd(28)} ${rate.toLocaleString("en").padStart(7)} req/s` +
      `   p99 ${String(result.latency.p99).padStart(4)} ms   (${result.requests.total.toLocaleString("en")} requests${errors ? `, ${errors} errors` : ""})${target}`,
  );
}

export async function runHttpBench(): Promise<void> {
  console.log(
    `HTTP on loopback, ${CONNECTIONS} connections, ${SECONDS} s each (autocannon; servers in their own process, LOG_LEVEL=error):`,
  );
  const helloPort = await freePort();
  const hello = spawn(process.execPath, ["--input-type=module", "-e", HELLO_SERVER], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(helloPort) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitFor200(`http://127.0.0.1:${helloPort}/`);
    await measure("bare Hono GET / (hello)", `http://127.0.0.1:${helloPort}/`);
  } finally {
    hello.kill("SIGTERM");
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-bench-http-"));
  const port = await freePort();
  const server = startServerProcess(dataDir, { PORT: String(port), LOG_LEVEL: "error" });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor200(`${base}/states/CHE`);
    await measure("GET /api/v1/states/CHE", `${base}/api/v1/states/CHE`, { target: true });
    await measure("GET /states/CHE (page)", `${base}/states/CHE`, { target: true });
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
