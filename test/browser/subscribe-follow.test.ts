// Browser test (issue 17), JavaScript off, at 390 and 1280 px: subscribe from the home page, confirm, then follow a
// State from its page in one click (the confirmation remembered this browser); axe-core on the follow and preferences
// pages finds nothing serious or critical, and neither is wider than the screen.
import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { listAlertSubscriptionsOf } from "../../src/db/alerts.js";
import { deliveries } from "../../src/db/schema/newsletter.js";
import { findSubscriberByEmail } from "../../src/db/subscribers.js";
import { describeBrowser, startBrowserTestServer, useBrowserSetup } from "../browser.js";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
}

/** Serious or critical axe findings and sideways overflow on a page (axe needs JavaScript on). */
async function problemsOf(page: Page, url: string, width: number): Promise<string[]> {
  const path = new URL(url).pathname;
  await page.goto(url);
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  const found = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.help}`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) found.push(`${path}: ${scrollWidth} px wide at ${width} px`);
  return found;
}

describeBrowser("subscribe and follow a State from the home page", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());

  for (const width of [390, 1280]) {
    it(`subscribes from the home page and follows France in one click once confirmed, at ${width} px`, async () => {
      const { browser, server } = setup;
      const { db } = server.testApp.database;
      const email = `reader-${width}@example.org`;
      const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.base}/`);
      const home = page.locator("#home-subscribe");
      await home.getByLabel("Email address").fill(email);
      await home.getByLabel("What to receive").selectOption("cybercrime");
      await home.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL(/\/subscribe\?/);
      await expect(page.getByLabel("Email address (required)").inputValue()).resolves.toBe(email);
      await expect(page.getByLabel("UN cybercrime convention").isChecked()).resolves.toBe(true);
      await expect(page.getByLabel("Monthly digest").isChecked()).resolves.toBe(false);
      await page.getByRole("button", { name: "Subscribe" }).click();
      await page.waitForURL(`${server.base}/subscribe/check-email`);

      // The confirmation link, as the queued message carries it (the app's PUBLIC_URL, here http://localhost).
      const queued = await db.select().from(deliveries).where(eq(deliveries.recipient, email));
      expect(queued).toHaveLength(1);
      const link = new URL(
        /http:\/\/localhost\/subscribe\/confirm\?token=[A-Za-z0-9_-]+/.exec(queued[0]!.bodyText)![0],
      );
      await page.goto(`${server.base}${link.pathname}${link.search}`);
      await page.getByRole("button", { name: "Yes, subscribe me" }).click();
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("You are subscribed");

      await page.goto(`${server.base}/states/FRA`);
      await page.getByRole("link", { name: "Email alerts when something about France changes" }).click();
      await page.waitForURL(/\/follow\?kind=state&id=FRA/);
      const followUrl = page.url();
      await page.getByRole("button", { name: `Follow as ${email}` }).click();
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("You follow State FRA");

      const subscriber = (await findSubscriberByEmail(db, email))!;
      expect(subscriber).toMatchObject({ status: "active", topics: ["cybercrime"] });
      expect(await listAlertSubscriptionsOf(db, subscriber.id)).toMatchObject([
        { targetKind: "state", targetId: "FRA", channel: "email" },
      ]);
      // One message in all: the confirmation. Following needed no second one.
      expect(await db.select().from(deliveries).where(eq(deliveries.recipient, email))).toHaveLength(1);

      await page.getByRole("link", { name: "Your preferences" }).click();
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your subscription");
      const preferencesUrl = page.url();

      // The same pages for axe, in a context with JavaScript and this browser's cookies. axe is injected as an inline
      // script, which the site's CSP rightly refuses: bypass it for the test only.
      const checker = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      await checker.addCookies(await context.cookies());
      const checkPage = await checker.newPage();
      const problems = await problemsOf(checkPage, followUrl, width);
      await expect(checkPage.getByRole("button", { name: `Follow as ${email}` }).count()).resolves.toBe(1);
      problems.push(...(await problemsOf(checkPage, preferencesUrl, width)));
      expect(problems).toEqual([]);
      await checker.close();
      await context.close();
    });
  }
});
