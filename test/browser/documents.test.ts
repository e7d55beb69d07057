// Browser test: search for the Ad Hoc Committee's words, follow the permalink to 74/247 op 2, and read the document page.
import { expect, it } from "vitest";
import { describeBrowser, startBrowserTestServer, useBrowserSetup } from "../browser.js";

describeBrowser("search and document pages in a browser", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());

  it("finds 74/247 op 2 by searching, highlights the words and opens the paragraph by its permalink", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/search`);
    await page.getByLabel('Words or "a phrase"').fill("ad hoc intergovernmental committee of experts");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/paragraphs? in \d+ documents? match/);
    const hit = page.getByRole("link", { name: "A/RES/74/247, op 2" });
    await expect(hit.isVisible()).resolves.toBe(true);
    const marks = await page.locator(".search-hit mark").allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(["committee", "experts"]));
    await hit.click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe("/documents/A/RES/74/247#op-2");
    await expect(page.locator("h1").textContent()).resolves.toBe("A/RES/74/247");
    await expect(page.locator("#op-2 p").first().textContent()).resolves.toMatch(
      /^Decides to establish an open-ended ad hoc intergovernmental committee of experts/,
    );
    await expect(page.locator("#op-2").isVisible()).resolves.toBe(true);
    const citedBy = page
      .getByRole("region", { name: "Cited by" })
      .getByRole("link", { name: /A\/RES\/79\/243/ })
      .first();
    await expect(citedBy.isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("suggests matching paragraphs while typing, with JavaScript on", async () => {
    const context = await setup.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/search`);
    await page.getByLabel('Words or "a phrase"').pressSequentially("ad hoc intergovernmental committee", { delay: 10 });
    const suggestion = page.locator("#search-suggestions").getByRole("link", { name: "A/RES/74/247, op 2" });
    await suggestion.waitFor({ state: "visible", timeout: 10_000 });
    expect(await page.locator("#search-suggestions mark").count()).toBeGreaterThan(0);
    expect(await page.locator("#search-suggestions").textContent()).toMatch(
      /paragraphs match “ad hoc intergovernmental committee”/,
    );
    await context.close();
  });
});
