// Startup bench: the real server process on an empty DATA_DIR (migrate + seed) until GET /states/CHE answers 200,
// then a warm start on the same folder.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startServerProcess } from "../test/server-process.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls url every 25 ms until it answers 200; gives up after timeoutMs. */
export async function waitFor200(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

async function timeStart(dataDir: string): Promise<{ ms: number; imported: number }> {
  const port = await freePort();
  const started = performance.now();
  const server = startServerProcess(dataDir, { PORT: String(port) });
  let ms: number;
  try {
    await waitFor200(`http://127.0.0.1:${port}/states/CHE`);
    ms = performance.now() - started;
  } finally {
    await server.stop();
  }
  return { ms, imported: server.lines.filter((l) => l.includes(": importing…")).length };
}

export async function runStartupBench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-bench-startup-"));
  try {
    const cold = await timeStart(dataDir);
    console.log(
      `cold start (empty DATA_DIR: migrate, seed ${cold.imported} datasets) to first GET /states/CHE 200: ${Math.round(cold.ms)} ms`,
    );
    const warm = await timeStart(dataDir);
    console.log(
      `warm start (same DATA_DIR, ${warm.imported} datasets imported) to first GET /states/CHE 200: ${Math.round(warm.ms)} ms`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
