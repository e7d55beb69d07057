// The real server process with the bundled corpus loading behind it: the site answers while it loads, a stop keeps
// the progress, and the next start resumes after it instead of starting over.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess, STARTUP_BUDGET_MS, type ServerProcess } from "./server-process.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-corpus-server-"));
const running: ServerProcess[] = [];
const start = () => {
  const server = startServerProcess(dataDir, { BUNDLED_CORPUS: "background" });
  running.push(server);
  return server;
};
const count = (line: string, pattern: RegExp) => Number(pattern.exec(line)![1]!.replaceAll(",", ""));

describe("the bundled corpus on a real server", () => {
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "serves pages while it loads, keeps its progress on SIGTERM and resumes after it on the next start",
    async () => {
      const first = start();
      const url = await first.ready;
      await first.waitForLine(/corpus ga-resolutions-74-79: importing 1,974 documents in the background/);
      const page = await fetch(`${url}/search?q=cybercrime`);
      expect(page.status).toBe(200);
      await first.waitForLine(/corpus ga-resolutions-74-79: [\d,]+ of 1,974 documents/);
      expect(await (await fetch(`${url}/about/data`)).text()).toMatch(/Loading: [\d,]+ of 1,974 documents/);
      expect(await first.stop()).toEqual({ code: 0, signal: null });
      const paused = first.lines.find((l) => /paused after \d+ of 1974/.test(l));
      expect(paused, first.lines.join("\n")).toBeDefined();
      const handled = count(paused!, /paused after (\d+)/);
      expect(handled).toBeGreaterThan(0);

      const second = start();
      await second.ready;
      const resumed = await second.waitForLine(/corpus ga-resolutions-74-79: resuming after/);
      expect(count(resumed, /resuming after ([\d,]+)/)).toBe(handled);
      await second.stop();
    },
    3 * STARTUP_BUDGET_MS,
  );
});
