// Browser test: an editor signs in, changes a session's start date with a source, and the public session page
// changes only after another editor approves the change.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEditorialTestApp, type EditorialTestApp } from "../editorial.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
const SESSION = "oewg-2021-2025-oewg-first-substantive-session";
const PASSWORD = "a long enough passphrase";

describe.skipIf(!hasChromium)(`editorial review in a browser${hasChromium ? "" : " (skipped: /usr/bin/chromium not found)"}`, () => {
  let t: EditorialTestApp;
  let server: ServerType;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    t = await createEditorialTestApp("pglite", { seed: true });
    await t.addUser("ada@example.org", "editor", PASSWORD);
    await t.addUser("grace@example.org", "editor", PASSWORD);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.dispose();
  });

  async function signIn(email: string): Promise<BrowserContext> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/editor`);
    await page.close();
    return context;
  }

  async function publicStart(): Promise<string | null> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${base}/sessions/${SESSION}`);
    expect(response?.status()).toBe(200);
    const start = await page.locator("main time").first().getAttribute("datetime");
    await context.close();
    return start;
  }

  it("publishes an editor's new session date only after another editor's review", async () => {
    expect(await publicStart()).toBe("2021-12-13");

    const ada = await signIn("ada@example.org");
    const page = await ada.newPage();
    await page.goto(`${base}/editor/edit/session/${SESSION}`);
    await page.getByLabel("Start").fill("2021-12-14");
    await page.getByLabel("Source URL").fill("https://meetings.unoda.org/oewg-ict/2021");
    await page.getByLabel("Source title").fill("OEWG on ICTs 2021–2025: meetings");
    await page.getByLabel("Source licence").fill("UN terms of use");
    await page.getByLabel("What does this change do?").fill("Start date per the UNODA meetings page");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.waitForURL(/\/editor\/changes\/\d+$/);
    const changeUrl = page.url();
    await expect(page.locator(".status").textContent()).resolves.toBe("In review");
    await expect(page.locator("table.diff").textContent()).resolves.toContain("2021-12-14");
    // The author cannot approve alone: with two editors the four-eyes rule applies.
    await page.getByRole("button", { name: "Approve and publish" }).click();
    expect(await page.textContent("main")).toContain("another editor must review this change");
    expect(await publicStart()).toBe("2021-12-13");

    const grace = await signIn("grace@example.org");
    const review = await grace.newPage();
    await review.goto(changeUrl);
    await review.getByRole("button", { name: "Approve and publish" }).click();
    await review.waitForURL(changeUrl);
    await expect(review.locator(".status").textContent()).resolves.toBe("Published");
    expect(await publicStart()).toBe("2021-12-14");

    await review.goto(`${base}/history/session/${SESSION}`);
    expect(await review.locator(".history-entry").first().textContent()).toContain("Start date per the UNODA meetings page");
    await ada.close();
    await grace.close();
  });
});
