// Browser test of the foundation pages in Chromium: a State profile and the processes timeline, with screenshots.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeBrowser, saveScreenshot, startBrowserTestServer, useBrowserSetup } from "../browser.js";

describeBrowser("foundation pages in a browser", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());
  let page: Page;
  beforeAll(async () => {
    page = await setup.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  it("shows Switzerland's profile with its regional group and memberships", async () => {
    const response = await page.goto(`${setup.server.base}/states/CHE`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Switzerland");
    await expect(page.title()).resolves.toContain("Switzerland");
    const group = page.getByRole("link", { name: "Western European and Others Group (WEOG)" });
    await expect(group.isVisible()).resolves.toBe(true);
    const memberships = page.locator("section", { has: page.getByRole("heading", { name: "Memberships (6)" }) });
    await expect(memberships.isVisible()).resolves.toBe(true);
    for (const name of [
      "Council of Europe",
      "Organization for Security and Co-operation in Europe",
      "Wassenaar Arrangement",
    ]) {
      await expect(memberships.getByRole("link", { name }).isVisible()).resolves.toBe(true);
    }
    // The stylesheet loaded (a page without CSS would still pass the checks above).
    const font = await page.locator("body").evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).not.toBe("");
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    await saveScreenshot(page, "foundation-state-che");
  });

  it("draws the processes timeline as SVG with a bar for the 2019–2021 OEWG", async () => {
    const response = await page.goto(`${setup.server.base}/processes`);
    expect(response?.status()).toBe(200);
    const timeline = page.locator("svg.timeline");
    await expect(timeline.isVisible()).resolves.toBe(true);
    const bar = timeline.locator('rect.bar[data-process-id="oewg-2019-2021"]');
    await expect(bar.count()).resolves.toBe(1);
    const box = await bar.boundingBox();
    expect(box!.width).toBeGreaterThan(10);
    expect(box!.height).toBeGreaterThan(5);
    await saveScreenshot(page, "foundation-processes");
  });
});
