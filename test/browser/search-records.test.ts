// Browser test (issue 17): from the header's search box on a 390 px phone without JavaScript, "74/247" finds the
// resolution and its vote first, a facet limits the results to votes, and the page never scrolls sideways.
import { createRequire } from "node:module";
import { expect, it } from "vitest";
import { describeBrowser, saveScreenshot, startBrowserTestServer, useBrowserSetup } from "../browser.js";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

describeBrowser("the search box's records in a browser", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());

  it("finds 74/247 from the header on a phone, limits to votes with a facet, and fits 390 px", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/`);
    const search = page.getByRole("search", { name: "Site" });
    await search.getByLabel("Search Normwatch").fill("74/247");
    await search.getByRole("button", { name: "Find" }).click();
    await page.waitForURL(/\/search\?q=74%2F247$/);
    const records = page.getByRole("region", { name: "Records" });
    const links = records.locator("li.record-result > a");
    await expect(links.nth(0).getAttribute("href")).resolves.toBe("/resolutions/A/RES/74/247");
    await expect(links.nth(1).getAttribute("href")).resolves.toBe("/votes/A/RES/74/247");
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await saveScreenshot(page, "search-records-390");

    await page
      .getByRole("navigation", { name: "Limit the results to one kind" })
      .getByRole("link", { name: /^Votes \(\d+\)$/ })
      .click();
    expect(new URL(page.url()).searchParams.get("kind")).toBe("vote");
    await expect(page.getByRole("status").textContent()).resolves.toMatch(
      /^(1 vote matches|\d+ votes match) “74\/247”$/,
    );
    await expect(page.locator("li.record-result > a").first().getAttribute("href")).resolves.toBe(
      "/votes/A/RES/74/247",
    );
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);

    await page.getByRole("link", { name: "A/RES/74/247" }).first().click();
    expect(new URL(page.url()).pathname).toBe("/votes/A/RES/74/247");
    await context.close();
  });

  it("puts France first for a name typed on the search page, at 1280 px", async () => {
    const context = await setup.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/search`);
    await page.getByLabel('Words or "a phrase"').fill("France");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const first = page.getByRole("region", { name: "Records" }).locator("li.record-result > a").first();
    await expect(first.textContent()).resolves.toBe("France");
    await first.click();
    expect(new URL(page.url()).pathname).toBe("/states/FRA");
    await context.close();
  });

  it("has no serious or critical axe-core finding with records, facets and paragraphs", async () => {
    // axe is injected as an inline script, which the site's CSP rightly refuses: bypass it for the test only.
    const context = await setup.browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    const findings: string[] = [];
    for (const path of [
      "/search?q=74%2F247",
      "/search?q=cybercrime&kind=resolution",
      "/search?q=13(c)",
      "/search?norm=13e&norm_topics=true",
    ]) {
      await page.goto(`${setup.server.base}${path}`);
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: Document,
                options: object,
              ) => Promise<{ violations: { id: string; impact: string | null; help: string }[] }>;
            };
          }
        ).axe;
        return (await axe.run(document, { resultTypes: ["violations"] })).violations;
      });
      for (const v of violations)
        if (v.impact === "serious" || v.impact === "critical")
          findings.push(`${path}: ${v.id} (${v.impact}) ${v.help}`);
    }
    expect(findings).toEqual([]);
    await context.close();
  });

  it("tells apart the resolution, vote and text of resolution 74/247, lists the paragraphs citing it, and orders the facets as the sections", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/search?q=${encodeURIComponent("resolution 74/247")}`);
    const links = page.getByRole("region", { name: "Records" }).locator("li.record-result > a");
    const names = await links.allTextContents();
    expect(names.slice(0, 3)).toEqual([
      expect.stringMatching(/^A\/RES\/74\/247 — resolution: Countering the use/),
      expect.stringMatching(/^A\/RES\/74\/247 — vote of \d+ December 2019 \(\d+–\d+–\d+\)$/),
      expect.stringMatching(/^A\/RES\/74\/247 — text \(English, \d+ paragraphs\)$/),
    ]);
    await expect(
      page.getByRole("heading", { level: 2, name: "Paragraphs that cite A/RES/74/247" }).isVisible(),
    ).resolves.toBe(true);
    const hits = page.locator("li.search-hit .snippet mark");
    await expect(hits.first().textContent()).resolves.toMatch(/74\/247/);
    const facets = (
      await page
        .getByRole("navigation", { name: "Limit the results to one kind" })
        .locator("a, strong")
        .allTextContents()
    )
      .map((t) => t.replace(/ \([\d,]+\)$/, ""))
      .filter((t) => t !== "All");
    const sections = (await page.locator("h3[id^=records-], h2#paragraphs-heading").allTextContents()).map((t) =>
      t.startsWith("Paragraphs") ? "Paragraphs" : t.replace(/ \([\d,]+\)$/, ""),
    );
    expect(facets).toEqual(sections);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await saveScreenshot(page, "search-citing-390");
    await context.close();
  });
});
