// Browser test: the International law page in Chromium without JavaScript, reached from the navigation — the map
// colours States with a published position, the timeline links into the list, the topic table reads "not
// extracted" honestly — at a phone width (no sideways scrolling) and a desktop width.
import { expect, it } from "vitest";
import { describeBrowser, saveScreenshot, startBrowserTestServer, useBrowserSetup } from "../browser.js";

describeBrowser("International law page in a browser", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());

  it("shows the map, the timeline linked to the list and the topic table, from the navigation, at 1280 px", async () => {
    const context = await setup.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "International law" }).click();
    expect(new URL(page.url()).pathname).toBe("/international-law");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("International law");

    const map = page.getByRole("img", { name: /31 States with at least one published position/ });
    await expect(map.isVisible()).resolves.toBe(true);
    const fill = (iso3: string) =>
      page
        .locator(`#positions-map [data-iso3="${iso3}"]`)
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
    await expect(fill("FRA")).resolves.toBe("rgb(47, 109, 181)");
    await expect(fill("BLZ")).resolves.toBe("rgb(217, 221, 227)");

    const timeline = page.getByRole("table", { name: "Published positions per year" });
    await timeline.getByRole("row", { name: /^2012/ }).getByRole("link", { name: "United States" }).click();
    expect(new URL(page.url()).hash).toBe("#usa-2012-09-18");
    await expect(page.locator("#usa-2012-09-18").textContent()).resolves.toContain("International Law in Cyberspace");

    const topics = page.getByRole("table", { name: "Positions per topic a source says they address" });
    await expect(topics.getByRole("row", { name: /Due diligence/ }).isVisible()).resolves.toBe(true);
    await expect(page.locator("#ken-2021-07-13").textContent()).resolves.toContain(
      "Topics a source says it addresses: not extracted",
    );
    await saveScreenshot(page, "international-law-1280");
    await context.close();
  });

  it("fits a 390 px phone screen without sideways scrolling, and links a State's positions and treaty status", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/international-law`);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await saveScreenshot(page, "international-law-390");
    const regions = page.getByRole("table", { name: "Members of regional organisations with a published position" });
    await regions.getByRole("link", { name: "Kenya" }).click();
    expect(new URL(page.url()).pathname).toBe("/states/KEN");
    const treaties = page.getByRole("region", { name: "Treaties" });
    await expect(treaties.textContent()).resolves.toMatch(/Budapest Convention\s*partial data: Status unknown/);
    // The State page's other sections are not this test's concern; these two fit the screen.
    for (const region of [treaties, page.getByRole("region", { name: /Positions on international law/ })]) {
      const box = await region.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    }
    await context.close();
  });
});
