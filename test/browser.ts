// Browser test infrastructure, the one setup every test in test/browser uses: Debian's Chromium through
// playwright-core (never a downloaded browser), the app served on a random loopback port over a seeded throwaway
// PGlite database (public or editorial, with a movable clock), and signing in through the login form.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { createTestApp, type TestApp } from "./app.js";
import { createEditorialTestApp, type EditorialTestApp } from "./editorial.js";

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

/**
 * How long seeding a database, serving it and launching Chromium may take before a test file gives up: sized
 * for a two-core machine shared with other test workers, where the seed alone took minutes.
 */
export const BROWSER_SETUP_BUDGET_MS = 10 * 60_000;

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

export interface ServedApp {
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/** Serves an app on a random loopback port. */
export async function serveOnLoopback(app: Hono): Promise<ServedApp> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface BrowserTestServer extends ServedApp {
  testApp: TestApp;
}

/** Serves createApp on a random loopback port over a seeded PGlite test database. */
export async function startBrowserTestServer(options: { now?: Date } = {}): Promise<BrowserTestServer> {
  const testApp = await createTestApp("pglite", options);
  const served = await serveOnLoopback(testApp.app);
  return {
    ...served,
    testApp,
    async close() {
      await served.close();
      await testApp.dispose();
    },
  };
}

export interface EditorialBrowserServer extends ServedApp {
  /** The app with its movable clock, recorded mail and accounts. */
  t: EditorialTestApp;
}

/** Serves the editorial test app (movable clock, recording mailer) on a random loopback port. */
export async function startEditorialBrowserServer(
  options: { seed?: boolean; now?: Date } = {},
): Promise<EditorialBrowserServer> {
  const t = await createEditorialTestApp("pglite", { seed: options.seed ?? true });
  if (options.now) t.clock.set(options.now);
  const served = await serveOnLoopback(t.app);
  return {
    ...served,
    t,
    async close() {
      await served.close();
      await t.dispose();
    },
  };
}

export interface BrowserSetup<S> {
  /** The server started for this describe block (throws if the setup failed). */
  readonly server: S;
  /** The Chromium shared by the block's tests; give each test its own context. */
  readonly browser: Browser;
}

/**
 * Registers the block's hooks: start the server and Chromium before its tests (within BROWSER_SETUP_BUDGET_MS),
 * close both after. Call inside describeBrowser; read `server` and `browser` inside the tests.
 */
export function useBrowserSetup<S extends ServedApp>(startServer: () => Promise<S>): BrowserSetup<S> {
  let server: S | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  }, BROWSER_SETUP_BUDGET_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, BROWSER_SETUP_BUDGET_MS);
  return {
    get server() {
      if (!server) throw new Error("the browser test server did not start");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("Chromium did not start");
      return browser;
    },
  };
}

/**
 * Signs in through the login form in a new context (cookies kept there) and waits for the editor desk; returns the
 * context, with no page left open.
 */
export async function signIn(
  browser: Browser,
  base: string,
  credentials: { email: string; password: string },
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base}/editor`);
  await page.close();
  return context;
}

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const file = path.join(TEST_RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
