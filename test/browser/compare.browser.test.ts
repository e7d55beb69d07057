// Browser test: the three-State comparison in Chromium without JavaScript — chosen with the form's three selects,
// pairwise vote agreement, instruments with their traffic light, evidence per norm side by side — and a bad code.
import { expect, it } from "vitest";
import { getPairAgreement } from "../../src/analysis/alignment-queries.js";
import { findCurrentRubric } from "../../src/db/rubrics.js";
import { DEFAULT_RUBRIC_SLUG } from "../../src/domain/rubric.js";
import { describeBrowser, saveScreenshot, startBrowserTestServer, useBrowserSetup } from "../browser.js";
import { createPublisher, evidenceRecord } from "../evidence.js";

describeBrowser("three-State comparison in a browser", () => {
  const setup = useBrowserSetup(async () => {
    const server = await startBrowserTestServer();
    const db = server.testApp.database.db;
    const publisher = await createPublisher(db, new Date("2026-11-23T12:00:00Z"), "compare");
    // Synthetic records (not real claims about these States), published through the editorial workflow.
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "DEU",
        itemId: "13k",
        status: "implemented",
        externalUrl: "https://example.org/deu-13k",
      }),
    );
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "DEU",
        itemId: "13k",
        status: "implemented",
        reporter: "civil-society",
        reporterName: "Test NGO",
        externalUrl: "https://example.org/deu-13k-shadow",
      }),
    );
    const criterion = (await findCurrentRubric(db, DEFAULT_RUBRIC_SLUG))!.criteria[2]!;
    await publisher.publish("assessment", {
      instrumentId: "bra-first-cyber-strategy",
      criterionId: criterion.id,
      rating: "not-met",
      paragraphId: null,
      externalUrl: "https://example.org/bra-strategy",
      quote: null,
      note: null,
      assessedOn: "2026-11-20",
    });
    return server;
  });

  it("compares France, Germany and Brazil chosen with the three selects", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/compare`);
    await page.getByLabel("State 1").selectOption("FRA");
    await page.getByLabel("State 2").selectOption("DEU");
    await page.getByLabel("State 3").selectOption("BRA");
    await page.getByRole("button", { name: "Compare" }).click();
    expect(new URL(page.url()).searchParams.getAll("states")).toEqual(["FRA", "DEU", "BRA"]);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Compare France, Germany, Brazil",
    );

    const alignment = page.getByRole("table", { name: /Agreement index of each pair/ });
    expect(await alignment.locator("tbody tr").count()).toBe(3);
    const expected = await getPairAgreement(setup.server.testApp.database.db, "DEU", "BRA", { isCyberOnly: true });
    const row = alignment.locator("tbody tr", { hasText: "Germany – Brazil" });
    await expect(row.locator("td").first().textContent()).resolves.toContain(
      `${(expected.agreement! * 100).toFixed(1)}%`,
    );

    const evidence = page.getByRole("table", { name: /Published evidence records per State/ });
    const headers = await evidence.locator("thead th").allTextContents();
    expect(headers).toEqual(["Norm or CBM", "France", "Germany", "Brazil"]);
    const k = evidence.locator("tbody tr", { has: page.locator('a[href="/norms/13k"]') });
    await expect(k.locator("td").allTextContents()).resolves.toEqual(["—", "2 (1 / 1)", "—"]);

    const brazil = page.locator("#compare-instruments-heading ~ div > div", {
      has: page.getByRole("heading", { name: "Brazil" }),
    });
    await expect(brazil.locator('[data-light="red"]').count()).resolves.toBe(1);
    await saveScreenshot(page, "compare-three-states");
    await context.close();
  });

  it("says beside the form that a code matches no State", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${setup.server.base}/compare?states=FRA,QQQ`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("main").textContent()).resolves.toContain("No State matches “QQQ”.");
    await context.close();
  });
});
