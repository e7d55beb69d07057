// Browser test: a norm page in Chromium without JavaScript — the evidence map is coloured by status, the table and
// the side-by-side reports agree, the citation opens the cited paragraph — and the regional roll-up from the menu.
import { expect, it } from "vitest";
import { describeBrowser, saveScreenshot, startBrowserTestServer, useBrowserSetup } from "../browser.js";
import { createPublisher, evidenceRecord, paragraphIdOf } from "../evidence.js";

describeBrowser("norm page in a browser", () => {
  const setup = useBrowserSetup(async () => {
    const server = await startBrowserTestServer();
    const db = server.testApp.database.db;
    const publisher = await createPublisher(db, new Date("2026-11-23T12:00:00Z"));
    // Synthetic evidence records (not real claims about these States), published through the editorial workflow.
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "DEU",
        itemId: "13k",
        status: "implemented",
        paragraphId: await paragraphIdOf(db, "A/RES/78/237", "op-4"),
        quote: "computer emergency response teams channels",
        observed: "2023",
      }),
    );
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "BRA",
        itemId: "13k",
        status: "regressed",
        reporter: "civil-society",
        reporterName: "Test NGO",
        externalUrl: "https://example.org/shadow-13k",
      }),
    );
    return server;
  });

  it("shows States by status on the map and in the table, reports side by side, and opens the cited paragraph", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/norms`);
    await page.getByRole("link", { name: "13(k)", exact: true }).click();
    expect(new URL(page.url()).pathname).toBe("/norms/13k");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/^13\(k\) /);

    const map = page.getByRole("img", { name: /States by the status of their evidence for 13\(k\)/ });
    await expect(map.isVisible()).resolves.toBe(true);
    const fill = (iso3: string) =>
      page
        .locator(`#evidence-map [data-iso3="${iso3}"]`)
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
    await expect(fill("DEU")).resolves.toBe("rgb(27, 122, 58)");
    await expect(fill("BRA")).resolves.toBe("rgb(179, 38, 30)");
    await expect(fill("FRA")).resolves.toBe("rgb(217, 221, 227)");

    const table = page.getByRole("table", { name: /States by evidence status for 13\(k\)/ });
    await expect(
      table
        .getByRole("row", { name: /Implemented/ })
        .getByRole("link")
        .allTextContents(),
    ).resolves.toEqual(["Germany"]);
    await expect(
      table
        .getByRole("row", { name: /Regressed/ })
        .getByRole("link")
        .allTextContents(),
    ).resolves.toEqual(["Brazil"]);

    const self = page.getByRole("region", { name: /Reported by the States themselves/ });
    const shadow = page.getByRole("region", { name: /Shadow reports/ });
    const [selfBox, shadowBox] = [await self.boundingBox(), await shadow.boundingBox()];
    expect(
      selfBox && shadowBox && Math.abs(selfBox.y - shadowBox.y) < 5 && shadowBox.x > selfBox.x + selfBox.width - 5,
    ).toBe(true);
    await expect(shadow.textContent()).resolves.toContain("Test NGO (civil society)");
    await saveScreenshot(page, "norm-13k");

    await self.getByRole("link", { name: "A/RES/78/237, op 4" }).click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe("/documents/A/RES/78/237#op-4");
    await expect(page.locator("#op-4").textContent()).resolves.toContain("computer emergency response teams channels");
    await context.close();
  });

  it("reaches the regional roll-up from the menu and reads Germany's evidence in the WEOG row", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Implementation" }).click();
    const heatmap = page.getByRole("table", { name: /States with evidence of status implemented per group and item/ });
    const weog = heatmap.getByRole("row", { name: /Western European and Others Group/ });
    await expect(weog.getByRole("cell").nth(10).textContent()).resolves.toMatch(/^1\/\d+\d%$/);
    await saveScreenshot(page, "implementation-rollup");
    await context.close();
  });
});
