// Browser stories (issue 17): a reader's questions answered in a few clicks from the home page, at 390 and 1280 px,
// JavaScript off: France's record on norm 13(c); when the next session is and how an NGO registers; subscribe, confirm
// and follow a State in one step. (Who voted how on 74/247 and who sits between the blocs: analysis.test.ts.)
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { describeBrowser, saveScreenshot, serveOnLoopback, useBrowserSetup, type ServedApp } from "../browser.js";
import { createNewsletterTestApp, type NewsletterTestApp } from "../smtp.js";

/** The stories' app: seeded, with a real SMTP server behind the mailer and the clock on 23 November 2026. */
async function startStoriesServer(): Promise<ServedApp & { t: NewsletterTestApp }> {
  const t = await createNewsletterTestApp("pglite", { seed: true });
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

/** Types a query into the header's search box and submits it, as a reader on any page would. */
async function searchFromHeader(page: Page, query: string): Promise<void> {
  const box = page.getByRole("banner").getByRole("searchbox");
  await box.fill(query);
  await box.press("Enter");
  await page.waitForURL(/\/search\?/);
}

async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describeBrowser("a reader's stories from the home page", () => {
  const setup = useBrowserSetup(startStoriesServer);

  for (const width of [390, 1280]) {
    it(`finds France's record on norm 13(c) from the home page, at ${width} px`, async () => {
      const context = await setup.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${setup.server.base}/`);
      await searchFromHeader(page, "France");
      await page.getByRole("link", { name: "France", exact: true }).first().click();
      expect(new URL(page.url()).pathname).toBe("/states/FRA");
      // The State's matrix of norms and CBMs sits behind a disclosure; its 13(c) row leads to the record.
      await page.getByText("Every norm and CBM with its evidence count").click();
      await page.getByRole("link", { name: "13(c)", exact: true }).click();
      expect(new URL(page.url()).pathname).toBe("/states/FRA/norms/13c");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/^France and 13\(c\) /);
      await expect(page.locator("main .lede").textContent()).resolves.toContain("No published evidence yet");
      await expect(
        page.getByRole("heading", { name: /France's published positions on international law/ }).textContent(),
      ).resolves.toContain("(1)");
      await expectNoSidewaysScroll(page, width);
      await saveScreenshot(page, `story-france-13c-${width}`);
      await context.close();
    });

    it(`says when the next session is and how an NGO registers, at ${width} px`, async () => {
      const context = await setup.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${setup.server.base}/`);
      // The clock is on 23 November 2026: the next session in the fact base is the Global Mechanism's DTG meetings.
      const next = page
        .getByRole("link", { name: /Global Mechanism dedicated thematic group \(DTG\) meetings/ })
        .first();
      await next.click();
      expect(new URL(page.url()).pathname).toMatch(/^\/sessions\/global-mechanism-ict-2026-/);
      await expect(page.locator("main").textContent()).resolves.toContain("7 December 2026 – 11 December 2026");
      const takingPart = page.getByRole("heading", { name: "Taking part as a non-governmental organisation" });
      await expect(takingPart.isVisible()).resolves.toBe(true);
      // The apply link inside that section (the same page is also listed among the record's sources).
      const register = page
        .locator("section", { has: takingPart })
        .getByRole("link", { name: /meetings\.unoda\.org\/meeting\/76825/ });
      await expect(register.getAttribute("href")).resolves.toBe("https://meetings.unoda.org/meeting/76825");
      await expectNoSidewaysScroll(page, width);
      await saveScreenshot(page, `story-next-session-${width}`);
      await context.close();
    });
  }
});
