// Browser test infrastructure: Debian's Chromium through playwright-core (never a downloaded browser), and the
// app served on a random loopback port over a seeded throwaway PGlite database.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser, type Page } from "playwright-core";
import { describe } from "vitest";
import { createTestApp, type TestApp } from "./app.js";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const isChromiumAvailable = fs.existsSync(CHROMIUM_PATH);
export const CHROMIUM_SKIP_MESSAGE = `skipped: Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`;

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Where screenshots go (git-ignored). */
export const TEST_RESULTS_DIR = fileURLToPath(new URL("../test-results/", import.meta.url));

/** A describe block that runs only when Chromium is installed, and otherwise says why it skipped. */
export function describeBrowser(name: string, body: () => void): void {
  describe.skipIf(!isChromiumAvailable)(isChromiumAvailable ? name : `${name} (${CHROMIUM_SKIP_MESSAGE})`, body);
}

/** Launches Chromium; playwright gives every launch a fresh temporary user-data-dir, removed on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface BrowserTestServer {
  /** http://127.0.0.1:<port> */
  base: string;
  testApp: TestApp;
  close(): Promise<void>;
}

/** Serves createApp on a random loopback port over a seeded PGlite test database. */
export async function startBrowserTestServer(options: { now?: Date } = {}): Promise<BrowserTestServer> {
  const testApp = await createTestApp("pglite", options);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: testApp.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    testApp,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await testApp.dispose();
    },
  };
}

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const file = path.join(TEST_RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
