// Browser test: search for the Ad Hoc Committee's words, follow the permalink to 74/247 op 2, and read the document page.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);

describe.skipIf(!hasChromium)(`search and document pages in a browser${hasChromium ? "" : " (skipped: /usr/bin/chromium not found)"}`, () => {
  let t: TestApp;
  let server: ServerType;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
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

  it("finds 74/247 op 2 by searching, highlights the words and opens the paragraph by its permalink", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/search`);
    await page.getByLabel('Words or "a phrase"').fill("ad hoc intergovernmental committee of experts");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/paragraphs? match/);
    const hit = page.getByRole("link", { name: "A/RES/74/247, op 2" });
    await expect(hit.isVisible()).resolves.toBe(true);
    const marks = await page.locator(".search-hit mark").allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(["committee", "experts"]));
    await hit.click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe("/documents/A/RES/74/247#op-2");
    await expect(page.locator("h1").textContent()).resolves.toBe("A/RES/74/247");
    await expect(page.locator("#op-2 p").first().textContent()).resolves.toMatch(/^Decides to establish an open-ended ad hoc intergovernmental committee of experts/);
    await expect(page.locator("#op-2").isVisible()).resolves.toBe(true);
    const citedBy = page.getByRole("region", { name: "Cited by" }).getByRole("link", { name: /A\/RES\/79\/243/ }).first();
    await expect(citedBy.isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("suggests matching paragraphs while typing, with JavaScript on", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/search`);
    await page.getByLabel('Words or "a phrase"').pressSequentially("ad hoc intergovernmental committee", { delay: 10 });
    const suggestion = page.locator("#search-suggestions").getByRole("link", { name: "A/RES/74/247, op 2" });
    await suggestion.waitFor({ state: "visible", timeout: 10_000 });
    expect(await page.locator("#search-suggestions mark").count()).toBeGreaterThan(0);
    expect(await page.locator("#search-suggestions").textContent()).toMatch(/paragraphs match “ad hoc intergovernmental committee”/);
    await context.close();
  });
});
