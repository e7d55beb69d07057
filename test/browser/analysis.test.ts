// Browser test (issue 17): who moved between 73/187 and 74/247, and which States sit between the blocs, at 390 and 1280 px, JavaScript off.
import path from "node:path";
import { expect, it } from "vitest";
import { describeBrowser, startBrowserTestServer, TEST_RESULTS_DIR, useBrowserSetup } from "../browser.js";

describeBrowser("vote comparison and alignment in a browser", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());

  for (const width of [390, 1280]) {
    it(`goes from the 74/247 vote to who moved since 73/187 in one click, at ${width} px`, async () => {
      const context = await setup.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${setup.server.base}/votes/A/RES/74/247`);
      await page.screenshot({ path: path.join(TEST_RESULTS_DIR, `vote-${width}.png`), fullPage: false });
      const series = page.getByRole("navigation", { name: "Votes of this series" });
      await series.getByRole("link", { name: "compare" }).click();
      await expect(page.locator("h1").textContent()).resolves.toBe("Compare two votes");
      await expect(page.locator("main p strong").first().textContent()).resolves.toBe("20 States changed their vote");
      const table = page.getByRole("table", { name: /From A\/RES\/73\/187 \(rows\) to A\/RES\/74\/247/ });
      await expect(table.locator("tbody tr").first().textContent()).resolves.toContain("Brazil");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(TEST_RESULTS_DIR, `compare-${width}.png`), fullPage: true });
      await context.close();
    });

    it(`lists the States between the blocs, at ${width} px`, async () => {
      const context = await setup.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${setup.server.base}/alignment?a=Brazil&b=France`);
      await expect(page.locator("#pair-heading").textContent()).resolves.toBe("Brazil and France");
      const between = page.getByRole("table", { name: /closest to two blocs at once/ });
      expect(await between.locator("tbody tr").count()).toBe(40);
      expect(await page.getByRole("list", { name: "Colour scale" }).locator("li").count()).toBe(11);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(TEST_RESULTS_DIR, `alignment-${width}.png`), fullPage: false });
      await context.close();
    });
  }
});
